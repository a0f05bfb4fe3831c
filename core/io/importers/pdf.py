"""PDF with a text layer (pypdf): page text as lines, page headers and numbers dropped."""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from pathlib import Path

from ...errors import FileReadError
from ...messages import reading as msg
from ..limits import check_pdf_content
from ..narrative import is_page_noise
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
    # A line that starts or ends several pages is a running header or footer.
    edges = Counter()
    for page in pages:
        body = [ln.strip() for ln in page if ln.strip()]
        for ln in set(body[:2] + body[-2:]):
            edges[ln] += 1
    running = {ln for ln, n in edges.items()
               if n >= 2 and len(ln) <= 40 and re.search(r"[\u4e00-\u9fff]{2}", ln)}
    lines: list[str] = []
    for page in pages:
        body = [ln for ln in page if ln.strip()]
        while body and (is_page_noise(body[-1]) or body[-1].strip().isdigit()):
            body.pop()  # the page number at the foot of the page
        lines.extend(ln for ln in body if ln.strip() not in running or not lines)
    return "\n".join(lines)
