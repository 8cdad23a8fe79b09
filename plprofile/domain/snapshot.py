"""The class learning snapshot: learners' own words grouped by the framework's option lists, counted by learner.

Pure Python. The grouping is meant to be explained to a teacher in one sentence: a text belongs to an option
when one of the option's words appears in it as a whole word (a plural "s"/"es" allowed; a word written with
``*`` also matches longer words), after both are folded (``domain.search.fold``: no case, accents or
apostrophes) and punctuation is made spaces. A text may belong to several options. A text that matches no
option is grouped with the texts that fold to the same words ("Minecraft!" and "minecraft"). Every figure is
a number of learners, never of entries, and keeps who they are.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .framework import FALLBACK_LANG, Option
from .search import fold

#: The snapshot's panels, in the order a teacher reads them, with the option list each one groups by.
PANELS: tuple[tuple[str, str], ...] = (
    ("access", "access"), ("engage", "engage"), ("express", "express"), ("barriers", "barriers"),
    ("interests", "interests"), ("aspirations", "aspirations"), ("backpack", "backpack"),
    ("choice_asked", "choice"),
)
#: The profile sections each panel reads (the choice and backpack panels read their own rows).
SECTION_PANELS: dict[str, str] = {
    "access_works": "access", "engage_works": "engage", "express_works": "express",
    "access_barriers": "barriers", "engage_barriers": "barriers", "express_barriers": "barriers",
    "interests": "interests", "aspirations": "aspirations",
}
#: Panels that show only what many share: a group needs this many learners to be shown.
SHARED_PANELS = frozenset({"interests", "aspirations"})
MIN_SHARED = 2

_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """``text`` folded, with every run of punctuation and spaces made one space."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


@lru_cache(maxsize=4096)
def _pattern(word: str) -> re.Pattern[str]:
    stem = word.endswith("*")
    body = normalise(word.rstrip("*"))
    tail = r"\w*" if stem else r"(?:s|es)?"
    return re.compile(r"(?<!\w)" + re.escape(body) + tail + r"(?!\w)")


def matched_word(normalised: str, option: Option) -> str | None:
    """The first of ``option``'s words found in a normalised text, or None."""
    for word in option.match:
        if _pattern(word).search(normalised):
            return word
    return None


@dataclass(frozen=True)
class Group:
    """One figure: an option (``option_id``) or one wording (``option_id`` None), and the learners behind it."""

    key: str
    label: str
    learners: frozenset[uuid.UUID]
    option_id: str | None = None
    #: Why these texts are here: the option's words that matched, or the folded wording itself.
    why: tuple[str, ...] = ()
    #: The learners' own wordings grouped here (at most a few, for the table's tooltip).
    wordings: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.learners)


@dataclass
class Snapshot:
    """The figures of a class (or group, or all of a teacher's learners): panel id → groups, most learners
    first; ``learners``: everyone the snapshot is about."""

    learners: frozenset[uuid.UUID]
    panels: dict[str, list[Group]] = field(default_factory=dict)
    #: Strategies of the bank: (strategy id, label, learners who tried it, learners who said it helped).
    strategies: list[tuple[str, str, frozenset[uuid.UUID], frozenset[uuid.UUID]]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.learners)


