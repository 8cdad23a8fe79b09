"""The learner's history: the change log as a timeline (who, what, when, old and new value), filterable by author."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from plprofile.domain.profile import Role
from plprofile.i18n import ui_language
from plprofile.services.views import ChangeView, ProfileView

from ..kit import labels
from ..kit.a11y import unseen_label
from ..kit.common import attempt, fmt_date, fmt_datetime
from ..kit.context import AppContext
from ..kit.labels import entity_label, field_label  # noqa: F401  (also read from here)

# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


_MAIN_FIELDS = ("text", "statement", "name", "notes", "note", "reflection", "element_id", "given_name")


def describe(row: ChangeView, element_name=str,  # noqa: ANN001
             sections: dict[uuid.UUID, str] | None = None) -> tuple[str, str, str]:
    """(what, old value, new value) in words a learner understands. ``sections`` names the profile section of
    each entry, so an edit reads "Strengths: text" like the entry's creation reads "Strengths: added"."""
    sections = sections or {}
    what = entity_label(row.entity)
    if row.action == "create":
        try:
            content = json.loads(row.new_value or "{}")
        except ValueError:
            content = {}
        main = next((content[f] for f in _MAIN_FIELDS if content.get(f)), "")
        section = content.get("section")
        if section:
            try:
                what = labels.section_in_full(section)
            except (KeyError, ValueError):
                pass
        if row.entity == "check_in" and content.get("scale"):
            main = f"{labels.checkin_scale(int(content['scale']))} {main}".strip()
        if row.entity == "assessment_rating":
            what = translate("history", "Stages: {element}").format(
                element=element_name(content.get("element_id", "")))
            views = ((translate("history", "learner"), "learner_value"),
                     (translate("history", "teacher"), "teacher_value"),
                     (translate("history", "agreed"), "agreed_value"))
            main = ", ".join(f"{who} {float(content[k]):g}" for who, k in views if content.get(k))
            if content.get("note"):  # the words written beside the rating, as the learner wrote them
                main = f"{main}: {content['note']}" if main else content["note"]
        return translate("history", "{what}: added").format(what=what), "", str(main)
    if row.action in ("delete", "restore"):
        verb = translate("history", "removed") if row.action == "delete" else translate("history", "restored")
        return f"{what}: {verb}", "", ""
    field = field_label(row.field or "")
    old, new = row.old_value or "", row.new_value or ""
    if row.field == "status":
        old, new = (labels.status(v) if v else "" for v in (old, new))
    elif row.field == "agreement":
        old, new = (labels.agreement(v) if v else "" for v in (old, new))
    else:
        old, new = value_text(row.field or "", old), value_text(row.field or "", new)
    if row.entity == "profile_entry" and sections.get(row.entity_id):
        try:
            what = labels.section_in_full(sections[row.entity_id])
        except (KeyError, ValueError):
            pass
    if row.action == "update" and row.old_value == row.new_value:  # a decision between two versions: kept
        return translate("history", "{what}: {field} kept, of two versions").format(what=what, field=field), "", new
    return f"{what}: {field}", old, new


def value_text(field: str, value: str) -> str:
    """A stored value as a person reads it: yes/no, done/not done, dates in the locale's format."""
    if value in ("true", "false"):
        if field == "done":
            return translate("history", "done") if value == "true" else translate("history", "not done")
        if field == "shared_with_family":  # the learner's say, in their words
            return (translate("family_share", "My family too") if value == "true"
                    else translate("family_share", "My teacher and me"))
        return translate("history", "yes") if value == "true" else translate("history", "no")
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return fmt_date(date.fromisoformat(value))
        except ValueError:
            return value
    if len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        return fmt_datetime(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    return value


class HistoryModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("history", "When"), QT_TRANSLATE_NOOP("history", "Who"),
               QT_TRANSLATE_NOOP("history", "What"), QT_TRANSLATE_NOOP("history", "Before"),
               QT_TRANSLATE_NOOP("history", "After"))

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str, str]] = []

    def set_rows(self, log: list[ChangeView], names: dict[uuid.UUID, str], element_name=str,  # noqa: ANN001
                 sections: dict[uuid.UUID, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = []
        for row in log:
            when = fmt_datetime(row.at)
            who = f"{names.get(row.author_id, '?')} ({labels.role(row.author_role)})"
            if row.signed_in_id is not None and row.signed_in_id != row.author_id:
                who = translate("history", "{who}, in {teacher}'s session").format(
                    who=who, teacher=names.get(row.signed_in_id, "?"))
            self.rows.append((when, who, *describe(row, element_name, sections)))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("history", self.HEADERS[section])
        return None


class HistoryPage(QWidget):
    """Loads only when shown: a profile reload costs nothing while the tab is hidden."""

    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.learner_id: uuid.UUID | None = None
        self.sections: dict[uuid.UUID, str] = {}
        self.stale = True
        self.author = QComboBox()
        self.author.setAccessibleName(self.tr("Show changes by"))
        self.author.addItem(self.tr("Everyone"), None)
        self.author.addItem(self.tr("The learner"), Role.LEARNER.value)
        self.author.addItem(self.tr("Teachers"), Role.TEACHER.value)
        self.author.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("History of changes"))
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show changes by:")))
        top.addWidget(self.author)
        unseen_label(self.author, self.tr("Show changes by"), top)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_profile(self, view: ProfileView) -> None:
        self.learner_id = view.learner.id
        self.sections = {e.id: e.section for e in view.entries}
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        if self.learner_id is None:
            return
        role = self.author.currentData()
        learner_id = self.learner_id
        log = attempt(self, lambda: self.ctx.profiles.history(self.ctx.me, learner_id,
                                                               author_role=Role(role) if role else None))
        if log is None:
            return
        framework = self.ctx.stages.active_framework(self.ctx.me)

        def element_name(element_id: str) -> str:
            element = framework.get_element(element_id)
            return element.text(ui_language()) if element else element_id

        self.model.set_rows(log, self.ctx.profiles.author_names(self.ctx.me, learner_id), element_name,
                            self.sections)
        self.count.setText(self.tr("%n change(s)", "", len(log)))
        self.stale = False
