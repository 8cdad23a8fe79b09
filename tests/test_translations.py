"""The translations are complete and built: a string added to the code without its Spanish fails here."""

from __future__ import annotations

import pytest

from plprofile import i18n, i18n_tools


@pytest.mark.parametrize("lang", i18n_tools.TARGET_LANGUAGES)
def test_every_string_of_the_code_is_translated_and_the_qm_is_built(lang):
    # lupdate runs over the code into a copy of the committed .ts: a new tr() string shows up as
    # "new in the code", an empty or unfinished translation as "not translated", a changed {placeholder}
    # too; and the committed .qm must be what lrelease makes of the committed .ts.
    problems = i18n_tools.problems(lang)
    assert not problems, (
        "Translations are not up to date. Run `python -m plprofile.i18n_tools update`, translate what is "
        "marked unfinished in resources/translations/, then `python -m plprofile.i18n_tools build`.\n"
        + "\n".join(problems[:40]))


def test_the_tools_cover_the_languages_the_app_offers():
    assert set(i18n_tools.TARGET_LANGUAGES) == set(i18n.LANGUAGES)
    assert i18n_tools.sources(), "lupdate would see no source file"
    assert not [p for p in i18n_tools.sources() if "migrations" in p.parts]


def test_an_untranslated_string_is_caught(tmp_path, monkeypatch):
    """The check itself: a source file with a new string makes it report that string."""
    extra = tmp_path / "extra.py"
    extra.write_text('from PySide6.QtCore import QCoreApplication\n'
                     'QCoreApplication.translate("labels", "A brand-new string nobody translated")\n')
    real = i18n_tools.sources
    monkeypatch.setattr(i18n_tools, "sources", lambda: [*real(), extra])
    problems = i18n_tools.problems("es")
    assert any("A brand-new string nobody translated" in p for p in problems)


def test_language_choices_are_normalized():
    assert i18n.normalize("es_MX.UTF-8") == "es"
    assert i18n.normalize("es-419") == "es"
    assert i18n.normalize("EN") == "en"
    assert i18n.normalize("fr") == i18n.SYSTEM
    assert i18n.normalize("") == i18n.SYSTEM


def test_a_stale_qm_is_caught(monkeypatch):
    assert not i18n_tools.stale_qm("es")
    # the English file in place of the Spanish one: its translations are not the Spanish .ts's
    monkeypatch.setattr(i18n_tools, "qm_file", lambda lang: i18n_tools.TRANSLATIONS / "plprofile_en.qm")
    assert i18n_tools.stale_qm("es")
