"""The learner's own home: their goals with the next step and a quick check-in, what their teacher asked them
(answered in writing here), suggestions to decide, the next conference and something to bring to it, and the rest
of the profile one click away."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain import profile as d
from plprofile.domain.profile import Agreement
from plprofile.services.views import GoalView, ProfileView

from ..kit import labels
from ..kit.common import attempt, fmt_date
from ..kit.context import AppContext
from ..profile.family_share import audience

# Goals a learner is still working on (the home leaves achieved and set-aside goals to the Goals page).
OPEN_STATUSES = {d.GoalStatus.NOT_STARTED.value, d.GoalStatus.IN_PROGRESS.value, d.GoalStatus.REVISED.value}


def _label(text: str = "", *, wrap: bool = True, bold: bool = False, scale: float = 1.0) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a learner's words are shown as typed, never as markup
    if bold or scale != 1.0:
        font = QFont(label.font())
        font.setBold(bold)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


def is_overdue(goal, today: date | None = None) -> bool:  # noqa: ANN001
    """A goal still open whose target date has passed."""
    today = today or date.today()
    return bool(goal.target_date and goal.target_date < today and goal.status in OPEN_STATUSES)


def next_step(gv: GoalView):  # noqa: ANN201
    """The first step not done yet, in the plan's order (None when every step is done)."""
    return next((s for s in gv.steps if not s.done), None)


def page_words(title: str) -> str:
    """A tab's title without its mnemonic and number: "&6 Goals" -> "Goals"."""
    words = title.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return words.split(" ", 1)[1] if words[:1].isdigit() and " " in words else words


def side_navigation(tabs) -> QListWidget:  # noqa: ANN001
    """The profile's pages as a list down the side, in place of the tab bar: at any text size every page stays in
    sight (a tab bar too wide for the window hides its last tabs behind scroll arrows). The tabs' own words, and
    Alt+number still goes to a page."""
    nav = QListWidget()
    nav.setAccessibleName(QCoreApplication.translate("LearnerHome", "Pages of your profile"))
    nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fill() -> None:
        nav.blockSignals(True)
        nav.clear()
        for i in range(tabs.count()):
            nav.addItem(page_words(tabs.tabText(i)))
        nav.setCurrentRow(tabs.currentIndex())
        nav.blockSignals(False)
        width = max((nav.fontMetrics().horizontalAdvance(nav.item(i).text()) for i in range(nav.count())),
                    default=0)
        nav.setFixedWidth(width + 3 * nav.fontMetrics().averageCharWidth() + nav.frameWidth() * 2 + 8)

    nav.currentRowChanged.connect(lambda row: row >= 0 and tabs.setCurrentIndex(row))
    tabs.currentChanged.connect(lambda i: nav.currentRow() != i and nav.setCurrentRow(i))
    tabs.tabBar().hide()
    nav.refresh = fill  # the panel calls it when a page comes or goes
    fill()
    for n in range(min(10, tabs.count())):  # the hidden tab bar's Alt+number, kept
        shortcut = QShortcut(QKeySequence(f"Alt+{n}"), nav)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda n=n: tabs.setCurrentIndex(n))
    return nav


