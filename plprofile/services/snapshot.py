"""The class learning snapshot as a teacher reads it: the learners they may see (a class, a group or all of
them), their profiles' words grouped by the framework's option lists (``domain.snapshot``)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, literal_column, select

from plprofile.domain import snapshot as snap
from plprofile.domain.framework import Framework, default_framework
from plprofile.domain.profile import Actor, Agreement
from plprofile.store.engine import Store
from plprofile.store.models import BackpackItem, ChoiceOption, ClassMember, ProfileEntry

from .access import actor_first, require_class
from .class_queries import hex_of, rows_of
from .kept import kept
from .profiles import ProfileService
from .stages import StagesService

#: Up to this many learners the store is asked about them by id; above it, everything is read and filtered
#: here (a school's whole list of ids would be a statement of 10,000 parameters).
_BY_ID = 900


@actor_first
class SnapshotService:
    def __init__(self, store: Store, profiles: ProfileService | None = None,
                 stages: StagesService | None = None) -> None:
        self.store = store
        self.profiles = profiles or ProfileService(store)
        self.stages = stages or StagesService(store, self.profiles)

    def scope(self, actor: Actor, *, class_id: uuid.UUID | None = None, group: str | None = None
              ) -> frozenset[uuid.UUID]:
        """The learners a snapshot or a list of the week is about: those ``actor`` may see (``class_list``, which
        keeps the class-scoped policy), narrowed to the learners now in ``class_id`` or to ``group``."""
        require_class(actor)
        learners = self.profiles.class_list(actor).learners
        if group:
            learners = [r for r in learners if r.group_name == group]
        ids = frozenset(r.id for r in learners)
        if class_id is not None:
            with self.store.session() as s:
                members = set(s.execute(select(ClassMember.learner_id).where(
                    ClassMember.class_id == class_id, ClassMember.learner_id.is_not(None),
                    ClassMember.ended_at.is_(None), ClassMember.deleted_at.is_(None))).scalars())
            ids = ids & members
        return ids

    def option_framework(self, actor: Actor) -> Framework:
        """The framework whose option lists group the words: the school's, else (if it has none) the default."""
        require_class(actor)
        framework = self.stages.active_framework(actor)
        return framework if framework.options else default_framework()

    def class_snapshot(self, actor: Actor, *, class_id: uuid.UUID | None = None, group: str | None = None,
                       lang: str = "en") -> snap.Snapshot:
        """How these learners learn, from their agreed, live entries (teacher-only notes and suggestions still
        waiting for the learner are not theirs yet): each figure a set of learners. Kept until the store changes
        (``kept``): the same snapshot asked again reads nothing."""
        require_class(actor)
        return kept(self.store, ("snapshot", actor, class_id, group, lang),
                    lambda: self._class_snapshot(actor, class_id, group, lang))

    def warm(self, actor: Actor, lang: str = "en") -> None:
        """The snapshot of all ``actor``'s learners read ahead (on a worker, after the window's first paint)."""
        self.class_snapshot(actor, lang=lang)

    def _class_snapshot(self, actor: Actor, class_id: uuid.UUID | None, group: str | None, lang: str
                        ) -> snap.Snapshot:
        learners = self.scope(actor, class_id=class_id, group=group)
        framework = self.option_framework(actor)
        result = snap.Snapshot(learners)
        if not learners:
            result.panels = {panel: [] for panel, _ in snap.PANELS}
            return result
        agreed = Agreement.AGREED.value
        by_panel: dict[str, list[tuple[uuid.UUID, str]]] = {panel: [] for panel, _ in snap.PANELS}
        E, B, C = ProfileEntry, BackpackItem, ChoiceOption  # noqa: N806
        entries = select(hex_of(E.learner_id), E.section, E.text).where(
            E.deleted_at.is_(None), E.parent_id.is_(None), E.teacher_only.is_(False), E.agreement == agreed,
            E.section.in_(list(snap.SECTION_PANELS)))
        backpack = select(hex_of(B.learner_id), B.name).where(B.deleted_at.is_(None), B.agreement == agreed)
        choices = select(hex_of(C.learner_id), C.dimension, C.availability, C.text).where(
            C.deleted_at.is_(None), C.agreement == agreed)
        few = len(learners) <= _BY_ID
        if few:
            ids = list(learners)
            entries, backpack, choices = (entries.where(E.learner_id.in_(ids)), backpack.where(B.learner_id.in_(ids)),
                                          choices.where(C.learner_id.in_(ids)))
        by_hex = {lid.hex: lid for lid in learners}
        with self.store.session() as s:
            if s.get_bind().dialect.name == "sqlite":
                return self._grouped(s, result, framework, lang, by_hex, entries, backpack, choices, actor)
            for learner, section, text in rows_of(s, entries, by_hex):
                by_panel[snap.SECTION_PANELS[section]].append((learner, text))
            by_panel["backpack"] = list(rows_of(s, backpack, by_hex))
            choice_rows = list(rows_of(s, choices, by_hex))
        for panel, list_id in snap.PANELS:
            grouper = snap.Grouper(framework.option_list(list_id), lang)
            if panel == "choice_asked":
                items = [(learner, text) for learner, _dim, text in snap.asked_not_given(choice_rows, grouper)]
            else:
                items = by_panel[panel]
            minimum = snap.MIN_SHARED if panel in snap.SHARED_PANELS else 1
            result.panels[panel] = grouper.group(items, minimum)
        return self._strategies(result, actor, lang)

    def _strategies(self, result: snap.Snapshot, actor: Actor, lang: str) -> snap.Snapshot:
        from .strategies import bank_of, strategy_figures

        result.strategies = strategy_figures(self.store, result.learners,
                                             bank_of(self.stages.active_framework(actor)), lang)
        return result

    def _grouped(self, s, result: snap.Snapshot, framework: Framework, lang: str, by_hex: dict[str, uuid.UUID],  # noqa: ANN001
                 entries, backpack, choices, actor: Actor) -> snap.Snapshot:  # noqa: ANN001
        """The snapshot from rows grouped by their words in SQLite: each distinct wording once, with the keys of
        the learners who wrote it (``group_concat``), so that Python matches and counts wordings, not rows, and
        the learners are gathered with set operations."""

        def grouped(statement, *keys) -> list[tuple]:  # noqa: ANN001
            # in the order the rows were written (the first wording of a group names it, as row by row)
            sub = statement.add_columns(literal_column("rowid").label("written")).subquery()
            learner = sub.c[0]
            wanted = [sub.c[k] for k in keys]
            rows = s.connection().execute(select(*wanted, func.group_concat(learner, ","))
                                          .group_by(*wanted).order_by(func.min(sub.c.written)))
            out = []
            for *values, hexes in rows:
                who = {by_hex[h] for h in hexes.split(",") if h in by_hex}
                if who:
                    out.append((*values, who))
            return out

        by_panel: dict[str, list[tuple[str, set[uuid.UUID]]]] = {panel: [] for panel, _ in snap.PANELS}
        for section, text, who in grouped(entries, "section", "text"):
            by_panel[snap.SECTION_PANELS[section]].append((text, who))
        by_panel["backpack"] = grouped(backpack, "name")
        choice_rows = grouped(choices, "dimension", "availability", "text")
        for panel, list_id in snap.PANELS:
            grouper = snap.Grouper(framework.option_list(list_id), lang)
            items = (snap.asked_not_given_sets(choice_rows, grouper) if panel == "choice_asked" else by_panel[panel])
            minimum = snap.MIN_SHARED if panel in snap.SHARED_PANELS else 1
            result.panels[panel] = grouper.group_sets(items, minimum)
        return self._strategies(result, actor, lang)


__all__ = ["SnapshotService"]
