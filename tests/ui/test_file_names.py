"""The file names the app suggests come from editable names: they must stay one plain name in the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from plprofile.ui.profile import conference_mode


def test_the_summary_pdf_name_from_hostile_names_stays_in_the_home_folder(open_window, answers, qtbot,
                                                                          monkeypatch):
    window = open_window()
    ctx = window.ctx
    learner = ctx.profiles.add_learner(ctx.teacher, given_name="Eve", family_name="../../x\x1b[2J\r\n..",
                                       preferred_name="/etc/cron.d/evil-../../x")
    window.refresh_learners()
    window.select_learner(learner.id)
    suggested: list[Path] = []
    monkeypatch.setattr(conference_mode, "choose_pdf_path", lambda _parent, path: suggested.append(path))
    panel = window.profile
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.conference.end_button, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    assert len(suggested) == 1
    path = suggested[0]
    assert path.parent == Path.home()
    assert path.suffix == ".pdf" and path.name.count(".") == 1
    assert "/" not in path.name and "\\" not in path.name and ".." not in path.name
    assert not any(ord(c) < 32 for c in path.name)
    assert path.name.startswith("etc-cron-d-evil-x-x-2J")
