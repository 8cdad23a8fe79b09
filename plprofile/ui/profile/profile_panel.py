"""The selected learner's profile: a header with who is writing, and one tab per part of the profile."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain.profile import Agreement, Role
from plprofile.services.views import ProfileView

from ..kit.common import attempt, fmt_date
from ..kit.context import AppContext
from .about import AboutTab, LensesTab, StrengthsTab
from .backpack import BackpackTab, ChoiceTab
from .conferences import ConferencesTab
from .goals import GoalsTab


class ProfilePanel(QWidget):
    loaded = Signal(object)  # the ProfileView now shown
    conference_running = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ProfileView | None = None
        self.conference = None

        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        # left, like the details under it, also for a name written right to left (it still reads right to left)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        # no accessible name of its own: the learner's name, its text, is what a screen reader reads
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.learner_radio = QRadioButton(self.tr("&Learner is writing"))
        self.teacher_radio = QRadioButton(self.tr("&Teacher is writing"))
        self.learner_radio.setToolTip(self.tr("Entries are saved as the learner's own words"))
        self.teacher_radio.setToolTip(self.tr("Entries are saved as the teacher's suggestions"))
        self.writer_group = QButtonGroup(self)
        self.writer_group.addButton(self.learner_radio)
        self.writer_group.addButton(self.teacher_radio)
        self.teacher_radio.setChecked(ctx.writer is Role.TEACHER)
        self.learner_radio.setChecked(ctx.writer is Role.LEARNER)
        self.learner_radio.toggled.connect(
            lambda on: ctx.set_writer(Role.LEARNER if on else Role.TEACHER))
        # the writer switched elsewhere (conference mode): the radios say so too
        ctx.writer_changed.connect(lambda role: (
            self.learner_radio if role == Role.LEARNER.value else self.teacher_radio).setChecked(True))
        if ctx.is_learner:
            for radio in (self.learner_radio, self.teacher_radio):
                radio.hide()
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.name_label)
        names.addWidget(self.details_label)
        self.family_box = None
        if not ctx.is_learner:  # the roster's family contacts: staff only
            from .family_box import FamilyBox

            self.family_box = FamilyBox(ctx)
            names.addWidget(self.family_box)
        header.addLayout(names, 1)
        self.conference_button = QPushButton(self.tr("Start &conference"))
        self.conference_button.setToolTip(self.tr("A guided one-to-one with a timer (Ctrl+Shift+K)"))
        self.conference_button.clicked.connect(self.start_conference)
        self.conference_button.setVisible(not ctx.is_learner)
        header.addWidget(self.conference_button)
        writer = QVBoxLayout()
        writer.addWidget(self.learner_radio)
        writer.addWidget(self.teacher_radio)
        header.addLayout(writer)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Profile sections"))
        self.tabs.setDocumentMode(True)
        self.about = AboutTab(ctx, self.reload)
        self.strengths = StrengthsTab(ctx, self.reload)
        self.lenses = LensesTab(ctx, self.reload)
        self.backpack = BackpackTab(ctx, self.reload)
        self.choice = ChoiceTab(ctx, self.reload)
        self.goals = GoalsTab(ctx, self.reload)
        self.conferences = ConferencesTab(ctx, self.reload)
        self.pages = [self.about, self.strengths, self.lenses, self.backpack, self.choice, self.goals,
                      self.conferences]
        from ..stages.page import StagesPage
        from .history import HistoryPage

        self.stages_page = StagesPage(ctx, self.reload)
        self.history_page = HistoryPage(ctx, self.reload)
        self.pages += [self.stages_page, self.history_page]
        for page, title in zip(self.pages, (
            self.tr("&1 About me"), self.tr("&2 Strengths"), self.tr("&3 How I learn"),
            self.tr("&4 Backpack"), self.tr("&5 Voice and choice"), self.tr("&6 Goals"),
            self.tr("&7 Conferences"), self.tr("&8 Stages"), self.tr("&9 History"),
        ), strict=True):
            self.tabs.addTab(page, title)
        self.home = None
        if ctx.is_learner:  # a learner's own home comes first: what to do next, and the rest one click away
            from ..learner.home import LearnerHome

            self.home = LearnerHome(ctx, self.reload, self.tabs.setCurrentWidget)
            self.home.set_pages([(self.tabs.tabText(i), self.tabs.widget(i)) for i in range(self.tabs.count())])
            self.pages.insert(0, self.home)
            self.tabs.insertTab(0, self.home, self.tr("&0 Home"))
            self.tabs.setCurrentIndex(0)

        from ..decide.banner import DecisionBanner

        self.decision_banner = DecisionBanner(ctx)  # two devices changed the same words: the way to decide
        self.decision_banner.open_requested.connect(self._open_decisions)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.decision_banner)
        self.nav = None
        if ctx.is_learner:  # every page in sight at any text size: a list down the side, not a tab bar
            from ..learner.home import side_navigation

            self.nav = side_navigation(self.tabs)
            body = QHBoxLayout()
            body.addWidget(self.nav)
            body.addWidget(self.tabs, 1)
            layout.addLayout(body, 1)
        else:
            layout.addWidget(self.tabs, 1)

    # ---- conference mode ----------------------------------------------------------------------------
    def start_conference(self) -> None:
        if self.view is None or self.conference is not None or self.ctx.is_learner:
            return
        from .conference_mode import ConferencePage

        self.conference = ConferencePage(self.ctx, self.view,
                                         lambda: self.tabs.setCurrentWidget(self.stages_page))
        self.conference.ended.connect(self._conference_ended)
        self.tabs.insertTab(0, self.conference, self.tr("&0 Conference"))
        self.tabs.setCurrentIndex(0)
        self.conference_button.setEnabled(False)
        self.conference_running.emit(True)
        self.conference.ask_writer()

    def _conference_ended(self, saved: bool) -> None:
        page = self.conference
        self.conference = None
        if page is not None:
            self.tabs.removeTab(self.tabs.indexOf(page))
            page.deleteLater()
        self.conference_button.setEnabled(True)
        self.conference_running.emit(False)
        if saved:
            self.reload()
            self.tabs.setCurrentWidget(self.conferences)
            if page is not None and page.saved_conference_id is not None:  # the record just saved, shown
                self.conferences.select(page.saved_conference_id)

    def add_page(self, page: QWidget, title: str) -> None:
        """Later features (stages, history) add their pages here; each has ``show_profile(view)``."""
        self.pages.append(page)
        self.tabs.addTab(page, title)

    def show_learner(self, learner_id: uuid.UUID | None) -> None:
        if learner_id is None:
            self.view = None
            self.name_label.setText(self.tr("No learner selected"))
            self.details_label.setText(self.tr("Add a learner or import a class to begin."))
            self.tabs.setEnabled(False)
            if self.family_box is not None:
                self.family_box.show_learner(None)
            self.decision_banner.show_for(None)
            return
        view = attempt(self, lambda: self.ctx.profiles.load_profile(self.ctx.teacher, learner_id))
        if view is None:
            return
        self.view = view
        self.tabs.setEnabled(True)
        learner = view.learner
        self.name_label.setText(f"{learner.preferred_name} {learner.family_name}")
        bits = [b for b in (learner.pronouns, self.tr("Grade {grade}").format(grade=learner.grade)
                            if learner.grade else "", learner.group_name) if b]
        waiting = sum(1 for e in view.entries if e.agreement == Agreement.SUGGESTION.value)
        if waiting:
            bits.append(self.tr("%n suggestion(s) waiting for you on your home page", "", waiting)
                        if self.ctx.is_learner else self.tr("%n suggestion(s) waiting for the learner", "", waiting))
        if view.conferences:
            last = view.conferences[0]
            bits.append(self.tr("Last conference {date}").format(date=fmt_date(last.held_on)))
            if last.next_checkin_on:
                bits.append(self.tr("next check-in {date}").format(date=fmt_date(last.next_checkin_on)))
        self.details_label.setText(" · ".join(bits))
        if self.family_box is not None:
            attempt(self, lambda: self.family_box.show_learner(learner_id))
        self.decision_banner.show_for(learner_id)
        for page in self.pages:
            page.show_profile(view)
        if self.conference is not None:
            self.conference.show_profile(view)
        self.loaded.emit(view)

    def _open_decisions(self, learner_id: uuid.UUID) -> None:
        from ..operations.decide import open_decisions

        open_decisions(self.window(), self.ctx, learner_id)

    def reload(self) -> None:
        if self.view is not None:
            self.show_learner(self.view.learner.id)

    # ---- the window's shortcuts for goals (they work for a learner too) ----------------------------------
    def new_goal(self) -> None:
        self.tabs.setCurrentWidget(self.goals)
        self.goals.new_goal()

    def add_evidence(self) -> bool:
        """The cursor in the evidence field of the chosen goal; False when no goal is chosen (the list has focus)."""
        self.tabs.setCurrentWidget(self.goals)
        if self.goals.current() is None:
            self.goals.goal_list.setFocus()
            return False
        self.goals.ev_text.setFocus()
        return True
