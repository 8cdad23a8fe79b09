"""A learner's own device: it holds one profile; the lock and signing out leave nothing of it on screen, and
disconnecting the device takes the learner's data off it (read in the file's bytes, its WAL and backups)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.hub.conftest import PASSWORD

from .hub_school import ZOE_WORDS, pair_learner_window, school_hub, sign_in_with_pin, visible_text


@pytest.fixture
def school(tmp_path):
    hub, admin_dir = school_hub(tmp_path)
    yield hub, admin_dir
    hub.stop()


def _bytes_of(folder) -> dict[str, bytes]:  # noqa: ANN001
    files = [p for p in folder.rglob("*") if p.is_file() and "plprofile.sqlite3" in p.name or
             (p.is_file() and p.parent.name == "backups")]
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


def _where(path, secret: bytes) -> list[str]:  # noqa: ANN001
    """The tables whose rows hold ``secret`` (what a failure says)."""
    import sqlite3

    found = []
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            found += [f"{table}: {row!r:.200}" for row in con.execute(f'SELECT * FROM "{table}"')
                      if secret.decode() in repr(row)]
        con.close()
    except sqlite3.DatabaseError as exc:
        found.append(str(exc))
    return found


def test_a_learner_device_shows_nothing_after_the_lock_and_keeps_nothing_after_disconnecting(
        school, open_window, qtbot, answers, tmp_path):
    hub, _admin = school
    window = open_window(tmp_path / "tablet", require_sign_in=True)
    pair_learner_window(qtbot, answers, window, hub, hub.invite("learner", "Zoë Moreau"))
    sign_in_with_pin(qtbot, window)
    assert window.model.rowCount() <= 1  # one profile on this device
    window.profile.tabs.setCurrentWidget(window.profile.strengths)
    qtbot.waitUntil(lambda: ZOE_WORDS in visible_text())  # (what the checks below look for can be seen, timeout=60_000)
    assert "Moreau" in visible_text()
    window.lock()
    shown = visible_text()
    assert ZOE_WORDS not in shown and "Moreau" not in shown
    sign_in_with_pin(qtbot, window)
    qtbot.waitUntil(lambda: ZOE_WORDS in visible_text(), timeout=60_000)
    window.sign_out()
    shown = visible_text()
    assert ZOE_WORDS not in shown and "Moreau" not in shown
    # disconnecting takes her data off the device: the store, its WAL and its backups (one is made on closing)
    window.close()
    window = open_window(tmp_path / "tablet", require_sign_in=True)
    sign_in_with_pin(qtbot, window)
    learner_id = window.ctx.me.learner_id
    before = _bytes_of(tmp_path / "tablet")
    assert any(ZOE_WORDS.encode() in b for name, b in before.items() if name.startswith("backups")), list(before)
    answers.confirm_answer = True
    # Zoë cannot take her device off the school on her own: a teacher's name and password are asked for
    asked = []

    def teacher(password: str):  # noqa: ANN202
        def fill(dialog) -> None:  # noqa: ANN001
            asked.append(dialog.why.text())
            dialog.name.setText("Ada Admin")
            dialog.password.setText(password)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return fill

    answers.dialog_filler = teacher("not the password")
    window.disconnect_hub_action.trigger()
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=120_000)
    assert answers.errors[-1] == "That is not a teacher's name and password. Nothing was changed."
    assert "Only a teacher can take this device off the school" in asked[0]
    assert _bytes_of(tmp_path / "tablet").keys() == before.keys()
    assert hub.status()["devices_revoked"] == 0
    sign_in_with_pin(qtbot, window)
    answers.dialog_filler = teacher(PASSWORD)
    window.disconnect_hub_action.trigger()
    qtbot.waitUntil(lambda: any("disconnected" in m for m in answers.infos), timeout=120_000)
    assert answers.infos[-1] == "This device is disconnected from the school hub."
    assert hub.status()["devices_revoked"] == 1
    assert window.ctx is None and window.signin.mode == "first_teacher"
    assert ZOE_WORDS not in visible_text()
    window.close()
    after = _bytes_of(tmp_path / "tablet")
    assert after, "the store is still there"
    for name, data in after.items():
        for secret in (ZOE_WORDS.encode(), b"Moreau", learner_id.hex.encode(), str(learner_id).encode()):
            assert secret not in data, f"{secret!r} is still in {name}: {_where(tmp_path / 'tablet' / name, secret)}"
