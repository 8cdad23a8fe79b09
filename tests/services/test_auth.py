"""Sign-in: Argon2id hashes, rehash on changed parameters, slow-down, lockout and unlock, no account hints."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select

from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Role, ValidationError
from plprofile.services import auth as auth_module
from plprofile.services.auth import AuthService, SignInError
from plprofile.store.models import Account, ChangeLog
from plprofile.store.types import utcnow


def fast_hasher(t: int = 1) -> PasswordHasher:
    return PasswordHasher(time_cost=t, memory_cost=8 * 1024, parallelism=1, type=Type.ID)


@pytest.fixture
def auth(store):
    return AuthService(store, hasher=fast_hasher())


@pytest.fixture
def learner(profiles, teacher):
    return profiles.add_learner(teacher, given_name="Zoë", family_name="Moreau")


def _account(store, username):
    with store.session() as s:
        return s.execute(select(Account).where(Account.username == username)).scalars().one()


def test_first_teacher_is_created_once_with_an_argon2id_hash(auth, store, teacher):
    assert auth.needs_first_teacher()
    account = auth.create_first_teacher("Ms Rivera", "Rivera", "correct horse battery")
    assert account.id == teacher.account_id  # the placeholder teacher keeps its authorship
    stored = _account(store, "rivera")
    assert stored.secret_hash.startswith("$argon2id$") and "correct horse" not in stored.secret_hash
    assert not auth.needs_first_teacher()
    with pytest.raises(ValidationError):
        auth.create_first_teacher("Other", "other", "another password")
    signed = auth.sign_in("RIVERA", "correct horse battery")
    assert signed.actor.role is Role.TEACHER and signed.display_name == "Ms Rivera"
    with store.session() as s:  # the secret never reaches the change log
        values = [r.new_value or "" for r in s.execute(select(ChangeLog)).scalars()]
    assert not any("argon2" in v or "horse" in v for v in values)


@pytest.mark.parametrize("password", ["", "short", "x" * 300, "abc\x00defghi"])
def test_weak_or_odd_passwords_are_refused(auth, password):
    with pytest.raises(ValidationError):
        auth.create_first_teacher("T", "t", password)


def test_learner_pin_sign_in_and_the_same_message_for_unknown_accounts(auth, teacher, learner):
    name = auth.set_learner_pin(teacher, learner.id, "2468")
    assert name == "zoem"
    signed = auth.sign_in("zoem", "2468")
    assert signed.actor.role is Role.LEARNER and signed.actor.learner_id == learner.id
    for username, secret in (("zoem", "1111"), ("nobody", "1111"), ("zoem", "ü" * 50), ("zoem", "9" * 5000)):
        with pytest.raises(SignInError) as info:
            auth.sign_in(username, secret)
        assert info.value.code == "wrong"
    with pytest.raises(SignInError, match="PIN"):
        auth.sign_in("zoem", "   ")


@pytest.mark.parametrize("pin", ["12", "abcd", "123456789", "12 34", ""])
def test_bad_pins_are_refused(auth, teacher, learner, pin):
    with pytest.raises(ValidationError):
        auth.set_learner_pin(teacher, learner.id, pin)


def test_rehash_when_parameters_change(store, teacher, learner):
    old = AuthService(store, hasher=fast_hasher(t=1))
    old.set_learner_pin(teacher, learner.id, "2468")
    before = _account(store, "zoem").secret_hash
    assert "t=1" in before
    new = AuthService(store, hasher=fast_hasher(t=2))
    new.sign_in("zoem", "2468")
    after = _account(store, "zoem").secret_hash
    assert "t=2" in after and after != before
    new.sign_in("zoem", "2468")  # and it still verifies


def test_failures_slow_down_then_lock_and_a_teacher_unlocks(auth, store, teacher, learner):
    auth.set_learner_pin(teacher, learner.id, "2468")
    now = utcnow()
    for _ in range(auth_module.FREE_TRIES):
        with pytest.raises(SignInError, match="do not match"):
            auth.sign_in("zoem", "0000", now=now)
    with pytest.raises(SignInError, match="do not match"):
        auth.sign_in("zoem", "0000", now=now)
    # Now even the right PIN must wait.
    with pytest.raises(SignInError, match="wait"):
        auth.sign_in("zoem", "2468", now=now)
    later = now + timedelta(seconds=5)
    assert auth.sign_in("zoem", "2468", now=later).actor.learner_id == learner.id
    for _ in range(auth_module.LOCK_AFTER):
        later += auth_module.MAX_WAIT + timedelta(seconds=1)
        with pytest.raises(SignInError):
            auth.sign_in("zoem", "0000", now=later)
    with pytest.raises(SignInError, match="wait|locked"):
        auth.sign_in("zoem", "2468", now=later + timedelta(minutes=1))
    assert auth.learner_sign_in_name(teacher, learner.id)[2]  # locked
    auth.unlock(teacher, _account(store, "zoem").id)
    assert auth.sign_in("zoem", "2468").actor.role is Role.LEARNER


def _messages(auth, name: str, start) -> list[str]:
    said, at = [], start
    for _ in range(auth_module.LOCK_AFTER + 2):
        with pytest.raises(SignInError) as caught:
            auth.sign_in(name, "0000", now=at)
        said.append(str(caught.value))
        at += auth_module.MAX_WAIT + timedelta(seconds=1)
    with pytest.raises(SignInError) as caught:
        auth.sign_in(name, "0000", now=at - auth_module.MAX_WAIT)
    return [*said, str(caught.value)]


def test_wrong_tries_read_the_same_whether_or_not_the_account_exists(auth, teacher, learner):
    auth.set_learner_pin(teacher, learner.id, "2468")
    start = utcnow()
    real, unknown = _messages(auth, "zoem", start), _messages(auth, "nobodyhere", start)
    assert real == unknown
    assert any("locked" in m for m in real) and real[0] == str(SignInError("wrong"))


def test_only_a_teacher_sets_pins_or_unlocks(auth, profiles, teacher, learner):
    auth.set_learner_pin(teacher, learner.id, "2468")
    me = auth.sign_in("zoem", "2468").actor
    with pytest.raises(AccessDenied):
        auth.set_learner_pin(me, learner.id, "1357")
    with pytest.raises(AccessDenied):
        auth.unlock(me, me.account_id)
    with pytest.raises(AccessDenied):
        auth.add_teacher(me, "Me", "me2", "long enough password")


def test_nothing_secret_is_logged(auth, teacher, learner, caplog):
    caplog.set_level(logging.DEBUG)
    auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    auth.set_learner_pin(teacher, learner.id, "2468")
    for secret in ("wrong password", "2468"):
        try:
            auth.sign_in("rivera", secret)
        except SignInError:
            pass
    text = caplog.text
    assert "correct horse" not in text and "2468" not in text and "argon2" not in text and "Zoë" not in text


def test_only_a_teacher_changes_a_password_and_only_with_the_current_one(auth, teacher, learner):
    signed = auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    me = auth.sign_in("rivera", "correct horse battery").actor
    with pytest.raises(ValidationError, match="current password"):
        auth.change_password(me, "wrong one", "another long phrase")
    with pytest.raises(ValidationError):
        auth.change_password(me, "correct horse battery", "short")
    assert auth.change_password(me, "correct horse battery", "another long phrase")
    assert auth.sign_in("rivera", "another long phrase").actor.account_id == signed.id
    with pytest.raises(SignInError):
        auth.sign_in("rivera", "correct horse battery")
    auth.set_learner_pin(teacher, learner.id, "2468")
    pupil = auth.sign_in("zoem", "2468").actor
    with pytest.raises(AccessDenied):
        auth.change_password(pupil, "2468", "another long phrase")


def test_a_locked_name_stays_locked_after_a_restart_whether_or_not_it_has_an_account(tmp_path, monkeypatch):
    """Counted in memory only, an unknown name came back unlocked after a restart while a real account did
    not: that told which names exist. Both counters live in the store now."""
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store
    from plprofile.store.models import Meta

    data = tmp_path / "data"
    store = open_store(data)
    teacher = teacher_actor(ensure_teacher(store))
    learner = ProfileService(store).add_learner(teacher, given_name="Zoë", family_name="Moreau")
    auth = AuthService(store, hasher=fast_hasher())
    auth.set_learner_pin(teacher, learner.id, "2468")
    start = utcnow()
    for name in ("zoem", "nobodyhere"):
        at = start
        for _ in range(auth_module.LOCK_AFTER):
            with pytest.raises(SignInError):
                auth.sign_in(name, "0000", now=at)
            at += auth_module.MAX_WAIT + timedelta(seconds=1)
    store.close()

    again = open_store(data)  # a restart: a new store and a new service on the same file
    try:
        fresh = AuthService(again, hasher=fast_hasher())
        later = at + timedelta(minutes=1)
        said = {}
        for name, secret in (("zoem", "2468"), ("nobodyhere", "2468")):
            with pytest.raises(SignInError) as caught:
                fresh.sign_in(name, secret, now=later)
            said[name] = str(caught.value)
        assert said["zoem"] == said["nobodyhere"] and "wait" in said["zoem"]
        # the names typed are not in the store, only salted hashes of them
        with again.session() as s:
            keys = [m.key for m in s.execute(select(Meta)).scalars()]
        assert sum(k.startswith("signin-unknown:") for k in keys) == 1
        assert not any("nobodyhere" in k for k in keys)
        # and the counters are bounded: the oldest goes first
        monkeypatch.setattr(auth_module, "MAX_UNKNOWN_NAMES", 3)
        for i in range(5):
            with pytest.raises(SignInError):
                fresh.sign_in(f"stranger{i}", "0000", now=later + timedelta(seconds=i))
        with again.session() as s:
            keys = [m.key for m in s.execute(select(Meta)).scalars() if m.key.startswith("signin-unknown:")]
        assert len(keys) == 3
    finally:
        again.close()


def test_a_pin_hash_is_useless_without_the_pepper_kept_beside_the_store(tmp_path):
    """An offline attack on a copy of the store file: the 10,000 four-digit PINs tried against a PIN's hash
    find nothing without the pepper, which is not in the file. A copy with its pepper works as before."""
    import shutil

    from argon2.exceptions import VerifyMismatchError

    from plprofile.services import pepper
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import DB_FILENAME, open_store

    data = tmp_path / "data"
    store = open_store(data)
    teacher = teacher_actor(ensure_teacher(store))
    learner = ProfileService(store).add_learner(teacher, given_name="Zoë", family_name="Moreau")
    auth = AuthService(store, hasher=fast_hasher())
    auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    auth.set_learner_pin(teacher, learner.id, "2468")
    stored = _account(store, "zoem").secret_hash
    assert stored.startswith(auth_module.PEPPERED)
    with pytest.raises(VerifyMismatchError):  # what an attacker with the file alone would try
        fast_hasher().verify(stored.removeprefix(auth_module.PEPPERED), "2468")
    assert auth.sign_in("zoem", "2468").actor.learner_id == learner.id
    pepper_file = pepper.pepper_path(data / DB_FILENAME)
    assert pepper_file.exists() and pepper_file.stat().st_mode & 0o077 == 0  # its owner's only
    store.close()

    for copy, with_pepper in ((tmp_path / "alone", False), (tmp_path / "whole", True)):
        copy.mkdir()
        shutil.copy(data / DB_FILENAME, copy / DB_FILENAME)
        if with_pepper:
            shutil.copy(pepper_file, pepper.pepper_path(copy / DB_FILENAME))
        other = open_store(copy)
        try:
            moved = AuthService(other, hasher=fast_hasher())
            assert moved.sign_in("rivera", "correct horse battery").actor.role is Role.TEACHER  # passwords: as ever
            if with_pepper:
                assert moved.sign_in("zoem", "2468").actor.learner_id == learner.id
            else:
                with pytest.raises(SignInError, match="do not match"):
                    moved.sign_in("zoem", "2468")
                teacher_there = moved.sign_in("rivera", "correct horse battery").actor
                moved.set_learner_pin(teacher_there, learner.id, "1357")  # a teacher sets a new PIN
                assert moved.sign_in("zoem", "1357").actor.learner_id == learner.id
        finally:
            other.close()


def test_a_pin_set_before_the_pepper_still_works_and_is_peppered_at_its_next_sign_in(auth, store, teacher, learner):
    auth.set_learner_pin(teacher, learner.id, "2468")
    with store.transaction() as s:  # as an older plprofile stored it
        account = s.execute(select(Account).where(Account.username == "zoem")).scalars().one()
        account.secret_hash = fast_hasher().hash("2468")
    assert auth.sign_in("zoem", "2468").actor.learner_id == learner.id
    assert _account(store, "zoem").secret_hash.startswith(auth_module.PEPPERED)
    assert auth.sign_in("zoem", "2468").actor.learner_id == learner.id


def _roster_staff(store, name: str, kind: str = "teacher") -> Account:
    """A staff account as a roster import makes it: a name, no sign-in name, no password."""
    from plprofile.services.accounts import SYSTEM
    from plprofile.store import changes

    with store.transaction() as s:
        account = Account(kind=kind, display_name=name, sourced_id=f"t-{name}")
        changes.create(s, store.device_id, account, SYSTEM, None)
    return account


def test_a_school_admin_sets_a_roster_teachers_password_which_they_replace_at_sign_in(auth, store):
    from plprofile.domain import policy

    auth.create_first_teacher("Ms Admin", "admin", "correct horse battery")
    with store.transaction() as s:  # the store's first account, made a school admin (as a roster store's is)
        s.get(Account, _account(store, "admin").id).kind = "admin"
    admin = auth.sign_in("admin", "correct horse battery").actor
    assert admin.admin
    jo = _roster_staff(store, "Jo Núñez")
    listed = {a.display_name: a for a in auth.list_staff(admin)}
    assert not listed["Jo Núñez"].has_password and listed["Jo Núñez"].username is None

    name = auth.set_staff_password(admin, jo.id, "given to jo 123")
    assert name == "jonunez"
    signed = auth.sign_in(name, "given to jo 123")
    assert signed.must_choose_password
    with pytest.raises(ValidationError):  # their own, not the one given
        auth.choose_password(signed.actor, "given to jo 123")
    with pytest.raises(AccessDenied) as refused:  # a teacher sets nobody else's
        auth.set_staff_password(signed.actor, _account(store, "admin").id, "a takeover attempt")
    assert str(refused.value) == policy.STAFF_PASSWORDS
    with pytest.raises(AccessDenied) as refused:  # nor does an admin set their own this way
        auth.set_staff_password(admin, admin.account_id, "my own new password")
    assert str(refused.value) == policy.OWN_PASSWORD
    auth.choose_password(signed.actor, "jo's very own words")
    with pytest.raises(SignInError):
        auth.sign_in(name, "given to jo 123")
    assert not auth.sign_in(name, "jo's very own words").must_choose_password
    with pytest.raises(ValidationError):  # no longer temporary: the current password is asked for
        auth.choose_password(signed.actor, "yet another password")
    # a reset makes it temporary again, keeping the sign-in name
    assert auth.set_staff_password(admin, jo.id, "reset by admin 1") == "jonunez"
    assert auth.sign_in("jonunez", "reset by admin 1").must_choose_password
    # the password is never in the change log
    with store.session() as s:
        logged = " ".join(f"{r.old_value} {r.new_value}" for r in s.execute(select(ChangeLog)).scalars())
    assert "given to jo" not in logged and "reset by admin" not in logged


@pytest.mark.parametrize(("preferred", "family", "expected"), [
    ("Zoë", "Moreau", "zoem"),
    ("لينا", "حداد", "lynh"),           # Arabic, transliterated
    ("प्रिया", "शर्मा", "priyas"),        # Devanagari
    ("美咲", "山田", "meixiaos"),         # CJK
    ("Aroha 🌟", "Ngata", "arohan"),      # an emoji beside a name is left out
    ("🦊", "", "fox"),                    # a name that is only an emoji: its name in words
])
def test_sign_in_names_are_made_from_any_script_and_never_learner(preferred, family, expected):
    assert auth_module.username_base(preferred, family) == expected


def test_a_learner_with_an_arabic_name_gets_a_sign_in_name_from_it(auth, profiles, teacher):
    laila = profiles.add_learner(teacher, given_name="ليلى", family_name="حداد")
    name = auth.set_learner_pin(teacher, laila.id, "2468")
    assert name.isascii() and name.isalnum() and name != "learner"
    assert auth.sign_in(name, "2468").actor.learner_id == laila.id


def test_a_learner_signs_in_with_their_full_name(auth, profiles, teacher, learner):
    auth.set_learner_pin(teacher, learner.id, "2468")
    for typed in ("Zoë Moreau", "zoe  moreau", " ZOE MOREAU "):
        assert auth.sign_in(typed, "2468").actor.learner_id == learner.id
    with pytest.raises(SignInError) as info:  # the right name, a wrong PIN: the usual message
        auth.sign_in("Zoë Moreau", "1111")
    assert info.value.code == "wrong"
    with pytest.raises(SignInError) as info:  # nobody of that name: the same message as a wrong PIN
        auth.sign_in("Nobody Here", "2468")
    assert info.value.code == "wrong"
    # two learners with one full name: the name alone does not say who, so neither signs in by it
    other = profiles.add_learner(teacher, given_name="Zoe", family_name="Moreau")
    auth.set_learner_pin(teacher, other.id, "2468")
    with pytest.raises(SignInError) as info:
        auth.sign_in("Zoe Moreau", "2468")
    assert info.value.code == "wrong"
