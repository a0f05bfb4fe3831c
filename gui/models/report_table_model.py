"""One generic table model that draws any official table from its printed grid, and edits it.

The views never write the report: typing, paste, clear and fill are operations here, each one
undo step through the document. ``data()`` runs for every painted cell, so what does not change
(labels, flags, alignment, fonts) is worked out once per layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from core.io.tables.parser import parse_value
from core.model import format_value, parse_cell_text
from core.model.money_unit import REF as MONEY_UNIT_REF, header_text
from core.model.report import EXPLANATIONS_REF
from core.rules.cells import cell_place
from core.rules.explained import explanation_of
from core.schema import CellSpec, GridCell, TableSpec

from .. import strings, style
from ..document import ReportDocument
from ..paste import plan_paste

_R = Qt.ItemDataRole
_F = Qt.ItemFlag
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LABEL_FLAGS = _F.ItemIsEnabled
_DERIVED_FLAGS = _F.ItemIsEnabled | _F.ItemIsSelectable
_EDITABLE_FLAGS = _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemIsEditable
_PAINT_ROLES = (_R.DisplayRole, _R.BackgroundRole, _R.TextAlignmentRole, _R.ForegroundRole, _R.FontRole)


@dataclass(frozen=True)
class EditResult:
    """What a paste, clear or fill did: whether the report changed, and the line to show the clerk."""

    changed: bool
    message: str = ""
    refs: tuple[str, ...] = ()
    notable: bool = False  # something was skipped or read by a guess: show it at the cell


class ReportTableModel(QAbstractTableModel):
    """The printed grid of one table: header and label rows live inside the model (spans in the view)."""

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
        self._flags: dict[tuple[int, int], Qt.ItemFlag] = {}
        self._labels: dict[tuple[int, int], dict] = {}  # role -> value of each header / label cell
        self._kinds: dict[str, CellSpec] = {c.ref: c for c in self.spec.cells}
        for g in self.spec.grid:
            key = (g.row, g.col)
            self._cells[key] = g
            if g.ref:
                self._pos[g.ref] = key
                self._flags[key] = _DERIVED_FLAGS if self._kinds[g.ref].derived else _EDITABLE_FLAGS
            else:
                self._flags[key] = _LABEL_FLAGS
                self._labels[key] = self._label_roles(g)
        self._state: dict[str, tuple] = {ref: self._compute_state(ref) for ref in self._pos}
        self._paint: dict[tuple[int, int], dict] = {}  # what multiData hands the delegate, per cell
        self._revision = self.document.validator.revision

    def _label_roles(self, g: GridCell) -> dict:
        roles = {_R.DisplayRole: header_text(self.document.report, g),  # 「采购总金额（万元）」
                 _R.BackgroundRole: style.HEADER_BG if g.role in ("header", "note") else style.LABEL_BG,
                 _R.TextAlignmentRole: _LEFT if g.role == "label" and g.rowspan == 1 else _CENTER}
        if g.role == "note":
            roles[_R.ForegroundRole] = style.NOTE_FG
        if g.role == "header":
            roles[_R.FontRole] = self._bold
        if g.role == "label" and len(g.text) > 12:
            roles[_R.ToolTipRole] = g.text
        return roles

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
        return self._flags.get((index.row(), index.column()), _F.NoItemFlags)

    def data(self, index, role=_R.DisplayRole) -> Any:
        key = (index.row(), index.column())
        g = self._cells.get(key)
        if g is None:
            return None
        ref = g.ref
        if ref is None:
            return self._labels[key].get(role)
        if role == _R.DisplayRole or role == _R.EditRole:
            return format_value(self.document.report.values[ref])
        if role == _R.BackgroundRole:
            return self._state[ref][0]
        if role == _R.TextAlignmentRole:
            return _RIGHT
        if role == _R.ForegroundRole:
            if isinstance(self.document.report.values[ref], str):
                return style.INVALID_FG
            return style.DERIVED_FG if self._kinds[ref].derived else None
        if role == _R.FontRole:
            return self._bold if self._kinds[ref].derived else None
        if role == _R.ToolTipRole:
            return self._state[ref][1] or None
        if role == _R.AccessibleTextRole:
            return f"{cell_place(self._kinds[ref])} {format_value(self.document.report.values[ref])}"
        return None

    def multiData(self, index, span) -> None:
        """Every role a painted cell needs, in one call and from a cache (the delegate asks for seven)."""
        key = (index.row(), index.column())
        roles = self._paint.get(key)
        if roles is None:
            g = self._cells.get(key)
            if g is None:
                roles = {}
            elif g.ref is None:
                roles = self._labels[key]
            else:
                roles = {r: v for r in _PAINT_ROLES if (v := self.data(index, r)) is not None}
            self._paint[key] = roles
        for slot in span:
            value = roles.get(slot.role())
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

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
        self.document.set_cells({ref: parsed.value}, strings.undo_type(cell_place(self._kinds[ref])))
        return True  # the view is refreshed from the document's change signal

    # -- edits of several cells, one undo step each ----------------------------------------
    def editable_refs(self, indexes) -> list[str]:
        """Return the refs of the editable data cells among ``indexes``, in grid order."""
        refs = {self.ref_at(i) for i in indexes if self.is_editable(i)}
        return [ref for ref in self._pos if ref in refs]

    def paste(self, start: QModelIndex, rows: list[list[str]], selected=()) -> EditResult:
        """Paste clipboard ``rows`` with ``start`` as the current cell; derived cells are skipped and named."""
        if not start.isValid() or self.ref_at(start) is None:
            return EditResult(False, strings.PASTE_NO_TARGET)
        report = self.document.report
        plan = plan_paste(report.form, self.spec, rows, (start.row(), start.column()), self.editable_refs(selected))
        if plan.error:
            return EditResult(False, plan.error)
        changed = bool(plan.changes) and self.document.set_cells(plan.changes, strings.undo_paste(len(plan.changes)))
        values = report.values
        differ = []
        for ref, pasted in plan.skipped.items():
            if parse_value(pasted, self._kinds[ref])[0] != values[ref]:
                differ.append((cell_place(self._kinds[ref]), pasted, format_value(values[ref]) or strings.BLANK_WORD))
        message = strings.paste_done(len(plan.changes), skipped=list(plan.skipped.values()), differ=differ,
                                     clipped=plan.clipped, blank_marks=plan.blank_marks, read_as=plan.read_as,
                                     subtotal_column=plan.subtotal_column)
        notable = bool(plan.skipped or plan.clipped or plan.blank_marks or plan.read_as or plan.subtotal_column)
        covered = set(plan.changes) | set(plan.skipped)  # the block as pasted, totals included
        return EditResult(changed, message, tuple(r for r in self._pos if r in covered), notable)

    def clear(self, indexes) -> EditResult:
        """Blank the editable cells among ``indexes``; their totals follow."""
        values = self.document.report.values
        changes = {r: None for r in self.editable_refs(indexes) if values[r] is not None}
        if not changes:
            return EditResult(False)
        return EditResult(self.document.set_cells(changes, strings.undo_clear(len(changes))), "", tuple(changes))

    def fill(self, indexes, text: str, *, only_blank: bool = False) -> EditResult:
        """Put ``text`` into the editable cells among ``indexes`` (only the blank ones if asked)."""
        values = self.document.report.values
        refs = [r for r in self.editable_refs(indexes) if not only_blank or values[r] is None]
        if not refs:
            return EditResult(False, strings.FILL_NOTHING)
        changes = {}
        for ref in refs:
            parsed = parse_cell_text(text, self._kinds[ref].kind)
            if not parsed.ok:
                return EditResult(False, parsed.error)
            changes[ref] = parsed.value
        changed = self.document.set_cells(changes, strings.undo_fill(len(changes)))
        return EditResult(changed, strings.filled(len(changes)) if changed else "", tuple(changes))

    def fill_blank(self, indexes, text: str) -> EditResult:
        return self.fill(indexes, text, only_blank=True)

    def fill_down(self, indexes) -> EditResult:
        """Ctrl+D: each selected column gets the value of its top selected cell."""
        top: dict[int, str] = {}
        for i in sorted(indexes, key=lambda i: (i.row(), i.column())):
            ref = self.ref_at(i)
            if ref is not None and i.column() not in top:
                top[i.column()] = ref
        values = self.document.report.values
        changes = {ref: values[top[i.column()]] for i in indexes if (ref := self.ref_at(i)) is not None
                   and self.is_editable(i) and ref != top.get(i.column())
                   and self._kinds[ref].kind is self._kinds[top[i.column()]].kind}
        if not changes:
            return EditResult(False, strings.FILL_NOTHING)
        changed = self.document.set_cells(changes, strings.UNDO_FILL_DOWN)
        return EditResult(changed, strings.filled(len(changes)) if changed else "", tuple(changes))

    # -- keeping up with the report --------------------------------------------------------
    def _compute_state(self, ref: str) -> tuple:
        """Return (background, tooltip) of a data cell; compared to find the cells to repaint."""
        derived = self._kinds[ref].derived
        plain_bg = style.DERIVED_BG if derived else None
        found = self.document.validator.findings_for(ref)
        if not found:
            if self.document.report.values[ref] is None and not derived:
                return (None, strings.BLANK_TIP)
            return (plain_bg, strings.DERIVED_TIP if derived else "")
        # "Not filled yet" is not worth amber while typing; the panel lists it under 导出前须处理.
        # An explained warning (已说明) is not amber either: its tooltip says so.
        explanations = self.document.report.explanations
        shown, explained = [], []
        for f in found:
            if not (f.is_error or not f.export_error):
                continue
            (explained if explanation_of(f, explanations) is not None else shown).append(f)
        lines = [f"{f.severity.label}：{f.message}" for f in shown]
        lines += [strings.explained_cell_tip(f.message, explanation_of(f, explanations)) for f in explained]
        if not shown and self.document.report.values[ref] is None:
            lines = [strings.BLANK_TIP]
        if derived:
            lines.append(strings.DERIVED_TIP)
        if any(f.is_error for f in shown):
            bg = style.ERROR_BG
        elif shown:
            bg = style.WARNING_BG
        else:
            bg = plain_bg
        return (bg, "\n".join(lines))

    def _on_changed(self, refs: frozenset) -> None:
        if "*" in refs:
            self.beginResetModel()
            self._build()
            self.endResetModel()
            self.layout_rebuilt.emit()
            return
        if MONEY_UNIT_REF in refs:  # the header over 2019's 采购总金额 shows the unit chosen
            for key, g in self._cells.items():
                if g.chosen_unit:
                    self._labels[key] = self._label_roles(g)
                    self._paint.pop(key, None)
                    self.dataChanged.emit(self.index(*key), self.index(*key))
        dirty = {ref for ref in refs if ref in self._pos}
        if self.document.validator.revision != self._revision or EXPLANATIONS_REF in refs:
            self._revision = self.document.validator.revision
            for ref in self._pos:
                state = self._compute_state(ref)
                if state != self._state[ref]:
                    self._state[ref] = state
                    dirty.add(ref)
        else:
            for ref in dirty:
                self._state[ref] = self._compute_state(ref)
        for ref in dirty:  # one cell at a time: the view repaints just that cell
            self._paint.pop(self._pos[ref], None)
            index = self.index(*self._pos[ref])
            self.dataChanged.emit(index, index)
