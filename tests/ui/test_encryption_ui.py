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
from plprofile.ui.safety.encryption import EncryptionDialog, RecoveryKeyDialog, UnlockDialog
from plprofile.ui.shell.main_window import MainWindow

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
            assert "work out a learner's PIN" in dialog.intro.text()  # what a plain store gives away
            qtbot.keyClicks(dialog.password, PASSWORD)
            qtbot.mouseClick(dialog.encrypt_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.result_info is not None or bool(answers.errors), timeout=30_000)
            assert not answers.errors, answers.errors
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
    # the background health check reads the encrypted file with its key: healthy, not "damaged"
    qtbot.waitUntil(lambda: window.health is not None, timeout=20_000)
    assert window.health == [] and window.store is not None and not answers.errors
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


def test_a_summary_pdf_can_be_sealed_with_a_passphrase(qtbot, tmp_path, data, monkeypatch):
    """The conference summary as a protected file: made in memory, opened back into the same PDF."""
    import subprocess

    from plprofile.services import protect
    from plprofile.services.report import build_summary
    from plprofile.services.stages import StagesService
    from plprofile.ui.documents.pdf import summary_pdf_bytes

    monkeypatch.setattr(protect, "KDF_PARAMS", dict(cipher.KDF_FLOOR))
    store = open_store(data)
    try:
        profiles = ProfileService(store)
        me = teacher_actor(ensure_teacher(store))
        learner = profiles.list_learners(me)[0]
        summary = build_summary(profiles, StagesService(store, profiles), me, learner.id)
        sealed = protect.protect_bytes(summary_pdf_bytes(summary), tmp_path / "summary.pdf.plpx",
                                       "family passphrase", "summary.pdf")
    finally:
        store.close()
    assert b"%PDF" not in sealed.read_bytes()
    with pytest.raises(protect.WrongPassphraseError):
        protect.open_file(sealed, tmp_path / "summary.pdf", "wrong passphrase")
    opened = protect.open_file(sealed, tmp_path / "summary.pdf", "family passphrase")
    text = subprocess.run(["pdftotext", str(opened), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ottoline" in text


def test_encryption_chosen_when_the_store_is_created(qtbot, answers, tmp_path):
    """The first-teacher screen offers encryption; the new teacher's password becomes their key slot, and a
    teacher added later gets one too."""
    answers.confirm_answer = False  # no demo class
    keys: list[str] = []

    def fill(dialog) -> None:
        if isinstance(dialog, EncryptionDialog):
            qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=30_000)
            dialog.reject()
        elif isinstance(dialog, RecoveryKeyDialog):
            keys.append(dialog.recovery_key)
            dialog.written.setChecked(True)
            qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    answers.dialog_filler = fill
    data = tmp_path / "new"
    window = MainWindow(data, offer_demo=True, require_sign_in=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin, timeout=20_000)
    page = window.signin
    assert page.mode == "first_teacher" and page.protect_box.isVisible()
    # where the school chooses, it is told why: encryption is recommended, a plain store gives PINs away
    assert "recommended" in page.protect_box.text()
    assert page.protect_why.isVisible() and "PIN" in page.protect_why.text() and "minutes" in page.protect_why.text()
    qtbot.keyClicks(page.display_name, "Ms Rivera")
    qtbot.keyClicks(page.username, "rivera")
    qtbot.keyClicks(page.secret, PASSWORD)
    qtbot.keyClicks(page.repeat, PASSWORD)
    page.protect_box.setChecked(True)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(keys), timeout=30_000)
    assert window.store.encrypted and enc.slot_labels(data) == ["rivera"]
    assert enc.unlock(data, keys[0]) == window.store.key
    window.auth.add_teacher(window.ctx.me, "Mr Okafor", "okafor", "okafor's password")
    assert enc.unlock(data, "okafor's password", "okafor") == window.store.key
    window.close()


def test_the_backups_dialog_on_an_encrypted_store(qtbot, answers, data, tmp_path, monkeypatch):
    """Back up now, a protected copy, and restore: all over the encrypted file, with the open store's key."""
    from plprofile.services import backup as bk
    from plprofile.services import protect
    from plprofile.ui.kit import ask
    from plprofile.ui.kit.context import AppContext
    from plprofile.ui.safety.backups import BackupsDialog
    from plprofile.ui.safety.encryption import PassphraseDialog

    monkeypatch.setattr(protect, "KDF_PARAMS", dict(cipher.KDF_FLOOR))
    key = _encrypt(data)
    store = open_store(data, key)
    ctx = AppContext(store)
    quits: list[bool] = []
    monkeypatch.setattr(BackupsDialog, "_quit", staticmethod(lambda: quits.append(True)))
    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1 and not dialog.busy, timeout=20_000)
        made = [b for b in dialog.backups() if b.kind == bk.MANUAL]
        assert made and made[0].encrypted and b"Marchbanks" not in made[0].path.read_bytes()
        assert "encrypted" in dialog.table.item(0, 3).text()

        def fill(d) -> None:
            assert isinstance(d, PassphraseDialog)
            d.first.setText("family passphrase")
            d.second.setText("family passphrase")
            d.check()

        answers.dialog_filler = fill
        target = tmp_path / "usb" / "class.plpx"
        target.parent.mkdir()
        monkeypatch.setattr(ask, "save_file", lambda *_a: str(target))
        qtbot.mouseClick(dialog.protected_copy_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: target.exists() and not dialog.busy, timeout=20_000)
        assert protect.is_protected(target) and not answers.errors

        ctx.profiles.add_learner(ctx.teacher, given_name="After", family_name="Backup")
        answers.file_answer = str(target)
        qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(quits) or bool(answers.errors), timeout=20_000)
        assert not answers.errors and quits
    finally:
        store.close()
    restored = open_store(data, key)
    try:
        with restored.engine.connect() as con:
            names = {r[0] for r in con.exec_driver_sql("SELECT given_name FROM learner")}
        assert names == {"Ottoline"}
    finally:
        restored.close()


def test_a_damaged_encrypted_store_is_called_damaged_and_its_backup_offered(qtbot, failed_start, answers, data):
    """The right password on a damaged file must not read as a wrong password: the way back is its backup."""
    from plprofile.services import backup as bk

    key = _encrypt(data)
    good = bk.create_backup(data, key=key)
    with open(data / DB_FILENAME, "r+b") as f:  # page 1 garbled: nothing opens it any more
        f.seek(200)
        f.write(b"\x13" * 300)
    damaged = (data / DB_FILENAME).read_bytes()

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.secret, PASSWORD)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    answers.dialog_filler = fill
    answers.confirm_answer = False  # decline the restore: the file must stay as it is
    window, failures = failed_start(data, require_sign_in=True)
    assert "damaged" in failures[0] and "does not open this store" not in failures[0]
    assert any("backup" in q for q in answers.confirms), answers.confirms
    assert good.path.exists() and (data / DB_FILENAME).read_bytes() == damaged
    window.close()
