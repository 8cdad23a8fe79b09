"""The Personal Learner Profile: its sections, lenses, goals and the rules of co-design.

Pure Python: no Qt, no SQL. The store keeps these values as plain strings; the UI shows their labels.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from .errors import QT_TRANSLATE_NOOP, UserError

MAX_ENTRY_CHARS = 2000
MAX_NAME_CHARS = 200


class Role(StrEnum):
    """Who wrote an entry."""

    LEARNER = "learner"
    TEACHER = "teacher"


class Agreement(StrEnum):
    """Whether both agree on an entry, or it still waits for the learner."""

    AGREED = "agreed"
    SUGGESTION = "suggestion"
    DECLINED = "declined"
    ACCEPTED = "accepted"  # a suggestion whose text the learner took into their own entry


class Section(StrEnum):
    """Every free-text section of the profile, stored as rows of ``ProfileEntry``."""

    I_AM = "i_am"
    MY_WORDS = "my_words"
    STRENGTHS = "strengths"
    CHALLENGES = "challenges"
    INTERESTS = "interests"
    ASPIRATIONS = "aspirations"
    TALENTS = "talents"
    ACCESS_WORKS = "access_works"
    ACCESS_BARRIERS = "access_barriers"
    ENGAGE_WORKS = "engage_works"
    ENGAGE_BARRIERS = "engage_barriers"
    EXPRESS_WORKS = "express_works"
    EXPRESS_BARRIERS = "express_barriers"
    NEXT_CONFERENCE = "next_conference"  # what the learner proposes to talk about or change next time


class Lens(StrEnum):
    """The three UDL lenses."""

    ACCESS = "access"
    ENGAGE = "engage"
    EXPRESS = "express"


LENS_SECTIONS: dict[Lens, tuple[Section, Section]] = {
    Lens.ACCESS: (Section.ACCESS_WORKS, Section.ACCESS_BARRIERS),
    Lens.ENGAGE: (Section.ENGAGE_WORKS, Section.ENGAGE_BARRIERS),
    Lens.EXPRESS: (Section.EXPRESS_WORKS, Section.EXPRESS_BARRIERS),
}

ABOUT_SECTIONS = (Section.STRENGTHS, Section.CHALLENGES, Section.INTERESTS, Section.ASPIRATIONS, Section.TALENTS)


class BackpackKind(StrEnum):
    TOOL = "tool"
    APP = "app"
    STRATEGY = "strategy"
    SKILL = "skill"


class ChoiceDimension(StrEnum):
    """What a learner can have a say in."""

    WHAT = "what"
    HOW = "how"
    PRODUCT = "product"
    PACE = "pace"
    PLACE = "place"
    WITH_WHOM = "with_whom"
    WHEN = "when"


class ChoiceAvailability(StrEnum):
    TODAY = "today"  # an option the learner has now
    ASKED = "asked"  # an option the learner is asking for


class GoalFocus(StrEnum):
    LEARNING = "learning"
    PERSONAL = "personal"
    COLLEGE_CAREER = "college_career"
    CITIZENSHIP = "citizenship"


class GoalStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    REVISED = "revised"
    SET_ASIDE = "set_aside"


class EvidenceKind(StrEnum):
    NOTE = "note"
    FILE = "file"
    LINK = "link"
    PHOTO = "photo"


class ConferenceLead(StrEnum):
    """Who leads a conference: the teacher, or the learner from their own short agenda (student-led)."""

    TEACHER = "teacher"
    LEARNER = "learner"


class Speaker(StrEnum):
    """Who said something at a conference."""

    LEARNER = "learner"
    FAMILY = "family"
    TEACHER = "teacher"


class RemarkKind(StrEnum):
    """What a conference remark is: one of the learner's agenda items, or a comment or a commitment."""

    PROUD = "proud"  # what I am proud of
    EVIDENCE = "evidence"  # evidence I chose
    GOAL = "goal"  # a goal I am working on
    NEED = "need"  # what I need
    COMMENT = "comment"  # something someone said
    COMMITMENT = "commitment"  # something someone will do


#: The learner's agenda in a student-led conference, in the order they talk about it.
LEARNER_AGENDA: tuple[RemarkKind, ...] = (RemarkKind.PROUD, RemarkKind.EVIDENCE, RemarkKind.GOAL, RemarkKind.NEED)


#: The check-in scale: how is it going? (1 = not yet, 4 = got it)
CHECKIN_SCALE: tuple[int, ...] = (1, 2, 3, 4)


