"""Hub administration: the first admin account, one-time pairing codes, devices and their revocation."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select

from plprofile.domain.profile import Actor, Role
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import Account, Learner
from plprofile.store.types import utcnow

from . import tables
from .store import get_meta, number_lock, push_lock, set_meta

ROLES = ("admin", "teacher", "learner")
INVITATION_LIFETIME = timedelta(hours=24)
#: The hub's own writes (its first admin, a learner's account made for an invitation) are authored by it.
HUB_ACTOR = Actor(account_id=uuid.UUID(int=0), role=Role.TEACHER, admin=True)


class AdminError(Exception):
    """A refusal in plain words; nothing was changed."""


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def same_hash(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def initialised(store: Store) -> bool:
    with store.session() as s:
        return s.execute(select(func.count()).select_from(Account).where(
            Account.kind == "admin", Account.deleted_at.is_(None))).scalar_one() > 0


def init(store: Store, name: str, password: str) -> Account:
    """The hub's first admin account (``NAME`` signs in with ``password``)."""
    from plprofile.services.auth import check_password, check_username, default_hasher

    password = check_password(password)
    username = check_username(name.strip().lower().replace(" ", "."))
    with push_lock(store) as s:
        if s.execute(select(Account).where(Account.kind == "admin", Account.deleted_at.is_(None))).first():
            raise AdminError("this hub already has an admin account; nothing was changed.")
        if s.execute(select(Account).where(Account.username == username)).first():
            raise AdminError(f"the sign-in name {username!r} is taken; nothing was changed.")
        account = Account(kind="admin", display_name=name.strip(), username=username,
                          secret_hash=default_hasher().hash(password))
        changes.create(s, store.device_id, account, HUB_ACTOR, None)
        number_local_changes(s, store)
    return account


def number_local_changes(session, store: Store) -> int:  # noqa: ANN001
    """Give the hub's own new changes (written through the app's write path) their sequence numbers, in the
    caller's push-locked transaction, so that devices pull them like any other."""
    from plprofile.sync.changes import mark_acknowledged, outgoing

    mine = outgoing(session)
    if not mine:
        return 0
    record(session, mine, source="hub")
    mark_acknowledged(session, [c.id for c in mine])
    return len(mine)


def record(session, changes_: list, source: str) -> None:  # noqa: ANN001
    """Number ``changes_`` (in the push's transaction, once its rows are written: the numbering's turn is
    taken here and kept to the commit)."""
    import json

    if not changes_:
        return
    number_lock(session)
    now = utcnow()
    session.execute(tables.change.insert(), [
        {"change_id": c.id, "learner_id": c.learner_id, "source_device": source, "received_at": now,
         "body": json.dumps(c.to_json(), ensure_ascii=False, separators=(",", ":"))} for c in changes_])


def forget_erased(session, learner_ids: list[str], keep: list[str]) -> int:  # noqa: ANN001
    """An erased learner leaves the hub's change sequence too: every change about them goes, except the
    erasures themselves (devices still need to hear of them; they carry no words)."""
    return sum(forget_learner(session, learner_id, keep=keep) for learner_id in learner_ids)


def forget_learner(session, learner_id, keep: list[str] = (), accounts: list = ()) -> int:  # noqa: ANN001
    """Delete every numbered change about ``learner_id`` (an erasure's token is not their id: erasures stay):
    the changes tied to them, and any change that names them or one of their accounts (their account's rows,
    their place in a class). ``accounts``: their account ids, when the caller still knows them; the others are
    found in the changes that made them. Returns how many changes went."""
    import json

    c = tables.change
    lid = str(learner_id)
    names = {lid, *(str(a) for a in accounts)}
    for row in session.execute(select(c.c.body).where(
            c.c.body.like(f"%{lid}%"), c.c.body.like('%"entity":"account"%'))).scalars():
        names.add(json.loads(row)["entity_id"])
    about = or_(c.c.learner_id == lid, *(c.c.body.like(f"%{n}%") for n in sorted(names)))
    done = session.execute(c.delete().where(about, c.c.change_id.not_in(list(keep)),
                                            c.c.body.not_like('%"action":"erase"%')))
    return done.rowcount


def purged_here(session, store: Store, learner_id, accounts: list) -> None:  # noqa: ANN001
    """A learner purged on the hub's own store (``plprofile purge`` run on it, in the purge's transaction):
    their numbered changes go as a pushed erasure's do, and the erasure is numbered so that every device
    hears of it. On PostgreSQL the numbering waits its turn (the push lock)."""
    number_lock(session)  # before the deletions too: a reader never sees them half done
    forget_learner(session, learner_id, accounts=accounts)
    number_local_changes(session, store)


@dataclass(frozen=True)
class Invitation:
    code: str
    expires: datetime
    role: str
    name: str


