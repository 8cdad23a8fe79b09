"""The learner list: a table model over the class and a proxy that filters by name and group."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from plprofile.services.profiles import LearnerSummary

ANY_GROUP = ""


class LearnerTableModel(QAbstractTableModel):
    COLUMNS = ("name", "group", "grade")
    SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[LearnerSummary] = []
        self._search: list[str] = []

    def set_learners(self, learners: list[LearnerSummary]) -> None:
        self.beginResetModel()
        self._rows = list(learners)
        self._search = [
            f"{r.preferred_name} {r.given_name} {r.family_name} {r.external_id or ''}".casefold() for r in self._rows
        ]
        self.endResetModel()

    def learner(self, row: int) -> LearnerSummary:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.display_name
            return r.group_name if col == 1 else r.grade
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{r.given_name} {r.family_name}" + (f" · {r.external_id}" if r.external_id else "")
        if role == self.ID_ROLE:
            return r.id
        if role == self.SEARCH_ROLE:
            return self._search[index.row()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Learner"), self.tr("Group"), self.tr("Grade"))[section]
        return None


class LearnerFilterProxy(QSortFilterProxyModel):
    """Rows whose name (or id) contains every typed word, in the chosen group."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._words: list[str] = []
        self._group = ANY_GROUP

    def _refilter(self, apply) -> None:  # noqa: ANN001
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateRowsFilter()

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.casefold().split()))

    def set_group(self, group: str) -> None:
        self._refilter(lambda: setattr(self, "_group", group))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: ANN001, N802
        model = self.sourceModel()
        summary = model.learner(source_row)
        if self._group and summary.group_name != self._group:
            return False
        if not self._words:
            return True
        haystack = model._search[source_row]
        return all(w in haystack for w in self._words)
