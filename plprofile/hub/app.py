"""The hub's HTTP API (Starlette, served by uvicorn): pairing, push and pull. Each request opens what it
needs from the database and keeps nothing between requests, so several processes can serve one PostgreSQL.

Every request and answer is JSON; push bodies may be gzip-compressed. Refusals carry ``{"error": reason}``.
"""

from __future__ import annotations

import json
import uuid
import zlib
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from sqlalchemy import bindparam, cast, func, or_, select
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from plprofile.domain.profile import Actor, Role
from plprofile.services.access import STAFF_KINDS
from plprofile.store.engine import SCHEMA_HEAD, Store
from plprofile.store.models import Account, Learner
from plprofile.store.types import utcnow

from . import admin, tables

API = 1
#: The largest body a request may have, as sent and once unpacked.
MAX_BODY = 8 * 1024 * 1024
MAX_UNPACKED = 32 * 1024 * 1024
#: The most changes one push may carry, and one pull answer.
MAX_BATCH = 2000
PULL_LIMIT = 1000
#: A push about more learners than this holds the hub's lock alone, not one lock per learner (PostgreSQL's
#: lock table is shared by every connection and sized by ``max_locks_per_transaction``, 64 by default).
MAX_LEARNER_LOCKS = 64
#: Threads for the requests' database work in one hub process (``serve --workers`` for more processes).
THREADS = 8

# What every sync round asks, built once (building a statement costs more than running its compiled form).
_change = tables.change.c
_TOP = select(func.max(_change.seq))
_PULL = (select(_change.seq, _change.body, _change.source_device)
         .where(_change.seq > bindparam("cursor"), _change.seq <= bindparam("top")))
_PULL_ALL = _PULL.order_by(_change.seq).limit(bindparam("limit"))
_PULL_OF_LEARNERS = (_PULL.where(_change.learner_id.in_(bindparam("learners", expanding=True)))
                     .order_by(_change.seq).limit(bindparam("limit")))
_PULL_IN_SCOPE = (_PULL.where(or_(_change.learner_id.is_(None),
                                  _change.learner_id.in_(bindparam("learners", expanding=True))))
                  .order_by(_change.seq).limit(bindparam("limit")))
_LEARNER_ALIVE = select(Learner.id).where(Learner.deleted_at.is_(None), Learner.id == bindparam("learner_id"))
_STAFF = (select(Account.id, Account.display_name, Account.kind)
          .where(Account.kind.in_(STAFF_KINDS), Account.deleted_at.is_(None),
                 Account.enabled.is_(True))
          .order_by(Account.display_name))


class Refused(Exception):
    def __init__(self, status: int, reason: str, **extra) -> None:  # noqa: ANN003
        super().__init__(reason)
        self.status, self.reason, self.extra = status, reason, extra


def _error(exc: Refused) -> JSONResponse:
    return JSONResponse({"error": exc.reason, **exc.extra}, status_code=exc.status)


async def _body(request: Request) -> dict:
    size = int(request.headers.get("content-length") or 0)
    if size > MAX_BODY:
        raise Refused(413, f"the request is too large (more than {MAX_BODY // (1024 * 1024)} MB); nothing was written.")
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > MAX_BODY:
            raise Refused(413, f"the request is too large (more than {MAX_BODY // (1024 * 1024)} MB); "
                               "nothing was written.")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if request.headers.get("content-encoding") == "gzip":
        try:
            unpacker = zlib.decompressobj(wbits=31)
            raw = unpacker.decompress(raw, MAX_UNPACKED)
            if unpacker.unconsumed_tail:
                raise Refused(413, "the request unpacks to more than allowed; nothing was written.")
        except zlib.error:
            raise Refused(400, "the request's body is not valid gzip; nothing was written.") from None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "the request's body is not valid JSON; nothing was written.") from None
    if not isinstance(data, dict):
        raise Refused(400, "the request's body must be a JSON object; nothing was written.")
    return data


def check_schema(data: dict) -> None:
    schema = data.get("schema")
    if schema == SCHEMA_HEAD:
        return
    from plprofile.store.engine import KNOWN_REVISIONS

    if schema in KNOWN_REVISIONS:
        raise Refused(409, f"this device's plprofile is older than the hub's (schema {schema}, the hub has "
                           f"{SCHEMA_HEAD}): update plprofile on this device, then sync again. Nothing was written.",
                      hub_schema=SCHEMA_HEAD)
    raise Refused(409, f"this device's plprofile is newer than the hub's (schema {str(schema)[:64]}, the hub "
                       f"has {SCHEMA_HEAD}): ask the school to update the hub's plprofile, then sync again. "
                       "Nothing was written.", hub_schema=SCHEMA_HEAD)


