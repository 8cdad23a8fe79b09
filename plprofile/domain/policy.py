"""Who may do what: one deny-by-default access policy for every read and write, on a device and at the hub.

Pure Python: no Qt, no SQL. A service (or, later, the school hub for each change a device pushes) describes the
row it is about to read or write as a ``Target`` and asks ``decide(actor, action, target, fields)``. Nothing is
allowed unless a rule in ``RULES`` allows it for the actor's role; ``WRITABLE`` names the fields each role may
set on each kind of row (keys, authorship, versions, timestamps and the teacher-only flag are never among them).
``python -m plprofile.domain.policy`` prints the rules as the table in ``docs/access.md``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum, StrEnum
from typing import ClassVar

from .errors import QT_TRANSLATE_NOOP, UserError
from .profile import Actor, Role


class Kind(StrEnum):
    """What a row is, as the policy sees it."""

    LEARNER = "learner"
    ACCOUNT = "account"
    ENTRY = "profile_entry"
    BACKPACK = "backpack_item"
    CHOICE = "choice_option"
    GOAL = "goal"
    STEP = "action_step"
    SUPPORT = "goal_support"
    EVIDENCE = "evidence"
    CHECKIN = "check_in"
    CONFERENCE = "conference"
    ASSESSMENT = "assessment"
    RATING = "assessment_rating"
    HISTORY = "history"  # a learner's change log
    CLASS = "class"  # the class list, groups and class-wide figures
    FRAMEWORK = "framework"  # the Stages framework the school uses
    SCHOOL = "school"  # the school's structure: school years, classes and who is in them
    SNAPSHOT = "year_snapshot"  # a learner's profile as a school year ended: read-only
    FAMILY = "family_contact"  # a learner's guardians, parents and relatives, from the school's roster
    QUESTION = "question"  # a teacher's question to a learner between conferences
    ANSWER = "question_answer"  # the learner's answer to it


class Action(StrEnum):
    READ = "read"
    CREATE = "create"
    UPDATE = "update"  # of named fields
    SUGGEST = "suggest"  # put a suggestion beside an entry
    AGREE = "agree"  # mark a row agreed by both
    DECIDE = "decide"  # accept or decline a suggestion
    DELETE = "delete"  # soft delete (a tombstone)
    RESTORE = "restore"
    PURGE = "purge"  # erase for good
    SET_PASSWORD = "set_password"  # set another person's password (temporary: they choose their own next)
    RESOLVE = "resolve"  # choose between two versions that two devices wrote at once (a sync conflict)
    SHARE = "share"  # choose who sees the learner's own words: my teacher and me, or my family too


class Who(StrEnum):
    """The columns of the rules table."""

    ADMIN = "admin"
    TEACHER = "teacher"
    LEARNER = "learner"


def who(actor: Actor) -> Who:
    if actor.role is Role.LEARNER:
        return Who.LEARNER
    return Who.ADMIN if actor.admin else Who.TEACHER


class Scope(Enum):
    """``Target.class_scope`` when the school has no classes yet (every store before rosters, the demo): then
    every teacher teaches every learner. Said explicitly, so that a scope left out denies."""

    ALL_STAFF = "all staff"


ALL_STAFF = Scope.ALL_STAFF


@dataclass(frozen=True)
class Target:
    """The facts about a row that the rules look at (for a new row: the row as it would be written)."""

    kind: Kind
    learner_id: uuid.UUID | None = None  # whose profile the row belongs to
    row_id: uuid.UUID | None = None
    author_id: uuid.UUID | None = None
    author_role: Role | None = None
    #: A teacher-only note, or anything hanging from one (a suggestion on it).
    teacher_only: bool = False
    #: ACCOUNT rows: "teacher", "admin" or "learner"; and whether it is the last staff account that can sign in.
    account_kind: str | None = None
    last_staff: bool = False
    #: The accounts that teach the row's learner in a class (teachers and aides of the learner's open classes;
    #: empty when the learner is in none), or ``ALL_STAFF`` when the school has no classes yet (every teacher
    #: sees every learner). Left out (None), a teacher's rule for a learner's row denies: deny by default.
    class_scope: frozenset[uuid.UUID] | Scope | None = None


# ---- the messages a refusal carries (never any text of the row) ---------------------------------------------
SIGN_IN_FIRST = QT_TRANSLATE_NOOP("services", "Sign in first.")
NOT_YOURS = QT_TRANSLATE_NOOP("services", "A learner can only see and change their own profile.")
TEACHERS_ONLY = QT_TRANSLATE_NOOP("services", "Only a teacher can do this.")
HIDDEN = QT_TRANSLATE_NOOP("services", "That is not yours to see or change.")
FIXED_FIELDS = QT_TRANSLATE_NOOP("services", "That cannot be changed this way.")
KEPT_AS_MADE = QT_TRANSLATE_NOOP("services", "Assessments and check-ins are kept as they were made.")
OWN_WORDS_ONLY = QT_TRANSLATE_NOOP("services", "You can remove only what you wrote yourself.")
LAST_TEACHER = QT_TRANSLATE_NOOP("services", "The last teacher account cannot be removed.")
TEACHER_ONLY_NOTE = QT_TRANSLATE_NOOP("services", "Only a teacher can write a teacher-only note.")
LEARNERS_WORDS = QT_TRANSLATE_NOOP("services", "A teacher cannot change a learner's own words; add a suggestion instead.")
LEARNERS_WORDS_REMOVE = QT_TRANSLATE_NOOP("services", "A teacher cannot remove a learner's own words.")
LEARNER_DECIDES = QT_TRANSLATE_NOOP("services", "Only the learner can accept or decline a suggestion.")
LEARNER_AGREES = QT_TRANSLATE_NOOP("services", "The learner agrees to a teacher's suggestion, not the teacher.")
LEARNER_FIELDS = QT_TRANSLATE_NOOP("services", "A learner can change only their preferred name and pronouns.")
CLASS_TEACHERS = QT_TRANSLATE_NOOP("services", "Only a teacher can see the class overview.")
FRAMEWORK_TEACHERS = QT_TRANSLATE_NOOP("services", "Only a teacher can change the framework.")
SELF_ASSESSMENT = QT_TRANSLATE_NOOP("services", "A learner records their own view; the teacher's and agreed values "
                                                "are recorded by a teacher.")
ACCOUNTS_STAFF = QT_TRANSLATE_NOOP("services", "Only a teacher can set up, reset or remove accounts.")
NO_ACCOUNT_REMOVAL = QT_TRANSLATE_NOOP("services", "A learner's account goes only with the learner.")
OTHER_CHALLENGE = QT_TRANSLATE_NOOP("services", "That challenge belongs to another learner.")
OTHER_ITEM = QT_TRANSLATE_NOOP("services", "That backpack item belongs to another learner.")
NOT_IN_CLASSES = QT_TRANSLATE_NOOP("services", "That learner is not in one of your classes.")
SCHOOL_ADMINS = QT_TRANSLATE_NOOP("services", "Only a school admin can change the school's classes and years.")
STAFF_PASSWORDS = QT_TRANSLATE_NOOP("services", "Only a school admin can set another teacher's password.")
OWN_PASSWORD = QT_TRANSLATE_NOOP("services", "Change your own password with Change my password.")
YEAR_KEPT = QT_TRANSLATE_NOOP("services", "A year's snapshot is kept as it was.")
LEARNER_RESOLVES = QT_TRANSLATE_NOOP("services", "The learner decides between two versions of their own words.")
TEACHER_RESOLVES = QT_TRANSLATE_NOOP("services", "Your teacher decides which version of this to keep.")
LEARNER_SHARES = QT_TRANSLATE_NOOP("services", "Only the learner who wrote it chooses who sees it.")

MESSAGES = (
    SIGN_IN_FIRST, NOT_YOURS, TEACHERS_ONLY, HIDDEN, FIXED_FIELDS, KEPT_AS_MADE, OWN_WORDS_ONLY, LAST_TEACHER, TEACHER_ONLY_NOTE,
    LEARNERS_WORDS, LEARNERS_WORDS_REMOVE, LEARNER_DECIDES, LEARNER_AGREES, LEARNER_FIELDS, CLASS_TEACHERS,
    FRAMEWORK_TEACHERS, SELF_ASSESSMENT, ACCOUNTS_STAFF, NO_ACCOUNT_REMOVAL, OTHER_CHALLENGE, OTHER_ITEM,
    NOT_IN_CLASSES, SCHOOL_ADMINS, STAFF_PASSWORDS, OWN_PASSWORD, YEAR_KEPT, LEARNER_SHARES,
    LEARNER_RESOLVES, TEACHER_RESOLVES,
)


#: Each refusal's code: the name of its constant, in lower case ("sign_in_first").
CODES = {text: name.lower() for name, text in list(globals().items())
         if name.isupper() and isinstance(text, str) and text in MESSAGES}


class AccessDenied(UserError, PermissionError):
    """The actor may not do this. The message is one of ``MESSAGES``: it never quotes a row."""

    MESSAGES: ClassVar[Mapping[str, str]] = {code: text for text, code in CODES.items()}

    def __init__(self, reason: str, decision: Decision | None = None) -> None:
        super().__init__(CODES.get(reason, reason))
        self.reason = reason
        self.decision = decision


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str  # why not (one of MESSAGES), or the rule that allowed it

    def __bool__(self) -> bool:
        return self.allowed


@dataclass(frozen=True)
class Condition:
    """A named test of actor and row: the rules table prints the name."""

    name: str
    test: Callable[[Actor, Target], bool]


def _own(actor: Actor, t: Target) -> bool:
    return t.learner_id is not None and t.learner_id == actor.learner_id


ANY = Condition("yes", lambda a, t: True)
OWN = Condition("own profile", _own)
OWN_AUTHORED = Condition("own profile, written by them", lambda a, t: _own(a, t) and t.author_id == a.account_id)
NOT_LEARNERS_WORDS = Condition("not the learner's own words", lambda a, t: t.author_role is not Role.LEARNER)
NOT_TEACHERS_SUGGESTION = Condition("not a teacher's suggestion", lambda a, t: t.author_role is not Role.TEACHER)
OWN_ACCOUNT = Condition("their own account",
                        lambda a, t: t.row_id == a.account_id or (_own(a, t) and t.account_kind == "learner"))
LEARNER_OR_OWN_ACCOUNT = Condition("learners' accounts and their own",
                                   lambda a, t: t.account_kind == "learner" or t.row_id == a.account_id)
STAFF_NOT_LAST = Condition("a teacher's, not the last",
                           lambda a, t: t.account_kind in ("teacher", "admin") and not t.last_staff)
OWN_LEARNERS_WORDS = Condition("own profile, in the learner's words",
                                lambda a, t: _own(a, t) and t.author_role is Role.LEARNER)
SIGNED_IN = Condition("yes (anyone signed in)", lambda a, t: True)
OTHER_STAFF_ACCOUNT = Condition("another staff account",
                                lambda a, t: t.account_kind in ("teacher", "admin") and t.row_id != a.account_id)


def teaches(actor: Actor, t: Target) -> bool:
    """Whether ``actor`` teaches the row's learner: in one of their classes, or the school has no classes yet
    (``ALL_STAFF``). A row that belongs to no learner (a new learner, a staff account) is in no class: the rule
    of its kind decides alone. A learner's row without a scope is refused."""
    if t.learner_id is None or t.class_scope is ALL_STAFF:
        return True
    return isinstance(t.class_scope, frozenset) and actor.account_id in t.class_scope


