"""Read one table: match each record to its official row by its label, never by position, and fill
its cells; rows of text without positions are placed by the table's sums (:mod:`core.io.tables.flat_rows`)."""

from __future__ import annotations

import re

from ...messages import reading as msg
from ...model.deviation import TableDeviation
from ...schema import FormSpec
from . import flat_rows, flat_t4
from .other_rows import OtherRows
from ..read_result import NoteCode, ReadNote
from .grid import Record
from .labels import T2_KEYS, T3_KEYS, label_end_after_numbers, match_labels, t3_group_labels
from .reading import (TableReading, is_renamed, renamed_column, row_spec, summarise, t3_column_deviations,
                            unknown_row)
from .records import looks_like_subtotal, t3_subtotal_column, table_records

def parse_table(form: FormSpec, tid: str, tokens, values: dict, notes: list[ReadNote],
                deviations: list[TableDeviation] | None = None) -> bool:
    """Read table ``tid`` from its tokens into ``values``; return whether any row was found.

    Deviations of the printed table from the official one are added to ``deviations``.
    """
    reading = TableReading(form, tid, values, notes, [] if deviations is None else deviations)
    table = form.table(tid)
    records, heads = table_records(form, tid, tokens)
    if tid == "t4":
        return _read_t4(reading, records)
    seen = _read_rows(reading, records)
    if not seen:
        reading.note(NoteCode.TABLE_MISSING, msg.table_missing(reading.name, table.title), tid)
        return False
    if tid == "t3":
        t3_column_deviations(reading, heads)
    missing = [row for row in table.rows if row.id not in seen]
    for row in missing:
        reading.note(NoteCode.ROW_MISSING, msg.row_missing(reading.name, row.label), f"{tid}.{row.id}")
    if missing:
        labels = [row.label for row in missing]
        reading.deviate("dropped-row", "、".join(labels), msg.deviation_rows_dropped(reading.name, labels),
                        [ref for row in missing for ref in row.cells])
    summarise(reading)
    return True


def _read_t4(reading: TableReading, records: list[Record]) -> bool:
    table = reading.form.table("t4")
    runs = [r for r in records if any(v.strip() for v in r.values)]
    if not runs:
        reading.note(NoteCode.TABLE_MISSING, msg.table_no_data(reading.name, table.title), "t4")
        return False
    rec = runs[-1]
    n = len(table.cells)
    raw = rec.values
    if rec.placed:
        for ref, text in zip(table.rows[0].cells, raw):
            reading.put(ref, text)
        if rec.extra:
            reading.note(NoteCode.TABLE_EXTRA, msg.row_extra(reading.name, "", rec.extra), "t4")
    else:
        while len(raw) > n and not raw[-1].strip():
            raw = raw[:-1]
        while len(raw) > n and not raw[0].strip():
            raw = raw[1:]
        flat_t4.fill_t4(reading, raw)
    summarise(reading)
    return True


