"""A realistic demo class: varied profiles, goals at every status, a year of conferences and check-ins.

The same generator, scaled up, feeds the benchmarks. Everything is written in one transaction per batch of
learners through the same change-logged path as the app's own edits, backdated to when it "happened".
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from plprofile.domain import profile as d
from plprofile.domain.evidence_files import Prepared
from plprofile.domain.framework import Framework, default_framework
from plprofile.domain.profile import Actor, Agreement, Role
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import (
    Account,
    ActionStep,
    Assessment,
    AssessmentRating,
    BackpackItem,
    CheckIn,
    ChoiceOption,
    Conference,
    Evidence,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
)

from .accounts import ensure_teacher, teacher_actor
from .evidence_files import keep_file

GIVEN = [
    "Amara", "Liam", "Sofia", "Noah", "Zoë", "Mateo", "Aisha", "Ethan", "Mei", "Lucas", "Priya", "Oliver",
    "Fatima", "Jonah", "Isabela", "Kai", "Nadia", "Samuel", "Leila", "Tomás", "Hana", "Elijah", "Ava", "Yusuf",
    "Chloe", "Diego", "Ingrid", "Kwame", "Maya", "Rafael", "Siobhan", "Arjun", "Emma", "Felix", "Grace", "Omar",
]
FAMILY = [
    "Okafor", "Nguyen", "García", "Smith", "Kowalski", "Haddad", "Tanaka", "Johnson", "Rossi", "Patel",
    "O'Brien", "Müller", "Mensah", "Silva", "Andersen", "Cohen", "Ibrahim", "Martin", "Dubois", "Kim",
    "Lopez", "Walker", "Novak", "Reyes", "Chen", "Bakker", "Osei", "Hughes", "Moreau", "Yilmaz",
]
NICKNAMES = {"Elijah": "Eli", "Samuel": "Sam", "Isabela": "Isa", "Jonah": "Jo", "Rafael": "Rafa", "Oliver": "Ollie"}
PRONOUNS = ["she/her", "he/him", "they/them", "", ""]
GROUPS = ["5A", "5B", "6A"]

I_AM = [
    "I am curious and I like to know how things work.", "I am a builder and a dreamer.",
    "I am someone who loves stories and drawing.", "I am a good friend and I like helping others.",
    "I am learning to be brave about trying new things.", "I am a football player and a big sister.",
    "I am quiet at first but I have lots of ideas.", "I am a maker: I like Lego, robots and cardboard.",
]
WORDS = ["curious", "kind", "creative", "funny", "determined", "calm", "energetic", "thoughtful", "loyal",
         "adventurous", "careful", "chatty", "patient", "imaginative"]
POOLS: dict[d.Section, list[str]] = {
    d.Section.STRENGTHS: [
        "I explain things well to friends", "Mental maths", "I notice details in pictures",
        "Remembering facts about animals", "I keep going when something is hard", "Drawing and design",
        "Reading out loud with expression", "Building models", "I am good at organising group work",
        "Asking good questions", "Coding in Scratch", "Spelling",
    ],
    d.Section.CHALLENGES: [
        "Starting long writing tasks", "Staying focused when the room is noisy", "Reading long texts",
        "Handwriting gets messy and slow", "Remembering homework", "Speaking in front of the class",
        "Times tables under time pressure", "Asking for help when I'm stuck", "Finishing projects on time",
    ],
    d.Section.INTERESTS: [
        "Dinosaurs and fossils", "Football", "Minecraft", "Cooking with my grandma", "Space and planets",
        "Horses", "Making comics", "Music and drumming", "Climate and nature", "Robots", "Dance", "Chess",
    ],
    d.Section.ASPIRATIONS: [
        "I want to be a vet", "I want to design video games", "I want to write a book",
        "I want to play for a real team", "I want to be an engineer who builds bridges",
        "I want to help people as a nurse", "I want to be a scientist who studies oceans",
    ],
    d.Section.TALENTS: [
        "Drawing animals", "Juggling", "Singing", "Making people laugh", "Origami", "Skateboarding",
        "Knowing every flag in the world", "Baking bread",
    ],
    d.Section.ACCESS_WORKS: [
        "Watching a short video first", "Pictures and diagrams", "Listening to audiobooks",
        "Hands-on: trying it myself", "Seeing an example before I start", "Having the text read aloud",
    ],
    d.Section.ACCESS_BARRIERS: [
        "Long pages of small text", "Instructions only said once out loud", "Copying from the board",
    ],
    d.Section.ENGAGE_WORKS: [
        "Choosing my own topic", "Working with a partner", "A quiet corner", "Real-world problems",
        "Games and challenges", "Knowing why we are learning it", "Short breaks to move",
    ],
    d.Section.ENGAGE_BARRIERS: [
        "Noise and interruptions", "Tasks that feel pointless", "Sitting still for a long time",
    ],
    d.Section.EXPRESS_WORKS: [
        "Making a video", "Drawing a comic", "Telling it out loud", "Building a model", "Writing on the laptop",
        "A slideshow presentation", "A poster with pictures",
    ],
    d.Section.EXPRESS_BARRIERS: [
        "Long handwritten answers", "Timed tests", "Presenting alone in front of everyone",
    ],
}
TEACHER_SUGGESTIONS = [
    "You also listen really carefully to others", "Maybe add: breaking big tasks into small steps helps",
    "You showed great persistence in the science fair", "Could 'patient' be one of your words too?",
]
BACKPACK = [
    ("Text-to-speech", d.BackpackKind.APP, d.Lens.ACCESS, "Reads long texts aloud so I can follow"),
    ("Graphic organiser", d.BackpackKind.TOOL, d.Lens.EXPRESS, "Plans my writing before I start"),
    ("Visual timer", d.BackpackKind.TOOL, d.Lens.ENGAGE, "Shows how long is left so I keep going"),
    ("Checklist", d.BackpackKind.STRATEGY, d.Lens.ENGAGE, "I tick steps off and feel finished"),
    ("Noise-cancelling headphones", d.BackpackKind.TOOL, d.Lens.ENGAGE, "Blocks out noise"),
    ("Speech-to-text", d.BackpackKind.APP, d.Lens.EXPRESS, "Writes down what I say"),
    ("Ask three before me", d.BackpackKind.STRATEGY, d.Lens.ACCESS, "I ask friends before the teacher"),
    ("Mind map", d.BackpackKind.SKILL, d.Lens.ACCESS, "Connects ideas with pictures"),
    ("Movement break", d.BackpackKind.STRATEGY, d.Lens.ENGAGE, "Two minutes to move, then back to work"),
]
CHOICES = {
    d.ChoiceDimension.WHAT: (["Choose my project topic from a list"], ["Pick any topic I care about"]),
    d.ChoiceDimension.HOW: (["Choose which worksheet to start with"], ["Plan my own steps"]),
    d.ChoiceDimension.PRODUCT: (["Poster or written report"], ["Make a video or a podcast"]),
    d.ChoiceDimension.PACE: (["Extra time on writing tasks"], ["Move on when I've mastered it"]),
    d.ChoiceDimension.PLACE: (["Quiet corner during reading"], ["Work in the library"]),
    d.ChoiceDimension.WITH_WHOM: (["Choose a partner on Fridays"], ["Choose my own group"]),
    d.ChoiceDimension.WHEN: (["Choose the order of morning tasks"], ["Decide when to take my test"]),
}
L, T = Role.LEARNER, Role.TEACHER
#: Each goal with its own steps and evidence, so that a step always belongs to its goal's topic.
GOALS = [
    ("Read a whole chapter book by myself", "So I can read the stories my friends talk about",
     d.GoalFocus.LEARNING, d.Lens.ACCESS,
     [("Pick a book with my librarian", L), ("Read 10 pages every evening", L),
      ("Tell my teacher what happened so far", L), ("Find a quiet reading spot together", T)],
     [(d.EvidenceKind.NOTE, "Read 3 chapters this week", ""),
      (d.EvidenceKind.NOTE, "My reading log for October", "")]),
    ("Write a story with a beginning, middle and end", "I have lots of ideas and want to share them",
     d.GoalFocus.LEARNING, d.Lens.EXPRESS,
     [("Plan with a story mountain", L), ("Write the beginning", L), ("Share a draft with a partner", L),
      ("Give feedback on the draft", T)],
     [(d.EvidenceKind.LINK, "My story on the class blog", "https://school.example/blog/story"),
      (d.EvidenceKind.NOTE, "My story mountain plan", "")]),
    ("Know my times tables up to 12", "Maths will feel easier and faster", d.GoalFocus.LEARNING, d.Lens.ENGAGE,
     [("Practise with the times-table game", L), ("Learn the 7s and 8s", L), ("Quiz a friend on Fridays", L),
      ("Check my quiz scores with me", T)],
     [(d.EvidenceKind.NOTE, "Times-table quiz: 45 out of 50", "")]),
    ("Ask for help when I'm stuck for five minutes", "I lose time when I wait", d.GoalFocus.PERSONAL, None,
     [("Use a timer when I start a task", L), ("Ask a friend first, then the teacher", L),
      ("Put my help card on the desk", L), ("Come to my desk when the card is up", T)],
     [(d.EvidenceKind.NOTE, "Asked for help twice today without waiting", "")]),
    ("Present my project to the class", "I want to feel braver speaking", d.GoalFocus.PERSONAL, None,
     [("Make cue cards", L), ("Practise at home with my family", L), ("Practise with a partner", L),
      ("Book a time for my talk", T)],
     [(d.EvidenceKind.NOTE, "Presented to my group of four", "")]),
    ("Find out what a vet does every day", "I want to be a vet one day", d.GoalFocus.COLLEGE_CAREER, None,
     [("Write five questions for a vet", L), ("Email a local vet with questions", L),
      ("Read a book about animal doctors", L), ("Help set up a visit from a vet", T)],
     [(d.EvidenceKind.NOTE, "The vet answered my questions", "")]),
    ("Start a recycling team for our classroom", "Our school throws away too much",
     d.GoalFocus.CITIZENSHIP, None,
     [("Count what we throw away in a week", L), ("Make posters for the bins", L), ("Ask two friends to join", L),
      ("Ask the head teacher for new bins", T)],
     [(d.EvidenceKind.LINK, "Our recycling poster", "https://school.example/blog/recycling")]),
    ("Finish my science project on time", "Last time I ran out of time", d.GoalFocus.LEARNING, d.Lens.ENGAGE,
     [("Make a checklist of the project steps", L), ("Do one step each day", L), ("Test my model", L),
      ("Check my checklist with me each Friday", T)],
     [(d.EvidenceKind.NOTE, "Finished the first three steps on time", "")]),
]
#: What a learner writes at a check-in, by how it is going (1 Not yet … 4 Got it!): the words agree with the scale.
REFLECTIONS = {
    1: ["I haven't started yet. I need more help with this step.", "I forgot some days. I'll set a reminder.",
        "It is hard. I want to talk about it with my teacher."],
    2: ["I started, but it is still hard.", "I did the first step.", "It was hard at first. I'm getting faster."],
    3: ["Going well, my partner helps me.", "I finished the first part!",
        "I changed my plan because the first one was too big."],
    4: ["I did it! I can do this on my own now.", "I'm proud. I finished it!", "It feels easy now."],
}
#: Learners whose names are written in other scripts (Arabic, Devanagari, Chinese), and one whose chosen name
#: has an emoji in it: by their place in the class (first name, family name, preferred name).
OTHER_SCRIPTS = {
    10: ("प्रिया", "शर्मा", ""),
    16: ("Nadia", "Novak", "Nadia 🌻"),
    18: ("ليلى", "حداد", ""),
    20: ("美玲", "陈", ""),
}
CONF_NOTES = [
    "We talked about what is working in reading time.", "Reviewed the writing goal; the story mountain helps.",
    "Learner feels more confident about asking for help.", "Looked at evidence together; good progress.",
    "The noisy room is still hard; agreed to try headphones.", "Learner wants more choice in projects.",
]
CONF_AGREEMENTS = [
    "Try headphones during writing time.", "Read 10 pages each evening and log them.",
    "Teacher adds a video option for the next project.", "Move the presentation goal to next term.",
    "Learner leads the next conference.",
]


def _at(day: date, rng: random.Random) -> datetime:
    """A time in the school day of ``day``, never later than now (a demo made at 10:00 has nothing from 15:00)."""
    at = datetime.combine(day, time(hour=rng.randint(8, 15), minute=rng.randint(0, 59)), tzinfo=UTC)
    return min(at, datetime.now(UTC) - timedelta(minutes=rng.randint(1, 30)))


#: Documented in the README: the demo teacher's sign-in and every demo learner's PIN.
DEMO_TEACHER = ("teacher", "demo-teacher")
DEMO_PIN = "2468"


def set_demo_credentials(store: Store) -> None:
    """Give the demo teacher a password and every demo learner a sign-in name and PIN (one hash, shared)."""
    from .auth import AuthService, username_base

    auth = AuthService(store)
    if auth.needs_first_teacher():
        auth.create_first_teacher("Ms Rivera", *DEMO_TEACHER)
    pin_hash = auth.hasher.hash(DEMO_PIN)
    with store.transaction() as s:
        taken = set(s.execute(select(Account.username).where(Account.username.is_not(None))).scalars())
        rows = s.execute(select(Account, Learner).join(Learner, Account.learner_id == Learner.id)
                         .where(Account.username.is_(None))).all()
        for account, learner in rows:
            base = username_base(learner.preferred_name, learner.family_name)
            name, n = base, 1
            while name in taken:
                n += 1
                name = f"{base}{n}"
            taken.add(name)
            account.username = name
            account.secret_hash = pin_hash
            s.add(account)


def store_is_empty(store: Store) -> bool:
    with store.session() as s:
        return s.execute(select(func.count()).select_from(Learner)).scalar_one() == 0


def generate_demo(store: Store, learners: int = 25, seed: int = 2026, today: date | None = None,
                  batch: int = 200, files: Mapping[str, Sequence[tuple[str, Prepared]]] | None = None) -> int:
    """Fill ``store`` with ``learners`` learners and a year of their profiles. Returns how many were added.

    ``files`` (goal statement -> (note, file) pairs, made by ``plprofile.media.demo_files``: this layer draws
    no pictures) are added to those goals as the learners' evidence (see ``add_demo_files``)."""
    rng = random.Random(seed)
    today = today or date.today()
    start = today - timedelta(days=330)
    teacher = teacher_actor(ensure_teacher(store))
    framework = default_framework()
    made = 0
    while made < learners:
        n = min(batch, learners - made)
        with store.transaction() as s:
            for i in range(made, made + n):
                _one_learner(s, store.device_id, rng, i, teacher, start, today, framework)
        made += n
    set_demo_credentials(store)
    if files:
        add_demo_files(store, files, today)
    return made


