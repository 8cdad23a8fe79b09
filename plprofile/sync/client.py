"""The device's side of the hub: pairing (the hub's certificate pinned from the code) and sync rounds (push the
outbox in compressed batches, pull by the hub's sequence number), over httpx. No Qt."""

from __future__ import annotations

import gzip
import json
import socket
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlalchemy import select

from plprofile.domain.profile import Actor, Role
from plprofile.store.engine import SCHEMA_HEAD, Store
from plprofile.store.models import Meta

#: Changes per push request; pull pages are the hub's to size.
PUSH_BATCH = 500
#: A device clock further than this from the hub's is reported.
SKEW_WARNING_S = 300
TIMEOUT_S = 60.0
#: The tables whose changes can change the learner list (its rows, their names, groups and grades, the classes).
LISTED = frozenset({"learner", "class_member", "school_class"})
#: ``meta`` key: a learner's device keeps here who may write to the learner's profile (the hub's answer: id, name
#: and kind of each staff account; never a secret), so that it takes a file of changes from them.
TEACHERS_KEY = "hub_teachers"
KEYS = ("hub_url", "hub_cert", "hub_device_id", "hub_token", "hub_account", "hub_cursor", TEACHERS_KEY)


class SyncError(Exception):
    """A pairing or sync round that could not be done; the message says why and what to do. ``change_id``:
    the change the hub refused a push for (its policy said no), when it named one."""

    def __init__(self, message: str, change_id: str | None = None, status: int | None = None,
                 answer: dict | None = None) -> None:
        super().__init__(message)
        self.change_id, self.status = change_id, status
        #: the hub's whole refusal (its ``kind`` and arguments, where it gave them)
        self.answer = answer or {}


@dataclass
class RoundResult:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    removed: int = 0
    warnings: list[str] = field(default_factory=list)
    #: The learners whose rows the round brought, changed or took off this device (their ids): the window
    #: refreshes what shows them, and only that.
    learners: set[str] = field(default_factory=set)
    #: The round brought changes of no learner (an account, the school's classes).
    school: bool = False
    #: What the learner list shows may have changed: a learner's name, group or grade, a class or its members,
    #: a learner who came or went.
    listed: bool = False

    def to_json(self) -> dict:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts,
                "removed": self.removed, "warnings": self.warnings, "learners": sorted(self.learners),
                "school": self.school, "listed": self.listed}


def _meta(store: Store) -> dict[str, str]:
    with store.session() as s:
        return {m.key: m.value for m in s.execute(select(Meta).where(Meta.key.in_(KEYS))).scalars()}


def _set_meta(session, values: dict[str, str]) -> None:  # noqa: ANN001
    for key, value in values.items():
        row = session.get(Meta, key)
        if row is None:
            session.add(Meta(key=key, value=value))
        else:
            row.value = value
            session.add(row)


def paired(store: Store) -> bool:
    return "hub_token" in _meta(store)


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme != "https" or not parts.hostname:
        raise SyncError(f"{url} is not a hub address like https://hub.school.example:8443.")
    return parts.hostname, parts.port or 443


def _client(url: str, pem: str):  # noqa: ANN202
    import httpx  # start-up: only sync and pairing talk to the hub

    from plprofile.hub.tls import pinned_context

    return httpx.Client(base_url=url.rstrip("/"), verify=pinned_context(pem), timeout=TIMEOUT_S)


def _answer(response) -> dict:  # noqa: ANN001
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.status_code != 200:
        raise SyncError(data.get("error") or f"the hub answered {response.status_code}.",
                        data.get("change_id"), response.status_code, data if isinstance(data, dict) else {})
    return data


def _call(client, path: str, body: dict, headers: dict | None = None) -> dict:  # noqa: ANN001
    import httpx

    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    packed = gzip.compress(raw, compresslevel=6)
    try:
        response = client.post(path, content=packed, headers={
            "content-type": "application/json", "content-encoding": "gzip", **(headers or {})})
    except httpx.ConnectError as exc:
        if "CERTIFICATE_VERIFY_FAILED" in str(exc):
            raise SyncError("the hub showed a different certificate from the one this device paired with: "
                            "this may not be the school's hub. Nothing was sent. If the hub's certificate was "
                            "replaced, pair this device again.") from exc
        raise SyncError(f"the hub cannot be reached ({exc}); try again when the network is there.") from exc
    except httpx.HTTPError as exc:
        raise SyncError(f"the hub cannot be reached ({exc}); try again when the network is there.") from exc
    return _answer(response)


