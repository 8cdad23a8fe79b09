"""The profile file carries questions between conferences and the learner's answers (schema 4): out and back in
whole, files of schema 3 and older still import (with no questions), and an import is one transaction: a file
refused at any point leaves the store byte-for-byte as it was."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from plprofile.domain import profile as d
from plprofile.services.accounts import ensure_teacher, learner_actor, teacher_actor
from plprofile.services.auth import AuthService
from plprofile.services.portable import SCHEMA_VERSION, PortableService, ProfileFileError, dumps, loads
from plprofile.services.profiles import ProfileService
from plprofile.services.questions import QuestionService
from plprofile.store.engine import open_store


@pytest.fixture
def asked(store, teacher, profiles):
    """Mei, asked two questions; she answered one of them twice."""
    learner = profiles.add_learner(teacher, given_name="Mei", family_name="Chen", external_id="S-101")
    AuthService(store).set_learner_pin(teacher, learner.id, "2468", "mei")
    mei = learner_actor(profiles.learner_account(teacher, learner.id))
    profiles.add_entry(mei, learner.id, d.Section.STRENGTHS, "I draw diagrams")
    questions = QuestionService(store)
    first, = questions.ask(teacher, [learner.id], "What helped you most this week?", prompt_id="helped",
                           asked_on=date(2026, 11, 2))
    questions.ask(teacher, [learner.id], "What will you bring to the conference?", asked_on=date(2026, 11, 9))
    questions.answer(mei, first.id, "Drawing the steps first", answered_on=date(2026, 11, 3))
    questions.answer(mei, first.id, "And asking Sam", answered_on=date(2026, 11, 4))
    return learner


def _other_store(tmp_path):
    other = open_store(tmp_path / "other")
    return other, teacher_actor(ensure_teacher(other, "Mr Okoye"))


def _asked(store, actor, learner_id):
    return [(q.text, q.prompt_id, q.asked_on, q.answers) for q in QuestionService(store).questions(actor, learner_id)]


def _bytes(path: Path) -> dict[str, bytes]:
    """The store's database and its write-ahead log, as bytes."""
    return {p.name: p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()}


def test_questions_and_answers_travel_and_come_back_the_same(store, teacher, asked, tmp_path):
    first = dumps(PortableService(store).export_profile(teacher, asked.id))
    doc = json.loads(first)
    assert SCHEMA_VERSION == 4 and doc["schema_version"] == 4
    assert len(doc["tables"]["question"]) == 2 and len(doc["tables"]["question_answer"]) == 2
    other, okoye = _other_store(tmp_path)
    try:
        PortableService(other).import_profile(okoye, loads(first))
        assert _asked(other, okoye, asked.id) == _asked(store, teacher, asked.id)
        assert _asked(other, okoye, asked.id)[1][3] == [("Drawing the steps first", date(2026, 11, 3)),
                                                         ("And asking Sam", date(2026, 11, 4))]
        assert dumps(PortableService(other).export_profile(okoye, asked.id)) == first
    finally:
        other.close()


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_file_of_an_older_schema_still_imports_with_no_questions(store, teacher, asked, tmp_path, version):
    doc = json.loads(dumps(PortableService(store).export_profile(teacher, asked.id)))
    doc["schema_version"] = version
    del doc["tables"]["question"], doc["tables"]["question_answer"]
    for row in doc["tables"]["evidence"]:
        row.pop("shared_with_family")
    if version <= 2:
        for name in ("evidence_blob", "evidence_chunk", "family_contact"):
            del doc["tables"][name]
    if version == 1:
        del doc["tables"]["conference_remark"]
    other, okoye = _other_store(tmp_path)
    try:
        PortableService(other).import_profile(okoye, doc)
        assert _asked(other, okoye, asked.id) == []
        assert [e.text for e in ProfileService(other).load_profile(okoye, asked.id).entries] == ["I draw diagrams"]
    finally:
        other.close()


@pytest.mark.parametrize("damage", ["answer_without_its_question", "answer_of_another_learner", "bad_answer_date",
                                    "answer_already_here", "extra_field"])
def test_a_refused_file_leaves_the_store_byte_identical(store, teacher, asked, tmp_path, damage):
    doc = PortableService(store).export_profile(teacher, asked.id)
    other, okoye = _other_store(tmp_path)
    try:
        bad = copy.deepcopy(doc)
        answers = bad["tables"]["question_answer"]
        if damage == "answer_without_its_question":
            bad["tables"]["question"] = [q for q in bad["tables"]["question"] if q["id"] != answers[0]["question_id"]]
        elif damage == "answer_of_another_learner":
            answers[1]["learner_id"] = "00000000-0000-0000-0000-000000000001"
        elif damage == "bad_answer_date":
            answers[1]["answered_on"] = "the third of November"
        elif damage == "extra_field":
            bad["tables"]["question"][0]["colour"] = "red"
        elif damage == "answer_already_here":
            # the last table written: everything before it is in the transaction when it is refused
            someone = ProfileService(other).add_learner(okoye, given_name="Sam", family_name="Lee")
            question, = QuestionService(other).ask(okoye, [someone.id], "How was today?")
            AuthService(other).set_learner_pin(okoye, someone.id, "1357", "sam")
            sam = learner_actor(ProfileService(other).learner_account(okoye, someone.id))
            taken = QuestionService(other).answer(sam, question.id, "Good")
            answers[1]["id"] = str(taken.id)
        before = _bytes(other.path)
        with pytest.raises(ProfileFileError) as refused:
            PortableService(other).import_profile(okoye, bad)
        assert "nothing was imported" in str(refused.value)
        assert _bytes(other.path) == before
        assert asked.id not in {learner.id for learner in ProfileService(other).list_learners(okoye)}
    finally:
        other.close()
