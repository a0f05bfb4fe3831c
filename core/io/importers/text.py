"""Plain text: Word's "save as text" (tab-indented cells), web copies ("|" cells), PDF copies.

In the first two, each table cell is its own line; a label cell that wraps continues on the next,
unindented line. Text copied from a PDF has one table row per line with the numbers at its end,
labels wrapping over several lines, and page headers and page numbers in between.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..narrative import heading_section, is_note, is_page_noise
from ..paragraphs import reflow_text
from . import ROW, Tok, cell, note, para, read_bytes
from .encoding import decode

TABLE_SECTIONS = ("t2", "t3", "t4")


def tokens(path: Path) -> list[Tok]:
    text, notes = decode(read_bytes(path, "text"), path.name)
    # a copy of a PDF's printed lines, or a page on one line
    return [note(n) for n in notes] + text_tokens(reflow_text(text))


def text_tokens(text: str) -> list[Tok]:
    """Turn report text into the token stream (see module doc for the layouts understood)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    lines = [ln.replace("[bookmark: _GoBack]", "") for ln in lines]
    sections = _sections(lines)
    cell_mode = any(
        sec in TABLE_SECTIONS and (ln.startswith("\t") or "|" in ln)
        for ln, sec in zip(lines, sections)
    )
    title = next((ln.strip() for ln in lines if ln.strip()), "")
    out: list[Tok] = []
    joinable = False  # the previous line was a cell that a wrapped line may continue
    for ln, sec in zip(lines, sections):
        stripped = ln.strip()
        if not stripped and not ln.startswith("\t"):
            joinable = False
            continue
        if sec not in TABLE_SECTIONS or heading_section(stripped) or (not ln.startswith("\t") and is_note(stripped)):
            out.append(para(ln))  # narrative, a heading, or a sentence under a table (its note)
            joinable = False
            continue
        if cell_mode:
            joinable = _cell_line(ln, out, joinable)
        else:
            if is_page_noise(stripped) or (stripped == title and out):
                continue
            _row_line(ln.strip(" \u3000"), out)
    return out


def _cell_line(ln: str, out: list[Tok], joinable: bool) -> bool:
    """Add one line of the one-cell-per-line layouts; return whether the next line may continue it."""
    stripped = ln.strip()
    if "\t" in ln.strip("\t \u3000"):
        _tab_row(ln, out)
        return False
    if "|" in ln:
        if re.fullmatch(r"[|:\-\s]+", stripped) and "-" in stripped:
            return False  # a markdown rule line
        parts = ln.split("|")
        if ln.rstrip().endswith("|"):
            parts = parts[:-1]
        cells = [p.strip() for p in parts]
        whole = stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1
        if sum(1 for c in cells if c) >= 2 or whole and any(cells):
            # A whole table row on one line: every part between two bars is a cell in its
            # column, the empty ones too (「|5|||2|」 is 5, blank, blank, 2).
            if stripped.startswith("|"):
                cells = cells[1:]  # the text before the first bar is not a cell
            out.extend(cell(c, i) for i, c in enumerate(cells))
            out.append(ROW)
            return False
        out.extend(cell(c) for c in cells)  # one cell per line, as some sites export
        return bool(cells and cells[-1])
    if ln.startswith("\t"):
        out.append(cell(stripped))
        return bool(stripped)
    if joinable and out and out[-1].kind == "cell" and len(stripped) <= 16:
        out[-1] = cell(out[-1].text + stripped)  # a label cell wrapped onto the next line
        return True
    out.append(cell(stripped))
    return False


_VALUE_TOKEN = re.compile(
    r"(增加?|减少?)?[+\-−－]?\d[\d,，]*(\.\d+)?(万元|元|件|个|项|条)?|[/／—–\-－]+|无")


def _tab_row(ln: str, out: list[Tok]) -> None:
    """A table row copied from a web page or a spreadsheet: cells between tabs, each in its
    column, the empty ones too."""
    cells = [c.strip() for c in ln.rstrip("\r\n").split("\t")]
    out.extend(cell(c, i) for i, c in enumerate(cells))
    out.append(ROW)


_GLUED = re.compile(r"(.*[\u4e00-\u9fff）)”])(\d[\d.]*)")


def _row_line(stripped: str, out: list[Tok]) -> None:
    """Split a PDF-style row: leading label text, then the numbers at the end of the line."""
    if "\t" in stripped:
        _tab_row(stripped, out)
        return
    words = stripped.split()
    k = len(words)
    while k > 0 and _VALUE_TOKEN.fullmatch(words[k - 1]):
        k -= 1
    glued = _GLUED.fullmatch(words[k - 1]) if 0 < k < len(words) else None
    if glued:
        # a number glued to the end of its label ("…申请数量1 0 0"): labels never end in digits
        words[k - 1:k] = [glued.group(1), glued.group(2)]
    label = " ".join(words[:k])
    if label:
        out.append(cell(label))
    out.extend(cell(w) for w in words[k:])


def _sections(lines: list[str]) -> list[str | None]:
    """Return, for each line, the section it belongs to (by the headings seen so far)."""
    current = None
    result = []
    for ln in lines:
        if not ln.startswith("\t"):
            sec = heading_section(ln.strip().strip("|").strip())
            if sec:
                current = sec
        result.append(current)
    return result
