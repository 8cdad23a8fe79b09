"""Taking a profile along, from the window: *Learner → Export the whole profile…* (the portable JSON file or a
readable learner passport PDF) and *Learner → Import a profile…*. Functions of (parent, ctx, …); the window only
wires its menu to them."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from plprofile.domain.filenames import safe_file_name

from ..kit import ask
from ..kit.common import attempt
from ..kit.context import AppContext

translate = QCoreApplication.translate


class ExportChoice(NamedTuple):
    path: Path
    kind: str  # "json", "pdf" or "sealed" (the JSON sealed with a passphrase, .plpx)
    lang: str  # the passport's language ("en" or "es")


def choose_export(parent: QWidget, suggested: Path) -> ExportChoice | None:
    """Where to write the profile and as what: the profile file (JSON) or the passport in English or Spanish (tests
    patch this)."""
    from PySide6.QtWidgets import QFileDialog

    kinds = {
        translate("profile_transfer", "Profile file, to import elsewhere (*.json)"): ("json", "en", ".json"),
        translate("profile_transfer", "Learner passport PDF in English (*.pdf)"): ("pdf", "en", ".pdf"),
        translate("profile_transfer", "Learner passport PDF in Spanish (*.pdf)"): ("pdf", "es", ".pdf"),
        translate("profile_transfer", "Profile file sealed with a passphrase (*.plpx)"): ("sealed", "en", ".plpx"),
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
            if choice.kind == "sealed":  # sealed in memory: no plain copy touches the disk
                from plprofile.services import protect

                from ..safety.encryption import ask_new_passphrase

                passphrase = ask_new_passphrase(parent, translate("profile_transfer", "The profile"))
                if passphrase is None:
                    return None
                try:
                    protect.protect_bytes(dumps(document).encode("utf-8"), choice.path, passphrase,
                                          name=choice.path.name.removesuffix(protect.SUFFIX))
                except protect.ProtectError as exc:
                    ask.error(parent, title, str(exc))
                    return None
            else:
                part.write_text(dumps(document), encoding="utf-8")
        if part.exists():
            part.replace(choice.path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        ask.error(parent, title, translate("profile_transfer", "The file could not be written: {reason}").format(
            reason=exc.strerror or exc))
        return None
    ask.info(parent, title, translate("profile_transfer", "The profile of {name} was saved to {path}.").format(
        name=learner.preferred_name, path=choice.path))
    return choice.path


# ---- importing --------------------------------------------------------------------------------------------


class ImportPreviewDialog(QDialog):
    """What the file brings, before anything is written; Import (a new learner) or Merge (one already here)."""

    def __init__(self, seen, present: bool, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a profile"))
        self.merge = present
        names = {"profile_entry": self.tr("entries"), "backpack_item": self.tr("backpack items"),
                 "choice_option": self.tr("voice and choice options"), "goal": self.tr("goals"),
                 "action_step": self.tr("action steps"), "goal_support": self.tr("goal supports"),
                 "evidence": self.tr("pieces of evidence"), "check_in": self.tr("check-ins"),
                 "conference": self.tr("conferences"), "conference_remark": self.tr("things said at conferences"),
                 "assessment": self.tr("Stages assessments"), "assessment_rating": self.tr("Stages ratings")}
        who = seen.name + (f" ({seen.group_name})" if seen.group_name else "")
        if seen.external_id:
            who += " · " + self.tr("student ID {id}").format(id=seen.external_id)
        self.learner = QLabel(who)
        font = self.learner.font()
        font.setBold(True)
        self.learner.setFont(font)
        self.contents = QLabel("\n".join(f"{count} {names.get(table, table)}" for table, count in seen.counts.items()
                                         if count))
        self.contents.setAccessibleName(self.tr("What the file holds"))
        if present:
            note = self.tr("{name} is already in this store. Merging adds what the file has and this store has "
                           "not; nothing here is changed, and you are told what was left as it was.").format(
                name=seen.name)
            self.action_button = QPushButton(self.tr("&Merge"))
        else:
            note = self.tr("{name} will be added to this store with everything in the file.").format(name=seen.name)
            self.action_button = QPushButton(self.tr("&Import"))
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.action_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.action_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.learner)
        layout.addWidget(self.contents)
        layout.addWidget(self.note)
        layout.addLayout(buttons)


def import_a_profile(parent: QWidget, ctx: AppContext, path: Path | None = None) -> uuid.UUID | None:
    """Ask for a profile file, show what it brings, then import it (or merge it into the learner already here);
    the learner's id, or None. Refusals say why and write nothing."""
    from plprofile.services.portable import PortableService, ProfileFileError, loads, preview
    from plprofile.services.storage import NotFoundError

    title = translate("profile_transfer", "Import a profile")
    if path is None:
        chosen = ask.open_file(parent, title, translate("profile_transfer", "Profile files (*.json *.plpx);;All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        ask.error(parent, title, translate("profile_transfer", "The file cannot be read: {reason}").format(
            reason=exc.strerror or exc))
        return None
    from plprofile.services import protect

    if raw.startswith(protect.MAGIC):  # sealed with a passphrase
        from ..safety.encryption import ask_passphrase

        passphrase = ask_passphrase(parent, path.name)
        if passphrase is None:
            return None
        try:
            _name, raw = protect.open_bytes(path, passphrase)
        except protect.WrongPassphraseError:
            ask.error(parent, title, translate("profile_transfer", "That passphrase does not open {name} (or the file "
                                               "was altered). Nothing was imported.").format(name=path.name))
            return None
        except protect.ProtectError as exc:
            ask.error(parent, title, str(exc))
            return None
    try:
        document = loads(raw)
        seen = preview(document)
    except ProfileFileError as exc:
        ask.error(parent, title, str(exc))
        return None
    try:
        ctx.profiles.get_learner(ctx.me, seen.learner_id)
        present = True
    except NotFoundError:
        present = False
    dialog = ImportPreviewDialog(seen, present, parent)
    if not ask.dialog(dialog):
        return None
    service = PortableService(ctx.store)
    try:
        if present:
            report = attempt(parent, lambda: service.merge_profile(ctx.me, document))
            if report is None:
                return None
            message = translate("profile_transfer", "Merged the profile of {name}: %n row(s) added.", "",
                                report.added_total).format(name=seen.name)
            if report.skipped_total:
                message += " " + translate("profile_transfer", "%n row(s) were already here and were left as "
                                                               "they were.", "", report.skipped_total)
        else:
            learner = attempt(parent, lambda: service.import_profile(ctx.me, document))
            if learner is None:
                return None
            message = translate("profile_transfer", "Imported the profile of {name}.").format(name=seen.name)
    except ProfileFileError as exc:
        ask.error(parent, title, str(exc))
        return None
    ctx.profiles.forget_class_list(ctx.me)
    ask.info(parent, title, message)
    return seen.learner_id
