"""Questions between conferences, below the window: all or none are sent, only to learners the teacher may write
to; an answer is the learner's; the due list shows "answers waiting" until the next conference."""

from __future__ import annotations

from datetime import date

import pytest

from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import ValidationError
from plprofile.domain.week import DueKind
from plprofile.services.accounts import learner_actor
from plprofile.services.auth import AuthService
from plprofile.services.questions import QuestionService
from plprofile.services.stages import StagesService
from plprofile.services.week import WeekService


def test_answers_wait_on_the_due_list_until_the_next_conference(store, teacher, profiles):
    mia = profiles.add_learner(teacher, given_name="Mia", family_name="Lopez")
    AuthService(store).set_learner_pin(teacher, mia.id, "2468", "mia")
    me = learner_actor(profiles.learner_account(teacher, mia.id))
    stages = StagesService(store, profiles)
    questions = QuestionService(store, stages)
    assert [p.id for p in questions.prompts(me)][:2] == ["proud", "hard"]  # the bank, for anyone signed in
    with pytest.raises(ValidationError):
        questions.ask(teacher, [], "What helped?")
    with pytest.raises(AccessDenied):  # a learner does not send questions
        questions.ask(me, [mia.id], "What helped?")
    (asked,) = questions.ask(teacher, [mia.id], "What helped you learn this week?", prompt_id="helped",
                             asked_on=date(2026, 11, 2))
    with pytest.raises(AccessDenied):  # nor answers in their place
        questions.answer(teacher, asked.id, "Maps")
    questions.answer(me, asked.id, "Drawing maps", answered_on=date(2026, 11, 3))
    week = WeekService(store, profiles, stages)
    due = [i for i in week.due_list(teacher, date(2026, 11, 4)) if i.kind is DueKind.ANSWER]
    assert [(i.learner_id, i.due_on, i.subject) for i in due] == [
        (mia.id, date(2026, 11, 3), "What helped you learn this week?")]
    assert questions.answers_waiting(teacher, [mia.id]) == {mia.id: 1}
    profiles.add_conference(teacher, mia.id, date(2026, 11, 10))
    assert not [i for i in week.due_list(teacher, date(2026, 11, 11)) if i.kind is DueKind.ANSWER]
    assert questions.answers_waiting(teacher, [mia.id]) == {}
