"""One generic table model that draws any official table from its printed grid."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from core.io.table_parser import parse_value
from core.model import format_value, parse_cell_text
from core.rules.base import Severity
from core.rules.cells import cell_place
from core.rules.ids import CELL_BLANK
from core.schema import CellSpec, GridCell, TableSpec

from .. import strings, style
from ..document import ReportDocument
from ..paste import plan_paste

_R = Qt.ItemDataRole
_A = Qt.AlignmentFlag



@dataclass(frozen=True)
class EditResult:
    """What a paste or clear did: whether the report changed, and the line to show the clerk."""

    changed: bool
    message: str = ""
    refs: tuple[str, ...] = ()
    notable: bool = False  # something was skipped or read by a guess: show it at the cell


class ReportTableModel(QAbstractTableModel):
    """The printed grid of one table: header and label rows live inside the model (spans in the view).

    Data cells read from ``report.values``; edits go to the document as one undo step each.
    """

    input_rejected = Signal(QModelIndex, str)  # the view shows the message at the cell
    layout_rebuilt = Signal()  # the grid changed (format switch): spans and sizes need redoing

    def __init__(self, document: ReportDocument, table_id: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.table_id = table_id
        self._bold = QFont()
        self._bold.setBold(True)
        self._build()
        document.changed.connect(self._on_changed)

    def detach(self) -> None:
        """Stop following the document (the page got another one)."""
        self.document.changed.disconnect(self._on_changed)

    # -- grid ------------------------------------------------------------------------------
    def _build(self) -> None:
        report = self.document.report
        self.spec: TableSpec = report.form.table(self.table_id)
        self._cells: dict[tuple[int, int], GridCell] = {}
        self._pos: dict[str, tuple[int, int]] = {}
        for g in self.spec.grid:
            self._cells[(g.row, g.col)] = g
            if g.ref:
                self._pos[g.ref] = (g.row, g.col)
        self._kinds: dict[str, CellSpec] = {c.ref: c for c in self.spec.cells}
        self._state: dict[str, tuple] = {ref: self._compute_state(ref) for ref in self._pos}
        self._revision = self.document.validator.revision

    def spans(self) -> list[GridCell]:
        """Return the grid cells that cover more than one row or column."""
        return [g for g in self.spec.grid if g.rowspan > 1 or g.colspan > 1]

    def grid_cell(self, index: QModelIndex) -> GridCell | None:
        return self._cells.get((index.row(), index.column())) if index.isValid() else None

    def ref_at(self, index: QModelIndex) -> str | None:
        g = self.grid_cell(index)
        return g.ref if g is not None else None

    def index_of(self, ref: str) -> QModelIndex:
        pos = self._pos.get(ref)
        return self.index(*pos) if pos else QModelIndex()

    def refs(self) -> list[str]:
        return list(self._pos)

    def cell_spec(self, ref: str) -> CellSpec:
        return self._kinds[ref]

    def is_editable(self, index: QModelIndex) -> bool:
        ref = self.ref_at(index)
        return ref is not None and not self._kinds[ref].derived

    def check_text(self, index: QModelIndex, text: str) -> str | None:
        """Return why ``text`` cannot go into the cell at ``index``, or None."""
        ref = self.ref_at(index)
        if ref is None:
            return strings.LABEL_READONLY
        spec = self._kinds[ref]
        if spec.derived:
            return strings.DERIVED_READONLY
        return parse_cell_text(text, spec.kind).error

    # -- model interface -------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.spec.grid_rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.spec.grid_cols

    def flags(self, index) -> Qt.ItemFlag:
        g = self.grid_cell(index)
        if g is None or g.ref is None:
            return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._kinds[g.ref].derived:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=_R.DisplayRole) -> Any:
        g = self.grid_cell(index)
        if g is None:
            return None
        if g.ref is None:
            return self._label_data(g, role)
        ref = g.ref
        if role in (_R.DisplayRole, _R.EditRole):
            return format_value(self.document.report.values[ref])
        if role == _R.BackgroundRole:
            error, warning, _tip = self._state[ref]
            if error:
                return style.ERROR_BG
            if warning:
                return style.WARNING_BG
            if self._kinds[ref].derived:
                return style.DERIVED_BG
            return None
        if role == _R.ForegroundRole:
            value = self.document.report.values[ref]
            if isinstance(value, str):
                return style.INVALID_FG
            if self._kinds[ref].derived:
                return style.DERIVED_FG
            return None
        if role == _R.FontRole:
            return self._bold if self._kinds[ref].derived else None
        if role == _R.TextAlignmentRole:
            return int(_A.AlignRight | _A.AlignVCenter)
        if role == _R.ToolTipRole:
            return self._state[ref][2] or None
        if role == _R.AccessibleTextRole:
            return f"{cell_place(self._kinds[ref])} {format_value(self.document.report.values[ref])}"
        return None

    def _label_data(self, g: GridCell, role) -> Any:
        if role == _R.DisplayRole:
            return g.text
        if role == _R.BackgroundRole:
            return style.HEADER_BG if g.role in ("header", "note") else style.LABEL_BG
        if role == _R.ForegroundRole:
            return style.NOTE_FG if g.role == "note" else None
        if role == _R.FontRole:
            return self._bold if g.role == "header" else None
        if role == _R.TextAlignmentRole:
            if g.role == "label" and g.rowspan == 1:
                return int(_A.AlignLeft | _A.AlignVCenter)
            return int(_A.AlignCenter)
        if role == _R.ToolTipRole:
            return g.text if g.role == "label" and len(g.text) > 12 else None
        return None

    def setData(self, index, value, role=_R.EditRole) -> bool:
        if role != _R.EditRole or not index.isValid():
            return False
        ref = self.ref_at(index)
        if ref is None or self._kinds[ref].derived:
            return False
        parsed = parse_cell_text(str(value if value is not None else ""), self._kinds[ref].kind)
        if not parsed.ok:
            self.input_rejected.emit(index, parsed.error)
            return False
        place = cell_place(self._kinds[ref])
        self.document.set_cells({ref: parsed.value}, strings.UNDO_TYPE.format(place=place))
        return True  # the view is refreshed from the document's change signal

    # -- edits of several cells, one undo step each (views ask; the model edits) ---------------
    def editable_refs(self, indexes) -> list[str]:
        """Return the refs of the editable data cells among ``indexes``, in grid order."""
        refs = {self.ref_at(i) for i in indexes if self.is_editable(i)}
        return [ref for ref in self._pos if ref in refs]

    def paste(self, start: QModelIndex, rows: list[list[str]], selected=()) -> EditResult:
        """Paste clipboard ``rows`` with ``start`` as the current cell; derived cells are skipped."""
        if not start.isValid() or self.ref_at(start) is None:
            return EditResult(False, strings.PASTE_NO_TARGET)
        report = self.document.report
        plan = plan_paste(report.form, self.spec, rows, (start.row(), start.column()),
                          self.editable_refs(selected))
        if plan.error:
            return EditResult(False, plan.error)
        changed = bool(plan.changes) and self.document.set_cells(plan.changes, strings.undo_paste(len(plan.changes)))
        values = report.values
        differ = []
        for ref, pasted in plan.skipped.items():
            value = parse_value(pasted, self._kinds[ref])[0]
            if value != values[ref]:
                differ.append((cell_place(self._kinds[ref]), pasted, format_value(values[ref]) or strings.BLANK_WORD))
        message = strings.paste_done(len(plan.changes), skipped=list(plan.skipped.values()), differ=differ,
                                     clipped=plan.clipped, blank_marks=plan.blank_marks, read_as=plan.read_as)
        notable = bool(plan.skipped or plan.clipped or plan.blank_marks or plan.read_as)
        covered = set(plan.changes) | set(plan.skipped)  # the block as pasted, totals included
        return EditResult(changed, message, tuple(r for r in self._pos if r in covered), notable)

    def clear(self, indexes) -> EditResult:
        """Blank the editable cells among ``indexes``; their totals follow."""
        values = self.document.report.values
        changes = {r: None for r in self.editable_refs(indexes) if values[r] is not None}
        if not changes:
            return EditResult(False)
        return EditResult(self.document.set_cells(changes, strings.undo_clear(len(changes))), "", tuple(changes))

    # -- keeping up with the report --------------------------------------------------------
    def _compute_state(self, ref: str) -> tuple:
        found = self.document.validator.findings_for(ref)
        value = self.document.report.values[ref]
        if not found:
            if value is None and not self._kinds[ref].derived:
                return (False, False, strings.BLANK_TIP)
            return (False, False, strings.DERIVED_TIP if self._kinds[ref].derived else "")
        error = any(f.severity is Severity.ERROR for f in found)
        # "Not filled yet" is not worth amber while typing; the panel still lists it.
        shown = [f for f in found if not (f.rule == CELL_BLANK and f.severity is Severity.WARNING)]
        warning = any(f.severity is Severity.WARNING for f in shown)
        lines = [f"{f.severity.label}：{f.message}" for f in shown]
        if not shown and value is None:
            lines = [strings.BLANK_TIP]
        if self._kinds[ref].derived:
            lines.append(strings.DERIVED_TIP)
        return (error, warning, "\n".join(lines))

    def _on_changed(self, refs: frozenset) -> None:
        if "*" in refs:
            self.beginResetModel()
            self._build()
            self.endResetModel()
            self.layout_rebuilt.emit()
            return
        dirty = {ref for ref in refs if ref in self._pos}
        if self.document.validator.revision != self._revision:
            self._revision = self.document.validator.revision
            for ref in self._pos:
                state = self._compute_state(ref)
                if state != self._state[ref]:
                    self._state[ref] = state
                    dirty.add(ref)
        else:
            for ref in dirty:
                self._state[ref] = self._compute_state(ref)
        if not dirty:
            return
        rows: dict[int, list[int]] = {}
        for ref in dirty:
            r, c = self._pos[ref]
            rows.setdefault(r, []).append(c)
        for r, cols in rows.items():  # one signal per touched row, only over the touched columns
            self.dataChanged.emit(self.index(r, min(cols)), self.index(r, max(cols)))