def pair(store: Store, url: str, code: str, name: str | None = None) -> dict:
    """Pair this device with the hub at ``url`` using a one-time ``code``: the hub's certificate must match the
    fingerprint the code carries, else nothing is sent. The credential is kept in this device's store."""
    from plprofile.hub.admin import split_code
    from plprofile.hub.tls import code_part

    if paired(store):
        raise SyncError("this device is already paired with a hub.")
    try:
        secret, fp = split_code(code)
    except ValueError as exc:
        raise SyncError(f"{exc}; nothing was changed.") from None
    host, port = _host_port(url)
    from plprofile.hub.tls import peer_certificate

    try:
        der = peer_certificate(host, port)
    except OSError as exc:
        raise SyncError(f"the hub at {url} cannot be reached ({exc}); nothing was changed.") from exc
    if code_part(der) != fp:
        raise SyncError("the hub at this address shows a different certificate from the one in the pairing "
                        "code: it may not be the school's hub. Nothing was sent.")
    import ssl

    pem = ssl.DER_cert_to_PEM_cert(der)
    base = f"https://{host}:{port}"
    with _client(base, pem) as client:
        answer = _call(client, "/v1/pair", {"code": secret, "name": name or socket.gethostname(),
                                            "schema": SCHEMA_HEAD})
    with store.transaction() as s:
        _set_meta(s, {"hub_url": base, "hub_cert": pem, "hub_device_id": answer["device_id"],
                      "hub_token": answer["token"], "hub_account": json.dumps(answer["account"]),
                      "hub_cursor": "0"})
        if not answer["account"].get("admin"):
            _adopt_local_work(s, hub_actor(answer["account"]), answer["account"].get("name") or "")
    return {**answer["account"], "invited_as": answer["role"]}


def _adopt_local_work(session, actor: Actor, name: str) -> None:  # noqa: ANN001
    """A teacher's laptop that worked alone before pairing: what its own sign-in account wrote and the hub has
    not seen is the invited teacher's work, so it is sent as theirs (the hub takes a device's changes only as
    written by the account it acts for, and judges each by that account's rights). The laptop's own staff
    accounts stay on it: their changes are kept here, each named in the sync's warnings."""
    from sqlalchemy import update

    from plprofile.services.access import STAFF_KINDS
    from plprofile.store.models import Account, ChangeLog
    from plprofile.sync.changes import MODELS, acknowledged, device_id, hold

    if actor.role is not Role.TEACHER:
        return
    local = {a.id: a.display_name for a in session.execute(
        select(Account).where(Account.kind.in_(STAFF_KINDS), Account.id != actor.account_id)).scalars()}
    system = uuid.UUID(int=0)  # the store's own computer (its first account was made by it)
    mine = device_id(session)
    unsent = (ChangeLog.device_id == mine, ChangeLog.hlc > acknowledged(session))
    if not local:
        return
    authors = [*local, system]
    session.execute(update(ChangeLog).where(*unsent, ChangeLog.author_id.in_(authors))
                    .values(author_id=actor.account_id))
    session.execute(update(ChangeLog).where(*unsent, ChangeLog.signed_in_id.in_(authors))
                    .values(signed_in_id=actor.account_id))
    for model in MODELS.values():
        if model is not Account:
            session.execute(update(model).where(model.author_id.in_(authors)).values(author_id=actor.account_id))
    own = session.execute(select(ChangeLog.id, ChangeLog.entity_id).where(
        *unsent, ChangeLog.entity == "account", ChangeLog.entity_id.in_(list(local)))).all()
    hold(session, {str(i): {"about": f"this laptop's own sign-in account {local[e]!r}",
                            "reason": f"on the hub this laptop acts for {name or 'the invited teacher'}."}
                   for i, e in own})


