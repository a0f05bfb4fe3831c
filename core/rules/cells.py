"""How rule messages name cells, rows and columns to a clerk."""

from __future__ import annotations

from ..schema import TABLE_NAMES, CellSpec

ORDINALS = "一二三四五六七八九十"


def short_row(label: str) -> str:
    """Return a row label short enough for a message (first clause of long labels)."""
    return label.split("（区分", 1)[0]


def cell_place(spec: CellSpec) -> str:
    """Return where a cell is, e.g. 「表三“一、本年新收…”行“自然人”列」."""
    table = TABLE_NAMES[spec.table]
    if spec.table == "t4":
        return f"{table}“{spec.row_label}·{spec.col_label}”"
    return f"{table}“{short_row(spec.row_label)}”行“{spec.col_label}”列"