@dataclass(frozen=True)
class Rule:
    condition: Condition
    #: The refusal when the condition does not hold (or a function of the row that says which).
    otherwise: str | Callable[[Target], str]
    #: Only for the learners of the actor's classes (``Target.class_scope``), when the learner is in a class.
    in_classes: bool = False

    def refusal(self, target: Target) -> str:
        return self.otherwise if isinstance(self.otherwise, str) else self.otherwise(target)


def _r(condition: Condition, otherwise: str | Callable[[Target], str] = NOT_YOURS) -> Rule:
    return Rule(condition, otherwise)


A, T, L = Who.ADMIN, Who.TEACHER, Who.LEARNER
_PROFILE_KINDS = (Kind.BACKPACK, Kind.CHOICE, Kind.GOAL, Kind.STEP, Kind.SUPPORT, Kind.EVIDENCE)
#: The kinds of row that carry the learner's say over who sees them (``store.models.FAMILY_SHAREABLE``).
SHAREABLE_KINDS = (Kind.ENTRY, Kind.BACKPACK, Kind.GOAL, Kind.CHECKIN, Kind.EVIDENCE)


def _staff(rule: Rule) -> dict[Who, Rule]:
    return {A: rule, T: rule}


def _build() -> dict[tuple[Kind, Action], dict[Who, Rule]]:
    rules: dict[tuple[Kind, Action], dict[Who, Rule]] = {}
    every = _r(ANY)
    # the learner row: staff manage learners; a learner reads themselves and changes two fields
    rules[Kind.LEARNER, Action.READ] = {**_staff(every), L: _r(OWN)}
    rules[Kind.LEARNER, Action.UPDATE] = {**_staff(every), L: _r(OWN)}
    for action in (Action.CREATE, Action.DELETE, Action.RESTORE, Action.PURGE):
        rules[Kind.LEARNER, action] = _staff(every)
    # accounts: staff set up, reset and remove them; the last one who can sign in stays
    rules[Kind.ACCOUNT, Action.READ] = {**_staff(every), L: _r(OWN_ACCOUNT)}
    rules[Kind.ACCOUNT, Action.CREATE] = _staff(every)
    rules[Kind.ACCOUNT, Action.UPDATE] = {A: every, T: _r(LEARNER_OR_OWN_ACCOUNT, ACCOUNTS_STAFF)}
    # a roster's teachers arrive without a password: a school admin sets one, which its owner replaces
    rules[Kind.ACCOUNT, Action.SET_PASSWORD] = {A: _r(OTHER_STAFF_ACCOUNT, OWN_PASSWORD)}
    rules[Kind.ACCOUNT, Action.DELETE] = _staff(_r(
        STAFF_NOT_LAST, lambda t: NO_ACCOUNT_REMOVAL if t.account_kind == "learner" else LAST_TEACHER))
    # the profile's words: the learner's own words stay theirs; a teacher suggests beside them
    rules[Kind.ENTRY, Action.READ] = {**_staff(every), L: _r(OWN)}
    rules[Kind.ENTRY, Action.CREATE] = {**_staff(every), L: _r(OWN)}
    rules[Kind.ENTRY, Action.UPDATE] = {**_staff(_r(NOT_LEARNERS_WORDS, LEARNERS_WORDS)), L: _r(OWN)}
    rules[Kind.ENTRY, Action.AGREE] = {**_staff(_r(NOT_TEACHERS_SUGGESTION, LEARNER_AGREES)), L: _r(OWN)}
    rules[Kind.ENTRY, Action.SUGGEST] = _staff(every)
    rules[Kind.ENTRY, Action.DECIDE] = {L: _r(OWN)}
    for action in (Action.DELETE, Action.RESTORE):
        rules[Kind.ENTRY, action] = {**_staff(_r(NOT_LEARNERS_WORDS, LEARNERS_WORDS_REMOVE)),
                                     L: _r(OWN_AUTHORED, OWN_WORDS_ONLY)}
    # backpack, voice and choice, goals and what hangs from them: co-designed
    for kind in _PROFILE_KINDS:
        rules[kind, Action.READ] = {**_staff(every), L: _r(OWN)}
        rules[kind, Action.CREATE] = {**_staff(every), L: _r(OWN)}
        if kind is not Kind.SUPPORT:  # a support is a link: made or taken away, never edited
            rules[kind, Action.UPDATE] = {**_staff(every), L: _r(OWN)}
        for action in (Action.DELETE, Action.RESTORE):
            rules[kind, action] = {**_staff(every),
                                   L: _r(OWN if kind is Kind.SUPPORT else OWN_AUTHORED, OWN_WORDS_ONLY)}
    for kind in (Kind.BACKPACK, Kind.CHOICE, Kind.GOAL):
        rules[kind, Action.AGREE] = {**_staff(_r(NOT_TEACHERS_SUGGESTION, LEARNER_AGREES)), L: _r(OWN)}
    # check-ins, assessments and their ratings: insert-only; a teacher may take a wrong one away
    for kind in (Kind.CHECKIN, Kind.ASSESSMENT, Kind.RATING):
        rules[kind, Action.READ] = {**_staff(every), L: _r(OWN)}
        rules[kind, Action.CREATE] = {**_staff(every), L: _r(OWN)}
        rules[kind, Action.DELETE] = _staff(every)
    # conference records are the teacher's, read by the learner they are about
    rules[Kind.CONFERENCE, Action.READ] = {**_staff(every), L: _r(OWN)}
    for action in (Action.CREATE, Action.UPDATE, Action.DELETE):
        rules[Kind.CONFERENCE, action] = _staff(every)
    rules[Kind.HISTORY, Action.READ] = {**_staff(every), L: _r(OWN)}
    rules[Kind.CLASS, Action.READ] = _staff(every)
    rules[Kind.FRAMEWORK, Action.READ] = {A: _r(SIGNED_IN), T: _r(SIGNED_IN), L: _r(SIGNED_IN)}
    rules[Kind.FRAMEWORK, Action.UPDATE] = _staff(every)
    # the school's structure: staff read it; a school admin (or a roster import run as one) changes it
    rules[Kind.SCHOOL, Action.READ] = _staff(every)
    for action in (Action.CREATE, Action.UPDATE, Action.DELETE):
        rules[Kind.SCHOOL, action] = {A: every}
    # a year's snapshot: read by the learner and their teachers; made only by the year change, never edited
    rules[Kind.SNAPSHOT, Action.READ] = {**_staff(every), L: _r(OWN)}
    # family contacts: staff who may read the learner read them; they come from the roster (a school admin's
    # import). A learner reads none of it, not even names: a roster's contact can be a parent the learner does
    # not live with or may not be given, and the roster does not say which.
    rules[Kind.FAMILY, Action.READ] = _staff(every)
    for action in (Action.CREATE, Action.UPDATE, Action.DELETE, Action.RESTORE):
        rules[Kind.FAMILY, action] = {A: every}
    # two versions written at once on two devices (sync): the learner decides for their own words, the teacher
    # for what a teacher wrote (as the co-design rules above: a teacher never overwrites a learner's words)
    for kind in (Kind.ENTRY, Kind.BACKPACK, Kind.CHOICE, Kind.GOAL, Kind.STEP, Kind.EVIDENCE):
        rules[kind, Action.RESOLVE] = {**_staff(_r(NOT_LEARNERS_WORDS, LEARNER_RESOLVES)),
                                       L: _r(OWN_LEARNERS_WORDS, TEACHER_RESOLVES)}
    rules[Kind.CONFERENCE, Action.RESOLVE] = _staff(every)
    # the learner's say: only the author of the learner's own words chooses whether their family sees them
    for kind in SHAREABLE_KINDS:
        rules[kind, Action.SHARE] = {L: _r(OWN_AUTHORED, LEARNER_SHARES)}
    # a piece of evidence is the learner's work whoever attached it (a teacher's photo of their model): the
    # learner chooses for every piece on their own goals; the family summary shows only what they shared
    rules[Kind.EVIDENCE, Action.SHARE] = {L: _r(OWN, LEARNER_SHARES)}
    # questions between conferences: a teacher asks the learners they teach; the learner answers in their words
    rules[Kind.QUESTION, Action.READ] = {**_staff(every), L: _r(OWN)}
    for action in (Action.CREATE, Action.DELETE):
        rules[Kind.QUESTION, action] = _staff(every)
    rules[Kind.ANSWER, Action.READ] = {**_staff(every), L: _r(OWN)}
    rules[Kind.ANSWER, Action.CREATE] = {L: _r(OWN)}
    rules[Kind.ANSWER, Action.DELETE] = {L: _r(OWN_AUTHORED, OWN_WORDS_ONLY)}
    return rules


