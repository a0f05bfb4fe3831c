"""What a clerk pastes into a table, read into cells: the clipboard as rows, then a plan of which cell gets what.

Plain Python (no Qt), so the rules can be tested on their own. The clipboard may hold Excel/WPS
tab-separated text, an HTML table only (a web page, WPS), ``| 1 | 0 |`` pipes, or rows of
space-separated numbers copied from a PDF — each possibly starting with its row label
(「一、本年新收…  11  5  0 …」). Labelled rows go to the row they name; unlabelled blocks go
from the current cell on. Derived cells (every formula target) are never written: they stay computed.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field

from core.io.tables.parser import (is_subtotal_label, is_value_text, match_row_label, norm_label, parse_value,
                                  subtotal_column)
from core.model import Value, format_value, parse_cell_text
from core.schema import TABLE_NAMES, FormSpec, TableSpec

from . import strings

_SPACES = re.compile(r"[\s\u3000]+")
_RULE_LINE = re.compile(r"[|:\-\s]+")


# -- the clipboard as rows of cells ------------------------------------------------------------
def read_clipboard(text: str, html_text: str = "") -> list[list[str]]:
    """Return the clipboard as rows of cell texts (the plain text wins when it has tabs or no HTML table)."""
    if text and "\t" in text:
        return _tsv_rows(text)
    if html_text and "<table" in html_text.lower():
        rows = _html_rows(html_text)
        if rows:
            return rows
    if not text:
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if any("|" in ln for ln in lines):
        return [_pipe_cells(ln) for ln in lines if ln.strip() and not _is_rule_line(ln)]
    return [_spaced_cells(ln) for ln in lines if ln.strip()]


def _tsv_rows(text: str) -> list[list[str]]:
    """Excel/WPS text: CRLF, one trailing line end, quoted cells with tabs, newlines or doubled quotes."""
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"'))
    while rows and all(not c.strip() for c in rows[-1]) and len(rows) > 1:
        rows.pop()
    return [r if r else [""] for r in rows]


def _html_rows(text: str) -> list[list[str]]:
    """The first table of an HTML clipboard (parsed by the same safe reader as imported web pages)."""
    from core.errors import ReportError
    from core.io.importers.html import html_tokens

    try:
        tokens = html_tokens(text, strings.CLIPBOARD_NAME)
    except ReportError:
        return []
    rows: list[list[str]] = []
    current: list[str] = []
    inside = False
    for tok in tokens:
        if tok.kind == "table":
            inside = True
        elif tok.kind == "endtable" and inside:
            break
        elif inside and tok.kind == "cell":
            current.append(tok.text)
        elif inside and tok.kind == "row":
            if any(c.strip() for c in current):
                rows.append(current)
            current = []
    return rows


def _is_rule_line(line: str) -> bool:
    return bool(_RULE_LINE.fullmatch(line.strip())) and "-" in line


def _pipe_cells(line: str) -> list[str]:
    parts = line.strip().split("|")
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return [p.strip() for p in parts]


def _spaced_cells(line: str) -> list[str]:
    """A line of a PDF or web page: leading label words, then the values separated by spaces."""
    words = _SPACES.split(line.strip())
    k = 0
    while k < len(words) and not is_value_text(words[k]):
        k += 1
    label = " ".join(words[:k])
    return ([label] if label else []) + words[k:]


def to_tsv(rows: list[list[str]]) -> str:
    """Return rows as tab-separated text the way Excel writes it (quoted when needed, CRLF)."""
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return buf.getvalue()


def to_html(rows: list[list[str]]) -> str:
    """Return rows as an HTML table, which Excel and WPS paste with its shape."""
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<html><head><meta charset="utf-8"></head><body><table border="1">{body}</table></body></html>'


# -- which cell gets what --------------------------------------------------------------------
@dataclass
class PastePlan:
    """The outcome of planning a paste: ``changes`` to apply, or ``error`` (then nothing changes)."""

    changes: dict[str, Value] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # derived ref -> the text that was not written
    clipped: int = 0  # values beyond the table's edge
    blank_marks: list[str] = field(default_factory=list)  # 「—」「/」 read as blank
    read_as: list[tuple[str, str]] = field(default_factory=list)  # (「12件」, 「12」)
    labelled: bool = False
    subtotal_column: bool = False  # a 28×8 block's printed 法人或其他组织 小计 column was left out
    error: str | None = None


def _split_label(cells: list[str]) -> tuple[list[str], list[str]]:
    """Return (label cells, value cells) of a row: labels are the text cells before the first number.

    Empty cells among the labels are the stand-ins of merged label columns (an Excel copy).
    """
    last = -1
    for i, c in enumerate(cells):
        if not c.strip():
            continue
        if is_value_text(c):
            break
        last = i
    return [c for c in cells[:last + 1] if c.strip()], cells[last + 1:]


SUBTOTAL_WIDTH = 8  # 表三 of the 28×8 layout: 自然人, a 法人或其他组织 小计, the five kinds, 总计


def _trim(values: list[str], n: int) -> list[str]:
    """Drop the empty stand-ins of merged label columns before a row's values (an Excel copy), down to ``n``."""
    while len(values) > n and not values[0].strip():
        values = values[1:]
    return values


