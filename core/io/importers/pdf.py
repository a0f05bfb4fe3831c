"""PDF with a text layer: tables read by the position of every character, text as lines.

See :mod:`core.io.importers.pdf_layout` for how the page is read; here its tables become table
tokens with grid columns, like a DOCX's, and its other lines narrative paragraphs, without running
headers, footers and page numbers.
"""

from __future__ import annotations

from pathlib import Path

from ..paragraphs import PrintedLine, full_width, rebuild
from . import ENDTABLE, ROW, TABLE, Tok, cell, para, read_bytes
from .pdf_layout import Layout, Line, Table, read_layout


def tokens(path: Path) -> list[Tok]:
    data = read_bytes(path, "pdf")
    return layout_tokens(read_layout(data, path.name))


def layout_tokens(layout: Layout) -> list[Tok]:
    """Turn a read PDF into the token stream: a table split by a page break stays one table; the
    printed lines between tables become paragraphs again (:func:`core.io.paragraphs.rebuild`)."""
    out: list[Tok] = []
    in_table = False
    shown: set[str] = set()
    run: list[PrintedLine] = []  # narrative lines since the last table
    lines = [ln for page in layout.pages for ln in page.lines if not ln.edge]
    full = full_width([PrintedLine(ln.text, ln.page, ln.x0) for ln in lines])

    def flush() -> None:
        out.extend(para(text) for text in rebuild(run, full=full))
        run.clear()

    for page in layout.pages:
        for item in page.items():
            if isinstance(item, Line):
                if item.edge and (item.text in shown or item.edge == "footer"):
                    continue  # a running header (its first time is the title), a footer, a page number
                if in_table:
                    out.append(ENDTABLE)
                    in_table = False
                shown.add(item.text)
                run.append(PrintedLine(item.text, item.page, item.x0))
                continue
            if in_table and not item.continues:
                out.append(ENDTABLE)
                in_table = False
            if not in_table:
                flush()
                out.append(TABLE)
                in_table = True
            _table_tokens(item, out)
    if in_table:
        out.append(ENDTABLE)
    flush()
    return out


def _table_tokens(table: Table, out: list[Tok]) -> None:
    """Rows of cells at their grid columns; a cell merged down gives an empty stand-in below."""
    for r in range(table.rows):
        here = sorted((c for c in table.cells if c.row <= r < c.row + c.rowspan), key=lambda c: c.col)
        for c in here:
            out.append(cell(c.text if c.row == r else "", c.col, c.colspan))
        out.append(ROW)