#: How many of the demo class's learners (in the order they were made) add files to their evidence.
DEMO_FILE_LEARNERS = 10


def add_demo_files(store: Store, files: Mapping[str, Sequence[tuple[str, Prepared]]],
                   today: date | None = None) -> int:
    """Each of the first learners with a goal named in ``files`` (started, not just set) adds its files to that
    goal's evidence, in their own name; the first picture each learner adds is marked their best work. Uses no
    random draw, so the rest of the demo class stays as the seed makes it. Returns how many were added."""
    today = today or date.today()
    added = 0
    with store.transaction() as s:
        rows = s.execute(select(Learner.id, Account.id).join(Account, Account.learner_id == Learner.id)
                         .order_by(Learner.created_at, Learner.id).limit(DEMO_FILE_LEARNERS)).all()
        for learner_id, account_id in rows:
            me = Actor(account_id=account_id, role=Role.LEARNER, learner_id=learner_id)

            def create(session, row, actor, owner=learner_id):  # noqa: ANN001, ANN202
                return changes.create(session, store.device_id, row, actor, owner)

            goals = s.execute(select(Goal).where(Goal.learner_id == learner_id, Goal.deleted_at.is_(None),
                                                 Goal.status != d.GoalStatus.NOT_STARTED.value,
                                                 Goal.statement.in_(list(files)))
                              .order_by(Goal.created_at)).scalars().all()
            best = False
            for goal in goals:
                for text, prepared in files[goal.statement]:
                    blob = keep_file(s, me, learner_id, prepared, create=create)
                    on = min(today, goal.created_at.date() + timedelta(days=21))
                    picture = prepared.media.is_image
                    ev = Evidence(goal_id=goal.id, learner_id=learner_id,
                                  kind=(d.EvidenceKind.PHOTO if picture else d.EvidenceKind.FILE).value,
                                  text=text, location=prepared.name, added_on=on, blob_id=blob.id,
                                  best_work=picture and not best, shared_with_family=picture)
                    best = best or picture
                    changes.create(s, store.device_id, ev, me, learner_id, at=datetime.combine(on, time(14, 5),
                                                                                               tzinfo=UTC))
                    added += 1
    return added


