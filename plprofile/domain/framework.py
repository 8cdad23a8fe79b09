"""The Stages framework: a rubric of elements placed at stages, loaded from versioned JSON.

Pure Python: no Qt, no SQL. The format is documented in ``resources/frameworks/SCHEMA.md``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from .errors import QT_TRANSLATE_NOOP, UserError

#: The framework file format this code reads.
FORMAT = 1
#: The file name of the framework shipped with the app.
DEFAULT_FRAMEWORK_FILE = "default-stages.json"
#: Fallback language for every localized text.
FALLBACK_LANG = "en"
#: A scale with more steps than this is surely a typo (a step of 0.0001, say).
MAX_SCALE_VALUES = 101


class FrameworkError(UserError, ValueError):
    """A framework file that cannot be used; the message names the place (``where``, the file's own words: a
    key path) and what is wrong, in the reader's language."""

    MESSAGES: ClassVar[Mapping[str, str]] = {
        "not_utf8": QT_TRANSLATE_NOOP("services", "the file is not UTF-8 text"),
        "unreadable": QT_TRANSLATE_NOOP("services", "cannot read the file ({reason})"),
        "bad_json": QT_TRANSLATE_NOOP("services", "not valid JSON at line {line}, column {column}: {reason}"),
        "too_deep": QT_TRANSLATE_NOOP("services", "the JSON is nested too deeply"),
        "duplicate_key": QT_TRANSLATE_NOOP("services", 'the key "{key}" appears twice in the same object'),
        "no_format": QT_TRANSLATE_NOOP("services", 'missing "format" (this app reads format {known})'),
        "not_whole": QT_TRANSLATE_NOOP("services", "must be a whole number, not {shown}"),
        "format_newer": QT_TRANSLATE_NOOP("services", "format {format} is newer than this app can read (format "
                                                      "{known}); update plprofile"),
        "format_unknown": QT_TRANSLATE_NOOP("services", "format {format} is not a known format"),
        "not_object": QT_TRANSLATE_NOOP("services", "must be an object {{...}}, not {shown}"),
        "no_stages": QT_TRANSLATE_NOOP("services", "missing stages: a framework needs at least one stage"),
        "no_stages_empty": QT_TRANSLATE_NOOP("services", "missing stages: a framework needs at least one stage: the "
                                                         "list is empty"),
        "no_groups": QT_TRANSLATE_NOOP("services", "missing groups: a framework needs at least one group"),
        "no_groups_empty": QT_TRANSLATE_NOOP("services", "missing groups: a framework needs at least one group: the "
                                                         "list is empty"),
        "no_elements": QT_TRANSLATE_NOOP("services", "missing elements: a framework needs at least one element"),
        "no_elements_empty": QT_TRANSLATE_NOOP("services", "missing elements: a framework needs at least one "
                                                           "element: the list is empty"),
        "not_list": QT_TRANSLATE_NOOP("services", "must be a list [...], not {shown}"),
        "missing": QT_TRANSLATE_NOOP("services", "missing"),
        "not_text": QT_TRANSLATE_NOOP("services", "must be text, not {shown}"),
        "empty": QT_TRANSLATE_NOOP("services", "is empty"),
        "spaces": QT_TRANSLATE_NOOP("services", '"{value}" has spaces at the start or end'),
        "no_localized": QT_TRANSLATE_NOOP("services", 'missing (write it as {{"en": "...", "es": "..."}})'),
        "not_localized": QT_TRANSLATE_NOOP("services", 'must be an object like {{"en": "...", "es": "..."}}, not '
                                                       "{shown}"),
        "bad_language": QT_TRANSLATE_NOOP("services", 'language codes must be text like "en", not {shown}'),
        "all_empty": QT_TRANSLATE_NOOP("services", "is empty: write the text in at least one language"),
        "not_number": QT_TRANSLATE_NOOP("services", "must be a number, not {shown}"),
        "not_finite": QT_TRANSLATE_NOOP("services", "must be a finite number, not {value}"),
        "no_scale": QT_TRANSLATE_NOOP("services", 'missing (e.g. {{"min": 1, "max": 3, "step": 0.5}})'),
        "min_max": QT_TRANSLATE_NOOP("services", "min ({low}) must be smaller than max ({high})"),
        "step_positive": QT_TRANSLATE_NOOP("services", "step must be greater than 0, not {step}"),
        "too_many": QT_TRANSLATE_NOOP("services", "step {step} gives too many values from {low} to {high}; at most "
                                                  "{most}"),
        "uneven": QT_TRANSLATE_NOOP("services", "step {step} does not divide the range {low} to {high} evenly"),
        "not_stage_number": QT_TRANSLATE_NOOP("services", '"{raw}" is not a stage value (use numbers like "1" or '
                                                          '"1.5")'),
        "not_stage": QT_TRANSLATE_NOOP("services", '"{raw}" is not a stage value'),
        "outside": QT_TRANSLATE_NOOP("services", "stage value {value} is outside the scale (allowed: {allowed})"),
        "stage_twice": QT_TRANSLATE_NOOP("services", "stage value {value} appears twice"),
        "duplicate_group": QT_TRANSLATE_NOOP("services", 'duplicate group id "{id}"'),
        "duplicate_element": QT_TRANSLATE_NOOP("services", 'duplicate element id "{id}"'),
        "unknown_group": QT_TRANSLATE_NOOP("services", 'unknown group "{group}" (groups: {groups})'),
        "no_descriptors": QT_TRANSLATE_NOOP("services", "missing descriptors"),
        "second_descriptor": QT_TRANSLATE_NOOP("services", "a second descriptor for stage value {value}"),
        "missing_descriptors": QT_TRANSLATE_NOOP("services", "missing descriptors for stage {stages}"),
        "duplicate_id": QT_TRANSLATE_NOOP("services", 'duplicate id "{id}"'),
        "not_words": QT_TRANSLATE_NOOP("services", "must be a list of words"),
        "not_option_ids": QT_TRANSLATE_NOOP("services", "must be a list of option ids"),
    }

    def __init__(self, code: str, where: str = "", /, **arguments: object) -> None:
        super().__init__(code, **arguments)
        self.where = where

    def message(self, *, translate: bool = True, **overrides: object) -> str:
        text = super().message(translate=translate, **overrides)
        return f"{self.where}: {text}" if self.where else text


