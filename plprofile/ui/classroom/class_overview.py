"""The class overview: how many learners stand at each stage per element, how that moved, and who is due."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from plprofile.charts import tables as chart_tables
from plprofile.services.stages import DUE_WEEKS
from plprofile.ui.kit.tidy import figure_dropped

from ..kit.chart_view import (
    ChartView,
    LazyTextTableModel,
    choose_export_path,
    make_table_view,
    safe_file_name,
    ui_language,
    write_csv,
)
from ..kit.common import attempt, fmt_date

ANY_GROUP = ""
#: How long after the overview is drawn every element's counts over time start being read ahead.
ELEMENTS_AFTER_MS = 1000
OVERALL = ""  # the "Over time" choice for the overall stage; else an element id


class ClassOverview(QWidget):
    """A window of its own: the class distribution now and over the year, and who has not been assessed."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Class overview: Stages of Personalized Learning"))
        self.due_ids: list[uuid.UUID] = []
        self.assessed_count = 0
        self.learner_count = 0

        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Group"))
        self.group.addItem(self.tr("All groups"), ANY_GROUP)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        group_label = QLabel(self.tr("&Group:"))
        group_label.setBuddy(self.group)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 52)
        self.weeks.setValue(DUE_WEEKS)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.weeks.setAccessibleName(self.tr("Not assessed in the last number of weeks"))
        self.weeks.valueChanged.connect(lambda _v: self.refresh_due())
        weeks_label = QLabel(self.tr("Not assessed in the &last"))
        weeks_label.setBuddy(self.weeks)
        self.counts_label = QLabel()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(group_label)
        top.addWidget(self.group)
        top.addSpacing(16)
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.refresh_button)

        self.chart = ChartView(self.tr("Learners at each stage"))
        self.over_time = QComboBox()
        self.over_time.setAccessibleName(self.tr("Over time"))
        self.over_time.setToolTip(self.tr("What the chart on the right shows over the year"))
        self.over_time.addItem(self.tr("Overall stage"), OVERALL)
        self.over_time.currentIndexChanged.connect(lambda _i: self.show_over_time())
        over_time_label = QLabel(self.tr("O&ver time:"))
        over_time_label.setBuddy(self.over_time)
        chart_row = QHBoxLayout()
        chart_row.setContentsMargins(0, 0, 0, 0)
        chart_row.addStretch(1)
        chart_row.addWidget(over_time_label)
        chart_row.addWidget(self.over_time)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(chart_row)
        ll.addWidget(self.chart, 1)

        self.due_title = QLabel()
        font = QFont(self.due_title.font())
        font.setBold(True)
        self.due_title.setFont(font)
        self.due_title.setWordWrap(True)
        self.due_model = LazyTextTableModel(self)
        self.due_view = make_table_view(self.due_model, self.tr("Learners not assessed recently"))
        self.due_view.horizontalHeader().setStretchLastSection(True)
        # the list may hold a whole school: columns fit the rows in view, not a thousand (Qt's default) nor a
        # hundred (each row measured asks the model eight questions a cell: 12,000 calls, 25 ms of the
        # overview's first opening at 10,000 learners)
        self.due_view.horizontalHeader().setResizeContentsPrecision(0)
        self.due_view.activated.connect(self._open_learner)
        self.due_view.setToolTip(self.tr("Double-click or press Enter to open the learner"))
        self.due_export = QPushButton(self.tr("Export li&st…"))
        self.due_export.clicked.connect(self.export_due)
        weeks_row = QHBoxLayout()
        weeks_row.addWidget(weeks_label)
        weeks_row.addWidget(self.weeks)
        weeks_row.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        rl.addLayout(weeks_row)
        rl.addWidget(self.due_title)
        rl.addWidget(self.due_view, 1)
        rl.addWidget(self.due_export)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        # as large as the main window it belongs to (which already fits the screen), at most 1400 x 900
        base = parent.window().size() if parent is not None else None
        width = min(1400, base.width()) if base is not None and base.width() > 600 else 1360
        height = min(900, base.height()) if base is not None and base.height() > 400 else 860
        self.resize(width, height)
        self.splitter.setSizes([width - 380, 360])

    # ---- data ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the class and draw the chart now."""
        ctx = self.ctx
        groups = attempt(self, lambda: ctx.profiles.groups(ctx.teacher))
        if groups is None:
            return
        chosen = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("All groups"), ANY_GROUP)
        for g in groups:
            self.group.addItem(g, g)
        self.group.setCurrentIndex(max(0, self.group.findData(chosen)))
        self.group.blockSignals(False)
        group = self.group.currentData() or None

        framework = ctx.stages.active_framework(ctx.me)
        self._fill_over_time(framework)
        element = self.over_time.currentData() or None
        cutoff = self._cutoff()
        both = attempt(self, lambda: ctx.stages.class_overview(ctx.teacher, cutoff, group, framework=framework,
                                                               element=element))
        if both is None:
            return
        summary_data, due = both
        lang = ui_language()
        self.learner_count, self.assessed_count = summary_data.learners, summary_data.assessed
        where = group or self.tr("all groups")
        overall = summary_data.overall_now
        if overall:
            parts = ", ".join(f"{chart_tables.stage_column_label(framework, v, lang)}: {overall[v]}"
                              for v in framework.allowed_values() if overall.get(v))
            summary = self.tr("Overall stage now ({n} assessed): {parts}.").format(
                n=self.assessed_count, parts=parts)
        else:
            summary = self.tr("No assessments yet in {where}.").format(where=where)
        self.counts_label.setText(self.tr("{n} learners, {k} assessed").format(
            n=self.learner_count, k=self.assessed_count))
        over_time = {None: summary_data.over_time}
        if element is not None:
            over_time[element] = summary_data.over_time
        self._shown = {"group": group, "framework": framework, "now": summary_data.now,
                       "over_time": over_time, "element": element,
                       "title": self.tr("Class overview, {where}: {n} learners").format(
                           where=where, n=self.learner_count), "summary": summary}
        self._draw(summary_data.over_time)
        self._shown_group = group or ANY_GROUP
        self._show_due(cutoff, due)
        # every element over time, read on a worker a moment after what is drawn now is on screen: not beside its
        # drawing, which the reader's share of Python's lock slowed (class_chart_cold_ms 242 -> 355 ms at 2,000
        # learners when it started on the next event-loop turn); an element chosen sooner is read then
        QTimer.singleShot(ELEMENTS_AFTER_MS, self, lambda: attempt(self, lambda: ctx.stages.warm_elements(
            ctx.teacher, group, framework=framework)))

    def _fill_over_time(self, framework) -> None:  # noqa: ANN001
        """The choices "Overall stage" and each element of ``framework``, keeping the one chosen if still there."""
        items = [(self.tr("Overall stage"), OVERALL)]
        items += [(e.text(ui_language()), e.id) for e in framework.elements]
        if [(self.over_time.itemText(i), self.over_time.itemData(i)) for i in range(self.over_time.count())] \
                == items:
            return
        chosen = self.over_time.currentData()
        self.over_time.blockSignals(True)
        self.over_time.clear()
        for text, key in items:
            self.over_time.addItem(text, key)
        self.over_time.setCurrentIndex(max(0, self.over_time.findData(chosen)))
        self.over_time.blockSignals(False)

    def show_over_time(self) -> None:
        """Chart the element chosen (or the overall stage) over time: only its counts over time are read anew;
        the bars of now stay as they were."""
        shown = getattr(self, "_shown", None)
        if shown is None:
            return
        ctx = self.ctx
        element = self.over_time.currentData() or None
        cache = shown["over_time"]  # what this class showed since the last refresh: going back is instant
        if element not in cache:
            over_time = attempt(self, lambda: ctx.stages.class_element_over_time(
                ctx.teacher, element, shown["group"], framework=shown["framework"]))
            if over_time is None:
                return
            cache[element] = over_time
        over_time = cache[element]
        shown["element"] = element
        self._draw(over_time, in_place=True)

    def _draw(self, over_time, in_place: bool = False) -> None:  # noqa: ANN001
        """Chart ``over_time`` beside the bars of now; ``in_place``: into the figure shown, if it can take it
        (only the chart over time changes: ``update_class_figure``), else on a new one."""
        shown = self._shown
        now, framework, element, title = shown["now"], shown["framework"], shown["element"], shown["title"]
        lang = ui_language()
        from plprofile.charts.figures import class_figure, update_class_figure

        def factory():  # noqa: ANN202
            return class_figure(now, over_time, framework, lang, title=title, element=element)

        table = chart_tables.class_table(now, over_time, framework, lang, element=element)
        name = title if element is None else f"{title} {chart_tables.over_time_title(framework, element, lang)}"
        if in_place:
            self.chart.update_figure(
                lambda fig: update_class_figure(fig, now, over_time, framework, lang, title=title, element=element),
                factory, table, shown["summary"], export_name=name)
        else:
            self.chart.show_figure(factory, table, shown["summary"], export_name=name)

    def refresh_due(self) -> None:
        """Who has not been assessed in the last N weeks: never assessed first, then the longest ago."""
        ctx = self.ctx
        group = getattr(self, "_shown_group", None)
        if group is None:
            return
        cutoff = self._cutoff()
        due = attempt(self, lambda: ctx.stages.not_assessed(ctx.teacher, cutoff, group or None))
        if due is not None:
            self._show_due(cutoff, due)

    def _cutoff(self) -> date:
        return date.today() - timedelta(weeks=self.weeks.value())

    def _show_due(self, cutoff: date, due: list) -> None:
        today = date.today()
        # a whole school shares a few hundred assessment days: each day is formatted once, and only for the
        # rows the list shows (or an export asks for)
        dates: dict[date, tuple[str, str]] = {}
        never = self.tr("never")

        def row(i: int) -> list[str]:
            learner, day = due[i]
            if day is None:
                return [learner.display_name, learner.group_name or "—", never, "—"]
            if day not in dates:
                dates[day] = (fmt_date(day), self.tr("%n day(s)", "", (today - day).days))
            return [learner.display_name, learner.group_name or "—", *dates[day]]

        self.due_ids = [learner.id for learner, _ in due]
        self.due_model.set_rows([self.tr("Learner"), self.tr("Group"), self.tr("Last assessed"), self.tr("Since")],
                                len(due), row)
        self.due_title.setText(self.tr("Not assessed since {date} (%n learner(s))", "", len(due))
                               .format(date=fmt_date(cutoff)))
        self.due_export.setEnabled(bool(due))

    def due_rows(self) -> list[list[str]]:
        return self.due_model.rows

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        """Closed (not deleted: it opens again with the class read anew): the chart's pixels go at once."""
        figure = self.chart.figure
        if figure is not None:
            from plprofile.charts.figures import release

            release(figure)
        figure_dropped()
        super().closeEvent(event)

    # ---- actions ------------------------------------------------------------------------------------
    def _open_learner(self, index: QModelIndex) -> None:
        parent = self.parentWidget()
        if index.isValid() and parent is not None and hasattr(parent, "select_learner"):
            parent.select_learner(self.due_ids[index.row()])
            parent.raise_()
            parent.activateWindow()

    def export_due(self) -> None:
        path = choose_export_path(self, self.tr("Export the list"),
                                  safe_file_name(self.due_title.text()) + ".csv", ("csv",))
        if path:
            try:
                write_csv(path, (self.due_model.headers, self.due_model.rows))
            except OSError as exc:
                from ..kit import ask

                ask.error(self, self.tr("Export the list"),
                          self.tr("The file could not be written: {reason}").format(reason=exc.strerror or exc))