def leave(store: Store, teacher: tuple[str, str] | None = None) -> None:
    """Tell the hub this device leaves it: the hub revokes the device's credential. A learner's device sends a
    teacher's sign-in name and password (``teacher``), which the hub checks. Raises SyncError (``status`` None:
    the hub could not be reached)."""
    meta = _meta(store)
    if "hub_token" not in meta:
        raise SyncError("this device is not paired with a hub: run 'plprofile pair URL CODE' first.")
    auth = {"authorization": f"Bearer {meta['hub_device_id']}.{meta['hub_token']}"}
    body: dict = {"schema": SCHEMA_HEAD}
    if teacher is not None:
        body["teacher"] = {"name": teacher[0], "secret": teacher[1]}
    with _client(meta["hub_url"], meta["hub_cert"]) as client:
        _call(client, "/v1/leave", body, auth)


def hub_actor(account: dict) -> Actor:
    return Actor(account_id=uuid.UUID(account["id"]),
                 role=Role.LEARNER if account["role"] == "learner" else Role.TEACHER,
                 learner_id=uuid.UUID(account["learner_id"]) if account.get("learner_id") else None,
                 admin=bool(account.get("admin")))


def _skew(answer: dict, result: RoundResult) -> None:
    try:
        hub_time = datetime.fromisoformat(answer["time"])
    except (KeyError, TypeError, ValueError):
        return
    off = (datetime.now(UTC) - hub_time).total_seconds()
    if abs(off) > SKEW_WARNING_S and not any("clock" in w for w in result.warnings):
        result.warnings.append(f"this device's clock is {abs(off) / 60:.0f} minutes "
                               f"{'ahead of' if off > 0 else 'behind'} the hub's: set it right (sync still "
                               "merges correctly).")


def sync_round(store: Store) -> RoundResult:
    """One round: push everything not yet acknowledged (batch by batch, each acknowledged as it lands, so an
    interrupted round resumes), then pull what changed in this device's scope since its cursor."""
    from plprofile.sync.changes import drop_out_of_scope, mark_acknowledged, outgoing

    meta = _meta(store)
    if "hub_token" not in meta:
        raise SyncError("this device is not paired with a hub: run 'plprofile pair URL CODE' first.")
    auth = {"authorization": f"Bearer {meta['hub_device_id']}.{meta['hub_token']}"}
    actor = hub_actor(json.loads(meta["hub_account"]))
    result = RoundResult()
    cursor = int(meta.get("hub_cursor", "0"))
    first_pull = None  # the round's first pull, answered with its last push
    with _client(meta["hub_url"], meta["hub_cert"]) as client:
        while True:
            with store.session() as s:
                batch = outgoing(s, limit=PUSH_BATCH)
            if not batch:
                break
            body = {"schema": SCHEMA_HEAD, "changes": [c.to_json() for c in batch]}
            if len(batch) < PUSH_BATCH:  # the last batch: the hub answers the pull with it (one request)
                body["pull"] = {"cursor": cursor}
            try:
                answer = _call(client, "/v1/push", body, auth)
            except SyncError as exc:
                if exc.status != 403 or not exc.change_id or not _hold_refused(store, exc):
                    raise
                continue  # the rest goes without what the hub refused
            with store.transaction() as s:
                mark_acknowledged(s, answer["acknowledged"])
            result.pushed += answer["applied"]
            result.conflicts += answer.get("conflicts", 0)
            result.warnings += [w for w in answer.get("warnings", []) if w not in result.warnings]
            _skew(answer, result)
            if isinstance(answer.get("pull"), dict):  # (a hub before this answers the push alone)
                first_pull = answer["pull"]
        scope = teachers = None
        while True:
            if first_pull is not None:
                answer, first_pull = first_pull, None
            else:
                answer = _call(client, "/v1/pull", {"schema": SCHEMA_HEAD, "cursor": cursor}, auth)
            _pulled(store, actor, answer, result, save_cursor=True)
            cursor = answer["cursor"]
            scope = answer.get("scope", scope)
            teachers = answer.get("teachers", teachers)
            if not answer.get("more"):
                break
        if isinstance(teachers, list):
            _keep_teachers(store, teachers)
        _held_warnings(store, result)
        if scope is not None:
            from plprofile.store.models import Learner

            with store.session() as s:
                here = {str(i) for i in s.execute(select(Learner.id)).scalars()}
            came = sorted(set(scope) - here)  # new in this device's scope: their history from the start
            for i in range(0, len(came), 500):
                after = 0
                while True:
                    answer = _call(client, "/v1/pull", {"schema": SCHEMA_HEAD, "cursor": after,
                                                        "learners": came[i:i + 500]}, auth)
                    _pulled(store, actor, answer, result, save_cursor=False)
                    after = answer["cursor"]
                    if not answer.get("more"):
                        break
            from plprofile.sync.changes import learners_kept

            with store.session() as s:  # a learner whose changes the hub refused (or has not yet) stays
                kept = learners_kept(s)
            gone = sorted(here - set(scope) - kept)
            if gone:
                with store.transaction() as s:
                    result.removed = drop_out_of_scope(s, gone)
                result.learners.update(gone)
                result.listed = True
    return result


