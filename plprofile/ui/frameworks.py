"""Loading a school's own Stages framework file: validated in ``domain``, reported here in plain words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from plprofile.domain.framework import FrameworkError
from plprofile.services.profiles import AccessDenied

from . import ask


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("frameworks", text, None, n)


def load_framework_file(parent: QWidget | None, ctx) -> bool:  # noqa: ANN001
    """Ask for a framework file and make it the active one. On any problem: a message, and nothing changes."""
    title = _t("Load a school framework")
    path = ask.open_file(parent, title, _t("Framework files (*.json);;All files (*)"))
    if not path:
        return False
    current = ctx.stages.active_framework()
    keeps = _t("Nothing was loaded; “{name}” (version {version}) stays in use.").format(
        name=current.text(), version=current.version)
    try:
        data = Path(path).read_bytes()
        framework = ctx.stages.install_framework(ctx.teacher, data)
    except FrameworkError as exc:
        ask.error(parent, title, _t("{file} cannot be used as a framework.\n\n{problem}\n\n{keeps}").format(
            file=Path(path).name, problem=str(exc), keeps=keeps))
        return False
    except OSError as exc:
        ask.error(parent, title, _t("{file} cannot be read: {reason}\n\n{keeps}").format(
            file=Path(path).name, reason=exc.strerror or str(exc), keeps=keeps))
        return False
    except AccessDenied as exc:
        ask.error(parent, title, f"{exc}\n\n{keeps}")
        return False
    ask.info(parent, title, _t(
        "Now using “{name}” (version {version}): %n element(s) in {groups} group(s).\n\n"
        "New assessments use it; earlier assessments keep the framework they were made with.",
        len(framework.elements)).format(name=framework.text(), version=framework.version,
                                            groups=len(framework.groups)))
    return True
