"""The body rows of a printed table as records: label cells, then value cells.

Where the reader gave each cell its grid column (DOCX, HTML, XLSX, a PDF read by position), values
are placed by the column its header names (:mod:`core.io.tables.grid`); a table continued after a page
break takes the columns of its first part. Text without positions gives runs of values after their
labels (:func:`flat_records`), placed later by the numbers and the table's sums (:mod:`core.io.tables.flat_rows`).
Here, too: where a printed 法人或其他组织 小计 column stands in 表三 (the 28×8 layout).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ...schema import FormSpec
from .cell_values import is_value_text
from .grid import (Record, Slot, body_slots, grid_rows, place, t2_header_slots, t3_header_slots,
                         t4_header_slots, T4_HEADS)
from .labels import SUBTOTAL, T3_BODY_START, T3_BUSINESS, norm_label, starts_label


def flat_records(tokens, need_label: bool) -> list[Record]:
    """Return each run of value cells in a table's tokens, with the label cells before it.

    A run is ended by the next label cell. The labels before a run carry over when a run held
    nothing, because header cells and merged stand-ins come in between. Label cells after the last
    run end the list as a record without values.
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
        if is_value_text(t.text) and (values or not starts_label(t.text, labels)):
            if labels or not need_label or values:
                values.append(t.text)
            continue
        flush()
        labels.append(t.text)
        labels = labels[-60:]  # room for a long label in a narrow cell, two characters a line, twice
    flush()
    if labels:
        out.append(Record(labels, [], False))  # the end of a label printed after its row's numbers
    return out


def _parts(tokens) -> list[list]:
    """Split a table's tokens where a printed table ends (a table continued on the next page)."""
    parts: list[list] = []
    current: list = []
    for t in tokens:
        current.append(t)
        if t.kind == "endtable":
            parts.append(current)
            current = []
    parts.append(current)
    return [p for p in parts if any(t.kind == "cell" for t in p)]


@dataclass
class Heads:
    """The header printed above each column of a table, as far as the header could be read."""

    by_key: dict = field(default_factory=dict)  # column index -> header text
    missing: list[int] = field(default_factory=list)  # official columns the header does not have
    added: list[str] = field(default_factory=list)  # header texts of columns the official table lacks


def table_records(form: FormSpec, tid: str, tokens) -> tuple[list[Record], Heads]:
    """Return the body rows of a table, placed by grid column where the reader gave columns."""
    heads = Heads()
    if not any(t.kind == "row" for t in tokens):
        return flat_records(tokens, need_label=tid != "t4"), heads
    out: list[Record] = []
    carried: tuple[list[Slot], int] | None = None  # the columns of the part before, and its width
    for part in _parts(tokens):
        rows = grid_rows(part)
        if tid == "t2":
            out += _t2_records(form, rows)
            continue
        found = (_t3_records if tid == "t3" else _t4_records)(rows, carried, heads)
        if found is None:
            out += flat_records(part, need_label=tid != "t4")
            continue
        recs, slots = found
        out += recs
        carried = (slots, slots[-1].end)
    return out, heads


def _width(rows) -> int:
    return max((r[-1].end for r in rows if r), default=0)


def _t3_records(rows, carried, heads: Heads):
    start = next((i for i, r in enumerate(rows)
                  if any(k in norm_label(c.text) for c in r for k in T3_BODY_START)), None)
    header, body = (rows[:start], rows[start:]) if start is not None else ([], rows)
    slots = t3_header_slots(header) if header else None
    aligned = False
    if slots is not None:
        named = {s.key: s.head for s in slots if isinstance(s.key, int)}
        heads.by_key.update(named)
        heads.missing = [k for k in range(7) if k not in named]
        heads.added += [s.head for s in slots if s.key == "x"]
    elif carried is not None and carried[1] == _width(body):
        slots = carried[0]  # the rest of a table after a page break: the columns of its first part
    else:
        # No header to go by (text copied without its merges, the rest of a split table): each
        # row's values are its last cells.
        slots = body_slots(body, (7, 8))
        aligned = True
        if slots is not None and len(slots) == 8:
            sub = _t3_subtotal_index(header, body, slots)
            keys: list[int | str] = list(range(7))
            keys.insert(sub, "sub")
            slots = [Slot(s.col, s.end, k) for s, k in zip(slots, keys)]
    if slots is None:
        return None
    return [place(r, slots, 7, align_end=aligned) for r in body], slots


