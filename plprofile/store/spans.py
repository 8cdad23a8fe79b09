"""Each assessment's derived columns, ``overall`` and ``next_on``, kept right in the transaction of every write.

A learner's assessment "stands" from its day until their next one (``next_on``; None for the latest), at its
``overall`` value (the mean of its ratings' effective values). The class overview counts a whole school from
these two columns and two indexes (``ix_assessment_span``, ``ix_assessment_latest``) instead of working out
1.2 million ratings and a window over 120,000 assessments again each time it opens.

Nobody edits them. Every ORM flush that adds or changes an assessment or a rating brings the learner's
columns up to date before its transaction commits (``_after_flush``, on every ``Session``); a writer that
inserts rows without the ORM (the bulk generator) calls ``refresh_spans`` itself. Both are the same
statements, so there is one definition of a span.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import case, event, func, select, true, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from .models import Assessment, AssessmentRating

#: The derived columns: not anyone's words, so never logged as a change (``store.changes``).
DERIVED = frozenset({"overall", "next_on", "in_latest"})

A = Assessment.__table__
R = AssessmentRating.__table__


def effective(ratings=R):  # noqa: ANN001, ANN201
    """A rating's effective value: agreed, else the mean of learner and teacher, else either (None: unrated)."""
    c = ratings.c
    return func.coalesce(c.agreed_value, (c.learner_value + c.teacher_value) / 2, c.learner_value,
                         c.teacher_value)


def refresh_spans(conn: Connection, learner_ids: Collection[uuid.UUID] | None = None,
                  assessment_ids: Collection[uuid.UUID] | None = None) -> None:
    """Work out ``overall`` (None for a partial check; of ``assessment_ids``' assessments, or of every assessment of ``learner_ids``),
    ``next_on`` (of every assessment of ``learner_ids``; None: of the whole store) and their ratings'
    ``in_latest``, writing only what changed.

    ``next_on`` is the day of the learner's next live assessment in (day, creation time, id) order; the latest
    live one has none, and its ratings are ``in_latest``."""
    scope = true() if learner_ids is None else A.c.learner_id.in_(list(learner_ids))
    # a partial check (some element with no value, even carried) has no overall value
    mean = case((A.c.partial, None), else_=(
        select(func.avg(effective())).where(R.c.assessment_id == A.c.id, R.c.deleted_at.is_(None))
        .scalar_subquery()))
    which = scope if assessment_ids is None else A.c.id.in_(list(assessment_ids))
    conn.execute(update(A).where(which, A.c.overall.is_distinct_from(mean)).values(overall=mean))
    following = (select(A.c.id, func.lead(A.c.assessed_on, type_=A.c.assessed_on.type).over(
        partition_by=A.c.learner_id, order_by=(A.c.assessed_on, A.c.created_at, A.c.id)).label("next_on"))
        .where(A.c.deleted_at.is_(None), scope).subquery())
    conn.execute(update(A).where(A.c.id == following.c.id, A.c.next_on.is_distinct_from(following.c.next_on))
                 .values(next_on=following.c.next_on))
    latest = select(A.c.id).where(A.c.next_on.is_(None), A.c.deleted_at.is_(None), scope)
    is_latest = R.c.assessment_id.in_(latest)
    ratings = true() if learner_ids is None else R.c.learner_id.in_(list(learner_ids))
    conn.execute(update(R).where(ratings, R.c.in_latest.is_distinct_from(is_latest)).values(in_latest=is_latest))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:  # noqa: ANN001
    """The learners whose assessments or ratings this flush added, changed or removed: their spans, now.

    (``new``, ``dirty`` and ``deleted`` still hold what was flushed at this point.)"""
    learners: set[uuid.UUID] = set()
    assessments: set[uuid.UUID] = set()
    flushed: dict[uuid.UUID, Assessment | AssessmentRating] = {}  # not in the identity map yet, at this point
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Assessment):
            learners.add(obj.learner_id)
            assessments.add(obj.id)
            flushed[obj.id] = obj
        elif isinstance(obj, AssessmentRating):
            learners.add(obj.learner_id)
            assessments.add(obj.assessment_id)
            flushed[obj.id] = obj
    if not learners:
        return
    conn = session.connection()
    refresh_spans(conn, learners, assessments)
    # the objects this session holds show what the store now keeps (as if loaded: nothing to write back)
    mine = list(learners)
    for model, table, columns in ((Assessment, A, ("overall", "next_on")), (AssessmentRating, R, ("in_latest",))):
        for row_id, *values in conn.execute(
                select(table.c.id, *(table.c[c] for c in columns)).where(table.c.learner_id.in_(mine))):
            obj = flushed.get(row_id) or session.identity_map.get(identity_key(model, row_id))
            if obj is not None:
                for column, value in zip(columns, values, strict=True):
                    set_committed_value(obj, column, value)
