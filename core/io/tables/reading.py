"""What reading one table gathers besides its values: notes on cells, rows and the table, and the
deviations of the printed table from the official one (E-STRUCT-TABLES)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ...messages import reading as msg
from ...model.deviation import TableDeviation
from ...schema import MONEY_UNITS, TABLE_NAMES, FormSpec
from ...schema.builders import T3_COLS
from .cell_values import is_value_text, parse_value
from ..read_result import NoteCode, ReadNote
from .grid import Record
from .labels import UNIT_WORD, norm_label
from .records import Heads

@dataclass
class TableReading:
    """What reading one table gathers besides its values."""

    form: FormSpec
    tid: str
    values: dict
    notes: list[ReadNote]
    deviations: list[TableDeviation]
    marks: int = 0
    empty: int = 0
    groups: int = 0
    subtotal_col: int = 0

    @property
    def name(self) -> str:
        return TABLE_NAMES[self.tid]

    def note(self, code: NoteCode, text: str, where: str | None = None) -> None:
        self.notes.append(ReadNote(code, text, where))

    def fill(self, row_id: str, raw: list[str]) -> None:
        """Parse one row's texts into its cells, in order; what is not a number stays blank."""
        spec_row = row_spec(self.form, self.tid, row_id)
        for ref, text in zip(spec_row.cells, raw):
            self.put(ref, text)
        if len(raw) < len(spec_row.cells):
            missing = len(spec_row.cells) - len(raw)
            self.empty += missing
            self.note(NoteCode.ROW_SHORT, msg.row_short(self.name, spec_row.label, len(raw), missing),
                      f"{self.tid}.{row_id}")

    def unsure(self, ref: str) -> None:
        """A cell whose number cannot be told (its note names it): blank, not counted as printed blank."""
        self.values[ref] = None

    def put(self, ref: str, text: str) -> None:
        spec = self.form.cell(ref)
        value, note, mark = parse_value(text, spec)
        if isinstance(value, str):
            value = None  # not a number: the cell stays blank in its place, the note quotes it
        self.values[ref] = value
        if mark:
            self.marks += 1
        elif value is None and not note:
            self.empty += 1
        if note:
            code = NoteCode.CELL_TEXT if value is None else NoteCode.CELL_CONVERTED
            self.note(code, msg.cell(self.name, spec.row_label, spec.col_label, note), ref)

    def deviate(self, kind: str, printed: str, message: str, cells=()) -> None:
        cells = tuple(cells)
        self.deviations.append(TableDeviation(self.tid, kind, printed, message, cells,
                                              tuple(self.values.get(c) for c in cells)))
        self.note(NoteCode.TABLE_DEVIATION, message, self.tid)


def row_spec(form: FormSpec, tid: str, row_id: str):
    return next(r for r in form.table(tid).rows if r.id == row_id)


def summarise(reading: TableReading) -> None:
    name, tid = reading.name, reading.tid
    if reading.subtotal_col or reading.groups:
        reading.note(NoteCode.SUBTOTALS_DROPPED, msg.subtotals_dropped(name), tid)
    if reading.marks:
        reading.note(NoteCode.BLANK_MARKS, msg.blank_marks(name, reading.marks), tid)
    if reading.empty:
        reading.note(NoteCode.CELLS_EMPTY, msg.cells_empty(name, reading.empty), tid)


def unknown_row(reading: TableReading, shown: str, rec: Record) -> None:
    """A row the official table does not have: its figures are not read, and the clerk is told."""
    numbers = [v.strip() for v in rec.values + rec.extra if v.strip() and is_value_text(v)]
    if not numbers:
        return  # a header row, or a note printed inside the table
    reading.note(NoteCode.ROW_UNKNOWN, msg.row_unknown(reading.name, shown), reading.tid)
    figures = [v for v in numbers if not _is_zero(v)]
    if figures and shown:
        reading.deviate("added-row", shown, msg.deviation_row_added(reading.name, shown, figures))


def _is_zero(text: str) -> bool:
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return s in ("0", "0.0", "0.00") or bool(re.fullmatch(r"[/／—–\-－]+|无", s))


def is_renamed(head: str, official: str) -> bool:
    """Whether a printed column header means something else than the official one.

    An abbreviation (「制发件数」), the unit written otherwise (「本年收费金额（万元）」) or added to a
    header that prints none (2019's 「采购总金额（万元）」, read into meta.money_unit) is the same column;
    a header with words added (「现行有效件数（历史累计）」) or a different one is not.
    """
    h, o = (norm_label(x).replace(UNIT_WORD, "") for x in (head, official))
    if not h or h == o or h in o or any(h == o + unit for unit in MONEY_UNITS):
        return False
    return True


def renamed_column(reading: TableReading, block: str, k: int, head: str, seen: dict) -> None:
    form = reading.form
    rows = [r for r in form.table("t2").rows if r.id.split(".")[0] == block and r.id in seen]
    if not rows:
        return
    official = form.cell(rows[0].cells[k]).col_label
    cells = [r.cells[k] for r in rows if k < len(r.cells)]
    reading.deviate("renamed-column", head, msg.deviation_column_renamed(reading.name, head, official,
                                                                         [r.label for r in rows]), cells)


def t3_column_deviations(reading: TableReading, heads: Heads) -> None:
    names = [label for _, label in T3_COLS]
    t3 = reading.form.table("t3")
    for k, head in heads.by_key.items():
        if norm_label(head) != norm_label(names[k]):
            cells = [r.cells[k] for r in t3.rows]
            reading.deviate("renamed-column", head, msg.deviation_column_renamed(reading.name, head, names[k], []),
                            cells)
    if heads.missing:
        cells = [r.cells[k] for k in heads.missing for r in t3.rows]
        reading.deviate("dropped-column", "、".join(names[k] for k in heads.missing),
                        msg.deviation_columns_dropped(reading.name, [names[k] for k in heads.missing]), cells)
    for head in heads.added:
        reading.deviate("added-column", head, msg.deviation_column_added(reading.name, head))
