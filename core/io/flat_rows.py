"""Table rows read from text without cell positions: a PDF copied as text, Word's 「纯文本」.

Such a row is a label and then its numbers; a blank cell prints nothing, so a row may have fewer
numbers than cells. Where it does, the table's own sums say where the numbers stand: each 表三 row's
总计 is the sum of its six columns, each column's （七）总计 the sum of the rows above it and
第一项＋第二项＝第三项＋第四项; each 表四 总计 is the sum of its four results. Placements the sums
allow are tried; cells on which all of them agree are filled, the others are named as uncertain.
"""

from __future__ import annotations

import re
from itertools import combinations, product

from ..messages import reading as msg
from ..model.values import is_number
from .cell_values import is_value_text, parse_value
from .read_result import NoteCode
from .table_grid import Record
from .table_labels import starts_label

MAX_READINGS = 20_000  # ways to read one row that are tried


def records(tokens, need_label: bool) -> list[Record]:
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



# -- ways to read a row of numbers into its cells -------------------------------------------------
def _zeros_apart(tokens: list[str]) -> list[str]:
    """「000000」 is six zeros printed without spaces: a number never starts with 0."""
    out: list[str] = []
    for t in tokens:
        while len(t) > 1 and t[0] == "0" and t[1].isdigit():
            out.append("0")
            t = t[1:]
        out.append(t)
    return out


def _splits(token: str) -> list[tuple[str, str]]:
    """Two numbers printed without a space between them: 「371058」 → (37, 1058), …"""
    if not token.isdigit() or len(token) < 2:
        return []
    return [(token[:i], token[i:]) for i in range(1, len(token)) if token[i] != "0" or i == len(token) - 1]


_WRAPS = re.compile(r"[1-9]\d*\.?|0\.")  # the first line of a number that wrapped (「0」 is a whole number)


def readings(tokens: list[str], n: int) -> list[tuple[str, list[str]]]:
    """Ways to read a row's printed numbers as its ``n`` cells, ``(how, texts)``: the numbers as
    printed with blank cells put in ("placed"), a number that wrapped in its cell joined again
    ("joined"), or two numbers printed without a space split ("split")."""
    tokens = _zeros_apart(tokens)
    k = len(tokens)
    out: list[tuple[str, list[str]]] = []
    if k == n:
        out.append(("as-is", list(tokens)))
    if k < n:
        for places in combinations(range(n), k):
            texts = [""] * n
            for p, t in zip(places, tokens):
                texts[p] = t
            out.append(("placed", texts))
            if len(out) > MAX_READINGS:
                break
        for i, t in enumerate(tokens):
            for a, b in _splits(t):
                split = tokens[:i] + [a, b] + tokens[i + 1:]
                if len(split) == n:
                    out.append(("split", split))
    if n < k <= n + 6:
        for cuts in combinations(range(1, k), k - n):
            if len(out) > MAX_READINGS:
                break
            if any(not (re.fullmatch(r"\d+\.?", tokens[c - 1]) and re.fullmatch(r"\d+", tokens[c])) for c in cuts):
                continue
            out.append(("joined", _join_at(tokens, cuts)))
    if n < k <= n + 6:
        # Several cells wrapped on one line: their last digits come after all the first lines.
        head, tails = tokens[:n], tokens[n:]
        if all(t.isdigit() for t in tails):
            for cells in combinations(range(n), k - n):
                if all(_WRAPS.fullmatch(head[c]) for c in cells):
                    texts = list(head)
                    for c, t in zip(cells, tails):
                        texts[c] += t
                    out.append(("joined", texts))
    if k > n:
        out.append(("extra", tokens[:n]))  # numbers past the row's last cell, not read
    return out


def _join_at(tokens: list[str], cuts: tuple[int, ...]) -> list[str]:
    """Join token ``c - 1`` with token ``c`` for each cut ``c``."""
    out: list[str] = []
    for i, t in enumerate(tokens):
        if i in cuts:
            out[-1] += t
        else:
            out.append(t)
    return out



# -- the sums a reading must keep ------------------------------------------------------------------
_UNKNOWN = object()  # a cell not read (its row is missing, or its text is not a number)