class CheckInCard(QFrame):
    """One goal: its words, the next step and *How is it going?* (choose, optionally say why, save)."""

    def __init__(self, home: LearnerHome, gv: GoalView) -> None:
        super().__init__()
        self.home, self.gv = home, gv
        self.setFrameShape(QFrame.Shape.StyledPanel)
        goal = gv.goal
        layout = QVBoxLayout(self)
        self.statement = _label(goal.statement, bold=True, scale=1.15)
        layout.addWidget(self.statement)
        self.overdue = _label(self.tr("⚑ This goal was due on {date}. Talk about a new date with your teacher.")
                              .format(date=fmt_date(goal.target_date)))
        self.overdue.setObjectName("overdue")
        self.overdue.setVisible(is_overdue(goal))
        layout.addWidget(self.overdue)
        step = next_step(gv)
        self.next_step = _label(self.tr("Your next step: {step}").format(step=step.text) if step else
                                self.tr("All your steps are done. What comes next?"))
        layout.addWidget(self.next_step)
        last = gv.checkins[-1] if gv.checkins else None
        self.last = _label(self.tr("Last time ({date}): {how}").format(
            date=fmt_date(last.on_date), how=labels.checkin_word(last.scale)) if last else
            self.tr("You have not checked in on this goal yet."))
        layout.addWidget(self.last)

        question = _label(self.tr("How is it going?"), bold=True)
        layout.addWidget(question)
        choices = QHBoxLayout()
        self.group = QButtonGroup(self)  # exclusive, and nothing chosen at first: Enter alone records nothing
        self.buttons: dict[int, QPushButton] = {}
        for value in d.CHECKIN_SCALE:
            button = QPushButton(labels.checkin_word(value))
            button.setCheckable(True)
            button.setAccessibleName(self.tr("How is it going? {how}").format(how=labels.checkin_word(value)))
            self.group.addButton(button, value)
            self.buttons[value] = button
            choices.addWidget(button)
        choices.addStretch(1)
        layout.addLayout(choices)
        # did it help? the learner's strategies whose review day came (nothing shown, nothing asked, if none)
        from ..profile.strategy_review import StrategyReview

        self.review = StrategyReview(home.ctx, self)
        self.review.show_for(home.view.learner.id if home.view else None)
        layout.addWidget(self.review)
        row = QHBoxLayout()
        self.why = QLineEdit()
        self.why.setPlaceholderText(self.tr("Why? You can skip this."))
        self.why.setAccessibleName(self.tr("Why? You can skip this."))
        self.why.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save how it is going"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.group.idToggled.connect(lambda _id, _on: self.save_button.setEnabled(self.choice() is not None))
        # the learner's say: who sees this check-in (the home's three actions need not touch it)
        self.share = QComboBox()
        for shared in (False, True):
            self.share.addItem(audience(shared), shared)
        self.share.setAccessibleName(self.tr("Who sees this?"))
        self.share.setToolTip(self.tr("Who sees this?"))
        # a screen reader on Linux names a combo box by its label (its own name is its current choice)
        share_label = QLabel(self.tr("Who sees this?"))
        share_label.setBuddy(self.share)
        row.addWidget(self.why, 1)
        row.addWidget(share_label)
        row.addWidget(self.share)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.note = _label()
        self.note.setVisible(False)
        layout.addWidget(self.note)
        question.setBuddy(self.buttons[d.CHECKIN_SCALE[0]])

    def choice(self) -> int | None:
        value = self.group.checkedId()
        return None if value < 0 else value

    def save(self) -> None:
        value = self.choice()
        if value is None:  # Enter in the reflection before choosing: nothing is recorded, and we say why
            self.note.setText(self.tr("First choose how it is going."))
            self.note.setVisible(True)
            return
        self.home.check_in(self.gv.goal.id, value, self.why.text(), self.review, bool(self.share.currentData()))


class SuggestionRow(QFrame):
    """A suggestion from the teacher, decided in place: use it, or not."""

    def __init__(self, home: LearnerHome, entry, yours: str | None) -> None:  # noqa: ANN001
        super().__init__()
        self.entry = entry
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(labels.section_in_full(entry.section), bold=True))
        if yours:
            layout.addWidget(_label(self.tr("Your words: {text}").format(text=yours)))
        self.text = _label(self.tr("Your teacher suggests: {text}").format(text=entry.text))
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        self.accept = QPushButton(self.tr("Yes, use it"))
        self.decline = QPushButton(self.tr("No, thanks"))
        self.accept.clicked.connect(lambda: home.decide(entry.id, True))
        self.decline.clicked.connect(lambda: home.decide(entry.id, False))
        buttons.addWidget(self.accept)
        buttons.addWidget(self.decline)
        buttons.addStretch(1)
        layout.addLayout(buttons)


