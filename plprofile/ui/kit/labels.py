"""Human labels for the domain's values, all translatable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from plprofile.domain import profile as d

# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


def section(value: d.Section) -> str:
    return {
        d.Section.I_AM: translate("labels", "I am…"),
        d.Section.MY_WORDS: translate("labels", "Words I choose"),
        d.Section.STRENGTHS: translate("labels", "Strengths"),
        d.Section.CHALLENGES: translate("labels", "Challenges"),
        d.Section.INTERESTS: translate("labels", "Interests"),
        d.Section.ASPIRATIONS: translate("labels", "Aspirations"),
        d.Section.TALENTS: translate("labels", "Talents and passions"),
        d.Section.ACCESS_WORKS: translate("labels", "What works"),
        d.Section.ACCESS_BARRIERS: translate("labels", "What gets in the way"),
        d.Section.ENGAGE_WORKS: translate("labels", "What works"),
        d.Section.ENGAGE_BARRIERS: translate("labels", "What gets in the way"),
        d.Section.EXPRESS_WORKS: translate("labels", "What works"),
        d.Section.EXPRESS_BARRIERS: translate("labels", "What gets in the way"),
        d.Section.NEXT_CONFERENCE: translate("labels", "For my next conference"),
    }[d.Section(value)]


def section_in_full(value: d.Section | str) -> str:
    """A section named so it stands alone (history, lists): "Access: What works", "Strengths"."""
    which = d.Section(value)
    for lens_value, sections in d.LENS_SECTIONS.items():
        if which in sections:
            return translate("labels", "{lens}: {section}").format(lens=lens(lens_value), section=section(which))
    return section(which)


def section_hint(value: d.Section) -> str:
    return {
        d.Section.I_AM: translate("labels", "A short 'I am…' sentence, in your words"),
        d.Section.MY_WORDS: translate("labels", "A word that describes me"),
        d.Section.STRENGTHS: translate("labels", "Something I'm good at"),
        d.Section.CHALLENGES: translate("labels", "Something that is hard for me"),
        d.Section.INTERESTS: translate("labels", "Something I like or care about"),
        d.Section.ASPIRATIONS: translate("labels", "What I hope to do or become"),
        d.Section.TALENTS: translate("labels", "A talent or passion"),
        d.Section.NEXT_CONFERENCE: translate("labels", "Something I want to talk about or change next time"),
    }.get(d.Section(value), translate("labels", "Add it in your words"))


def lens(value: d.Lens | str | None) -> str:
    if not value:
        return "—"
    return {
        d.Lens.ACCESS: translate("labels", "Access"),
        d.Lens.ENGAGE: translate("labels", "Engage"),
        d.Lens.EXPRESS: translate("labels", "Express"),
    }[d.Lens(value)]


def lens_question(value: d.Lens) -> str:
    return {
        d.Lens.ACCESS: translate("labels", "How I best take in information"),
        d.Lens.ENGAGE: translate("labels", "What keeps me going"),
        d.Lens.EXPRESS: translate("labels", "How I best show what I know"),
    }[d.Lens(value)]


def role(value: d.Role | str) -> str:
    return {d.Role.LEARNER: translate("labels", "Learner"), d.Role.TEACHER: translate("labels", "Teacher")}.get(d.Role(value), str(value))


def owner(value: str) -> str:
    try:
        return role(d.Role(value))
    except ValueError:
        return value


def agreement(value: d.Agreement | str) -> str:
    return {
        d.Agreement.AGREED: translate("labels", "Agreed"),
        d.Agreement.SUGGESTION: translate("labels", "Suggestion"),
        d.Agreement.DECLINED: translate("labels", "Declined"),
        d.Agreement.ACCEPTED: translate("labels", "Accepted"),
    }[d.Agreement(value)]


def backpack_kind(value: d.BackpackKind | str) -> str:
    return {
        d.BackpackKind.TOOL: translate("labels", "Tool"),
        d.BackpackKind.APP: translate("labels", "App"),
        d.BackpackKind.STRATEGY: translate("labels", "Strategy"),
        d.BackpackKind.SKILL: translate("labels", "Skill"),
    }[d.BackpackKind(value)]


def dimension(value: d.ChoiceDimension | str) -> str:
    return {
        d.ChoiceDimension.WHAT: translate("labels", "What I learn (topic)"),
        d.ChoiceDimension.HOW: translate("labels", "How I learn (path, strategy)"),
        d.ChoiceDimension.PRODUCT: translate("labels", "How I show it (product)"),
        d.ChoiceDimension.PACE: translate("labels", "Pace"),
        d.ChoiceDimension.PLACE: translate("labels", "Place"),
        d.ChoiceDimension.WITH_WHOM: translate("labels", "With whom"),
        d.ChoiceDimension.WHEN: translate("labels", "When"),
    }[d.ChoiceDimension(value)]


def availability(value: d.ChoiceAvailability | str) -> str:
    return {
        d.ChoiceAvailability.TODAY: translate("labels", "I have this today"),
        d.ChoiceAvailability.ASKED: translate("labels", "I'm asking for this"),
    }[d.ChoiceAvailability(value)]


def focus(value: d.GoalFocus | str) -> str:
    return {
        d.GoalFocus.LEARNING: translate("labels", "Learning"),
        d.GoalFocus.PERSONAL: translate("labels", "Personal"),
        d.GoalFocus.COLLEGE_CAREER: translate("labels", "College and career"),
        d.GoalFocus.CITIZENSHIP: translate("labels", "Citizenship"),
    }[d.GoalFocus(value)]


def status(value: d.GoalStatus | str) -> str:
    return {
        d.GoalStatus.NOT_STARTED: translate("labels", "Not started"),
        d.GoalStatus.IN_PROGRESS: translate("labels", "In progress"),
        d.GoalStatus.ACHIEVED: translate("labels", "Achieved"),
        d.GoalStatus.REVISED: translate("labels", "Revised"),
        d.GoalStatus.SET_ASIDE: translate("labels", "Set aside"),
    }[d.GoalStatus(value)]


def evidence_kind(value: d.EvidenceKind | str) -> str:
    return {
        d.EvidenceKind.NOTE: translate("labels", "Note"),
        d.EvidenceKind.FILE: translate("labels", "File"),
        d.EvidenceKind.LINK: translate("labels", "Link"),
        d.EvidenceKind.PHOTO: translate("labels", "Photo"),
    }[d.EvidenceKind(value)]


def checkin_word(value: int) -> str:
    """How it's going, in the one set of words every view uses (form, home, chart, history, PDF)."""
    return {
        1: translate("labels", "Not yet"),
        2: translate("labels", "Getting started"),
        3: translate("labels", "On my way"),
        4: translate("labels", "Got it!"),
    }[int(value)]


