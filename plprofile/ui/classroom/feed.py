"""What changed since: what learners wrote or changed since a day (or since the teacher last looked), grouped
by learner, each change naming its goal or section; a learner opens in the main window."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..kit.common import attempt, fmt_datetime
from .snapshot import ALL, fill_scopes

ID_ROLE = Qt.ItemDataRole.UserRole


class FeedWindow(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent, Qt.WindowType.Window)
        from plprofile.services.week import WeekService

        self.ctx = ctx
        self.service = WeekService(ctx.store, ctx.profiles, ctx.stages)
        self.lines: dict = {}
        self.setWindowTitle(self.tr("What changed since"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Whose changes"))
        scope_label = QLabel(self.tr("&Learners:"))
        scope_label.setBuddy(self.scope)
        fill_scopes(self, self.scope, ctx)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        seen = attempt(self, lambda: self.service.feed_seen_at(ctx.teacher))
        start = seen.astimezone().date() if seen else date.today() - timedelta(days=7)
        self.since = QDateEdit(QDate(start.year, start.month, start.day))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("d MMM yyyy")
        self.since.setAccessibleName(self.tr("Changes since this day"))
        since_label = QLabel(self.tr("&Since:"))
        since_label.setBuddy(self.since)
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.seen_at = seen
        self.last_looked = QPushButton(self.tr("Since I last &looked"))
        self.last_looked.setEnabled(seen is not None)
        self.last_looked.clicked.connect(self.since_last_looked)
        self.mark = QPushButton(self.tr("&Mark all as read"))
        self.mark.clicked.connect(self.mark_read)
        top = QHBoxLayout()
        for widget in (scope_label, self.scope, since_label, self.since, self.last_looked, self.mark):
            top.addWidget(widget)
        top.addStretch(1)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Where"), self.tr("What they wrote")])
        self.tree.setAccessibleName(self.tr("Changes by learner, newest first"))
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        self.counts = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.counts)
        self.resize(900, 600)
        self._since_moment: datetime | None = seen

    def _since(self) -> datetime:
        if self._since_moment is not None:
            return self._since_moment
        day = self.since.date().toPython()
        return datetime.combine(day, time()).astimezone().astimezone(UTC)

    def since_last_looked(self) -> None:
        if self.seen_at is not None:
            self._since_moment = self.seen_at
            self.refresh()

    def mark_read(self) -> None:
        now = datetime.now(UTC)
        attempt(self, lambda: self.service.mark_feed_seen(self.ctx.teacher, now))
        self.seen_at = now
        self.last_looked.setEnabled(True)

    def place(self, line) -> str:  # noqa: ANN001
        from plprofile.domain.profile import Section

        from ..kit import labels
        from ..kit.labels import entity_label

        kind, value = line.place
        if kind == "section" and value in Section._value2member_map_:
            return labels.section_in_full(value)
        if kind == "goal":
            return self.tr("Goal: {statement}").format(statement=value) if value else entity_label("goal")
        return entity_label(line.entity)

    def refresh(self) -> None:
        if self.sender() is self.since:
            self._since_moment = None  # a day chosen by hand
        kind, value = self.scope.currentData() or ALL
        kwargs = {"class_id": value} if kind == "class" else {"group": value} if kind == "group" else {}
        since = self._since()
        lines = attempt(self, lambda: self.service.changes_since(self.ctx.teacher, since, **kwargs))
        if lines is None:
            return
        self.lines = lines
        from ..kit.labels import field_label

        names = {r.id: r.display_name for r in self.ctx.profiles.class_list(self.ctx.teacher).learners}
        self.tree.clear()
        for learner_id in sorted(lines, key=lambda lid: lines[lid][0].at, reverse=True):
            learner_lines = lines[learner_id]
            top = QTreeWidgetItem([names.get(learner_id, "?"), self.tr("%n change(s)", "", len(learner_lines)), ""])
            top.setData(0, ID_ROLE, learner_id)
            self.tree.addTopLevelItem(top)
            for line in learner_lines:
                words = line.words
                if line.action == "update" and line.field:
                    words = f"{field_label(line.field)}: {words}"
                elif line.action == "delete":
                    words = self.tr("removed")
                child = QTreeWidgetItem(top, [fmt_datetime(line.at), self.place(line), words])
                child.setData(0, ID_ROLE, learner_id)
                child.setToolTip(2, line.words)
            top.setExpanded(True)
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        total = sum(len(v) for v in lines.values())
        self.counts.setText(self.tr("%n change(s) by these learners", "", total))

    def _open(self, item: QTreeWidgetItem) -> None:
        parent = self.parentWidget()
        learner_id = item.data(0, ID_ROLE)
        if learner_id is not None and parent is not None and hasattr(parent, "select_learner"):
            parent.select_learner(learner_id)
            parent.raise_()
            parent.activateWindow()


__all__ = ["FeedWindow"]
