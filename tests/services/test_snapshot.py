"""The class learning snapshot: each figure against a plain count over generated classes (learners who left,
removed entries, Spanish entries, suggestions and teacher-only notes that are not the learners' words)."""

from __future__ import annotations

import random
import uuid

import pytest

from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.services.school import TEACHER, SchoolService
from plprofile.services.snapshot import SnapshotService
from plprofile.store import changes
from plprofile.store.models import Account, BackpackItem, ChoiceOption, ProfileEntry

S = d.Section
# (text, the option a person would file it under; None: no option, grouped by its own words)
POOLS = {
    S.ACCESS_WORKS: [("Pictures and diagrams", "visual"), ("Dibujos y diagramas", "visual"),
                     ("Listening to audiobooks", "listening"), ("Escuchar audiolibros", "listening"),
                     ("Watching a short video first", "video"), ("Ver un vídeo corto", "video"),
                     ("Seeing an example before I start", "examples"), ("Un ejemplo primero", "examples")],
    S.ENGAGE_WORKS: [("Working with a partner", "others"), ("Trabajar en equipo", "others"),
                     ("A quiet corner", "quiet"), ("Un rincón tranquilo", "quiet"),
                     ("Games and challenges", "games"), ("Juegos y retos", "games")],
    S.EXPRESS_WORKS: [("Drawing a comic", "drawing"), ("Dibujar un cómic", "drawing"),
                      ("Building a model", "building"), ("Construir una maqueta", "building"),
                      ("Making a video", "video"), ("Grabar un vídeo", "video")],
    S.ACCESS_BARRIERS: [("Noise and interruptions", "noise"), ("Mucho ruido", "noise")],
    S.ENGAGE_BARRIERS: [("Timed tests", "time_pressure"), ("Exámenes contrarreloj", "time_pressure")],
    S.EXPRESS_BARRIERS: [("Noise and interruptions", "noise"), ("Timed tests", "time_pressure")],
    S.INTERESTS: [("Football", "sport"), ("Fútbol", "sport"), ("Horses", "animals"), ("Caballos", "animals"),
                  ("Minecraft", "games"), ("Origami", None), ("origami!", None), ("Knitting", None)],
    S.ASPIRATIONS: [("I want to be a vet", "animals_care"), ("Quiero ser veterinaria", "animals_care"),
                    ("I want to be a pilot", None), ("Quiero ser piloto", None)],
}
PANEL_OF = {S.ACCESS_WORKS: "access", S.ENGAGE_WORKS: "engage", S.EXPRESS_WORKS: "express",
            S.ACCESS_BARRIERS: "barriers", S.ENGAGE_BARRIERS: "barriers", S.EXPRESS_BARRIERS: "barriers",
            S.INTERESTS: "interests", S.ASPIRATIONS: "aspirations"}
BACKPACK = [("Text-to-speech", "text_to_speech"), ("Lector de pantalla", "text_to_speech"),
            ("Visual timer", "timer"), ("Temporizador", "timer"), ("Checklist", "checklist")]
# (dimension, what the learner has today, what they ask for): label pairs
CHOICES = [
    (d.ChoiceDimension.PRODUCT, ("Poster or written report", "poster_report"), ("Make a video or a podcast", "video_podcast")),
    (d.ChoiceDimension.PRODUCT, ("Video on Fridays", "video_podcast"), ("Make a video", "video_podcast")),
    (d.ChoiceDimension.PLACE, ("Quiet corner during reading", "quiet_place"), ("Work in the library", "library")),
    (d.ChoiceDimension.PLACE, ("Trabajar en la biblioteca", "library"), ("Ir a la biblioteca", "library")),
]


def _staff(store, name: str, kind: str = "teacher") -> Actor:
    with store.transaction() as s:
        account = Account(kind=kind, display_name=name)
        changes.create(s, store.device_id, account, teacher_actor(ensure_teacher(store)), None)
    return Actor(account_id=account.id, role=Role.TEACHER, admin=kind == "admin")


def _key(option: str | None, text: str) -> str:
    from plprofile.domain.snapshot import normalise

    return f"option:{option}" if option else f"text:{normalise(text)}"


