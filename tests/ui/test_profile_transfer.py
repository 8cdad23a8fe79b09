"""Taking a profile along from the window: *Learner → Export the whole profile…* (JSON or a learner passport PDF)
and *Learner → Import a profile…* (a preview, then a new learner or a merge)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from plprofile.ui.documents import profile_transfer
from plprofile.ui.documents.profile_transfer import ExportChoice

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


def test_import_a_profile_shows_what_arrives_then_imports_or_merges(open_window, answers, tmp_path, language):
    import copy
    import uuid

    from plprofile.services.accounts import cli_teacher
    from plprofile.services.demo import generate_demo
    from plprofile.services.portable import PortableService, dumps
    from plprofile.store.engine import open_store

    elsewhere = open_store(tmp_path / "elsewhere")  # another school: other learners, other ids
    generate_demo(elsewhere, learners=3)
    teacher = cli_teacher(elsewhere)
    from plprofile.services.profiles import ProfileService

    newcomer = ProfileService(elsewhere).list_learners(teacher)[0]
    arriving = PortableService(elsewhere).export_profile(teacher, newcomer.id)
    arriving["learner"]["external_id"] = "NEW-001"  # the demo's student IDs are the same in every demo store
    (tmp_path / "newcomer.json").write_text(dumps(arriving), encoding="utf-8")
    elsewhere.close()

    language("en")  # English plural forms ("1 row", "147 rows")
    window = open_window(demo=True)
    count = window.model.rowCount()
    seen = []

    def look_then(button: str):
        def fill(dialog):
            seen.append((dialog.learner.text(), dialog.contents.text(), dialog.note.text(),
                         dialog.action_button.text().replace("&", "")))
            getattr(dialog, button).click()
        return fill

    # a look, then Cancel: nothing arrives
    answers.file_answer = str(tmp_path / "newcomer.json")
    answers.dialog_filler = look_then("cancel_button")
    _menu_action(window, "Import a profile…").trigger()
    assert window.model.rowCount() == count and answers.infos == []
    name, contents, note, action = seen[-1]
    assert name.startswith(f"{newcomer.preferred_name} {newcomer.family_name}")
    assert "goals" in contents and "will be added to this store" in note and action == "Import"

    # Import: the learner arrives, selected
    answers.dialog_filler = look_then("action_button")
    _menu_action(window, "Import a profile…").trigger()
    assert answers.errors == [] and window.model.rowCount() == count + 1
    assert window.current_learner_id() == newcomer.id
    assert answers.infos[-1] == f"Imported the profile of {newcomer.preferred_name} {newcomer.family_name}."

    # Merge: Zoë's file with one goal this store has not; nothing here is changed
    zoe = _zoe(window)
    doc = PortableService(window.ctx.store).export_profile(window.ctx.me, zoe)
    goal = copy.deepcopy(doc["tables"]["goal"][0])
    goal.update(id=str(uuid.uuid4()), statement="Swim a length of the pool")
    doc["tables"]["goal"].append(goal)
    doc["tables"]["profile_entry"][0]["text"] = "Words changed in the file"  # already here: never overwritten
    (tmp_path / "zoe.json").write_text(dumps(doc), encoding="utf-8")
    answers.file_answer = str(tmp_path / "zoe.json")
    _menu_action(window, "Import a profile…").trigger()
    name, contents, note, action = seen[-1]
    assert "is already in this store" in note and action == "Merge"
    view = window.ctx.profiles.load_profile(window.ctx.me, zoe)
    assert "Swim a length of the pool" in [g.goal.statement for g in view.goals]
    assert "Words changed in the file" not in [e.text for e in view.entries]
    total = sum(len(rows) for rows in doc["tables"].values()) + (doc["account"] is not None)
    assert answers.infos[-1] == (f"Merged the profile of Zoë Moreau: 1 row added. {total - 1} rows were already "
                                 "here and were left as they were.")

    # a damaged file: a clear message before any preview, and nothing written
    (tmp_path / "damaged.json").write_text(dumps(doc)[:-100], encoding="utf-8")
    answers.file_answer = str(tmp_path / "damaged.json")
    shown = len(seen)
    _menu_action(window, "Import a profile…").trigger()
    assert len(seen) == shown and "damaged" in answers.errors[-1]


def test_a_profile_sealed_from_the_window_opens_only_with_its_passphrase(open_window, answers, qtbot, tmp_path,
                                                                          monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox

    from plprofile.ui.documents.profile_transfer import ImportPreviewDialog
    from plprofile.ui.safety.encryption import PassphraseDialog

    window = open_window(demo=True)
    zoe = _zoe(window)
    window.select_learner(zoe)
    sealed = tmp_path / "zoe.json.plpx"
    monkeypatch.setattr(profile_transfer, "choose_export", lambda *_a: ExportChoice(sealed, "sealed", "en"))
    typed: list[str] = []
    previews: list[str] = []

    def fill(dialog):
        if isinstance(dialog, PassphraseDialog):
            phrase = typed.pop(0)
            qtbot.keyClicks(dialog.first, phrase)
            if dialog.confirm:
                qtbot.keyClicks(dialog.second, phrase)
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        else:
            assert isinstance(dialog, ImportPreviewDialog)
            previews.append(dialog.note.text())
            dialog.cancel_button.click()

    answers.dialog_filler = fill
    typed.append("maple tree 42")
    _menu_action(window, "Export the whole profile…").trigger()
    body = sealed.read_bytes()
    assert answers.errors == [] and body.startswith(b"PLPX") and "Zoë".encode() not in body

    answers.file_answer = str(sealed)
    typed.append("birch tree 42")  # the wrong one: a clear message, no preview
    _menu_action(window, "Import a profile…").trigger()
    assert answers.errors == ["That passphrase does not open zoe.json.plpx (or the file was altered). "
                              "Nothing was imported."]
    assert previews == []
    typed.append("maple tree 42")
    _menu_action(window, "Import a profile…").trigger()
    assert len(answers.errors) == 1 and previews and "Zoë Moreau is already in this store" in previews[0]