def _in_classes(rules: dict[tuple[Kind, Action], dict[Who, Rule]]) -> dict[tuple[Kind, Action], dict[Who, Rule]]:
    """A teacher's rules hold for the learners of their classes (a school admin's for everyone's)."""
    for (kind, _action), by_role in rules.items():
        if T in by_role and kind not in (Kind.CLASS, Kind.FRAMEWORK, Kind.SCHOOL):
            by_role[T] = replace(by_role[T], in_classes=True)
    return rules


RULES = _in_classes(_build())

#: What each role may set when updating each kind of row. Never: ids, owner keys (``learner_id``,
#: ``goal_id``, ``parent_id`` …), authorship, versions, timestamps, tombstones, the teacher-only flag. A row's
#: agreement is set when it is made; after that it changes only through AGREE and DECIDE.
_ENTRY = frozenset({"text"})
_GOAL = frozenset({"statement", "why", "focus", "lens", "target_date", "status"})
_STEP = frozenset({"text", "owner", "due_date", "done", "done_at", "position"})
_BACKPACK = frozenset({"name", "kind", "lens", "challenge_id", "how_it_helps"})
_CHOICE = frozenset({"dimension", "availability", "text"})
_EVIDENCE = frozenset({"kind", "text", "location", "added_on"})
_CONFERENCE = frozenset({"held_on", "participants", "notes", "agreements", "next_checkin_on"})
_LEARNER_STAFF = frozenset({"given_name", "family_name", "preferred_name", "pronouns", "grade", "group_name",
                            "external_id"})
