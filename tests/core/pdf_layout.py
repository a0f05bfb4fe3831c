"""Exported files as a reader sees them: LibreOffice makes the PDF (the ``office`` fixture), poppler
gives word positions."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

XHTML = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4
LEFT = 28 * MM  # GB/T 9704 text block, in PDF points
RIGHT = LEFT + 156 * MM


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.skip(f"{program} is not installed")
    return path


def lines(pdf: Path) -> list[Line]:
    """Every text line of the PDF with its words and their boxes (``pdftotext -bbox-layout``)."""
    from lxml import etree

    exe = need("pdftotext")
    xml = subprocess.run([exe, "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    out = []
    for n, page in enumerate(root.iter(XHTML + "page"), 1):
        for line in page.iter(XHTML + "line"):
            words = tuple(Word(n, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")
                          for w in line.iter(XHTML + "word"))
            box = [float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            out.append(Line(n, *box, words))
    return out


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


# -- body lines and lost characters (tests/core/test_export_layout.py, bench/punctuation.py) --
PUNCTUATION = set("，。、；：！？”’）》〕】」』…—（《〔【「『“‘")
BODY_LINE_HEIGHT = (18, 24)  # a 三号 (16 pt) body line as poppler boxes it, in points


PAGE_NUMBER = re.compile(r"^—\d+—$")


def full_body_lines(found: list[Line]):
    """(line, the next line's text) for each line of 三号 body text that runs from the left to the
    right edge of the text block, all of it full-width characters (page numbers are skipped when
    looking for the next line: a paragraph goes on overleaf)."""
    low, high = BODY_LINE_HEIGHT
    texts = [line.text for line in found]
    for i, line in enumerate(found):
        if low < line.height < high and abs(line.x0 - LEFT) < 2 and line.x1 > RIGHT - 4 \
                and all(unicodedata.east_asian_width(ch) in "WF" for ch in line.text):
            after = next((t for t in texts[i + 1:] if not PAGE_NUMBER.match(t)), "")
            yield line, after


def body_line_counts(found: list[Line]) -> tuple[list[int], int]:
    """Characters in each full body line, and how many lines were left out as 27 by 行首行尾禁则:
    a bracket may not end a line and a comma may not begin one, so the word processor moves a
    character (with the comma after it) down and spreads the other 27 over the line."""
    counts, kinsoku = [], 0
    for line, after in full_body_lines(found):
        n = len(line.text)
        if line.x1 > RIGHT + 8:  # a full stop or comma hanging in the margin is not in the block
            n -= 1
        if n == 27 and (line.text[-1] in PUNCTUATION or set(after[:2]) & PUNCTUATION):
            kinsoku += 1
            continue
        counts.append(n)
    return counts, kinsoku


def pdf_text(pdf: Path) -> str:
    """Every character PDFium finds on the pages, in order (``pdftotext`` would drop a hyphen at a
    line end as a word broken by hyphenation: 「0816-」 / 「8822111」)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def docx_paragraphs(docx: Path) -> list[str]:
    """The text of every paragraph of the DOCX body outside tables (title, headings, body, signature)."""
    from docx import Document

    return [p.text for p in Document(str(docx)).paragraphs if p.text.strip()]


def lost_characters(paragraphs: list[str], text: str) -> list[tuple[str, str]]:
    """(character, where) for each character of ``paragraphs`` that is not in ``text``, in order.

    Whitespace is ignored on both sides. Each paragraph is matched against the text that follows
    the previous one (page numbers and table cells in between are extra text, not losses).
    """
    from difflib import SequenceMatcher

    hay = "".join(text.split())
    pos, lost = 0, []
    for para in paragraphs:
        want = "".join(para.split())
        window = hay[pos:pos + 2 * len(want) + 4000]  # a whole table may come between
        matcher = SequenceMatcher(None, want, window, autojunk=False)
        got = [False] * len(want)
        end = 0
        for a, b, size in matcher.get_matching_blocks():
            if size:
                got[a:a + size] = [True] * size
                end = b + size
        for i, ok in enumerate(got):
            if not ok:
                lost.append((want[i], want[max(0, i - 8):i] + "▯" + want[i + 1:i + 9]))
        pos += end
    return lost


# Filler for the planted corpus: common characters of the reports, no punctuation.
FILLER = ("本机关坚持以公开为常态不公开为例外全面推进决策执行管理服务结果公开依法依规做好政府"
          "信息公开申请办理工作进一步提升政务公开质量和实效切实保障人民群众知情权参与权表达权监督权")
PLANTED_MARKS = "，。；：、"
LEADS = ("", "共1件", "12345", "共 6 个", "2.5万元")


def planted_paragraphs(lines: int = 4) -> list[str]:
    """Paragraphs with a punctuation mark every 28 characters, at every offset and for every mark
    of ``PLANTED_MARKS``, so that with 28 characters a line some land at each line end; each also
    after a number (half-width digits shift the line by a fraction of a character: with the
    tests' fonts, LibreOffice 7.4 lost a hanging mark after 「共1件」 and 「12345」, not after none)."""
    import random

    out = []
    for lead in LEADS:
        for mark in PLANTED_MARKS:
            for offset in range(28):
                pick = random.Random(len(out)).choice  # paragraphs unlike each other, the same every run
                chars = []
                for i in range(28 * lines):
                    chars.append(mark if i % 28 == offset else pick(FILLER))
                out.append(lead + "".join(chars) + "。")
    return out
