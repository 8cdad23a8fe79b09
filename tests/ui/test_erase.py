"""Deleting a learner permanently from the window: the question says what goes (backups included), and
afterwards neither the store nor its backups hold a byte of them."""

from __future__ import annotations

from PySide6.QtGui import QAction

from plprofile.domain import profile as d
from plprofile.services import backup as bk
from plprofile.ui.kit import ask


def _trigger(window, text: str) -> None:
    action = next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)
    assert action.isEnabled()
    action.trigger()


def test_delete_permanently_erases_the_learner_from_the_store_and_its_backups(open_window, answers, qtbot,
                                                                             monkeypatch, tmp_path):
    window = open_window()
    ctx = window.ctx
    leaver = ctx.profiles.add_learner(ctx.teacher, given_name="Mira", family_name="Szczepanowska-Hale")
    stays = ctx.profiles.add_learner(ctx.teacher, given_name="Otto", family_name="Brandt")
    ctx.profiles.add_entry(ctx.teacher, leaver.id, d.Section.INTERESTS, "Collects fossils from the beach")
    ctx.profiles.add_entry(ctx.teacher, stays.id, d.Section.INTERESTS, "Plays the trumpet")
    data = window.data_dir
    bk.create_backup(data)
    bk.create_backup(data, kind=bk.DAILY)
    window.refresh_learners()
    window.select_learner(leaver.id)
    asked: list[str] = []

    def type_name(_parent, _title, label, *_a) -> str:
        asked.append(label)
        return "szczepanowska-hale"

    monkeypatch.setattr(ask, "text", type_name)
    _trigger(window, "Delete learner permanently…")
    qtbot.waitUntil(lambda: window.left.isEnabled() and window.model.rowCount() == 1, timeout=20_000)
    assert answers.errors == []
    assert "every backup" in asked[0] and "(2 backup" in asked[0] and "cannot be brought back" in asked[0]
    assert window.model.learner(0).id == stays.id
    files = [data / "plprofile.sqlite3", *(b.path for b in bk.list_backups(data))]
    assert len(files) == 3
    for path in files:
        raw = path.read_bytes()
        assert b"Szczepanowska" not in raw and b"fossils" not in raw, path.name
        if path.name != "plprofile.sqlite3":
            assert b"trumpet" in raw  # the others are kept
    assert not (data / "plprofile.sqlite3-wal").exists() or (data / "plprofile.sqlite3-wal").stat().st_size == 0


def test_a_wrong_name_deletes_nothing(open_window, answers, qtbot, monkeypatch):
    window = open_window()
    ctx = window.ctx
    learner = ctx.profiles.add_learner(ctx.teacher, given_name="Mira", family_name="Hale")
    window.refresh_learners()
    window.select_learner(learner.id)
    monkeypatch.setattr(ask, "text", lambda *_a: "Hail")
    _trigger(window, "Delete learner permanently…")
    assert answers.infos == ["The name did not match; nothing was deleted."]
    assert window.model.rowCount() == 1