class JsonKind(UserError):
    """What a framework file holds where it should hold something else, in the reader's language."""

    MESSAGES: ClassVar[Mapping[str, str]] = {
        "object": QT_TRANSLATE_NOOP("services", "an object"),
        "list": QT_TRANSLATE_NOOP("services", "a list"),
        "text": QT_TRANSLATE_NOOP("services", "text"),
        "boolean": QT_TRANSLATE_NOOP("services", "true/false"),
        "null": QT_TRANSLATE_NOOP("services", "null"),
        "number": QT_TRANSLATE_NOOP("services", "the number {value}"),
    }


@dataclass(frozen=True)
class LocalizedText:
    """A human text in several languages, e.g. ``{"en": "Voice", "es": "Voz"}``."""

    items: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, mapping: Mapping[str, str]) -> LocalizedText:
        return cls(tuple(mapping.items()))

    def get(self, lang: str = FALLBACK_LANG) -> str:
        """The text in ``lang`` (``"es-MX"`` also tries ``"es"``), else English, else any; ``""`` if none."""
        texts = {k: v for k, v in self.items if v.strip()}
        for key in (lang, lang.split("-")[0].split("_")[0], FALLBACK_LANG):
            if key in texts:
                return texts[key]
        return next(iter(texts.values()), "")

    def languages(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.items)

    def __str__(self) -> str:
        return self.get()


@dataclass(frozen=True)
class Scale:
    """The values an element can take: ``min`` to ``max`` in ``step``s."""

    min: float = 1.0
    max: float = 3.0
    step: float = 0.5

    def values(self) -> tuple[float, ...]:
        count = round((self.max - self.min) / self.step)
        return tuple(round(self.min + i * self.step, 9) for i in range(count + 1))

    def snap(self, value: float) -> float:
        """The allowed value nearest to ``value`` (half-way rounds up), clamped to the scale."""
        steps = math.floor((value - self.min) / self.step + 0.5 + 1e-9)
        snapped = round(self.min + steps * self.step, 9)
        return min(max(snapped, self.min), self.max)

    def contains(self, value: float) -> bool:
        return any(math.isclose(value, v, abs_tol=1e-9) for v in self.values())


