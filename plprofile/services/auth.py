"""Sign-in: teacher passwords and learner PINs, stored only as Argon2id hashes, with slow-down and lockout.

Messages never say whether an account exists. Nothing here logs a secret, a hash or a learner's data.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ClassVar, NoReturn

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from plprofile.domain.errors import QT_TRANSLATE_NOOP, UserError
from plprofile.domain.limits import MAX_SECRET
from plprofile.domain.policy import TEACHERS_ONLY, AccessDenied, Action, Kind, Target, require
from plprofile.domain.profile import Actor, Role, ValidationError
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import Account, Learner, Meta
from plprofile.store.types import utcnow

from . import access
from .access import STAFF_KINDS, actor_first, check, class_scope, signed_out
from .accounts import SYSTEM
from .views import AccountInfo

MIN_PASSWORD = 8
PIN_RE = re.compile(r"^[0-9]{4,8}$")
#: Failures allowed before each further try must wait, and before the account locks.
FREE_TRIES = 3
LOCK_AFTER = 10
LOCK_FOR = timedelta(minutes=15)
MAX_WAIT = timedelta(seconds=60)

MAX_UNKNOWN_NAMES = 1000
#: Marks the hash of a PIN mixed with the store's pepper (``plprofile.services.pepper``) before hashing.
PEPPERED = "peppered1$"


class SignInError(UserError):
    """A refused sign-in, with a message safe to show (it never says whether the account exists)."""

    MESSAGES: ClassVar[Mapping[str, str]] = {
        "name": QT_TRANSLATE_NOOP("services", "Type your sign-in name."),
        "secret": QT_TRANSLATE_NOOP("services", "Type your password or PIN."),
        "wrong": QT_TRANSLATE_NOOP("services", "That name and password or PIN do not match. Please try again."),
        "locked": QT_TRANSLATE_NOOP("services", "Too many wrong tries: this account is locked for a while. "
                                                "A teacher can unlock it."),
        "wait_minutes": QT_TRANSLATE_NOOP("services", "Too many wrong tries: wait {n} minutes or ask a teacher "
                                                      "to unlock it."),
        "wait_seconds": QT_TRANSLATE_NOOP("services", "Too many wrong tries: wait {n} seconds and try again."),
    }


def default_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32, salt_len=16,
                          type=Type.ID)


def _normalise(secret: str) -> str:
    return unicodedata.normalize("NFC", secret or "")


def check_password(password: str) -> str:
    password = _normalise(password)
    if len(password) < MIN_PASSWORD:
        raise ValidationError("password", "password_short", n=MIN_PASSWORD)
    if len(password) > MAX_SECRET:
        raise ValidationError("password", "password_long", n=MAX_SECRET)
    if "\x00" in password:
        raise ValidationError("password", "password_character")
    return password


def check_pin(pin: str) -> str:
    pin = (pin or "").strip()
    if not PIN_RE.match(pin):
        raise ValidationError("pin", "pin_digits")
    return pin


def check_username(username: str) -> str:
    name = unicodedata.normalize("NFC", (username or "").strip()).casefold()
    if not name:
        raise ValidationError("username", "username_empty")
    if len(name) > 100 or any(c.isspace() for c in name) or "\x00" in name:
        raise ValidationError("username", "username_form")
    return name


def username_base(preferred_name: str, family_name: str) -> str:
    """A short sign-in name from a learner's names, in letters any keyboard has: "Zoë Moreau" -> "zoem",
    "لينا حداد" -> "lynh", "美咲 山田" -> "meixiaos" (transliterated by anyascii, whatever the script). A name
    with nothing to transliterate keeps its own letters (a sign-in name may be any one word), never "learner"."""
    from anyascii import anyascii  # only when a sign-in name is made

    def ascii_letters(text: str, symbols: bool) -> str:
        text = "".join(c for c in unicodedata.normalize("NFC", text)
                       if symbols or not unicodedata.category(c).startswith("S"))  # "Aroha 🌟" is "aroha"
        return "".join(c for c in anyascii(text) if c.isascii() and c.isalnum()).lower()

    for symbols in (False, True):  # an emoji's name in words only when the name is nothing else
        base = ascii_letters(preferred_name, symbols) + ascii_letters(family_name, symbols)[:1]
        if base:
            return base
    own = "".join(c for c in unicodedata.normalize("NFC", f"{preferred_name}{family_name[:1]}")
                  if not c.isspace()).casefold()
    return own or "learner"


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    display_name: str
    username: str
    #: The password was set by someone else (a school admin): the owner chooses their own before going on.
    must_choose_password: bool = False


@dataclass(frozen=True)
class StaffAccount:
    """A staff account as the accounts dialog lists it (never its secret)."""

    id: uuid.UUID
    display_name: str
    username: str | None
    kind: str  # "teacher" or "admin"
    has_password: bool
    temporary: bool
    enabled: bool
    from_roster: bool


@actor_first
class AuthService:
    def __init__(self, store: Store, hasher: PasswordHasher | None = None) -> None:
        self.store = store
        self.hasher = hasher or default_hasher()
        self._dummy: str | None = None
        #: Called with (sign-in name, password) when a teacher proves or sets a password; an encrypted store
        #: uses it to give that teacher a key slot (see plprofile.services.encryption).
        self.password_hook: Callable[[str, str], None] | None = None

    def _full_name_to_username(self, typed: str) -> str:
        """A learner may type their full name ("Zoë Moreau", "zoe moreau") instead of their sign-in name: it
        becomes that learner's sign-in name when exactly one learner with an account has it. Any other name with
        spaces becomes one word and fails as an unknown name does (the same message and slow-down), so the
        answer never tells whether a learner of that name exists."""
        text = unicodedata.normalize("NFC", (typed or "").strip())
        if not any(c.isspace() for c in text) or len(text) > 200:
            return typed
        from plprofile.domain.search import matches_name

        with self.store.session() as s:
            rows = s.execute(select(Account.username, Learner.given_name, Learner.family_name,
                                    Learner.preferred_name)
                             .join(Learner, Learner.id == Account.learner_id)
                             .where(Account.deleted_at.is_(None), Learner.deleted_at.is_(None),
                                    Account.username.is_not(None))).all()
        found = [r.username for r in rows if matches_name(text, r.given_name, r.family_name, r.preferred_name) == 2]
        return found[0] if len(found) == 1 else "".join(text.split())

    @property
    def _dummy_hash(self) -> str:
        """A hash to verify against when the account does not exist (the same work: no timing hint).

        Made on first use, not on opening the store: an Argon2id hash costs about 80 ms, and the app warms it
        in the background while the sign-in screen shows (``prepare``)."""
        if self._dummy is None:
            self._dummy = self.hasher.hash("not-a-real-secret")
        return self._dummy

    @signed_out
    def prepare(self) -> None:
        """Do now the slow work a first sign-in would otherwise pay for (safe on a worker thread)."""
        self._dummy_hash  # noqa: B018

    # ---- accounts -----------------------------------------------------------------------------------
    @signed_out
    def needs_first_teacher(self) -> bool:
        """Whether the sign-in screen asks for the first teacher account: only while no teacher can sign in
        and the store holds nobody's profile (or only the placeholder teacher of a store made before sign-in
        existed, which the first teacher then takes over). A store with learners and no teacher who can sign
        in needs recovery instead (``needs_recovery``): whoever sat down would otherwise own it."""
        return self._first_start() == "first_teacher"

    @signed_out
    def needs_recovery(self) -> bool:
        """Whether the store holds learners but no teacher account can sign in (see ``needs_first_teacher``)."""
        return self._first_start() == "recovery"

    def _first_start(self) -> str:
        """"sign_in" while a teacher can sign in; else "first_teacher" for a store without learners or with a
        teacher account that never had a password (made before sign-in existed, or by an import); else
        "recovery": the store holds learners and every teacher account is gone."""
        with self.store.session() as s:
            staff = select(func.count()).select_from(Account).where(
                Account.kind.in_(STAFF_KINDS), Account.deleted_at.is_(None))
            if s.execute(staff.where(Account.secret_hash.is_not(None))).scalar_one():
                return "sign_in"
            if s.execute(staff).scalar_one():
                return "first_teacher"
            learners = s.execute(select(Learner.id).where(Learner.deleted_at.is_(None)).limit(1)).first()
        return "recovery" if learners is not None else "first_teacher"

    @signed_out
    def create_first_teacher(self, display_name: str, username: str, password: str) -> AccountInfo:
        """The first start of a new store creates the first teacher account (only while ``needs_first_teacher``)."""
        state = self._first_start()
        if state == "recovery":
            raise ValidationError("username", "no_teacher")
        if state != "first_teacher":
            raise ValidationError("username", "has_teacher")
        return AccountInfo.of(self._set_teacher(SYSTEM, display_name, username, password, reuse_unnamed=True))

    def add_teacher(self, actor: Actor, display_name: str, username: str, password: str) -> AccountInfo:
        require(actor, Action.CREATE, Target(Kind.ACCOUNT, account_kind=Role.TEACHER.value))
        return AccountInfo.of(self._set_teacher(actor, display_name, username, password))

    def _set_teacher(self, actor: Actor, display_name: str, username: str, password: str,
                     reuse_unnamed: bool = False) -> Account:
        display_name = (display_name or "").strip() or username
        username = check_username(username)
        secret = self.hasher.hash(check_password(password))
        with self.store.transaction() as s:
            self._require_free_username(s, username)
            account = None
            if reuse_unnamed:  # the placeholder teacher made before sign-in existed keeps its authorship
                account = s.execute(select(Account).where(
                    Account.kind.in_(STAFF_KINDS), Account.username.is_(None), Account.deleted_at.is_(None),
                    Account.sourced_id.is_(None))  # a roster's teachers are people of their own
                    .order_by(Account.created_at)).scalars().first()
            if account is None:
                account = Account(kind=Role.TEACHER.value, display_name=display_name)
                changes.create(s, self.store.device_id, account, actor, None)
            changes.update(s, self.store.device_id, account,
                           {"display_name": display_name, "username": username}, actor, None)
            account.secret_hash = secret  # never written to the change log
            s.add(account)
        self._password_seen(username, password)
        return account

    def change_password(self, actor: Actor, current: str, new: str) -> bool:
        """A teacher replaces their own password after proving the current one (and, on an encrypted store,
        their key slot is rewrapped under the new one)."""
        require(actor, Action.UPDATE, Target(Kind.ACCOUNT, row_id=actor.account_id, learner_id=actor.learner_id,
                                             account_kind=Role.TEACHER.value))
        secret = self.hasher.hash(check_password(new))
        with self.store.transaction() as s:
            account = s.get(Account, actor.account_id)
            if account is not None:
                check(s, actor, Action.UPDATE, account)
            if account is None or account.secret_hash is None or not self._verify(account.secret_hash,
                                                                                   _normalise(current)):
                raise ValidationError("password", "password_wrong")
            account.secret_hash = secret  # never written to the change log
            account.password_temporary = False
            account.failed_attempts = 0
            s.add(account)
            username = account.username
        if username:
            self._password_seen(username, new)
        return True

    def list_staff(self, actor: Actor) -> list[StaffAccount]:
        """The staff accounts (teachers and school admins), by name, for the accounts dialog."""
        with self.store.session() as s:
            rows = s.execute(select(Account).where(Account.kind.in_(STAFF_KINDS), Account.deleted_at.is_(None))
                             .order_by(func.lower(Account.display_name))).scalars().all()
            for row in rows:
                check(s, actor, Action.READ, row)
            return [StaffAccount(r.id, r.display_name, r.username, r.kind, r.secret_hash is not None,
                                 r.password_temporary, r.enabled, r.sourced_id is not None) for r in rows]

    def set_staff_password(self, actor: Actor, account_id: uuid.UUID, password: str,
                           username: str | None = None) -> str:
        """A school admin sets (or resets) another teacher's or admin's password, giving them a sign-in name
        if they have none (a roster's staff arrive without either). The password is temporary: its owner
        chooses their own at the next sign-in. Returns the sign-in name."""
        password = check_password(password)
        with self.store.session() as s:
            account = s.get(Account, account_id)
            if account is None or account.deleted_at is not None:
                raise changes.NotFoundError(str(account_id))
            require(actor, Action.SET_PASSWORD, access.stored_target(s, account))
        wanted = check_username(username) if username else None
        secret = self.hasher.hash(password)
        with self.store.transaction() as s:
            account = s.get(Account, account_id)
            require(actor, Action.SET_PASSWORD, access.stored_target(s, account))
            if wanted is not None:
                self._require_free_username(s, wanted, except_id=account.id)
            else:
                wanted = account.username or self._free_username(
                    s, username_base(account.display_name, "").removesuffix("learner") or "teacher", account.id)
            if wanted != account.username:
                changes.update(s, self.store.device_id, account, {"username": wanted}, actor, None)
            account.secret_hash = secret  # never written to the change log
            account.password_temporary = True
            account.failed_attempts = 0
            account.locked_until = None
            s.add(account)
        self._password_seen(wanted, password)
        return wanted

    def choose_password(self, actor: Actor, new: str) -> None:
        """The owner of a password someone else set replaces it with their own, right after signing in with it
        (only while it is temporary: otherwise ``change_password``, which asks for the current one)."""
        if actor.role is Role.LEARNER:
            raise AccessDenied(TEACHERS_ONLY)
        require(actor, Action.UPDATE, Target(Kind.ACCOUNT, row_id=actor.account_id, learner_id=actor.learner_id,
                                             account_kind=Role.TEACHER.value))
        secret = self.hasher.hash(check_password(new))
        with self.store.transaction() as s:
            account = s.get(Account, actor.account_id)
            if account is None or account.deleted_at is not None:
                raise changes.NotFoundError(str(actor.account_id))
            check(s, actor, Action.UPDATE, account)
            if not account.password_temporary:
                raise ValidationError("password", "password_current_first")
            if self._verify(account.secret_hash, _normalise(new)):
                raise ValidationError("password", "password_own")
            account.secret_hash = secret
            account.password_temporary = False
            s.add(account)
            username = account.username
        if username:
            self._password_seen(username, new)

    @staticmethod
    def _free_username(s, base: str, account_id: uuid.UUID) -> str:  # noqa: ANN001
        name, n = base, 1
        while True:
            taken = s.execute(select(Account.id).where(Account.username == name)).scalars().first()
            if taken is None or taken == account_id:
                return name
            n += 1
            name = f"{base}{n}"

    @staticmethod
    def _require_free_username(s, username: str, except_id: uuid.UUID | None = None) -> None:  # noqa: ANN001
        taken = s.execute(select(Account.id).where(Account.username == username)).scalars().first()
        if taken is not None and taken != except_id:
            raise ValidationError("username", "username_taken", name=username)

    def suggest_username(self, actor: Actor, learner_id: uuid.UUID) -> str:
        """A free sign-in name for a learner, made from their names (for the teacher setting their PIN)."""
        with self.store.session() as s:
            learner = s.get(Learner, learner_id)
            if learner is None:
                raise changes.NotFoundError(str(learner_id))
            require(actor, Action.UPDATE, Target(Kind.ACCOUNT, learner_id=learner_id, account_kind=Role.LEARNER.value,
                                                 class_scope=class_scope(s, learner_id)), {"username"})
            base = username_base(learner.preferred_name, learner.family_name)
            name, n = base, 1
            while s.execute(select(Account.id).where(Account.username == name,
                                                     Account.learner_id != learner_id)).first():
                n += 1
                name = f"{base}{n}"
            return name

    def set_learner_pin(self, actor: Actor, learner_id: uuid.UUID, pin: str, username: str | None = None) -> str:
        """The teacher sets or resets a learner's sign-in. Returns the learner's sign-in name."""
        with self.store.session() as s:
            scope = class_scope(s, learner_id)
        require(actor, Action.UPDATE, Target(Kind.ACCOUNT, learner_id=learner_id, account_kind=Role.LEARNER.value,
                                             class_scope=scope), {"username"})
        pin = check_pin(pin)
        username = check_username(username or self.suggest_username(actor, learner_id))
        secret = self._pin_hash(pin)
        with self.store.transaction() as s:
            account = s.execute(select(Account).where(Account.learner_id == learner_id)).scalars().first()
            if account is None:
                raise changes.NotFoundError(str(learner_id))
            check(s, actor, Action.UPDATE, account, {"username"})
            self._require_free_username(s, username, except_id=account.id)
            changes.update(s, self.store.device_id, account, {"username": username}, actor, learner_id)
            account.secret_hash = secret
            account.failed_attempts = 0
            account.locked_until = None
            s.add(account)
        return username

    def unlock(self, actor: Actor, account_id: uuid.UUID) -> None:
        with self.store.transaction() as s:
            account = s.get(Account, account_id)
            if account is None:
                raise changes.NotFoundError(str(account_id))
            check(s, actor, Action.UPDATE, account)
            account.failed_attempts = 0
            account.locked_until = None
            s.add(account)

    def learner_sign_in_name(self, actor: Actor, learner_id: uuid.UUID) -> tuple[str | None, bool, bool]:
        """(sign-in name, has a PIN, is locked now) of a learner, for the teacher's view (or the learner's own)."""
        with self.store.session() as s:
            account = s.execute(select(Account).where(Account.learner_id == learner_id)).scalars().first()
            if account is not None:
                check(s, actor, Action.READ, account)
            else:
                require(actor, Action.READ, Target(Kind.ACCOUNT, learner_id=learner_id, account_kind="learner",
                                                   class_scope=class_scope(s, learner_id)))
        if account is None:
            return None, False, False
        locked = account.locked_until is not None and account.locked_until > utcnow()
        return account.username, account.secret_hash is not None, locked

    @signed_out
    def demo_sign_in_works(self, username: str, password: str) -> bool:
        """Whether the demo's documented sign-in still opens this store: the sign-in screen shows it only then,
        so a store whose teacher has chosen a real password gives nothing away."""
        with self.store.session() as s:
            hashed = s.execute(select(Account.secret_hash).where(
                Account.username == username, Account.kind == Role.TEACHER.value,
                Account.deleted_at.is_(None))).scalar_one_or_none()
        return hashed is not None and self._verify(hashed, password)

    # ---- signing in ---------------------------------------------------------------------------------
    @signed_out
    def sign_in(self, username: str, secret: str, now: datetime | None = None) -> SignedIn:
        now = now or utcnow()
        username = self._full_name_to_username(username)
        try:
            name = check_username(username)
        except ValidationError:
            raise SignInError("name") from None
        secret = _normalise(secret)
        if not secret:
            raise SignInError("secret")
        if len(secret) > MAX_SECRET:
            raise SignInError("wrong")
        with self.store.transaction() as s:
            account = s.execute(select(Account).where(Account.username == name, Account.deleted_at.is_(None))
                                ).scalars().first()
            if account is None or account.secret_hash is None:
                self._fail_unknown(s, name, secret, now)
            if account.locked_until is not None and account.locked_until > now:
                wait = account.locked_until - now
                raise _wait(wait)
            if not self._verify(account.secret_hash, secret):
                account.failed_attempts += 1
                account.locked_until = _next_lock(account.failed_attempts, now)
                s.add(account)
                s.commit()
                if account.failed_attempts >= LOCK_AFTER:
                    raise SignInError("locked")
                raise SignInError("wrong")
            account.failed_attempts = 0
            account.locked_until = None
            if account.kind == Role.LEARNER.value and not account.secret_hash.startswith(PEPPERED):
                account.secret_hash = self._pin_hash(secret)  # a PIN set before the pepper: mixed in now
            elif self.hasher.check_needs_rehash(account.secret_hash.removeprefix(PEPPERED)):
                account.secret_hash = (self._pin_hash(secret) if account.secret_hash.startswith(PEPPERED)
                                       else self.hasher.hash(secret))
            s.add(account)
            role = Role.LEARNER if account.kind == Role.LEARNER.value else Role.TEACHER
            actor = Actor(account_id=account.id, role=role, learner_id=account.learner_id,
                          admin=account.kind == "admin")
            signed = SignedIn(actor, account.display_name, account.username or name,
                              must_choose_password=role is Role.TEACHER and account.password_temporary)
        if role is Role.TEACHER:
            self._password_seen(signed.username, secret)
        return signed

    def _password_seen(self, username: str, password: str) -> None:
        if self.password_hook is not None:
            self.password_hook(username, password)

    def _fail_unknown(self, s, name: str, secret: str, now: datetime) -> NoReturn:  # noqa: ANN001
        """A name without an account fails exactly as a real one would: same work, same messages, same lock,
        and, like a real account's, its count is kept in the store, so a restart resets neither."""
        key = _unknown_key(s, name)
        row = s.get(Meta, key)
        failures, locked_until = _read_unknown(row.value) if row is not None else (0, None)
        if locked_until is not None and locked_until > now:
            raise _wait(locked_until - now)
        self._verify(self._dummy_hash, secret)  # the same work as a real check: no timing hint
        failures += 1
        locked_until = _next_lock(failures, now)
        if row is None:
            _make_room_for_unknown(s)
            row = Meta(key=key)
        row.value = _write_unknown(failures, locked_until, now)
        s.add(row)
        s.commit()
        if failures >= LOCK_AFTER:
            raise SignInError("locked")
        raise SignInError("wrong")

    def verify_actor(self, actor: Actor, secret: str) -> bool:
        """Unlock after an idle lock: the same account proves itself again."""
        with self.store.session() as s:
            account = s.get(Account, actor.account_id)
            if account is not None:
                check(s, actor, Action.READ, account)
            username = account.username if account else None
        if username is None:
            return False
        try:
            self.sign_in(username, secret)
        except SignInError:
            return False
        return True

    def _pin_hash(self, pin: str) -> str:
        """A learner's PIN, mixed with the store's pepper (made on first use), then hashed with Argon2id."""
        from . import pepper

        return PEPPERED + self.hasher.hash(pepper.mix(pepper.load(self.store.path, create=True), pin))

    def _verify(self, hashed: str, secret: str) -> bool:
        if hashed.startswith(PEPPERED):
            from . import pepper

            key = pepper.load(self.store.path)
            hashed = hashed.removeprefix(PEPPERED)
            # Without its pepper (a store copied without it) no PIN matches; the work is done all the same.
            secret = pepper.mix(key, secret) if key is not None else "no pepper: " + secret
        try:
            return self.hasher.verify(hashed, secret)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