def _has_subtotal_width(values: list[str]) -> bool:
    """Eight values that start with a number: a row of the 28×8 layout, not seven after a stand-in."""
    return len(values) == SUBTOTAL_WIDTH and bool(values[0].strip())


def _is_head(spec: TableSpec, text: str) -> bool:
    """A column head of the table (自然人 … 总计, a printed 小计) or its note: a header row copied with the
    block, not part of a row's label."""
    heads = {norm_label(g.text) for g in spec.grid if g.role in ("header", "note")}
    return norm_label(text) in heads or is_subtotal_label(text)


def _data_cells(spec: TableSpec, grid_row: int, from_col: int) -> list[str]:
    """Return the refs of ``grid_row`` at or right of ``from_col``, in column order."""
    return [g.ref for g in sorted(spec.grid, key=lambda g: g.col)
            if g.row == grid_row and g.ref and g.col + g.colspan > from_col]


def _first_data_col(spec: TableSpec) -> int:
    return min(g.col for g in spec.grid if g.ref)


class _Planner:
    def __init__(self, form: FormSpec, spec: TableSpec):
        self.form, self.spec = form, spec
        self.plan = PastePlan()
        self.targets: list[tuple[str, str, int, int]] = []  # (ref, text, block row, position in row)

    def put(self, refs: list[str], values: list[str], block_row: int) -> None:
        for j, text in enumerate(values):
            if j >= len(refs):
                self.plan.clipped += sum(1 for v in values[j:] if v.strip())
                return
            self.targets.append((refs[j], text, block_row, j + 1))

    def positional(self, rows: list[list[str]], start: tuple[int, int]) -> None:
        grid_row = start[0]
        for bi, values in enumerate(rows):
            if not any(v.strip() for v in values):
                continue  # a header row copied with the table (表四 from a web page): it takes no grid row
            refs: list[str] = []
            while grid_row < self.spec.grid_rows:
                refs = _data_cells(self.spec, grid_row, start[1])
                if refs:
                    break
                grid_row += 1  # a header row between blocks (表二): continue below it
            if not refs:
                self.plan.clipped += sum(1 for v in values if v.strip())
                continue
            self.put(refs, values, bi + 1)
            grid_row += 1

    def drop_subtotal_column(self, rows: list[list[str]], heads=()) -> list[list[str]]:
        """A block of 表三 copied from the 28×8 layout: leave out its printed 法人或其他组织 小计 column
        (computed here), wherever the import parser finds it (core.io.tables.parser.subtotal_column)."""
        if self.spec.id != "t3":
            return rows
        rows = [_trim(r, SUBTOTAL_WIDTH) for r in rows]
        eight = [r for r in rows if _has_subtotal_width(r)]
        col = subtotal_column(eight, heads) if eight else None
        if col is None:
            return rows
        self.plan.subtotal_column = True
        return [r[:col] + r[col + 1:] if _has_subtotal_width(r) else r for r in rows]

    def by_label(self, rows: list[list[str]], start_col: int) -> None:
        self.plan.labelled = True
        rows_by_id = {r.id: r for r in self.spec.rows}
        grid_row_of = {g.ref: g.row for g in self.spec.grid if g.ref}
        seen: dict[str, int] = {}
        previous = None
        pending: list[str] = []  # a label wrapped onto lines without numbers (PDF copy)
        split = [_split_label(cells) for cells in rows]
        heads = [h for labels, values in split if not any(v.strip() for v in values) for h in labels]
        kept = self.drop_subtotal_column([values for _, values in split], heads)
        for bi, ((labels, _), values) in enumerate(zip(split, kept)):
            if not any(v.strip() for v in values):
                if not all(_is_head(self.spec, h) for h in labels):
                    pending += labels  # a header row copied with the block is not part of a label
                continue
            if not labels and not pending:
                self.plan.error = strings.paste_row_without_label(bi + 1)
                return
            row_id = match_row_label(self.form, self.spec.id, pending + labels, previous)
            shown = "".join(pending + labels)
            pending = []
            if row_id == "group":
                self.plan.clipped += sum(1 for v in values if v.strip())  # a printed subtotal: computed here
                continue
            if row_id is None or row_id not in rows_by_id:
                self.plan.error = strings.paste_unknown_label(bi + 1, shown)
                return
            if row_id in seen:
                self.plan.error = strings.paste_repeated_label(seen[row_id], bi + 1, shown)
                return
            seen[row_id] = bi + 1
            previous = row_id
            refs = list(rows_by_id[row_id].cells)
            values = _trim(values, len(refs))
            if len(values) < len(refs) and start_col >= 0:
                here = [r for r in refs if r in _data_cells(self.spec, grid_row_of[refs[0]], start_col)]
                refs = here or refs  # fewer numbers than cells: from the current column on
            self.put(refs, values, bi + 1)

    def parse(self) -> None:
        plan = self.plan
        for ref, text, bi, bj in self.targets:
            cell = self.form.cell(ref)
            if cell.derived:
                if text.strip():
                    plan.skipped[ref] = text.strip()
                continue
            value, _note, mark = parse_value(text, cell)
            if isinstance(value, str):
                why = parse_cell_text(text, cell.kind).error or strings.PASTE_NOT_A_NUMBER
                plan.error = strings.paste_refused(bi, bj, text.strip(), why)
                plan.changes = {}
                return
            if mark:
                plan.blank_marks.append(text.strip())
            elif value is not None and parse_cell_text(text, cell.kind).error:
                plan.read_as.append((text.strip(), format_value(value)))
            plan.changes[ref] = value


