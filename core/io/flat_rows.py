"""Table rows read from text without cell positions: a PDF copied as text, Word's 「纯文本」.

Such a row is a label and then its numbers; a blank cell prints nothing, so a row may have fewer
numbers than cells. Where it does, the table's own sums say where the numbers stand: each 表三 row's
总计 is the sum of its six columns, each column's （七）总计 the sum of the rows above it and
第一项＋第二项＝第三项＋第四项; each 表四 总计 is the sum of its four results. Placements the sums
allow are tried; cells on which all of them agree are filled, the others are named as uncertain.
"""

from __future__ import annotations

from .cell_values import is_value_text
from .table_grid import Record


def records(tokens, need_label: bool) -> list[Record]:
    """Return each run of value cells in a table's tokens, with the label cells before it.

    A run is ended by the next label cell. The labels before a run carry over when a run held
    nothing, because header cells and merged stand-ins come in between.
    """
    out: list[Record] = []
    labels: list[str] = []
    values: list[str] = []

    def flush() -> None:
        nonlocal labels, values
        if values and any(v.strip() for v in values):
            out.append(Record(list(labels), values, False))
            labels = []
        values = []

    for t in tokens:
        if t.kind == "endtable":
            flush()
        if t.kind != "cell":
            continue
        if is_value_text(t.text):
            if labels or not need_label or values:
                values.append(t.text)
            continue
        flush()
        labels.append(t.text)
        labels = labels[-30:]
    flush()
    return out


def fill_short(reading, short: list[tuple[str, list[str]]]) -> None:
    """Fill the rows that have fewer numbers than cells (see the module doc)."""
    for row_id, raw in short:
        reading.fill(row_id, raw)


def fill_t4(reading, raw: list[str]) -> None:
    """Fill 表四's one row from its numbers in order, placing missing cells by its sums."""
    reading.fill("r1", raw)
