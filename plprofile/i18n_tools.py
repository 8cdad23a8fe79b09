"""Keep the translations in step with the code: ``python -m plprofile.i18n_tools update|build|check``.

- ``update``: extract every ``tr()`` / ``QCoreApplication.translate()`` string of the package with
  ``pyside6-lupdate`` into ``resources/translations/plprofile_<lang>.ts`` (new strings arrive marked
  "unfinished", strings gone from the code are dropped). Translate them in Qt Linguist
  (``pyside6-linguist``) or any editor, then run ``build``.
- ``build``: compile each ``.ts`` into the ``.qm`` the app loads, with ``pyside6-lrelease``.
- ``check``: what the test suite checks: the ``.ts`` files hold every string of the code, all translated,
  with the same ``{placeholders}``, and each ``.qm`` is the compiled form of its ``.ts``. Exit status 1 if not.

Both tools come with the PySide6 wheel; nothing else is needed. See ``resources/translations/README.md``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from . import RESOURCES

PACKAGE = Path(__file__).resolve().parent
TRANSLATIONS = RESOURCES / "translations"
# The languages of plprofile.i18n.LANGUAGES. English is the source language: its file holds only the plural
# forms ("%n learner(s)" -> "1 learner", "2 learners"), the others every string.
TARGET_LANGUAGES = ("es", "en")
PLURALS_ONLY = {"en"}
# Folders of the package without user-visible strings (Alembic's scripts are not Python lupdate can read).
_SKIP_PARTS = {"migrations", "__pycache__"}
_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n")


def ts_file(lang: str) -> Path:
    return TRANSLATIONS / f"plprofile_{lang}.ts"


def qm_file(lang: str) -> Path:
    return TRANSLATIONS / f"plprofile_{lang}.qm"


def tool(name: str) -> str:
    """``lupdate`` or ``lrelease`` from the PySide6 wheel (or ``pyside6-<name>`` on the PATH)."""
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / name, Path(PySide6.__file__).parent / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships pyside6-{name})")
    return found


def sources() -> list[Path]:
    """The package's Python files, in a stable order."""
    return sorted(p for p in PACKAGE.rglob("*.py") if not _SKIP_PARTS & set(p.relative_to(PACKAGE).parts))


def _run(args: list[str]) -> None:
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{Path(args[0]).name} failed:\n{result.stdout}{result.stderr}")


def update(lang: str, target: Path | None = None) -> Path:
    """Merge the code's strings into ``target`` (default: the committed ``.ts``); returns it."""
    target = target or ts_file(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    # No source locations: a moved line changes nothing, so branches merge without conflicts in the .ts.
    _run([tool("lupdate"), *map(str, sources()), "-ts", str(target), "-target-language", lang,
          "-source-language", "en", "-locations", "none", "-no-obsolete", "-silent",
          *(["-pluralonly"] if lang in PLURALS_ONLY else [])])
    return target


def build(lang: str, source: Path | None = None, target: Path | None = None) -> Path:
    """Compile ``source`` (default: the committed ``.ts``) into ``target`` (default: the committed ``.qm``)."""
    source, target = source or ts_file(lang), target or qm_file(lang)
    _run([tool("lrelease"), "-silent", str(source), "-qm", str(target)])
    return target


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    kind: str  # "" when translated, else "unfinished", "vanished" or "obsolete"
    numerus: bool


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") if translation is not None else []
            texts = tuple(f.text or "" for f in forms) if forms else ((translation.text or "",)
                                                                       if translation is not None else ("",))
            messages.append(Message(name, message.findtext("source") or "", texts,
                                    translation.get("type", "") if translation is not None else "unfinished",
                                    message.get("numerus") == "yes"))
    return messages


def problems(lang: str) -> list[str]:
    """Everything that keeps the ``lang`` translation from being complete and current; empty when it is."""
    committed = ts_file(lang)
    if not committed.is_file():
        return [f"{committed.name} is missing: run `python -m plprofile.i18n_tools update`"]
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / committed.name
        shutil.copyfile(committed, fresh)
        update(lang, fresh)
        before = {(m.context, m.source) for m in read_ts(committed)}
        for m in read_ts(fresh):
            where = f"[{m.context}] {m.source!r}"
            if (m.context, m.source) not in before:
                found.append(f"new in the code, not yet in {committed.name}: {where}")
            elif m.kind or not all(t.strip() for t in m.translations):
                found.append(f"not translated: {where}")
            else:
                wanted = set(_PLACEHOLDER.findall(m.source)) - ({"%n"} if m.numerus else set())
                for text in m.translations:
                    if set(_PLACEHOLDER.findall(text)) - {"%n"} != wanted:
                        found.append(f"placeholders differ in the translation of {where}: {text!r}")
        after = {(m.context, m.source) for m in read_ts(fresh)}
        found += [f"gone from the code, still in {committed.name}: [{c}] {s!r}" for c, s in sorted(before - after)]
    if not found:
        found += stale_qm(lang)
    return found


def stale_qm(lang: str) -> list[str]:
    """The messages whose translation in the committed ``.qm`` differs from its ``.ts`` (or: it is missing).

    Compared through ``QTranslator`` rather than byte by byte, so a newer lrelease writing the same
    translations differently does not count as stale.
    """
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not qm_file(lang).is_file() or not translator.load(str(qm_file(lang))):
        return [f"{qm_file(lang).name} is missing: run `python -m plprofile.i18n_tools build`"]
    stale = []
    for m in read_ts(ts_file(lang)):
        # Spanish and English: the first form for one, the second for many.
        cases = ((1, m.translations[0]), (5, m.translations[-1])) if m.numerus else ((-1, m.translations[0]),)
        for n, wanted in cases:
            if translator.translate(m.context, m.source, None, n) != wanted:
                stale.append(f"{qm_file(lang).name} is not the build of {ts_file(lang).name} ([{m.context}] "
                             f"{m.source!r}): run `python -m plprofile.i18n_tools build`")
                break
    return stale


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else ""
    if command == "update":
        for lang in TARGET_LANGUAGES:
            path = update(lang)
            todo = sum(1 for m in read_ts(path) if m.kind == "unfinished")
            print(f"{path.name}: {todo} string(s) to translate")
        return 0
    if command == "build":
        for lang in TARGET_LANGUAGES:
            print(f"{build(lang).name} built")
        return 0
    if command == "check":
        found = [p for lang in TARGET_LANGUAGES for p in problems(lang)]
        print("\n".join(found) or "translations complete and built")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
