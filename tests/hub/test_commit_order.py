"""Pushes arriving at once at a PostgreSQL hub served by three processes (one hub, and another started with
``--workers 2``, as behind a load balancer), learners' pushes applied side by side: a device pulling all the
while, and again afterwards, receives every change exactly once, in the hub's sequence order, none skipped (a
change numbered lower but committed later would otherwise be jumped over by a cursor)."""

from __future__ import annotations

import gzip
import json
import threading
import time
import uuid

import httpx
from sqlalchemy import select

from .conftest import Hub, make_hub
from .test_end_to_end import _hub_actor, _open

LEARNERS, BATCHES, PER_BATCH = 6, 6, 5


def _credential(folder) -> dict:  # noqa: ANN001
    from plprofile.store.models import Meta

    store = _open(folder)
    with store.session() as s:
        meta = {m.key: m.value for m in s.execute(select(Meta)).scalars()}
    store.close()
    return {"auth": f"Bearer {meta['hub_device_id']}.{meta['hub_token']}", "device": meta["hub_device_id"],
            "account": json.loads(meta["hub_account"]), "pem": meta["hub_cert"]}


def _post(client: httpx.Client, path: str, auth: str, body: dict) -> dict:
    from plprofile.store.engine import SCHEMA_HEAD

    answer = client.post(path, content=gzip.compress(json.dumps({"schema": SCHEMA_HEAD, **body}).encode()),
                         headers={"authorization": auth, "content-type": "application/json",
                                  "content-encoding": "gzip"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _entry(device: str, account: str, learner: str, n: int) -> dict:
    return {"id": str(uuid.uuid4()), "hlc": f"{time.time_ns() // 1_000_000:013d}-{n:05d}-{device}",
            "learner_id": learner, "entity": "profile_entry", "entity_id": str(uuid.uuid4()), "action": "create",
            "field": None, "old": None, "author_id": account, "author_role": "learner", "device_id": device,
            "signed_in_id": None, "at": "2026-12-06T10:00:00+00:00",
            "new": json.dumps({"learner_id": learner, "section": "interests", "text": f"note {n}",
                               "agreement": "agreed", "teacher_only": "false", "position": str(n)})}


def test_concurrent_pushes_are_pulled_once_each_in_sequence_order(tmp_path, postgres_url):
    from plprofile.hub.store import open_hub
    from plprofile.hub.tls import pinned_context
    from plprofile.services.profiles import ProfileService
    from plprofile.sync.client import pair, sync_round

    first = make_hub(tmp_path, postgres_url)
    second = Hub(first.folder, postgres_url)
    second.start("--workers", "2")  # itself two processes: three in all
    hubs = [first, second]
    try:
        office = tmp_path / "office"
        store = _open(office)
        pair(store, first.url, first.invite("admin", "Ada Admin"), "office")
        admin = _hub_actor(office)
        profiles = ProfileService(store)
        learners = [profiles.add_learner(admin, given_name=f"Kid{i}", family_name="Order") for i in range(LEARNERS)]
        sync_round(store)
        store.close()
        devices = []
        for i, learner in enumerate(learners):
            folder = tmp_path / f"kid{i}"
            device = _open(folder)
            pair(device, hubs[i % 2].url, first.invite("learner", f"Kid{i} Order"), folder.name)
            device.close()
            devices.append({**_credential(folder), "learner": str(learner.id), "hub": hubs[i % 2]})
        reader_dir = tmp_path / "reader"
        reader_store = _open(reader_dir)
        pair(reader_store, first.url, first.invite("admin", "Ada Admin"), "reader")
        reader_store.close()
        reader = _credential(reader_dir)

        pushed: list[str] = []
        received: list[str] = []
        failures: list[str] = []
        lock = threading.Lock()
        start = threading.Barrier(LEARNERS + 1)
        pushing_done = threading.Event()

        def push(device: dict) -> None:
            try:
                with httpx.Client(base_url=device["hub"].url, verify=pinned_context(device["pem"]),
                                  timeout=120) as client:
                    start.wait()
                    for b in range(BATCHES):
                        batch = [_entry(device["device"], device["account"]["id"], device["learner"],
                                        b * PER_BATCH + k) for k in range(PER_BATCH)]
                        _post(client, "/v1/push", device["auth"], {"changes": batch})
                        with lock:
                            pushed.extend(c["id"] for c in batch)
            except Exception as exc:  # reported by the assertion below
                failures.append(repr(exc))

        def pull() -> None:
            clients = [httpx.Client(base_url=h.url, verify=pinned_context(reader["pem"]), timeout=120) for h in hubs]
            cursor, turn = 0, 0
            try:
                start.wait()
                while True:
                    last = pushing_done.is_set()  # read before the pull: a pull after the last push ends it
                    while True:
                        turn += 1
                        answer = _post(clients[turn % 2], "/v1/pull", reader["auth"], {"cursor": cursor})
                        received.extend(c["id"] for c in answer["changes"])
                        cursor = answer["cursor"]
                        if not answer["more"]:
                            break
                    if last:
                        return
            except Exception as exc:
                failures.append(repr(exc))
            finally:
                for client in clients:
                    client.close()

        threads = [threading.Thread(target=push, args=(d,)) for d in devices]
        puller = threading.Thread(target=pull)
        for t in [*threads, puller]:
            t.start()
        for t in threads:
            t.join(600)
        pushing_done.set()
        puller.join(600)
        assert failures == []
        assert len(pushed) == LEARNERS * BATCHES * PER_BATCH

        # every change once, none skipped
        assert len(received) == len(set(received))
        assert set(pushed) <= set(received)
        # in the hub's sequence order
        from plprofile.hub import tables

        hub_store = open_hub(first.folder, postgres_url)
        try:
            with hub_store.session() as s:
                seq = dict(s.execute(select(tables.change.c.change_id, tables.change.c.seq)).all())
        finally:
            hub_store.close()
        numbers = [seq[i] for i in received]
        assert numbers == sorted(numbers)
    finally:
        second.stop()
        first.stop()
