"""Taking a profile along from the window: *Learner → Export the whole profile…* (JSON or a learner passport PDF)
and *Learner → Import a profile…* (a preview, then a new learner or a merge)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from plprofile.ui import profile_transfer
from plprofile.ui.profile_transfer import ExportChoice

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def _menu_action(window, text: str) -> QAction:
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu entry {text!r}")


def _zoe(window):
    return next(window.model.learner(i).id for i in range(window.model.rowCount())
                if window.model.learner(i).given_name == "Zoë")


def test_export_the_whole_profile_from_the_menu_as_json_and_as_a_passport(open_window, answers, tmp_path,
                                                                           monkeypatch):
    window = open_window(demo=True)
    window.select_learner(_zoe(window))
    chosen: list[ExportChoice] = []
    monkeypatch.setattr(profile_transfer, "choose_export", lambda _parent, _suggested: chosen.pop(0))
    export = _menu_action(window, "Export the whole profile…")

    chosen.append(ExportChoice(tmp_path / "zoe.json", "json", "en"))
    export.trigger()
    doc = json.loads((tmp_path / "zoe.json").read_text(encoding="utf-8"))
    assert doc["format"] == "plprofile-profile" and doc["learner"]["id"] == str(_zoe(window))
    assert doc["tables"]["goal"] and doc["tables"]["conference"]

    chosen.append(ExportChoice(tmp_path / "zoe.pdf", "pdf", "en"))
    export.trigger()
    assert answers.errors == [] and len(answers.infos) == 2
    pdf = tmp_path / "zoe.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split(":")[1] for line in info.splitlines() if line.startswith("Pages:"))) >= 2
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for heading in ("Learner passport", "About me and what I bring", "How I learn best", "My learning backpack",
                    "Voice and choice", "My goals", "where we are now", "Conferences"):
        assert heading in text, heading
    assert not Path(str(pdf) + ".part").exists()

    # a file already there is never overwritten
    before = pdf.read_bytes()
    chosen.append(ExportChoice(pdf, "pdf", "es"))
    export.trigger()
    assert answers.errors and "already exists" in answers.errors[-1] and pdf.read_bytes() == before
