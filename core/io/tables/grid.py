"""Tables whose cells the reader placed on a grid (DOCX, HTML, XLSX, PDF by position, ``|`` text).

The header rows say which grid columns hold which official column (自然人 … 总计, 结果维持 …,
本年制发件数 …); every body cell is then read by the column it stands in, whatever its text. An
odd cell («217*», «见附件») stays in its own place instead of pushing its neighbours along.
Where the header cannot be read (a table continued on a new page, text copied without spans), the
columns are taken from the body itself: the last grid columns that hold values in most rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...schema.builders import T3_COLS, T4_GROUPS, T4_RESULTS
from .cell_values import is_value_text
from .labels import SUBTOTAL, T2_HEAD, norm_label


@dataclass(frozen=True)
class GCell:
    """A cell as the reader placed it: first grid column, columns covered, text."""

    col: int
    span: int
    text: str

    @property
    def end(self) -> int:
        return self.col + self.span


@dataclass(frozen=True)
class Slot:
    """Grid columns ``[col, end)`` that hold one column of the table: ``key`` is the column's index
    among the row's cells, "sub" for a printed 法人或其他组织 subtotal, or "x" for a column the
    official table does not have; ``head`` is its header as printed."""

    col: int
    end: int
    key: int | str
    head: str = ""


@dataclass
class Record:
    """One body row: its label cells and its values, by column index where the grid told them."""

    labels: list[str]
    values: list[str]  # texts in the row's order; with ``placed`` the value of column i is values[i]
    placed: bool  # the values stand in their own columns (False: a flat run, positions unknown)
    extra: list[str] = field(default_factory=list)  # values in columns the official table lacks
    subtotal: bool = False  # a printed subtotal column was dropped from this row
    heads: list[str] = field(default_factory=list)  # 表二: the header printed above each value
    displaced: list[int] = field(default_factory=list)  # columns a shifted label cell covers
    shifted: int = 0  # columns the row's cells were moved to fit the header (a damaged table)


def grid_rows(tokens) -> list[list[GCell]]:
    """Group a table's cell tokens into rows; a cell without a known column follows its neighbour."""
    rows: list[list[GCell]] = []
    current: list[GCell] = []
    pos = 0
    for t in tokens:
        if t.kind == "cell":
            col = pos if t.col is None else t.col
            current.append(GCell(col, t.span, t.text))
            pos = col + t.span
        elif t.kind in ("row", "endtable"):
            if current:
                rows.append(current)
            current, pos = [], 0
    if current:
        rows.append(current)
    return rows


def _increasing(cells: list[GCell]) -> bool:
    return all(a.end <= b.col for a, b in zip(cells, cells[1:]))


def _overlap(c: GCell, s: Slot) -> int:
    return min(c.end, s.end) - max(c.col, s.col)


def place(row: list[GCell], slots: list[Slot], width: int, align_end: bool = False) -> Record:
    """Read one row by the slots: cells left of the first slot are its labels.

    A label that reaches into the value columns (a row whose cells LibreOffice or WPS shifted)
    is still the row's label; the value cells it covers stay blank, and are listed in
    ``displaced`` for a note.
    """
    first = slots[0].col
    d = slots[-1].end - row[-1].end if align_end else _shift(row, slots)
    if d:
        row = [GCell(c.col + d, c.span, c.text) for c in row]
    labels: list[str] = []
    values = [""] * width
    extra: list[str] = []
    displaced: list[int] = []
    taken: set = set()
    for c in row:
        text = c.text.strip()
        is_label = c.end <= first or (not is_value_text(c.text) and (c.col < first or not labels and not taken))
        if is_label:
            if text:
                labels.append(c.text)
                displaced += [s.key for s in slots if _overlap(c, s) > 0 and isinstance(s.key, int)]
            continue
        best = max(slots, key=lambda s: _overlap(c, s))
        if _overlap(c, best) <= 0 or best.key in taken:
            if text:
                extra.append(text)  # beyond the table, or a second cell under one header: not read
            continue
        taken.add(best.key)
        if isinstance(best.key, int):
            values[best.key] = c.text
        elif best.key == "x" and text:
            extra.append(text)
    rec = Record(labels, values, True, extra, subtotal=any(s.key == "sub" for s in slots))
    rec.displaced = [k for k in displaced if not values[k].strip()]
    rec.shifted = 0 if align_end else d
    return rec


def _conflicts(row: list[GCell], slots: list[Slot]) -> int:
    """Cells that stand where they cannot: numbers left of the values, labels on them, anything past them."""
    first, last = slots[0].col, slots[-1].end
    n = 0
    for c in row:
        if not c.text.strip():
            continue
        value = is_value_text(c.text)
        if value and c.end <= first or not value and c.col >= first or c.col >= last:
            n += 1
    return n


