"""表四 read from text without cell positions: its fifteen cells from the numbers in order, by its
three sums (each 总计 the sum of the four results before it) where cells are blank or numbers wrapped."""

from __future__ import annotations

from .flat_rows import Grid, by_row, cell_number, fill_row, row_sum_holds, sum_holds
from .row_readings import WRAPS, zeros_apart

def fill_t4(reading, raw: list[str]) -> None:
    """Fill 表四's one row from its numbers in order, by its three sums where cells are missing or
    numbers wrapped in its narrow cells (「1021」 printed as 「10」「21」)."""
    row = reading.form.table("t4").rows[0]
    if len(raw) == len(row.cells) and row_sum_holds(reading, "r1", raw):
        reading.fill("r1", raw)
        return
    tokens = zeros_apart(raw)
    found = _t4_readings(tokens, reading.form)
    how = "placed" if len(tokens) < len(row.cells) else "joined"
    if not found and len(tokens) > len(row.cells):
        found = _t4_tails(tokens, reading.form)
    fill_row(reading, row, tokens, [(how, t) for t in found] if found else by_row(Grid(reading, set()), row, tokens))


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
            parts = [cell_number(t, spec) for t in five]
            if not sum_holds(parts[4], parts[:4]):  # a blank 总计 counts as 0, as in 表三
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
            if used + len(wrapped) > len(tails) or any(not WRAPS.fullmatch(five[i]) for i in wrapped):
                continue
            texts = list(five)
            for i, t in zip(wrapped, tails[used:]):
                texts[i] += t
            parts = [cell_number(t, spec) for t in texts]
            if sum_holds(parts[4], parts[:4]):
                group(g + 1, used + len(wrapped), done + texts)

    group(0, 0, [])
    return out