def _find_account(s, role: str, name: str) -> Account:  # noqa: ANN001
    wanted = name.strip().casefold()
    if role == "learner":
        learners = [learner for learner in s.execute(select(Learner).where(Learner.deleted_at.is_(None))).scalars()
                    if wanted in {f"{learner.given_name} {learner.family_name}".casefold(),
                                  f"{learner.preferred_name} {learner.family_name}".casefold(),
                                  (learner.external_id or "").casefold()}]
        if len(learners) != 1:
            raise AdminError(f"{'no learner' if not learners else 'more than one learner'} on this hub is "
                             f"called {name!r}; give the full name or the school ID. Nothing was changed.")
        learner = learners[0]
        account = s.execute(select(Account).where(Account.learner_id == learner.id,
                                                  Account.deleted_at.is_(None))).scalars().first()
        if account is None:  # the learner's account on the hub, made for their device
            account = Account(kind="learner", display_name=learner.preferred_name, learner_id=learner.id)
            changes.create(s, s.info["device_id"], account, HUB_ACTOR, learner.id)
        return account
    kinds = ("admin",) if role == "admin" else ("teacher", "admin")
    found = s.execute(select(Account).where(
        Account.kind.in_(kinds), Account.deleted_at.is_(None),
        or_(func.lower(Account.display_name) == wanted, func.lower(Account.username) == wanted))).scalars().all()
    if len(found) != 1:
        what = "no" if not found else "more than one"
        raise AdminError(f"{what} {role} account on this hub is called {name!r}. A school's teachers arrive "
                         "with its roster (an admin device's data, or 'plprofile import'); nothing was changed.")
    return found[0]


def invite(store: Store, role: str, name: str, now: datetime | None = None) -> Invitation:
    """A one-time pairing code for ``name``'s account: valid 24 hours, carrying the hub's fingerprint."""
    if role not in ROLES:
        raise AdminError(f"the role is one of {', '.join(ROLES)}.")
    fp = get_meta_value(store, "tls_code_part")
    if not fp:
        raise AdminError("the hub has no certificate yet: start it once ('plprofile serve') or run "
                         "'plprofile hub init'. Nothing was changed.")
    now = now or utcnow()
    secret = base64.b32encode(secrets.token_bytes(10)).decode()
    with push_lock(store) as s:
        s.info["device_id"] = store.device_id
        account = _find_account(s, role, name)
        s.execute(tables.invitation.insert().values(
            id=uuid.uuid4().hex, code_hash=token_hash(secret), role=role, account_id=str(account.id),
            name=account.display_name, created_at=now, expires_at=now + INVITATION_LIFETIME))
        number_local_changes(s, store)
    grouped = "-".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    return Invitation(f"{grouped}-{fp}", now + INVITATION_LIFETIME, role, account.display_name)


def split_code(code: str) -> tuple[str, str]:
    """(secret, fingerprint part) of a pairing code; ValueError when it does not look like one."""
    parts = code.strip().upper().replace(" ", "").split("-")
    if len(parts) < 2 or len(parts[-1]) < 16:
        raise ValueError("that is not a pairing code (it looks like ABCD-EFGH-IJKL-MNOP-…)")
    return "".join(parts[:-1]), parts[-1]


def get_meta_value(store: Store, key: str) -> str | None:
    with store.session() as s:
        return get_meta(s, key)


def set_meta_value(store: Store, key: str, value: str) -> None:
    with store.transaction() as s:
        set_meta(s, key, value)


@dataclass(frozen=True)
class DeviceRow:
    id: str
    name: str
    role: str
    account: str
    paired_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


def devices(store: Store) -> list[DeviceRow]:
    d = tables.device
    with store.session() as s:
        names = {str(a.id): a.display_name for a in s.execute(select(Account)).scalars()}
        rows = s.execute(select(d).order_by(d.c.paired_at)).all()
    return [DeviceRow(r.id, r.name, r.role, names.get(r.account_id, r.account_id), r.paired_at, r.last_seen_at,
                      r.revoked_at) for r in rows]


def revoke(store: Store, device_id: str) -> DeviceRow:
    d = tables.device
    with store.transaction() as s:
        row = s.execute(select(d).where(d.c.id.startswith(device_id.strip().lower()))).all()
        if len(row) != 1:
            raise AdminError(f"{'no' if not row else 'more than one'} device matches {device_id!r} "
                             "('plprofile hub devices' lists them). Nothing was changed.")
        if row[0].revoked_at is None:
            s.execute(d.update().where(d.c.id == row[0].id).values(revoked_at=utcnow()))
    return next(x for x in devices(store) if x.id == row[0].id)


def status(store: Store) -> dict:
    with store.session() as s:
        count = lambda t, *w: s.execute(select(func.count()).select_from(t).where(*w)).scalar_one()  # noqa: E731
        last = s.execute(select(func.max(tables.change.c.seq))).scalar()
        return {
            "database": store.engine.dialect.name,
            "schema": store_revision(s),
            "learners": count(Learner, Learner.deleted_at.is_(None)),
            "accounts": count(Account, Account.deleted_at.is_(None)),
            "devices": count(tables.device, tables.device.c.revoked_at.is_(None)),
            "devices_revoked": count(tables.device, tables.device.c.revoked_at.is_not(None)),
            "invitations_open": count(tables.invitation, tables.invitation.c.used_at.is_(None),
                                      tables.invitation.c.expires_at > utcnow()),
            "changes": count(tables.change),
            "last_seq": last or 0,
            "fingerprint": get_meta(s, "tls_fingerprint"),
        }


def store_revision(s) -> str:  # noqa: ANN001
    from sqlalchemy import text

    return s.execute(text("SELECT version_num FROM alembic_version")).scalar() or ""