def _shift(row: list[GCell], slots: list[Slot]) -> int:
    """How far a row's cells are shifted against the header (0 for a sound row).

    LibreOffice re-saving WPS's gridBefore rows moves a row's cells a column left or right; such a
    row has a number in a label column or runs past the table. A row that fits the table is never
    moved, so one odd cell (「见附件」 in 自然人) cannot shift its neighbours.
    """
    first, last = slots[0].col, slots[-1].end
    fits = row[-1].end == last and not any(c.text.strip() and is_value_text(c.text) and c.end <= first
                                           for c in row)
    if fits:
        return 0
    best, fewest = 0, _conflicts(row, slots)
    for d in (1, -1, 2, -2):
        n = _conflicts([GCell(c.col + d, c.span, c.text) for c in row], slots)
        if n < fewest:
            best, fewest = d, n
    return best


def value_tail(row: list[GCell]) -> int:
    """How many cells at the end of a row hold values (numbers, blank marks, empty cells)."""
    n = 0
    for c in reversed(row):
        if not is_value_text(c.text):
            break
        n += 1
    return n


def body_slots(rows: list[list[GCell]], counts: tuple[int, ...]) -> list[Slot] | None:
    """Columns taken from the body: the last ``n`` grid columns, ``n`` the most common value run.

    ``counts`` are the run lengths that make sense for the table (7 or 8 for 表三, 15 for 表四).
    """
    tails = Counter(min(value_tail(r), max(counts)) for r in rows)
    n = next((k for k, _ in tails.most_common() if k in counts), None)
    if n is None:
        return None
    widths = Counter(r[-1].end for r in rows if value_tail(r) >= n)
    if not widths:
        return None
    width = widths.most_common(1)[0][0]
    return [Slot(width - n + i, width - n + i + 1, i) for i in range(n)]


# -- 表三 --------------------------------------------------------------------------------------
T3_HEADS = {norm_label(label): i for i, (_, label) in enumerate(T3_COLS)}


def t3_header_slots(header: list[list[GCell]]) -> list[Slot] | None:
    """Return the value columns named in 表三's header rows (自然人 … 总计, and a 小计), or None.

    Found columns must stand left to right in the official order; a column the header does not
    name (a renamed or dropped one) is left out, and a leaf header the official table does not
    have becomes an "x" slot.
    """
    found: dict[int | str, GCell] = {}
    for row in header:
        for c in row:
            s = norm_label(c.text)
            key: int | str | None = T3_HEADS.get(s)
            if key is None and s in SUBTOTAL:
                key = "sub"
            if key is not None and key not in found:
                found[key] = c
    ordered = [found[k] for k in sorted(k for k in found if isinstance(k, int))]
    if len(ordered) < 5 or 0 not in found or 6 not in found or not _increasing(ordered):
        return None
    slots = [Slot(c.col, c.end, k, c.text) for k, c in found.items()]
    slots.sort(key=lambda s: s.col)
    if not _increasing([GCell(s.col, s.end - s.col, "") for s in slots]):
        return None
    lo, hi = found[0].col, found[6].end
    parents = {id(c) for c in found.values()}
    for row in header:
        for c in row:
            if id(c) in parents or not c.text.strip() or c.col < lo or c.end > hi:
                continue
            covers = [s for s in slots if s.col >= c.col and s.end <= c.end]
            if covers or any(_overlap(c, s) > 0 for s in slots):
                continue  # 法人或其他组织 / 申请人情况 over named columns
            slots.append(Slot(c.col, c.end, "x", c.text))
    slots.sort(key=lambda s: s.col)
    return slots


# -- 表四 --------------------------------------------------------------------------------------
T4_HEADS = tuple(norm_label(r) for r in T4_RESULTS)
T4_GROUP_HEADS = tuple(norm_label(label) for _, label in T4_GROUPS)


def t4_header_slots(header: list[list[GCell]]) -> list[Slot] | None:
    """Return 表四's 15 columns from the header row of 结果维持 … 总计 (three times), or None."""
    for row in header:
        leaves = [c for c in row if norm_label(c.text) in T4_HEADS]
        if len(leaves) == 15 and _increasing(leaves):
            if [norm_label(c.text) for c in leaves] == list(T4_HEADS) * 3:
                return [Slot(c.col, c.end, i, c.text) for i, c in enumerate(leaves)]
    return None


# -- 表二 --------------------------------------------------------------------------------------
def t2_header_slots(row: list[GCell], col_labels: set[str]) -> list[Slot] | None:
    """Return the value columns of a 表二 header row (「信息内容 | 本年制发件数 | …」), or None."""
    heads = [norm_label(c.text) for c in row]
    if T2_HEAD in heads:
        start = heads.index(T2_HEAD) + 1
    elif len(row) > 1 and any(h and (h in col_labels or any(h in o or o in h for o in col_labels))
                              for h in heads[1:]):
        start = 1
    else:
        return None
    cells = [c for c in row[start:] if c.text.strip()]
    if not cells or any(is_value_text(c.text) for c in cells):
        return None
    return [Slot(c.col, c.end, i, c.text) for i, c in enumerate(cells)]
