"""Exported files as a reader sees them: LibreOffice makes the PDF (the ``office`` fixture), poppler
gives word positions."""

from __future__ import annotations

import shutil
import subprocess
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
