"""Turn a sentence into tokens of the word classes in :mod:`.lexicon`, numbers included."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...fields import MARKER_RE
from ...textnum import find_quantities
from .lexicon import COMMON, DOCUMENTS, OTHER_DOCUMENTS, T2_VERBS, UNITS

_COUNTED = "".join(sorted(set("".join(UNITS.values()))))


class Tok(NamedTuple):
    """One token: its kind letter, key, offsets in the sentence, and for numbers the value or bound field."""

    kind: str
    key: str
    start: int
    end: int
    value: object = None  # int | Decimal for N
    field: str | None = None  # a bound field 「【本年新收·总计】件」 gives the value
    unit: str = ""


# Function words (negation onwards) come after the 表二 words, as in the lexicon's table.
_FUNCTION_START = next(i for i, (kind, _, _) in enumerate(COMMON) if kind == "X")


@lru_cache(maxsize=None)
def _words(form_id: str) -> dict[str, tuple[re.Pattern, tuple[tuple[str, str], ...]]]:
    """The format's lexicon by first character: for each character a word may start with, one
    alternation of those words, in the lexicon's order (trying 60 words at every character is slow)."""
    entries = COMMON[:_FUNCTION_START] + DOCUMENTS + OTHER_DOCUMENTS + T2_VERBS[form_id] + COMMON[_FUNCTION_START:]
    starts: dict[str, list[int]] = {}
    for i, (_, _, pattern) in enumerate(entries):
        for ch in first_chars(pattern):
            starts.setdefault(ch, []).append(i)
    out = {}
    for ch, idx in starts.items():
        rx = re.compile("|".join(f"(?P<g{k}>{entries[i][2]})" for k, i in enumerate(idx)))
        out[ch] = (rx, tuple(entries[i][:2] for i in idx))
    return out


def first_chars(pattern: str) -> frozenset[str]:
    """Return every character a match of ``pattern`` can start with (lookarounds take no character)."""
    first, nullable = _first(_parse(pattern).data)
    if nullable:
        raise ValueError(f"lexicon pattern may match nothing: {pattern}")
    return frozenset(first)


def _parse(pattern: str):
    try:
        from re import _parser  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as _parser
    return _parser.parse(pattern)


def _first(items) -> tuple[set[str], bool]:
    """(characters a sequence of parsed items can start with, whether it can match nothing)."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue
        if name == "LITERAL":
            return out | {chr(av)}, False
        if name == "IN":
            return out | _charset(av), False
        if name == "SUBPATTERN":
            sub, nullable = _first(av[-1].data if hasattr(av[-1], "data") else av[-1])
        elif name == "BRANCH":
            parts = [_first(b.data if hasattr(b, "data") else b) for b in av[1]]
            sub = set().union(*(f for f, _ in parts))
            nullable = any(n for _, n in parts)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, _, body = av
            sub, nullable = _first(body.data if hasattr(body, "data") else body)
            nullable = nullable or lo == 0
        else:
            raise ValueError(f"lexicon pattern element not understood: {name}")
        out |= sub
        if not nullable:
            return out, False
    return out, True


def _charset(items) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE":
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            chars.update("0123456789０１２３４５６７８９")
        elif name == "CATEGORY" and str(av) == "CATEGORY_SPACE":
            chars.update(" \t\n\r\f\v\u3000\xa0")
        else:
            raise ValueError(f"lexicon character class not understood: {name} {av}")
    return chars


@lru_cache(maxsize=8192)
def tokens(form_id: str, text: str) -> tuple[Tok, ...]:
    """Return the tokens of a sentence in order; plain words between them are left out."""
    words = _words(form_id)
    found: list[Tok] = []
    for q in find_quantities(text):
        if q.unit in _COUNTED:
            found.append(Tok("n" if q.approximate else "N", "", q.start, q.end, q.value, None, q.unit))
    if "【" in text:
        for m in MARKER_RE.finditer(text):
            unit = text[m.end():m.end() + 1]
            if unit and unit in _COUNTED:
                found.append(Tok("N", "", m.start(), m.end() + 1, None, m.group(1), unit))
    pos, n = 0, len(text)
    while pos < n:
        entry = words.get(text[pos])
        m = entry[0].match(text, pos) if entry else None
        if m is None:
            pos += 1
            continue
        kind, key = entry[1][int(m.lastgroup[1:])]
        found.append(Tok(kind, key, m.start(), m.end()))
        pos = m.end()
    found.sort(key=lambda t: (t.start, t.start - t.end))
    out: list[Tok] = []
    for t in found:
        if not out or t.start >= out[-1].end:
            out.append(t)
        elif t.kind in "Nn" and out[-1].kind not in "Nn":
            out[-1] = t  # a number wins over a word it overlaps
    return tuple(out)


def kinds(toks: tuple[Tok, ...]) -> str:
    """Return the token string the grammar's shapes are matched against."""
    return "".join(t.kind for t in toks)
