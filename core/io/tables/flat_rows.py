"""Table rows read from text without cell positions: a PDF copied as text, Word's 「纯文本」.

Such a row is a label and then its numbers; a blank cell prints nothing, so a row may have fewer
numbers than cells. Where it does, the table's own sums say where the numbers stand: each 表三 row's
总计 is the sum of its six columns, each column's （七）总计 the sum of the rows above it and
第一项＋第二项＝第三项＋第四项; each 表四 总计 is the sum of its four results. Placements the sums
allow are tried; cells on which all of them agree are filled, the others are named as uncertain.

The ways to read a row's numbers are in :mod:`core.io.tables.row_readings`; 表四's one row, by its three sums,
in :mod:`core.io.tables.flat_t4`.
"""

from __future__ import annotations

import re
from itertools import product

from ...messages import reading as msg
from ...model.values import is_number
from .cell_values import parse_value
from ..read_result import NoteCode
from .row_readings import readings, zeros_apart

# -- the sums a reading must keep ------------------------------------------------------------------
UNKNOWN = object()  # a cell not read (its row is missing, or its text is not a number)


def cell_number(text: str, spec):
    if text.isascii() and text.isdigit():
        return int(text)  # most cells: the sums try thousands of readings of them
    value, _note, _mark = parse_value(text, spec)
    if value is None:
        return 0  # printed blank or 「—」: counts as nothing in a sum
    return value if is_number(value) else UNKNOWN


def sum_holds(total, parts) -> bool:
    """A printed total equals its printed parts, where every one of them could be read."""
    if total is UNKNOWN or any(p is UNKNOWN for p in parts):
        return True
    return total == sum(parts)


class Grid:
    """The numbers of one table as far as they are known, for checking its sums."""

    def __init__(self, reading, known_rows):
        self.form, self.tid = reading.form, reading.tid
        self.values: dict[str, object] = {}
        for row in self.form.table(self.tid).rows:
            for ref in row.cells:
                v = reading.values.get(ref)
                self.values[ref] = (0 if v is None else v) if row.id in known_rows else UNKNOWN

    def set_row(self, row, texts: list[str]) -> None:
        for ref, text in zip(row.cells, texts):
            self.values[ref] = cell_number(text, self.form.cell(ref))

    def row_holds(self, row) -> bool:
        if self.tid == "t3":
            v = [self.values[r] for r in row.cells]
            return sum_holds(v[6], v[:6])
        if self.tid == "t4":
            return all(sum_holds(self.values[f.target], [self.values[p] for p in f.parts])
                       for f in self.form.table("t4").formulas)
        return True

    def columns_hold(self) -> bool:
        """表三's column sums: （七）总计 = (一)…(六), and 第一项＋第二项＝第三项＋第四项."""
        if self.tid != "t3":
            return True
        ids = self.form.t3_rows
        handled = self.form.t3_group("results").rows
        for c in range(1, 8):
            at = lambda r: self.values[f"t3.{r}.c{c}"]  # noqa: E731
            if not sum_holds(at(ids["total"]), [at(r) for r in handled]):
                return False
            left, right = (at(ids["new"]), at(ids["carried"])), (at(ids["total"]), at(ids["carry"]))
            if UNKNOWN not in left + right and sum(left) != sum(right):
                return False
        return True


# -- placing rows that do not have one number per cell -------------------------------------------------
def fill_short(reading, short: list[tuple[str, list[str]]], known_rows, sub: int | None = None) -> None:
    """Fill rows of flat text whose numbers are fewer (or more) than their cells, by the sums.

    A row with more numbers than cells is read by its own sum (a number wrapped in its cell). Rows
    with fewer are placed together, column by column, so that every column keeps its sums; a cell
    on which all the placements left agree is filled, the others stay blank and are named.
    ``sub`` is where 表三 prints a 法人或其他组织 小计 column, if it does (28×8 layout).
    """
    if not short:
        return
    if sub is not None:
        short = [(row_id, _without_subtotal(tokens, sub)) for row_id, tokens in short]
    table = reading.form.table(reading.tid)
    rows = {r.id: r for r in table.rows}
    pending = {row_id for row_id, _ in short}
    grid = Grid(reading, set(known_rows) - pending)
    found: dict[str, list[tuple[str, list[str]]]] = {}
    fewer = []
    for row_id, tokens in short:
        row = rows[row_id]
        if len(zeros_apart(tokens)) < len(row.cells) and reading.tid == "t3":
            fewer.append((row, zeros_apart(tokens)))
            continue
        found[row_id] = by_row(grid, row, tokens)
        if len({tuple(t) for _, t in found[row_id]}) == 1:
            grid.set_row(row, found[row_id][0][1])  # now known: its numbers count in the column sums
    if fewer:
        placed = _by_columns(grid, fewer)
        for row, tokens in fewer:
            found[row.id] = placed[row.id] if placed is not None else by_row(grid, row, tokens)
    for row_id, tokens in short:
        fill_row(reading, rows[row_id], tokens, found[row_id])


