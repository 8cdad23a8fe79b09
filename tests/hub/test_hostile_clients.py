"""The hub trusts no device: each hostile push is refused whole with a clear reason, and the hub is unchanged."""

from __future__ import annotations

import gzip
import json
import time
import uuid

import httpx
import pytest
from sqlalchemy import func, select

from tests import oneroster_sets as sets

from .conftest import Hub, run


def _meta(folder) -> dict:  # noqa: ANN001
    from plprofile.store.engine import open_store
    from plprofile.store.models import Meta

    store = open_store(folder, check=False)
    with store.session() as s:
        found = {m.key: m.value for m in s.execute(select(Meta)).scalars()}
    store.close()
    return found


def _snapshot(hub: Hub) -> dict:
    """Everything a push could change on the hub: each table's rows counted, and the change sequence."""
    from sqlmodel import SQLModel

    from plprofile.hub import tables
    from plprofile.hub.store import open_hub

    store = open_hub(hub.folder, hub.database)
    try:
        with store.session() as s:
            counts = {name: s.execute(select(func.count()).select_from(t)).scalar_one()
                      for name, t in SQLModel.metadata.tables.items()}
            counts["hub_change"] = s.execute(select(func.count()).select_from(tables.change)).scalar_one()
            texts = sorted(s.execute(select(SQLModel.metadata.tables["profile_entry"].c.text)).scalars())
    finally:
        store.close()
    return {"counts": counts, "texts": texts}


class Device:
    def __init__(self, hub: Hub, folder) -> None:  # noqa: ANN001
        from plprofile.hub.tls import pinned_context

        meta = _meta(folder)
        self.meta = meta
        self.account = json.loads(meta["hub_account"])
        self.auth = f"Bearer {meta['hub_device_id']}.{meta['hub_token']}"
        self.client = httpx.Client(base_url=hub.url, verify=pinned_context(meta["hub_cert"]), timeout=60)

    def post(self, path: str, body, auth: str | None = "mine", raw: bytes | None = None,  # noqa: ANN001
             schema: str | None = None) -> httpx.Response:
        from plprofile.store.engine import SCHEMA_HEAD

        headers = {"content-type": "application/json"}
        if auth == "mine":
            headers["authorization"] = self.auth
        elif auth:
            headers["authorization"] = auth
        if raw is None:
            if isinstance(body, dict):
                body = {"schema": schema or SCHEMA_HEAD, **body}
            raw = gzip.compress(json.dumps(body).encode())
            headers["content-encoding"] = "gzip"
        return self.client.post(path, content=raw, headers=headers)


def change(device_id: str, entity: str, action: str, *, learner_id: str | None, author_id: str | None,
           author_role: str, new: dict | None = None, entity_id: str | None = None, field: str | None = None,
           old: str | None = None, value: str | None = None) -> dict:
    return {"id": str(uuid.uuid4()), "hlc": f"{time.time_ns() // 1_000_000:013d}-00000-{device_id}",
            "learner_id": learner_id, "entity": entity, "entity_id": entity_id or str(uuid.uuid4()),
            "action": action, "field": field, "old": old,
            "new": json.dumps(new) if new is not None else value, "author_id": author_id, "author_role": author_role,
            "device_id": device_id, "signed_in_id": None, "at": "2026-12-06T10:00:00+00:00"}


def entry(learner_id: str, text: str, teacher_only: bool = False) -> dict:
    return {"learner_id": learner_id, "section": "strengths", "text": text, "agreement": "agreed",
            "teacher_only": "true" if teacher_only else "false", "position": "0"}


