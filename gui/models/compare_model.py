"""与上年对比 as a table model: every cell of the report beside last year's, the change, jumps marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from core.model.values import format_value
from core.rules.year_over_year import Comparison, comparison

from .. import strings, style

_R = Qt.ItemDataRole
REF_ROLE = _R.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
PLACE, LAST, NOW, CHANGE = range(4)


def _shown(value) -> str:
    return "" if value is None else value if isinstance(value, str) else format_value(value)


class CompareModel(QAbstractTableModel):
    """Rows of :func:`core.rules.year_over_year.comparison`; :meth:`refresh` recomputes them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Comparison] = []
        self.years: tuple = (None, None)

    def refresh(self, document) -> None:
        report = document.report if document is not None else None
        base = report.baseline if report is not None else None
        rows = comparison(report, document.validator.ctx.pack) if base is not None and base.values else []
        years = (base.year, report.meta.get("year")) if base is not None else (None, None)
        if len(rows) != len(self.rows) or years != self.years or [r.ref for r in rows] != [r.ref for r in self.rows]:
            self.beginResetModel()
            self.rows, self.years = rows, years
            self.endResetModel()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, CHANGE)
        elif rows != self.rows:
            changed = [i for i, (a, b) in enumerate(zip(rows, self.rows)) if a != b]
            self.rows = rows
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], CHANGE))

    def jump_refs(self) -> list[str]:
        return [r.ref for r in self.rows if r.jump]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=_R.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _R.DisplayRole:
            return strings.compare_columns(*self.years)[section]
        return None

    def data(self, index, role=_R.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == _R.DisplayRole:
            return (row.place, _shown(row.last), _shown(row.now), row.change)[col]
        if role == REF_ROLE:
            return row.ref
        if role == _R.TextAlignmentRole and col != PLACE:
            return _RIGHT
        if role == _R.BackgroundRole and row.jump:
            return style.WARNING_BG
        if role == _R.ToolTipRole:
            return strings.COMPARE_JUMP_TIP if row.jump else strings.COMPARE_ROW_TIP
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags


class JumpsOnly(QSortFilterProxyModel):
    """Shows every row, or (``only=True``) the jumps alone."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only = False

    def set_only(self, only: bool) -> None:
        self.beginFilterChange()
        self.only = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        return not self.only or self.sourceModel().rows[source_row].jump