@dataclass(frozen=True)
class Stage:
    """One stage (a column of the rubric)."""

    value: float
    name: LocalizedText
    summary: LocalizedText = LocalizedText()

    def text(self, lang: str = FALLBACK_LANG) -> str:
        return self.name.get(lang)

    def summary_text(self, lang: str = FALLBACK_LANG) -> str:
        return self.summary.get(lang)


@dataclass(frozen=True)
class ElementGroup:
    """A group of elements, e.g. learner agency."""

    id: str
    name: LocalizedText

    def text(self, lang: str = FALLBACK_LANG) -> str:
        return self.name.get(lang)


@dataclass(frozen=True)
class Element:
    """One element (a row of the rubric) with a descriptor per stage value."""

    id: str
    group: str
    name: LocalizedText
    descriptors: tuple[tuple[float, LocalizedText], ...] = ()
    #: one short line a 9-year-old reads, shown beside the name to learners (optional in a school's file)
    for_learners: LocalizedText = LocalizedText()

    def text(self, lang: str = FALLBACK_LANG) -> str:
        return self.name.get(lang)

    def learner_line(self, lang: str = FALLBACK_LANG) -> str:
        """What the element means, said to the learner ("You share your ideas…"), or "" when the file has none."""
        return self.for_learners.get(lang)

    def descriptor(self, value: float, lang: str = FALLBACK_LANG) -> str | None:
        """The descriptor written for exactly ``value``, or None (e.g. for a half step)."""
        for v, text in self.descriptors:
            if math.isclose(v, value, abs_tol=1e-9):
                return text.get(lang)
        return None


@dataclass(frozen=True)
class Option:
    """One entry of an option list (``options`` in the file): a way of learning, an interest, a tool…, with the
    words that recognise it in a learner's own text, per language (a word ending in ``*`` also matches
    longer words: ``draw*`` matches "drawing")."""

    id: str
    name: LocalizedText
    match: tuple[str, ...] = ()
    #: For a strategy of the bank: the ``barriers`` options (what gets in the way) it helps with.
    helps_with: tuple[str, ...] = ()

    def text(self, lang: str = FALLBACK_LANG) -> str:
        return self.name.get(lang)


@dataclass(frozen=True)
class Framework:
    """A whole rubric: scale, stages, groups and elements, identified by ``(id, version)``."""

    id: str
    version: str
    name: LocalizedText
    scale: Scale
    stages: tuple[Stage, ...]
    groups: tuple[ElementGroup, ...]
    elements: tuple[Element, ...]
    description: LocalizedText = LocalizedText()
    format: int = FORMAT
    #: The profile's option lists by list id (``access``, ``barriers``, ``interests``, ``backpack``…): what the
    #: class snapshot groups learners' own words by. Empty when the file has none.
    options: tuple[tuple[str, tuple[Option, ...]], ...] = ()
    #: The bank of backpack strategies (``strategies`` in the file), each tied to what gets in the way.
    strategies: tuple[Option, ...] = ()
    #: The bank of reflection prompts a teacher sends between conferences (``prompts`` in the file).
    prompts: tuple[Option, ...] = ()
    _by_id: dict[str, Element] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        self._by_id.update((e.id, e) for e in self.elements)

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def text(self, lang: str = FALLBACK_LANG) -> str:
        return self.name.get(lang)

    def option_list(self, list_id: str) -> tuple[Option, ...]:
        """The options of ``list_id`` (empty when the file has no such list)."""
        return dict(self.options).get(list_id, ())

    def description_text(self, lang: str = FALLBACK_LANG) -> str:
        return self.description.get(lang)

    def allowed_values(self) -> tuple[float, ...]:
        return self.scale.values()

    def validate_value(self, value: float | None) -> float | None:
        """Return ``value`` as a float if it is on the scale (None passes: "not rated"); else ValueError."""
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not self.scale.contains(float(value))
        ):
            allowed = ", ".join(format_value(v) for v in self.allowed_values())
            raise ValueError(f"{value!r} is not a stage value of {self.text()} (allowed: {allowed}).")
        return self.scale.snap(float(value))

    def element(self, element_id: str) -> Element:
        """The element with this id; KeyError if this framework has none."""
        return self._by_id[element_id]

    def get_element(self, element_id: str) -> Element | None:
        return self._by_id.get(element_id)

    def element_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.elements)

    def group(self, group_id: str) -> ElementGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def elements_in(self, group_id: str) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.group == group_id)

    def stage(self, value: float) -> Stage | None:
        """The stage with exactly this value, or None (half steps have no stage of their own)."""
        return next((s for s in self.stages if math.isclose(s.value, value, abs_tol=1e-9)), None)

    def stage_label(self, value: float, lang: str = FALLBACK_LANG) -> str:
        """Short label of a value: the stage name, or "1.5" style number between stages."""
        stage = self.stage(value)
        return stage.text(lang) if stage else format_value(value)

    def __iter__(self) -> Iterator[Element]:
        return iter(self.elements)


