"""The app over a real file: "Protect this store with encryption…" with its one-time recovery key, then the
unlock prompt at the next start (a wrong password, then the right one; cancelling is not "damaged")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from plprofile.services import encryption as enc
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store import cipher
from plprofile.store.engine import DB_FILENAME, open_store
from plprofile.ui.encryption import EncryptionDialog, RecoveryKeyDialog, UnlockDialog
from plprofile.ui.main_window import MainWindow

PASSWORD = "teacher password"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(cipher, "KDF_PARAMS", dict(cipher.KDF_FLOOR))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = open_store(folder)
    ProfileService(store).add_learner(teacher_actor(ensure_teacher(store)), given_name="Ottoline",
                                      family_name="Marchbanks")
    store.close()
    return folder


def test_protect_this_store_shows_the_recovery_key_once_and_keeps_working(qtbot, open_window, answers, data):
    window = open_window(data)
    shown: dict[str, object] = {}

    def fill(dialog) -> None:
        if isinstance(dialog, EncryptionDialog):
            assert not dialog.encrypt_button.isHidden() and dialog.rekey_button.isHidden()
            qtbot.keyClicks(dialog.password, PASSWORD)
            qtbot.mouseClick(dialog.encrypt_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=30_000)
            shown["encryption"] = dialog
            dialog.reject()
        elif isinstance(dialog, RecoveryKeyDialog):
            shown["key"] = dialog.key_label.text()
            assert not dialog.done_button.isEnabled()  # not before it is written down
            dialog.reject()
            assert dialog.isVisible() or dialog.result() == 0
            dialog.written.setChecked(True)
            assert dialog.done_button.isEnabled()
            qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
        else:
            raise AssertionError(f"unexpected dialog {dialog}")

    answers.dialog_filler = fill
    window.open_encryption()
    assert not answers.errors
    path = data / DB_FILENAME
    assert cipher.looks_encrypted(path) and b"Marchbanks" not in path.read_bytes()
    assert window.store.encrypted and window.store_key == window.store.key
    assert enc.unlock(data, str(shown["key"])) == window.store.key
    # the window carries on over the encrypted file
    window.refresh_learners()
    assert window.model.rowCount() == 1
    window.close()
    # the daily backup on close is encrypted too
    backups = list((data / "backups").glob("daily-*.sqlite3"))
    assert backups and b"Marchbanks" not in backups[0].read_bytes()


def _encrypt(data: Path) -> bytes:
    return enc.encrypt_store(data, "rivera", PASSWORD).key


def test_an_encrypted_store_asks_to_be_unlocked_at_start(qtbot, answers, data):
    key = _encrypt(data)
    attempts: list[str] = []

    def fill(dialog) -> None:
        assert isinstance(dialog, UnlockDialog)
        qtbot.keyClicks(dialog.secret, "wrong password")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        attempts.append(dialog.message.text())
        assert dialog.result() == 0 and dialog.key is None
        qtbot.keyClicks(dialog.secret, PASSWORD)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    answers.dialog_filler = fill
    window = MainWindow(data, offer_demo=True, require_sign_in=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin, timeout=20_000)
    assert attempts and "does not open" in attempts[0]
    assert window.store.key == key and not answers.errors
    window.close()


def test_cancelling_the_unlock_says_encrypted_not_damaged(qtbot, answers, data):
    _encrypt(data)
    answers.dialog_filler = lambda dialog: dialog.reject()
    answers.confirm_answer = False
    window = MainWindow(data, offer_demo=True, require_sign_in=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=20_000)
    assert "encrypted" in answers.errors[0] and "damaged" not in answers.errors[0]
    assert window.store is None
    assert cipher.looks_encrypted(data / DB_FILENAME)
    window.close()
