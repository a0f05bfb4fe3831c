"""Excel .xlsx: every sheet read cell by cell (merged cells once), straight from its XML."""

from __future__ import annotations

import posixpath
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ...errors import FileReadError
from ...messages import reading as msg
from ..limits import WorkBudget, check_sheet_rows
from .. import xlsx_layout as layout
from ..xlsx_cells import column_index, column_letter
from . import ENDTABLE, ROW, SUP_CLOSE, SUP_OPEN, TABLE, Tok, cell, read_bytes
from .safezip import SafeZip, parse_xml

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_ROWS, MAX_COLS = 2000, 200
_REF = re.compile(r"([A-Z]{1,3})(\d+)")


def _pos(addr: str) -> tuple[int, int]:
    m = _REF.fullmatch(addr)
    return (int(m.group(2)), column_index(m.group(1))) if m else (0, 0)


def _same(shown: str | None, exact: str) -> bool:
    """Whether a visible cell still holds the exported value (numbers compared as numbers)."""
    shown = shown or ""
    if shown == exact:
        return True
    try:
        return Decimal(shown) == Decimal(exact)
    except InvalidOperation:
        return False


def tokens(path: Path) -> list[Tok]:
    data = read_bytes(path, "xlsx")
    z = SafeZip(data, path.name, msg.XLSX_ARCHIVE)
    name = path.name
    if not z.has("xl/workbook.xml"):
        if z.has("word/document.xml"):
            raise FileReadError(msg.word_named_xlsx(name, path.suffix))
        raise FileReadError(msg.no_workbook(name))
    book = parse_xml(z.read("xl/workbook.xml"), name, "xl/workbook.xml")
    targets = {}
    if z.has("xl/_rels/workbook.xml.rels"):
        rels = parse_xml(z.read("xl/_rels/workbook.xml.rels"), name, "workbook.xml.rels")
        for rel in rels.iter(REL + "Relationship"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            targets[rel.get("Id")] = target
    shared: list[str] = []
    if z.has("xl/sharedStrings.xml"):
        sst = parse_xml(z.read("xl/sharedStrings.xml"), name, "sharedStrings.xml")
        for si in sst.iter(S + "si"):
            shared.append("".join(_run_text(t) for t in si.iter(S + "t") if t.getparent().tag != S + "rPh"))
    out: list[Tok] = []
    sheets = book.find(S + "sheets")
    visible, exact = [], {}
    for sheet in (sheets if sheets is not None else ()):
        member = targets.get(sheet.get(R + "id"))
        if not member or not z.has(member):
            continue
        xml = z.read(member)
        check_sheet_rows(xml, name, sheet.get("name", ""))
        root = parse_xml(xml, name, member)
        if sheet.get("state") in ("hidden", "veryHidden"):
            if sheet.get("name") == layout.DATA_SHEET:
                exact = _data_sheet(root, shared, out)
            continue
        visible.append((sheet.get("name", ""), root))
    budget = WorkBudget(name)
    for sheet_name, root in visible:
        _sheet(root, shared, out, {a: v for (s, a), v in exact.items() if s == sheet_name}, budget)
    return out


def _run_text(t) -> str:
    """A piece of a shared string; a superscript run (a footnote number) is marked for the parser."""
    rpr = t.getparent().find(S + "rPr")
    align = rpr.find(S + "vertAlign") if rpr is not None else None
    if align is not None and align.get("val") == "superscript":
        return SUP_OPEN + (t.text or "") + SUP_CLOSE
    return t.text or ""


def _data_sheet(root, shared: list[str], out: list[Tok]) -> dict[tuple[str, str], str]:
    """Read meta data and narrative from this project's hidden sheet.

    The tables are read from the visible sheets, which the clerk may have changed in Excel
    since; the exact values are returned by (sheet, address) only for formula cells that were
    never computed (openpyxl saves no results).
    """
    rows: dict[int, dict[int, str]] = {}
    for row in root.iter(S + "row"):
        for c in row.iter(S + "c"):
            m = _REF.fullmatch(c.get("r", ""))
            if m and int(m.group(2)) <= MAX_ROWS and column_index(m.group(1)) <= MAX_COLS:
                rows.setdefault(int(m.group(2)), {})[column_index(m.group(1))] = _value(c, shared)[0]
    pairs, exact = {}, {}
    for r in sorted(rows):
        cols = rows[r]
        key = cols.get(layout.KEY, "")
        where = cols.get(layout.WHERE, "")
        if layout.is_cell_key(key) and "!" in where:
            sheet_name, _, addr = where.partition("!")
            exact[(sheet_name, addr)] = cols.get(layout.EXACT, "")
        if layout.is_text_key(key):
            pairs[key] = "".join(cols.get(i, "") for i in range(layout.VALUE, max(cols) + 1))
        elif layout.is_meta_key(key) or key in ("kind", layout.STALE):
            pairs[key] = cols.get(layout.VALUE, "")
    if pairs.get("kind") != layout.KIND:
        return {}
    out.extend(Tok("meta", f"{k}\t{v}") for k, v in pairs.items() if k != "kind")
    return exact


def _value(c, shared: list[str]) -> tuple[str, str | None]:
    """Return a cell's text and, when it is a formula without a saved result, the formula."""
    t = c.get("t", "n")
    if t == "inlineStr":
        return "".join(_run_text(x) for x in c.iter(S + "t") if x.getparent().tag != S + "rPh"), None
    v = c.find(S + "v")
    text = v.text if v is not None and v.text else ""
    f = c.find(S + "f")
    if f is not None and f.text and not text:
        return "", f.text  # openpyxl writes formulas without computing them
    if t == "s":
        try:
            return shared[int(text)], None
        except (ValueError, IndexError):
            return "", None
    if t == "n" and text and "E" not in text.upper():
        try:
            s = repr(float(text))  # the shortest text for the stored number
        except ValueError:
            return text, None
        return (s[:-2] if s.endswith(".0") else s), None
    return text, None


_SUM = re.compile(r"=?\s*SUM\(([A-Z$0-9:,\s]+)\)\s*", re.I)


def _sum(formula: str, grid: dict) -> str | None:
    """Evaluate ``SUM(D7:I7)`` / ``SUM(D7,D9)`` over the sheet's values; None if it cannot."""
    m = _SUM.fullmatch(formula)
    if not m:
        return None
    total, seen = Decimal(0), False
    for part in m.group(1).replace("$", "").split(","):
        a, _, b = part.strip().partition(":")
        ma, mb = _REF.fullmatch(a), _REF.fullmatch(b or a)
        if not ma or not mb:
            return None
        for r in range(int(ma.group(2)), int(mb.group(2)) + 1):
            for col in range(column_index(ma.group(1)), column_index(mb.group(1)) + 1):
                text = grid.get((r, col), "")
                if not isinstance(text, str) or not text or text.startswith("\0"):
                    continue
                try:
                    total += Decimal(text)
                except InvalidOperation:
                    return None
                seen = True
    if not seen:
        return ""
    return format(total, "f")


def _sheet(root, shared: list[str], out: list[Tok], exact: dict[str, str], budget: WorkBudget) -> None:
    grid: dict[tuple[int, int], str] = {}
    formulas: dict[tuple[int, int], str] = {}
    for row in root.iter(S + "row"):
        for c in row.iter(S + "c"):
            m = _REF.fullmatch(c.get("r", ""))
            if not m:
                continue
            r, col = int(m.group(2)), column_index(m.group(1))
            if r > MAX_ROWS or col > MAX_COLS:
                continue
            text, formula = _value(c, shared)
            if formula:
                formulas[(r, col)] = formula
            elif text.strip():
                grid[(r, col)] = text.strip()
    # Formulas saved without results: the export's exact values while the sheet is as exported
    # (they keep a total that was wrong on purpose), else the sum of what the sheet now holds.
    formula_at = {f"{column_letter(c)}{r}": (r, c) for r, c in formulas}
    as_exported = bool(exact) and all(
        _same(grid.get(_pos(a)), v) for a, v in exact.items() if a not in formula_at)
    for _ in range(4):  # totals of totals: a few passes settle the nesting of the official tables
        for key, pos in formula_at.items():
            value = exact[key] if as_exported and key in exact else _sum(formulas[pos], grid)
            grid[pos] = ("=" + formulas[pos].lstrip("=")) if value is None else value
        if as_exported:
            break
    spans: dict[tuple[int, int], int] = {}
    # A merge matters only where the sheet has content: clip it there (A1:GR2000 is 400,000 cells).
    last_row = max((r for r, _ in grid), default=0)
    last_col = max((c for _, c in grid), default=0)
    for mc in root.iter(S + "mergeCell"):
        a, _, b = mc.get("ref", "").partition(":")
        ma, mb = _REF.fullmatch(a), _REF.fullmatch(b or a)
        if not ma or not mb:
            continue
        r0, c0, r1, c1 = int(ma.group(2)), column_index(ma.group(1)), int(mb.group(2)), column_index(mb.group(1))
        r1, c1 = min(r1, MAX_ROWS, last_row), min(c1, MAX_COLS, last_col)
        budget.merged_cells(max(0, r1 - r0 + 1) * max(0, c1 - c0 + 1))
        for r in range(r0, r1 + 1):
            spans[(r, c0)] = max(1, c1 - c0 + 1)
            for col in range(c0, c1 + 1):
                if (r, col) != (r0, c0):
                    # Like Word: a merge is one cell; rows below it get one empty stand-in.
                    grid[(r, col)] = _STAND_IN if col == c0 else _COVERED
    if not grid:
        return
    out.append(TABLE)
    for r in sorted({r for r, _ in grid}):
        cols = [c for rr, c in grid if rr == r]
        if all(grid[(r, c)] in (_STAND_IN, _COVERED) for c in cols):
            continue
        for col in range(1, max(cols) + 1):
            text = grid.get((r, col), "")
            if text is _COVERED:
                continue
            out.append(cell("" if text is _STAND_IN else text, col - 1, spans.get((r, col), 1)))
        out.append(ROW)
    out.append(ENDTABLE)


_STAND_IN = "\0stand-in"
_COVERED = "\0covered"
