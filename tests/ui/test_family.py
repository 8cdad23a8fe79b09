"""Guardians and parents of a OneRoster set, as a teacher meets them: never in the class list, a small Family box
on the learner's profile, and the family summary addressed to one of them. The set arrives through the command
line (a real process) and through Import class… in the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests import oneroster_sets as sets


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


def _select(window, given: str) -> None:
    window.select_learner(next(window.model.learner(i).id for i in range(window.model.rowCount())
                               if window.model.learner(i).given_name == given))


def test_the_import_command_keeps_parents_as_contacts_that_the_profile_shows(tmp_path: Path, open_window):
    data = tmp_path / "data"
    result = _run("--data-dir", str(data), "import", str(sets.write_zip(sets.set_family_11(), tmp_path / "sis.zip")),
                  "--yes", "--json")
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert (counts["learners_added"], counts["contacts_added"]) == (2, 4)
    again = json.loads(_run("--data-dir", str(data), "import", str(tmp_path / "sis.zip"), "--yes", "--json").stdout)
    assert again["contacts_added"] == again["contacts_updated"] == again["contacts_removed"] == 0

    window = open_window(data)
    assert sorted(s.given_name for s in window.model.all_learners()) == ["Léo", "Zoë"]  # no parent is a learner
    _select(window, "Zoë")
    box = window.profile.family_box
    assert box.isVisible() and box.title() == "Family"
    assert box.text.text().splitlines() == [
        "Henri Dubois (relative) · +33 6 99 88 77 66",
        "Marie Moreau (parent) · marie.moreau@example.org · +33 6 12 34 56 78"]
    _select(window, "Léo")
    assert box.text.text().splitlines()[0] == "Awa Diallo (guardian) · awa@example.org"


def test_import_class_with_a_family_set_then_a_summary_for_a_parent(open_window, answers, qtbot, tmp_path,
                                                                     monkeypatch, language):
    from plprofile.ui.kit import ask
    from plprofile.ui.profile import conference_mode

    language("en")
    window = open_window()
    answers.file_answer = str(sets.write_zip(sets.set_family_11(), tmp_path / "sis.zip"))
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=20_000)
    assert "4 family contacts added" in answers.confirms[-1]
    _select(window, "Zoë")
    assert "Marie Moreau (parent)" in window.profile.family_box.text.text()

    asked: list[list[str]] = []

    def choose(_parent, _title, _label, items, _current=0):  # noqa: ANN001, ANN202
        asked.append(items)
        return items.index("Marie Moreau (parent)")

    monkeypatch.setattr(ask, "choice", choose)
    pdf = tmp_path / "zoe.pdf"
    monkeypatch.setattr(conference_mode, "choose_pdf_path", lambda *_a: str(pdf))
    panel = window.profile
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.conference.end_button, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and pdf.exists()
    assert asked == [["Nobody in particular", "Henri Dubois (relative)", "Marie Moreau (parent)"]]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "For: Marie Moreau" in text and "Zoë Moreau" in text
