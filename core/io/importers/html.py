"""A web page saved as HTML: paragraphs, and tables with ``rowspan``/``colspan`` (nested too)."""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import FileReadError
from ...messages import reading as msg
from ..limits import WorkBudget
from ..read_result import NoteCode, ReadNote
from . import ENDTABLE, ROW, SUP_CLOSE, SUP_OPEN, TABLE, Tok, cell, note, para, read_bytes
from .encoding import decode, simplified

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
          "header", "footer", "blockquote", "pre", "center", "form", "dl", "dt", "dd", "address",
          "main", "nav", "aside", "body", "html", "tr", "td", "th", "table", "tbody", "thead",
          "tfoot", "caption", "hr"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "iframe", "object", "svg"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def tokens(path: Path) -> list[Tok]:
    data = read_bytes(path, "html")
    text, notes = _decode(data, path.name)
    return [note(n) for n in notes] + html_tokens(text, path.name)


def _decode(data: bytes, name: str) -> tuple[str, list]:
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii", "replace").lower()
        if enc in ("gb2312", "gbk"):
            enc = "gb18030"
        try:
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if enc.startswith("big5"):
                return simplified(text), [ReadNote(NoteCode.ENCODING, msg.encoding_big5(name))]
            return text, []
    return decode(data, name)


def html_tokens(text: str, name: str = "") -> list[Tok]:
    """Turn HTML text into the token stream."""
    from lxml import etree, html

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if "<!ENTITY" in text:
        raise FileReadError(msg.html_entities(name))
    parser = html.HTMLParser(no_network=True, remove_comments=True, huge_tree=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise FileReadError(msg.bad_html(name)) from exc
    out: list[Tok] = []
    buf: list[str] = []
    _walk(root, out, buf, WorkBudget(name))
    _flush(buf, out)
    return out


def _flush(buf: list[str], out: list[Tok]) -> None:
    text = "".join(buf)
    buf.clear()
    for line in text.split("\n"):
        line = line.replace("\xa0", " ").strip()
        if line:
            out.append(para(line))


def _walk(el, out: list[Tok], buf: list[str], budget: WorkBudget) -> None:
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is None:
        buf.append(el.tail or "")
        return
    tag = tag.lower()
    if tag in _SKIP:
        buf.append(el.tail or "")
        return
    if tag == "table" and el.find(".//table") is None and not _framed(el):
        _flush(buf, out)
        _table(el, out, budget)
        buf.append(el.tail or "")
        return
    if tag == "br":
        buf.append("\n" + (el.tail or ""))
        return
    block = tag in _BLOCK
    if block:
        _flush(buf, out)
    buf.append(re.sub(r"\s*\n\s*", "", el.text or "") if not block else (el.text or "").strip())
    for child in el:
        _walk(child, out, buf, budget)
    if block:
        _flush(buf, out)
    buf.append(el.tail or "")


def _framed(table) -> bool:
    """A frame of one or two cells around running text is layout, not a statistics table."""
    tds = [td for tr in _rows(table) for td in tr if isinstance(td.tag, str) and td.tag.lower() in ("td", "th")]
    return len(tds) <= 4 and any(len("".join(td.itertext()).strip()) > 80 for td in tds)


def _rows(table):
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from _rows(child)


def _span(el, attr: str) -> int:
    try:
        return max(1, min(int(el.get(attr, "1")), 100))
    except ValueError:
        return 1


def _cell_text(td) -> str:
    """The text of a table cell, with superscripts (「217<sup>1</sup>」) marked for the parser."""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            parts.append(el.tail or "")
            return
        sup = tag == "sup"
        if sup:
            parts.append(SUP_OPEN)
        parts.append(el.text or "")
        for child in el:
            walk(child)
        if sup:
            parts.append(SUP_CLOSE)
        parts.append(el.tail or "")

    walk(td)
    parts.pop()  # the text after the cell is not the cell's
    return "".join(parts)


def _table(table, out: list[Tok], budget: WorkBudget) -> None:
    out.append(TABLE)
    covered: dict[tuple[int, int], bool] = {}
    rows = list(_rows(table))
    budget.table_row(len(rows))
    for r, tr in enumerate(rows):
        col = 0
        for td in tr:
            tag = td.tag.lower() if isinstance(td.tag, str) else ""
            if tag not in ("td", "th"):
                continue
            while covered.get((r, col)):
                out.append(cell("", col))  # a cell merged down from the row above
                col += 1
            # spaces folded, not removed: 「2 17」 must stay two numbers, never become 217
            text = re.sub(r"\s+", " ", _cell_text(td).replace("\xa0", " ")).strip()
            rs, cs = min(_span(td, "rowspan"), len(rows) - r), _span(td, "colspan")
            budget.merged_cells(rs * cs - 1)  # rowspan=100 × colspan=100 is 10,000 positions
            out.append(cell(text, col, cs))
            for dr in range(rs):
                for dc in range(cs):
                    covered[(r + dr, col + dc)] = True
            col += cs
        out.append(ROW)
    out.append(ENDTABLE)
