"""Ruled tables on a PDF page: the grid from the border lines, merged cells where a border is missing
between two units of the grid, each character in the cell it stands in; and the two parts of a table a
page break split (the header it repeats read once, a row broken by the page joined again)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .pdf_text import Char, text_of

TOL = 1.5  # points: borders this close are one border


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


def cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= TOL:
            continue
        out.append(v)
    return out


def regions(hs: list[tuple], vs: list[tuple]) -> list[tuple[list[tuple], list[tuple]]]:
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
            if x0 - TOL <= x <= x1 + TOL and y0 - TOL <= y <= y1 + TOL:
                parent[find(i)] = find(j)
    groups: dict[int, tuple[list, list]] = {}
    for i, (kind, item) in enumerate(items):
        g = groups.setdefault(find(i), ([], []))
        (g[0] if kind == "h" else g[1]).append(item)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _covers(lines: list[tuple], at: float, lo: float, hi: float) -> bool:
    """Whether a border at ``at`` runs over the middle of ``[lo, hi]``."""
    mid = (lo + hi) / 2
    return any(abs(pos - at) <= TOL and a - TOL <= mid <= b + TOL for pos, a, b in lines)


def grid(hs: list[tuple], vs: list[tuple], xs: list[float] | None = None) -> Table:
    ys = cluster([h[0] for h in hs])
    xs = xs or cluster([v[0] for v in vs])
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


def fill_cells(table: Table, chars: list[Char]) -> list[Char]:
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
        cell.text = text_of(inside.get(id(cell), []))
    return outside


def _index(bounds: list[float], v: float) -> int:
    for i in range(len(bounds) - 1):
        if v <= bounds[i + 1]:
            return i
    return len(bounds) - 2


def framed(table: Table) -> bool:
    """A box of one to four cells around running text is layout, not a statistics table."""
    return len(table.cells) <= 4 and any(len(c.text) > 80 for c in table.cells)


def _row_texts(table: Table, r: int) -> list[tuple[int, str]]:
    return sorted((c.col, c.text) for c in table.cells if c.row == r)


def drop_repeated_header(a: Table, b: Table) -> None:
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


def join_split_row(a: Table, b: Table) -> None:
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


def refill(new: Table, old: Table) -> None:
    """Carry the text of ``old``'s cells into the cells of ``new`` that stand where they stood."""
    for cell in old.cells:
        x = (old.xs[cell.col] + old.xs[cell.col + cell.colspan]) / 2
        c = _index(new.xs, x)
        for target in new.cells:
            if target.row == cell.row and target.col <= c < target.col + target.colspan:
                target.text = cell.text
                break