# ---- failures against names without an account, kept in the store's meta table --------------------------
_UNKNOWN = "signin-unknown:"
_SALT = "signin-salt"


def _unknown_key(s, name: str) -> str:  # noqa: ANN001
    """The meta key of a sign-in name without an account: a salted hash, so the table does not list names
    people typed (a salt kept in the store: it hides them from a glance, not from a determined attacker)."""
    salt = s.get(Meta, _SALT)
    if salt is None:
        salt = Meta(key=_SALT, value=secrets.token_hex(16))
        s.add(salt)
    digest = hashlib.sha256(f"{salt.value}\x00{name}".encode()).hexdigest()[:40]
    return _UNKNOWN + digest


def _read_unknown(value: str) -> tuple[int, datetime | None]:
    try:
        failures, locked, _last = value.split(" ")
        return int(failures), None if locked == "-" else datetime.fromisoformat(locked)
    except ValueError:
        return 0, None


def _write_unknown(failures: int, locked_until: datetime | None, now: datetime) -> str:
    return f"{failures} {locked_until.isoformat() if locked_until else '-'} {now.isoformat()}"


def _make_room_for_unknown(s) -> None:  # noqa: ANN001
    """At most MAX_UNKNOWN_NAMES counters: the one whose last failure is oldest goes first."""
    rows = s.execute(select(Meta).where(Meta.key.startswith(_UNKNOWN))).scalars().all()
    if len(rows) < MAX_UNKNOWN_NAMES:
        return
    rows = sorted(rows, key=lambda r: r.value.rsplit(" ", 1)[-1])
    for row in rows[: len(rows) - MAX_UNKNOWN_NAMES + 1]:
        s.delete(row)


def _next_lock(failures: int, now: datetime) -> datetime | None:
    """No wait for the first few failures, then a doubling wait, then a lock."""
    if failures >= LOCK_AFTER:
        return now + LOCK_FOR
    if failures > FREE_TRIES:
        return now + min(MAX_WAIT, timedelta(seconds=2 ** (failures - FREE_TRIES)))
    return None


def _wait(wait: timedelta) -> SignInError:
    seconds = int(wait.total_seconds()) + 1
    if seconds > 120:
        return SignInError("wait_minutes", n=seconds // 60 + 1)
    return SignInError("wait_seconds", n=seconds)
