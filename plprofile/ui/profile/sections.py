"""A profile section: entries in the learner's words, with teacher suggestions standing beside them."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain import profile as d
from plprofile.domain.policy import Action
from plprofile.domain.profile import Agreement, Role
from plprofile.services.views import EntryView, ProfileView

from ..kit import ask, labels
from ..kit.common import attempt
from ..kit.context import AppContext
from .family_share import ShareChoice

ID_ROLE = Qt.ItemDataRole.UserRole


class EntryList(QGroupBox):
    """One section's entries: add in the learner's words, suggest, accept, decline, edit, remove."""

    changed = Signal()

    def __init__(self, ctx: AppContext, section: d.Section, title: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(title or labels.section(section), parent)
        self.ctx = ctx
        self.section = d.Section(section)
        self.learner_id: uuid.UUID | None = None
        self._entries: dict[uuid.UUID, EntryView] = {}
        self.setObjectName(f"section_{self.section.value}")

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Entry"), self.tr("Written by"), self.tr("Status")])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(18)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.setAccessibleName(self.title())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self._edit())

        self.input = QLineEdit()
        self.input.setPlaceholderText(labels.section_hint(self.section))
        self.input.setAccessibleName(self.tr("New entry for {section}").format(section=self.title()))
        self.input.returnPressed.connect(self._add)
        self.teacher_only = QCheckBox(self.tr("Teacher only"))
        self.teacher_only.setToolTip(self.tr("Only teachers see this entry; the learner does not"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add to {section}").format(section=self.title()))
        self.add_button.clicked.connect(self._add)

        self.suggest_button = QPushButton(self.tr("Suggest a change…"))
        self.suggest_button.clicked.connect(self._suggest)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.clicked.connect(self._accept)
        self.decline_button = QPushButton(self.tr("Decline"))
        self.decline_button.clicked.connect(self._decline)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self._edit)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.share = ShareChoice(ctx, EntryView)  # the learner's say over their own words
        self.share.changed.connect(self._done)

        add_row = QHBoxLayout()
        add_row.addWidget(self.input, 1)
        add_row.addWidget(self.teacher_only)
        add_row.addWidget(self.add_button)
        actions = QHBoxLayout()
        for b in (self.suggest_button, self.accept_button, self.decline_button, self.edit_button,
                  self.remove_button):
            b.setAutoDefault(False)
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.share)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(add_row)
        layout.addLayout(actions)
        ctx.writer_changed.connect(lambda _role: self._update_buttons())
        self._update_buttons()

    # ---- display ------------------------------------------------------------------------------------
    def show_entries(self, view: ProfileView) -> None:
        self.learner_id = view.learner.id
        selected = self.selected_id()
        self.tree.clear()
        self._entries = {}
        for entry in view.section(self.section):
            if entry.agreement == Agreement.DECLINED.value:
                continue
            item = self._item(entry)
            self.tree.addTopLevelItem(item)
            for suggestion in view.suggestions_for(entry.id):
                child = self._item(suggestion, beside=True)
                item.addChild(child)
            item.setExpanded(True)
        self.tree.setRootIsDecorated(any(self.tree.topLevelItem(i).childCount()
                                         for i in range(self.tree.topLevelItemCount())))
        if selected:
            self.select(selected)
        self._update_buttons()

    def _item(self, entry: EntryView, beside: bool = False) -> QTreeWidgetItem:
        self._entries[entry.id] = entry
        text = entry.text
        if beside:
            text = self.tr("Suggested: {text}").format(text=text)
        if entry.teacher_only:
            text = self.tr("{text} (teacher only)").format(text=text)
        item = QTreeWidgetItem([text, labels.role(entry.author_role), labels.agreement(entry.agreement)])
        item.setData(0, ID_ROLE, entry.id)
        item.setToolTip(0, entry.text)
        if entry.agreement == Agreement.SUGGESTION.value:
            font = QFont(item.font(0))
            font.setItalic(True)
            for col in range(3):
                item.setFont(col, font)
        return item

    def texts(self) -> list[str]:
        """The entries' words as shown (top-level only), for tests and screen readers."""
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def selected_id(self) -> uuid.UUID | None:
        items = self.tree.selectedItems()
        return items[0].data(0, ID_ROLE) if items else None

    def select(self, entry_id: uuid.UUID) -> None:
        it = self.tree.invisibleRootItem()
        stack = [it.child(i) for i in range(it.childCount())]
        while stack:
            item = stack.pop()
            if item.data(0, ID_ROLE) == entry_id:
                self.tree.setCurrentItem(item)
                return
            stack += [item.child(i) for i in range(item.childCount())]

    def _selected(self) -> EntryView | None:
        entry_id = self.selected_id()
        return self._entries.get(entry_id) if entry_id else None

    def _update_buttons(self) -> None:
        entry = self._selected()
        writer = self.ctx.writer
        is_suggestion = entry is not None and entry.agreement == Agreement.SUGGESTION.value
        may = self._may
        self.suggest_button.setEnabled(entry is not None and entry.parent_id is None and may(Action.SUGGEST, entry))
        self.suggest_button.setVisible(writer is Role.TEACHER)
        self.accept_button.setEnabled(is_suggestion and may(Action.DECIDE, entry))
        self.decline_button.setEnabled(is_suggestion and may(Action.DECIDE, entry))
        self.accept_button.setVisible(writer is Role.LEARNER)
        self.teacher_only.setVisible(writer is Role.TEACHER)
        if writer is not Role.TEACHER:
            self.teacher_only.setChecked(False)
        self.decline_button.setVisible(writer is Role.LEARNER)
        self.edit_button.setEnabled(entry is not None and may(Action.UPDATE, entry))
        self.remove_button.setEnabled(entry is not None and may(Action.DELETE, entry))
        self.share.show_row(entry if entry is not None and entry.parent_id is None else None)

    def _may(self, action: Action, entry: EntryView) -> bool:
        """What the access policy lets whoever is writing now do to ``entry``."""
        return self.ctx.profiles.may(self.ctx.actor(entry.learner_id), action, entry)

    # ---- intents ------------------------------------------------------------------------------------
    def _done(self) -> None:
        self.changed.emit()

    def _add(self) -> None:
        if self.learner_id is None:
            return
        text = self.input.text()
        learner_id = self.learner_id
        private = self.teacher_only.isChecked()
        entry = attempt(self, lambda: self.ctx.profiles.add_entry(self.ctx.actor(learner_id), learner_id,
                                                                 self.section, text, teacher_only=private))
        if entry is not None:
            self.input.clear()
            self.teacher_only.setChecked(False)
            self._done()
        else:
            self.input.setFocus()

    def _suggest(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        text = ask.text(self, self.tr("Suggest a change"),
                        self.tr("Your suggestion stands beside the learner's words until they decide:"),
                        entry.text)
        if text is not None and attempt(self, lambda: self.ctx.profiles.suggest_change(
                self.ctx.actor(entry.learner_id), entry.id, text)) is not None:
            self._done()

    def _accept(self) -> None:
        entry = self._selected()
        if entry is not None and attempt(self, lambda: self.ctx.profiles.accept_suggestion(
                self.ctx.actor(entry.learner_id), entry.id)) is not None:
            self._done()

    def _decline(self) -> None:
        entry = self._selected()
        if entry is not None:
            attempt(self, lambda: self.ctx.profiles.decline_suggestion(self.ctx.actor(entry.learner_id), entry.id))
            self._done()

    def _edit(self) -> None:
        entry = self._selected()
        if entry is None or not self.edit_button.isEnabled():
            return
        text = ask.text(self, self.tr("Edit entry"), self.tr("Entry:"), entry.text)
        if text is not None and attempt(self, lambda: self.ctx.profiles.edit_entry(
                self.ctx.actor(entry.learner_id), entry.id, text, expected_version=entry.version)) is not None:
            self._done()
        elif text is not None:
            self._done()  # refresh to show the stored version

    def _remove(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if ask.confirm(self, self.tr("Remove entry"), self.tr("Remove “{text}”?").format(text=entry.text)):
            attempt(self, lambda: self.ctx.profiles.delete_row(self.ctx.actor(entry.learner_id), EntryView,
                                                              entry.id))
            self._done()
