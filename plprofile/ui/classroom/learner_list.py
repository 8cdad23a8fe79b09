"""The learner list: a table model over the class that filters itself by name and group, and its proxy.

A school has thousands of learners, and one keystroke in the search must update the list within a frame
(16 ms). ``QSortFilterProxyModel.filterAcceptsRow`` overridden in Python costs a call from C++ into Python
per learner per keystroke (about 40 ms at 10,000); instead the model matches the typed words against
precomputed casefolded keys in one pass of Python (narrowing from the last result while the words only grow)
and shows the matching rows through a layout change, which keeps the current learner selected (and shown)
when they still match. The proxy stays in between so views and callers keep one interface.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from plprofile.domain.search import learner_key, query_words

if TYPE_CHECKING:  # the window shows before the store layer (SQLAlchemy) has loaded
    import uuid

    from plprofile.services.profiles import LearnerSummary

ANY_GROUP = ""


class LearnerTableModel(QAbstractTableModel):
    """The live learners; ``set_filter`` narrows the rows shown (``learner(row)`` is a shown row)."""

    COLUMNS = ("name", "group", "grade")
    SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._all: list[LearnerSummary] = []
        self._keys: list[str] = []
        self._shown: list[int] = []  # indexes into _all
        self._words: tuple[str, ...] = ()
        self._group = ANY_GROUP
        self._members: frozenset | None = None  # the chosen class's learner ids (None: every learner)
        self._rows: list[LearnerSummary] = []
        self._position: dict[uuid.UUID, int] = {}  # learner id -> index into _all

    def set_learners(self, learners: list[LearnerSummary], keys: list[str] | None = None) -> None:
        """Show ``learners``; ``keys`` are their folded search keys if already made (``ClassList.search_keys``,
        once per reading of the class), else they are made here."""
        self.beginResetModel()
        self._all = list(learners)
        self._keys = list(keys) if keys is not None else [
            learner_key(r.given_name, r.family_name, r.preferred_name, r.external_id) for r in self._all]
        self._position = {r.id: i for i, r in enumerate(self._all)}
        self._shown = self._match(range(len(self._all)), self._words, self._group, self._members)
        self._rows = [self._all[i] for i in self._shown]
        self.endResetModel()

    def all_learners(self) -> list[LearnerSummary]:
        return list(self._all)

    def total(self) -> int:
        """How many learners the list holds, shown or not."""
        return len(self._all)

    def shown(self) -> int:
        """How many of them the search and group let through."""
        return len(self._shown)

    def _match(self, candidates, words: tuple[str, ...], group: str,  # noqa: ANN001
               members: frozenset | None = None) -> list[int]:
        rows, keys = self._all, self._keys
        if members is not None:
            candidates = [i for i in candidates if rows[i].id in members]
        if group:
            candidates = [i for i in candidates if rows[i].group_name == group]
        for word in words:  # one word at a time: each pass a tight comprehension
            candidates = [i for i in candidates if word in keys[i]]
        return list(candidates)

    def set_filter(self, words: tuple[str, ...], group: str, members: frozenset | None = None) -> None:
        """Show the learners whose name or ID contains every (folded) word, in ``group`` (ANY_GROUP: all) and
        among ``members`` (a class's learner ids; None: every learner)."""
        if (words, group, members) == (self._words, self._group, self._members):
            return
        narrower = (group, members) == (self._group, self._members) and all(
            any(old in new for new in words) for old in self._words)
        shown = self._match(self._shown if narrower else range(len(self._all)), words, group, members)
        self._words, self._group, self._members = words, group, members
        if shown == self._shown:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()  # the selection and current row: a handful
        was = [self._shown[p.row()] if p.isValid() and p.row() < len(self._shown) else None for p in persistent]
        self._shown = shown
        self._rows = [self._all[i] for i in shown]
        position = {source: row for row, source in enumerate(shown)}
        self.changePersistentIndexList(persistent, [
            self.index(position[source], p.column()) if source in position else QModelIndex()
            for p, source in zip(persistent, was, strict=True)])
        self.layoutChanged.emit()

    def row_of(self, learner_id: uuid.UUID) -> int | None:
        """The shown row of a learner (None if filtered out or unknown), without a pass over the rows."""
        i = self._position.get(learner_id)
        if i is None:
            return None
        row = bisect.bisect_left(self._shown, i)
        return row if row < len(self._shown) and self._shown[row] == i else None

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
            if col == 0:  # a learner the school's roster disabled is kept, and says so
                return r.display_name if r.enabled else self.tr("{name} (disabled)").format(name=r.display_name)
            return r.group_name if col == 1 else r.grade
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{r.given_name} {r.family_name}" + (f" · {r.external_id}" if r.external_id else "")
        if role == self.ID_ROLE:
            return r.id
        if role == self.SEARCH_ROLE:
            return self._keys[self._shown[index.row()]]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Learner"), self.tr("Group"), self.tr("Grade"))[section]
        return None


class LearnerFilterProxy(QSortFilterProxyModel):
    """Rows whose name (or id) contains every typed word, in the chosen group, compared without case, accents
    or apostrophes (``domain.search.fold``).

    The matching happens in the source model (``LearnerTableModel.set_filter``); this proxy accepts every row
    it is given, in C++, without a call into Python per row.
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._group = ANY_GROUP
        self._members: frozenset | None = None

    def _apply(self) -> None:
        source = self.sourceModel()
        if isinstance(source, LearnerTableModel):
            source.set_filter(self._words, self._group, self._members)

    def set_text(self, text: str) -> None:
        self._words = query_words(text)
        self._apply()

    def set_group(self, group: str) -> None:
        self._group = group
        self._apply()

    def set_members(self, members: frozenset | None) -> None:
        """Only these learners (a class's), or every learner (None)."""
        self._members = members
        self._apply()
