"""The Stages framework file: the shipped one loads; each broken file gives a FrameworkError that says why."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plprofile import RESOURCES
from plprofile.domain.framework import (
    Framework,
    FrameworkError,
    LocalizedText,
    default_framework,
    load_framework,
    parse_framework,
)

DEFAULT_FILE = RESOURCES / "frameworks" / "default-stages.json"
ELEMENT_IDS = [
    "voice",
    "choice",
    "engagement",
    "motivation",
    "ownership",
    "purpose",
    "self_efficacy",
    "knowing_how_i_learn",
    "goals_and_planning",
    "showing_what_i_know",
]


def good() -> dict[str, Any]:
    return json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))


def error_of(data: Any) -> str:
    with pytest.raises(FrameworkError) as info:
        parse_framework(data)
    return str(info.value)


# ---------------------------------------------------------------------------------------------- good file


def test_default_framework_loads() -> None:
    fw = default_framework()
    assert isinstance(fw, Framework)
    assert fw.key == ("plprofile.stages.default", "1.0.0")
    assert fw.allowed_values() == (1.0, 1.5, 2.0, 2.5, 3.0)
    assert [s.value for s in fw.stages] == [1.0, 2.0, 3.0]
    assert fw.element_ids() == tuple(ELEMENT_IDS)
    assert [g.id for g in fw.groups] == ["agency", "practice"]
    assert [e.id for e in fw.elements_in("practice")] == ELEMENT_IDS[7:]
    assert default_framework() is fw  # cached


def test_every_text_is_in_english_and_spanish() -> None:
    fw = default_framework()
    texts: list[LocalizedText] = [fw.name, fw.description]
    texts += [s.name for s in fw.stages] + [s.summary for s in fw.stages] + [g.name for g in fw.groups]
    for e in fw.elements:
        texts.append(e.name)
        texts += [t for _, t in e.descriptors]
        assert [v for v, _ in e.descriptors] == [1.0, 2.0, 3.0]
    for text in texts:
        assert set(text.languages()) == {"en", "es"}
        assert text.get("en") and text.get("es") and text.get("en") != text.get("es")


def test_text_helpers_fall_back_to_english() -> None:
    fw = default_framework()
    voice = fw.element("voice")
    assert voice.text() == "Voice" and voice.text("es") == "Voz" and voice.text("es-MX") == "Voz"
    assert voice.text("fr") == "Voice"
    assert fw.stage(1).text("es") == "Centrado en el docente"
    assert fw.group("agency").text("es") == "Agencia del estudiante"
    assert voice.descriptor(2, "es").startswith("Propone")
    assert voice.descriptor(1.5) is None
    assert fw.stage_label(1.5) == "1.5" and fw.stage_label(3) == "Learner-driven"
    assert LocalizedText.of({"es": "Sólo español"}).get("en") == "Sólo español"


def test_validate_value() -> None:
    fw = default_framework()
    assert fw.validate_value(2) == 2.0
    assert fw.validate_value(2.5) == 2.5
    assert fw.validate_value(None) is None
    for bad in (0.5, 1.25, 3.5, True, "2", float("nan")):
        with pytest.raises(ValueError, match="not a stage value"):
            fw.validate_value(bad)


def test_load_from_path_text_and_bytes(tmp_path: Path) -> None:
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    assert load_framework(DEFAULT_FILE) == load_framework(str(DEFAULT_FILE)) == load_framework(text)
    assert load_framework(text.encode("utf-8")).key == default_framework().key


def test_a_school_framework_with_other_scale_and_no_spanish() -> None:
    data = {
        "format": 1,
        "id": "school.rubric",
        "version": "2",
        "name": {"en": "Our rubric"},
        "scale": {"min": 0, "max": 4, "step": 1},
        "stages": [{"value": v, "name": {"en": f"Level {v}"}} for v in (0, 2, 4)],
        "groups": [{"id": "g", "name": {"en": "All"}}],
        "elements": [
            {
                "id": "e",
                "group": "g",
                "name": {"en": "E"},
                "descriptors": {"0": {"en": "a"}, "2": {"en": "b"}, "4": {"en": "c"}, "1": {"en": "half"}},
            }
        ],
    }
    fw = parse_framework(data)
    assert fw.allowed_values() == (0.0, 1.0, 2.0, 3.0, 4.0)
    assert fw.element("e").text("es") == "E"
    assert fw.element("e").descriptor(1) == "half"
    assert fw.description_text() == ""


# ---------------------------------------------------------------------------------------------- bad files


def test_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": 1,\n  "id": oops\n}', encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"broken\.json: not valid JSON at line 3, column 9"):
        load_framework(path)
    with pytest.raises(FrameworkError, match="line 1, column 2"):
        load_framework("{,}")
    with pytest.raises(FrameworkError, match="cannot read"):
        load_framework(tmp_path / "missing.json")
    with pytest.raises(FrameworkError, match="not UTF-8"):
        load_framework(b'{"\xff"}')


def test_duplicate_json_key() -> None:
    text = json.dumps(good()).replace('"format": 1,', '"format": 1, "format": 1,', 1)
    with pytest.raises(FrameworkError, match='key "format" appears twice'):
        load_framework(text)


def mutate(change) -> dict[str, Any]:
    data = copy.deepcopy(good())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("stages"), r"^stages: missing stages"),
        (lambda d: d.update(stages=[]), r"^stages: missing stages.*empty"),
        (lambda d: d.pop("elements"), r"^elements: missing elements"),
        (lambda d: d.update(elements=[]), r"^elements: missing elements"),
        (
            lambda d: d["elements"][3].update(id="voice"),
            r'elements\[3\] \("voice"\): duplicate element id "voice"',
        ),
        (
            lambda d: d["elements"][0]["descriptors"].update({"4": {"en": "x"}}),
            r'elements\[0\] \("voice"\)\.descriptors\["4"\]: stage value 4 is outside the scale \(allowed: 1, 1.5, 2, 2.5, 3\)',
        ),
        (
            lambda d: d["elements"][0]["descriptors"].update({"1.25": {"en": "x"}}),
            r"stage value 1.25 is outside",
        ),
        (
            lambda d: d["elements"][0]["descriptors"].update({"one": {"en": "x"}}),
            r'"one" is not a stage value',
        ),
        (
            lambda d: d["elements"][0]["descriptors"].update({"1.0": {"en": "x"}}),
            r"second descriptor for stage value 1",
        ),
        (
            lambda d: d["elements"][1]["descriptors"].pop("2"),
            r'elements\[1\] \("choice"\)\.descriptors: missing descriptors for stage 2',
        ),
        (
            lambda d: d["stages"][2].update(value=3.5),
            r"stages\[2\]\.value: stage value 3.5 is outside the scale",
        ),
        (lambda d: d["stages"][2].update(value=2), r"stages\[2\]\.value: stage value 2 appears twice"),
        (
            lambda d: d["elements"][2].update(group="agencia"),
            r'elements\[2\] \("engagement"\)\.group: unknown group "agencia"',
        ),
        (
            lambda d: d["elements"][2].update(name={"en": " ", "es": ""}),
            r'elements\[2\] \("engagement"\)\.name: is empty',
        ),
        (lambda d: d["elements"][2].update(name={}), r"\.name: is empty"),
        (lambda d: d["elements"][2].update(name="Engagement"), r'\.name: must be an object like \{"en"'),
        (lambda d: d["elements"][2]["name"].update(es=3), r'\.name\["es"\]: must be text, not the number 3'),
        (lambda d: d["stages"][0].pop("name"), r"stages\[0\]\.name: missing"),
        (lambda d: d["groups"][1].update(name={"en": ""}), r'groups\[1\] \("practice"\)\.name: is empty'),
        (lambda d: d["groups"].append({"id": "agency", "name": {"en": "x"}}), r'duplicate group id "agency"'),
        (lambda d: d.update(name={"en": ""}), r"^name: is empty"),
        (
            lambda d: d.update(scale={"min": 3, "max": 1, "step": 0.5}),
            r"^scale: min \(3\) must be smaller than max \(1\)",
        ),
        (
            lambda d: d.update(scale={"min": 1, "max": 3, "step": 0}),
            r"^scale\.step: step must be greater than 0",
        ),
        (
            lambda d: d.update(scale={"min": 1, "max": 3, "step": 0.7}),
            r"^scale\.step: step 0.7 does not divide",
        ),
        (lambda d: d.update(scale={"min": 1, "max": 3, "step": 1e-6}), r"^scale\.step: .*too many values"),
        (lambda d: d.update(scale={"min": 1, "max": 3}), r"^scale\.step: missing"),
        (
            lambda d: d.update(scale={"min": "1", "max": 3, "step": 1}),
            r"^scale\.min: must be a number, not text",
        ),
        (lambda d: d.update(scale=[1, 3]), r"^scale: must be an object"),
        (lambda d: d.pop("scale"), r"^scale: missing"),
        (lambda d: d.pop("format"), r"missing \"format\""),
        (lambda d: d.update(format=2), r"^format: format 2 is newer than this app can read"),
        (lambda d: d.update(format="1"), r"^format: must be a whole number"),
        (lambda d: d.update(id=""), r"^id: is empty"),
        (lambda d: d.pop("version"), r"^version: missing"),
        (lambda d: d["elements"].append("voice"), r"elements\[10\]: must be an object"),
        (
            lambda d: d["elements"][4].pop("descriptors"),
            r'elements\[4\] \("ownership"\): missing descriptors',
        ),
    ],
)
def test_bad_framework_names_the_problem(change, expected: str) -> None:
    message = error_of(mutate(change))
    assert re.search(expected, message), message


def test_top_level_must_be_an_object() -> None:
    assert "must be an object" in error_of([1, 2])
    with pytest.raises(FrameworkError, match="must be an object"):
        load_framework("[1, 2]")


# ---------------------------------------------------------------------------------------------- fuzzing

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)
any_keys = st.none() | st.integers() | st.text(max_size=3) | st.floats(allow_nan=False)


def _replace_somewhere(data: Any, draw_value, path_choices) -> Any:
    """Replace one node of ``data`` (picked by ``path_choices``) with a drawn value."""
    if not path_choices or not isinstance(data, dict | list) or not data:
        return draw_value
    choice, rest = path_choices[0], path_choices[1:]
    keys = list(data.keys()) if isinstance(data, dict) else list(range(len(data)))
    key = keys[choice % len(keys)]
    data[key] = _replace_somewhere(data[key], draw_value, rest)
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=json_values, path=st.lists(st.integers(min_value=0, max_value=50), max_size=6), drop=st.booleans()
)
def test_malformed_structures_only_raise_framework_error(value: Any, path: list[int], drop: bool) -> None:
    data = _replace_somewhere(good(), value, path)
    if drop and isinstance(data, dict) and path:
        data.pop(list(data)[path[0] % len(data)], None)
    try:
        parse_framework(data)
    except FrameworkError:
        pass


@settings(max_examples=200, deadline=None)
@given(data=json_values | st.dictionaries(any_keys, json_values, max_size=6))
def test_random_data_only_raises_framework_error(data: Any) -> None:
    with pytest.raises(FrameworkError):
        parse_framework(data)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=40))
def test_random_text_only_raises_framework_error(text: str) -> None:
    with pytest.raises(FrameworkError):
        load_framework("{" + text)