def _keep_teachers(store: Store, teachers: list) -> None:
    """Who may write to this learner's profile, as the hub said this round (replacing what it said before)."""
    kept = []
    for item in teachers:
        try:
            kept.append({"id": str(uuid.UUID(str(item["id"]))), "name": str(item.get("name", ""))[:200],
                         "kind": "admin" if item.get("kind") == "admin" else Role.TEACHER.value})
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    with store.transaction() as s:
        _set_meta(s, {TEACHERS_KEY: json.dumps(kept, ensure_ascii=False)})


def known_teachers(session) -> dict[str, dict]:  # noqa: ANN001
    """The staff accounts the hub last named as writing to this learner device's learner (id -> id, name,
    kind); empty on any other device."""
    row = session.get(Meta, TEACHERS_KEY)
    try:
        return {t["id"]: t for t in json.loads(row.value)} if row is not None and row.value else {}
    except (ValueError, TypeError, KeyError):
        return {}


def _hold_refused(store: Store, refused: SyncError) -> bool:
    """Keep here the change the hub refused and every unsent change about the same learner (they cannot go
    without it); False when the change is not one of this device's unsent ones."""
    from plprofile.store.models import Account, Learner
    from plprofile.sync.changes import REFUSED, hold, outgoing

    reason = str(refused).removeprefix("the hub refused this batch: ").removesuffix(" Nothing was written.")
    with store.transaction() as s:
        unsent = outgoing(s)
        change = next((c for c in unsent if c.id == refused.change_id), None)
        if change is None:
            return False
        learner = change.learner_id or (change.entity_id if change.entity == "learner" else None)
        if learner is not None:
            row = s.get(Learner, uuid.UUID(learner))
            about = (f"{row.preferred_name or row.given_name} {row.family_name}".strip() if row is not None
                     else "a learner no longer on this device")
            ids = [c.id for c in unsent if learner in (c.learner_id, c.entity_id)]
        else:
            account = s.get(Account, uuid.UUID(change.entity_id)) if change.entity == "account" else None
            about = f"the account {account.display_name!r}" if account is not None else f"the {change.entity}"
            ids = [change.id]
        hold(s, {i: {"about": about, "reason": reason, "learner": learner or "", "kind": REFUSED} for i in ids})
    return True


def _held_warnings(store: Store, result: RoundResult) -> None:
    """Name, in the round's warnings, what this device made that the hub refused and that stays here."""
    from plprofile.sync.changes import held_groups

    with store.session() as s:
        groups, refused = held_groups(s), set(held_groups(s, refused_only=True))
    for about, reason, n in groups:
        result.warnings.append(f"{n} change(s) about {about} made on this device were not sent to the hub and stay "
                               f"here: {reason}" + (" Once that is settled, 'plprofile sync --send-again' offers "
                                                    "them again." if (about, reason, n) in refused else ""))


def _pulled(store: Store, actor: Actor, answer: dict, result: RoundResult, *, save_cursor: bool) -> None:
    """Apply one page of pulled changes (and keep the cursor) in one transaction."""
    from plprofile.sync.changes import Change, apply

    _skew(answer, result)
    changes = [Change.from_json(c) for c in answer["changes"]]
    with store.transaction() as s:
        if changes:
            applied = apply(s, actor, changes, check_policy=False)
            result.pulled += applied.applied
            result.conflicts += applied.conflicts
            done = set(applied.applied_ids)
            for change in changes:
                if change.id not in done:
                    continue
                learner = change.learner_id or (change.entity_id if change.entity == "learner" else None)
                if learner is not None and change.action != "erase":
                    result.learners.add(learner)
                elif change.action != "erase":
                    result.school = True
                if change.entity in LISTED or change.action == "erase":
                    result.listed = True
            result.learners.update(applied.erased)
        if save_cursor:
            _set_meta(s, {"hub_cursor": str(answer["cursor"])})