def _one_learner(s, device: str, rng: random.Random, index: int, teacher: Actor, start: date,  # noqa: ANN001
                 today: date, framework: Framework) -> None:
    def add(row, actor: Actor, day: date, at: datetime | None = None):  # noqa: ANN001, ANN202
        return changes.create(s, device, row, actor, learner.id, at=at or _at(day, rng))

    given = GIVEN[index % len(GIVEN)]
    family = FAMILY[(index * 7 + index // len(GIVEN)) % len(FAMILY)]
    preferred = NICKNAMES.get(given, given)
    if index in OTHER_SCRIPTS:
        given, family, preferred = OTHER_SCRIPTS[index]
        preferred = preferred or given
    learner = Learner(
        given_name=given, family_name=family, preferred_name=preferred,
        pronouns=rng.choice(PRONOUNS), grade=rng.choice(["5", "6"]), group_name=GROUPS[index % len(GROUPS)],
        external_id=f"S{10000 + index}",
    )
    add(learner, teacher, start)
    account = Account(kind=Role.LEARNER.value, display_name=learner.preferred_name, learner_id=learner.id)
    add(account, teacher, start)
    me = Actor(account_id=account.id, role=Role.LEARNER, learner_id=learner.id)

    def day_between(a: date, b: date) -> date:
        return a + timedelta(days=rng.randint(0, max(0, (b - a).days)))

    first_conf = start + timedelta(days=rng.randint(3, 20))
    entries: dict[d.Section, list[ProfileEntry]] = {}
    add(ProfileEntry(learner_id=learner.id, section=d.Section.I_AM.value, text=rng.choice(I_AM),
                     shared_with_family=True), me, first_conf)
    for pos, word in enumerate(rng.sample(WORDS, 3)):
        add(ProfileEntry(learner_id=learner.id, section=d.Section.MY_WORDS.value, text=word, position=pos), me,
            first_conf)
    # the learner's say: most share their words with their family; every third keeps their challenges (and
    # what gets in the way) for their teacher and them, and every fourth keeps their newest goal to themselves
    keeps_challenges, keeps_a_goal = index % 3 == 2, index % 4 == 3
    for section, pool in POOLS.items():
        k = rng.randint(1, 3) if "barriers" not in section.value else rng.randint(0, 1)
        private = keeps_challenges and (section is d.Section.CHALLENGES or "barriers" in section.value)
        for pos, text in enumerate(rng.sample(pool, k)):
            e = ProfileEntry(learner_id=learner.id, section=section.value, text=text, position=pos,
                             shared_with_family=not private)
            add(e, me, day_between(first_conf, today))
            entries.setdefault(section, []).append(e)
    # Teacher suggestions: some beside a learner's entry, some as new entries waiting for the learner.
    strengths = entries.get(d.Section.STRENGTHS, [])
    if strengths and rng.random() < 0.6:
        add(ProfileEntry(learner_id=learner.id, section=d.Section.STRENGTHS.value,
                         text=rng.choice(TEACHER_SUGGESTIONS), agreement=Agreement.SUGGESTION.value,
                         parent_id=strengths[0].id), teacher, day_between(first_conf, today))
    if rng.random() < 0.5:
        add(ProfileEntry(learner_id=learner.id, section=d.Section.ENGAGE_WORKS.value,
                         text="Having a clear checklist for each lesson", agreement=Agreement.SUGGESTION.value,
                         position=9), teacher, day_between(first_conf, today))
    if rng.random() < 0.3:
        add(ProfileEntry(learner_id=learner.id, section=d.Section.CHALLENGES.value,
                         text="Gets tired after lunch; check sleep with family", teacher_only=True,
                         agreement=Agreement.SUGGESTION.value, position=9), teacher, day_between(first_conf, today))

    challenges = entries.get(d.Section.CHALLENGES, [])
    items: list[BackpackItem] = []
    for name, kind, lens, helps in rng.sample(BACKPACK, rng.randint(2, 4)):
        item = BackpackItem(learner_id=learner.id, name=name, kind=kind.value, lens=lens.value,
                            how_it_helps=helps, challenge_id=challenges[0].id if challenges and rng.random() < 0.4
                            else None, shared_with_family=True)
        add(item, rng.choice([me, teacher]), day_between(first_conf, today))
        items.append(item)
    for dim, (today_opts, asked_opts) in CHOICES.items():
        if rng.random() < 0.7:
            add(ChoiceOption(learner_id=learner.id, dimension=dim.value, availability=d.ChoiceAvailability.TODAY.value,
                             text=today_opts[0]), teacher, first_conf)
        if rng.random() < 0.5:
            add(ChoiceOption(learner_id=learner.id, dimension=dim.value, availability=d.ChoiceAvailability.ASKED.value,
                             text=asked_opts[0]), me, day_between(first_conf, today))

    statuses = list(d.GoalStatus)
    picked = rng.sample(GOALS, rng.randint(2, 4))
    for g_index, (statement, why, focus, lens, steps, evidence) in enumerate(picked):
        shared = not (keeps_a_goal and g_index == len(picked) - 1)
        set_on = day_between(first_conf, today - timedelta(days=40))
        # Spread statuses so the class shows every one; earlier goals are further along.
        status = statuses[(index + g_index) % len(statuses)] if g_index < 2 else rng.choice(
            [d.GoalStatus.IN_PROGRESS, d.GoalStatus.NOT_STARTED])
        target = set_on + timedelta(days=rng.choice([42, 70, 90]))
        still_open = status in (d.GoalStatus.NOT_STARTED, d.GoalStatus.IN_PROGRESS, d.GoalStatus.REVISED)
        if still_open and target < today:  # most open goals still have time; a few are overdue, by weeks not months
            target = (today + timedelta(days=rng.randint(10, 60)) if rng.random() < 0.85
                      else today - timedelta(days=rng.randint(3, 40)))
        goal = Goal(learner_id=learner.id, statement=statement, why=why, focus=focus.value,
                    lens=lens.value if lens else None, target_date=target, status=d.GoalStatus.NOT_STARTED.value,
                    shared_with_family=shared)
        add(goal, me, set_on)
        if status is not d.GoalStatus.NOT_STARTED:
            changes.update(s, device, goal, {"status": d.GoalStatus.IN_PROGRESS.value}, me, learner.id,
                           at=_at(set_on + timedelta(days=rng.randint(1, 10)), rng))
        if status not in (d.GoalStatus.NOT_STARTED, d.GoalStatus.IN_PROGRESS):
            changes.update(s, device, goal, {"status": status.value}, rng.choice([me, teacher]), learner.id,
                           at=_at(day_between(set_on + timedelta(days=14), today), rng))
        chosen = steps[:rng.randint(2, len(steps))]
        # the goal's own steps, in order, spread up to its date; a goal that still has time was planned again at
        # a recent conference, so its steps fall from three weeks ago to its date (an overdue goal keeps its own)
        plan = max(set_on, today - timedelta(days=21)) if still_open and target > today else set_on
        for pos, (text, owner) in enumerate(chosen):
            due = plan + timedelta(days=max(7, (target - plan).days) * (pos + 1) // (len(chosen) + 1))
            # a goal under way has its earlier steps ticked off: only a recent step or two is past its date
            done = status is d.GoalStatus.ACHIEVED or (status is d.GoalStatus.IN_PROGRESS and (
                pos == 0 or due < today - timedelta(days=14)))
            add(ActionStep(goal_id=goal.id, learner_id=learner.id, text=text, owner=owner.value, due_date=due,
                           done=done, done_at=_at(min(due, today), rng) if done else None, position=pos),
                me, set_on)
        for item in rng.sample(items, min(len(items), rng.randint(0, 2))):
            add(GoalSupport(goal_id=goal.id, learner_id=learner.id, backpack_item_id=item.id), me, set_on)
        if status is not d.GoalStatus.NOT_STARTED:
            checkin_day = set_on
            scale = rng.randint(1, 2)
            days: list[date] = []
            for _ in range(rng.randint(1, 4)):
                checkin_day += timedelta(days=rng.randint(10, 25))
                if checkin_day > today:
                    break
                days.append(checkin_day)
            top = 4 if status is d.GoalStatus.ACHIEVED else 3  # "Got it!" only once the goal is achieved
            for n, day in enumerate(days):
                scale = min(top, scale + rng.choice([0, 1, 1]))
                if status is d.GoalStatus.ACHIEVED and n == len(days) - 1:
                    scale = 4
                add(CheckIn(goal_id=goal.id, learner_id=learner.id, on_date=day, scale=scale,
                            reflection=rng.choice(REFLECTIONS[scale]), shared_with_family=shared), me, day)
            for kind, text, location in rng.sample(evidence, rng.randint(0, len(evidence))):
                on = day_between(set_on, today)
                add(Evidence(goal_id=goal.id, learner_id=learner.id, kind=kind.value, text=text,
                             location=location, added_on=on), me, on)

    # A year of conferences; at each one learner and teacher place the learner on the Stages together.
    pace = rng.choice([0.5, 0.7, 0.8, 1.0, 1.0, 1.2, 1.6])  # stages gained per year: most move from 1 toward 2
    base = rng.choice([1.0, 1.0, 1.0, 1.5])
    optimism = rng.choice([0.0, 0.0, 0.5, 0.5, 1.0])  # how much higher the learner tends to rate themselves
    element_offsets = {e.id: rng.choice([-0.5, 0.0, 0.0, 0.0, 0.5]) for e in framework}
    held = first_conf
    while held <= today - timedelta(days=5):
        next_on = held + timedelta(days=rng.randint(35, 60))
        moment = _at(held, rng)  # one conference: the record and the assessment made together
        add(Conference(learner_id=learner.id, held_on=held, participants=f"{learner.preferred_name}, Ms Rivera",
                       notes=rng.choice(CONF_NOTES), agreements=rng.choice(CONF_AGREEMENTS),
                       next_checkin_on=next_on), teacher, held, moment)
        years = (held - start).days / 365
        assessment = Assessment(learner_id=learner.id, assessed_on=held, framework_id=framework.id,
                                framework_version=framework.version)
        add(assessment, teacher, held, moment)
        for element in framework:
            true = base + pace * years + element_offsets[element.id] + rng.choice([-0.25, 0, 0, 0.25])
            teacher_value = _snap(true)
            learner_value = _snap(true + rng.choice([0.0, optimism, optimism, -0.5 * (optimism == 0)]))
            agreed = _snap((teacher_value + learner_value) / 2) if learner_value != teacher_value else teacher_value
            add(AssessmentRating(assessment_id=assessment.id, learner_id=learner.id, element_id=element.id,
                                 learner_value=learner_value, teacher_value=teacher_value, agreed_value=agreed),
                teacher, held, moment)
        held = next_on


def _snap(value: float) -> float:
    """Round to a half step on the 1–3 scale."""
    return min(3.0, max(1.0, round(value * 2) / 2))
