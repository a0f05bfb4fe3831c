"""PDF with a text layer (pypdf): page text as lines, page headers and numbers dropped, paragraphs rebuilt."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from ...errors import FileReadError
from ...messages import reading as msg
from ..limits import check_pdf_content
from ..paragraphs import PrintedLine, reflow, strip_page_furniture
from . import Tok, read_bytes
from .text import text_tokens

MAX_PAGES = 200


def tokens(path: Path) -> list[Tok]:
    data = read_bytes(path, "pdf")
    return text_tokens(pdf_text(data, path.name))


def pdf_text(data: bytes, name: str) -> str:
    """Return the text of a PDF's pages, without running page headers, footers and numbers."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages: list[list[PrintedLine]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except Exception:  # noqa: BLE001 - any failure means we cannot open it
                    ok = 0
                if not ok:
                    raise FileReadError(msg.encrypted_pdf(name))
            if len(reader.pages) > MAX_PAGES:
                raise FileReadError(msg.too_many_pages(name, len(reader.pages)))
            check_pdf_content(reader, name)
            for page in reader.pages:
                pieces: list[tuple[str, float]] = []

                def visit(text, cm, tm, font, size, pieces=pieces):
                    pieces.append((text, tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

                text = page.extract_text(visitor_text=visit) or ""
                pages.append(_printed_lines(text, pieces, len(pages)))
    except FileReadError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OSError, RecursionError, AssertionError, ZeroDivisionError) as exc:
        raise FileReadError(msg.bad_pdf(name)) from exc
    if not any(ln.text.strip() for page in pages for ln in page):
        raise FileReadError(msg.no_text_layer(name))
    # Page numbers and running headers go; the narrative's printed lines become paragraphs again.
    return "\n".join(reflow(strip_page_furniture(pages)))


def _printed_lines(text: str, pieces: list[tuple[str, float]], page: int) -> list[PrintedLine]:
    """The page's lines with the left edge of each (where its first piece of text starts): pypdf hands
    the text to the visitor piece by piece, and the pieces make up exactly the text it returns."""
    if "".join(t for t, _ in pieces) != text:
        return [PrintedLine(ln.rstrip(), page) for ln in text.split("\n")]
    out: list[PrintedLine] = []
    line, left = "", None
    for piece, x in pieces:
        for i, part in enumerate(piece.split("\n")):
            if i:
                out.append(PrintedLine(line.rstrip(), page, left))
                line, left = "", None
            if left is None and part.strip():
                left = x
            line += part
    out.append(PrintedLine(line.rstrip(), page, left))
    return out