_LEARNER_SELF = frozenset({"preferred_name", "pronouns"})
#: ``carried_from``: a rating carried forward is a copy the store makes of earlier values, whoever saves.
_RATING_SELF = frozenset({"element_id", "learner_value", "note", "carried_from"})
_RATING_STAFF = _RATING_SELF | {"teacher_value", "agreed_value"}

WRITABLE: dict[tuple[Kind, Action, Who], frozenset[str]] = {}


def _writable(kind: Kind, fields: frozenset[str], *, learner: frozenset[str] | None = None,
              action: Action = Action.UPDATE) -> None:
    for role in (A, T):
        WRITABLE[kind, action, role] = fields
    WRITABLE[kind, action, L] = fields if learner is None else learner


_writable(Kind.ENTRY, _ENTRY)
_writable(Kind.GOAL, _GOAL)
_writable(Kind.STEP, _STEP)
_writable(Kind.BACKPACK, _BACKPACK)
_writable(Kind.CHOICE, _CHOICE)
#: *Best work* is the learner's own mark on their evidence (issue 20).
_writable(Kind.EVIDENCE, _EVIDENCE, learner=_EVIDENCE | {"best_work"})
_writable(Kind.CONFERENCE, _CONFERENCE, learner=frozenset())
for _kind in SHAREABLE_KINDS:  # SHARE sets this field and nothing else; no one sets it by an UPDATE
    _writable(_kind, frozenset(), learner=frozenset({"shared_with_family"}), action=Action.SHARE)
