"""About me, strengths and the rest, and how I learn best through the three lenses."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain import profile as d
from plprofile.domain.profile import Role
from plprofile.services.views import ProfileView

from ..kit import labels
from ..kit.a11y import reachable_by_tab
from ..kit.common import attempt
from ..kit.context import AppContext
from .sections import EntryList


def _scroll(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a container: Tab goes to the fields, which it scrolls into view
    return area


class AboutTab(QWidget):
    """Preferred name, pronouns, grade, group; the learner's 'I am…' and the words they choose."""

    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.view: ProfileView | None = None
        self.preferred = QLineEdit()
        self.pronouns = QLineEdit()
        self.pronouns.setPlaceholderText(self.tr("optional, e.g. she/her"))
        self.grade = QLineEdit()
        self.group = QLineEdit()
        self.save_button = QPushButton(self.tr("Save details"))
        self.save_button.clicked.connect(self._save)
        self.save_button.setAutoDefault(False)
        box = QGroupBox(self.tr("About me"))
        form = QFormLayout(box)
        form.addRow(self.tr("&Preferred name:"), self.preferred)
        form.addRow(self.tr("P&ronouns:"), self.pronouns)
        form.addRow(self.tr("&Grade or year:"), self.grade)
        form.addRow(self.tr("Group or c&lass:"), self.group)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.i_am = EntryList(ctx, d.Section.I_AM)
        self.words = EntryList(ctx, d.Section.MY_WORDS)
        for lst in (self.i_am, self.words):
            lst.changed.connect(on_change)
        self._on_change = on_change
        self.glance = QLabel()
        self.glance.setWordWrap(True)
        self.glance.setTextFormat(Qt.TextFormat.RichText)
        self.glance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        reachable_by_tab(self.glance)
        # its text is its accessible name (a fixed one would hide it); the box gives the caption
        glance_box = QGroupBox(self.tr("At a glance"))
        gl = QVBoxLayout(glance_box)
        gl.addWidget(_scroll(self.glance))
        layout = QGridLayout(self)
        layout.addWidget(box, 0, 0)
        layout.addWidget(self.i_am, 0, 1)
        layout.addWidget(self.words, 1, 0)
        layout.addWidget(glance_box, 1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        layout.setRowStretch(1, 1)
        ctx.writer_changed.connect(lambda _r: self._apply_role())

    def _apply_role(self) -> None:
        teacher = self.ctx.writer is Role.TEACHER
        self.grade.setReadOnly(not teacher)
        self.group.setReadOnly(not teacher)

    def show_profile(self, view: ProfileView) -> None:
        self.view = view
        learner = view.learner
        self.preferred.setText(learner.preferred_name)
        self.pronouns.setText(learner.pronouns)
        self.grade.setText(learner.grade)
        self.group.setText(learner.group_name)
        self.i_am.show_entries(view)
        self.words.show_entries(view)
        self.glance.setText(self._glance_html(view))
        self._apply_role()

    def _glance_html(self, view: ProfileView) -> str:
        """The profile in a few lines, so a conference can start from the whole picture."""
        def agreed(section: d.Section) -> list[str]:
            return [e.text for e in view.section(section) if e.agreement == d.Agreement.AGREED.value]

        def line(title: str, items: list[str]) -> str:
            shown = "; ".join(html.escape(i) for i in items[:4]) or "<i>" + html.escape(self.tr("nothing yet")) + "</i>"
            return f"<p><b>{html.escape(title)}</b>: {shown}</p>"

        parts = [line(labels.section(s), agreed(s)) for s in d.ABOUT_SECTIONS]
        for lens, (works, _barriers) in d.LENS_SECTIONS.items():
            parts.append(line(self.tr("{lens}: works for me").format(lens=labels.lens(lens)), agreed(works)))
        parts.append(line(self.tr("Backpack"), [b.name for b in view.backpack]))
        active = [g.goal for g in view.goals if g.goal.status in (d.GoalStatus.IN_PROGRESS.value,
                                                                   d.GoalStatus.NOT_STARTED.value)]
        parts.append(line(self.tr("Goals now"), [f"{g.statement} ({labels.status(g.status)})" for g in active]))
        return "".join(parts)

    def _save(self) -> None:
        if self.view is None:
            return
        learner = self.view.learner
        values = {"preferred_name": self.preferred.text(), "pronouns": self.pronouns.text()}
        if self.ctx.writer is Role.TEACHER:
            values |= {"grade": self.grade.text(), "group_name": self.group.text()}
        attempt(self, lambda: self.ctx.profiles.update_learner(
            self.ctx.actor(learner.id), learner.id, expected_version=learner.version, **values))
        self._on_change()  # shows what is stored now, whether the save went through or was refused


class StrengthsTab(QWidget):
    """Strengths, challenges, interests, aspirations, talents and passions."""

    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.lists = {s: EntryList(ctx, s) for s in d.ABOUT_SECTIONS}
        inner = QWidget()
        grid = QGridLayout(inner)
        for i, (_section, lst) in enumerate(self.lists.items()):
            lst.changed.connect(on_change)
            lst.setMinimumHeight(190)
            grid.addWidget(lst, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(inner))

    def show_profile(self, view: ProfileView) -> None:
        for lst in self.lists.values():
            lst.show_entries(view)


class LensesTab(QWidget):
    """How I learn best: Access, Engage, Express, each with what works and what gets in the way."""

    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.lists: dict[d.Section, EntryList] = {}
        inner = QWidget()
        column = QVBoxLayout(inner)
        for lens, (works, barriers) in d.LENS_SECTIONS.items():
            box = QGroupBox(f"{labels.lens(lens)} — {labels.lens_question(lens)}")
            box.setObjectName(f"lens_{lens.value}")
            row = QHBoxLayout(box)
            for section in (works, barriers):
                lst = EntryList(ctx, section)
                lst.setMinimumHeight(170)
                lst.changed.connect(on_change)
                self.lists[section] = lst
                row.addWidget(lst)
            column.addWidget(box)
        hint = QLabel(self.tr("Access: how I take in information · Engage: what keeps me going · "
                              "Express: how I show what I know"))
        hint.setWordWrap(True)
        column.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(inner))

    def show_profile(self, view: ProfileView) -> None:
        for lst in self.lists.values():
            lst.show_entries(view)
