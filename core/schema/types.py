"""Frozen dataclasses that describe an official report format as data."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class CellKind(enum.Enum):
    """What a statistical cell may hold."""

    COUNT = "count"  # integer >= 0 (件)
    MONEY = "money"  # Decimal >= 0, kept exactly as typed (万元)
    SIGNED = "signed"  # integer, may be negative (2019 本年增/减)


@dataclass(frozen=True)
class CellSpec:
    """One data cell of a statistical table."""

    ref: str  # e.g. "t3.r01.c1"
    table: str  # "t2" | "t3" | "t4"
    row: str  # row id inside the table, e.g. "r01" or "a1.gz"
    col: str  # column id, e.g. "c1" or "zf"
    kind: CellKind
    row_label: str  # official row label
    col_label: str  # official column label
    derived: bool = False  # a total computed from other cells
    # An amount whose unit the format does not print (2019 采购总金额): the clerk states 万元 or 元
    # (Report.meta["money_unit"]), and the table prints it in the column header.
    chosen_unit: bool = False


@dataclass(frozen=True)
class Formula:
    """A derived cell: ``target`` equals the sum of ``parts``."""

    target: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class RowSpec:
    """One data row in official order, with its cells in column order."""

    id: str
    label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class GridCell:
    """One cell of the printed table: a header/label text or a data cell, with its merge span."""

    row: int
    col: int
    text: str = ""
    ref: str | None = None  # data cell ref, or None for header/label/note text
    rowspan: int = 1
    colspan: int = 1
    role: str = "label"  # "header" | "label" | "data" | "note"
    chosen_unit: bool = False  # a header over a chosen-unit amount: printed with the unit, 「采购总金额（万元）」


@dataclass(frozen=True)
class RowGroup:
    """Named rows of a table that belong together, e.g. 「（三）不予公开」 = r05–r12 of 表三."""

    id: str  # "refused"
    label: str  # official label, e.g. "（三）不予公开"
    rows: tuple[str, ...]  # row ids in official order


@dataclass(frozen=True)
class TableSpec:
    """A statistical table: its data cells, official rows, formulas and printed layout."""

    id: str
    title: str  # e.g. "二、主动公开政府信息情况"
    rows: tuple[RowSpec, ...]
    cells: tuple[CellSpec, ...]
    formulas: tuple[Formula, ...]
    grid: tuple[GridCell, ...]
    grid_rows: int
    grid_cols: int
    col_widths: tuple[float, ...]  # relative widths of the printed grid columns
    header_rows: int  # printed rows at the top that repeat on each page

    def cell(self, ref: str) -> CellSpec:
        """Return the spec of the data cell ``ref``."""
        return self._by_ref()[ref]

    def _by_ref(self) -> dict[str, CellSpec]:
        cache = self.__dict__.get("_cache")
        if cache is None:
            cache = {c.ref: c for c in self.cells}
            object.__setattr__(self, "_cache", cache)
        return cache

    def shape(self) -> list[int]:
        """Return the number of cells in each official row (the project file's shape)."""
        return [len(r.cells) for r in self.rows]


@dataclass(frozen=True)
class FormSpec:
    """One official report format (国办公开办函〔2021〕30号 or 〔2019〕60号)."""

    id: str  # "gb2021" | "gb2019"
    name: str  # e.g. "国办公开办函〔2021〕30号"
    tables: tuple[TableSpec, ...]
    # Ids of named T3 rows that rules and text checks refer to.
    t3_rows: dict[str, str] = field(default_factory=dict)
    # Named groups of T3 rows (「（三）不予公开」 …), see core.schema.forms.T3_GROUP_IDS.
    t3_groups: tuple[RowGroup, ...] = ()

    def table(self, table_id: str) -> TableSpec:
        """Return the table with id ``table_id``."""
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)

    def t3_group(self, group_id: str) -> RowGroup:
        """Return the named group of 表三 rows ``group_id`` ("refused", "results" …)."""
        for g in self.t3_groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    @property
    def cells(self) -> tuple[CellSpec, ...]:
        """Return every data cell of the form, table by table in official order."""
        cached = self.__dict__.get("_cells")
        if cached is None:
            cached = tuple(c for t in self.tables for c in t.cells)
            object.__setattr__(self, "_cells", cached)
        return cached

    def cell(self, ref: str) -> CellSpec:
        """Return the spec of the data cell ``ref`` in any table."""
        cache = self.__dict__.get("_by_ref")
        if cache is None:
            cache = {c.ref: c for c in self.cells}
            object.__setattr__(self, "_by_ref", cache)
        return cache[ref]

    def has_cell(self, ref: str) -> bool:
        """Return whether ``ref`` is a data cell of this form."""
        try:
            self.cell(ref)
        except KeyError:
            return False
        return True

    @property
    def chosen_unit_cells(self) -> tuple[str, ...]:
        """Return the refs of the amounts whose unit the clerk states (2019: 采购总金额; 2021: none)."""
        return tuple(c.ref for c in self.cells if c.chosen_unit)

    @property
    def formulas(self) -> tuple[Formula, ...]:
        """Return every derived-cell formula of the form."""
        return tuple(f for t in self.tables for f in t.formulas)
