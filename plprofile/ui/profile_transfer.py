"""Taking a profile along, from the window: *Learner → Export the whole profile…* (the portable JSON file or a
readable learner passport PDF) and *Learner → Import a profile…*. Functions of (parent, ctx, …); the window only
wires its menu to them."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from plprofile.domain.filenames import safe_file_name

from . import ask
from .common import attempt
from .context import AppContext

translate = QCoreApplication.translate


class ExportChoice(NamedTuple):
    path: Path
    kind: str  # "json" or "pdf"
    lang: str  # the passport's language ("en" or "es")


def choose_export(parent: QWidget, suggested: Path) -> ExportChoice | None:
    """Where to write the profile and as what: the profile file (JSON) or the passport in English or Spanish (tests
    patch this)."""
    from PySide6.QtWidgets import QFileDialog

    kinds = {
        translate("profile_transfer", "Profile file, to import elsewhere (*.json)"): ("json", "en", ".json"),
        translate("profile_transfer", "Learner passport PDF in English (*.pdf)"): ("pdf", "en", ".pdf"),
        translate("profile_transfer", "Learner passport PDF in Spanish (*.pdf)"): ("pdf", "es", ".pdf"),
    }
    path, chosen = QFileDialog.getSaveFileName(
        parent, translate("profile_transfer", "Export the whole profile"), str(suggested), ";;".join(kinds))
    if not path:
        return None
    kind, lang, suffix = kinds.get(chosen, ("json", "en", ".json"))
    if not path.lower().endswith(suffix):
        path += suffix
    return ExportChoice(Path(path), kind, lang)


def export_whole_profile(parent: QWidget, ctx: AppContext, learner_id: uuid.UUID) -> Path | None:
    """Ask where and as what, then write the learner's whole profile; the file written, or None."""
    title = translate("profile_transfer", "Export the whole profile")
    view = attempt(parent, lambda: ctx.profiles.load_profile(ctx.me, learner_id))
    if view is None:
        return None
    learner = view.learner
    stem = safe_file_name(f"{learner.preferred_name}-{learner.family_name}-profile-{date.today().isoformat()}",
                          fallback=f"profile-{date.today().isoformat()}")
    choice = choose_export(parent, Path.home() / f"{stem}.json")
    if choice is None:
        return None
    if choice.path.exists():  # a file is never overwritten: the dialog asked, but a test or a race may not
        ask.error(parent, title, translate("profile_transfer", "{path} already exists; nothing was written.").format(
            path=choice.path))
        return None
    part = choice.path.with_name(choice.path.name + ".part")
    try:
        if choice.kind == "pdf":
            from plprofile.services.passport import build_passport

            from .passport import write_passport_pdf

            passport = attempt(parent, lambda: build_passport(ctx.profiles, ctx.stages, ctx.me, learner_id))
            if passport is None:
                return None
            write_passport_pdf(passport, str(part), choice.lang)
        else:
            from plprofile.services.portable import PortableService, dumps

            document = attempt(parent, lambda: PortableService(ctx.store).export_profile(ctx.me, learner_id))
            if document is None:
                return None
            part.write_text(dumps(document), encoding="utf-8")
        part.replace(choice.path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        ask.error(parent, title, translate("profile_transfer", "The file could not be written: {reason}").format(
            reason=exc.strerror or exc))
        return None
    ask.info(parent, title, translate("profile_transfer", "The profile of {name} was saved to {path}.").format(
        name=learner.preferred_name, path=choice.path))
    return choice.path
