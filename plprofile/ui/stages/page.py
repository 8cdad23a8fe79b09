"""Stages and progress: rate the Stages together in a conference, and the learner's three progress charts.

``show_profile`` only remembers the learner and marks everything stale; the store is read and the charts are
drawn when the page (or one of its tabs) is actually on screen, so reloading a profile stays instant.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plprofile.charts import style
from plprofile.charts import tables as chart_tables
from plprofile.domain.framework import Framework, format_value
from plprofile.domain.progress import (
    Assessment,
    goal_counts_over_time,
    goal_dates,
    largest_gaps,
    latest,
    overall_series,
)
from plprofile.services.views import ProfileView

from ..kit.a11y import show_message
from ..kit.chart_view import ChartView, ui_language
from ..kit.common import attempt, fmt_date
from .stage_entry import AssessmentEntry
from .stage_values import CHARTS, ENTRY


class StagesPage(QWidget):
    """The "Stages and progress" tab: rate the stages, and see progress, where we are now and goals."""

    def __init__(self, ctx, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.on_change = ctx, on_change
        self.learner_id: uuid.UUID | None = None
        self.learner_name = ""
        self.drafts: dict[uuid.UUID, dict] = {}
        self.stale: set[str] = {ENTRY, *CHARTS}
        self._cache: dict[str, object] = {}
        self.draw_seconds: dict[str, list[float]] = {name: [] for name in CHARTS}
        self._drawn: dict[str, tuple] = {}

        self.entry = AssessmentEntry(ctx, self)
        self.charts = {
            "progress": ChartView(self.tr("Progress through the stages")),
            "now": ChartView(self.tr("Where we are now")),
            "goals": ChartView(self.tr("Goals over time")),
        }
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Stages: rate and chart"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.entry, self.tr("&Rate the stages"))
        self.tabs.addTab(self.charts["progress"], self.tr("&Progress over time"))
        self.tabs.addTab(self.charts["now"], self.tr("Where we are &now"))
        self.tabs.addTab(self.charts["goals"], self.tr("&Goals over time"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_visible())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._refresh_visible)
        ctx.writer_changed.connect(lambda _role: self.entry.apply_writer())

    # ---- the hooks the profile panel and the main window call ---------------------------------------
    def show_profile(self, view: ProfileView) -> None:
        """Cheap: remember the learner and mark everything stale; reading and drawing wait until shown."""
        learner_id = view.learner.id
        if learner_id != self.learner_id:
            if self.learner_id is not None:
                draft = self.entry.snapshot()
                if draft is None:
                    self.drafts.pop(self.learner_id, None)
                else:
                    self.drafts[self.learner_id] = draft
            self.learner_id = learner_id
            if self.entry.framework is not None:
                self.entry.restore(self.drafts.get(learner_id))
            show_message(self.entry.saved_label, "")
        self.learner_name = f"{view.learner.preferred_name} {view.learner.family_name}".strip()
        self._invalidate()

    def show_chart(self, name: str) -> None:
        """Bring a chart to the front and draw it now (``--screenshot --view progress|now``)."""
        page = self.charts[name]
        self.tabs.setCurrentWidget(page)
        if name in self.stale or page.canvas is None:
            self._refresh(name)

    def data_changed(self) -> None:
        """An assessment was saved here: everything else on the profile reloads too."""
        self._invalidate()
        self.on_change()

    # ---- refreshing ---------------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._cache.clear()
        self.stale = {ENTRY, *CHARTS}
        if self.isVisible():
            self._later.start()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._refresh_visible()

    def current_name(self) -> str:
        widget = self.tabs.currentWidget()
        return next((n for n, w in self.charts.items() if w is widget), ENTRY)

    def _refresh_visible(self) -> None:
        if self.isVisible() and self.learner_id is not None and self.current_name() in self.stale:
            self._refresh(self.current_name())

    def _refresh(self, name: str) -> None:
        if self.learner_id is None:
            return
        self.stale.discard(name)
        if name == ENTRY:
            self.entry.ensure_framework(self.ctx.stages.active_framework(self.ctx.me))
            self.entry.set_history(self.history())
            return
        key = self._data_key(name)
        if key == self._drawn.get(name) and self.charts[name].canvas is not None:
            return  # a profile reload that changed nothing this chart shows: keep the drawing
        seconds = getattr(self, f"_draw_{name}")()
        self._drawn[name] = key
        self.draw_seconds[name].append(seconds)

    def _data_key(self, name: str) -> tuple:
        """What a chart is drawn from; assessments are insert-only, so their ids stand for them."""
        base = (self.learner_id, self.learner_name, ui_language(), self.chart_framework().key, date.today())
        if name == "goals":
            events, points, names = self.goal_timeline()
            return (*base, tuple(events), tuple(points), tuple(sorted(names.items())), self.date_range())
        history = self.history()
        if name == "now":
            last = latest(history)
            return (*base, last.id if last else None)
        return (*base, tuple(a.id for a in history), self.date_range())

    # ---- data (read once per reload, shared by the charts) ------------------------------------------
    def history(self) -> list[Assessment]:
        if "history" not in self._cache:
            learner_id = self.learner_id
            self._cache["history"] = attempt(
                self, lambda: self.ctx.stages.history(self.ctx.teacher, learner_id)) or []
        return self._cache["history"]  # type: ignore[return-value]

    def goal_timeline(self):  # noqa: ANN201
        if "goals" not in self._cache:
            learner_id = self.learner_id
            self._cache["goals"] = attempt(
                self, lambda: self.ctx.stages.goal_timeline(self.ctx.teacher, learner_id)) or ([], [], {})
        return self._cache["goals"]

    def chart_framework(self) -> Framework:
        """The active framework; if none of the history's elements are in it, the one last used."""
        if "framework" not in self._cache:
            fw = self.ctx.stages.active_framework(self.ctx.me)
            history = self.history()
            rated = {r.element_id for a in history for r in a.ratings}
            if rated and not rated & set(fw.element_ids()):
                last = latest(history)
                fw = self.ctx.stages.framework_for(self.ctx.me, last.framework_id, last.framework_version)
            self._cache["framework"] = fw
        return self._cache["framework"]  # type: ignore[return-value]

    def date_range(self) -> tuple[date, date] | None:
        """One time axis for the stages and the goals: first record to today, with a margin."""
        events, points, _names = self.goal_timeline()
        days = [a.assessed_on for a in self.history()] + [e.on for e in events] + [c.on for c in points]
        if not days:
            return None
        lo, hi = min(days), max(max(days), date.today())
        margin = timedelta(days=max(12, round((hi - lo).days * 0.03)))
        return lo - margin, hi + margin

    # ---- the three charts ---------------------------------------------------------------------------
    def _draw_progress(self) -> float:
        from plprofile.charts.figures import progress_figure, update_progress_figure

        history, fw, lang = self.history(), self.chart_framework(), ui_language()
        rng = self.date_range()
        title = self.tr("{name}: progress through the stages").format(name=self.learner_name)
        series = overall_series(history, "agreed", fw.element_ids())
        if not series:
            summary = self.tr("No assessments yet: rate the stages in the first tab.")
        else:
            (d0, v0), (d1, v1) = series[0], series[-1]
            change = round(v1 - v0, 2)
            summary = self.tr("Overall stage (agreed) {a} on {d0}, {b} on {d1} ({change}); %n assessment(s).",
                              "", len(history)).format(
                a=chart_tables.fmt_value(v0), d0=fmt_date(d0), b=chart_tables.fmt_value(v1), d1=fmt_date(d1),
                change=self.tr("up {n}").format(n=f"{change:g}") if change > 0 else
                self.tr("down {n}").format(n=f"{-change:g}") if change < 0 else self.tr("no change"))
        return self.charts["progress"].update_figure(
            lambda fig: update_progress_figure(fig, history, fw, lang, title=title, date_range=rng),
            lambda: progress_figure(history, fw, lang, title=title, date_range=rng),
            chart_tables.progress_table(history, fw, lang), summary, export_name=title)

    def _draw_now(self) -> float:
        from plprofile.charts.figures import now_figure

        history, fw, lang = self.history(), self.chart_framework(), ui_language()
        assessment = latest(history)
        if assessment is None:
            title = self.tr("{name}: where we are now").format(name=self.learner_name)
            summary = self.tr("No assessments yet: rate the stages in the first tab.")
        else:
            title = self.tr("{name}: where we are now ({date})").format(
                name=self.learner_name, date=fmt_date(assessment.assessed_on))
            found = largest_gaps(assessment, n=len(fw.elements), min_difference=style.GAP_THRESHOLD)
            if found:
                parts = [
                    (self.tr("{element} (learner higher by {n})") if g.difference > 0 else
                     self.tr("{element} (teacher higher by {n})")).format(
                        element=fw.element(g.element_id).text(lang) if fw.get_element(g.element_id)
                        else g.element_id, n=format_value(abs(g.difference)))
                    for g in found]
                summary = self.tr("Learner and teacher differ on: {list}.").format(list="; ".join(parts))
            else:
                summary = self.tr("Learner and teacher see every element the same way.")
        return self.charts["now"].show_figure(
            lambda: now_figure(assessment, fw, lang, title=title),
            chart_tables.now_table(assessment, fw, lang), summary, export_name=title)

    def _draw_goals(self) -> float:
        from plprofile.charts.figures import goals_figure

        events, points, names = self.goal_timeline()
        lang = ui_language()
        rng = self.date_range()
        if events:
            first = min(e.on for e in events)
            counts = goal_counts_over_time(events, goal_dates(events, first, max(date.today(), first)))
        else:
            counts = []
        title = self.tr("{name}: goals over time").format(name=self.learner_name)
        if counts:
            now = counts[-1][1]
            summary = self.tr("Today: {set} goals set, {progress} in progress, {achieved} achieved; "
                              "%n check-in(s).", "", len(points)).format(
                set=now["set"], progress=now["in_progress"], achieved=now["achieved"])
        else:
            summary = self.tr("No goals yet: set one in the Goals tab.")
        return self.charts["goals"].show_figure(
            lambda: goals_figure(counts, points, lang, rng, goal_names=names, title=title),
            chart_tables.goals_table(counts, points, lang, names), summary, export_name=title)