_RANK = {"as-is": 0, "placed": 1, "split": 2, "joined": 2, "extra": 3}


def _without_subtotal(tokens: list[str], sub: int) -> list[str]:
    """A 28×8 row: the eight numbers, wrapped ones joined by the row's two sums (小计 and 总计), less
    the 小计. Tokens that cannot be read so are left for the seven-cell reading."""
    fits = []
    for how, texts in readings(tokens, 8):
        if how not in ("as-is", "joined"):
            continue
        try:
            v = [int(t) for t in texts]
        except ValueError:
            continue
        rest = v[:sub] + v[sub + 1:]
        if v[sub] == sum(rest[1:6]) and rest[6] == rest[0] + v[sub]:
            fits.append(texts[:sub] + texts[sub + 1:])
    return fits[0] if len({tuple(f) for f in fits}) == 1 else tokens


def by_row(grid: Grid, row, tokens: list[str]) -> list[tuple[str, list[str]]]:
    """The readings of one row its own sum allows, of the simplest kind that fits."""
    fitting = []
    for how, texts in sorted(readings(tokens, len(row.cells)), key=lambda hw: _RANK[hw[0]]):
        grid.set_row(row, texts)
        if grid.row_holds(row):
            fitting.append((how, texts))
    for ref in row.cells:
        grid.values[ref] = UNKNOWN
    if not fitting:
        return []
    best = _RANK[fitting[0][0]]
    return [hw for hw in fitting if _RANK[hw[0]] == best]


MAX_STATES = 20_000  # partial placements kept while going through 表三's columns
MAX_PATHS = 256  # ways kept to reach one partial placement; more, and no cell is called certain


def _by_columns(grid: Grid, rows: list[tuple]) -> dict[str, list[tuple[str, list[str]]]] | None:
    """Place the numbers of 表三 rows that lack some, column by column.

    Going left to right, each row puts a blank or its next number in the column; only the choices
    that keep the column's sums (（七）总计 = (一)…(六); 第一项＋第二项＝第三项＋第四项) go on. The
    placements left at the end must keep each row's own sum too. Returns None when the search
    grows too large or no placement keeps the sums.
    """
    form = grid.form
    ids = form.t3_rows
    coef_a = {r: 1 for r in form.t3_group("results").rows}
    coef_a[ids["total"]] = -1
    coef_b = {ids["new"]: 1, ids["carried"]: 1, ids["total"]: -1, ids["carry"]: -1}
    short_ids = [row.id for row, _ in rows]
    numbers = [[cell_number(t, form.cell(row.cells[0])) for t in tokens] for row, tokens in rows]
    n = 7
    checks = []  # per column: [(coefficients of the short rows, residual of the known rows)] per sum
    for c in range(n):
        col = []
        for coef in (coef_a, coef_b):
            known = [coef[r] * grid.values[f"t3.{r}.c{c + 1}"] if grid.values[f"t3.{r}.c{c + 1}"] is not UNKNOWN
                     else UNKNOWN for r in coef if r not in short_ids]
            if UNKNOWN in known:
                continue  # a row of this sum was not read: it cannot be checked
            col.append(([coef.get(r, 0) for r in short_ids], sum(known)))
        checks.append(col)
    states: dict[tuple, list[tuple]] = {tuple(0 for _ in rows): [()]}
    for c in range(n):
        nxt: dict[tuple, list[tuple]] = {}
        for state, paths in states.items():
            options = []
            for i, (row, tokens) in enumerate(rows):
                blanks, used = state[i], c - state[i]
                left = n - c - 1
                opts = []
                if blanks < n - len(tokens) and len(tokens) - used <= left:
                    opts.append(None)
                if used < len(tokens) and (n - len(tokens)) - blanks <= left:
                    opts.append(used)
                options.append(opts)
            for choice in product(*options):
                values = [0 if k is None else numbers[i][k] for i, k in enumerate(choice)]
                if not _column_holds(values, checks[c]):
                    continue
                key = tuple(state[i] + (k is None) for i, k in enumerate(choice))
                kept = nxt.setdefault(key, [])
                kept.extend(p + (choice,) for p in paths)
                if len(kept) > MAX_PATHS:
                    return None  # too many ways: certainty about any cell cannot be had this way
            if len(nxt) > MAX_STATES:
                return None
        states = nxt
        if not states:
            return None
    found: dict[str, dict[tuple, tuple[str, list[str]]]] = {row.id: {} for row, _ in rows}
    for paths in states.values():
        for path in paths:
            texts = [[tokens[k] if k is not None else "" for k in (path[c][i] for c in range(n))]
                     for i, (row, tokens) in enumerate(rows)]
            ok = True
            for (row, _), t in zip(rows, texts):
                grid.set_row(row, t)
                ok = ok and grid.row_holds(row)
            if ok:
                for (row, _), t in zip(rows, texts):
                    found[row.id][tuple(t)] = ("placed", t)
    for row, _ in rows:
        for ref in row.cells:
            grid.values[ref] = UNKNOWN
    if not any(found.values()):
        return None
    return {row_id: list(v.values()) for row_id, v in found.items()}


