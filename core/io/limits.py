"""How much work reading one document may cost, and the guards readers call at their entry points.

A small hostile file can ask for a lot of work: one ``<mergeCell ref="A1:GR2000"/>``, a table
of ``rowspan=100`` cells, a PDF page whose 16 KB inflate to 5 MB of drawing commands. Readers
cap the *work* here, not only the bytes, and refuse with a Chinese message. The numbers are far
above any real annual report (a real one has about 60 table rows and 20 KB of PDF content per page).
Time and memory as a whole are bounded by running the import in a worker process
(:mod:`core.io.import_worker`).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import FileReadError
from ..messages import files, reading
from ..messages import limits as text
from .os_errors import read_error

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # a document to import (DOCX, XLSX, PDF, HTML, text)
MAX_PROJECT_BYTES = 20 * 1024 * 1024  # a project file (.nianbao)

MAX_TABLE_ROWS = 5000  # table rows in a whole document (DOCX, HTML)
MAX_SHEET_ROWS = 100_000  # <row> elements in one XLSX sheet; only the first few thousand are read
MAX_MERGED_CELLS = 50_000  # cells covered by merges (XLSX mergeCell, HTML rowspan × colspan) in a document
MAX_PAGE_OBJECTS = 20_000  # PDF drawing objects of one page; a real report page has a few hundred
MAX_PDF_OBJECTS = 100_000  # … and of the whole document (a 130-page report has about 40,000)
MAX_PDF_CHARS = 400_000  # characters of a PDF's text (a 130-page report has about 120,000)


def read_regular_file(path: str | os.PathLike, max_bytes: int) -> bytes:
    """Return the bytes of ``path``, refusing folders, pipes, devices and files over ``max_bytes``.

    A FIFO is opened without blocking (O_NONBLOCK) and refused; a symbolic-link loop or an
    unreadable file gives a Chinese message.
    """
    path = Path(path)
    if path.is_dir():
        raise FileReadError(reading.is_folder(path))
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise FileReadError(reading.file_not_found(path)) from exc
    except IsADirectoryError as exc:
        raise FileReadError(reading.is_folder(path)) from exc
    except OSError as exc:
        raise read_error(exc, path) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileReadError(reading.is_folder(path))
        if not stat.S_ISREG(info.st_mode):
            raise FileReadError(files.not_regular(path.name))
        if info.st_size > max_bytes:
            raise FileReadError(reading.too_large(path.name, info.st_size / 1024 / 1024))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise read_error(exc, path) from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FileReadError(reading.too_large(path.name, len(data) / 1024 / 1024))
    return data


class WorkBudget:
    """What one document's reader may still spend; :meth:`spend` refuses the file when it runs out."""

    def __init__(self, name: str):
        self.name = name
        self.rows = 0
        self.merged = 0

    def table_row(self, n: int = 1) -> None:
        """Count ``n`` table rows read."""
        self.rows += n
        if self.rows > MAX_TABLE_ROWS:
            raise FileReadError(text.too_many_rows(self.name, MAX_TABLE_ROWS))

    def merged_cells(self, n: int) -> None:
        """Count ``n`` grid positions covered by merged cells."""
        self.merged += n
        if self.merged > MAX_MERGED_CELLS:
            raise FileReadError(text.merges_too_big(self.name))


def count_elements(xml: bytes, local_name: bytes) -> int:
    """Count start tags ``<name`` or ``<prefix:name`` in raw XML (cheap, before parsing it)."""
    return len(re.findall(rb"<(?:[A-Za-z_][\w.-]*:)?" + re.escape(local_name) + rb"[\s>/]", xml))


def check_sheet_rows(xml: bytes, name: str, sheet: str) -> None:
    """Refuse a worksheet with more rows than any report before its XML is parsed."""
    if xml.count(b"row") > MAX_SHEET_ROWS and count_elements(xml, b"row") > MAX_SHEET_ROWS:
        raise FileReadError(text.sheet_too_many_rows(name, sheet, MAX_SHEET_ROWS))


def check_docx_rows(xml: bytes, name: str) -> None:
    """Refuse a Word body with more table rows than any report before its XML is parsed."""
    if xml.count(b"tr") > MAX_TABLE_ROWS and count_elements(xml, b"tr") > MAX_TABLE_ROWS:
        raise FileReadError(text.too_many_rows(name, MAX_TABLE_ROWS))


# -- PDF -------------------------------------------------------------------------------------
class PdfBudget:
    """What reading one PDF may cost: drawing objects per page and in all, and characters.

    PDFium parses a page's content when the page is loaded; counting its objects before reading
    them refuses a page of 5 MB of drawing commands (a 16 KB file) before any work is done on it.
    """

    def __init__(self, name: str):
        self.name = name
        self.objects = 0
        self.chars = 0

    def page(self, number: int, objects: int) -> None:
        if objects > MAX_PAGE_OBJECTS:
            raise FileReadError(text.pdf_page_too_big(self.name, number))
        self.objects += objects
        if self.objects > MAX_PDF_OBJECTS:
            raise FileReadError(text.pdf_too_big(self.name, MAX_PDF_OBJECTS))

    def text(self, chars: int) -> None:
        self.chars += chars
        if self.chars > MAX_PDF_CHARS:
            raise FileReadError(text.pdf_too_much_text(self.name))