class QuestionRow(QFrame):
    """A question from the teacher: its words, and the learner's answer (typed here, or a recording)."""

    def __init__(self, home: LearnerHome, question) -> None:  # noqa: ANN001
        super().__init__()
        self.question = question
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.text = _label(question.text, bold=True)
        layout.addWidget(self.text)
        self.answer = QLineEdit()
        self.send = QPushButton(self.tr("Send my answer"))
        if question.answered:
            for a in question.answer_rows:
                layout.addWidget(_label(self.tr("You answered on {date}: {text}").format(
                    date=fmt_date(a.answered_on), text=a.text) if a.text else self.tr(
                    "You answered with a recording on {date}.").format(date=fmt_date(a.answered_on))))
        else:
            row = QHBoxLayout()
            self.answer.setPlaceholderText(self.tr("Write your answer here"))
            self.answer.setAccessibleName(self.tr("Your answer to: {question}").format(question=question.text))
            self.answer.returnPressed.connect(lambda: home.answer(question.id, self.answer.text()))
            self.send.clicked.connect(lambda: home.answer(question.id, self.answer.text()))
            row.addWidget(self.answer, 1)
            row.addWidget(self.send)
            layout.addLayout(row)
            from .recorded_answer import RecordedAnswer  # or say it: a recording, picked, dropped or recorded

            self.recorded = RecordedAnswer(home.ctx, question, lambda: home.ctx.actor(question.learner_id),
                                           home.on_change)
            layout.addWidget(self.recorded)


