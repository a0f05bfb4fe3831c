"""Exported files as a reader sees them: LibreOffice makes the PDF, poppler gives word positions."""

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


def to_pdf(paths: list[Path], outdir: Path) -> list[Path]:
    """Convert documents to PDF with LibreOffice in one run (one start-up for all of them)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([soffice, f"-env:UserInstallation=file://{outdir}/lo-profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(outdir), *map(str, paths)],
                          capture_output=True, text=True, timeout=300)
    pdfs = [outdir / (p.stem + ".pdf") for p in paths]
    missing = [p.name for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice made no PDF of {missing}: {proc.stderr[-500:]}"
    return pdfs


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