@pytest.fixture(params=[11])
def school(store, request):
    """Generated classes: 5A (Ms One teaches; some leave, one is removed), 5B (Mr Two), learners in no class;
    each learner's words drawn at random, some removed, some only suggested or teacher-only. ``words``: what
    counts, as (learner, panel, key)."""
    rng = random.Random(request.param)
    profiles, classes = ProfileService(store), SchoolService(store)
    teacher_actor(ensure_teacher(store))  # the store's first teacher, in no class
    admin, one, two = _staff(store, "Admin", "admin"), _staff(store, "Ms One"), _staff(store, "Mr Two")
    a5, b5 = classes.add_class(admin, "5A"), classes.add_class(admin, "5B")
    classes.add_member(admin, a5.id, account_id=one.account_id, role=TEACHER)
    classes.add_member(admin, b5.id, account_id=two.account_id, role=TEACHER)
    where: dict[uuid.UUID, str] = {}
    words: set[tuple[uuid.UUID, str, str]] = set()
    left, removed = set(), set()
    for i in range(22):
        home = "5A" if i < 14 else "5B" if i < 18 else None
        learner = profiles.add_learner(admin, given_name=f"L{i}", family_name="Test",
                                       group_name=rng.choice(["Red", "Blue"]))
        lid = learner.id
        where[lid] = home
        if home:
            member = classes.add_member(admin, (a5 if home == "5A" else b5).id, learner_id=lid)
        me = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=lid)
        for section, pool in POOLS.items():
            for text, option in rng.sample(pool, rng.randint(0, min(3, len(pool)))):
                entry = profiles.add_entry(me, lid, section, text)
                if rng.random() < 0.2:
                    profiles.delete_row(me, ProfileEntry, entry.id)
                else:
                    words.add((lid, PANEL_OF[section], _key(option, text)))
            text, _option = rng.choice(pool)
            profiles.add_entry(admin, lid, section, text)  # a suggestion: not the learner's words yet
            profiles.add_entry(admin, lid, section, text, teacher_only=True)
        for name, option in rng.sample(BACKPACK, rng.randint(0, 3)):
            item = profiles.add_backpack_item(me, lid, name, d.BackpackKind.TOOL)
            if rng.random() < 0.2:
                profiles.delete_row(me, BackpackItem, item.id)
            else:
                words.add((lid, "backpack", _key(option, name)))
        asked_for, given = set(), set()
        for dimension, (today, today_key), (asked, asked_key) in rng.sample(CHOICES, rng.randint(0, 3)):
            profiles.add_choice(me, lid, dimension, d.ChoiceAvailability.ASKED, asked)
            asked_for.add((dimension.value, asked_key))
            if rng.random() < 0.5:
                option = profiles.add_choice(me, lid, dimension, d.ChoiceAvailability.TODAY, today)
                if rng.random() < 0.3:
                    profiles.delete_row(me, ChoiceOption, option.id)
                else:
                    given.add((dimension.value, today_key))
        # asked for and not yet given: nothing the learner has today in that dimension is the same option
        words |= {(lid, "choice_asked", f"option:{key}") for key_pair in asked_for - given for key in key_pair[1:]}
        if home == "5A" and i % 5 == 1:
            classes.end_member(admin, member.id)  # left the class: now in no class
            left.add(lid)
        if home == "5A" and i == 12:
            profiles.delete_learner(admin, lid)
            removed.add(lid)
    groups = {r.id: r.group_name for r in profiles.list_learners(admin)}
    return dict(store=store, profiles=profiles, one=one, two=two, a5=a5, b5=b5, where=where, words=words,
                left=left, removed=removed, groups=groups)


def _expected(words, learners) -> dict[str, dict[str, frozenset[uuid.UUID]]]:
    panels: dict[str, dict[str, set[uuid.UUID]]] = {}
    for lid, panel, key in words:
        if lid in learners:
            panels.setdefault(panel, {}).setdefault(key, set()).add(lid)
    out = {}
    for panel, by_key in panels.items():
        least = 2 if panel in ("interests", "aspirations") else 1
        shared = {k: frozenset(v) for k, v in by_key.items() if len(v) >= least}
        if shared:  # a panel with nothing shared enough is not shown
            out[panel] = shared
    return out


def _shown(snapshot) -> dict[str, dict[str, frozenset[uuid.UUID]]]:
    return {panel: {g.key: g.learners for g in groups} for panel, groups in snapshot.panels.items() if groups}


def test_every_figure_is_the_plain_count_of_learners_for_a_class_a_group_and_all(school):
    service = SnapshotService(school["store"], school["profiles"])
    where, left, removed = school["where"], school["left"], school["removed"]
    in_5a = {lid for lid, home in where.items() if home == "5A"} - left - removed
    # all of Ms One's learners: her class. Once a school has classes, a learner in no class (and those who left
    # 5A) is the school admins' alone (deny by default), and 5B is another teacher's.
    all_mine = set(in_5a)
    red = {lid for lid in all_mine if school["groups"].get(lid) == "Red"}
    for kwargs, learners in (({"class_id": school["a5"].id}, in_5a), ({}, all_mine), ({"group": "Red"}, red)):
        snapshot = service.class_snapshot(school["one"], **kwargs)
        assert snapshot.learners == frozenset(learners)
        assert _shown(snapshot) == _expected(school["words"], learners), kwargs
    # Mr Two never sees 5A's learners, even through a class id
    assert not service.class_snapshot(school["two"], class_id=school["a5"].id).learners


def test_figures_name_the_option_in_the_teachers_language_and_say_why(school):
    service = SnapshotService(school["store"], school["profiles"])
    snapshot = service.class_snapshot(school["one"], lang="es")
    labels = {g.key: g for groups in snapshot.panels.values() for g in groups}
    if "option:visual" in labels:
        assert labels["option:visual"].label == "Imágenes y diagramas"
        assert set(labels["option:visual"].why) <= {"picture", "diagram", "diagrama"}
    counts = [g.count for g in snapshot.panels["access"]]
    assert counts == sorted(counts, reverse=True)


def test_a_learner_may_not_read_the_class_figures(school):
    service = SnapshotService(school["store"], school["profiles"])
    learner = next(iter(school["where"]))
    with pytest.raises(AccessDenied):
        service.class_snapshot(Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=learner))
