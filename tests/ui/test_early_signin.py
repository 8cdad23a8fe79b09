"""The sign-in screen takes a name and password while the store is still opening, and signs in once it is."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import Qt

from plprofile.services.demo import DEMO_TEACHER
from plprofile.ui.shell.main_window import MainWindow


@pytest.fixture
def demo_store(tmp_path):
    from plprofile.services.demo import generate_demo
    from plprofile.store.engine import open_store

    store = open_store(tmp_path / "data")
    generate_demo(store, learners=3)
    store.close()
    return tmp_path / "data"


@pytest.fixture
def held_open(monkeypatch):
    """The store's opening waits (on its worker) until the test lets it go."""
    import plprofile.store.engine as engine

    gate = threading.Event()
    real = engine.open_store

    def slow_open(*args, **kwargs):
        assert gate.wait(30), "the test never let the store open"
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "open_store", slow_open)
    yield gate
    gate.set()


def _window(qtbot, data_dir) -> MainWindow:
    window = MainWindow(data_dir, offer_demo=False, require_sign_in=True)
    qtbot.addWidget(window)
    window.show()
    return window


def test_typed_before_the_store_is_open_signs_in_once_it_is(qtbot, demo_store, held_open):
    window = _window(qtbot, demo_store)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin)
    page = window.signin
    assert window.store is None and page.auth is None  # still opening
    assert page.username.isEnabled() and page.secret.isEnabled() and page.button.isEnabled()
    page.teacher_radio.setChecked(True)
    qtbot.keyClicks(page.username, DEMO_TEACHER[0])
    qtbot.keyClicks(page.secret, DEMO_TEACHER[1])
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)
    assert "as soon as it is open" in page.message.text() and window.ctx is None
    held_open.set()
    qtbot.waitUntil(lambda: window.is_ready, timeout=20_000)
    assert window.ctx.user.username == DEMO_TEACHER[0] and not window.ctx.is_learner
    assert window.pages.currentWidget() is window.splitter and window.model.rowCount() == 3
    assert page.secret.text() == ""  # nothing of the password stays in the page


def test_what_is_typed_while_it_opens_stays_and_a_wrong_password_is_refused_as_ever(qtbot, demo_store, held_open):
    window = _window(qtbot, demo_store)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin)
    page = window.signin
    page.teacher_radio.setChecked(True)
    qtbot.keyClicks(page.username, DEMO_TEACHER[0])
    held_open.set()
    qtbot.waitUntil(lambda: page.auth is not None, timeout=20_000)
    assert page.username.text() == DEMO_TEACHER[0]  # the store opened under the typing: nothing was reset
    assert "demo-teacher" in page.hint.text()
    qtbot.keyClicks(page.secret, "not the password")
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)
    assert page.message.text() == "That name and password or PIN do not match. Please try again."
    assert window.ctx is None


def test_a_store_that_then_does_not_open_takes_the_sign_in_screen_away(qtbot, demo_store, held_open):
    from plprofile.store.engine import DB_FILENAME

    con = sqlite3.connect(demo_store / DB_FILENAME)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    window = _window(qtbot, demo_store)
    failures: list[str] = []
    window.failed.connect(failures.append)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin)
    qtbot.keyClicks(window.signin.secret, "secret")
    held_open.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
    assert "newer version" in failures[0]
    assert window.pages.currentWidget() is window.splitter and "newer version" in window.placeholder.text()
    assert window.signin.secret.text() == ""


@pytest.mark.parametrize("how", ["new", "no teacher yet", "encrypted-looking"])
def test_no_early_screen_where_the_file_says_otherwise(tmp_path, how):
    from plprofile.store import peek
    from plprofile.store.engine import DB_FILENAME, open_store

    folder = tmp_path / "d"
    if how == "no teacher yet":
        from plprofile.services.accounts import ensure_teacher, teacher_actor
        from plprofile.services.profiles import ProfileService

        store = open_store(folder)
        ProfileService(store).add_learner(teacher_actor(ensure_teacher(store)), given_name="A", family_name="B")
        store.close()  # a learner, and a teacher account without a password: the first teacher's form is due
    elif how == "encrypted-looking":
        folder.mkdir()
        (folder / DB_FILENAME).write_bytes(os.urandom(8192))
    assert not peek.ready_to_sign_in(folder)


