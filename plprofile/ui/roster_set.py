"""Import class… with a school's OneRoster set (.zip): read and check it, preview every change, then import it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from . import ask
from .common import attempt
from .messages import explain

#: How many warnings the preview lists before "… and N more".
WARNINGS_SHOWN = 12


translate = QCoreApplication.translate


def preview_text(counts: dict[str, int], warnings: list[str]) -> str:
    """The preview: what will change, in the interface's language, then the warnings (as the file says them)."""
    locale = QLocale()
    lines = [
        translate("RosterSet", "%n learner(s) added", None, counts["learners_added"]),
        translate("RosterSet", "%n learner(s) updated", None, counts["learners_updated"]),
        translate("RosterSet", "%n learner(s) leaving their classes", None, counts["learners_left"]),
        translate("RosterSet", "%n teacher(s) added (without a password until a school admin sets one)", None, counts["teachers_added"]),
        translate("RosterSet", "%n class(es) added", None, counts["classes_added"]),
        translate("RosterSet", "%n class membership(s) added", None, counts["enrollments_added"]),
        translate("RosterSet", "%n class membership(s) ended", None, counts["enrollments_ended"]),
    ]
    text = "\n".join(f"• {line}" for line in lines)
    if warnings:
        shown = warnings[:WARNINGS_SHOWN]
        text += "\n\n" + translate("RosterSet", "%n warning(s): read anyway, or left out as said", None, len(warnings)) + "\n"
        text += "\n".join(f"– {w}" for w in shown)
        if len(warnings) > len(shown):
            text += "\n" + translate("RosterSet", "… and {n} more").format(n=locale.toString(len(warnings) - len(shown)))
    return text


def import_roster_set(window, path: Path) -> None:  # noqa: ANN001  the main window (no import: it imports this)
    """Check the whole set, show what will change, and import it in one transaction once confirmed."""
    from plprofile.domain.oneroster import parse_oneroster
    from plprofile.domain.policy import AccessDenied
    from plprofile.domain.roster import RosterError
    from plprofile.services.oneroster import read_set
    from plprofile.services.school import SchoolService

    ctx = window.ctx
    title = translate("RosterSet", "Import a school roster")
    school = SchoolService(ctx.store)
    try:
        rset = parse_oneroster(read_set(path))
        work = school.preview_roster_set(ctx.teacher, rset)
    except (RosterError, AccessDenied) as exc:
        ask.error(window, title, translate("RosterSet", "Nothing was imported.\n\n{problems}").format(problems=explain(exc)))
        return
    except OSError as exc:
        ask.error(window, title, translate("RosterSet", "The file cannot be read: {reason}").format(reason=exc.strerror))
        return
    from .messages import text

    summary = preview_text(work.counts, [text(str(w)) for w in work.warnings])
    if work.empty:
        ask.info(window, title, translate("RosterSet", "{name} (OneRoster {version}) changes nothing: the store already "
                                             "holds this roster.").format(name=path.name, version=rset.version) + "\n\n" + summary)
        return
    question = translate("RosterSet", "Import {name} (OneRoster {version})? It will change:").format(name=path.name,
                                                                                 version=rset.version)
    if not ask.confirm(window, title, f"{question}\n\n{summary}"):
        return
    if attempt(window, lambda: school.import_roster_set(ctx.teacher, work)) is None:
        return
    ctx.profiles.forget_class_list(ctx.teacher)
    window.refresh_learners()
    window.statusBar().showMessage(translate("RosterSet", "The school roster is imported."), 8000)
    window.ready.emit()