class LearnerHome(QWidget):
    """What a learner sees first after signing in."""

    def __init__(self, ctx: AppContext, on_change: Callable[[], None],
                 open_page: Callable[[QWidget], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.on_change, self.open_page = ctx, on_change, open_page
        self.view: ProfileView | None = None
        self.cards: dict[uuid.UUID, CheckInCard] = {}
        self.suggestions: dict[uuid.UUID, SuggestionRow] = {}
        self.saved: tuple[uuid.UUID, int] | None = None  # the check-in just saved, said on its card

        self.greeting = _label(scale=1.4, bold=True)
        self.goals_box = QGroupBox(self.tr("Your goals"))
        self.goals_layout = QVBoxLayout(self.goals_box)
        self.questions_box = QGroupBox(self.tr("What your teacher asked you"))
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.questions: dict[uuid.UUID, QuestionRow] = {}
        self.suggestions_box = QGroupBox(self.tr("Suggestions waiting for you"))
        self.suggestions_layout = QVBoxLayout(self.suggestions_box)
        self.conference_box = QGroupBox(self.tr("Your next conference"))
        conference = QVBoxLayout(self.conference_box)
        self.conference_when = _label()
        conference.addWidget(self.conference_when)
        self.bring_list = _label()
        conference.addWidget(self.bring_list)
        bring_row = QHBoxLayout()
        self.bring = QLineEdit()
        self.bring.setPlaceholderText(self.tr("Something to bring to it"))
        self.bring.setAccessibleName(self.tr("Something to bring to your next conference"))
        self.bring.returnPressed.connect(self.add_to_bring)
        self.bring_button = QPushButton(self.tr("Add"))
        self.bring_button.setAccessibleName(self.tr("Add it for your next conference"))
        self.bring_button.clicked.connect(self.add_to_bring)
        bring_row.addWidget(self.bring, 1)
        bring_row.addWidget(self.bring_button)
        conference.addLayout(bring_row)
        self.more_box = QGroupBox(self.tr("The rest of your profile"))
        self.more_layout = QGridLayout(self.more_box)  # rows of three: they fit at any text size
        self.more_layout.setContentsMargins(6, 6, 6, 6)
        self.page_buttons: dict[str, QPushButton] = {}

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.greeting)
        column.addWidget(self.goals_box)
        column.addWidget(self.questions_box)
        column.addWidget(self.suggestions_box)
        column.addWidget(self.conference_box)
        column.addWidget(self.more_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def set_pages(self, pages: list[tuple[str, QWidget]]) -> None:
        """The profile's other pages, as buttons with the tabs' own words (one click away)."""
        for n, (title, page) in enumerate(pages):
            words = page_words(title)
            button = QPushButton(words)
            button.clicked.connect(lambda _=False, p=page: self.open_page(p))
            self.more_layout.addWidget(button, n // 3, n % 3)
            self.page_buttons[words] = button

    # ---- display ------------------------------------------------------------------------------------
    @staticmethod
    def _clear(layout) -> None:  # noqa: ANN001
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def show_profile(self, view: ProfileView) -> None:
        self.view = view
        self.greeting.setText(self.tr("Hi, {name}!").format(name=view.learner.preferred_name))
        self._clear(self.goals_layout)
        self.cards = {}
        open_goals = [gv for gv in view.goals if gv.goal.status in OPEN_STATUSES]
        for gv in open_goals:
            card = CheckInCard(self, gv)
            if self.saved and self.saved[0] == gv.goal.id:
                card.note.setText(self.tr("Saved: {how}. Well done for checking in!").format(
                    how=labels.checkin_word(self.saved[1])))
                card.note.setVisible(True)
            self.cards[gv.goal.id] = card
            self.goals_layout.addWidget(card)
        if not open_goals:
            self.goals_layout.addWidget(_label(self.tr("You have no goals yet. Make one on the Goals page.")))

        self._clear(self.questions_layout)
        self.questions = {}
        asked = attempt(self, lambda: self.ctx.questions.questions(self.ctx.actor(view.learner.id),
                                                                   view.learner.id)) or []
        # every question still waiting for an answer, and the three latest answered
        shown = [q for q in asked if not q.answered] + [q for q in asked if q.answered][:3]
        for question in shown:
            row = QuestionRow(self, question)
            self.questions[question.id] = row
            self.questions_layout.addWidget(row)
        self.questions_box.setVisible(bool(shown))

        self._clear(self.suggestions_layout)
        self.suggestions = {}
        texts = {e.id: e.text for e in view.entries}
        waiting = [e for e in view.entries if e.agreement == Agreement.SUGGESTION.value]
        for entry in waiting:
            row = SuggestionRow(self, entry, texts.get(entry.parent_id) if entry.parent_id else None)
            self.suggestions[entry.id] = row
            self.suggestions_layout.addWidget(row)
        self.suggestions_box.setVisible(bool(waiting))

        upcoming = [c.next_checkin_on for c in view.conferences if c.next_checkin_on]
        when = max(upcoming) if upcoming else None
        self.conference_when.setText(
            self.tr("Your next talk with your teacher is on {date}.").format(date=fmt_date(when)) if when else
            self.tr("There is no date yet. Your teacher will tell you."))
        bring = [e.text for e in view.section(d.Section.NEXT_CONFERENCE)
                 if e.agreement != Agreement.DECLINED.value]
        self.bring_list.setText("\n".join(f"• {text}" for text in bring) if bring else
                                self.tr("What do you want to talk about? Add it here."))

    # ---- intents ------------------------------------------------------------------------------------
    def check_in(self, goal_id: uuid.UUID, scale: int, reflection: str, review=None,  # noqa: ANN001
                 shared: bool = False) -> None:
        me = self.ctx.actor(self.view.learner.id if self.view else None)
        if attempt(self, lambda: self.ctx.profiles.add_checkin(me, goal_id, scale, reflection, date.today(),
                                                               shared_with_family=shared)) is not None:
            if review is not None:
                review.record()  # did it help? the strategies answered beside the check-in
            self.saved = (goal_id, scale)
            self.on_change()

    def answer(self, question_id: uuid.UUID, text: str) -> None:
        me = self.ctx.actor(self.view.learner.id if self.view else None)
        if attempt(self, lambda: self.ctx.questions.answer(me, question_id, text)) is not None:
            self.on_change()

    def decide(self, entry_id: uuid.UUID, accept: bool) -> None:
        me = self.ctx.actor(self.view.learner.id if self.view else None)
        if accept:
            attempt(self, lambda: self.ctx.profiles.accept_suggestion(me, entry_id))
        else:
            attempt(self, lambda: self.ctx.profiles.decline_suggestion(me, entry_id))
        self.on_change()

    def add_to_bring(self) -> None:
        if self.view is None or not self.bring.text().strip():
            return
        learner_id, text = self.view.learner.id, self.bring.text()
        me = self.ctx.actor(learner_id)
        if attempt(self, lambda: self.ctx.profiles.add_entry(me, learner_id, d.Section.NEXT_CONFERENCE,
                                                             text)) is not None:
            self.bring.clear()
            self.on_change()
