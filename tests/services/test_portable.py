"""The portable profile: a learner's whole profile out to JSON and into another store, refusals leaving the
store as it was, and the schema document naming every field a file holds."""

from __future__ import annotations

import copy
import json
import uuid
from datetime import date

import pytest

from plprofile import RESOURCES
from plprofile.domain import profile as d
from plprofile.domain.progress import ElementRating
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.portable import (
    SCHEMA_VERSION,
    TABLES,
    PortableService,
    ProfileFileError,
    columns,
    dumps,
    loads,
)
from plprofile.services.profiles import ProfileService
from plprofile.services.stages import StagesService
from plprofile.store.engine import open_store
from plprofile.store.models import Account, Learner


@pytest.fixture
def mei(store, teacher, profiles):
    """A learner with a bit of everything: agreed words, a waiting suggestion, a goal with a step and a check-in,
    a conference, a full and a partial-then-carried assessment."""
    stages = StagesService(store, profiles)
    learner = profiles.add_learner(teacher, given_name="Mei", family_name="Chen", group_name="5A",
                                   external_id="S-101")
    profiles.add_entry(teacher, learner.id, d.Section.STRENGTHS, "Draws diagrams", d.Agreement.AGREED)
    profiles.add_entry(teacher, learner.id, d.Section.INTERESTS, "Chess")  # a suggestion, waiting
    goal = profiles.add_goal(teacher, learner.id, "Read a chapter a day", status=d.GoalStatus.IN_PROGRESS)
    profiles.add_step(teacher, goal.id, "Pick a book")
    profiles.add_checkin(teacher, goal.id, 3, "Going well")
    profiles.add_conference(teacher, learner.id, date(2026, 10, 1), participants="Mei and Ms Rivera",
                            agreements="Read every night", led_by=d.ConferenceLead.LEARNER,
                            remarks=[(d.Speaker.LEARNER, d.RemarkKind.PROUD, "My diagrams"),
                                     (d.Speaker.FAMILY, d.RemarkKind.COMMITMENT, "Read with her")])
    ids = list(stages.active_framework(teacher).element_ids())
    stages.record_assessment(teacher, learner.id, date(2026, 9, 1), [ElementRating(e, agreed=2.0) for e in ids])
    stages.record_assessment(teacher, learner.id, date(2026, 10, 1), [ElementRating(ids[0], agreed=2.5)])
    return learner


def _other_store(tmp_path):
    other = open_store(tmp_path / "other")
    return other, teacher_actor(ensure_teacher(other, "Mr Okoye"))


def test_export_import_export_gives_the_same_file_with_ids_and_authors_kept(store, teacher, mei, tmp_path):
    first = dumps(PortableService(store).export_profile(teacher, mei.id))
    doc = json.loads(first)
    assert doc["schema_version"] == SCHEMA_VERSION and doc["learner"]["external_id"] == "S-101"
    assert {r["agreement"] for r in doc["tables"]["profile_entry"]} == {"agreed", "suggestion"}
    assert len(doc["tables"]["assessment"]) == 2 and any(r["carried_from"] for r in doc["tables"]["assessment_rating"])
    other, new_teacher = _other_store(tmp_path)
    try:
        made = PortableService(other).import_profile(new_teacher, loads(first))
        assert made.id == mei.id
        again = dumps(PortableService(other).export_profile(new_teacher, mei.id))
        assert again == first
        profiles = ProfileService(other)
        view = profiles.load_profile(new_teacher, mei.id)
        assert [g.goal.statement for g in view.goals] == ["Read a chapter a day"]
        assert {e.author_id for e in view.entries} == {teacher.account_id}  # authorship kept
        # the store's own figures are worked out again: the Overall of the carried assessment stands
        history = StagesService(other, profiles).history(new_teacher, mei.id)
        assert history[-1].overall("agreed") is not None and not history[-1].partial
    finally:
        other.close()


def _rows(path):
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("learner", "account", "profile_entry", "goal", "assessment", "change_log")}
    finally:
        con.close()


@pytest.mark.parametrize("damage", ["newer", "not_json", "other_format", "missing_table", "extra_field",
                                    "wrong_type", "other_learner", "bad_date", "no_version"])
