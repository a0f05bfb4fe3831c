"""The one table parser: read the cells of any file into the official tables, each in its place.

Every reader (DOCX, HTML, text, PDF, XLSX) produces the same stream of tokens
(:class:`core.io.importers.Tok`). Here the stream is split into sections by its headings, each
table is found by its headings or header texts, the format (gb2019/gb2021) is told from the header
texts, and rows are matched by their normalised labels — never by position.

Within a row, values are placed by the grid column the reader gave each cell
(:mod:`core.io.table_grid`), so that one odd cell stays in its place; a row of text without
positions (copied out of a PDF) is placed by the numbers themselves and, where cells are missing,
by the table's own sums (:mod:`core.io.flat_rows`). Whatever could not be read, or was read by a
guess, is reported as a :class:`ReadNote` naming the cell, row or table it is about; where the
source's tables differ from the official format, a :class:`TableDeviation` is kept with the report
(E-STRUCT-TABLES).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..errors import FileReadError
from ..messages import reading as msg
from ..model.deviation import TableDeviation
from ..model.report import Report
from ..schema import GB2021, MONEY_UNITS, TABLE_NAMES, FormSpec, form_for_year, get_form
from ..schema.builders import T3_COLS
from . import flat_rows
from .cell_values import is_value_text, parse_value
from .money_unit_source import read_money_unit
from .narrative import extract, heading_section
from .read_result import NoteCode, ReadNote
from .table_grid import (Record, Slot, body_slots, grid_rows, place, t2_header_slots, t3_header_slots,
                         t4_header_slots, T3_HEADS, T4_HEADS)
from .table_labels import (SUBTOTAL, T2_KEYS, T3_KEYS, label_end_after_numbers, match_labels, match_row_label,
                           norm_label, t3_group_labels)
from .xlsx_layout import STALE, parse_stale

__all__ = ["build_report", "is_value_text", "match_row_label", "norm_label", "parse_value", "split"]

# Header texts that tell the formats apart (domain.md §2.5).
_FORMAT_HINTS = {
    "gb2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "第二十条第九项", "政府集中采购",
               "其他对外管理服务事项", "上一年项目数量", "采购总金额"),
    "gb2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量",
               "逾期未按收费通知要求缴纳费用"),
}
_T3_BODY_START = ("本年新收", "上年结转")


# -- sections and tables ---------------------------------------------------------------------
def _identify(block) -> str | None:
    """Tell which statistical table a block of cells is, by its header texts."""
    text = "".join(norm_label(t.text) for t in block if t.kind == "cell")
    found = []
    if "本年新收" in text or "上年结转" in text:
        found.append("t3")
    if "行政复议" in text and ("结果维持" in text or "复议后起诉" in text) and "t3" not in found:
        found.append("t4")
    if "第二十条" in text or "信息内容" in text or ("行政许可" in text and "行政处罚" in text):
        found.append("t2")
    return found[0] if len(found) == 1 else None


def split(tokens) -> tuple[dict[str, list], list[tuple[str | None, str]]]:
    """Split the stream into the three tables' tokens and the narrative ``(section, line)`` pairs.

    ``meta`` tokens (exact meta data a reader found, "key\tvalue") are left to the caller.
    """
    tables: dict[str, list] = {"t2": [], "t3": [], "t4": []}
    paras: list[tuple[str | None, str]] = []
    current: str | None = None
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if t.kind == "table":
            j = i + 1
            while j < n and tokens[j].kind != "endtable":
                j += 1
            block = tokens[i + 1:j]
            has_heading = any(b.kind == "cell" and heading_section(b.text) for b in block)
            ident = None if has_heading else _identify(block)
            if ident:
                tables[ident].extend(block)
                tables[ident].append(tokens[j] if j < n else None)
                current = ident if current in (None, "overview", "t2", "t3", "t4") else current
                i = j + 1
                continue
            i += 1
            continue
        if t.kind in ("para", "cell"):
            sec = heading_section(t.text)
            if sec:
                current = sec
                paras.append((sec, t.text))
                i += 1
                continue
        if t.kind == "para" or (t.kind == "cell" and current not in tables):
            # a cell outside the statistical tables (a spreadsheet's title row) is text
            for line in t.text.split("\n"):
                paras.append((current, line))
        elif t.kind in ("cell", "row", "endtable") and current in tables:
            tables[current].append(t)
        i += 1
    for key in tables:
        tables[key] = [t for t in tables[key] if t is not None]
    return tables, paras


def detect_form(tables: dict[str, list], year: int | None) -> tuple[str, str | None]:
    """Return ``(form_id, note)``: the format told by header texts, else by the report year."""
    text = "".join(norm_label(t.text) for toks in tables.values() for t in toks if t.kind == "cell")
    score = {f: sum(text.count(h) for h in hints) for f, hints in _FORMAT_HINTS.items()}
    if score["gb2019"] > score["gb2021"]:
        return "gb2019", None
    if score["gb2021"] > score["gb2019"]:
        return "gb2021", None
    by_year = form_for_year(year) if year else None
    if by_year:
        return by_year, msg.form_by_year(year, get_form(by_year).name)
    return GB2021.id, msg.form_by_default(GB2021.name)



# -- the rows of one table -----------------------------------------------------------------
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
class _Heads:
    """The header printed above each column of a table, as far as the header could be read."""

    by_key: dict = field(default_factory=dict)  # column index -> header text
    missing: list[int] = field(default_factory=list)  # official columns the header does not have
    added: list[str] = field(default_factory=list)  # header texts of columns the official table lacks


def _records(form: FormSpec, tid: str, tokens) -> tuple[list[Record], _Heads]:
    """Return the body rows of a table, placed by grid column where the reader gave columns."""
    heads = _Heads()
    if not any(t.kind == "row" for t in tokens):
        return flat_rows.records(tokens, need_label=tid != "t4"), heads
    out: list[Record] = []
    carried: tuple[list[Slot], int] | None = None  # the columns of the part before, and its width
    for part in _parts(tokens):
        rows = grid_rows(part)
        if tid == "t2":
            out += _t2_records(form, rows)
            continue
        found = (_t3_records if tid == "t3" else _t4_records)(rows, carried, heads)
        if found is None:
            out += flat_rows.records(part, need_label=tid != "t4")
            continue
        recs, slots = found
        out += recs
        carried = (slots, slots[-1].end)
    return out, heads


def _width(rows) -> int:
    return max((r[-1].end for r in rows if r), default=0)


def _t3_records(rows, carried, heads: _Heads):
    start = next((i for i, r in enumerate(rows)
                  if any(k in norm_label(c.text) for c in r for k in _T3_BODY_START)), None)
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
        biz = next((i for i, s in enumerate(heads) if "商业企业" in s), None)
        return 1 if biz is not None and sub < biz else 6
    rows = [r for r in rows if len(r) == 8]
    at6 = sum(_looks_like_subtotal(r) for r in rows)
    at1 = sum(_looks_like_subtotal(r[:1] + r[2:7] + r[1:2] + r[7:]) for r in rows)
    if not (at1 or at6):
        return None
    return 1 if at1 > at6 else 6


def _t4_records(rows, carried, heads: _Heads):
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


# -- reading a table -------------------------------------------------------------------------
@dataclass
class _Reading:
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
        spec_row = _row(self.form, self.tid, row_id)
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


def parse_table(form: FormSpec, tid: str, tokens, values: dict, notes: list[ReadNote],
                deviations: list[TableDeviation] | None = None) -> bool:
    """Read table ``tid`` from its tokens into ``values``; return whether any row was found.

    Deviations of the printed table from the official one are added to ``deviations``.
    """
    reading = _Reading(form, tid, values, notes, [] if deviations is None else deviations)
    table = form.table(tid)
    records, heads = _records(form, tid, tokens)
    if tid == "t4":
        return _read_t4(reading, records)
    seen = _read_rows(reading, records)
    if not seen:
        reading.note(NoteCode.TABLE_MISSING, msg.table_missing(reading.name, table.title), tid)
        return False
    if tid == "t3":
        _t3_column_deviations(reading, heads)
    missing = [row for row in table.rows if row.id not in seen]
    for row in missing:
        reading.note(NoteCode.ROW_MISSING, msg.row_missing(reading.name, row.label), f"{tid}.{row.id}")
    if missing:
        labels = [row.label for row in missing]
        reading.deviate("dropped-row", "、".join(labels), msg.deviation_rows_dropped(reading.name, labels),
                        [ref for row in missing for ref in row.cells])
    _summarise(reading)
    return True


def _read_t4(reading: _Reading, records: list[Record]) -> bool:
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
        flat_rows.fill_t4(reading, raw)
    _summarise(reading)
    return True


def _row(form: FormSpec, tid: str, row_id: str):
    return next(r for r in form.table(tid).rows if r.id == row_id)


def _read_rows(reading: _Reading, records: list[Record]) -> dict[str, str]:
    """Match each record of 表二/表三 to its row and fill it; return ``{row_id: label as printed}``."""
    form, tid = reading.form, reading.tid
    keys = (T3_KEYS if tid == "t3" else T2_KEYS)[form.id]
    groups = t3_group_labels(form.id) if tid == "t3" else frozenset()
    sub_col = None
    seen: dict[str, str] = {}
    previous = None
    pending: list[str] = []  # labels of rows without values (a label row above its numbers)
    short: list[tuple[str, list[str]]] = []  # rows of flat text with fewer numbers than cells
    other = _OtherRows(reading)
    renamed: dict[tuple[str, int], str] = {}  # (表二 block, column index) -> header as printed
    for i, rec in enumerate(records):
        labels = pending + rec.labels
        row_id, shown = match_labels(labels, keys, groups, previous)
        if not rec.placed and i + 1 < len(records):
            row_id, shown = _label_end(reading, labels, rec, records[i + 1], row_id, shown, previous)
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
                _unknown_row(reading, shown, rec)
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
        n = len(_row(form, tid, row_id).cells)
        if rec.placed:
            raw = rec.values
            if rec.subtotal:
                reading.subtotal_col += 1
            if len(raw) != n:
                raw = _in_order_values(rec, n)
            elif rec.heads:
                for k, head in enumerate(rec.heads):
                    if _renamed(head, form.cell(_row(form, tid, row_id).cells[k]).col_label):
                        renamed.setdefault((row_id.split(".")[0], k), head)
            if rec.extra:
                reading.note(NoteCode.ROW_EXTRA, msg.row_extra(reading.name, shown, rec.extra), f"{tid}.{row_id}")
            reading.fill(row_id, raw)
            if rec.shifted:
                reading.note(NoteCode.CELL_PLACED, msg.row_shifted(reading.name, shown, rec.shifted),
                             f"{tid}.{row_id}")
            cells = _row(form, tid, row_id).cells
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
                sub_col = _t3_subtotal_column(records)
            if sub_col is not None or _looks_like_subtotal(raw):
                col = 6 if sub_col is None else sub_col
                raw = raw[:col] + raw[col + 1:]  # drop the 法人或其他组织 subtotal column
                reading.subtotal_col += 1
        if len(raw) != n or not flat_rows.row_sum_holds(reading, row_id, raw):
            short.append((row_id, raw))  # placed by the sums (a number from the next line crept in…)
            continue
        reading.fill(row_id, raw)
    other.finish(seen)
    if tid == "t3" and short and sub_col is None and any(len(raw) > 8 for _, raw in short):
        sub_col = _t3_subtotal_column(records)
        if sub_col is None and reading.subtotal_col:
            sub_col = 6  # other rows printed a 小计 column where the official table has 其他 and 总计
    flat_rows.fill_short(reading, short, seen, sub_col)
    for (block, k), head in renamed.items():
        _renamed_column(reading, block, k, head, seen)
    return seen


def _label_end(reading: _Reading, labels: list[str], rec: Record, nxt: Record, row_id: str | None, shown: str,
               previous: str | None) -> tuple[str | None, str]:
    """A row of flat text whose label ends after its numbers (a PDF copied as text, the label cut by a
    page break or wrapped in a narrow cell): take the rest of the label from the next record, and the
    numbers after it when no label of their own comes with them (the last digits of wrapped numbers).
    Return the row and its label as printed."""
    form, tid = reading.form, reading.tid
    keys = (T3_KEYS if tid == "t3" else T2_KEYS)[form.id]
    groups = t3_group_labels(form.id) if tid == "t3" else frozenset()
    ended = label_end_after_numbers(labels, nxt.labels, keys, groups, previous, row_id)
    if ended is None:
        return row_id, shown
    found, j = ended
    numbers = [v for v in nxt.values if v.strip()]
    if not nxt.labels[j:] and numbers:
        if found == "group" or len(numbers) >= len(_row(form, tid, found).cells):
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


def _unknown_row(reading: _Reading, shown: str, rec: Record) -> None:
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


def _renamed(head: str, official: str) -> bool:
    """Whether a printed column header means something else than the official one.

    An abbreviation (「制发件数」), the unit written otherwise (「本年收费金额（万元）」) or added to a
    header that prints none (2019's 「采购总金额（万元）」, read into meta.money_unit) is the same column;
    a header with words added (「现行有效件数（历史累计）」) or a different one is not.
    """
    h, o = (norm_label(x).replace("单位", "") for x in (head, official))
    if not h or h == o or h in o or any(h == o + unit for unit in MONEY_UNITS):
        return False
    return True


def _renamed_column(reading: _Reading, block: str, k: int, head: str, seen: dict) -> None:
    form = reading.form
    rows = [r for r in form.table("t2").rows if r.id.split(".")[0] == block and r.id in seen]
    if not rows:
        return
    official = form.cell(rows[0].cells[k]).col_label
    cells = [r.cells[k] for r in rows if k < len(r.cells)]
    reading.deviate("renamed-column", head, msg.deviation_column_renamed(reading.name, head, official,
                                                                         [r.label for r in rows]), cells)


def _t3_column_deviations(reading: _Reading, heads: _Heads) -> None:
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


class _OtherRows:
    """（六）其他处理 printed the other format's way.

    A 2021-format report may print the old single 「（六）其他处理」 row of 2019: its figures are kept
    in 「3.其他」, the two new rows are left blank, and the clerk is told to split them. A 2019-format
    report may print the three rows of 2021: their figures are added up into its single row.
    """

    def __init__(self, reading: _Reading):
        self.reading = reading
        self.group: tuple[str, Record] | None = None  # a 「（六）其他处理」 row with values (2021 tables)
        self.split: list[tuple[str, str, Record]] = []  # (2021 row id, label, record) in 2019 tables
        self.last: str | None = None

    def is_group(self, labels: list[str]) -> bool:
        return self.reading.form.id == "gb2021" and bool(labels) and norm_label(labels[-1]).endswith("其他处理")

    def take(self, labels: list[str], rec: Record, previous: str | None) -> bool:
        """In 2019 tables, take a row of the three 2021 rows; return whether it was one."""
        if self.reading.tid != "t3" or self.reading.form.id != "gb2019":
            return False
        keys = [k for k in T3_KEYS["gb2021"] if k[0] in ("r21", "r22", "r23")]
        before = self.split[-1][0] if self.split else None
        row_id, shown = match_labels(labels, keys, frozenset(), before)
        if row_id is None:
            return False
        self.split.append((row_id, shown, rec))
        self.last = "r21"
        return True

    def finish(self, seen: dict[str, str]) -> None:
        reading = self.reading
        if self.group is not None:
            shown, rec = self.group
            rows = reading.form.t3_group("otherproc").rows
            if any(r in seen for r in rows):
                reading.groups += 1  # the printed subtotal of the three rows
            else:
                self._old_row(shown, rec, rows, seen)
        if self.split:
            self._new_rows(seen)

    def _old_row(self, shown: str, rec: Record, rows: tuple[str, ...], seen: dict[str, str]) -> None:
        reading = self.reading
        *new, other = rows
        reading.fill(other, rec.values[:7])
        for r in rows:
            seen[r] = shown
        labels = [_row(reading.form, "t3", r).label for r in rows]
        cells = [ref for r in new for ref in _row(reading.form, "t3", r).cells]
        reading.deviate("old-row", shown, msg.deviation_old_other_row(shown, labels), cells)

    def _new_rows(self, seen: dict[str, str]) -> None:
        reading = self.reading
        target = reading.form.t3_group("otherproc").rows[0]
        shown = "、".join(label for _, label, _ in self.split)
        if target in seen:
            reading.groups += 1  # 「（六）其他处理」 printed with its three rows under it: the rows are its parts
            reading.deviate("new-rows", shown, msg.deviation_new_other_rows_kept(shown))
            return
        spec_row = _row(reading.form, "t3", target)
        for k, ref in enumerate(spec_row.cells):
            numbers = []
            for _, _, rec in self.split:
                text = rec.values[k] if k < len(rec.values) else ""
                value, _note, _mark = parse_value(text, reading.form.cell(ref))
                if value is not None and not isinstance(value, str):
                    numbers.append(value)
            reading.put(ref, str(sum(numbers)) if numbers else "")
        seen[target] = shown
        reading.deviate("new-rows", shown, msg.deviation_new_other_rows_added(shown, spec_row.label),
                        spec_row.cells)


def _t3_subtotal_column(records: list[Record]) -> int | None:
    """Return the index of a printed 法人或其他组织 subtotal column among the value columns."""
    heads = []
    for rec in records:
        stop = False
        for text in rec.labels:
            s = norm_label(text)
            if "本年新收" in s:
                stop = True
                break
            heads.append(s)
        if stop:
            break
    return subtotal_column([], heads)


def _looks_like_subtotal(raw: list[str]) -> bool:
    """Whether an 8-number T3 row is 自然人, five kinds, their 小计 and the 总计."""
    try:
        nums = [Decimal(re.sub(r"\s+", "", unicodedata.normalize("NFKC", v)) or "0") for v in raw]
    except InvalidOperation:
        return False
    return len(nums) == 8 and nums[6] == sum(nums[1:6]) and nums[7] == nums[0] + nums[6]


def _summarise(reading: _Reading) -> None:
    name, tid = reading.name, reading.tid
    if reading.subtotal_col or reading.groups:
        reading.note(NoteCode.SUBTOTALS_DROPPED, msg.subtotals_dropped(name), tid)
    if reading.marks:
        reading.note(NoteCode.BLANK_MARKS, msg.blank_marks(name, reading.marks), tid)
    if reading.empty:
        reading.note(NoteCode.CELLS_EMPTY, msg.cells_empty(name, reading.empty), tid)


def build_report(tokens, source: str = "") -> tuple[Report, list[ReadNote]]:
    """Build a report from a reader's token stream; return it with the reading notes."""
    tables, paras = split(tokens)
    story = extract(paras)
    reader_notes = [t.note for t in tokens if t.kind == "note" and t.note is not None]
    form_id, form_note = detect_form(tables, story.year)
    if not any(tables.values()) and not any(sec for sec, _ in paras):
        raise FileReadError(msg.not_a_report(source))
    exact = dict(t.text.split("\t", 1) for t in tokens if t.kind == "meta")
    if exact:
        _apply_exact(story, exact)
    form = get_form(form_id)
    report = Report(form_id, unit=story.unit, year=story.year)
    report.meta["signer"] = story.signer or story.unit
    report.meta["date"] = story.date
    notes: list[ReadNote] = []
    if form_note:
        notes.append(ReadNote(NoteCode.FORM_GUESSED, form_note))
    expected = form_for_year(story.year) if story.year else None
    if expected and expected != form_id and not form_note:
        notes.append(ReadNote(NoteCode.FORM_MISMATCH, msg.form_mismatch(form.name, story.year, get_form(expected).name),
                              "meta.year"))
    found = 0
    for tid in ("t2", "t3", "t4"):
        found += parse_table(form, tid, tables[tid], report.values, notes, report.deviations)
    if not found and not any(story.text[s] for s in ("overview", "problems", "other")):
        raise FileReadError(msg.no_tables(source))
    for sec, value in story.text.items():
        report.text[sec] = value
    report.imported["sections"] = tuple(story.sections)  # for E-STRUCT-SECTIONS
    read_money_unit(report, tables["t2"], exact, notes)  # 2019 采购总金额: 万元 or 元, as the source says
    if report.meta.get("deadline") is not None and exact.get("meta.deadline"):
        report.meta["deadline"] = exact["meta.deadline"]
    report.stale = parse_stale(exact.get(STALE, "")) & set(report.text)  # 沿用上年 marks of our own XLSX
    return report, reader_notes + story.notes + notes


def _apply_exact(story, exact: dict[str, str]) -> None:
    """Take meta data and narrative stored exactly by this project's own export."""
    if exact.get("meta.unit"):
        story.unit = exact["meta.unit"]
    year = exact.get("meta.year", "")
    if year.isdigit():
        story.year = int(year)
    story.date = exact.get("meta.date") or story.date
    story.signer = exact.get("meta.signer") or story.signer or story.unit
    texts = {k[5:]: v for k, v in exact.items() if k.startswith("text.")}
    story.text.update(texts)
    # Drop only the notes the exact data answers: a unit still empty keeps its note.
    answered = {f"text.{s}" for s, v in texts.items() if v.strip()}
    answered |= {ref for ref, value in (("meta.unit", story.unit), ("meta.year", story.year)) if value}
    story.notes = [n for n in story.notes if n.where not in answered]