class ValidationError(UserError, ValueError):
    """Input a person typed that cannot be stored; the message says what to fix. ``field`` names the input."""

    MESSAGES: ClassVar[Mapping[str, str]] = {
        "empty": QT_TRANSLATE_NOOP("services", "{field} cannot be empty."),
        "too_long": QT_TRANSLATE_NOOP("services", "{field} is too long ({n} characters, at most {limit})."),
        "invalid_character": QT_TRANSLATE_NOOP("services", "{field} contains an invalid character."),
        "already_decided": QT_TRANSLATE_NOOP("services", "This was already decided; the list shows what is left."),
        "password_short": QT_TRANSLATE_NOOP("services", "A password needs at least {n} characters."),
        "password_long": QT_TRANSLATE_NOOP("services", "A password can have at most {n} characters."),
        "password_character": QT_TRANSLATE_NOOP("services", "The password contains an invalid character."),
        "password_wrong": QT_TRANSLATE_NOOP("services", "The current password is not right."),
        "password_current_first": QT_TRANSLATE_NOOP("services", "Change your password with your current one."),
        "password_own": QT_TRANSLATE_NOOP("services", "Choose a password of your own, not the one you were given."),
        "pin_digits": QT_TRANSLATE_NOOP("services", "A PIN is 4 to 8 digits."),
        "username_empty": QT_TRANSLATE_NOOP("services", "The sign-in name cannot be empty."),
        "username_form": QT_TRANSLATE_NOOP("services", "A sign-in name is one word of at most 100 characters, "
                                                       "without spaces."),
        "username_taken": QT_TRANSLATE_NOOP("services", "The sign-in name “{name}” is taken; choose another."),
        "has_teacher": QT_TRANSLATE_NOOP("services", "This store already has a teacher account."),
        "no_teacher": QT_TRANSLATE_NOOP("services", "This store holds learners' profiles but no teacher account. "
                                                    "Restore a backup from before the accounts were lost, or ask "
                                                    "whoever looks after the school's computers."),
        "id_taken": QT_TRANSLATE_NOOP("services", "Another learner already has the ID “{id}”."),
        "ids_taken": QT_TRANSLATE_NOOP("services", "{n} learner(s) in the file are already in the class (IDs "
                                                   "{ids})."),
        "not_waiting": QT_TRANSLATE_NOOP("services", "This entry is not waiting for a decision."),
        "checkin_scale": QT_TRANSLATE_NOOP("services", "How it's going must be between {low} and {high}."),
        "next_checkin": QT_TRANSLATE_NOOP("services", "The next check-in date cannot be before the conference."),
        "rate_one": QT_TRANSLATE_NOOP("services", "Rate at least one element before saving."),
        "not_an_element": QT_TRANSLATE_NOOP("services", "“{element}” is not an element of {framework}."),
        "rated_twice": QT_TRANSLATE_NOOP("services", "“{element}” is rated twice."),
        "element_value": QT_TRANSLATE_NOOP("services", "{element}: {problem}"),
        "preview_stale": QT_TRANSLATE_NOOP("services", "The store changed since the preview. Nothing was imported; "
                                                       "import the set again."),
        "day_off_taken": QT_TRANSLATE_NOOP("services", "{day} is already a day off."),
        "strategy_how": QT_TRANSLATE_NOOP("services", "Did it help? The answer is yes, a bit or no."),
        # the school year's change
        "year_not_after": QT_TRANSLATE_NOOP("services", "A new school year starts after the current one ({title}, "
                                                        "from {start})."),
        "year_already": QT_TRANSLATE_NOOP("services", "The school is already in {title}."),
        "goal_not_open": QT_TRANSLATE_NOOP("services", "Only an open goal of the preview can be closed."),
        "year_stale": QT_TRANSLATE_NOOP("services", "The store changed since the preview. Nothing was changed; look "
                                                    "at the new school year again."),
        "no_one_asked": QT_TRANSLATE_NOOP("services", "Choose who to ask first."),
    }

    def __init__(self, field: str, code: str, /, **arguments: object) -> None:
        super().__init__(code, **arguments)
        self.field = field


def _field_name(field: str) -> str:
    """"given_name" -> "Given name": the English label; the UI puts its own (``ValidationError.field``)."""
    return field.replace("_", " ").capitalize()


def clean_text(value: str | None, *, field: str, required: bool = True, limit: int = MAX_ENTRY_CHARS) -> str:
    """Trim ``value``; refuse empty required text and overlong text with a clear message."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(field, "empty", field=_field_name(field))
    if len(text) > limit:
        raise ValidationError(field, "too_long", field=_field_name(field), n=len(text), limit=limit)
    if "\x00" in text:
        raise ValidationError(field, "invalid_character", field=_field_name(field))
    return text


def default_agreement(role: Role) -> Agreement:
    """A learner's own words stand as agreed; a teacher's entry waits for the learner."""
    return Agreement.AGREED if role is Role.LEARNER else Agreement.SUGGESTION


def can_decide_suggestion(role: Role) -> bool:
    """Only the learner accepts or declines a teacher's suggestion."""
    return role is Role.LEARNER


@dataclass(frozen=True)
class Actor:
    """Who is acting: the account and the role it writes in."""

    account_id: uuid.UUID
    role: Role
    learner_id: uuid.UUID | None = None  # set when the actor is a learner
    #: The teacher signed in when a learner writes in the teacher's session (at a conference, "learner is
    #: writing"): the learner authors the words, and the change log also keeps whose session it was.
    signed_in_id: uuid.UUID | None = None
    #: A school admin: a teacher's rights, and every account's (see ``domain.policy``).
    admin: bool = False
