"""Readers for files a clerk may have last year's report in; each yields one token stream.

Every reader turns its file into a list of :class:`Tok` — narrative paragraphs, table cells and
row/table boundaries — with ``tokens(path)``; :func:`core.io.reader.import_file` feeds that stream
to the one shared table parser (:mod:`core.io.tables.parser`) and narrative reader
(:mod:`core.io.narrative`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...errors import FileReadError
from ...messages import reading as msg
from ..limits import MAX_DOCUMENT_BYTES as MAX_FILE_BYTES
from ..limits import read_regular_file
from ..read_result import ReadNote


@dataclass(frozen=True)
class Tok:
    """One item of a reader's stream.

    ``para``: a line of narrative text; ``cell``: one table cell (merged stand-ins are empty);
    ``row``: the end of a table row; ``table``/``endtable``: the bounds of a table; ``note``: a
    :class:`ReadNote` the reader itself has to tell (an encoding repaired, …); ``meta``: exact data
    this project's own export stored ("key\tvalue").

    A cell's ``col`` is its grid column and ``span`` how many grid columns it covers, where the
    reader knows them (DOCX, HTML, XLSX, PDF tables, text rows with ``|`` or tabs); the table
    parser places values by these positions, so that an odd cell cannot move its neighbours.
    """

    kind: str
    text: str = ""
    col: int | None = None
    span: int = 1
    note: ReadNote | None = None


def para(text: str) -> Tok:
    return Tok("para", text)


def cell(text: str, col: int | None = None, span: int = 1) -> Tok:
    return Tok("cell", text, col, max(1, span))


def note(read_note: ReadNote) -> Tok:
    return Tok("note", read_note.message, note=read_note)


# Readers wrap superscript text of a cell (「217<sup>1</sup>」, a Word run in 上标) in these
# marks, so that the parser can strip a footnote number instead of reading 2171.
SUP_OPEN, SUP_CLOSE = "\x02", "\x03"


ROW = Tok("row")
TABLE = Tok("table")
ENDTABLE = Tok("endtable")


def read_bytes(path: Path, kind: str) -> bytes:
    """Read a whole input file, refusing empty, huge or unreadable files with a Chinese message."""
    data = read_regular_file(path, MAX_FILE_BYTES)
    if not data:
        raise FileReadError(msg.empty_file(path.name))
    sniffed = sniff(data)
    if sniffed and sniffed != kind and not (sniffed == "zip" and kind in ("docx", "xlsx")):
        raise FileReadError(msg.wrong_content(path.name, path.suffix, sniffed, kind))
    return data


def sniff(data: bytes) -> str | None:
    """Return what the first bytes say the file is: zip, pdf, ole, binary, or None (text)."""
    head = data[:8]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    sample = data[:4096]
    if b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
        from .encoding import wide_encoding

        return None if wide_encoding(data) else "binary"  # UTF-16/32 text has zero bytes too
    return None