def _t3_subtotal_index(header, body, slots) -> int:
    """Where a printed 法人或其他组织 小计 column stands among eight value columns (1 or 6)."""
    texts = [c.text for r in header for c in r]
    plain = [Slot(s.col, s.end, i) for i, s in enumerate(slots)]
    return subtotal_column([place(r, plain, 8).values for r in body], texts) or 6


def is_subtotal_label(text: str) -> bool:
    """Whether a printed head or label is a subtotal (「小计」「法人或其他组织小计」「合计」)."""
    return norm_label(text).endswith(SUBTOTAL)


def subtotal_column(rows: list[list[str]], heads=()) -> int | None:
    """Where a printed 法人或其他组织 小计 stands in 8-value 表三 rows (the 28×8 layout): 1 (right after
    自然人) or 6 (after 其他); None when nothing says there is one.

    The header texts say it when given (小计 printed before 商业企业: 1); otherwise the rows' own sums
    do (the 小计 is the sum of the five kinds, the 总计 自然人 plus it). The editor's paste uses this too.
    """
    heads = [norm_label(h) for h in heads]
    sub = next((i for i, s in enumerate(heads) if s.endswith(SUBTOTAL)), None)
    if sub is not None:
        biz = next((i for i, s in enumerate(heads) if T3_BUSINESS in s), None)
        return 1 if biz is not None and sub < biz else 6
    rows = [r for r in rows if len(r) == 8]
    at6 = sum(looks_like_subtotal(r) for r in rows)
    at1 = sum(looks_like_subtotal(r[:1] + r[2:7] + r[1:2] + r[7:]) for r in rows)
    if not (at1 or at6):
        return None
    return 1 if at1 > at6 else 6


def t3_subtotal_column(records: list[Record]) -> int | None:
    """Return the index of a printed 法人或其他组织 subtotal column among the value columns."""
    heads = []
    for rec in records:
        stop = False
        for text in rec.labels:
            s = norm_label(text)
            if T3_BODY_START[0] in s:
                stop = True
                break
            heads.append(s)
        if stop:
            break
    return subtotal_column([], heads)


def looks_like_subtotal(raw: list[str]) -> bool:
    """Whether an 8-number T3 row is 自然人, five kinds, their 小计 and the 总计."""
    try:
        nums = [Decimal(re.sub(r"\s+", "", unicodedata.normalize("NFKC", v)) or "0") for v in raw]
    except InvalidOperation:
        return False
    return len(nums) == 8 and nums[6] == sum(nums[1:6]) and nums[7] == nums[0] + nums[6]


def _t4_records(rows, carried, heads: Heads):
    slots = t4_header_slots(rows)
    after = 0
    if slots is not None:
        after = next(i for i, r in enumerate(rows) if sum(norm_label(c.text) in T4_HEADS for c in r) == 15) + 1
    data = [r for r in rows[after:] if any(c.text.strip() and is_value_text(c.text) for c in r)]
    aligned = slots is None
    if slots is None:
        slots = body_slots(data, (15,))
    if slots is None or not data:
        return None
    return [place(r, slots, 15, align_end=aligned) for r in data], slots


def _t2_records(form: FormSpec, rows) -> list[Record]:
    col_labels = {norm_label(c.col_label) for c in form.table("t2").cells}
    slots: list[Slot] | None = None
    out: list[Record] = []
    for row in rows:
        found = t2_header_slots(row, col_labels)
        if found is not None:
            slots = found
            continue
        if slots is None:
            out.append(_in_order(row))
            continue
        rec = place(row, slots, len(slots))
        rec.heads = [s.head for s in slots]
        out.append(rec)
    return out


def _in_order(row) -> Record:
    """A row without a header to place it by: its label cells, then its values in order."""
    k = 0
    while k < len(row) and not is_value_text(row[k].text):
        k += 1
    return Record([c.text for c in row[:k] if c.text.strip()], [c.text for c in row[k:]], False)