def _read_rows(reading: TableReading, records: list[Record]) -> dict[str, str]:
    """Match each record of 表二/表三 to its row and fill it; return ``{row_id: label as printed}``."""
    form, tid = reading.form, reading.tid
    keys = (T3_KEYS if tid == "t3" else T2_KEYS)[form.id]
    groups = t3_group_labels(form.id) if tid == "t3" else frozenset()
    sub_col = None
    seen: dict[str, str] = {}
    previous = None
    pending: list[str] = []  # labels of rows without values (a label row above its numbers)
    short: list[tuple[str, list[str]]] = []  # rows of flat text with fewer numbers than cells
    other = OtherRows(reading)
    renamed: dict[tuple[str, int], str] = {}  # (表二 block, column index) -> header as printed
    for i, rec in enumerate(records):
        labels = pending + rec.labels
        row_id, shown = match_labels(labels, keys, groups, previous)
        if not rec.placed and i + 1 < len(records):
            row_id, shown = _label_end(reading, (keys, groups), labels, rec, records[i + 1], row_id, shown,
                                       previous)
        has_values = any(v.strip() for v in rec.values) or bool(rec.extra)
        if not has_values and (row_id in (None, "group") or not rec.placed):
            # a label row, or a header between blocks; in flat text, labels after the last numbers
            pending = labels[-6:] if rec.placed else []
            continue
        pending = []
        if row_id is None and other.take(labels, rec, previous):
            previous = other.last
            continue
        if row_id is None:
            if has_values:
                unknown_row(reading, shown, rec)
            continue
        if row_id == "group":
            if tid == "t3" and other.is_group(labels):
                other.group = (shown, rec)  # the old single （六）其他处理 row, or its printed subtotal
            else:
                reading.groups += 1  # a printed group subtotal row (28×8 layout): derived, not stored
            continue
        if row_id in seen:
            reading.note(NoteCode.ROW_DUPLICATE, msg.row_duplicate(reading.name, shown), f"{tid}.{row_id}")
            continue
        seen[row_id] = shown
        previous = row_id
        n = len(row_spec(form, tid, row_id).cells)
        if rec.placed:
            raw = rec.values
            if rec.subtotal:
                reading.subtotal_col += 1
            if len(raw) != n:
                raw = _in_order_values(rec, n)
            elif rec.heads:
                for k, head in enumerate(rec.heads):
                    if is_renamed(head, form.cell(row_spec(form, tid, row_id).cells[k]).col_label):
                        renamed.setdefault((row_id.split(".")[0], k), head)
            if rec.extra:
                reading.note(NoteCode.ROW_EXTRA, msg.row_extra(reading.name, shown, rec.extra), f"{tid}.{row_id}")
            reading.fill(row_id, raw)
            if rec.shifted:
                reading.note(NoteCode.CELL_PLACED, msg.row_shifted(reading.name, shown, rec.shifted),
                             f"{tid}.{row_id}")
            cells = row_spec(form, tid, row_id).cells
            for k in rec.displaced:
                if k < len(cells):
                    spec = form.cell(cells[k])
                    reading.note(NoteCode.CELL_TEXT, msg.label_in_value_cell(reading.name, shown, spec.col_label),
                                 cells[k])
            continue
        raw = rec.values
        while len(raw) > n and not raw[-1].strip():
            raw = raw[:-1]  # empty cells past the end of the row (a ragged table's edge)
        if tid == "t3" and len(raw) == n + 1:
            if sub_col is None:
                sub_col = t3_subtotal_column(records)
            if sub_col is not None or looks_like_subtotal(raw):
                col = 6 if sub_col is None else sub_col
                raw = raw[:col] + raw[col + 1:]  # drop the 法人或其他组织 subtotal column
                reading.subtotal_col += 1
        if len(raw) != n or not flat_rows.row_sum_holds(reading, row_id, raw):
            short.append((row_id, raw))  # placed by the sums (a number from the next line crept in…)
            continue
        reading.fill(row_id, raw)
    other.finish(seen)
    if tid == "t3" and short and sub_col is None and any(len(raw) > 8 for _, raw in short):
        sub_col = t3_subtotal_column(records)
        if sub_col is None and reading.subtotal_col:
            sub_col = 6  # other rows printed a 小计 column where the official table has 其他 and 总计
    flat_rows.fill_short(reading, short, seen, sub_col)
    for (block, k), head in renamed.items():
        renamed_column(reading, block, k, head, seen)
    return seen


def _label_end(reading: TableReading, matching, labels: list[str], rec: Record, nxt: Record, row_id: str | None,
               shown: str, previous: str | None) -> tuple[str | None, str]:
    """A row of flat text whose label ends after its numbers (a PDF copied as text, the label cut by a
    page break or wrapped in a narrow cell): take the rest of the label from the next record, and the
    numbers after it when no label of their own comes with them (the last digits of wrapped numbers).
    ``matching`` is the table's ``(keys, groups)``. Return the row and its label as printed."""
    form, tid = reading.form, reading.tid
    keys, groups = matching
    ended = label_end_after_numbers(labels, nxt.labels, keys, groups, previous, row_id)
    if ended is None:
        return row_id, shown
    found, j = ended
    numbers = [v for v in nxt.values if v.strip()]
    if not nxt.labels[j:] and numbers:
        if found == "group" or len(numbers) >= len(row_spec(form, tid, found).cells):
            return row_id, shown  # a whole row of numbers: that label is their own
        rec.values = rec.values + nxt.values
        nxt.values = []
    shown += "".join(re.sub(r"\s+", "", x) for x in nxt.labels[:j])
    del nxt.labels[:j]
    return found, shown


def _in_order_values(rec: Record, n: int) -> list[str]:
    """Values of a row whose header names a different number of columns than the row has."""
    texts = [v for v in rec.values]
    while len(texts) > n and not texts[-1].strip():
        texts.pop()
    return texts[:n]
