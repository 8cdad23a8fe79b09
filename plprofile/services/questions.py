"""Questions between conferences: a teacher sends a reflection prompt (from the framework's bank, or their own
words) to one learner, a group or all their learners; the learner answers in writing or with a recording; the
answers wait for the next conference. One ``question`` row per learner asked (sent together: one ``batch_id``),
one ``question_answer`` row per answer; both change-logged like every profile row. A recording is kept as an
evidence file is (``evidence_blob``: inside the store, synced, erased with the learner)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from plprofile.domain import evidence_files as ef
from plprofile.domain.evidence_files import EvidenceFileError, Media, Prepared
from plprofile.domain.framework import Framework, Option, default_framework
from plprofile.domain.policy import Action, Kind
from plprofile.domain.profile import Actor, ValidationError, clean_text
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import Conference, EvidenceBlob, Question, QuestionAnswer

from . import access
from .access import actor_first, check, require_framework, require_learner_rows
from .evidence_files import StoredFile, keep_or_find, read_blob
from .stages import StagesService

#: The longest question and answer (characters): a question is a sentence or two, an answer a short paragraph.
MAX_QUESTION = 500
MAX_ANSWER = 4000


@dataclass(frozen=True, slots=True)
class AnswerView:
    """One answer as a screen shows it; ``recording``: the kind of its recording (``Media``), or None."""

    id: uuid.UUID
    question_id: uuid.UUID
    learner_id: uuid.UUID
    text: str
    answered_on: date
    recording: Media | None = None
    #: The kept file of the recording (``QuestionService.recording`` reads it).
    blob_id: uuid.UUID | None = None


@dataclass(frozen=True)
class QuestionView:
    id: uuid.UUID
    learner_id: uuid.UUID
    text: str
    prompt_id: str
    asked_on: date
    #: The learner's answers, oldest first: (text, answered on).
    answers: list[tuple[str, date]] = field(default_factory=list)
    #: The same answers with their ids and recordings.
    answer_rows: list[AnswerView] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.answers)


def _view(question_id: uuid.UUID, learner_id: uuid.UUID, text: str, prompt_id: str, asked_on: date,
          answers: list[AnswerView]) -> QuestionView:
    return QuestionView(question_id, learner_id, text, prompt_id, asked_on,
                        [(a.text, a.answered_on) for a in answers], answers)


def prompts_of(active: Framework) -> tuple[Option, ...]:
    """The default framework's prompts, with the school's own (``prompts`` in its file) added or, by id, put in
    their place."""
    own = {p.id: p for p in active.prompts} if active is not default_framework() else {}
    merged = [own.pop(p.id, p) for p in default_framework().prompts]
    return (*merged, *own.values())


@actor_first
class QuestionService:
    def __init__(self, store: Store, stages: StagesService | None = None) -> None:
        self.store = store
        self.stages = stages or StagesService(store)

    def prompts(self, actor: Actor) -> tuple[Option, ...]:
        """The bank of reflection prompts (anyone signed in reads the framework)."""
        require_framework(actor)
        return prompts_of(self.stages.active_framework(actor))

    def ask(self, actor: Actor, learner_ids: Iterable[uuid.UUID], text: str, *, prompt_id: str = "",
            asked_on: date | None = None) -> list[QuestionView]:
        """Send ``text`` to each of ``learner_ids`` in one transaction: all of them, or (one refused) none."""
        text = clean_text(text, field="question", limit=MAX_QUESTION)
        wanted = list(dict.fromkeys(learner_ids))
        if not wanted:
            raise ValidationError("learners", "no_one_asked")
        batch = uuid.uuid4()
        made: list[QuestionView] = []
        with self.store.transaction() as s:
            for learner_id in wanted:
                require_learner_rows(s, actor, learner_id, Kind.QUESTION)
                row = Question(learner_id=learner_id, text=text, prompt_id=prompt_id[:64],
                               asked_on=asked_on or date.today(), batch_id=batch)
                check(s, actor, Action.CREATE, row)
                changes.create(s, self.store.device_id, row, actor, learner_id)
                made.append(QuestionView(row.id, row.learner_id, row.text, row.prompt_id, row.asked_on))
        return made

    def questions(self, actor: Actor, learner_id: uuid.UUID) -> list[QuestionView]:
        """The questions asked of ``learner_id`` with their answers, newest first."""
        with self.store.session() as s:
            require_learner_rows(s, actor, learner_id, Kind.QUESTION)
            asked = s.execute(select(Question).where(Question.learner_id == learner_id, Question.deleted_at.is_(None))
                              .order_by(Question.asked_on.desc(), Question.created_at.desc())).scalars().all()
            media = dict(s.execute(select(EvidenceBlob.id, EvidenceBlob.media).join(
                QuestionAnswer, QuestionAnswer.blob_id == EvidenceBlob.id).where(
                QuestionAnswer.learner_id == learner_id)).all())
            answers: dict[uuid.UUID, list[AnswerView]] = {}
            for a in s.execute(select(QuestionAnswer).where(
                    QuestionAnswer.learner_id == learner_id, QuestionAnswer.deleted_at.is_(None))
                    .order_by(QuestionAnswer.answered_on, QuestionAnswer.created_at)).scalars():
                kind = Media(media[a.blob_id]) if a.blob_id in media else None
                answers.setdefault(a.question_id, []).append(AnswerView(a.id, a.question_id, a.learner_id, a.text, a.answered_on, kind, a.blob_id))
            return [_view(q.id, q.learner_id, q.text, q.prompt_id, q.asked_on, answers.get(q.id, []))
                    for q in asked]

    def answer(self, actor: Actor, question_id: uuid.UUID, text: str, answered_on: date | None = None, *,
               recording: Prepared | None = None) -> AnswerView:
        """The learner's answer, in writing or as a ``recording`` (a sound file, checked and kept as an evidence
        file is; the words are then optional), in one transaction."""
        if recording is not None and not ef.check_prepared(recording).is_audio:
            raise EvidenceFileError("not_a_recording", name=recording.name)
        text = clean_text(text, field="answer", limit=MAX_ANSWER, required=recording is None)
        with self.store.transaction() as s:
            question = s.get(Question, question_id)
            if question is None or question.deleted_at is not None:
                raise changes.NotFoundError(f"question {question_id} not found")
            check(s, actor, Action.READ, question)
            row = QuestionAnswer(question_id=question.id, learner_id=question.learner_id, text=text,
                                 answered_on=answered_on or date.today())
            check(s, actor, Action.CREATE, row)

            def create(session, made, who):  # noqa: ANN001, ANN202
                check(session, who, Action.CREATE, made)
                return changes.create(session, self.store.device_id, made, who, question.learner_id)

            if recording is not None:
                row.blob_id = keep_or_find(s, actor, question.learner_id, recording, create=create).id
            create(s, row, actor)
            kind = Media(recording.media) if recording is not None else None
        return AnswerView(row.id, row.question_id, row.learner_id, row.text, row.answered_on, kind, row.blob_id)

    def recording(self, actor: Actor, answer_id: uuid.UUID) -> StoredFile:
        """The recording of an answer, its bytes checked against their SHA-256 (whoever may read the answer)."""
        with self.store.session() as s:
            answer = s.get(QuestionAnswer, answer_id)
            if answer is None or answer.deleted_at is not None:
                raise changes.NotFoundError(f"question_answer {answer_id} not found")
            check(s, actor, Action.READ, answer)
            blob = s.get(EvidenceBlob, answer.blob_id) if answer.blob_id else None
            if blob is None:
                raise EvidenceFileError("not_a_file")
            check(s, actor, Action.READ, blob)
            media = Media(blob.media)
            return StoredFile(f"answer-{answer.answered_on.isoformat()}{media.extension}", media, read_blob(s, blob))

    def answers_since_conference(self, actor: Actor, learner_id: uuid.UUID) -> list[QuestionView]:
        """The questions answered since the learner's latest conference (all answered ones without one): what
        the next conference's agenda brings up."""
        with self.store.session() as s:
            require_learner_rows(s, actor, learner_id, Kind.ANSWER)
            last = s.execute(select(Conference.held_on).where(
                Conference.learner_id == learner_id, Conference.deleted_at.is_(None))
                .order_by(Conference.held_on.desc()).limit(1)).scalar_one_or_none()
        found = []
        for q in self.questions(actor, learner_id):
            fresh = [a for a in q.answer_rows if last is None or a.answered_on >= last]
            if fresh:
                found.append(_view(q.id, q.learner_id, q.text, q.prompt_id, q.asked_on, fresh))
        return found

    def answers_waiting(self, actor: Actor, learner_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
        """For the teacher's due list: per learner, how many answers arrived since their latest conference
        (learners with none are left out; learners the actor may not read are skipped)."""
        ids = list(learner_ids)
        if not ids:
            return {}
        with self.store.session() as s:
            access.require_class(actor)
            last = dict(s.execute(select(Conference.learner_id, Conference.held_on).where(
                Conference.learner_id.in_(ids), Conference.deleted_at.is_(None))
                .order_by(Conference.held_on)).all())  # the latest wins: ordered oldest first
            counts: dict[uuid.UUID, int] = {}
            for learner_id, answered_on in s.execute(select(QuestionAnswer.learner_id, QuestionAnswer.answered_on)
                                                     .where(QuestionAnswer.learner_id.in_(ids),
                                                            QuestionAnswer.deleted_at.is_(None))):
                if learner_id in last and answered_on < last[learner_id]:
                    continue
                counts[learner_id] = counts.get(learner_id, 0) + 1
            return counts


__all__ = ["AnswerView", "QuestionService", "QuestionView", "prompts_of"]