def _number(text: str, spec):
    if text.isascii() and text.isdigit():
        return int(text)  # most cells: the sums try thousands of readings of them
    value, _note, _mark = parse_value(text, spec)
    if value is None:
        return 0  # printed blank or 「—」: counts as nothing in a sum
    return value if is_number(value) else _UNKNOWN


def _sum_holds(total, parts) -> bool:
    """A printed total equals its printed parts, where every one of them could be read."""
    if total is _UNKNOWN or any(p is _UNKNOWN for p in parts):
        return True
    return total == sum(parts)


class _Grid:
    """The numbers of one table as far as they are known, for checking its sums."""

    def __init__(self, reading, known_rows):
        self.form, self.tid = reading.form, reading.tid
        self.values: dict[str, object] = {}
        for row in self.form.table(self.tid).rows:
            for ref in row.cells:
                v = reading.values.get(ref)
                self.values[ref] = (0 if v is None else v) if row.id in known_rows else _UNKNOWN

    def set_row(self, row, texts: list[str]) -> None:
        for ref, text in zip(row.cells, texts):
            self.values[ref] = _number(text, self.form.cell(ref))

    def row_holds(self, row) -> bool:
        if self.tid == "t3":
            v = [self.values[r] for r in row.cells]
            return _sum_holds(v[6], v[:6])
        if self.tid == "t4":
            return all(_sum_holds(self.values[f.target], [self.values[p] for p in f.parts])
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
            if not _sum_holds(at(ids["total"]), [at(r) for r in handled]):
                return False
            left, right = (at(ids["new"]), at(ids["carried"])), (at(ids["total"]), at(ids["carry"]))
            if _UNKNOWN not in left + right and sum(left) != sum(right):
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
    grid = _Grid(reading, set(known_rows) - pending)
    found: dict[str, list[tuple[str, list[str]]]] = {}
    fewer = []
    for row_id, tokens in short:
        row = rows[row_id]
        if len(_zeros_apart(tokens)) < len(row.cells) and reading.tid == "t3":
            fewer.append((row, _zeros_apart(tokens)))
            continue
        found[row_id] = _by_row(grid, row, tokens)
        if len({tuple(t) for _, t in found[row_id]}) == 1:
            grid.set_row(row, found[row_id][0][1])  # now known: its numbers count in the column sums
    if fewer:
        placed = _by_columns(grid, fewer)
        for row, tokens in fewer:
            found[row.id] = placed[row.id] if placed is not None else _by_row(grid, row, tokens)
    for row_id, tokens in short:
        _fill(reading, rows[row_id], tokens, found[row_id])


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


def _by_row(grid: _Grid, row, tokens: list[str]) -> list[tuple[str, list[str]]]:
    """The readings of one row its own sum allows, of the simplest kind that fits."""
    fitting = []
    for how, texts in sorted(readings(tokens, len(row.cells)), key=lambda hw: _RANK[hw[0]]):
        grid.set_row(row, texts)
        if grid.row_holds(row):
            fitting.append((how, texts))
    for ref in row.cells:
        grid.values[ref] = _UNKNOWN
    if not fitting:
        return []
    best = _RANK[fitting[0][0]]
    return [hw for hw in fitting if _RANK[hw[0]] == best]


MAX_STATES = 20_000  # partial placements kept while going through 表三's columns
MAX_PATHS = 256  # ways kept to reach one partial placement; more, and no cell is called certain


def _by_columns(grid: _Grid, rows: list[tuple]) -> dict[str, list[tuple[str, list[str]]]] | None:
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
    numbers = [[_number(t, form.cell(row.cells[0])) for t in tokens] for row, tokens in rows]
    n = 7
    checks = []  # per column: [(coefficients of the short rows, residual of the known rows)] per sum
    for c in range(n):
        col = []
        for coef in (coef_a, coef_b):
            known = [coef[r] * grid.values[f"t3.{r}.c{c + 1}"] if grid.values[f"t3.{r}.c{c + 1}"] is not _UNKNOWN
                     else _UNKNOWN for r in coef if r not in short_ids]
            if _UNKNOWN in known:
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
            grid.values[ref] = _UNKNOWN
    if not any(found.values()):
        return None
    return {row_id: list(v.values()) for row_id, v in found.items()}


def _column_holds(values: list, checks) -> bool:
    for coefs, residual in checks:
        if any(v is _UNKNOWN for v, k in zip(values, coefs) if k):
            continue
        if residual + sum(k * v for k, v in zip(coefs, values)) != 0:
            return False
    return True


def _fill(reading, row, tokens: list[str], found: list[tuple[str, list[str]]]) -> None:
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
    grid = _Grid(reading, set())
    grid.set_row(row, texts)
    return grid.row_holds(row)


def fill_t4(reading, raw: list[str]) -> None:
    """Fill 表四's one row from its numbers in order, by its three sums where cells are missing or
    numbers wrapped in its narrow cells (「1021」 printed as 「10」「21」)."""
    row = reading.form.table("t4").rows[0]
    if len(raw) == len(row.cells) and row_sum_holds(reading, "r1", raw):
        reading.fill("r1", raw)
        return
    tokens = _zeros_apart(raw)
    found = _t4_readings(tokens, reading.form)
    how = "placed" if len(tokens) < len(row.cells) else "joined"
    if not found and len(tokens) > len(row.cells):
        found = _t4_tails(tokens, reading.form)
    _fill(reading, row, tokens, [(how, t) for t in found] if found else _by_row(_Grid(reading, set()), row, tokens))


MAX_T4 = 2000  # readings of 表四 kept; more, and no cell is called certain


def _t4_readings(tokens: list[str], form) -> list[list[str]] | None:
    """Every way to read 表四's tokens as its 15 cells, three groups of five whose 总计 is the sum
    of the four before it: each cell takes no token (blank), or one to three (a number wrapped in
    its cell). None when there are too many ways to tell."""
    spec = form.cell("t4.f1")
    out: list[list[str]] = []
    n, k = 15, len(tokens)
    # Blank cells only as many as the count of numbers needs: a number that wrapped and a blank
    # cell in one row cannot both be told by three sums.
    max_blanks = max(0, n - k)

    def cells(start: int, left: int, blanks: int):
        """Ways to read ``left`` cells from tokens[start:]: (texts, next start, blanks used)."""
        if left == 0:
            yield [], start, blanks
            return
        for take in (0, 1, 2, 3):
            if start + take > k:
                break
            if take == 0 and blanks >= max_blanks:
                continue
            text = "".join(tokens[start:start + take])
            if take > 1 and (not text.isdigit() or text[0] == "0" or len(text) > 6):
                continue
            for more, end, used in cells(start + take, left - 1, blanks + (take == 0)):
                yield [text, *more], end, used

    def group(start: int, done: list[str], blanks: int) -> bool:
        if len(done) == 15:
            if start == k:
                out.append(done)
            return len(out) <= MAX_T4
        cells_after = 15 - len(done) - 5
        for five, end, used in cells(start, 5, blanks):
            if k - end > 3 * cells_after or (cells_after == 0 and end != k):
                continue
            parts = [_number(t, spec) for t in five]
            if not _sum_holds(parts[4], parts[:4]):  # a blank 总计 counts as 0, as in 表三
                continue
            if not group(end, done + five, used):
                return False
        return True

    if not group(0, [], 0):
        return None
    return out


def _t4_tails(tokens: list[str], form) -> list[list[str]]:
    """The readings of 表四 whose cells wrapped on one printed line: the first parts of all 15 cells,
    then the last parts of those that wrapped, in order; each group's 总计 the sum of the four before it."""
    spec = form.cell("t4.f1")
    heads, tails = tokens[:15], tokens[15:]
    if len(heads) < 15 or not all(t.isdigit() for t in tails):
        return []
    out: list[list[str]] = []

    def group(g: int, used: int, done: list[str]) -> None:
        if g == 3:
            if used == len(tails):
                out.append(done)
            return
        five = heads[5 * g:5 * g + 5]
        for mask in range(32):
            wrapped = [i for i in range(5) if mask >> i & 1]
            if used + len(wrapped) > len(tails) or any(not _WRAPS.fullmatch(five[i]) for i in wrapped):
                continue
            texts = list(five)
            for i, t in zip(wrapped, tails[used:]):
                texts[i] += t
            parts = [_number(t, spec) for t in texts]
            if _sum_holds(parts[4], parts[:4]):
                group(g + 1, used + len(wrapped), done + texts)

    group(0, 0, [])
    return out
