"""Pairing a device with the hub, through the real command line and a real hub process."""

from __future__ import annotations

import shutil

from sqlalchemy import select, update

from .conftest import Hub, make_hub, run


def _pair(folder, hub: Hub, code: str):  # noqa: ANN001, ANN202
    return run("--data-dir", str(folder), "pair", hub.url, code)


def test_a_code_pairs_one_device_once(hub: Hub, tmp_path):
    code = hub.invite("admin", "Ada Admin")
    first = _pair(tmp_path / "laptop", hub, code)
    assert first.returncode == 0, first.stderr
    assert "Ada Admin (admin)" in first.stdout
    again = _pair(tmp_path / "other", hub, code)
    assert again.returncode == 2
    assert "already used" in again.stderr
    wrong = _pair(tmp_path / "other", hub, "AAAA-BBBB-CCCC-DDDD-" + code.rsplit("-", 1)[1])
    assert wrong.returncode == 2 and "not right" in wrong.stderr
    listed = hub.admin("devices").stdout
    assert "Ada Admin" in listed and "admin" in listed
    assert hub.status()["devices"] == 1


def test_an_expired_code_is_refused(hub: Hub, tmp_path):
    from datetime import timedelta

    from plprofile.hub import tables
    from plprofile.hub.store import open_hub
    from plprofile.store.types import utcnow

    code = hub.invite("admin", "Ada Admin")
    store = open_hub(hub.folder, hub.database)  # a day goes by
    with store.transaction() as s:
        s.execute(update(tables.invitation).values(expires_at=utcnow() - timedelta(minutes=1)))
    store.close()
    done = _pair(tmp_path / "laptop", hub, code)
    assert done.returncode == 2 and "expired" in done.stderr
    assert hub.status()["devices"] == 0


def test_a_hub_with_another_certificate_is_refused(sqlite_hub: Hub, tmp_path):
    other = make_hub(tmp_path / "elsewhere", None)  # another hub, its own self-signed certificate
    try:
        code = sqlite_hub.invite("admin", "Ada Admin")
        impostor = run("--data-dir", str(tmp_path / "laptop"), "pair", other.url, code)
        assert impostor.returncode == 2
        assert "different certificate" in impostor.stderr
        assert other.status()["devices"] == 0 and sqlite_hub.status()["devices"] == 0
        # paired with the right hub, the device then refuses that hub if its certificate is swapped
        assert _pair(tmp_path / "laptop", sqlite_hub, code).returncode == 0
        sqlite_hub.stop()
        tls = sqlite_hub.folder / "tls"
        shutil.copy(other.folder / "tls" / "hub-cert.pem", tls / "swapped-cert.pem")
        shutil.copy(other.folder / "tls" / "hub-key.pem", tls / "swapped-key.pem")
        sqlite_hub.start("--cert", str(tls / "swapped-cert.pem"), "--key", str(tls / "swapped-key.pem"))
        refused = run("--data-dir", str(tmp_path / "laptop"), "sync")
        assert refused.returncode == 1
        assert "different certificate" in refused.stderr
    finally:
        other.stop()


def test_the_credential_is_a_hash_on_the_hub_and_kept_in_the_device_store(sqlite_hub: Hub, tmp_path):
    from plprofile.hub import tables
    from plprofile.hub.store import open_hub
    from plprofile.store.engine import open_store
    from plprofile.store.models import Meta

    code = sqlite_hub.invite("admin", "Ada Admin")
    assert _pair(tmp_path / "laptop", sqlite_hub, code).returncode == 0
    device = open_store(tmp_path / "laptop")
    with device.session() as s:
        token = s.get(Meta, "hub_token").value
    device.close()
    hub = open_hub(sqlite_hub.folder)
    with hub.session() as s:
        stored = s.execute(select(tables.device.c.token_hash)).scalar_one()
    hub.close()
    assert len(token) >= 64 and token not in stored
    from plprofile.hub.admin import token_hash

    assert stored == token_hash(token)


def test_an_invitation_prints_the_code_as_words_that_read_back_to_it(tmp_path):
    """`plprofile hub invite` gives the words a person types in the app's Connect dialog, the same code."""
    import json

    from plprofile.sync.pairing import words_to_code

    hub = Hub(tmp_path / "hub", None)  # never started: the invitation is made on the hub's store
    hub.admin("init", "--admin", "Ada Admin")
    made = json.loads(hub.admin("invite", "--role", "admin", "--name", "Ada Admin", "--json").stdout)
    assert len(made["words"]) == 19 and words_to_code(" ".join(made["words"])) == made["code"]
    shown = hub.admin("invite", "--role", "admin", "--name", "Ada Admin").stdout
    code, words = shown.splitlines()[1].strip(), shown.splitlines()[-1].strip()
    assert words_to_code(words) == code
