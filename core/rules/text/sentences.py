"""A section's text as lines (paragraphs and headings) and sentences, with their offsets."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple


class Sentence(NamedTuple):
    """A sentence of a section: its text and offsets in that section's text."""

    start: int
    end: int
    text: str


class Line(NamedTuple):
    """One line of a section: a paragraph, or a heading that sets the topic of the lines after it."""

    start: int
    end: int
    text: str
    heading: bool


# A sentence: text up to its end marks (。！？；) or a line break, white space around it left out.
_SENTENCE = re.compile(r"[^\S\n]*([^。！？!?；;\n]*?[^。！？!?；;\s][^。！？!?；;\n]*?[。！？!?；;]*|[。！？!?；;]+)[^\S\n]*(?=\n|$|(?<=[。！？!?；;]))")
# 「（二）」「二、」「二是」「2.」: the numbering of a sub-heading or a run-in lead.
_NUMBERED = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:[、.．]|是)|\d{1,2}[.、．])")
HEADING_MAX = 24  # characters: a longer line is a paragraph


@lru_cache(maxsize=512)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Cut ``text`` into sentences (ends: 。！？； and line breaks), trimmed, with their offsets."""
    return tuple(Sentence(m.start(1), m.end(1), m.group(1)) for m in _SENTENCE.finditer(text) if m.group(1))


@lru_cache(maxsize=512)
def lines(text: str) -> tuple[Line, ...]:
    """Return the non-empty lines of ``text``, each marked as a heading or a paragraph."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(start + lead, start + lead + len(stripped), stripped, is_heading(stripped)))
    return tuple(out)


def section_sentences(text: str):
    """Yield the sentences of ``text`` line by line (each line's cut is cached: typing re-cuts one line)."""
    for line in lines(text):
        for s in sentences(line.text):
            yield Sentence(line.start + s.start, line.start + s.end, s.text)


def is_heading(line: str) -> bool:
    """Whether a line is a sub-heading: 「（二）依申请公开情况」「二是依申请公开。」「依申请公开情况：」."""
    if len(line) > HEADING_MAX:
        return False
    if line.endswith(("：", ":")):
        return True
    body = line.rstrip("。.")
    if _NUMBERED.match(line):
        return not re.search(r"[。！？；;，,]", body)
    return False


def run_in_lead(line: str) -> str | None:
    """Return the numbered lead that opens a paragraph (「（二）依申请公开情况。」), or None."""
    if not _NUMBERED.match(line):
        return None
    m = re.match(r"[^。！？；;，,：:]{1,%d}[。：:]" % HEADING_MAX, line)
    return m.group(0) if m else None