_writable(Kind.LEARNER, _LEARNER_STAFF, learner=_LEARNER_SELF)
_writable(Kind.ACCOUNT, frozenset({"display_name", "username"}), learner=frozenset())
#: A new rating names the values it sets: a learner's self-assessment sets only their own.
_writable(Kind.RATING, _RATING_STAFF, learner=_RATING_SELF, action=Action.CREATE)
#: Fields whose refusal has words of its own.
_FIELD_REASONS = {(Kind.LEARNER, L): LEARNER_FIELDS, (Kind.RATING, L): SELF_ASSESSMENT}


def decide(actor: Actor | None, action: Action, target: Target, fields: Iterable[str] = ()) -> Decision:
    """Allow or deny ``actor`` doing ``action`` to ``target`` (setting ``fields``, for a create or update)."""
    if actor is None:
        return Decision(False, SIGN_IN_FIRST)
    role = who(actor)
    if role is L and target.teacher_only:
        # teacher-only stays teacher-only, whatever the action: a learner learns nothing of it
        return Decision(False, TEACHER_ONLY_NOTE if action is Action.CREATE else HIDDEN)
    by_role = RULES.get((target.kind, action), {})
    rule = by_role.get(role)
    if rule is None:
        return Decision(False, _no_rule_reason(target.kind, action, role, by_role))
    if rule.in_classes and not teaches(actor, target):
        return Decision(False, NOT_IN_CLASSES)
    if not rule.condition.test(actor, target):
        return Decision(False, rule.refusal(target))
    wanted = frozenset(fields)
    if wanted:
        allowed = WRITABLE.get((target.kind, action, role))
        if allowed is None or not wanted <= allowed:
            return Decision(False, _FIELD_REASONS.get((target.kind, role), FIXED_FIELDS))
    return Decision(True, rule.condition.name)


