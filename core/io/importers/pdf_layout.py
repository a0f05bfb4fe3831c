"""What a PDF page shows, by position: its text lines and its ruled tables (PDFium, via pypdfium2).

A published report's PDF (LibreOffice, Word, WPS) draws each table's borders as thin lines and
each cell's text inside them. The lines give the grid: where a border is missing between two
units of the grid, the cells are merged, as in the Word file the PDF came from. Each character is
put into the cell it stands in, so a table reads like its DOCX: every cell in its grid column.

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

MAX_PAGES = 200

_TOL = 1.5  # points: borders this close are one border
_THIN = 2.5  # points: a path this thin is a border line


@dataclass(frozen=True)
class Char:
    """One printed character: its text, box (points, from the page's top left) and font size."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    base: float = 0.0  # the baseline, from the page's top: one line's characters share it


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
class Cell:
    """A table cell: first grid row and column, how many it covers, its text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


@dataclass
class Table:
    """A ruled table on one page; ``top``/``bottom`` place it among the lines."""

    top: float
    bottom: float
    x0: float
    x1: float
    xs: list[float]  # the grid's column borders, left to right
    ys: list[float]  # its row borders, top to bottom
    cells: list[Cell] = field(default_factory=list)
    continues: bool = False  # the rest of the table that ends the page before
    rules: tuple = ((), ())  # its border lines (horizontal, vertical)

    @property
    def rows(self) -> int:
        return len(self.ys) - 1


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


# -- tables from border lines ------------------------------------------------------------------
def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _TOL:
            continue
        out.append(v)
    return out


def _regions(hs: list[tuple], vs: list[tuple]) -> list[tuple[list[tuple], list[tuple]]]:
    """Group border lines that touch into tables."""
    items = [("h", h) for h in hs] + [("v", v) for v in vs]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (ki, a) in enumerate(items):
        if ki != "h":
            continue
        y, x0, x1 = a
        for j, (kj, b) in enumerate(items):
            if kj != "v":
                continue
            x, y0, y1 = b
            if x0 - _TOL <= x <= x1 + _TOL and y0 - _TOL <= y <= y1 + _TOL:
                parent[find(i)] = find(j)
    groups: dict[int, tuple[list, list]] = {}
    for i, (kind, item) in enumerate(items):
        g = groups.setdefault(find(i), ([], []))
        (g[0] if kind == "h" else g[1]).append(item)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _covers(lines: list[tuple], at: float, lo: float, hi: float) -> bool:
    """Whether a border at ``at`` runs over the middle of ``[lo, hi]``."""
    mid = (lo + hi) / 2
    return any(abs(pos - at) <= _TOL and a - _TOL <= mid <= b + _TOL for pos, a, b in lines)


def _grid(hs: list[tuple], vs: list[tuple], xs: list[float] | None = None) -> Table:
    ys = _cluster([h[0] for h in hs])
    xs = xs or _cluster([v[0] for v in vs])
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(nr):
        for c in range(nc):
            if c + 1 < nc and not _covers(vs, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(r * nc + c)] = find(r * nc + c + 1)
            if r + 1 < nr and not _covers(hs, ys[r + 1], xs[c], xs[c + 1]):
                parent[find(r * nc + c)] = find((r + 1) * nc + c)
    boxes: dict[int, list[int]] = {}
    for r in range(nr):
        for c in range(nc):
            b = boxes.setdefault(find(r * nc + c), [r, c, r, c])
            b[0], b[1], b[2], b[3] = min(b[0], r), min(b[1], c), max(b[2], r), max(b[3], c)
    table = Table(ys[0], ys[-1], xs[0], xs[-1], xs, ys, rules=(hs, vs))
    table.cells = [Cell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, "") for r0, c0, r1, c1 in boxes.values()]
    table.cells.sort(key=lambda c: (c.row, c.col))
    return table


def _text_of(chars: list[Char]) -> str:
    """Join characters into text: lines by their baseline, a space only between Latin words."""
    out: list[str] = []
    for line in _group_lines(chars):
        out.append(_join(line))
    return "".join(out)


def _group_lines(chars: list[Char]) -> list[list[Char]]:
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (round(c.base, 1), c.x0)):
        if lines:
            last = lines[-1]
            ref = last[-1]
            if abs(ch.base - ref.base) <= max(ref.size, ch.size) * 0.3:
                last.append(ch)
                continue
        lines.append([ch])
    for line in lines:
        line.sort(key=lambda c: c.x0)
    lines.sort(key=lambda ln: min(c.top for c in ln))
    return lines


def _cjk(ch: str) -> bool:
    return ch >= "\u2e80"


def _join(line: list[Char]) -> str:
    parts: list[str] = []
    prev: Char | None = None
    for ch in line:
        if ch.text.isspace():
            prev = ch
            continue
        if prev is not None and parts:
            gap, em = ch.x0 - prev.x1, max(ch.size, 1)
            latin = not _cjk(ch.text) and not _cjk(parts[-1][-1])
            if gap > em or (latin and gap > 0.25 * em):
                parts.append(" ")  # a word gap between Latin words or digits, or a column gap
        parts.append(ch.text)
        prev = ch
    return "".join(parts).strip()


def _fill(table: Table, chars: list[Char]) -> list[Char]:
    """Put each character into its cell; return the characters outside the table."""
    ys, xs = table.ys, table.xs
    where: dict[tuple[int, int], Cell] = {}
    for cell in table.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                where[(r, c)] = cell
    inside: dict[int, list[Char]] = {}
    outside: list[Char] = []
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        if not (xs[0] <= cx <= xs[-1] and ys[0] <= cy <= ys[-1]):
            outside.append(ch)
            continue
        r = _index(ys, cy)
        c = _index(xs, cx)
        cell = where.get((r, c))
        if cell is None:
            outside.append(ch)
            continue
        inside.setdefault(id(cell), []).append(ch)
    for cell in table.cells:
        cell.text = _text_of(inside.get(id(cell), []))
    return outside


def _index(bounds: list[float], v: float) -> int:
    for i in range(len(bounds) - 1):
        if v <= bounds[i + 1]:
            return i
    return len(bounds) - 2


def _framed(table: Table) -> bool:
    """A box of one to four cells around running text is layout, not a statistics table."""
    return len(table.cells) <= 4 and any(len(c.text) > 80 for c in table.cells)


# -- lines outside the tables ------------------------------------------------------------------
def _lines(chars: list[Char], page: int) -> list[Line]:
    out = []
    for group in _group_lines(chars):
        text = _join(group)
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
    for h, v in _regions(hs, vs):
        table = _grid(h, v)
        if table.rows < 1 or len(table.xs) < 2:
            continue
        remaining = _fill(table, rest)
        if _framed(table):
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
        if abs(a.x0 - b.x0) > 3 * _TOL or abs(a.x1 - b.x1) > 3 * _TOL:
            continue
        if any(ln.top > a.bottom and not _page_furniture(ln, before) for ln in before.lines) or \
                any(ln.bottom < b.top and not _page_furniture(ln, after) for ln in after.lines):
            continue  # text between them: two tables
        xs = _cluster(a.xs + b.xs)
        for page, old in ((before, a), (after, b)):
            if old.xs != xs:
                new = _grid(*old.rules, xs)
                _refill(new, old)
                page.tables[page.tables.index(old)] = new
        after.tables[0].continues = True
        _drop_repeated_header(before.tables[-1], after.tables[0])
        _join_split_row(before.tables[-1], after.tables[0])


def _row_texts(table: Table, r: int) -> list[tuple[int, str]]:
    return sorted((c.col, c.text) for c in table.cells if c.row == r)


def _drop_repeated_header(a: Table, b: Table) -> None:
    """The header rows a table repeats at the top of each page are read once."""
    k = 0
    while k < min(a.rows, b.rows - 1) and _row_texts(a, k) == _row_texts(b, k) and any(t for _, t in _row_texts(a, k)):
        k += 1
    if k == 0 or any(c.row < k <= c.row + c.rowspan - 1 for c in b.cells):
        return
    b.cells = [Cell(c.row - k, c.col, c.rowspan, c.colspan, c.text) for c in b.cells if c.row >= k]
    b.ys = b.ys[k:]
    b.top = b.ys[0]


def _numeric(text: str) -> bool:
    return bool(text) and text.replace(".", "", 1).replace(",", "").isdigit()


def _join_split_row(a: Table, b: Table) -> None:
    """A row broken by the page: the tail of its cells tops the next page.

    Either the last line of its label, with no numbers, or the last digits of numbers that wrapped
    in a narrow cell («1513» / «4»), with an empty label. The tails join the row they belong to,
    and the rest of the table moves up one row.
    """
    first = [c for c in b.cells if c.row == 0 and c.text]
    last = [c for c in a.cells if c.row + c.rowspan == a.rows]
    numbers = [c for c in last if _numeric(c.text)]
    if b.rows < 2 or not numbers:
        return
    start = min(c.col for c in numbers)
    labels = [c for c in first if c.col + c.colspan <= start]
    values = [c for c in first if c.col + c.colspan > start]
    label_tail = labels and not values and not any(_numeric(c.text) for c in labels)
    number_tail = values and not labels and all(_numeric(c.text) for c in values)
    if first and not (label_tail or number_tail):
        return  # a row of its own (or a header repeated on the new page)
    targets = []
    for c in first:
        target = next((t for t in last if t.col <= c.col < t.col + t.colspan), None)
        if target is None or c.rowspan > 1:
            return
        targets.append((target, c))
    for target, c in targets:
        target.text += c.text
    cells = []
    for c in b.cells:
        if c.row == 0 and c.rowspan == 1:
            continue
        if c.row == 0:
            cells.append(Cell(0, c.col, c.rowspan - 1, c.colspan, c.text))
        else:
            cells.append(Cell(c.row - 1, c.col, c.rowspan, c.colspan, c.text))
    b.cells = cells
    b.ys = b.ys[1:]
    b.top = b.ys[0]


def _refill(new: Table, old: Table) -> None:
    """Carry the text of ``old``'s cells into the cells of ``new`` that stand where they stood."""
    for cell in old.cells:
        x = (old.xs[cell.col] + old.xs[cell.col + cell.colspan]) / 2
        c = _index(new.xs, x)
        for target in new.cells:
            if target.row == cell.row and target.col <= c < target.col + target.colspan:
                target.text = cell.text
                break


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