def _column_holds(values: list, checks) -> bool:
    for coefs, residual in checks:
        if any(v is UNKNOWN for v, k in zip(values, coefs) if k):
            continue
        if residual + sum(k * v for k, v in zip(coefs, values)) != 0:
            return False
    return True


def fill_row(reading, row, tokens: list[str], found: list[tuple[str, list[str]]]) -> None:
    """Fill one row from the readings left for it, and say what was done."""
    form, name = reading.form, reading.name
    labels = [form.cell(ref).col_label for ref in row.cells]
    where = f"{reading.tid}.{row.id}"
    shown = "、".join(tokens)
    if not found:
        texts = (tokens + [""] * len(row.cells))[:len(row.cells)]
        for ref, text in zip(row.cells, texts):
            reading.put(ref, text)
        text = (msg.row_sums_fail_as_printed if len(tokens) == len(row.cells) else msg.row_sums_contradict)(
            name, row.label or msg.T4_ROW, shown, len(row.cells))
        reading.note(NoteCode.CELL_UNCERTAIN, text, where)
        return
    texts = []
    unsure = []
    for k, ref in enumerate(row.cells):
        seen = {re.sub(r"\s+", "", f[1][k]) for f in found}
        if len(seen) == 1:
            texts.append(found[0][1][k])
        else:
            texts.append("")
            unsure.append(k)
    for k, (ref, text) in enumerate(zip(row.cells, texts)):
        if k in unsure:
            reading.unsure(ref)
        else:
            reading.put(ref, text)
    if unsure:
        cells = [labels[k] for k in unsure]
        reading.note(NoteCode.CELL_UNCERTAIN, msg.row_uncertain(name, row.label or msg.T4_ROW, shown, len(row.cells),
                                                                cells),
                     row.cells[unsure[0]])
        return
    how = found[0][0]
    if how == "extra":
        reading.note(NoteCode.ROW_EXTRA, msg.row_extra(name, row.label, tokens[len(row.cells):]), where)
    elif how == "placed":
        blanks = [labels[k] for k, t in enumerate(texts) if not t.strip()]
        reading.note(NoteCode.CELL_PLACED, msg.row_placed(name, row.label or msg.T4_ROW, len(tokens), len(row.cells),
                                                          blanks), where)
    elif how in ("joined", "split"):
        reading.note(NoteCode.CELL_PLACED, msg.row_rejoined(name, row.label or msg.T4_ROW, shown, "、".join(texts),
                                                            how == "split"), where)


def row_sum_holds(reading, row_id: str, texts: list[str]) -> bool:
    """Whether a row of flat text, one number per cell, keeps its own sum (表三's 总计)."""
    row = next(r for r in reading.form.table(reading.tid).rows if r.id == row_id)
    grid = Grid(reading, set())
    grid.set_row(row, texts)
    return grid.row_holds(row)
