"""Human labels for the domain's values, all translatable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from plprofile.domain import profile as d


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def section(value: d.Section) -> str:
    return {
        d.Section.I_AM: _t("I am…"),
        d.Section.MY_WORDS: _t("Words I choose"),
        d.Section.STRENGTHS: _t("Strengths"),
        d.Section.CHALLENGES: _t("Challenges"),
        d.Section.INTERESTS: _t("Interests"),
        d.Section.ASPIRATIONS: _t("Aspirations"),
        d.Section.TALENTS: _t("Talents and passions"),
        d.Section.ACCESS_WORKS: _t("What works"),
        d.Section.ACCESS_BARRIERS: _t("What gets in the way"),
        d.Section.ENGAGE_WORKS: _t("What works"),
        d.Section.ENGAGE_BARRIERS: _t("What gets in the way"),
        d.Section.EXPRESS_WORKS: _t("What works"),
        d.Section.EXPRESS_BARRIERS: _t("What gets in the way"),
        d.Section.NEXT_CONFERENCE: _t("For my next conference"),
    }[d.Section(value)]


def section_hint(value: d.Section) -> str:
    return {
        d.Section.I_AM: _t("A short 'I am…' statement in the learner's words"),
        d.Section.MY_WORDS: _t("A word that describes me"),
        d.Section.STRENGTHS: _t("Something I'm good at"),
        d.Section.CHALLENGES: _t("Something that is hard for me"),
        d.Section.INTERESTS: _t("Something I like or care about"),
        d.Section.ASPIRATIONS: _t("What I hope to do or become"),
        d.Section.TALENTS: _t("A talent or passion"),
        d.Section.NEXT_CONFERENCE: _t("Something I want to talk about or change next time"),
    }.get(d.Section(value), _t("Add in the learner's words"))


def lens(value: d.Lens | str | None) -> str:
    if not value:
        return "—"
    return {
        d.Lens.ACCESS: _t("Access"),
        d.Lens.ENGAGE: _t("Engage"),
        d.Lens.EXPRESS: _t("Express"),
    }[d.Lens(value)]


def lens_question(value: d.Lens) -> str:
    return {
        d.Lens.ACCESS: _t("How I best take in information"),
        d.Lens.ENGAGE: _t("What keeps me going"),
        d.Lens.EXPRESS: _t("How I best show what I know"),
    }[d.Lens(value)]


def role(value: d.Role | str) -> str:
    return {d.Role.LEARNER: _t("Learner"), d.Role.TEACHER: _t("Teacher")}.get(d.Role(value), str(value))


def owner(value: str) -> str:
    try:
        return role(d.Role(value))
    except ValueError:
        return value


def agreement(value: d.Agreement | str) -> str:
    return {
        d.Agreement.AGREED: _t("Agreed"),
        d.Agreement.SUGGESTION: _t("Suggestion"),
        d.Agreement.DECLINED: _t("Declined"),
        d.Agreement.ACCEPTED: _t("Accepted"),
    }[d.Agreement(value)]


def backpack_kind(value: d.BackpackKind | str) -> str:
    return {
        d.BackpackKind.TOOL: _t("Tool"),
        d.BackpackKind.APP: _t("App"),
        d.BackpackKind.STRATEGY: _t("Strategy"),
        d.BackpackKind.SKILL: _t("Skill"),
    }[d.BackpackKind(value)]


def dimension(value: d.ChoiceDimension | str) -> str:
    return {
        d.ChoiceDimension.WHAT: _t("What I learn (topic)"),
        d.ChoiceDimension.HOW: _t("How I learn (path, strategy)"),
        d.ChoiceDimension.PRODUCT: _t("How I show it (product)"),
        d.ChoiceDimension.PACE: _t("Pace"),
        d.ChoiceDimension.PLACE: _t("Place"),
        d.ChoiceDimension.WITH_WHOM: _t("With whom"),
        d.ChoiceDimension.WHEN: _t("When"),
    }[d.ChoiceDimension(value)]


def availability(value: d.ChoiceAvailability | str) -> str:
    return {
        d.ChoiceAvailability.TODAY: _t("I have this today"),
        d.ChoiceAvailability.ASKED: _t("I'm asking for this"),
    }[d.ChoiceAvailability(value)]


def focus(value: d.GoalFocus | str) -> str:
    return {
        d.GoalFocus.LEARNING: _t("Learning"),
        d.GoalFocus.PERSONAL: _t("Personal"),
        d.GoalFocus.COLLEGE_CAREER: _t("College and career"),
        d.GoalFocus.CITIZENSHIP: _t("Citizenship"),
    }[d.GoalFocus(value)]


def status(value: d.GoalStatus | str) -> str:
    return {
        d.GoalStatus.NOT_STARTED: _t("Not started"),
        d.GoalStatus.IN_PROGRESS: _t("In progress"),
        d.GoalStatus.ACHIEVED: _t("Achieved"),
        d.GoalStatus.REVISED: _t("Revised"),
        d.GoalStatus.SET_ASIDE: _t("Set aside"),
    }[d.GoalStatus(value)]


def evidence_kind(value: d.EvidenceKind | str) -> str:
    return {
        d.EvidenceKind.NOTE: _t("Note"),
        d.EvidenceKind.FILE: _t("File"),
        d.EvidenceKind.LINK: _t("Link"),
        d.EvidenceKind.PHOTO: _t("Photo"),
    }[d.EvidenceKind(value)]


def checkin_scale(value: int) -> str:
    return {
        1: _t("1 · Not yet"),
        2: _t("2 · Getting started"),
        3: _t("3 · On my way"),
        4: _t("4 · Got it!"),
    }[int(value)]