def _no_rule_reason(kind: Kind, action: Action, role: Who, by_role: dict[Who, Rule]) -> str:
    if kind is Kind.SNAPSHOT:
        return YEAR_KEPT
    if not by_role:
        return KEPT_AS_MADE if kind in (Kind.CHECKIN, Kind.ASSESSMENT, Kind.RATING) else FIXED_FIELDS
    if kind is Kind.CLASS:
        return CLASS_TEACHERS
    if kind is Kind.FRAMEWORK:
        return FRAMEWORK_TEACHERS
    if kind is Kind.SCHOOL:
        return SCHOOL_ADMINS
    if kind is Kind.ACCOUNT:
        return STAFF_PASSWORDS if action is Action.SET_PASSWORD else ACCOUNTS_STAFF
    if action is Action.DECIDE:
        return LEARNER_DECIDES
    if action is Action.RESOLVE:
        return TEACHER_RESOLVES
    if action is Action.SHARE:
        return LEARNER_SHARES
    if kind is Kind.ANSWER:
        return NOT_YOURS
    return TEACHERS_ONLY


def require(actor: Actor | None, action: Action, target: Target, fields: Iterable[str] = ()) -> Decision:
    """``decide``, raising AccessDenied when it denies."""
    decision = decide(actor, action, target, fields)
    if not decision:
        raise AccessDenied(decision.reason, decision)
    return decision


