"""Strategies that work: the framework's bank of backpack strategies (each tied to what gets in the way), a
learner trying one (a backpack item with a start and a review day) and whether it helped, as the learner says
at check-ins; and, for the class snapshot, per strategy how many tried it and how many said it helped."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from plprofile.domain import snapshot as snap
from plprofile.domain.framework import Framework, Option, default_framework
from plprofile.domain.policy import Action, Kind
from plprofile.domain.profile import Actor, Agreement, BackpackKind, ValidationError, default_agreement
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import BackpackItem, StrategyCheck, StrategyUse

from .access import actor_first, check, require_framework, require_learner_rows
from .class_queries import hex_of, rows_of
from .stages import StagesService

#: The answers a learner gives at a check-in, in their words: it helped, a bit, or not.
HOW = ("yes", "a_bit", "no")


@dataclass(frozen=True)
class StrategyUseView:
    id: uuid.UUID
    strategy_id: str
    label: str
    started_on: date
    review_on: date | None
    #: The learner's latest answer to "did it help?" (None: not asked yet), and how many answers in all.
    helped: bool | None
    answers: int
    #: The day of the latest answer (None: not asked yet).
    answered_on: date | None = None
    #: The learner's backpack item the strategy went into.
    backpack_item_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class StrategyAnswer:
    """One answer to "did it help?"."""

    id: uuid.UUID
    use_id: uuid.UUID
    on_date: date
    helped: bool
    #: The learner's own words for it at a check-in (``HOW``), if given there.
    how: str | None


def bank_of(active: Framework) -> tuple[Option, ...]:
    """The default framework's strategies, with the school's own (``strategies`` in its file) added or, by id,
    put in their place."""
    own = {s.id: s for s in active.strategies} if active is not default_framework() else {}
    merged = [own.pop(s.id, s) for s in default_framework().strategies]
    return (*merged, *own.values())


@actor_first
class StrategyService:
    def __init__(self, store: Store, stages: StagesService | None = None) -> None:
        self.store = store
        self.stages = stages or StagesService(store)

    def bank(self, actor: Actor) -> tuple[Option, ...]:
        """Every strategy of the bank (anyone signed in reads the framework)."""
        require_framework(actor)
        return bank_of(self.stages.active_framework(actor))

    def uses(self, actor: Actor, learner_id: uuid.UUID, lang: str = "en") -> list[StrategyUseView]:
        """The strategies ``learner_id`` is trying, newest first, with what they said about each."""
        bank = {s.id: s for s in self.bank(actor)}
        with self.store.session() as s:
            require_learner_rows(s, actor, learner_id, Kind.BACKPACK)
            rows = s.execute(select(StrategyUse).join(BackpackItem, BackpackItem.id == StrategyUse.backpack_item_id)
                             .where(StrategyUse.learner_id == learner_id, StrategyUse.deleted_at.is_(None),
                                    BackpackItem.deleted_at.is_(None))
                             .order_by(StrategyUse.started_on.desc())).scalars().all()
            answers: dict[uuid.UUID, list[tuple[date, bool]]] = {}
            for use_id, on, helped in s.execute(select(
                    StrategyCheck.use_id, StrategyCheck.on_date, StrategyCheck.helped).where(
                    StrategyCheck.learner_id == learner_id, StrategyCheck.deleted_at.is_(None))
                    .order_by(StrategyCheck.on_date, StrategyCheck.created_at)):
                answers.setdefault(use_id, []).append((on, helped))
        return [StrategyUseView(r.id, r.strategy_id, bank[r.strategy_id].text(lang) if r.strategy_id in bank
                                else r.strategy_id, r.started_on, r.review_on,
                                answers[r.id][-1][1] if r.id in answers else None, len(answers.get(r.id, [])),
                                answers[r.id][-1][0] if r.id in answers else None, r.backpack_item_id)
                for r in rows]

    def start(self, actor: Actor, learner_id: uuid.UUID, strategy_id: str, started_on: date,
              review_on: date | None = None, lang: str = "en") -> StrategyUseView:
        """``learner_id`` starts trying a strategy of the bank: it goes into their backpack (as the learner's
        own, or as a teacher's suggestion beside it) with its start and review day."""
        strategy = {s.id: s for s in self.bank(actor)}.get(strategy_id)
        if strategy is None:
            raise ValidationError("strategy", "That strategy is not in the bank.")
        if review_on is not None and review_on < started_on:
            raise ValidationError("review_on", "The review day cannot be before the start.")
        item = BackpackItem(learner_id=learner_id, name=strategy.text(lang)[:200], kind=BackpackKind.STRATEGY.value,
                            agreement=default_agreement(actor.role).value)
        with self.store.transaction() as s:
            require_learner_rows(s, actor, learner_id, Kind.BACKPACK)
            item.author_role, item.author_id = str(actor.role), actor.account_id
            check(s, actor, Action.CREATE, item)
            changes.create(s, self.store.device_id, item, actor, learner_id)
            use = StrategyUse(learner_id=learner_id, backpack_item_id=item.id, strategy_id=strategy_id,
                              started_on=started_on, review_on=review_on)
            use.author_role, use.author_id = str(actor.role), actor.account_id
            check(s, actor, Action.CREATE, use)
            changes.create(s, self.store.device_id, use, actor, learner_id)
        return StrategyUseView(use.id, strategy_id, strategy.text(lang), started_on, review_on, None, 0, None, item.id)

    def to_review(self, actor: Actor, learner_id: uuid.UUID, today: date, lang: str = "en") -> list[StrategyUseView]:
        """The strategies ``learner_id`` is trying whose review day has come (on or before ``today``) with no
        answer to "did it help?" on or after it: what a check-in asks about."""
        return [u for u in self.uses(actor, learner_id, lang)
                if u.review_on is not None and u.review_on <= today
                and (u.answered_on is None or u.answered_on < u.review_on)]

    def answer(self, actor: Actor, use_id: uuid.UUID, helped: bool, on_date: date, *, how: str | None = None
               ) -> StrategyAnswer:
        """Did it help? One answer, kept like a check-in (insert-only). ``how``: the learner's own answer at a
        check-in (``HOW``: yes, a bit, no); "a bit" counts as helped."""
        if how is not None:
            if how not in HOW:
                raise ValidationError("how", "strategy_how")
            helped = how != "no"
        with self.store.transaction() as s:
            use = s.get(StrategyUse, use_id)
            if use is None or use.deleted_at is not None:
                raise changes.NotFoundError(f"strategy_use {use_id} not found")
            check(s, actor, Action.READ, use)
            row = StrategyCheck(learner_id=use.learner_id, use_id=use.id, on_date=on_date, helped=bool(helped),
                                answer=how)
            row.author_role, row.author_id = str(actor.role), actor.account_id
            check(s, actor, Action.CREATE, row)
            changes.create(s, self.store.device_id, row, actor, use.learner_id)
        return StrategyAnswer(row.id, row.use_id, row.on_date, row.helped, row.answer)


def strategy_figures(store: Store, learners: frozenset[uuid.UUID], bank: tuple[Option, ...], lang: str
                     ) -> list[tuple[str, str, frozenset[uuid.UUID], frozenset[uuid.UUID]]]:
    """Per strategy of the bank: the learners who tried it (a live use, or a live agreed backpack item whose name
    the strategy's words recognise) and those whose latest answer says it helped; most tried first."""

    tried: dict[str, set[uuid.UUID]] = {s.id: set() for s in bank}
    latest: dict[tuple[uuid.UUID, str], tuple[date, bool]] = {}
    grouper = snap.Grouper(bank, lang)
    by_hex = {lid.hex: lid for lid in learners}
    U, C, B = StrategyUse, StrategyCheck, BackpackItem  # noqa: N806
    uses_q = (select(hex_of(U.learner_id), hex_of(U.id), U.strategy_id, hex_of(U.backpack_item_id))
              .join(B, B.id == U.backpack_item_id).where(U.deleted_at.is_(None), B.deleted_at.is_(None)))
    checks_q = (select(hex_of(C.learner_id), hex_of(C.use_id), C.on_date, C.helped).where(C.deleted_at.is_(None))
                .order_by(C.on_date, C.created_at))
    items_q = select(hex_of(B.learner_id), hex_of(B.id), B.name).where(B.deleted_at.is_(None),
                                                                       B.agreement == Agreement.AGREED.value)
    if len(learners) <= 900:  # a class: asked by id (see ``snapshot._BY_ID``)
        ids = list(learners)
        uses_q, checks_q, items_q = (uses_q.where(U.learner_id.in_(ids)), checks_q.where(C.learner_id.in_(ids)),
                                     items_q.where(B.learner_id.in_(ids)))
    with store.session() as s:
        uses: dict[str, tuple[uuid.UUID, str]] = {}
        in_use: set[str] = set()
        for lid, use_id, sid, item_id in rows_of(s, uses_q, by_hex):
            uses[use_id] = (lid, sid)
            in_use.add(item_id)
            tried.setdefault(sid, set()).add(lid)
        for _lid, use_id, on, helped in rows_of(s, checks_q, by_hex):
            if use_id in uses:
                latest[uses[use_id]] = (on, helped)
        for lid, item_id, name in rows_of(s, items_q, by_hex):
            if item_id not in in_use:
                for option, _word in grouper.match(name)[1]:
                    tried[option.id].add(lid)
    helped: dict[str, set[uuid.UUID]] = {}
    for (lid, sid), (_on, yes) in latest.items():
        if yes:
            helped.setdefault(sid, set()).add(lid)
    labels = {s.id: s.text(lang) for s in bank}
    rows = [(sid, labels.get(sid, sid), frozenset(who), frozenset(helped.get(sid, ()))) for sid, who in tried.items()
            if who]
    rows.sort(key=lambda r: (-len(r[2]), -len(r[3]), r[1].casefold()))
    return rows


__all__ = ["HOW", "StrategyAnswer", "StrategyService", "StrategyUseView", "bank_of", "strategy_figures"]