def _now() -> str:
    return datetime.now(UTC).isoformat()


def create_app(store: Store) -> Starlette:
    """The hub's app over an open store (its engine's pool is all that lives between requests)."""

    def authenticate(request: Request, revoked_ok: bool = False) -> tuple[dict, Actor]:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer ") or "." not in header:
            raise Refused(401, "this device is not paired with the hub (no credential): pair it first.")
        device_id, _, token = header[len("Bearer "):].partition(".")
        d = tables.device
        with store.session() as s:  # the device and its account in one reading
            row = s.execute(device_and_account, {"device_id": device_id[:32]}).first()
        if row is None or not admin.same_hash(row.token_hash, admin.token_hash(token)):
            raise Refused(401, "the hub does not know this device's credential: pair it again.")
        if row.revoked_at is not None and not revoked_ok:
            raise Refused(403, "this device was revoked on the hub: ask the school for a new pairing code.")
        if row.kind is None or row.deleted_at is not None or not row.enabled:
            raise Refused(403, "the account this device acts for is no longer on the hub.")
        device = {c.name: getattr(row, c.name) for c in d.columns}
        return device, actor_for(uuid.UUID(row.account_id), row.kind, row.learner_id)

    # a device's account: its id is kept as text beside the device, and as the database's own UUID type in
    # ``account`` (PostgreSQL's uuid; 32 hexadecimal digits on SQLite)
    from .store import is_postgres

    account_key = (cast(tables.device.c.account_id, Account.id.type) if is_postgres(store)
                   else func.replace(tables.device.c.account_id, "-", ""))
    # built once: asked on every request, and building a statement costs more than its cached compiled form
    device_and_account = (select(tables.device, Account.kind, Account.learner_id, Account.deleted_at,
                                 Account.enabled)
                          .outerjoin(Account, Account.id == account_key)
                          .where(tables.device.c.id == bindparam("device_id")))

    def seen(device: dict) -> None:
        """Note when a device last synced (at most once a minute: not a write per request)."""
        now = utcnow()
        last = device.get("last_seen_at")
        if last is not None and (now - last).total_seconds() < 60:
            return
        with store.transaction() as s:
            s.execute(tables.device.update().where(tables.device.c.id == device["id"]).values(last_seen_at=now))
        device["last_seen_at"] = now  # a push and its pull in one request: noted once

    async def hello(request: Request) -> JSONResponse:
        return JSONResponse({"api": API, "schema": SCHEMA_HEAD, "time": _now()})

    async def pair(request: Request) -> JSONResponse:
        try:
            data = await _body(request)
            check_schema(data)
            result = await run_in_threadpool(do_pair, data)
        except Refused as exc:
            return _error(exc)
        return JSONResponse({**result, "time": _now()})

    def do_pair(data: dict) -> dict:
        secret = str(data.get("code", ""))[:64].upper()
        name = str(data.get("name", ""))[:200]
        inv = tables.invitation
        now = utcnow()
        token = uuid.uuid4().hex + uuid.uuid4().hex
        device_id = uuid.uuid4().hex
        with store.transaction() as s:
            row = s.execute(select(inv).where(inv.c.code_hash == admin.token_hash(secret))).first()
            if row is None:
                raise Refused(403, "that pairing code is not right: check it, or ask for a new one.")
            if row.used_at is not None:
                raise Refused(403, "that pairing code was already used: ask for a new one.")
            if row.expires_at <= now:
                raise Refused(403, "that pairing code has expired (codes last 24 hours): ask for a new one.")
            account = s.get(Account, uuid.UUID(row.account_id))
            s.execute(tables.device.insert().values(
                id=device_id, account_id=row.account_id, role=row.role, name=name, token_hash=admin.token_hash(token),
                paired_at=now))
            done = s.execute(inv.update().where(inv.c.id == row.id, inv.c.used_at.is_(None))
                             .values(used_at=now, device_id=device_id))
            if done.rowcount != 1:
                raise Refused(403, "that pairing code was already used: ask for a new one.")
        actor = actor_of(account)
        return {"device_id": device_id, "token": token, "role": row.role, "schema": SCHEMA_HEAD,
                "account": {"id": str(account.id), "name": account.display_name, "role": str(actor.role),
                            "admin": actor.admin, "learner_id": str(account.learner_id) if account.learner_id else None}}

    async def invitation(request: Request) -> JSONResponse:
        """What a pairing code grants and for whom, said before pairing (the code is not used up)."""
        try:
            data = await _body(request)
            result = await run_in_threadpool(look_up, data)
        except Refused as exc:
            return _error(exc)
        return JSONResponse({**result, "time": _now()})

    def look_up(data: dict) -> dict:
        secret = str(data.get("code", ""))[:64].upper()
        inv = tables.invitation
        with store.session() as s:
            row = s.execute(select(inv).where(inv.c.code_hash == admin.token_hash(secret))).first()
        if row is None:
            raise Refused(403, "that pairing code is not right: check it, or ask for a new one.", kind="wrong")
        if row.used_at is not None:
            raise Refused(403, "that pairing code was already used: ask for a new one.", kind="used")
        if row.expires_at <= utcnow():
            raise Refused(403, "that pairing code has expired (codes last 24 hours): ask for a new one.",
                          kind="expired")
        return {"role": row.role, "name": row.name, "expires": row.expires_at.isoformat()}

    async def push(request: Request) -> JSONResponse:
        try:
            device, actor = await run_in_threadpool(authenticate, request)
            data = await _body(request)
            check_schema(data)
            result = await run_in_threadpool(do_push, device, actor, data)
        except Refused as exc:
            return _error(exc)
        return JSONResponse({**result, "time": _now()})

    def do_push(device: dict, actor: Actor, data: dict) -> dict:
        """Apply a batch. With ``"pull": {"cursor": N}`` (a device's last batch of the round), the round's first
        pull is answered in the same request (``"pull"`` in the answer, as ``/v1/pull`` answers it), once the batch
        is committed: one request for a round, not two. The pull's part is checked before anything is written."""
        then = data.get("pull")
        if then is not None:
            if not isinstance(then, dict) or "learners" in then:
                raise Refused(400, "a push's pull names a cursor only; nothing was written.")
            pull_query(then)
        answer = push_batch(device, actor, data)
        if then is not None:
            answer["pull"] = do_pull(device, actor, then)
        return answer

    def push_batch(device: dict, actor: Actor, data: dict) -> dict:
        from plprofile.sync.changes import Change, MalformedChange, OutsideHeld, SyncRefused, learners_of

        raw = data.get("changes")
        if not isinstance(raw, list):
            raise Refused(400, "a push carries a list of changes; nothing was written.")
        if len(raw) > MAX_BATCH:
            raise Refused(413, f"a push carries at most {MAX_BATCH} changes; nothing was written.")
        try:
            batch = [Change.from_json(c) for c in raw]
        except MalformedChange as exc:
            raise Refused(400, f"a change is malformed ({exc}); nothing was written.") from None
        if len({c.id for c in batch}) != len(batch):
            raise Refused(400, "a change appears twice in the batch; nothing was written.")
        learners = learners_of(batch)
        if learners is not None and len(learners) > MAX_LEARNER_LOCKS:
            learners = None  # a big batch (a school's first push) goes alone rather than hold many locks
        try:
            try:
                result = _push(device, actor, batch, learners)
            except OutsideHeld:  # a change names another learner's row: the batch goes again, holding all
                result = _push(device, actor, batch, None)
        except SyncRefused as exc:
            raise Refused(403, f"the hub refused this batch: {exc.reason} Nothing was written.",
                          change_id=exc.change_id) from None
        seen(device)
        return {"acknowledged": [c.id for c in batch], "applied": result.applied, "skipped": result.skipped,
                "conflicts": result.conflicts, "warnings": list(result.warnings)}

    def _push(device: dict, actor: Actor, batch: list, learners: list[str] | None):  # noqa: ANN202
        from plprofile.store.changes import advance_clock
        from plprofile.sync.changes import apply

        from .store import push_lock

        with push_lock(store, learners) as s:
            result = apply(s, actor, batch, check_policy=True, held=learners, savepoint=False, clock=False)
            applied = set(result.applied_ids)
            admin.record(s, [c for c in batch if c.id in applied], source=device["id"])
            admin.forget_erased(s, result.erased, keep=[c.id for c in batch if c.action == "erase"])
            if result.clock is not None:  # last: the one row every push writes, held only to the commit
                advance_clock(s, result.clock)
        return result

    async def pull(request: Request) -> JSONResponse:
        try:
            device, actor = await run_in_threadpool(authenticate, request)
            data = await _body(request)
            check_schema(data)
            result = await run_in_threadpool(do_pull, device, actor, data)
        except Refused as exc:
            return _error(exc)
        return JSONResponse({**result, "time": _now()})

    def pull_query(data: dict) -> tuple[int, int, list[str] | None]:
        """What a pull asks for: (cursor, limit, learners or None); Refused(400) when it is malformed."""
        cursor = data.get("cursor", 0)
        limit = data.get("limit", PULL_LIMIT)
        learners = data.get("learners")
        if type(cursor) is not int or cursor < 0 or type(limit) is not int or not 0 < limit <= PULL_LIMIT:
            raise Refused(400, "a pull names a cursor (a whole number) and a limit; nothing was read.")
        if learners is not None and (not isinstance(learners, list) or len(learners) > 500
                                     or not all(isinstance(x, str) and len(x) <= 36 for x in learners)):
            raise Refused(400, "a pull's learners are a list of at most 500 ids; nothing was read.")
        return cursor, limit, learners

    def do_pull(device: dict, actor: Actor, data: dict) -> dict:
        from plprofile.sync.changes import Change, visible_to

        cursor, limit, learners = pull_query(data)
        with store.session() as s:
            top = s.execute(_TOP).scalar() or 0  # every number below is committed
            own = None  # who teaches a learner's device's learner, read once for both uses below
            if actor.role is Role.LEARNER and actor.learner_id is not None:
                from plprofile.services.access import class_scope

                own = class_scope(s, actor.learner_id)
            scope = scope_of(s, actor, own)
            values = {"cursor": cursor, "top": top, "limit": limit}
            if learners is not None:  # a learner who came into this device's scope: their history from the start
                rows = s.execute(_PULL_OF_LEARNERS, {**values, "learners": learners}).all()
            elif scope is not None:  # read only what may concern this device: its learners' changes and those
                # of no learner (the school's, and erasures, which name nobody): both through one index
                rows = s.execute(_PULL_IN_SCOPE, {**values, "learners": scope}).all()
            else:
                rows = s.execute(_PULL_ALL, values).all()
            more = len(rows) == limit
            theirs = [Change.from_json(json.loads(r.body)) for r in rows
                      if learners is not None or r.source_device != device["id"]]
            shown = visible_to(s, actor, theirs) if theirs else []
            if scope is not None:  # a row tied to a learner out of scope (their class membership) stays here
                within = set(scope)
                shown = [ch for ch in shown if ch.learner_id is None or ch.learner_id in within
                         or ch.action == "erase"]
            teachers = (teachers_of(s, actor, own) if not more and learners is None and actor.role is Role.LEARNER
                        else None)
        seen(device)
        if learners is not None:
            new_cursor = rows[-1].seq if more else top
            return {"changes": [ch.to_json() for ch in shown], "cursor": new_cursor, "more": more, "scope": None}
        new_cursor = rows[-1].seq if more else max(top, cursor)
        answer = {"changes": [ch.to_json() for ch in shown], "cursor": new_cursor, "more": more,
                  "scope": None if more else scope}
        if teachers is not None:
            answer["teachers"] = teachers
        return answer

    async def leave(request: Request) -> JSONResponse:
        """A device leaves the hub: its own credential is revoked (a learner's device only with a teacher's name
        and password, checked here). The old credential is then refused (401); ``hub devices`` lists it revoked."""
        try:
            device, actor = await run_in_threadpool(authenticate, request, True)  # a revoked device may leave
            data = await _body(request)
            result = await run_in_threadpool(do_leave, device, actor, data)
        except Refused as exc:
            return _error(exc)
        return JSONResponse({**result, "time": _now()})

    def do_leave(device: dict, actor: Actor, data: dict) -> dict:
        if actor.role is Role.LEARNER:
            teacher = data.get("teacher") if isinstance(data.get("teacher"), dict) else {}
            check_teacher(str(teacher.get("name", ""))[:200], str(teacher.get("secret", ""))[:1024])
        d = tables.device
        with store.transaction() as s:  # the token's hash goes too: the old credential is unknown from now on
            s.execute(d.update().where(d.c.id == device["id"]).values(
                revoked_at=device["revoked_at"] or utcnow(), token_hash="left"))
        return {"revoked": device["id"]}

    def check_teacher(name: str, secret: str) -> None:
        """A staff account of the hub with this sign-in name (or name) and password; Refused(403) otherwise,
        with the sign-in's own kinds of refusal (wrong, locked, wait...) and its slow-down."""
        from plprofile.services.auth import AuthService, SignInError

        wanted = name.strip().casefold()
        with store.session() as s:
            found = s.execute(select(Account.username).where(
                Account.kind.in_(STAFF_KINDS), Account.deleted_at.is_(None), Account.username.is_not(None),
                or_(func.lower(Account.username) == wanted, func.lower(Account.display_name) == wanted))).all()
        username = found[0].username if len(found) == 1 else name.strip()
        try:
            signed = AuthService(store).sign_in(username, secret)
        except SignInError as exc:
            raise Refused(403, "a teacher's name and password are needed to take this device off the hub, and "
                               "those were not right; nothing was changed.", kind="teacher", sign_in=exc.code,
                          **{k: v for k, v in exc.arguments.items() if isinstance(v, int)}) from None
        if signed.actor.role is not Role.TEACHER:
            raise Refused(403, "a teacher's name and password are needed to take this device off the hub; "
                               "nothing was changed.", kind="teacher", sign_in="wrong")

    @asynccontextmanager
    async def lifespan(app: Starlette):  # noqa: ANN202
        import anyio.to_thread

        # few threads for the requests' database work: more only take turns at Python's lock, and a push
        # holding the turn to number its changes would wait behind them
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield

    return Starlette(lifespan=lifespan, routes=[
        Route("/v1/hello", hello, methods=["GET"]),
        Route("/v1/pair", pair, methods=["POST"]),
        Route("/v1/invitation", invitation, methods=["POST"]),
        Route("/v1/push", push, methods=["POST"]),
        Route("/v1/pull", pull, methods=["POST"]),
        Route("/v1/leave", leave, methods=["POST"]),
    ])