def format_value(value: float) -> str:
    """``2.0`` -> ``"2"``, ``1.5`` -> ``"1.5"``."""
    return f"{value:g}"


# ----------------------------------------------------------------------------------------------- parsing


def load_framework(path_or_text: str | Path | bytes) -> Framework:
    """Read a framework from a file path or from JSON text; FrameworkError on any problem."""
    source = "framework"
    if isinstance(path_or_text, bytes):
        try:
            text = path_or_text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FrameworkError("not_utf8", source) from exc
    elif isinstance(path_or_text, Path) or not path_or_text.lstrip().startswith(("{", "[")):
        path = Path(path_or_text)
        source = path.name
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FrameworkError("not_utf8", source) from exc
        except OSError as exc:
            raise FrameworkError("unreadable", str(path), reason=exc.strerror or str(exc)) from exc
    else:
        text = path_or_text
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise FrameworkError("bad_json", source, line=exc.lineno, column=exc.colno, reason=exc.msg) from exc
    except RecursionError as exc:
        raise FrameworkError("too_deep", source) from exc
    return parse_framework(data)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise FrameworkError("duplicate_key", key=key)
        result[key] = value
    return result


def parse_framework(data: Any) -> Framework:
    """Build a Framework from decoded JSON; FrameworkError (never KeyError/TypeError) on bad input."""
    obj = _object(data, "framework")
    fmt = obj.get("format")
    if fmt is None:
        raise FrameworkError("no_format", "framework", known=FORMAT)
    if isinstance(fmt, bool) or not isinstance(fmt, int):
        raise FrameworkError("not_whole", "format", shown=_show(fmt))
    if fmt > FORMAT:
        raise FrameworkError("format_newer", "format", format=fmt, known=FORMAT)
    if fmt < 1:
        raise FrameworkError("format_unknown", "format", format=fmt)

    fid = _identifier(obj.get("id"), "id")
    version = _identifier(obj.get("version"), "version")
    name = _localized(obj.get("name"), "name")
    description = (
        _localized(obj["description"], "description")
        if obj.get("description") is not None
        else LocalizedText()
    )
    scale = _scale(obj.get("scale"))
    stages = _stages(obj.get("stages"), scale)
    groups = _groups(obj.get("groups"))
    elements = _elements(obj.get("elements"), scale, stages, groups)
    options = _options(obj.get("options"))
    strategies = _option_items(obj["strategies"], "strategies") if obj.get("strategies") is not None else ()
    prompts = _option_items(obj["prompts"], "prompts") if obj.get("prompts") is not None else ()
    return Framework(
        id=fid,
        version=version,
        name=name,
        scale=scale,
        stages=stages,
        groups=groups,
        elements=elements,
        description=description,
        format=fmt,
        options=options,
        strategies=strategies,
        prompts=prompts,
    )