def test_the_first_look_finds_a_teacher_without_reading_every_learner_account(tmp_path):
    """A school's learner accounts come before a teacher added later: the first look goes straight to the
    teachers (through the index on learner_id), whatever the size of the school."""
    import sqlite3

    from plprofile.services.auth import AuthService
    from plprofile.services.bulk import generate_bulk
    from plprofile.store import peek
    from plprofile.store.engine import DB_FILENAME, open_store

    store = open_store(tmp_path / "d")
    generate_bulk(store, 40, seed=3)
    AuthService(store).create_first_teacher("Late Teacher", "lateteacher", "a-long-password-2026")
    store.close()
    assert peek.ready_to_sign_in(tmp_path / "d")
    con = sqlite3.connect(tmp_path / "d" / DB_FILENAME)
    try:
        learner_accounts = con.execute("SELECT count(*) FROM account WHERE learner_id IS NOT NULL").fetchone()[0]
        plan = " ".join(str(row[-1]) for row in con.execute("EXPLAIN QUERY PLAN " + peek.TEACHER_WHO_CAN_SIGN_IN))
    finally:
        con.close()
    assert learner_accounts >= 40
    assert "USING INDEX ix_account_learner_id" in plan and "SCAN" not in plan, plan


def test_the_app_icon_is_set_once_the_window_is_up():
    script = textwrap.dedent("""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QLabel
        from plprofile.app import make_application

        app = make_application()
        label = QLabel("x")
        label.show()
        before = app.windowIcon().isNull()
        QTimer.singleShot(200, app.quit)
        app.exec()
        print(before, sorted(s.width() for s in app.windowIcon().availableSizes()))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                         check=True).stdout.strip()
    assert out == "True [16, 24, 32, 48, 64, 128, 256, 512]", out


def test_the_sign_in_screen_comes_before_sqlalchemy_and_the_hidden_class_list(demo_store):
    """The sign-in screen is the first window: SQLAlchemy, matplotlib, the class list behind it and Qt's namespace
    (about 170 enums, made on first use of any of them) all come once it takes input. Then the class list is
    made and the menus' shortcuts are set."""
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from PySide6 import QtCore
        from plprofile.app import make_application
        from plprofile.ui.shell.main_window import MainWindow

        app = make_application()
        window = MainWindow(Path(sys.argv[1]), offer_demo=False, require_sign_in=True)
        seen = {}
        def first_input():
            seen["early"] = (window.pages.currentWidget() is window.signin, window.store is None,
                             "sqlalchemy" in sys.modules, "matplotlib" in sys.modules, window.splitter is None,
                             "Qt" in QtCore.__dict__, window.lock_action.shortcut().isEmpty())
        window.accepting_input.connect(first_input)
        window.signin_shown.connect(app.quit)
        window.show()
        app.exec()
        print(seen["early"], window.signin.auth is not None, window.pages.currentWidget() is window.signin,
              window.pages.indexOf(window.splitter) >= 0, window.lock_action.shortcut().toString(),
              window.import_action.shortcut().toString())
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script, str(demo_store)], capture_output=True, text=True, env=env,
                         timeout=120, check=True).stdout.strip()
    assert out == "(True, True, False, False, True, False, True) True True True Ctrl+L Ctrl+I", out


def test_the_sign_in_screen_shows_its_words_as_typed_to_eyes_and_screen_readers(qtbot):
    from PySide6.QtGui import QAccessible

    from plprofile.ui.shell.signin import CentredLabel

    label = CentredLabel("Tom & Jerry <b>not bold</b>")
    qtbot.addWidget(label)
    label.show()
    assert QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name) == "Tom & Jerry <b>not bold</b>"
    label.setText("First line\nsecond line")
    assert QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name).splitlines() == [
        "First line", "second line"]
    label.setText("")
    assert label.text() == ""


def _sign_in_as_the_teacher(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin)
    page = window.signin
    page.teacher_radio.setChecked(True)
    qtbot.keyClicks(page.username, DEMO_TEACHER[0])
    qtbot.keyClicks(page.secret, DEMO_TEACHER[1])
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.is_ready, timeout=20_000)


def test_the_class_list_made_behind_the_sign_in_screen_comes_back_as_wide_as_it_was_left(qtbot, demo_store):
    from PySide6.QtCore import QSettings

    QSettings().remove("main/splitter")
    window = _window(qtbot, demo_store)
    _sign_in_as_the_teacher(qtbot, window)
    wide = window.splitter.sizes()[0] + 150
    window.splitter.setSizes([wide, window.splitter.width() - wide])
    window.close()  # the window's state is saved on close
    # the same size as before (the offscreen platform's 800 × 600 screen would shrink a restored geometry)
    QSettings().remove("main/geometry")
    again = _window(qtbot, demo_store)
    assert again.splitter is None  # behind the sign-in screen, not made yet
    _sign_in_as_the_teacher(qtbot, again)
    assert again.pages.currentWidget() is again.splitter and again.model.rowCount() == 3
    assert abs(again.splitter.sizes()[0] - wide) <= 2
    assert again.lock_action.shortcut().toString() == "Ctrl+L"
