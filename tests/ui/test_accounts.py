"""A roster's teacher gets a password from a school admin in the window, chooses their own at sign-in, and
then sees only the learners of their classes."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt

from tests import oneroster_sets
from tests.ui.test_signin import _sign_in


def _names(window) -> list[str]:
    return sorted(window.model.learner(i).display_name for i in range(window.model.rowCount()))


def test_an_admin_sets_a_roster_teachers_password_who_chooses_their_own_then_sees_their_classes(
        open_window, qtbot, answers, monkeypatch, tmp_path):
    from plprofile.ui.kit import ask

    data = tmp_path / "data"
    roster = oneroster_sets.write_zip(oneroster_sets.set_11(), tmp_path / "sis.zip")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    imported = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(data), "import", str(roster),
                               "--yes"], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert imported.returncode == 0, imported.stderr

    window = open_window(data, require_sign_in=True)
    page = window.signin
    assert page.mode == "first_teacher"  # whoever sets up a roster's store is its school admin
    qtbot.keyClicks(page.display_name, "Head Admin")
    qtbot.keyClicks(page.username, "head")
    qtbot.keyClicks(page.secret, "the admin's password")
    qtbot.keyClicks(page.repeat, "the admin's password")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx is not None and window.is_ready, timeout=20_000)
    assert window.ctx.me.admin
    everyone = _names(window)
    assert len(everyone) == 3  # Zoë and José in 5A, Seán in 5B

    seen: list = []

    def fill(dialog) -> None:  # the accounts dialog, as the admin uses it
        seen.append([dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())])
        assert dialog.set_password_button.isEnabled()
        dialog.select("Ana Rivera")
        replies = iter(["given by the admin", "given by the admin"])
        monkeypatch.setattr(ask, "password", lambda *_a: next(replies))
        qtbot.mouseClick(dialog.set_password_button, Qt.MouseButton.LeftButton)
        row = dialog.table.currentRow()
        seen.append(dialog.table.item(row, 2).text())
        dialog.accept()

    answers.dialog_filler = fill
    action = next(a for a in window.learner_menu.actions() if a.text().replace("&", "") == "Accounts…")
    action.trigger()
    assert any("Ana Rivera" in n for n in seen[0]) and any("Head Admin" in n for n in seen[0])
    assert seen[1].startswith("set for them") and not answers.errors
    assert "\u201canarivera\u201d" in answers.infos[-1]

    window.sign_out()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin)
    _sign_in(qtbot, window, "anarivera", "given by the admin", learner=False)
    choose = window.choose_password_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is choose)
    assert window.ctx is None  # nothing of the school until they have chosen
    assert "Ana Rivera" in choose.title.text()
    qtbot.keyClicks(choose.new, "given by the admin")  # the one they were given will not do
    qtbot.keyClicks(choose.repeat, "given by the admin")
    qtbot.mouseClick(choose.button, Qt.MouseButton.LeftButton)
    assert "your own" in choose.message.text() and window.ctx is None
    choose.new.clear()
    choose.repeat.clear()
    qtbot.keyClicks(choose.new, "ana's own secret words")
    qtbot.keyClicks(choose.repeat, "ana's own secret words")
    qtbot.mouseClick(choose.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx is not None and window.pages.currentWidget() is not choose, timeout=20_000)
    assert not window.ctx.me.admin
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=20_000)
    assert _names(window) == sorted(n for n in everyone if "Seán" not in n)  # 5A only: Seán is in 5B
    teachers_action = next(a for a in window.learner_menu.actions() if a.text().replace("&", "") == "Accounts…")
    answers.dialog_filler = lambda dialog: seen.append(dialog.set_password_button.isEnabled())
    teachers_action.trigger()
    assert seen[-1] is False  # a teacher sets nobody's password

    window.sign_out()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin)
    _sign_in(qtbot, window, "anarivera", "given by the admin", learner=False)  # the given one is gone
    assert window.ctx is None and window.signin.message.text().startswith("That name")
    _sign_in(qtbot, window, "anarivera", "ana's own secret words", learner=False)
    qtbot.waitUntil(lambda: window.ctx is not None, timeout=20_000)
    assert window.pages.currentWidget() is not choose
