"""The learning backpack and the voice-and-choice options."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
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
from plprofile.services.views import BackpackView, ChoiceView, ProfileView

from ..kit import ask, labels
from ..kit.a11y import unseen_label
from ..kit.common import attempt
from ..kit.context import AppContext
from .family_share import ShareChoice

ID_ROLE = Qt.ItemDataRole.UserRole


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setWordWrap(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAccessibleName(name)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


class _RowActions(QHBoxLayout):
    """Agree / remove buttons for the selected row of a tree."""

    def __init__(self, owner: QWidget, ctx: AppContext, tree: QTreeWidget, model, on_change) -> None:  # noqa: ANN001
        super().__init__()
        self.owner, self.ctx, self.tree, self.model, self.on_change = owner, ctx, tree, model, on_change
        self.rows: dict = {}
        self.agree = QPushButton(QCoreApplication.translate("backpack", "Mark agreed"))
        self.agree.clicked.connect(self._agree)
        self.remove = QPushButton(QCoreApplication.translate("backpack", "Remove"))
        self.remove.clicked.connect(self._remove)
        for b in (self.agree, self.remove):
            b.setAutoDefault(False)
            self.addWidget(b)
        self.addStretch(1)
        self.share = ShareChoice(ctx, model)  # the learner's say over their own words (backpack items)
        self.share.changed.connect(on_change)
        if model.shareable:
            self.addWidget(self.share)
        tree.itemSelectionChanged.connect(self.update)
        ctx.writer_changed.connect(lambda _r: self.update())
        self.update()

    def selected(self):  # noqa: ANN201
        items = self.tree.selectedItems()
        return self.rows.get(items[0].data(0, ID_ROLE)) if items else None

    def update(self) -> None:
        row = self.selected()
        may = (lambda action: self.ctx.profiles.may(self.ctx.actor(row.learner_id), action, row)) if row else None
        self.agree.setEnabled(row is not None and row.agreement == Agreement.SUGGESTION.value
                              and self.ctx.writer is Role.LEARNER and may(Action.AGREE))
        self.remove.setEnabled(row is not None and may(Action.DELETE))
        self.share.show_row(row if self.model.shareable else None)

    def _agree(self) -> None:
        row = self.selected()
        if row is not None:
            attempt(self.owner, lambda: self.ctx.profiles.set_agreement(
                self.ctx.actor(row.learner_id), self.model, row.id, Agreement.AGREED))
            self.on_change()

    def _remove(self) -> None:
        row = self.selected()
        if row is not None and ask.confirm(self.owner, QCoreApplication.translate("backpack", "Remove"),
                                           QCoreApplication.translate("backpack", "Remove this from the profile?")):
            attempt(self.owner, lambda: self.ctx.profiles.delete_row(self.ctx.actor(row.learner_id), self.model,
                                                                     row.id))
            self.on_change()


class BackpackTab(QWidget):
    """Tools, apps, skills and strategies that help, linked to a lens or a challenge."""

    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.on_change = ctx, on_change
        self.view: ProfileView | None = None
        self.tree = _tree([self.tr("Tool or strategy"), self.tr("Kind"), self.tr("Helps with"),
                           self.tr("How it helps"), self.tr("Written by"), self.tr("Status")],
                          self.tr("Learning backpack"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. text-to-speech, a visual timer, a checklist"))
        self.kind = QComboBox()
        for k in d.BackpackKind:
            self.kind.addItem(labels.backpack_kind(k), k.value)
        self.helps = QComboBox()
        self.helps.setAccessibleName(self.tr("Helps with"))
        self.how = QLineEdit()
        self.how.setPlaceholderText(self.tr("How it helps me"))
        add = QPushButton(self.tr("Add to backpack"))
        add.clicked.connect(self._add)
        self.name.returnPressed.connect(self._add)
        form_box = QGroupBox(self.tr("Add a tool or strategy"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("Helps &with:"), self.helps)
        form.addRow(self.tr("&How it helps:"), self.how)
        form.addRow(add)
        self.actions = _RowActions(self, ctx, self.tree, BackpackView, on_change)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.actions)
        layout.addWidget(form_box)

    def show_profile(self, view: ProfileView) -> None:
        self.view = view
        challenges = {e.id: e.text for e in view.section(d.Section.CHALLENGES)}
        self.tree.clear()
        self.actions.rows = {}
        for item in view.backpack:
            helps = [labels.lens(item.lens)] if item.lens else []
            if item.challenge_id in challenges:
                helps.append(challenges[item.challenge_id])
            row = QTreeWidgetItem([item.name, labels.backpack_kind(item.kind), ", ".join(helps) or "—",
                                   item.how_it_helps, labels.role(item.author_role), labels.agreement(item.agreement)])
            row.setData(0, ID_ROLE, item.id)
            self.actions.rows[item.id] = item
            self.tree.addTopLevelItem(row)
        current = self.helps.currentData()
        self.helps.clear()
        self.helps.addItem(self.tr("— (general)"), None)
        for lens in d.Lens:
            self.helps.addItem(self.tr("Lens: {lens}").format(lens=labels.lens(lens)), ("lens", lens.value))
        for cid, text in challenges.items():
            self.helps.addItem(self.tr("Challenge: {text}").format(text=text), ("challenge", cid))
        index = self.helps.findData(current)
        self.helps.setCurrentIndex(max(0, index))
        self.actions.update()

    def _add(self) -> None:
        if self.view is None:
            return
        learner_id = self.view.learner.id
        helps = self.helps.currentData()
        lens = d.Lens(helps[1]) if helps and helps[0] == "lens" else None
        challenge = helps[1] if helps and helps[0] == "challenge" else None
        name, kind, how = self.name.text(), d.BackpackKind(self.kind.currentData()), self.how.text()
        if attempt(self, lambda: self.ctx.profiles.add_backpack_item(
                self.ctx.actor(learner_id), learner_id, name, kind, lens=lens, challenge_id=challenge,
                how_it_helps=how)) is not None:
            self.name.clear()
            self.how.clear()
            self.on_change()


class ChoiceTab(QWidget):
    """Voice and choice: for each dimension, the options the learner has today and the ones asked for."""

    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.on_change = ctx, on_change
        self.view: ProfileView | None = None
        self.tree = _tree([self.tr("Option"), self.tr("Written by"), self.tr("Status")],
                          self.tr("Voice and choice options"))
        self.tree.setRootIsDecorated(True)
        self.dimension = QComboBox()
        self.dimension.setAccessibleName(self.tr("Choice about"))
        for dim in d.ChoiceDimension:
            self.dimension.addItem(labels.dimension(dim), dim.value)
        self.availability = QComboBox()
        self.availability.setAccessibleName(self.tr("Today or asked for"))
        for av in d.ChoiceAvailability:
            self.availability.addItem(labels.availability(av), av.value)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("e.g. choose my project topic, work in the library"))
        self.text.setAccessibleName(self.tr("Option"))
        self.text.returnPressed.connect(self._add)
        add = QPushButton(self.tr("Add option"))
        add.clicked.connect(self._add)
        box = QGroupBox(self.tr("Add a voice-and-choice option"))
        row = QHBoxLayout(box)
        row.addWidget(self.dimension)
        row.addWidget(self.availability)
        unseen_label(self.dimension, self.tr("Choice about"), row)
        unseen_label(self.availability, self.tr("Today or asked for"), row)
        row.addWidget(self.text, 1)
        row.addWidget(add)
        self.actions = _RowActions(self, ctx, self.tree, ChoiceView, on_change)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.actions)
        layout.addWidget(box)

    def show_profile(self, view: ProfileView) -> None:
        self.view = view
        self.tree.clear()
        self.actions.rows = {}
        for dim in d.ChoiceDimension:
            parent = QTreeWidgetItem([labels.dimension(dim), "", ""])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            self.tree.addTopLevelItem(parent)
            for av in d.ChoiceAvailability:
                options = [o for o in view.choices if o.dimension == dim.value and o.availability == av.value]
                if not options:
                    continue
                group = QTreeWidgetItem([labels.availability(av), "", ""])
                parent.addChild(group)
                for option in options:
                    leaf = QTreeWidgetItem([option.text, labels.role(option.author_role),
                                            labels.agreement(option.agreement)])
                    leaf.setData(0, ID_ROLE, option.id)
                    self.actions.rows[option.id] = option
                    group.addChild(leaf)
            parent.setExpanded(True)
        self.tree.expandAll()
        self.actions.update()

    def _add(self) -> None:
        if self.view is None:
            return
        learner_id = self.view.learner.id
        dim = d.ChoiceDimension(self.dimension.currentData())
        av = d.ChoiceAvailability(self.availability.currentData())
        text = self.text.text()
        if attempt(self, lambda: self.ctx.profiles.add_choice(self.ctx.actor(learner_id), learner_id, dim, av,
                                                              text)) is not None:
            self.text.clear()
            self.on_change()
