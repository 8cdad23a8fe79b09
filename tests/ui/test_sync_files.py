"""Files for no network in the window: File → Save changes to a file… on the teacher's laptop (a file for one
learner's device), File → Load changes from a file… on the tablet; a bad file gets a plain message and the
store stays as it was."""

from __future__ import annotations

import sqlite3

import pytest

from plprofile.domain.profile import Section
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import DB_FILENAME, open_store
from plprofile.store.models import ProfileEntry
from plprofile.ui.kit import ask
from plprofile.ui.operations import sync_files
from tests.conflicts import build

PASS = "a long passphrase"


@pytest.fixture
def pair(tmp_path):
    made = build(tmp_path, tmp_path / "data")
    made.entry = ProfileService(made.laptop).add_entry(made.teacher, made.learner_id, Section.INTERESTS,
                                                      "Loves maps")
    made.laptop.close()
    made.tablet.close()
    return made


def _dump(data) -> list[str]:
    con = sqlite3.connect(data / DB_FILENAME)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_a_file_saved_for_one_learner_is_loaded_on_their_tablet(open_window, qtbot, answers, monkeypatch, pair,
                                                                 tmp_path, language):
    language("en")
    asked = []
    monkeypatch.setattr(ask, "choice", lambda _p, _t, _l, items, current=0: asked.append(items) or 1)
    monkeypatch.setattr(ask, "save_file", lambda *_a: str(tmp_path / "for-ana"))
    monkeypatch.setattr(sync_files, "new_passphrase", lambda _p: PASS)
    monkeypatch.setattr(sync_files, "passphrase_of", lambda _p, _n: PASS)
    laptop = open_window(tmp_path / "data")
    laptop.save_changes_action.trigger()
    qtbot.waitUntil(lambda: bool(answers.infos or answers.errors), timeout=60_000)
    assert not answers.errors
    assert asked[0][1] == "Only Ana Diaz's changes, for their device"
    assert (tmp_path / "for-ana.plpx").exists()
    assert answers.infos[-1].startswith("Saved 1 change to for-ana.plpx.")
    laptop.close()

    tablet = open_window(tmp_path / "tablet")
    answers.file_answer = str(tmp_path / "for-ana.plpx")
    tablet.load_changes_action.trigger()
    qtbot.waitUntil(lambda: len(answers.infos) == 2 or bool(answers.errors), timeout=60_000)
    assert not answers.errors
    assert answers.infos[-1].splitlines()[:2] == ["Loaded for-ana.plpx, made by Ms Rivera.", "1 change applied."]
    tablet.close()
    store = open_store(tmp_path / "tablet")
    try:
        with store.session() as s:
            assert s.get(ProfileEntry, pair.entry.id).text == "Loves maps"
    finally:
        store.close()


@pytest.mark.parametrize("content", [b"not a file of changes at all", b"PLPX\x01\x00\x05damaged"])
def test_a_bad_file_gets_a_plain_message_and_nothing_changes(open_window, qtbot, answers, monkeypatch, pair,
                                                             tmp_path, content):
    bad = tmp_path / "bad.plpx"
    bad.write_bytes(content)
    monkeypatch.setattr(sync_files, "passphrase_of", lambda _p, _n: PASS)
    before = _dump(tmp_path / "tablet")
    tablet = open_window(tmp_path / "tablet")
    answers.file_answer = str(bad)
    tablet.load_changes_action.trigger()
    qtbot.waitUntil(lambda: bool(answers.errors or answers.infos), timeout=60_000)
    assert not answers.infos
    assert "bad.plpx" in answers.errors[0] and "Nothing was changed" in answers.errors[0]
    assert "Traceback" not in answers.errors[0] and "Error" not in answers.errors[0]
    tablet.close()
    assert _dump(tmp_path / "tablet") == before
