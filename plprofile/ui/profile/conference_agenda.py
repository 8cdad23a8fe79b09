"""The conference's agenda: what the learner asked to talk about first, their answers to the teacher's questions
since the last conference, then the suggestions still waiting for the learner (accepted or declined in place), goals due or overdue, and Stages elements not rated for a while."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem, QWidget

from plprofile.domain import profile as d
from plprofile.domain.profile import Agreement, Role
from plprofile.services.views import GoalInfo, ProfileView

from ..kit import labels
from ..kit.common import attempt, fmt_date

# A goal whose target date falls within this many days is "due".
DUE_SOON_DAYS = 7
# An element whose latest rating (not carried forward) is older than this many weeks is "not rated for a while".
UNRATED_WEEKS = 8
ID_ROLE = Qt.ItemDataRole.UserRole


class AgendaPanel(QTreeWidget):
    """Four groups, in the order they are talked about; a waiting suggestion carries Accept and Decline."""

    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setColumnCount(2)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(self.tr("Agenda"))
        self.decisions: dict[uuid.UUID, tuple[QPushButton, QPushButton]] = {}
        self.players: dict[uuid.UUID, QPushButton] = {}  # an answer's recording: Play
        self.learner_id: uuid.UUID | None = None
        ctx.writer_changed.connect(lambda _role: self._enable_decisions())

    def groups(self) -> dict[str, list[str]]:
        """Each group's title and its lines, as shown (for tests and screen readers)."""
        return {self.topLevelItem(i).text(0): [self.topLevelItem(i).child(k).text(0)
                                               for k in range(self.topLevelItem(i).childCount())]
                for i in range(self.topLevelItemCount())}

    def show_profile(self, view: ProfileView, history, framework, today: date | None = None) -> None:  # noqa: ANN001
        today = today or date.today()
        self.learner_id = view.learner.id
        self.clear()
        self.decisions.clear()
        self.players.clear()
        proposals = [e.text for e in view.section(d.Section.NEXT_CONFERENCE)
                     if e.agreement == Agreement.AGREED.value]
        self._group(self.tr("What {name} wants to talk about").format(name=view.learner.preferred_name),
                    [(t, None) for t in proposals], self.tr("Nothing proposed for this conference."))
        # what the learner answered to their teacher's questions since the last conference
        answered = [(self.tr("{question} — {answer}").format(
            question=q.text, answer=a.text or self.tr("(a recording)")), ("recording", a.id) if a.recording else None)
            for q in self.ctx.questions.answers_since_conference(self.ctx.me, view.learner.id) for a in q.answer_rows]
        self._group(self.tr("What {name} answered").format(name=view.learner.preferred_name), answered,
                    self.tr("No answers to your questions since the last conference."))
        waiting: list[tuple[str, tuple[str, uuid.UUID]]] = []
        for e in view.entries:
            if e.agreement == Agreement.SUGGESTION.value and not e.teacher_only:
                waiting.append((self.tr("{section}: {text}").format(
                    section=labels.section_in_full(e.section), text=e.text), ("entry", e.id)))
        for gv in view.goals:
            if gv.goal.agreement == Agreement.SUGGESTION.value:
                waiting.append((self.tr("Goal: {text}").format(text=gv.goal.statement), ("goal", gv.goal.id)))
        self._group(self.tr("Suggestions waiting for {name}").format(name=view.learner.preferred_name),
                    waiting, self.tr("No suggestions waiting."))
        due = []
        for gv in view.goals:
            goal = gv.goal
            if goal.target_date is None or goal.status in (d.GoalStatus.ACHIEVED.value, d.GoalStatus.SET_ASIDE.value):
                continue
            if goal.target_date < today:
                due.append((self.tr("Overdue since {date}: {goal}").format(goal=goal.statement,
                                                                           date=fmt_date(goal.target_date)), None))
            elif goal.target_date <= today + timedelta(days=DUE_SOON_DAYS):
                due.append((self.tr("Due {date}: {goal}").format(goal=goal.statement,
                                                                 date=fmt_date(goal.target_date)), None))
        self._group(self.tr("Goals due or overdue"), due, self.tr("No goal is due this week."))
        self._group(self.tr("Stages not rated for a while"), [(t, None) for t in self._unrated(history, framework, today)],
                    self.tr("Every element was rated in the last %n week(s).", "", UNRATED_WEEKS))
        self._enable_decisions()

    def _unrated(self, history, framework, today: date) -> list[str]:  # noqa: ANN001
        from plprofile.i18n import ui_language

        cutoff = today - timedelta(weeks=UNRATED_WEEKS)
        lines = []
        for element in framework.elements:
            days = [a.assessed_on for a in history
                    if (r := a.rating(element.id)) is not None and r.carried_from is None and r.effective() is not None]
            last = max(days) if days else None
            if last is None:
                lines.append(self.tr("{element}: never rated").format(element=element.text(ui_language())))
            elif last < cutoff:
                lines.append(self.tr("{element}: last rated {date}").format(element=element.text(ui_language()),
                                                                            date=fmt_date(last)))
        return lines

    def _group(self, title: str, lines: list[tuple[str, tuple[str, uuid.UUID] | None]], empty: str) -> None:
        top = QTreeWidgetItem([title])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        self.addTopLevelItem(top)
        if not lines:
            item = QTreeWidgetItem([empty])
            item.setDisabled(True)
            top.addChild(item)
        for text, target in lines:
            item = QTreeWidgetItem([text])
            item.setToolTip(0, text)
            top.addChild(item)
            if target is not None and target[0] == "recording":  # an answer said aloud: the teacher plays it
                self._play_button(item, target[1])
            elif target is not None:
                self._decision_buttons(item, *target)
        top.setExpanded(True)

    def _decision_buttons(self, item: QTreeWidgetItem, kind: str, row_id: uuid.UUID) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        accept, decline = QPushButton(self.tr("Accept")), QPushButton(self.tr("Decline"))
        accept.setAccessibleName(self.tr("Accept: {text}").format(text=item.text(0)))
        decline.setAccessibleName(self.tr("Decline: {text}").format(text=item.text(0)))
        accept.clicked.connect(lambda: self._decide(kind, row_id, True))
        decline.clicked.connect(lambda: self._decide(kind, row_id, False))
        row.addWidget(accept)
        row.addWidget(decline)
        self.setItemWidget(item, 1, box)
        self.decisions[row_id] = (accept, decline)

    def _play_button(self, item: QTreeWidgetItem, answer_id: uuid.UUID) -> None:
        play = QPushButton(self.tr("▶ Play"))
        play.setAccessibleName(self.tr("Play the recording: {text}").format(text=item.text(0)))
        play.clicked.connect(lambda: self.play(answer_id))
        self.setItemWidget(item, 1, play)
        self.players[answer_id] = play

    def play(self, answer_id: uuid.UUID) -> None:
        """Hand the answer's recording to the desktop's player."""
        from plprofile.domain.evidence_files import EvidenceFileError

        from ..kit import ask
        from ..kit.messages import explain
        from .evidence_files import open_outside

        try:
            stored = attempt(self, lambda: self.ctx.questions.recording(self.ctx.me, answer_id))
        except EvidenceFileError as exc:
            ask.error(self, self.tr("This recording cannot be played"), explain(exc))
            return
        if stored is not None:
            open_outside(stored)

    def _enable_decisions(self) -> None:
        """The learner decides: the buttons work while the learner is writing."""
        learner = self.ctx.writer is Role.LEARNER
        tip = "" if learner else self.tr("The learner decides: choose \u201cLearner is writing\u201d first.")
        for buttons in self.decisions.values():
            for button in buttons:
                button.setEnabled(learner)
                button.setToolTip(tip)

    def _decide(self, kind: str, row_id: uuid.UUID, accept: bool) -> None:
        actor = self.ctx.actor(self.learner_id)
        profiles = self.ctx.profiles
        if kind == "entry":
            done = attempt(self, lambda: profiles.accept_suggestion(actor, row_id) if accept
                           else profiles.decline_suggestion(actor, row_id) or True)
        else:
            agreement = Agreement.AGREED if accept else Agreement.DECLINED
            done = attempt(self, lambda: profiles.set_agreement(actor, GoalInfo, row_id, agreement) or True)
        if done is not None:
            self.changed.emit()