@pytest.fixture
def school(hub: Hub, tmp_path):
    """A hub holding a roster (from a paired admin laptop), Zoë's device and Ana's laptop paired and synced."""
    admin = tmp_path / "admin"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin), "import", str(roster), "--yes").returncode == 0
    for folder, role, name in ((admin, "admin", "Ada Admin"), (tmp_path / "zoe", "learner", "Zoë Moreau"),
                               (tmp_path / "ana", "teacher", "Ana Rivera")):
        assert run("--data-dir", str(folder), "pair", hub.url, hub.invite(role, name)).returncode == 0
        assert run("--data-dir", str(folder), "sync").returncode == 0
    from plprofile.hub.store import open_hub
    from plprofile.store.models import Learner

    store = open_hub(hub.folder, hub.database)
    with store.session() as s:
        ids = {x.given_name: str(x.id) for x in s.execute(select(Learner)).scalars()}
    store.close()
    zoe, ana = Device(hub, tmp_path / "zoe"), Device(hub, tmp_path / "ana")
    yield hub, zoe, ana, ids
    zoe.client.close()
    ana.client.close()


def _refused(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_hostile_pushes_are_refused_whole_and_change_nothing(school):
    hub, zoe, ana, ids = school
    me = zoe.account["id"]
    dev = "d" * 32
    own = lambda text, **k: change(dev, "profile_entry", "create", learner_id=ids["Zoë"], author_id=me,  # noqa: E731
                                   author_role="learner", new=entry(ids["Zoë"], text, **k))
    before = _snapshot(hub)
    cases = [
        # no credential, a forged one
        (zoe.post("/v1/push", {"changes": [own("hello")]}, auth=None), 401, "not paired"),
        (zoe.post("/v1/push", {"changes": [own("hello")]}, auth=f"Bearer {zoe.meta['hub_device_id']}.{'0' * 64}"),
         401, "does not know this device"),
        # another learner's row, alongside a row of her own: the batch goes whole or not at all
        (zoe.post("/v1/push", {"changes": [own("mine"), change(
            dev, "profile_entry", "create", learner_id=ids["José"], author_id=me, author_role="learner",
            new=entry(ids["José"], "not mine"))]}), 403, "refused"),
        # a forged author: her device writing as Ana
        (zoe.post("/v1/push", {"changes": [change(
            dev, "profile_entry", "create", learner_id=ids["Zoë"], author_id=ana.account["id"],
            author_role="teacher", new=entry(ids["Zoë"], "a teacher said so"))]}), 403, "author"),
        # a teacher-only note from a learner's device
        (zoe.post("/v1/push", {"changes": [own("secret note", teacher_only=True)]}), 403, "refused"),
        # raising her own scope: her account made an admin's, or herself put in a class
        (zoe.post("/v1/push", {"changes": [change(
            dev, "account", "update", learner_id=ids["Zoë"], author_id=me, author_role="learner", entity_id=me,
            field="kind", old="learner", value="admin")]}), 403, "refused"),
        (ana.post("/v1/push", {"changes": [change(
            dev, "class_member", "create", learner_id=None, author_id=ana.account["id"], author_role="teacher",
            new={"class_id": str(uuid.uuid4()), "account_id": ana.account["id"], "role": "teacher"})]}),
         403, "refused"),
        # malformed JSON, a malformed change, an oversized body, a device on another schema
        (zoe.post("/v1/push", None, raw=b"{not json"), 400, "not valid JSON"),
        (zoe.post("/v1/push", {"changes": [{**own("x"), "hlc": "yesterday"}]}), 400, "malformed"),
        (zoe.post("/v1/push", None, raw=b"[" + b" " * (9 * 1024 * 1024) + b"]"), 413, "too large"),
        (zoe.post("/v1/push", {"changes": [own("x")]}, schema="0006_school_structure"), 409, "update plprofile"),
        (zoe.post("/v1/push", {"changes": [own("x")]}, schema="0099_future"), 409, "newer than the hub"),
        # a round's pull riding on its push: checked before anything is written
        (zoe.post("/v1/push", {"changes": [own("x")], "pull": {"cursor": -1}}), 400, "cursor"),
        (zoe.post("/v1/push", {"changes": [own("x")], "pull": {"cursor": True}}), 400, "cursor"),
        (zoe.post("/v1/push", {"changes": [own("x")], "pull": "everything"}), 400, "cursor only"),
        (zoe.post("/v1/push", {"changes": [own("x")], "pull": {"cursor": 0, "learners": [ids["José"]]}}), 400,
         "cursor only"),
    ]
    for response, status, words in cases:
        _refused(response, status, words)
    assert _snapshot(hub) == before


def test_a_replayed_batch_changes_nothing(school):
    hub, zoe, _ana, ids = school
    batch = {"changes": [change("e" * 32, "profile_entry", "create", learner_id=ids["Zoë"],
                                author_id=zoe.account["id"], author_role="learner",
                                new=entry(ids["Zoë"], "I build bridges"))]}
    first = zoe.post("/v1/push", batch)
    assert first.status_code == 200 and first.json()["applied"] == 1
    after_first = _snapshot(hub)
    again = zoe.post("/v1/push", batch)
    assert again.status_code == 200
    assert again.json()["applied"] == 0 and again.json()["skipped"] == 1
    assert _snapshot(hub) == after_first
    assert "I build bridges" in after_first["texts"]


def test_a_revoked_device_is_refused(school, tmp_path):
    hub, zoe, _ana, _ids = school
    before = _snapshot(hub)
    done = hub.admin("revoke", zoe.meta["hub_device_id"][:8])
    assert "Revoked" in done.stdout
    _refused(zoe.post("/v1/pull", {"cursor": 0}), 403, "revoked")
    synced = run("--data-dir", str(tmp_path / "zoe"), "sync")
    assert synced.returncode == 1 and "revoked" in synced.stderr
    assert _snapshot(hub) == before


def test_a_learner_pulls_nothing_of_anyone_else(school):
    hub, zoe, _ana, ids = school
    answer = zoe.post("/v1/pull", {"cursor": 0, "limit": 1000}).json()
    # the same pull riding on a push (of nothing): the same answer
    with_push = zoe.post("/v1/push", {"changes": [], "pull": {"cursor": 0, "limit": 1000}}).json()
    assert with_push["applied"] == 0 and with_push["pull"] == {k: v for k, v in answer.items() if k != "time"}
    about = {c["learner_id"] for c in answer["changes"]}
    assert about <= {ids["Zoë"], None}
    assert all(c["entity"] != "profile_entry" or json.loads(c["new"] or "{}").get("teacher_only") != "true"
               for c in answer["changes"])
    assert not any("secret_hash" in (c["new"] or "") for c in answer["changes"])
    assert answer["scope"] == [ids["Zoë"]]


def test_a_change_labelled_with_its_own_learner_cannot_reach_another_learners_row(school):
    """Zoë's device updates José's entry, labelled as hers: the hub applies a push of one learner's rows holding
    that learner only, finds the row is José's, goes round again holding everything, and the policy refuses."""
    hub, zoe, ana, ids = school
    teacher = ana.account["id"]
    made = change("f" * 32, "profile_entry", "create", learner_id=ids["José"], author_id=teacher,
                  author_role="teacher", new=entry(ids["José"], "José builds bridges"))
    assert ana.post("/v1/push", {"changes": [made]}).status_code == 200
    before = _snapshot(hub)
    labelled = change("f" * 32, "profile_entry", "update", learner_id=ids["Zoë"], author_id=zoe.account["id"],
                      author_role="learner", entity_id=made["entity_id"], field="text",
                      old="José builds bridges", value="mine now")
    _refused(zoe.post("/v1/push", {"changes": [labelled]}), 403, "refused")
    # an erasure names nobody (its token stands for the learner): one naming a learner is malformed
    erase = change("f" * 32, "learner", "erase", learner_id=ids["Zoë"], author_id=zoe.account["id"],
                   author_role="learner")
    _refused(zoe.post("/v1/push", {"changes": [erase]}), 403, "names no learner")
    assert _snapshot(hub) == before
