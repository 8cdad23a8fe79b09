"""Accounts: who is acting. Sign-in with passwords and PINs builds on this."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from plprofile.domain.profile import Actor, Role
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import Account

from .views import AccountInfo

SYSTEM = Actor(account_id=uuid.UUID(int=0), role=Role.TEACHER)


def ensure_teacher(store: Store, display_name: str = "Teacher", kind: str = Role.TEACHER.value) -> AccountInfo:
    """The store's first staff account (a teacher's, or a school admin's), created on first start as
    ``kind`` ("admin" for a store a roster import makes: whoever sets it up runs the school's roster)."""
    with store.transaction() as s:
        account = s.execute(
            select(Account).where(Account.kind.in_((Role.TEACHER.value, "admin")), Account.deleted_at.is_(None),
                                  Account.sourced_id.is_(None))
            .order_by(Account.created_at)
        ).scalars().first()
        if account is None:
            account = Account(kind=kind, display_name=display_name)
            changes.create(s, store.device_id, account, SYSTEM, None)
    return AccountInfo.of(account)


def teacher_actor(account: Account | AccountInfo) -> Actor:
    return Actor(account_id=account.id, role=Role.TEACHER)


def learner_actor(account: Account | AccountInfo, signed_in_id: uuid.UUID | None = None) -> Actor:
    """The learner of ``account``; ``signed_in_id`` is the teacher whose session they write in, if any."""
    if account.learner_id is None:
        raise ValueError("not a learner account")
    return Actor(account_id=account.id, role=Role.LEARNER, learner_id=account.learner_id,
                 signed_in_id=signed_in_id)


def cli_teacher(store: Store) -> Actor:
    """Who a command run on the store's own computer acts as: its first teacher account (whoever can open the
    store's file, or unlock an encrypted one, is its teacher), else the store itself."""
    with store.session() as s:
        account = s.execute(select(Account).where(
            Account.kind == Role.TEACHER.value, Account.deleted_at.is_(None)).order_by(Account.created_at)
        ).scalars().first()
    return teacher_actor(account) if account is not None else SYSTEM
