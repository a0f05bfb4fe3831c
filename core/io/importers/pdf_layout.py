"""What a PDF page shows, by position: its text lines and its ruled tables (PDFium, via pypdfium2).

A published report's PDF (LibreOffice, Word, WPS) draws each table's borders as thin lines and
each cell's text inside them. The lines give the grid: where a border is missing between two
units of the grid, the cells are merged, as in the Word file the PDF came from. Each character is
put into the cell it stands in, so a table reads like its DOCX: every cell in its grid column
(:mod:`core.io.importers.pdf_tables`; characters joined into text by :mod:`core.io.importers.pdf_text`).

Text outside the tables comes as lines in reading order with their left edge, size and whether
they look like a running header or footer — what the narrative reader needs to rebuild
paragraphs (:func:`read_layout`).
"""

from __future__ import annotations

import ctypes
from collections import Counter
from dataclasses import dataclass, field, replace

from ...errors import FileReadError
from ...messages import reading as msg
from ..limits import PdfBudget
from .pdf_tables import (TOL, Table, cluster, drop_repeated_header, fill_cells, framed, grid, join_split_row, refill,
                         regions)
from .pdf_text import Char, group_lines, join_line

MAX_PAGES = 200

_THIN = 2.5  # points: a path this thin is a border line


@dataclass(frozen=True)
class Line:
    """A line of text outside the tables, in reading order.

    ``x0``/``x1`` are its left and right edges and ``indent`` its left edge past the page's body
    margin (a first-line indent is about two characters); ``edge`` is "header" or "footer" for a
    line that repeats at the top or foot of several pages (or is a page number), else None.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    indent: float = 0.0
    edge: str | None = None
    page: int = 0  # 1-based page number


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def items(self) -> list[Line | Table]:
        """The page's lines and tables, top to bottom."""
        return sorted([*self.lines, *self.tables], key=lambda it: it.top)


@dataclass
class Layout:
    """A whole document: its pages, and the body's left margin (the most common left edge)."""

    pages: list[Page]
    margin: float = 0.0


# -- reading the primitives with PDFium ----------------------------------------------------
_LIBRARY = []  # the raw PDFium bindings, once initialised


def _pdfium():
    """PDFium's C API (pypdfium2_raw): only the bindings, which load twice as fast as pypdfium2's helpers."""
    if not _LIBRARY:
        import pypdfium2_raw as raw

        config = raw.FPDF_LIBRARY_CONFIG(version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0)
        raw.FPDF_InitLibraryWithConfig(config)
        _LIBRARY.append(raw)
    return _LIBRARY[0]


def _open(raw, data: bytes, name: str):
    doc = raw.FPDF_LoadMemDocument64(data, len(data), None)
    if not doc:
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_PASSWORD:
            raise FileReadError(msg.encrypted_pdf(name))
        raise FileReadError(msg.bad_pdf(name))
    pages = raw.FPDF_GetPageCount(doc)
    if pages > MAX_PAGES:
        raw.FPDF_CloseDocument(doc)
        raise FileReadError(msg.too_many_pages(name, pages))
    return doc, pages


def _chars(raw, tp, height: float, budget: PdfBudget) -> list[Char]:
    n = raw.FPDFText_CountChars(tp)
    budget.text(max(0, n))
    if n <= 0:
        return []
    # All the text in one call (UTF-16, one unit per character index), then each box: the loose box
    # spans the font's ascent to descent, the same height for 「一」 as for 「国」, so that
    # characters of one line share their top and bottom.
    buf = ctypes.create_string_buffer((n + 1) * 2)
    got = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    units = buf.raw[:max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
    if len(units) != n:  # a character beyond U+FFFF takes two units: ask for each one
        units = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    get_box, get_size, get_origin = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize, raw.FPDFText_GetCharOrigin
    out: list[Char] = []
    for i, ch in enumerate(units[:n]):
        if ch.isspace() or ch < " " or "\ud800" <= ch <= "\udfff" or ch == "\ufffe":
            continue  # spaces and line ends (PDFium makes some up), control characters
        if not get_box(tp, i, box):
            continue
        size = get_size(tp, i) or (box.top - box.bottom)
        # The baseline puts 「“」 (a small box high up) on the line of the characters beside it.
        base = height - y.value if get_origin(tp, i, x, y) else height - box.bottom
        out.append(Char(ch, box.left, height - box.top, box.right, height - box.bottom, size, base))
    return out


def _rules(raw, page, height: float, budget: PdfBudget, number: int) -> tuple[list[tuple], list[tuple]]:
    """Return the page's border lines: horizontal ``(y, x0, x1)`` and vertical ``(x, y0, y1)``."""
    hs: list[tuple] = []
    vs: list[tuple] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))

    def visit(get, count, depth: int) -> None:
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < 3:
                inner = raw.FPDFFormObj_CountObjects(obj)
                budget.page(number, inner)  # a form drawn on the page counts as the page's objects
                visit(lambda j, o=obj: raw.FPDFFormObj_GetObject(o, j), inner, depth + 1)
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                continue
            x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
            w, h = x1 - x0, y1 - y0
            if h <= _THIN and w > 3:
                hs.append(((y0 + y1) / 2, x0, x1))
            elif w <= _THIN and h > 3:
                vs.append(((x0 + x1) / 2, y0, y1))
            elif w > 3 and h > 3 and raw.FPDFPath_CountSegments(obj) <= 6:
                # a rectangle drawn around a cell: its four sides are borders
                hs.extend([(y0, x0, x1), (y1, x0, x1)])
                vs.extend([(x0, y0, y1), (x1, y0, y1)])

    visit(lambda i: raw.FPDFPage_GetObject(page, i), raw.FPDFPage_CountObjects(page), 0)
    return hs, vs