def test_a_newer_or_damaged_file_is_refused_and_nothing_is_written(store, teacher, mei, tmp_path, damage):
    doc = PortableService(store).export_profile(teacher, mei.id)
    other, new_teacher = _other_store(tmp_path)
    try:
        before = _rows(other.path)
        bad = copy.deepcopy(doc)
        if damage == "newer":
            bad["schema_version"] = SCHEMA_VERSION + 1
        elif damage == "other_format":
            bad["format"] = "something-else"
        elif damage == "missing_table":
            del bad["tables"]["goal"]
        elif damage == "extra_field":
            bad["tables"]["goal"][0]["colour"] = "red"
        elif damage == "wrong_type":
            bad["tables"]["check_in"][0]["scale"] = "three"
        elif damage == "other_learner":
            bad["tables"]["goal"][0]["learner_id"] = "00000000-0000-0000-0000-000000000001"
        elif damage == "bad_date":
            bad["tables"]["conference"][0]["held_on"] = "the first of October"
        elif damage == "no_version":
            del bad["schema_version"]
        with pytest.raises(ProfileFileError) as refused:
            document = loads(dumps(bad)[:-200]) if damage == "not_json" else bad
            PortableService(other).import_profile(new_teacher, document)
        assert "nothing was imported" in str(refused.value).lower()
        if damage == "newer":
            assert "newer than this app reads" in str(refused.value)
        assert _rows(other.path) == before
    finally:
        other.close()


def test_a_learner_already_in_the_store_is_refused(store, teacher, mei):
    doc = PortableService(store).export_profile(teacher, mei.id)
    before = _rows(store.path)
    with pytest.raises(ProfileFileError, match="already in this store"):
        PortableService(store).import_profile(teacher, doc)
    renamed = copy.deepcopy(doc)  # the same student under a new id: the student ID gives them away
    new_id = "11111111-1111-1111-1111-111111111111"
    renamed["learner"]["id"], renamed["account"] = new_id, None
    for rows in renamed["tables"].values():
        for row in rows:
            row["learner_id"] = new_id
    with pytest.raises(ProfileFileError, match="student ID S-101"):
        PortableService(store).import_profile(teacher, renamed)
    assert _rows(store.path) == before


def test_the_schema_document_names_every_field_of_every_table():
    text = (RESOURCES / "profile-export" / "SCHEMA.md").read_text(encoding="utf-8")
    assert f"schema version {SCHEMA_VERSION}" in text
    for model in (Learner, Account, *TABLES):
        section = text.split(f"### `{model.__tablename__}`", 1)[1].split("### ", 1)[0]
        listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
        assert listed == columns(model), model.__tablename__
    assert "secret_hash" not in text and "username" not in columns(Account)


def test_what_was_said_at_a_student_led_conference_travels_with_who_said_it(store, teacher, mei, tmp_path):
    doc = PortableService(store).export_profile(teacher, mei.id)
    assert [c["led_by"] for c in doc["tables"]["conference"]] == ["learner"]
    assert [(r["speaker"], r["kind"], r["text"]) for r in doc["tables"]["conference_remark"]] == [
        ("learner", "proud", "My diagrams"), ("family", "commitment", "Read with her")]
    other, okoye = _other_store(tmp_path)
    PortableService(other).import_profile(okoye, json.loads(dumps(doc)))
    view = ProfileService(other).load_profile(okoye, mei.id)
    assert [(r.speaker, r.text) for r in view.remarks_of(view.conferences[0].id)] == [
        ("learner", "My diagrams"), ("family", "Read with her")]


def test_a_schema_1_file_is_read_with_every_conference_led_by_the_teacher(store, teacher, mei, tmp_path):
    doc = json.loads(dumps(PortableService(store).export_profile(teacher, mei.id)))
    doc["schema_version"] = 1  # as a file written before student-led conferences
    del doc["tables"]["conference_remark"]
    for row in doc["tables"]["conference"]:
        del row["led_by"]
    other, okoye = _other_store(tmp_path)
    PortableService(other).import_profile(okoye, doc)
    view = ProfileService(other).load_profile(okoye, mei.id)
    assert [c.led_by for c in view.conferences] == ["teacher"] and view.remarks == []