def actor_of(account: Account) -> Actor:
    return actor_for(account.id, account.kind, account.learner_id)


def actor_for(account_id: uuid.UUID, kind: str, learner_id: uuid.UUID | None) -> Actor:
    """Who a device acts for: its account's id and kind (and learner, for a learner's account)."""
    if kind == "learner":
        return Actor(account_id=account_id, role=Role.LEARNER, learner_id=learner_id)
    return Actor(account_id=account_id, role=Role.TEACHER, admin=kind == "admin")


def scope_of(session, actor: Actor, learner_scope=None) -> list[str] | None:  # noqa: ANN001
    """The learners ``actor`` may read now (None: every learner, an admin's scope): a device drops the rest.

    The policy decides for each learner it is asked about. A learner's device asks about its own learner only
    (the policy lets a learner read no one else): a few rows read per pull, not the whole school's class lists.
    ``learner_scope``: who teaches that learner (``access.class_scope``), when the caller has read it already."""
    from plprofile.domain.policy import Action, Kind, Target, decide
    from plprofile.services.access import class_scope, class_scopes

    if actor.admin:
        return None
    if actor.role is Role.LEARNER:
        if actor.learner_id is None:
            return []
        ids = session.execute(_LEARNER_ALIVE, {"learner_id": actor.learner_id}).scalars().all()
        scopes = {i: class_scope(session, i) if learner_scope is None else learner_scope for i in ids}
    else:
        scopes = class_scopes(session)  # who teaches each learner, read once; ALL_STAFF while there is no class
        ids = session.execute(select(Learner.id).where(Learner.deleted_at.is_(None))).scalars().all()
    return [str(i) for i in ids if decide(actor, Action.READ, Target(
        Kind.LEARNER, learner_id=i, row_id=i,
        class_scope=scopes.get(i, frozenset()) if isinstance(scopes, dict) else scopes))]


def teachers_of(session, actor: Actor, learner_scope=None) -> list[dict]:  # noqa: ANN001
    """For a learner's device: the staff accounts that may write to the learner's profile now (their teachers by
    the policy's class rule, and the school's admins), as public facts: id, name and kind, never a secret. The
    device takes a file of changes from these accounts only (``sync.bundle``). ``learner_scope``: who teaches
    the learner (``access.class_scope``), when the caller has read it already."""
    from plprofile.domain.policy import Action, Kind, Target, decide
    from plprofile.services.access import class_scope

    if actor.learner_id is None:
        return []
    scope = class_scope(session, actor.learner_id) if learner_scope is None else learner_scope
    target = Target(Kind.LEARNER, learner_id=actor.learner_id, row_id=actor.learner_id, class_scope=scope)
    rows = session.execute(_STAFF).all()
    return [{"id": str(r.id), "name": r.display_name, "kind": r.kind} for r in rows
            if decide(Actor(account_id=r.id, role=Role.TEACHER, admin=r.kind == "admin"), Action.UPDATE, target)]
