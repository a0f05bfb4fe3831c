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
    pages: list[list[str]] = []
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
                text = page.extract_text() or ""
                pages.append([ln.rstrip() for ln in text.split("\n")])
    except FileReadError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OSError, RecursionError, AssertionError, ZeroDivisionError) as exc:
        raise FileReadError(msg.bad_pdf(name)) from exc
    if not any(ln.strip() for page in pages for ln in page):
        raise FileReadError(msg.no_text_layer(name))
    # Page numbers and running headers go; the narrative's printed lines become paragraphs again.
    printed = [[PrintedLine(ln, k) for ln in page] for k, page in enumerate(pages)]
    return "\n".join(reflow(strip_page_furniture(printed)))
