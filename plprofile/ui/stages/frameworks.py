"""Loading a school's own Stages framework file: validated in ``domain``, reported here in plain words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from plprofile.domain.framework import FrameworkError
from plprofile.domain.policy import AccessDenied
from plprofile.i18n import ui_language

from ..kit import ask
from ..kit.messages import explain

# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


def load_framework_file(parent: QWidget | None, ctx) -> bool:  # noqa: ANN001
    """Ask for a framework file and make it the active one. On any problem: a message, and nothing changes."""
    title = translate("frameworks", "Load a school framework")
    path = ask.open_file(parent, title, translate("frameworks", "Framework files (*.json);;All files (*)"))
    if not path:
        return False
    current = ctx.stages.active_framework(ctx.me)
    keeps = translate("frameworks", "Nothing was loaded; “{name}” (version {version}) stays in use.").format(
        name=current.text(ui_language()), version=current.version)
    try:
        data = Path(path).read_bytes()
        framework = ctx.stages.install_framework(ctx.teacher, data)
    except FrameworkError as exc:
        ask.error(parent, title, translate("frameworks", "{file} cannot be used as a framework.\n\n{problem}\n\n{keeps}").format(
            file=Path(path).name, problem=explain(exc), keeps=keeps))
        return False
    except OSError as exc:
        ask.error(parent, title, translate("frameworks", "{file} cannot be read: {reason}\n\n{keeps}").format(
            file=Path(path).name, reason=exc.strerror or str(exc), keeps=keeps))
        return False
    except AccessDenied as exc:
        ask.error(parent, title, f"{explain(exc)}\n\n{keeps}")
        return False
    ask.info(parent, title, translate(
        "frameworks", "Now using “{name}” (version {version}): %n element(s) in {groups} group(s).\n\n"
        "New assessments use it; earlier assessments keep the framework they were made with.", None,
        len(framework.elements)).format(name=framework.text(ui_language()), version=framework.version,
                                            groups=len(framework.groups)))
    return True