def _show(value: Any) -> JsonKind | str:
    kind = {dict: "object", list: "list", str: "text", bool: "boolean", type(None): "null"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return JsonKind("number", value=repr(value))
    return JsonKind(kind[type(value)]) if type(value) in kind else type(value).__name__


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FrameworkError("not_object", where, shown=_show(value))
    return value


def _list(value: Any, where: str, what: str) -> list[Any]:
    if value is None:
        raise FrameworkError(what, where)
    if not isinstance(value, list):
        raise FrameworkError("not_list", where, shown=_show(value))
    if not value:
        raise FrameworkError(what + "_empty", where)
    return value


def _identifier(value: Any, where: str) -> str:
    if value is None:
        raise FrameworkError("missing", where)
    if not isinstance(value, str):
        raise FrameworkError("not_text", where, shown=_show(value))
    if not value.strip():
        raise FrameworkError("empty", where)
    if value != value.strip():
        raise FrameworkError("spaces", where, value=value)
    return value


def _localized(value: Any, where: str) -> LocalizedText:
    if value is None:
        raise FrameworkError("no_localized", where)
    if not isinstance(value, dict):
        raise FrameworkError("not_localized", where, shown=_show(value))
    for lang, text in value.items():
        if not isinstance(lang, str) or not lang.strip():
            raise FrameworkError("bad_language", where, shown=_show(lang))
        if not isinstance(text, str):
            raise FrameworkError("not_text", f'{where}["{lang}"]', shown=_show(text))
    if not any(text.strip() for text in value.values()):
        raise FrameworkError("all_empty", where)
    return LocalizedText(tuple((lang, text.strip()) for lang, text in value.items()))


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FrameworkError("not_number", where, shown=_show(value))
    number = float(value)
    if not math.isfinite(number):
        raise FrameworkError("not_finite", where, value=repr(value))
    return number


def _scale(value: Any) -> Scale:
    if value is None:
        raise FrameworkError("no_scale", "scale")
    obj = _object(value, "scale")
    for key in ("min", "max", "step"):
        if key not in obj:
            raise FrameworkError("missing", f"scale.{key}")
    lo, hi, step = (_number(obj[k], f"scale.{k}") for k in ("min", "max", "step"))
    if lo >= hi:
        raise FrameworkError("min_max", "scale", low=f"{lo:g}", high=f"{hi:g}")
    if step <= 0:
        raise FrameworkError("step_positive", "scale.step", step=f"{step:g}")
    count = (hi - lo) / step
    if not math.isfinite(count) or count + 1 > MAX_SCALE_VALUES + 1e-6:
        raise FrameworkError("too_many", "scale.step", step=f"{step:g}", low=f"{lo:g}", high=f"{hi:g}", most=MAX_SCALE_VALUES)
    if abs(count - round(count)) > 1e-6:
        raise FrameworkError("uneven", "scale.step", step=f"{step:g}", low=f"{lo:g}", high=f"{hi:g}")
    return Scale(lo, hi, step)


def _scale_value(raw: Any, scale: Scale, where: str) -> float:
    if isinstance(raw, str):
        try:
            value = float(raw.strip())
        except ValueError:
            raise FrameworkError("not_stage_number", where, raw=raw) from None
        if not math.isfinite(value):
            raise FrameworkError("not_stage", where, raw=raw)
    else:
        value = _number(raw, where)
    if not scale.contains(value):
        allowed = ", ".join(format_value(v) for v in scale.values())
        raise FrameworkError("outside", where, value=f"{value:g}", allowed=allowed)
    return scale.snap(value)


def _stages(value: Any, scale: Scale) -> tuple[Stage, ...]:
    items = _list(value, "stages", "no_stages")
    stages: list[Stage] = []
    for i, item in enumerate(items):
        where = f"stages[{i}]"
        obj = _object(item, where)
        if "value" not in obj:
            raise FrameworkError("missing", f"{where}.value")
        v = _scale_value(obj["value"], scale, f"{where}.value")
        if any(s.value == v for s in stages):
            raise FrameworkError("stage_twice", f"{where}.value", value=f"{v:g}")
        summary = (
            _localized(obj["summary"], f"{where}.summary")
            if obj.get("summary") is not None
            else LocalizedText()
        )
        stages.append(Stage(v, _localized(obj.get("name"), f"{where}.name"), summary))
    return tuple(sorted(stages, key=lambda s: s.value))


def _groups(value: Any) -> tuple[ElementGroup, ...]:
    items = _list(value, "groups", "no_groups")
    groups: list[ElementGroup] = []
    for i, item in enumerate(items):
        where = f"groups[{i}]"
        obj = _object(item, where)
        gid = _identifier(obj.get("id"), f"{where}.id")
        where = f'groups[{i}] ("{gid}")'
        if any(g.id == gid for g in groups):
            raise FrameworkError("duplicate_group", where, id=gid)
        groups.append(ElementGroup(gid, _localized(obj.get("name"), f"{where}.name")))
    return tuple(groups)


def _elements(
    value: Any, scale: Scale, stages: tuple[Stage, ...], groups: tuple[ElementGroup, ...]
) -> tuple[Element, ...]:
    items = _list(value, "elements", "no_elements")
    group_ids = [g.id for g in groups]
    elements: list[Element] = []
    for i, item in enumerate(items):
        where = f"elements[{i}]"
        obj = _object(item, where)
        eid = _identifier(obj.get("id"), f"{where}.id")
        where = f'elements[{i}] ("{eid}")'
        if any(e.id == eid for e in elements):
            raise FrameworkError("duplicate_element", where, id=eid)
        group = _identifier(obj.get("group"), f"{where}.group")
        if group not in group_ids:
            raise FrameworkError("unknown_group", f"{where}.group", group=group, groups=", ".join(group_ids))
        name = _localized(obj.get("name"), f"{where}.name")
        raw = obj.get("descriptors")
        if raw is None:
            raise FrameworkError("no_descriptors", where)
        descriptors: dict[float, LocalizedText] = {}
        for key, text in _object(raw, f"{where}.descriptors").items():
            dwhere = f'{where}.descriptors["{key}"]'
            v = _scale_value(key, scale, dwhere)
            if v in descriptors:
                raise FrameworkError("second_descriptor", dwhere, value=f"{v:g}")
            descriptors[v] = _localized(text, dwhere)
        missing = [format_value(s.value) for s in stages if s.value not in descriptors]
        if missing:
            raise FrameworkError("missing_descriptors", f"{where}.descriptors", stages=", ".join(missing))
        for_learners = (_localized(obj["for_learners"], f"{where}.for_learners")
                        if obj.get("for_learners") is not None else LocalizedText())
        elements.append(Element(eid, group, name, tuple(sorted(descriptors.items())), for_learners))
    return tuple(elements)


def _options(value: Any) -> tuple[tuple[str, tuple[Option, ...]], ...]:
    """The optional ``options`` object: list id → list of ``{"id", "name", "match": {lang: [words]}}``."""
    if value is None:
        return ()
    lists = []
    for list_id, items in _object(value, "options").items():
        where = f'options["{list_id}"]'
        found = _option_items(items, where)
        lists.append((list_id, found))
    return tuple(lists)


def _option_items(items: Any, where: str) -> tuple[Option, ...]:
    """A list of ``{"id", "name", "match": {lang: [words]}, "helps_with": [ids]}`` (``helps_with`` optional)."""
    if not isinstance(items, list):
        raise FrameworkError("not_list", where, shown=_show(items))
    found: list[Option] = []
    for i, item in enumerate(items):
        at = f"{where}[{i}]"
        obj = _object(item, at)
        oid = _identifier(obj.get("id"), f"{at}.id")
        if any(o.id == oid for o in found):
            raise FrameworkError("duplicate_id", at, id=oid)
        words: list[str] = []
        for lang, texts in _object(obj.get("match", {}), f"{at}.match").items():
            if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
                raise FrameworkError("not_words", f'{at}.match["{lang}"]')
            words.extend(t.strip() for t in texts)
        helps = obj.get("helps_with", [])
        if not isinstance(helps, list) or not all(isinstance(h, str) for h in helps):
            raise FrameworkError("not_option_ids", f"{at}.helps_with")
        found.append(Option(oid, _localized(obj.get("name"), f"{at}.name"), tuple(words), tuple(helps)))
    return tuple(found)


@lru_cache(maxsize=1)
def default_framework() -> Framework:
    """The framework shipped with the app (read once)."""
    from plprofile import RESOURCES

    return load_framework(RESOURCES / "frameworks" / DEFAULT_FRAMEWORK_FILE)