def _other_tables_row(form: FormSpec, rows: list[list[str]]) -> tuple[str, str] | None:
    """(table name, label) of the first row with figures whose label is a row of 表二 or 表三 (表四's own
    heads, 「总计」 say, are not)."""
    t4 = form.table("t4")
    for cells in rows:
        labels, values = _split_label(cells)
        if labels and any(v.strip() for v in values) and not all(_is_head(t4, h) for h in labels):
            for table in ("t2", "t3"):
                if match_row_label(form, table, labels) not in (None, "group"):
                    return TABLE_NAMES[table], "".join(labels)
    return None


def plan_paste(form: FormSpec, spec: TableSpec, rows: list[list[str]], start: tuple[int, int],
               selected: list[str] = ()) -> PastePlan:
    """Plan pasting ``rows`` into ``spec`` with the current cell at grid ``start`` (row, col).

    One value and several selected cells fill the selection. Rows that begin with a label go to
    the row the label names; a block of bare values goes from the current cell on.
    """
    planner = _Planner(form, spec)
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        planner.plan.error = strings.PASTE_NOTHING
        return planner.plan
    if len(rows) == 1 and len(rows[0]) == 1 and len(selected) > 1:
        planner.targets = [(ref, rows[0][0], 1, 1) for ref in selected]
    elif spec.id != "t4" and any(_split_label(r)[0] for r in rows):
        planner.by_label(rows, start[1])
    elif spec.id == "t4" and (other := _other_tables_row(form, rows)):
        planner.plan.error = strings.paste_other_table(*other)  # 表二/表三 pasted on the 表四 page by mistake
    else:
        values = [_split_label(r)[1] for r in rows]
        if start[1] == _first_data_col(spec) and all(_has_subtotal_width(v) for v in values):
            values = planner.drop_subtotal_column(values)  # eight numbers a row, pasted at 自然人
        planner.positional(values, start)
    if planner.plan.error:
        return planner.plan
    planner.parse()
    if not planner.plan.error and not planner.plan.changes and not planner.plan.skipped:
        planner.plan.error = strings.PASTE_NOTHING
    return planner.plan