def test_a_merge_adds_what_is_missing_by_id_never_overwrites_and_says_what_it_skipped(store, teacher, profiles, mei,
                                                                                      tmp_path):
    from plprofile.services.portable import preview

    first = PortableService(store).export_profile(teacher, mei.id)
    other, okoye = _other_store(tmp_path)
    try:
        PortableService(other).import_profile(okoye, json.loads(dumps(first)))
        # at the old school the profile goes on: a new goal with a check-in, and a strength reworded
        goal = profiles.add_goal(teacher, mei.id, "Learn ten new chess openings", status=d.GoalStatus.IN_PROGRESS)
        profiles.add_checkin(teacher, goal.id, 2, "Two so far")
        strength = next(r for r in first["tables"]["profile_entry"] if r["text"] == "Draws diagrams")
        profiles.edit_entry(teacher, uuid.UUID(strength["id"]), "Draws clear diagrams")
        # at the new school, the same strength was reworded differently: theirs stays
        new_profiles = ProfileService(other)
        new_profiles.edit_entry(okoye, uuid.UUID(strength["id"]), "Draws diagrams of everything")
        second = PortableService(store).export_profile(teacher, mei.id)
        seen = preview(json.loads(dumps(second)))
        assert seen.learner_id == mei.id and seen.counts["goal"] == 2 and seen.name == "Mei Chen"

        report = PortableService(other).merge_profile(okoye, json.loads(dumps(second)))

        assert report.added == {"goal": 1, "check_in": 1}
        assert report.skipped["profile_entry"] == len(first["tables"]["profile_entry"])
        # every row that was already here, the learner's account too
        assert report.skipped_total == sum(len(rows) for rows in first["tables"].values()) + (first["account"] is not None)
        view = new_profiles.load_profile(okoye, mei.id)
        assert sorted(g.goal.statement for g in view.goals) == ["Learn ten new chess openings", "Read a chapter a day"]
        assert "Draws diagrams of everything" in [e.text for e in view.entries]
        assert "Draws clear diagrams" not in [e.text for e in view.entries]
        # merging the same file again adds nothing
        again = PortableService(other).merge_profile(okoye, json.loads(dumps(second)))
        assert again.added == {}
        assert again.skipped_total == sum(len(rows) for rows in second["tables"].values()) + (second["account"] is not None)
    finally:
        other.close()


def test_a_merge_into_a_store_without_the_learner_is_refused_and_nothing_is_written(store, teacher, mei, tmp_path):
    doc = PortableService(store).export_profile(teacher, mei.id)
    other, okoye = _other_store(tmp_path)
    try:
        before = _rows(other.path)
        with pytest.raises(ProfileFileError, match="not in this store"):
            PortableService(other).merge_profile(okoye, doc)
        assert _rows(other.path) == before
    finally:
        other.close()


def test_every_demo_learner_round_trips_export_import_export_into_an_empty_store(tmp_path):
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.demo import generate_demo

    school = open_store(tmp_path / "school")
    generate_demo(school)
    teacher = cli_teacher(school)
    learners = ProfileService(school).list_learners(teacher)
    documents = {ls.id: dumps(PortableService(school).export_profile(teacher, ls.id)) for ls in learners}
    school.close()
    assert len(documents) == 25
    other, okoye = _other_store(tmp_path)
    try:
        for learner_id, text in documents.items():
            PortableService(other).import_profile(okoye, loads(text))
            assert dumps(PortableService(other).export_profile(okoye, learner_id)) == text, learner_id
    finally:
        other.close()


def test_the_documents_of_many_learners_read_at_once_are_those_read_one_by_one(tmp_path):
    """A year change reads every learner's document in chunks of plain rows (``profile_documents``): the same
    documents ``profile_document`` writes for each, suggestions after their entries, family contacts left out
    when asked."""
    from sqlmodel import select as sql_select

    from plprofile.services.demo import generate_demo
    from plprofile.services.portable import profile_document, profile_documents
    from plprofile.store.engine import open_store

    store = open_store(tmp_path / "demo")
    try:
        generate_demo(store, learners=8)
        with store.session() as s:
            learners = s.execute(sql_select(Learner).order_by(Learner.family_name)).scalars().all()
            ids = [learner.id for learner in learners]
            one_by_one = {learner.id: profile_document(s, learner) for learner in learners}
            assert sum(len(t) for d in one_by_one.values() for t in d["tables"].values()) > 100
            assert dict(profile_documents(s, ids, chunk=3)) == one_by_one
            assert all(d["tables"]["family_contact"] == [] for _, d in profile_documents(s, ids, family=False))
    finally:
        store.close()
