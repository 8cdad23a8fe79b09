"""The interface in Spanish, the language setting, and dates and numbers in the locale's format."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from plprofile import i18n
from plprofile.domain.framework import default_framework
from plprofile.domain.policy import AccessDenied
from plprofile.services.demo import generate_demo
from plprofile.store.engine import open_store
from plprofile.ui.kit import ask
from tests.ui.conftest import type_or_paste


@pytest.fixture
def demo_dir(tmp_path):
    store = open_store(tmp_path / "data")
    generate_demo(store, learners=2)
    store.close()
    return tmp_path / "data"


def test_spanish_main_window_and_stage_descriptors(language, open_window, qtbot, demo_dir):
    assert language("es") == "es"
    window = open_window(demo_dir)
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "A&prendiz", "&Ver", "&Centro"]
    tabs = window.profile.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][:9] == [
        "&1 Sobre mí", "&2 Fortalezas", "&3 Cómo aprendo", "&4 Mochila", "&5 Voz y elección", "&6 Metas",
        "&7 Reuniones", "&8 Etapas", "&9 Historial"]
    assert window.count_label.text() == "2 aprendices"
    assert window.search.placeholderText() == "Buscar aprendices (Ctrl+F)"

    # The Stages framework speaks Spanish too: element names and the descriptors of each stage.
    page = window.profile.stages_page
    tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.entry.rows))
    voice = page.entry.row("voice")
    assert voice.element.text(i18n.ui_language()) == "Voz"
    voice.pickers["learner"].setFocus()
    voice.pickers["learner"].setCurrentIndex(voice.pickers["learner"].findData(2.0))
    qtbot.waitUntil(lambda: page.entry.descriptors.title.text().startswith("Voz"))
    spanish = default_framework().element("voice").descriptor(2.0, "es")
    assert spanish and spanish != default_framework().element("voice").descriptor(2.0, "en")
    assert page.entry.descriptors.cards[1][3].text() == spanish
    assert page.tabs.tabText(0) == "&Valorar las etapas"


def test_dates_numbers_and_service_messages_follow_the_language(language):
    from plprofile.charts import tables
    from plprofile.ui.kit.common import fmt_date, fmt_size
    from plprofile.ui.kit.messages import explain

    language("es")
    assert fmt_date(date(2025, 3, 5)) == "5 mar 2025"
    assert tables.fmt_date(date(2025, 3, 5)) == "5 mar 2025"
    assert fmt_size(1_500_000) == QLocale().formattedDataSize(1_500_000, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
    assert explain(AccessDenied("Only a teacher can do this.")) == "Solo un docente puede hacer esto."
    from plprofile.domain.profile import ValidationError

    assert explain(ValidationError("statement", "empty", field="Statement")) == "Enunciado no puede estar vacío."
    assert explain(ValueError("Something nobody translated.")) == "Something nobody translated."

    language("en")
    assert fmt_date(date(2025, 3, 5)) == "5 Mar 2025"
    assert explain(AccessDenied("Only a teacher can do this.")) == "Only a teacher can do this."


@pytest.mark.parametrize(("lang", "none", "one"), [("en", "0 of 8 learners", "1 of 8 learners"),
                                                   ("es", "0 de 8 aprendices", "1 de 8 aprendices")])
def test_the_counter_says_how_many_of_how_many(language, open_window, named_class, qtbot, lang, none, one):
    language(lang)
    window = open_window(named_class)
    qtbot.keyClicks(window.search, "nobody-at-all")
    assert window.count_label.text() == none
    window.search.clear()
    type_or_paste(qtbot, window.search, "o’brien")
    assert window.count_label.text() == one


def test_english_uses_its_plural_forms(language, open_window, demo_dir):
    assert language("en") == "en"
    window = open_window(demo_dir)
    assert window.count_label.text() == "2 learners"
    assert window.class_pane.tr("%n learner(s)", "", 1) == "1 learner"


def test_the_language_menu_stores_the_choice_for_the_next_start(language, open_window, answers, monkeypatch):
    language("en")
    window = open_window()
    offered = []

    def choose(_parent, _title, _label, items, current):
        offered.extend(items)
        return items.index("Español")

    monkeypatch.setattr(ask, "choice", choose)
    window.language_action.trigger()
    assert offered == ["System language", "English", "Español"]
    assert i18n.language_setting() == "es"
    assert "next time it starts" in answers.infos[-1] and "Español" in answers.infos[-1]
    # the next start: no $PLPROFILE_LANG, so the setting decides
    assert language(None) == "es"
    assert i18n.ui_language() == "es"


def test_the_system_language_is_followed(language, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("es_MX")))
    assert language("system") == "es"
    assert QLocale().name() == "es_MX"  # the region's own formats are kept
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert language("system") == "en"  # no French translation: English, with French formats
    assert QLocale().name() == "fr_FR"


def _every_error() -> list:
    """One error of every kind and code the domain, store and services define, its placeholders filled."""
    import importlib
    import pkgutil
    import string

    import plprofile
    from plprofile.domain.errors import error_kinds

    for module in pkgutil.walk_packages(plprofile.__path__, "plprofile."):
        if module.name.split(".")[1] in ("domain", "store", "services") and ".migrations" not in module.name:
            importlib.import_module(module.name)
    errors = []
    for kind in error_kinds():
        for code, template in kind.MESSAGES.items():
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            arguments = {name: f"<{name}>" for name in names}
            errors.append(kind("field", code, **arguments) if "field" in kind.__init__.__code__.co_varnames[1:2]
                          else kind(code, **arguments))
    return errors


def test_every_error_kind_reads_in_spanish(language):
    """Every message a service, the store or the policy raises is translated where it is raised: a finished
    Spanish translation, the same placeholders filled, and nothing matched by its English text."""
    import xml.etree.ElementTree as ET

    from plprofile.domain import policy
    from plprofile.domain.errors import UserError
    from plprofile.i18n_tools import ts_file
    from plprofile.ui.kit import messages

    finished = {m.findtext("source"): m.find("translation") for context in ET.parse(ts_file("es")).getroot()
                if context.findtext("name") == "services" for m in context.iter("message")}
    errors = _every_error()
    kinds = {type(e).__name__ for e in errors}
    assert {"AccessDenied", "ValidationError", "SignInError"} <= kinds
    assert len([e for e in errors if isinstance(e, policy.AccessDenied)]) == len(policy.MESSAGES)
    english = {id(e): str(e) for e in errors}
    language("es")
    for error in errors:
        assert isinstance(error, UserError)
        translation = finished.get(error.template)
        assert translation is not None and translation.get("type") != "unfinished" and translation.text, \
            error.template
        spanish = str(error)
        for value in error.arguments.values():
            assert str(value) in spanish, (error.code, spanish)  # every argument shown
        if re.search(r"[a-z]", re.sub(r"\{\w+\}", "", error.template)):  # words, not only "{element}: {problem}"
            assert spanish != english[id(error)], error.template
    language("en")
    assert [str(e) for e in errors] == list(english.values())
    # nothing is matched by its English text at the UI's edge any more
    assert not hasattr(messages, "FIXED") and not hasattr(messages, "PATTERNS")


def test_import_speaks_the_interface_language(language, open_window, answers, qtbot, tmp_path):
    from pathlib import Path

    from PySide6.QtCore import Qt

    rosters = Path(__file__).resolve().parents[1] / "fixtures" / "rosters"
    language("es")
    window = open_window()
    answers.file_answer = str(rosters / "bad_workbook.xlsx")
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert answers.errors[-1].startswith("No se importó nada.")
    assert "libro de hoja de cálculo" in answers.errors[-1] and "workbook" not in answers.errors[-1]
    answers.file_answer = str(rosters / "excel_windows1252_semicolons.csv")
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=20_000)
    assert "Leído como Windows-1252: José Núñez" in answers.confirms[-1]


def test_every_kind_of_roster_refusal_is_in_spanish(language):
    from plprofile.domain.roster import RosterError, parse_roster
    from plprofile.ui.kit.messages import explain

    language("es")
    bad = [
        (b"PK\x03\x04rest", {}), (b"", {}), (b"given_name\nZoe\n", {}),
        (b"given_name,family_name\nZoe,\n", {}), (b"given_name,family_name\nZo\x01e,Okafor\n", {}),
        (b"given_name,family_name,x\nZoe,Okafor,1,2\n", {}),
        (b"given_name,family_name,id\nA,B,1\nC,D,1\n", {}),
        (b"given_name,first_name,family_name\nA,B,C\n", {}),
        ("given_name,family_name\nZoë,Okafor\n".encode("cp1252"), {"encoding": "utf-8"}),
        (b"given_name,family_name\nZoe,Okafor\n", {"encoding": "klingon"}),
        ("given_name,family_name\nZoe,Okafor\n".encode("utf-16-le"), {}),
        (b"given_name,family_name\nA,B\nC,D\n", {"max_rows": 1}),
    ]
    for data, kwargs in bad:
        try:
            parse_roster(data, **kwargs)
        except RosterError as exc:
            for problem in exc.problems:
                assert explain(RosterError([problem])) != problem.message.english(), problem.message.english()
        else:
            raise AssertionError(f"{data!r} was not refused")


def test_oneroster_warnings_and_refusals_are_in_spanish(language, store):
    from plprofile.domain.oneroster import parse_oneroster
    from plprofile.domain.profile import Actor, Role
    from plprofile.domain.roster import RosterError
    from plprofile.services.accounts import ensure_teacher
    from plprofile.services.school import SchoolService
    from plprofile.ui.kit.messages import explain, text
    from tests import oneroster_sets as sets

    language("es")
    admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
    files = sets.set_12()
    files["users.csv"] = files["users.csv"].replace(b"agentSourcedIds", b"agentSourcedId")
    warnings = list(SchoolService(store).preview_roster_set(admin, parse_oneroster(files)).warnings)
    warnings += parse_oneroster(sets.set_11()).warnings
    assert len(warnings) >= 5
    for warning in warnings:  # translated where it was raised: read in the language of the moment
        spanish = str(warning)
        assert spanish != warning.message.english() and ("fila" in spanish or ".csv:" in spanish), spanish
        assert text(spanish) == spanish  # nothing left for the UI to look up by its English text
    for change in (lambda f: f.pop("users.csv"), lambda f: f.pop("manifest.csv"),
                   lambda f: f.update({"users.csv": f["users.csv"].replace(b"u-jose,", b"u-zoe,")}),
                   lambda f: f.update({"users.csv": f["users.csv"].replace(b"givenName,", b"given,")})):
        files = sets.set_11()
        change(files)
        try:
            parse_oneroster(files)
        except RosterError as exc:
            for problem in exc.problems:
                assert explain(RosterError([problem])) != problem.message.english(), problem.message.english()
        else:
            raise AssertionError("not refused")
