"""Printed lines back into paragraphs: what a PDF (or text copied from one) gives, as the clerk wrote it.

A PDF has no paragraphs, only printed lines: 「受理政\\n府信息公开申请」 is one word, 「- 2 -」 and the
title repeated at the head of every page are not the report's text. These functions are pure: they
take lines (with the page they are on and, when the reader knows it, their left edge) and give text.

* :func:`strip_page_furniture` drops page numbers and running headers and footers, page by page.
* :func:`rebuild` joins the lines of one passage into paragraphs: a line that does not end a
  sentence goes on in the next one; an indented line (first-line indent) starts a new paragraph;
  so do headings and a line after a short one (a paragraph's last line).
* :func:`reflow` does both for a whole report's lines, leaving the statistical tables' rows alone.
* :func:`reflow_text` does it for a text file when it is such a copy, and cuts a web page crawled
  onto one line (no line breaks at all) at its section headings (:func:`split_run_on`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from .narrative import heading_section, inline_headings, is_note, is_page_noise

TABLE_SECTIONS = ("t2", "t3", "t4")
# A line ending a sentence, perhaps inside closing quotes: 「…。」」「…。）」. (「；」「：」 end a line
# inside a sentence as often as not: 「联系电话：」.)
_SENTENCE_END = re.compile(r"[。！？!?][”」』’）)]*$")
_NUMBERED = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．](?!\d))")
_DIGITS = re.compile(r"\d+")
_LATIN_END = re.compile(r"[A-Za-z0-9/:.@_\-]$")
_LATIN_START = re.compile(r"[A-Za-z0-9]")
SHORT = 0.8  # a line narrower than this share of a full one is a paragraph's last line, or a title


@dataclass(frozen=True)
class PrintedLine:
    """One printed line: its text, the page it is on, and its left edge in points when known."""

    text: str
    page: int = 0
    x: float | None = None


def width(text: str) -> float:
    """Printed width in Chinese characters: CJK and full-width count 1, the rest ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


# -- page numbers, running headers and footers ---------------------------------------------------

def strip_page_furniture(pages: Sequence[Sequence[PrintedLine]]) -> list[PrintedLine]:
    """Return the lines of all pages without page numbers and running headers or footers.

    A running line is one that stands among the first or last two lines of at least two pages
    (page numbers inside it ignored: 「某县2024年年报 第2页」). The document's very first line is
    kept when it repeats unchanged as a running header: it is the title.
    """
    edges: Counter = Counter()
    texts: dict[str, set[str]] = {}
    for page in pages:
        body = [ln.text.strip() for ln in page if ln.text.strip()]
        for text in set(body[:2] + body[-2:]):
            edges[_shape(text)] += 1
            texts.setdefault(_shape(text), set()).add(text)
    running = {shape for shape, n in edges.items()
               if n >= 2 and len(shape) <= 40 and re.search(r"[\u4e00-\u9fff]{2}", shape)}
    numbered = {shape for shape in running if len(texts[shape]) > 1}  # 「…年报 第2页」: no title
    out: list[PrintedLine] = []
    for k, page in enumerate(pages):
        body = [ln for ln in page if ln.text.strip()]
        edge = {id(ln) for ln in body[:2] + body[-2:]}
        while body and _page_number(body[-1].text, k):
            body.pop()  # at the foot of the page
        while body and _page_number(body[0].text, k):
            body.pop(0)  # or at its head
        for ln in body:
            text = ln.text.strip()
            if is_page_noise(text):
                continue
            if id(ln) in edge and _shape(text) in running and (out or _shape(text) in numbered):
                continue
            out.append(ln)
    return out


