"""A learner's family contacts (guardians, parents, relatives) as the school's roster gives them: read by the
staff who may read the learner, for the profile's Family box and the family summary's "For:" line."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from plprofile.domain.policy import Kind
from plprofile.domain.profile import Actor
from plprofile.store.engine import Store
from plprofile.store.models import FamilyContact

from .access import actor_first, require_learner_rows


@dataclass(frozen=True)
class ContactView:
    """One family contact as the Family box shows it."""

    id: uuid.UUID
    relationship: str  # guardian, parent, relative
    given_name: str
    family_name: str
    email: str
    phone: str

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@actor_first
class FamilyService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def contacts(self, actor: Actor, learner_id: uuid.UUID) -> list[ContactView]:
        """The learner's live family contacts, by family then given name (staff who may read the learner)."""
        with self.store.session() as s:
            require_learner_rows(s, actor, learner_id, Kind.FAMILY)
            rows = s.execute(select(FamilyContact).where(
                FamilyContact.learner_id == learner_id, FamilyContact.deleted_at.is_(None))
                .order_by(func.lower(FamilyContact.family_name), func.lower(FamilyContact.given_name))).scalars()
            return [ContactView(r.id, r.relationship, r.given_name, r.family_name, r.email, r.phone) for r in rows]


__all__ = ["ContactView", "FamilyService"]
