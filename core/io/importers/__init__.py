"""Readers for files a clerk may have last year's report in; each yields one token stream.

Every reader turns its file into a list of :class:`Tok` — narrative paragraphs, table cells and
row/table boundaries — with ``tokens(path)``; :func:`core.io.reader.import_file` feeds that stream
to the one shared table parser (:mod:`core.io.table_parser`) and narrative reader
(:mod:`core.io.narrative`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...errors import FileReadError
from ..read_result import ReadNote

MAX_FILE_BYTES = 50 * 1024 * 1024  # no real annual report comes near this

# What each kind of file is called in messages (kinds: core.io.reader.IMPORT_KINDS).
KIND_NAMES = {"docx": "Word 文档", "text": "文本文件", "html": "网页文件", "pdf": "PDF 文件",
              "xlsx": "Excel 表格"}


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
    line: object | None = None  # a PDF paragraph's printed line (pdf_layout.Line: page, x0, indent, size)


def para(text: str, line: object | None = None) -> Tok:
    return Tok("para", text, line=line)


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
    try:
        size = path.stat().st_size
        if size == 0:
            raise FileReadError(f"文件“{path.name}”是空的")
        if size > MAX_FILE_BYTES:
            raise FileReadError(
                f"文件“{path.name}”过大（{size / 1024 / 1024:.0f} MB），不像是年度报告，未读取")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileReadError:
        raise
    except OSError as exc:
        raise FileReadError(f"无法读取“{path.name}”：{exc.strerror or exc}") from exc
    if not data:
        raise FileReadError(f"文件“{path.name}”是空的")
    sniffed = sniff(data)
    if sniffed and sniffed != kind and not (sniffed == "zip" and kind in ("docx", "xlsx")):
        raise FileReadError(
            f"文件“{path.name}”的扩展名是“{path.suffix}”，但内容是{_SNIFF_NAMES[sniffed]}，"
            f"不是{KIND_NAMES[kind]}；请确认文件类型或改正扩展名")
    return data


_SNIFF_NAMES = {"zip": "压缩包（Word/Excel 文档）", "pdf": "PDF 文件", "ole": "旧版 Office 文件（.doc/.xls）",
                "binary": "二进制数据"}


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