def _shape(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


def _page_number(text: str, k: int) -> bool:
    s = unicodedata.normalize("NFKC", text).strip()
    return is_page_noise(s) or (s.isdigit() and int(s) in (k, k + 1, k + 2))


# -- paragraphs ------------------------------------------------------------------------------------

def rebuild(lines: Sequence[PrintedLine], full: float | None = None) -> list[str]:
    """Join the printed lines of one passage into its paragraphs; ``full`` is the width of a full
    line (the text block's measure), by default measured on the passage itself."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    full = full or full_width(lines)
    body_x = _body_x(lines)
    paras: list[str] = []
    for i, ln in enumerate(lines):
        text = tidy(ln.text.strip())
        after = lines[i + 1] if i + 1 < len(lines) else None
        if i == 0 or _starts_paragraph(lines[i - 1], ln, after, full, body_x):
            paras.append(text)
        else:
            paras[-1] += text
    return paras


# A PDF's text layer puts spaces where the printed line was stretched or a digit met a Chinese
# character (「2024 年1 月」「邮 编 :」): none belongs between Chinese text and what stands beside it.
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}0-9,.:;()])|(?<=[{_CJK}0-9,.:;()])[ \t]+(?=[{_CJK}])")


def tidy(text: str) -> str:
    """Drop the spaces a PDF's text layer puts between Chinese characters and beside them."""
    return _GAP.sub("", text)


def full_width(lines: Sequence[PrintedLine]) -> float:
    """The width of a full line: what the widest tenth of the lines reach (justified text)."""
    widths = sorted((width(ln.text.strip()) for ln in lines if ln.text.strip()), reverse=True)
    return widths[len(widths) // 10] if widths else 0.0


def _body_x(lines: Sequence[PrintedLine]) -> float | None:
    """The left edge most lines share (the text block's margin), or None without positions."""
    xs = [round(ln.x) for ln in lines if ln.x is not None]
    if len(xs) < 2:
        return None
    return Counter(xs).most_common(1)[0][0]


def _starts_paragraph(prev: PrintedLine, ln: PrintedLine, after: PrintedLine | None, full: float,
                      body_x: float | None) -> bool:
    before, text = prev.text.strip(), ln.text.strip()
    if _is_heading(before) or _is_heading(text):
        return True
    if body_x is not None and ln.x is not None:
        if ln.x - body_x >= 8:  # an indented first line (two characters at any body size)
            return True
    if _LATIN_END.search(before) and _LATIN_START.match(text):
        return False  # a web address or a number too long for the line was put on the next one
    w = width(before)
    if _SENTENCE_END.search(before):
        if w < full - 4.5 or _NUMBERED.match(text):
            return True  # the paragraph's last line, short of the margin; or 「（三）…」 opens the next
        if body_x is not None and ln.x is not None:
            return False  # a full line: an unindented next line goes on with the paragraph
        # Without positions: a first line is indented two characters, so it holds about two fewer
        # than a full line; a line that goes on with the paragraph is full, or short as its last —
        # a short line that ends no sentence is a signature or a heading of its own.
        w_text = width(text)
        if w_text < SHORT * full:
            return not _SENTENCE_END.search(text)
        return full - 4.5 <= w_text <= full - 1.5
    # A justified line's text may be narrower than the measure (spacing, half-width digits, the
    # first line's indent): only a clearly short line ends its paragraph (or is a title).
    return w < SHORT * full


def _is_heading(text: str) -> bool:
    if heading_section(text):
        return True
    return bool(_NUMBERED.match(text)) and width(text) <= 24 and not re.search(r"[。；，,]", text.rstrip("。"))


# -- a whole report ------------------------------------------------------------------------------

def reflow(lines: Sequence[PrintedLine]) -> list[str]:
    """Return a report's text lines: narrative passages as paragraphs, table sections line by line
    (but for a note under a table that wrapped over lines: 「本年度未发生…行政复\n议。」)."""
    narrative, sec = [], None
    for ln in lines:
        sec = heading_section(ln.text.strip()) or sec
        if sec not in TABLE_SECTIONS:
            narrative.append(ln)
    full = full_width(narrative)
    out: list[str] = []
    passage: list[PrintedLine] = []
    section: str | None = None

    def flush():
        out.extend(_table_lines(passage) if section in TABLE_SECTIONS else rebuild(passage, full))
        passage.clear()

    for ln in lines:
        text = ln.text.strip()
        heading = heading_section(text)
        if heading:
            flush()
            section = heading
            out.append(text)
        else:
            passage.append(ln)
    flush()
    return out


_VALUES = re.compile(r"(?:^|\s)[-+]?\d[\d.,]*\s*$|\s\d")  # a table row's numbers


def _table_lines(lines: Sequence[PrintedLine]) -> list[str]:
    """A table section's lines as they are, except a wrapped sentence (a note), joined again."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        text = lines[i].text.rstrip()
        j, joined = i, text.strip()
        while (not is_note(joined) and j + 1 < len(lines) and j - i < 5 and not _VALUES.search(joined)
               and not _VALUES.search(lines[j + 1].text)):
            j += 1
            joined = tidy(joined + lines[j].text.strip())
        if j > i and is_note(joined):
            out.append(joined)
            i = j + 1
        else:
            out.append(text)
            i += 1
    return out


def looks_printed(lines: Iterable[str]) -> bool:
    """Whether text lines are printed lines (a copy out of a PDF viewer), not one paragraph a line.

    Printed lines share one full width and most of them stop there without ending a sentence;
    paragraphs typed in Word end with 。 and have all lengths.
    """
    texts, section = [], None
    for ln in lines:
        stripped = ln.strip()
        section = heading_section(stripped) or section
        if section not in TABLE_SECTIONS and not ln.startswith("\t") and width(stripped) >= 12:
            texts.append(stripped)  # narrative lines only: table cells are short and alike
    if len(texts) < 6:
        return False
    widths = Counter(round(width(t)) for t in texts)
    full, _ = max(widths.items(), key=lambda kv: (sum(widths.get(kv[0] + d, 0) for d in (-1, 0, 1)), kv[0]))
    at_full = [t for t in texts if abs(width(t) - full) <= 1.5]
    open_ended = [t for t in at_full if not _SENTENCE_END.search(t)]
    return len(at_full) >= 0.4 * len(texts) and len(open_ended) >= 0.5 * len(at_full)


# -- text files: copies out of a PDF viewer, and a web page crawled onto one line -----------------

def reflow_text(text: str) -> str:
    """Return a text file's lines as paragraphs when it is a copy of printed lines or of a whole web
    page on one line; any other text is returned as it is."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) <= 3 and len(inline_headings(text)) >= 3:
        return "\n".join(split_run_on(text))
    if not looks_printed(lines):
        return text
    title = next((ln.strip() for ln in lines if ln.strip()), "")
    printed = [PrintedLine(ln) for k, ln in enumerate(lines)
               if not is_page_noise(ln) and not (k and ln.strip() == title and title)]
    return "\n".join(reflow(printed))


def split_run_on(text: str) -> list[str]:
    """Cut a page crawled onto one line into lines at its section headings.

    The narrative parts are cut where the crawler joined two paragraphs (a space after 。, or around
    Chinese text); the tables' parts into one cell a line, as a crawler writes cells apart by spaces.
    """
    heads = [h for h in inline_headings(text)]
    out: list[str] = []
    pos, section = 0, None
    for start, end, sec in heads + [(len(text), len(text), None)]:
        part = text[pos:start]
        if section in TABLE_SECTIONS:
            out.extend(part.split())
        else:
            out.extend(p for p in _RUN_ON_BREAK.split(part) if p.strip())
        if sec is not None:
            out.append(text[start:end].strip())
        pos, section = end, sec
    return [ln.strip() for ln in out if ln.strip()]


# A crawler's space between two paragraphs, or between a title, a date and a site's links: any run of
# white space next to Chinese text (spaces between Latin words stay).
_RUN_ON_BREAK = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
