"""Word/WPS .docx: walk the real ``w:tc`` cells (gridBefore, gridSpan, vMerge), nested tables too."""

from __future__ import annotations

from pathlib import Path

from ...errors import FileReadError
from ...messages import reading as msg
from ..limits import check_docx_rows
from . import ENDTABLE, ROW, SUP_CLOSE, SUP_OPEN, TABLE, Tok, cell, para, read_bytes
from .safezip import SafeZip, parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins", W + "moveTo"}


def tokens(path: Path) -> list[Tok]:
    data = read_bytes(path, "docx")
    z = SafeZip(data, path.name, msg.DOCX_ARCHIVE)
    if not z.has("word/document.xml"):
        if z.has("xl/workbook.xml"):
            raise FileReadError(msg.excel_named_docx(path.name, path.suffix))
        raise _no_body(path)
    xml = z.read("word/document.xml")
    check_docx_rows(xml, path.name)
    root = parse_xml(xml, path.name, "word/document.xml")
    # Word writes text boxes twice (DrawingML and a VML fallback): keep one copy.
    for fallback in list(root.iter(MC + "Fallback")):
        fallback.getparent().remove(fallback)
    body = root.find(W + "body")
    if body is None:
        raise _no_body(path)
    out: list[Tok] = []
    _blocks(body, out)
    return out


def _no_body(path: Path) -> FileReadError:
    return FileReadError(msg.no_document_body(path.name))


def _children(el):
    """Yield block-level children, looking through content-control and revision wrappers."""
    for child in el:
        if child.tag in _WRAPPERS:
            yield from _children(child)
        else:
            yield child


def _blocks(container, out: list[Tok]) -> None:
    for child in _children(container):
        if child.tag == W + "p":
            out.append(para(_text(child)))
        elif child.tag == W + "tbl":
            _table(child, out)


def _text(el, marks: bool = False) -> str:
    """Return the visible text of a paragraph (runs joined; tabs and breaks kept as spaces).

    With ``marks``, superscript runs (a footnote number after a figure) are wrapped in
    SUP_OPEN … SUP_CLOSE for the table parser.
    """
    parts = []
    for node in el.iter(W + "t", W + "tab", W + "br", W + "cr", W + "delText", W + "instrText"):
        tag = node.tag
        if tag == W + "t":
            if marks and _superscript(node):
                parts.append(SUP_OPEN + (node.text or "") + SUP_CLOSE)
                continue
            parts.append(node.text or "")
        elif tag in (W + "tab",):
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _superscript(t) -> bool:
    run = t.getparent()
    return run is not None and _val(run, f"{W}rPr/{W}vertAlign") == "superscript"


def _val(el, path: str) -> str | None:
    found = el.find(path)
    return None if found is None else found.get(W + "val")


def _int(v: str | None, default: int) -> int:
    try:
        return max(0, int(v)) if v is not None else default
    except ValueError:
        return default


def _cells(tr):
    for child in _children(tr):
        if child.tag == W + "tc":
            yield child


def _table(tbl, out: list[Tok]) -> None:
    rows = [c for c in _children(tbl) if c.tag == W + "tr"]
    tcs = [tc for tr in rows for tc in _cells(tr)]
    nested = any(tc.find(".//" + W + "tbl") is not None for tc in tcs)
    # A frame of one or two cells around running text is layout too, not a statistics table.
    framed = len(tcs) <= 4 and any(len("".join(t.text or "" for t in tc.iter(W + "t"))) > 80 for tc in tcs)
    if nested or framed:
        # A layout table: what matters is the content of its cells, in reading order.
        for tr in rows:
            for tc in _cells(tr):
                _blocks(tc, out)
        return
    out.append(TABLE)
    for tr in rows:
        col = min(_int(_val(tr, f"{W}trPr/{W}gridBefore"), 0), 64)  # WPS leaves out leading cells
        for tc in _cells(tr):
            span = min(_int(_val(tc, f"{W}tcPr/{W}gridSpan"), 1), 64) or 1
            hmerge = tc.find(f"{W}tcPr/{W}hMerge")
            if hmerge is not None and hmerge.get(W + "val", "continue") == "continue":
                last = out[-1]
                if last.kind == "cell" and last.col is not None and last.col + last.span == col:
                    out[-1] = cell(last.text, last.col, last.span + span)  # legacy horizontal merge:
                col += span  # part of the cell to its left
                continue
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            continued = vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
            # A spanned cell is emitted once, at its grid column; a vertical continuation is an
            # empty stand-in, as Word itself writes it when saving as text.
            paras = [_text(p, marks=True) for p in tc.iter(W + "p")]
            out.append(cell("" if continued else "".join(p.strip() for p in paras), col, span))
            col += span
        out.append(ROW)
    out.append(ENDTABLE)
