from __future__ import annotations

from pathlib import Path

import pytest

from plprofile.ui.kit import ask
from plprofile.ui.shell.main_window import MainWindow


class Answers:
    """Records the modal questions the UI asked, and answers them."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.confirms: list[str] = []  # the yes/no questions asked
        self.infos: list[str] = []
        self.confirm_answer = True
        self.text_answer: str | None = None
        self.file_answer: str | None = None
        self.dialog_filler = None

    def install(self, monkeypatch) -> None:
        monkeypatch.setattr(ask, "error", lambda _p, _t, message: self.errors.append(message))
        monkeypatch.setattr(ask, "info", lambda _p, _t, message: self.infos.append(message))
        def confirm(_parent, _title, message) -> bool:
            self.confirms.append(message)
            return self.confirm_answer

        monkeypatch.setattr(ask, "confirm", confirm)
        monkeypatch.setattr(ask, "text", lambda *_a, **_k: self.text_answer)
        monkeypatch.setattr(ask, "open_file", lambda *_a: self.file_answer)

        def run_dialog(dialog) -> bool:
            self.dialog_filler(dialog)
            return dialog.result() == 1

        monkeypatch.setattr(ask, "dialog", run_dialog)


@pytest.fixture
def answers(monkeypatch) -> Answers:
    a = Answers()
    a.install(monkeypatch)
    return a


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Build a main window over a real SQLite file and wait until the store is open."""
    windows: list[MainWindow] = []

    def make(data_dir: Path | None = None, **kwargs) -> MainWindow:
        kwargs.setdefault("require_sign_in", False)
        window = MainWindow(data_dir or tmp_path / "data", offer_demo=False, **kwargs)
        qtbot.addWidget(window)
        window.show()
        if kwargs["require_sign_in"]:  # the sign-in screen, once the store behind it is open
            qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin and window.signin.auth is not None,
                            timeout=60_000)
        else:
            qtbot.waitUntil(lambda: window.is_ready, timeout=60_000)
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.close()


@pytest.fixture
def failed_start(qtbot):
    """Start a main window on a store that will not open, as a person would (offered a way back), and wait
    until it says why: returns the window and the messages it gave."""

    def start(data_dir: Path, require_sign_in: bool = False) -> tuple[MainWindow, list[str]]:
        window = MainWindow(data_dir, offer_demo=True, require_sign_in=require_sign_in)
        qtbot.addWidget(window)
        failures: list[str] = []
        window.failed.connect(failures.append)
        window.show()
        qtbot.waitUntil(lambda: bool(failures), timeout=60_000)
        return window, failures

    return start


#: A class whose names need the search's folding: accents, apostrophes of two shapes, a student ID.
NAMED_CLASS = (("Zoë", "Moreau", "S-1"), ("Tomás", "Núñez", "S-2"), ("Lena", "Müller", "S-3"),
               ("Seán", "O'Brien", "S-4"), ("Aoife", "O’Neill", "S-5"), ("Amara", "Okafor", "S-6"),
               ("Liam", "García", "S-7"), ("Zola", "Osei", "S-8"))


@pytest.fixture
def named_class(tmp_path) -> Path:
    """A store holding ``NAMED_CLASS`` (and a teacher); returns its data folder."""
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store

    store = open_store(tmp_path / "data")
    teacher = teacher_actor(ensure_teacher(store))
    for given, family, sid in NAMED_CLASS:
        ProfileService(store).add_learner(teacher, given_name=given, family_name=family, external_id=sid)
    store.close()
    return tmp_path / "data"


def type_or_paste(qtbot, edit, text: str) -> None:
    """Type ``text`` key by key, or paste it when it has a character no test keyboard has (QTest types ASCII
    only): a curly apostrophe arrives from a word processor by pasting."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


@pytest.fixture
def language(qapp, monkeypatch):
    """Switch the interface language as the app does at start; everything is put back afterwards."""
    from PySide6.QtCore import QLocale, QSettings

    from plprofile import i18n

    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    saved = QLocale()

    def switch(lang: str) -> str:
        return i18n.install_translators(qapp, lang)

    yield switch
    i18n.uninstall_translators(qapp)
    QLocale.setDefault(saved)
    QSettings().remove(i18n.SETTINGS_KEY)


def goals_page(window, statement: str):  # noqa: ANN201
    """The Goals tab shown with its first goal chosen (whose statement must be ``statement``)."""
    goals = window.profile.goals
    window.profile.tabs.setCurrentWidget(goals)
    goals.goal_list.setCurrentRow(0)
    assert goals.current() is not None and goals.current().goal.statement == statement
    return goals
