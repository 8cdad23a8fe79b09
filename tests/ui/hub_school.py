"""A school hub for the window's tests: a real hub process (tests/hub), an admin device that brought the
school's learners to it, and helpers to pair a window's store through the real dialog."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hub.conftest import Hub, make_hub, run

LEARNERS = (("Zoë", "Moreau"), ("Tomás", "Núñez"))
#: Zoë's own words on the admin's device, which then reach her device
ZOE_WORDS = "Tardigrades are my favourite animals"


def school_hub(tmp_path: Path, database: str | None = None) -> tuple[Hub, Path]:
    """A started hub (SQLite, or the PostgreSQL ``database``) holding LEARNERS (from an admin's device, paired and synced by the command line);
    returns the hub and the admin device's folder."""
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store

    hub = make_hub(tmp_path, database)
    admin_dir = tmp_path / "admin"
    store = open_store(admin_dir)
    teacher = teacher_actor(ensure_teacher(store))
    from plprofile.domain.profile import Agreement, Section

    for given, family in LEARNERS:
        learner = ProfileService(store).add_learner(teacher, given_name=given, family_name=family)
        if given == "Zoë":
            ProfileService(store).add_entry(teacher, learner.id, Section.INTERESTS, ZOE_WORDS, Agreement.AGREED)
    store.close()
    done = run("--data-dir", str(admin_dir), "pair", hub.url, hub.invite("admin", "Ada Admin"))
    assert done.returncode == 0, done.stderr
    sync(admin_dir)
    return hub, admin_dir


def sync(folder: Path) -> dict:
    done = run("--data-dir", str(folder), "sync", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def pair_learner_window(qtbot, answers, window, hub: Hub, code: str, pin: str = "4321") -> None:  # noqa: ANN001
    """Pair ``window``'s new store for a learner through the dialog (its first-start page's button)."""
    from PySide6.QtCore import Qt

    def fill(dialog) -> None:  # noqa: ANN001
        dialog.address.setText(hub.url)
        dialog.code.setText(code)
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.account is not None, timeout=120_000)
        assert not isinstance(dialog.first_sync, Exception), dialog.first_sync
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.mouseClick(dialog.pin_button, Qt.MouseButton.LeftButton)

    answers.dialog_filler = fill
    qtbot.mouseClick(window.signin.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.signin.device_learner is not None, timeout=60_000)


def sign_in_with_pin(qtbot, window, pin: str = "4321") -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    qtbot.keyClicks(window.signin.secret, pin)
    qtbot.keyClick(window.signin.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ctx is not None and window.profile is not None
                    and window.profile.view is not None, timeout=60_000)


def visible_text() -> str:
    """Every text a person can see now, in every shown window: labels, buttons, fields, lists, titles."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QApplication,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    seen: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        seen.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, QLabel | QAbstractButton | QLineEdit):
                seen.append(w.text())
            elif isinstance(w, QPlainTextEdit | QTextEdit):
                seen.append(w.toPlainText())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                from PySide6.QtCore import QModelIndex

                model = w.model()
                try:
                    columns = model.columnCount(QModelIndex())
                except TypeError:  # a list model: one column
                    columns = 1
                for r in range(model.rowCount(QModelIndex())):
                    for c in range(columns):
                        seen.append(str(model.index(r, c).data() or ""))
    return "\n".join(seen)