# -- lines outside the tables ------------------------------------------------------------------
def _lines(chars: list[Char], page: int) -> list[Line]:
    out = []
    for group in group_lines(chars):
        text = join_line(group)
        if not text:
            continue
        size = Counter(round(c.size, 1) for c in group).most_common(1)[0][0]
        out.append(Line(text, min(c.x0 for c in group), max(c.x1 for c in group),
                        min(c.top for c in group), max(c.bottom for c in group), size, page=page))
    return out


def read_layout(data: bytes, name: str) -> Layout:
    """Read every page of a PDF: its ruled tables with their cells, and its other text lines.

    Raises FileReadError (Chinese) for a damaged, encrypted, huge or text-less PDF.
    """
    raw = _pdfium()
    doc, count = _open(raw, data, name)
    pages: list[Page] = []
    budget = PdfBudget(name)
    try:
        for number in range(count):
            page = raw.FPDF_LoadPage(doc, number)
            if not page:
                raise FileReadError(msg.bad_pdf(name))
            try:
                budget.page(number + 1, raw.FPDFPage_CountObjects(page))  # before any work on them
                width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
                tp = raw.FPDFText_LoadPage(page)
                try:
                    chars = _chars(raw, tp, height, budget) if tp else []
                finally:
                    if tp:
                        raw.FPDFText_ClosePage(tp)
                hs, vs = _rules(raw, page, height, budget, number + 1)
            finally:
                raw.FPDF_ClosePage(page)
            pages.append(_page(number + 1, width, height, chars, hs, vs))
    finally:
        raw.FPDF_CloseDocument(doc)
    if not any(p.lines or p.tables for p in pages):
        raise FileReadError(msg.no_text_layer(name))
    _join_continued(pages)
    _mark_edges(pages)
    lefts = Counter(round(ln.x0) for p in pages for ln in p.lines)
    layout = Layout(pages, float(lefts.most_common(1)[0][0]) if lefts else 0.0)
    for p in pages:
        p.lines = [replace(ln, indent=ln.x0 - layout.margin) for ln in p.lines]
    return layout


def _page(number: int, width: float, height: float, chars: list[Char], hs, vs) -> Page:
    page = Page(number, width, height)
    rest = chars
    for h, v in regions(hs, vs):
        table = grid(h, v)
        if table.rows < 1 or len(table.xs) < 2:
            continue
        remaining = fill_cells(table, rest)
        if framed(table):
            continue  # its text stays text
        rest = remaining
        page.tables.append(table)
    page.tables.sort(key=lambda t: t.top)
    page.lines = _lines(rest, number)
    return page


def _join_continued(pages: list[Page]) -> None:
    """A table split by a page break: mark its second part and give both the same grid columns."""
    for before, after in zip(pages, pages[1:]):
        if not before.tables or not after.tables:
            continue
        a, b = before.tables[-1], after.tables[0]
        if abs(a.x0 - b.x0) > 3 * TOL or abs(a.x1 - b.x1) > 3 * TOL:
            continue
        if any(ln.top > a.bottom and not _page_furniture(ln, before) for ln in before.lines) or \
                any(ln.bottom < b.top and not _page_furniture(ln, after) for ln in after.lines):
            continue  # text between them: two tables
        xs = cluster(a.xs + b.xs)
        for page, old in ((before, a), (after, b)):
            if old.xs != xs:
                new = grid(*old.rules, xs)
                refill(new, old)
                page.tables[page.tables.index(old)] = new
        after.tables[0].continues = True
        drop_repeated_header(before.tables[-1], after.tables[0])
        join_split_row(before.tables[-1], after.tables[0])


def _page_furniture(line: Line, page: Page) -> bool:
    return line.top < page.height * 0.1 or line.bottom > page.height * 0.9


def _mark_edges(pages: list[Page]) -> None:
    """Flag lines that repeat at the top or foot of several pages, and page numbers."""
    from ..narrative import is_page_noise

    seen: Counter = Counter()
    for p in pages:
        edge = [ln for ln in p.lines if _page_furniture(ln, p)]
        for text in {ln.text for ln in edge}:
            seen[text] += 1
    for p in pages:
        marked = []
        for ln in p.lines:
            edge = None
            if _page_furniture(ln, p) and (seen[ln.text] >= 2 or is_page_noise(ln.text)):
                edge = "header" if ln.top < p.height / 2 else "footer"
            marked.append(replace(ln, edge=edge))
        p.lines = marked
