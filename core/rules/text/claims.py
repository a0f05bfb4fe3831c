"""Every figure a section's text states, read sentence by sentence with the paragraph's context.

A sub-heading (「（二）依申请公开情况」, 「二是依申请公开。」, 「依申请公开情况：」) sets the topic of the
paragraphs after it until the next one; inside a paragraph each sentence hands its context
(:class:`.grammar.Context`) to the next. Both steps are cached: typing re-reads one sentence,
and the sentences after it only when what it hands on changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .grammar import Context, Said, read
from .lexer import tokens
from .sentences import Sentence, lines, run_in_lead, sentences


@dataclass(frozen=True)
class Claim:
    """A figure stated in a sentence: its value (or the bound field that gives it)."""

    figure: str
    value: object  # int | Decimal; None when ``field`` gives the value
    field: str | None
    sentence: Sentence


@lru_cache(maxsize=512)
def claims(form_id: str, year: int | None, text: str, about: bool = False) -> tuple[Claim, ...]:
    """Return every figure ``text`` states clearly enough to compare, in order; ``about``: the whole
    text is about information-disclosure requests (the note under 表三 or 表四)."""
    out: list[Claim] = []
    heading_about = about
    for line in lines(text):
        lead = run_in_lead(line.text)
        if line.heading or lead:
            heading_about = _about_requests(form_id, lead or line.text)
        ctx = Context(about=heading_about)
        for s in sentences(line.text):
            said, ctx = _sentence(form_id, year, s.text, ctx)
            if said:
                where = Sentence(line.start + s.start, line.start + s.end, s.text)
                out.extend(Claim(x.figure, x.value, x.field, where) for x in said)
    return tuple(out)


@lru_cache(maxsize=8192)
def _sentence(form_id: str, year: int | None, text: str, ctx: Context) -> tuple[tuple[Said, ...], Context]:
    return read(form_id, text, ctx, year)


@lru_cache(maxsize=1024)
def _about_requests(form_id: str, heading: str) -> bool:
    """Whether a sub-heading is about requests, 行政复议 or 行政诉讼 (the paragraphs under it are)."""
    return any((t.kind == "T" and t.key == "request") or t.kind in "tVF" for t in tokens(form_id, heading))