def require_same_profile(learner_id: uuid.UUID | None, linked_learner_id: uuid.UUID | None, reason: str) -> None:
    """A link (a backpack item to a challenge, a goal to a backpack item) stays inside one learner's profile."""
    if learner_id is None or learner_id != linked_learner_id:
        raise AccessDenied(reason)


def table() -> str:
    """The rules as a Markdown table: one row per kind and action, one column per role."""
    roles = list(Who)
    lines = ["| kind | action | " + " | ".join(roles) + " | fields (staff / learner) |",
             "|---|---|" + "---|" * len(roles) + "---|"]
    for (kind, action), by_role in RULES.items():
        cells = [_cell(by_role[r]) if r in by_role else "no" for r in roles]
        staff = WRITABLE.get((kind, action, T))
        own = WRITABLE.get((kind, action, L))
        fields = "" if staff is None else f"{', '.join(sorted(staff)) or '–'} / {', '.join(sorted(own or ())) or '–'}"
        lines.append(f"| {kind} | {action} | " + " | ".join(cells) + f" | {fields} |")
    return "\n".join(lines) + "\n"


def _cell(rule: Rule) -> str:
    name = rule.condition.name
    return f"{name}, in their classes" if rule.in_classes else name


if __name__ == "__main__":
    print(table(), end="")
