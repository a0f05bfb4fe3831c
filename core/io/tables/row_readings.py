"""Ways to read a row's printed numbers as its cells, when they are not one number a cell: blank cells
(nothing printed), a number that wrapped in its narrow cell (「10」「21」 for 1021, or the last digits of
several cells after all their first lines), two numbers printed without a space, zeros run together.
Which of them is right, the table's sums decide (:mod:`core.io.tables.flat_rows`)."""

from __future__ import annotations

import re
from itertools import combinations

MAX_READINGS = 20_000  # ways to read one row that are tried


def zeros_apart(tokens: list[str]) -> list[str]:
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


WRAPS = re.compile(r"[1-9]\d*\.?|0\.")  # the first line of a number that wrapped (「0」 is a whole number)


def readings(tokens: list[str], n: int) -> list[tuple[str, list[str]]]:
    """Ways to read a row's printed numbers as its ``n`` cells, ``(how, texts)``: the numbers as
    printed with blank cells put in ("placed"), a number that wrapped in its cell joined again
    ("joined"), or two numbers printed without a space split ("split")."""
    tokens = zeros_apart(tokens)
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
                if all(WRAPS.fullmatch(head[c]) for c in cells):
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
