"""What reading a file gives: the report, and a typed note for everything not read or read by a guess."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.report import Report


class NoteCode(str, enum.Enum):
    """What a read note is about; code keys on these, never on the Chinese text."""

    FORM_GUESSED = "form-guessed"  # the format was told by the year (or defaulted), not by the headers
    FORM_MISMATCH = "form-mismatch"  # the tables' format is not the one the year requires
    YEAR_MISSING = "year-missing"
    UNIT_MISSING = "unit-missing"
    SECTION_MISSING = "section-missing"  # a narrative section has no text
    CELL_CONVERTED = "cell-converted"  # a number read from text with words or units (「减4」「2359万元」)
    MONEY_UNIT = "money-unit"  # 2019 采购总金额's unit (万元/元) taken from the narrative, not the table
    CELL_TEXT = "cell-text"  # not a number: kept as typed, for the clerk to correct
    ROW_SHORT = "row-short"  # fewer numbers than cells: the rest stay blank
    ROW_EXTRA = "row-extra"  # more numbers than cells: the extra ones are not read
    ROW_UNKNOWN = "row-unknown"  # a row whose label matches no official row: its numbers are not read
    ROW_DUPLICATE = "row-duplicate"
    ROW_MISSING = "row-missing"
    TABLE_MISSING = "table-missing"
    TABLE_EXTRA = "table-extra"  # 表四 has more numbers than cells
    SUBTOTALS_DROPPED = "subtotals-dropped"  # printed subtotal rows/columns, derived and not stored
    BLANK_MARKS = "blank-marks"  # 「/」「—」 read as blank, not 0
    CELLS_EMPTY = "cells-empty"
    TABLE_DEVIATION = "table-deviation"  # a row or column added, dropped or renamed (E-STRUCT-TABLES)
    CELL_PLACED = "cell-placed"  # a number placed in its cell by the table's sums (text without positions)
    CELL_UNCERTAIN = "cell-uncertain"  # the sums cannot tell which cell a number belongs to
    ENCODING = "encoding"  # the file's bytes were decoded by a guess, or with bytes replaced


@dataclass(frozen=True)
class ReadNote:
    """One thing the clerk should check after an import.

    ``where`` is the ref the note is about, as precise as is known: a cell (``"t3.r01.c1"``), a row
    (``"t3.r01"``, ``"t2.a1.gz"``), a table (``"t3"``), a meta field (``"meta.unit"``) or a narrative
    section (``"text.overview"``); None when it is about the whole file.
    """

    code: NoteCode
    message: str  # Chinese, one line (core.messages.read_notes)
    where: str | None = None


@dataclass
class ReadResult:
    """A report read from a file, with what could not be read or was guessed."""

    report: "Report"
    notes: list[ReadNote] = field(default_factory=list)
    source_kind: str = "project"  # "project", or the importer's kind ("docx", "text" …)

    @property
    def messages(self) -> list[str]:
        """Return the notes' Chinese texts, in order."""
        return [n.message for n in self.notes]