def entity_label(entity: str) -> str:
    return {
        "learner": translate("history", "Details"),
        "account": translate("history", "Sign-in"),
        "profile_entry": translate("history", "Profile entry"),
        "backpack_item": translate("history", "Backpack"),
        "choice_option": translate("history", "Voice and choice"),
        "goal": translate("history", "Goal"),
        "action_step": translate("history", "Action step"),
        "goal_support": translate("history", "Goal support"),
        "evidence": translate("history", "Evidence"),
        "check_in": translate("history", "Check-in"),
        "conference": translate("history", "Conference"),
        "assessment": translate("history", "Stages assessment"),
        "assessment_rating": translate("history", "Stages rating"),
        "conference_slot": translate("history", "Conference day planned"),
        "question": translate("history", "Question from the teacher"),
        "question_answer": translate("history", "Answer to a question"),
    }.get(entity, entity)


def field_label(field: str) -> str:
    """A changed field in words ("preferred name"); a field not listed here shows as it is stored."""
    return {
        "given_name": translate("history", "given name"),
        "family_name": translate("history", "family name"),
        "preferred_name": translate("history", "preferred name"),
        "pronouns": translate("history", "pronouns"),
        "grade": translate("history", "grade"),
        "group_name": translate("history", "group"),
        "external_id": translate("history", "student ID"),
        "text": translate("history", "text"),
        "agreement": translate("history", "agreement"),
        "teacher_only": translate("history", "teacher only"),
        "shared_with_family": translate("history", "who sees it"),
        "statement": translate("history", "statement"),
        "why": translate("history", "why"),
        "focus": translate("history", "focus"),
        "lens": translate("history", "lens"),
        "target_date": translate("history", "target date"),
        "status": translate("history", "status"),
        "done": translate("history", "done"),
        "done_at": translate("history", "done on"),
        "owner": translate("history", "who"),
        "due_date": translate("history", "due date"),
        "held_on": translate("history", "date"),
        "participants": translate("history", "who took part"),
        "notes": translate("history", "notes"),
        "agreements": translate("history", "agreements"),
        "next_checkin_on": translate("history", "next check-in"),
    }.get(field, field.replace("_", " "))


def checkin_scale(value: int) -> str:
    """The check-in word with its place on the scale: "3 · On my way"."""
    return translate("labels", "{value} · {word}").format(value=int(value), word=checkin_word(value))
