"""My goals: statement and why, action steps, supports from the backpack, evidence and check-ins."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain import profile as d
from plprofile.domain.evidence_files import split_link
from plprofile.domain.profile import Role
from plprofile.services.views import GoalInfo, GoalView, ProfileView

from ..kit import labels
from ..kit.a11y import unseen_label
from ..kit.common import attempt, date_edit_format, fmt_date, from_qdate, style_record_list, to_qdate
from ..kit.context import AppContext
from ..learner.home import is_overdue
from .evidence_files import EvidenceFiles
from .family_share import ShareChoice  # issue 20: the learner's say

ID_ROLE = Qt.ItemDataRole.UserRole


def _date_edit(optional_label: str | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDate(QDate.currentDate())
    edit.setDisplayFormat(date_edit_format())
    if optional_label:
        edit.setAccessibleName(optional_label)
    return edit


class GoalsTab(QWidget):
    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.on_change = ctx, on_change
        self.view: ProfileView | None = None
        self.goal_id: uuid.UUID | None = None

        # ---- the list of goals
        self.goal_list = QListWidget()
        self.goal_list.setAccessibleName(self.tr("Goals"))
        style_record_list(self.goal_list)
        self.goal_list.currentItemChanged.connect(self._goal_selected)
        self.new_button = QPushButton(self.tr("&New goal"))
        self.new_button.setToolTip(self.tr("Start a new goal (Ctrl+G)"))
        self.new_button.clicked.connect(self.new_goal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.goal_list, 1)
        left_layout.addWidget(self.new_button)

        # ---- the goal itself
        self.statement = QLineEdit()
        self.statement.setPlaceholderText(self.tr("My goal, in my words"))
        self.why = QLineEdit()
        self.why.setPlaceholderText(self.tr("Why it matters to me"))
        self.focus = QComboBox()
        for f in d.GoalFocus:
            self.focus.addItem(labels.focus(f), f.value)
        self.lens = QComboBox()
        self.lens.addItem("—", None)
        for lens in d.Lens:
            self.lens.addItem(labels.lens(lens), lens.value)
        self.has_target = QCheckBox(self.tr("Target date"))
        self.target = _date_edit(self.tr("Target date"))
        self.has_target.toggled.connect(self.target.setEnabled)
        self.target.setEnabled(False)
        target_row = QHBoxLayout()
        target_row.addWidget(self.has_target)
        target_row.addWidget(self.target, 1)
        unseen_label(self.target, self.tr("Target date"), target_row)
        self.status = QComboBox()
        for s in d.GoalStatus:
            self.status.addItem(labels.status(s), s.value)
        self.save_button = QPushButton(self.tr("&Save goal"))
        self.save_button.clicked.connect(self.save_goal)
        self.statement.returnPressed.connect(self.save_goal)
        self.author_label = QLabel()
        goal_box = QGroupBox(self.tr("Goal"))
        form = QFormLayout(goal_box)
        form.addRow(self.tr("&Goal:"), self.statement)
        form.addRow(self.tr("&Why it matters:"), self.why)
        form.addRow(self.tr("Kind of &goal:") if ctx.is_learner else self.tr("&Focus:"), self.focus)
        form.addRow(self.tr("&Lens:"), self.lens)
        if ctx.is_learner:  # "Lens: —" says nothing to a 9-year-old; the value stays as it is stored
            form.setRowVisible(self.lens, False)
        form.addRow(self.tr("Target:"), target_row)
        form.addRow(self.tr("S&tatus:"), self.status)
        save_row = QHBoxLayout()
        save_row.addWidget(self.author_label, 1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        self.share = ShareChoice(ctx, GoalInfo)  # the learner's say over their own goal (issue 20)
        self.share.changed.connect(on_change)
        form.addRow(self.share)

        # ---- action steps
        self.steps = QTreeWidget()
        self.steps.setHeaderLabels([self.tr("Action step"), self.tr("Who"), self.tr("Due")])
        self.steps.setRootIsDecorated(False)
        self.steps.setAccessibleName(self.tr("Action steps"))
        self.steps.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # who and when whole, at any text size ("25 Ma…" at 16 points)
            self.steps.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.header().setStretchLastSection(False)
        self.steps.setWordWrap(True)
        self.steps.itemChanged.connect(self._step_toggled)
        self.step_text = QLineEdit()
        self.step_text.setPlaceholderText(self.tr("Next step"))
        self.step_text.setAccessibleName(self.tr("New action step"))
        self.step_text.returnPressed.connect(self.add_step)
        self.step_owner = QComboBox()
        self.step_owner.setAccessibleName(self.tr("Who does it"))
        for r in Role:
            self.step_owner.addItem(labels.role(r), r.value)
        self.step_due = _date_edit(self.tr("Due date"))
        self.step_add = QPushButton(self.tr("Add step"))
        self.step_add.clicked.connect(self.add_step)
        steps_box = QGroupBox(self.tr("Action steps"))
        sl = QVBoxLayout(steps_box)
        sl.addWidget(self.steps)
        row = QHBoxLayout()
        row.addWidget(self.step_text, 1)
        row.addWidget(self.step_owner)
        row.addWidget(self.step_due)
        # a row without visible labels: linked ones tell a screen reader what each field is for
        unseen_label(self.step_owner, self.tr("Who does it"), row)
        unseen_label(self.step_due, self.tr("Due date"), row)
        row.addWidget(self.step_add)
        sl.addLayout(row)

        # ---- supports from the backpack
        self.supports = QListWidget()
        self.supports.setAccessibleName(self.tr("Supports from the backpack"))
        self.supports.itemChanged.connect(self._supports_changed)
        supports_box = QGroupBox(self.tr("Supports from my backpack"))
        QVBoxLayout(supports_box).addWidget(self.supports)

        # ---- evidence
        self.evidence = QTreeWidget()
        self.evidence.setHeaderLabels([self.tr("Evidence"), self.tr("Kind"), self.tr("Where"), self.tr("Added"),
                                       self.tr("Who sees it")])
        self.evidence.setRootIsDecorated(False)
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.evidence.header().setStretchLastSection(False)
        # one way in for every kind of evidence: words (a web link in them makes it a link), or a file
        self.ev_text = QLineEdit()
        self.ev_text.setPlaceholderText(self.tr("What it shows, or a web link"))
        self.ev_text.setAccessibleName(self.tr("Evidence: what it shows, or a web link"))
        self.ev_add = QPushButton(self.tr("Add"))
        self.ev_add.setAccessibleName(self.tr("Add evidence"))
        self.ev_add.setToolTip(self.tr("Add these words, or this web link, to the goal's evidence (Ctrl+E goes "
                                       "to the evidence field)"))
        self.ev_add.clicked.connect(self.add_evidence)
        self.ev_text.returnPressed.connect(self.add_evidence)
        evidence_box = QGroupBox(self.tr("Evidence of progress"))
        el = QVBoxLayout(evidence_box)
        el.addWidget(self.evidence)
        # files on the evidence: add, drop, paste, thumbnails, open, best work, who sees it, remove (issue 20)
        self.files = EvidenceFiles(ctx, self.evidence, self.current, self._actor, self.on_change)
        row = QHBoxLayout()
        row.addWidget(self.ev_text, 1)
        row.addWidget(self.ev_add)
        row.addWidget(self.files.add_button)
        el.addLayout(row)
        el.addWidget(self.files)
        self.evidence_box = evidence_box

        # ---- check-ins
        self.checkins = QTreeWidget()
        self.checkins.setHeaderLabels([self.tr("Date"), self.tr("How it's going"), self.tr("Reflection")])
        self.checkins.setRootIsDecorated(False)
        self.checkins.setAccessibleName(self.tr("Progress check-ins"))
        self.checkins.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.checkins.header().setStretchLastSection(True)
        # at any text size, several rows in sight (the page scrolls, the lists do not shrink to one row)
        rows = self.fontMetrics().lineSpacing()
        for tree in (self.steps, self.checkins, self.evidence):
            tree.setMinimumHeight(rows * 7)
        self.ci_scale = QComboBox()
        self.ci_scale.setAccessibleName(self.tr("How it's going"))
        for v in d.CHECKIN_SCALE:
            self.ci_scale.addItem(labels.checkin_scale(v), v)
        # nothing chosen at first: a reflection typed and Enter pressed must not record "Not yet"
        self.ci_scale.setPlaceholderText(self.tr("How is it going?"))
        self.ci_scale.setCurrentIndex(-1)
        self.ci_note = QLabel()
        self.ci_note.setVisible(False)
        self.ci_reflection = QLineEdit()
        self.ci_reflection.setPlaceholderText(self.tr("My reflection"))
        self.ci_reflection.setAccessibleName(self.tr("Reflection"))
        self.ci_reflection.returnPressed.connect(self.add_checkin)
        self.ci_add = QPushButton(self.tr("Check in"))
        self.ci_add.clicked.connect(self.add_checkin)
        checkin_box = QGroupBox(self.tr("Progress check-ins"))
        cl = QVBoxLayout(checkin_box)
        cl.addWidget(self.checkins)
        row = QHBoxLayout()
        row.addWidget(self.ci_scale)
        unseen_label(self.ci_scale, self.tr("How it's going"), row)
        row.addWidget(self.ci_reflection, 1)
        row.addWidget(self.ci_add)
        cl.addLayout(row)
        # did it help? the learner's strategies whose review day came (hidden when there are none)
        from .strategy_review import StrategyReview

        self.review = StrategyReview(ctx, checkin_box)
        if hasattr(ctx, "writer_changed"):  # asked only while the learner writes: again when that changes
            ctx.writer_changed.connect(self._writer_changed)  # a method: let go when the page is deleted
        cl.addWidget(self.review)
        cl.addWidget(self.ci_note)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.addWidget(goal_box)
        dl.addWidget(steps_box)
        dl.addWidget(checkin_box)  # one under the other: at large text side by side left each too narrow
        dl.addWidget(supports_box)
        dl.addWidget(evidence_box)
        self.detail_widgets = (steps_box, supports_box, evidence_box, checkin_box)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._loading = False

    # ---- display ------------------------------------------------------------------------------------
    def current(self) -> GoalView | None:
        if self.view is None or self.goal_id is None:
            return None
        return next((g for g in self.view.goals if g.goal.id == self.goal_id), None)

    def show_profile(self, view: ProfileView) -> None:
        same_learner = self.view is not None and self.view.learner.id == view.learner.id
        self.view = view
        if not same_learner:
            self.goal_id = None
        self._loading = True
        self.goal_list.clear()
        for gv in view.goals:
            details = f"{labels.status(gv.goal.status)} · {labels.focus(gv.goal.focus)}"
            if is_overdue(gv.goal):
                details += " · " + self.tr("⚑ past its date ({date})").format(date=fmt_date(gv.goal.target_date))
            item = QListWidgetItem(f"{gv.goal.statement}\n{details}")
            item.setData(ID_ROLE, gv.goal.id)
            self.goal_list.addItem(item)
            if gv.goal.id == self.goal_id:
                self.goal_list.setCurrentItem(item)
        self._loading = False
        self.review.show_for(view.learner.id)
        if self.goal_id is None and view.goals:
            self.goal_list.setCurrentRow(0)
        else:
            self._fill(self.current())

    def _goal_selected(self, item: QListWidgetItem | None, _prev=None) -> None:  # noqa: ANN001
        if self._loading:
            return
        self.goal_id = item.data(ID_ROLE) if item else None
        self._fill(self.current())

    def new_goal(self) -> None:
        self.goal_list.clearSelection()
        self.goal_list.setCurrentItem(None)
        self.goal_id = None
        self._fill(None)
        self.statement.setFocus()

    def _fill(self, gv: GoalView | None) -> None:
        self._loading = True
        goal = gv.goal if gv else None
        self.statement.setText(goal.statement if goal else "")
        self.why.setText(goal.why if goal else "")
        self.focus.setCurrentIndex(max(0, self.focus.findData(goal.focus if goal else d.GoalFocus.LEARNING.value)))
        self.lens.setCurrentIndex(max(0, self.lens.findData(goal.lens if goal else None)))
        self.has_target.setChecked(bool(goal and goal.target_date))
        self.target.setDate(to_qdate(goal.target_date) if goal and goal.target_date else QDate.currentDate())
        self.status.setCurrentIndex(max(0, self.status.findData(goal.status if goal else
                                                                d.GoalStatus.NOT_STARTED.value)))
        self.author_label.setText(
            self.tr("Written by {who} · {agreement}").format(who=labels.role(goal.author_role),
                                                             agreement=labels.agreement(goal.agreement))
            if goal else self.tr("A new goal"))
        self.save_button.setText(self.tr("&Save goal") if goal else self.tr("&Add goal"))
        self.share.show_row(goal)
        for w in self.detail_widgets:
            w.setEnabled(goal is not None)

        self.steps.clear()
        self.supports.clear()
        self.evidence.clear()
        self.checkins.clear()
        if gv is not None:
            for step in gv.steps:
                item = QTreeWidgetItem([step.text, labels.owner(step.owner), fmt_date(step.due_date)])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
                item.setData(0, ID_ROLE, step.id)
                self.steps.addTopLevelItem(item)
            chosen = {s.backpack_item_id for s in gv.supports}
            for bp in self.view.backpack if self.view else []:
                item = QListWidgetItem(f"{bp.name} ({labels.backpack_kind(bp.kind)})")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if bp.id in chosen else Qt.CheckState.Unchecked)
                item.setData(ID_ROLE, bp.id)
                self.supports.addItem(item)
            for ev in gv.evidence:
                item = QTreeWidgetItem(
                    [ev.text or ev.location, labels.evidence_kind(ev.kind), ev.location, fmt_date(ev.added_on)])
                item.setData(0, ID_ROLE, ev.id)
                self.evidence.addTopLevelItem(item)
            for ci in gv.checkins:
                self.checkins.addTopLevelItem(QTreeWidgetItem(
                    [fmt_date(ci.on_date), labels.checkin_scale(ci.scale), ci.reflection]))
        self.files.show_goal(gv.evidence if gv else [], self.view.learner.id if self.view else None)
        self._loading = False

    # ---- intents ------------------------------------------------------------------------------------
    def _actor(self):  # noqa: ANN202
        return self.ctx.actor(self.view.learner.id if self.view else None)

    def save_goal(self) -> None:
        if self.view is None:
            return
        learner_id = self.view.learner.id
        values = {
            "statement": self.statement.text(),
            "why": self.why.text(),
            "focus": d.GoalFocus(self.focus.currentData()),
            "lens": d.Lens(self.lens.currentData()) if self.lens.currentData() else None,
            "target_date": from_qdate(self.target.date()) if self.has_target.isChecked() else None,
            "status": d.GoalStatus(self.status.currentData()),
        }
        gv = self.current()
        if gv is None:
            statement = values.pop("statement")
            goal = attempt(self, lambda: self.ctx.profiles.add_goal(self._actor(), learner_id, statement, **values))
            if goal is not None:
                self.goal_id = goal.id
                self.on_change()
        else:
            attempt(self, lambda: self.ctx.profiles.update_goal(
                self._actor(), gv.goal.id, expected_version=gv.goal.version, **values))
            self.on_change()  # shows what is stored now, whether the save went through or was refused

    def add_step(self) -> None:
        gv = self.current()
        if gv is None:
            return
        text, owner, due = self.step_text.text(), self.step_owner.currentData(), from_qdate(self.step_due.date())
        if attempt(self, lambda: self.ctx.profiles.add_step(self._actor(), gv.goal.id, text, owner, due)) is not None:
            self.step_text.clear()
            self.on_change()

    def _step_toggled(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != 0:
            return
        done = item.checkState(0) == Qt.CheckState.Checked
        attempt(self, lambda: self.ctx.profiles.set_step_done(self._actor(), item.data(0, ID_ROLE), done))
        self.on_change()

    def _supports_changed(self, _item: QListWidgetItem) -> None:
        gv = self.current()
        if self._loading or gv is None:
            return
        chosen = [self.supports.item(i).data(ID_ROLE) for i in range(self.supports.count())
                  if self.supports.item(i).checkState() == Qt.CheckState.Checked]
        attempt(self, lambda: self.ctx.profiles.set_supports(self._actor(), gv.goal.id, chosen))
        self.on_change()

    def add_evidence(self) -> None:
        gv = self.current()
        if gv is None:
            return
        text, link = split_link(self.ev_text.text())
        kind = d.EvidenceKind.LINK if link else d.EvidenceKind.NOTE
        if attempt(self, lambda: self.ctx.profiles.add_evidence(self._actor(), gv.goal.id, kind, text,
                                                                link)) is not None:
            self.ev_text.clear()
            self.on_change()

    def _writer_changed(self, _role: str) -> None:
        self.review.show_for(self.view.learner.id if self.view is not None else None)

    def add_checkin(self) -> None:
        gv = self.current()
        if gv is None:
            return
        if self.ci_scale.currentIndex() < 0:  # nothing recorded until how it's going is chosen
            self.ci_note.setText(self.tr("First choose how it is going."))
            self.ci_note.setVisible(True)
            return
        scale, reflection = int(self.ci_scale.currentData()), self.ci_reflection.text()
        if attempt(self, lambda: self.ctx.profiles.add_checkin(self._actor(), gv.goal.id, scale, reflection,
                                                               date.today())) is not None:
            self.review.record()  # did it help? the strategies answered beside the check-in
            self.ci_reflection.clear()
            self.ci_scale.setCurrentIndex(-1)
            self.ci_note.setVisible(False)
            self.on_change()

    def step_items(self) -> list[QTreeWidgetItem]:
        return [self.steps.topLevelItem(i) for i in range(self.steps.topLevelItemCount())]

