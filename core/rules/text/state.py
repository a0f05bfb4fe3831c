"""The state while a sentence is read: what the paragraph said before, and what this sentence said so far."""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexer import Tok
from .lexicon import MAIN_FIGURES, UNITS


class Said(NamedTuple):
    """A figure a sentence states: the figure's key, its value (None when ``field`` gives it)."""

    figure: str
    value: object
    field: str | None


class Context(NamedTuple):
    """What the paragraph has said so far."""

    about: bool = False  # about information-disclosure requests (a heading or an earlier sentence said so)
    main: str | None = None  # the last 表三 figure named: applicants belong to 收到/新收
    case: str | None = None  # 表四: review | suit, what 维持/纠正 belong to
    doc: str | None = None  # 表二: gz | gf
    verb: str | None = None  # 表二: zf, fz, yx (2019: xz, xg, zs)


class Reading:
    """The state while one sentence is read: the paragraph's context and what this sentence said so far."""

    def __init__(self, text: str, toks: tuple[Tok, ...], ctx: Context, year: int | None):
        self.text, self.toks, self.year = text, toks, year
        self.ctx = ctx
        self.scope: object = "this"  # the year the words are about: "this", a year, "prev", "next", "span"
        self.topic: str | None = None  # "request" | "other" | None (the paragraph's topic stands)
        # the sentence speaks of 「申请」 (「收到申请12件」「上年结转的2件申请」)
        self.asked = any(t.kind == "t" or (t.kind == "T" and t.key == "request")
                         or (t.kind == "F" and "申请" in text[t.start:t.end]) for t in toks)

    def take(self, tok: Tok) -> None:
        """Let a token change the state."""
        kind, key = tok.kind, tok.key
        if kind == "Y":
            self.scope = _scope(key, self.text[tok.start:tok.end])
        elif kind == "T":
            self.topic = "request"
            self.ctx = self.ctx._replace(about=True)
        elif kind == "O":
            self.topic = "other"
        elif kind == "F":
            self.ctx = self.ctx._replace(main=key)
        elif kind == "V":
            self.ctx = self.ctx._replace(case=key)
        elif kind == "D":
            self.ctx = self.ctx._replace(doc=key)
        elif kind == "K":
            self.ctx = self.ctx._replace(doc=None)
        elif kind == "W":
            self.ctx = self.ctx._replace(verb=key)

    def save(self) -> tuple:
        return self.ctx, self.scope, self.topic

    def restore(self, saved: tuple) -> None:
        self.ctx, self.scope, self.topic = saved

    # -- conditions ------------------------------------------------------------------------
    def this_year(self) -> bool:
        if self.scope == "this":
            return True
        if self.year is None:
            return self.scope not in ("prev", "next", "span")
        return self.scope == self.year

    def about_disclosure(self) -> bool:
        """Whether the words here are about 政府信息公开: the sentence or the paragraph says so."""
        return self.topic == "request" or (self.topic is None and self.ctx.about)

    def about_requests(self) -> bool:
        """Whether the words here are about information-disclosure requests: as :meth:`about_disclosure`,
        or the sentence speaks of 申请 and of no other topic (「收到申请12件」)."""
        return self.about_disclosure() or (self.topic is None and self.asked)

    def t3_number(self, n: Tok) -> bool:
        """Whether ``n`` may be a 表三 count here: its measure word, this year, not another topic."""
        return n.unit in UNITS["t3"] and self.this_year() and self.topic != "other"

    def t3(self, key: str, n: Tok) -> bool:
        """Whether ``n`` may state the 表三 figure of the word ``key`` here."""
        if not self.t3_number(n):
            return False
        if key in MAIN_FIGURES:
            return self.about_requests() and (key not in ("received", "new") or self.asked)
        return True

    def t4(self, n: Tok) -> bool:
        # 「受理行政复议申请32件」 in a 司法局's report is every case: only those about 政府信息公开 count.
        return n.unit in UNITS["t4"] and self.this_year() and self.about_disclosure()

    def t2(self, n: Tok) -> bool:
        return n.unit in UNITS["t2"] and self.this_year() and self.topic != "other"

    def clause_has(self, first: Tok, kinds: str) -> bool:
        """Whether the clause around ``first`` (between separators) holds a token of ``kinds``."""
        j = self.toks.index(first)
        while j > 0 and self.toks[j - 1].kind not in ",()":
            j -= 1
        while j < len(self.toks) and self.toks[j].kind not in ",()":
            if self.toks[j].kind in kinds:
                return True
            j += 1
        return False

    def clause_has_number(self, first: Tok) -> bool:
        return self.clause_has(first, "Nn")


def _scope(key: str, word: str) -> object:
    if key in ("year", "date"):
        return int(re.match(r"\d{4}", word).group(0))
    return key  # this | prev | next | span