class Grouper:
    """Groups texts by one option list, matching each distinct normalised text once (a school repeats itself)."""

    def __init__(self, options: Sequence[Option], lang: str = FALLBACK_LANG) -> None:
        self.options = tuple(options)
        self.lang = lang
        self._seen: dict[str, tuple[tuple[Option, str], ...]] = {}
        self._texts: dict[str, tuple[str, tuple[tuple[Option, str], ...]]] = {}

    def match(self, text: str) -> tuple[str, tuple[tuple[Option, str], ...]]:
        """``text`` normalised and the options it belongs to (with the word that matched each)."""
        known = self._texts.get(text)
        if known is not None:
            return known
        norm = normalise(text)
        found = self._seen.get(norm)
        if found is None:
            found = self._seen[norm] = tuple(
                (o, w) for o in self.options if (w := matched_word(norm, o)) is not None)
        self._texts[text] = (norm, found)
        return norm, found

    def group(self, items: Iterable[tuple[uuid.UUID, str]], min_learners: int = 1) -> list[Group]:
        """``items`` (learner, text) as groups of learners, most learners first, then by label."""
        by_text: dict[str, set[uuid.UUID]] = {}
        for learner, text in items:
            by_text.setdefault(text, set()).add(learner)
        return self.group_sets(by_text.items(), min_learners)

    def group_sets(self, items: Iterable[tuple[str, Collection[uuid.UUID]]], min_learners: int = 1) -> list[Group]:
        """``group`` of (text, the learners who wrote it): each distinct text once (a whole school's words come
        from the store so, grouped by text)."""
        by_option: dict[str, set[uuid.UUID]] = {}
        why: dict[str, set[str]] = {}
        wordings: dict[str, dict[str, None]] = {}
        by_text: dict[str, set[uuid.UUID]] = {}
        first_wording: dict[str, str] = {}
        for text, learners in items:
            norm, found = self.match(text)
            if not norm or not learners:
                continue
            if found:
                for option, word in found:
                    by_option.setdefault(option.id, set()).update(learners)
                    why.setdefault(option.id, set()).add(word)
                    seen = wordings.setdefault(option.id, {})
                    if len(seen) < 5:
                        seen.setdefault(text.strip(), None)
            else:
                by_text.setdefault(norm, set()).update(learners)
                first_wording.setdefault(norm, text.strip())
        options = {o.id: o for o in self.options}
        groups = [Group(f"option:{oid}", options[oid].text(self.lang), frozenset(who), oid,
                        tuple(sorted(why[oid])), tuple(wordings[oid])) for oid, who in by_option.items()]
        groups += [Group(f"text:{norm}", first_wording[norm], frozenset(who), None, (norm,), (first_wording[norm],))
                   for norm, who in by_text.items()]
        groups = [g for g in groups if g.count >= min_learners]
        groups.sort(key=lambda g: (-g.count, g.option_id is None, g.label.casefold()))
        return groups


def asked_not_given_sets(choices: Iterable[tuple[str, str, str, Collection[uuid.UUID]]], grouper: Grouper
                         ) -> list[tuple[str, frozenset[uuid.UUID]]]:
    """``asked_not_given`` of grouped rows (dimension, availability, text, the learners with that row): (text,
    the learners who still ask for it), worked out with sets (who has each option ``today`` per dimension)."""
    given: dict[tuple[str, str], set[uuid.UUID]] = {}
    asked: list[tuple[str, str, Collection[uuid.UUID], frozenset[str]]] = []
    for dimension, availability, text, learners in choices:
        norm, found = grouper.match(text)
        keys = frozenset(o.id for o, _ in found) or frozenset({"text:" + norm})
        if availability == "today":
            for k in keys:
                given.setdefault((dimension, k), set()).update(learners)
        elif availability == "asked":
            asked.append((dimension, text, learners, keys))
    result = []
    for dimension, text, learners, keys in asked:
        # a learner still asks unless they have, in the same dimension, every option the text groups under
        have = set.intersection(*(given.get((dimension, k), set()) for k in keys))
        still = frozenset(learners) - have
        if still:
            result.append((text, still))
    return result


def asked_not_given(choices: Iterable[tuple[uuid.UUID, str, str, str]], grouper: Grouper
                    ) -> list[tuple[uuid.UUID, str, str]]:
    """Voice-and-choice options a learner asks for (``asked``) that they do not have yet: no option they have
    ``today`` in the same dimension groups the same way. ``choices``: (learner, dimension, availability,
    text); returns (learner, dimension, text) of what is still asked for."""
    given: set[tuple[uuid.UUID, str, str]] = set()
    asked: list[tuple[uuid.UUID, str, str, frozenset[str]]] = []
    for learner, dimension, availability, text in choices:
        norm, found = grouper.match(text)
        keys = frozenset(o.id for o, _ in found) or frozenset({"text:" + norm})
        if availability == "today":
            given.update((learner, dimension, k) for k in keys)
        elif availability == "asked":
            asked.append((learner, dimension, text, keys))
    return [(learner, dimension, text) for learner, dimension, text, keys in asked
            if not all((learner, dimension, k) in given for k in keys)]


__all__ = ["MIN_SHARED", "PANELS", "SECTION_PANELS", "SHARED_PANELS", "Group", "Grouper", "Snapshot",
           "asked_not_given", "asked_not_given_sets", "matched_word", "normalise"]
