"""The data a report template sees: every placeholder's value, prepared in Python (no docxtpl here).

Templates get plain strings; escaping is the renderer's job. Narrative sections become lists
of paragraphs whose style (「一、」 heading, 「（一）」 heading, run-in 「（一）…。」 lead, body)
is decided here, so the template only has to pick a paragraph style per kind.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..model.dates import cn_date, to_date
from ..model.money_unit import money_unit
from ..model.report import NOTE_IDS, SECTION_IDS, Report
from ..model.values import format_value
from .text_clean import xml_text
from .line_breaks import title_lines

_H2 = re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]")
_H1 = re.compile(r"^([一二三四五六七八九十]{1,3})、")
LEAD_MAX = 40  # a run-in lead 「（一）主动公开情况。」 is short; longer text is a sentence
HEADING_MAX = 40  # a line that long without sentence punctuation is a heading
LEAD_ALONE_MAX = 15  # 「（一）主动公开情况。」 alone on its line: a lead with no text after it
_LEAD_END = "。：:"  # a run-in lead ends at a full stop or a colon
_PUNCTUATION = re.compile(r"[。：:，,；;！!？?]")

_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def clean_text(text: str) -> str:
    """Make user text safe inside a template: no control characters, no Jinja openers.

    ``{{``, ``{%`` and ``{#`` typed by a user get a space (「{ {」) so that nothing in the
    output can be mistaken for a template tag that survived rendering.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _JINJA_OPEN.sub("{ ", xml_text(text))


def char_width(text: str) -> float:
    """Width in Chinese characters: full-width and CJK count 1, everything else ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def date_cn(iso: Any) -> str:
    """``2025-01-21`` -> 「2025年1月21日」 (GB/T 9704: no leading zeros); blank when not set."""
    if not iso:
        return ""
    d = to_date(iso)
    return cn_date(d) if d is not None else str(iso)


def _paragraph(line: str) -> dict[str, Any]:
    """Classify one line of narrative: 「一、」 heading, 「（一）」 heading, run-in lead, or body.

    A heading is a short phrase with no sentence punctuation. 「（一）主动公开情况。全年…」 and
    「（一）主动公开情况：全年…」 are body text with a run-in lead; a line that is one sentence
    (「（一）全年主动公开信息372条。」) is body text.
    """
    para = {"text": line, "lead": "", "h1": False, "h2": False, "kind": "body"}
    m = _H2.match(line)
    if m:
        marker = f"（{m.group(1)}）"  # full-width brackets, as GB/T 9704 prints them
        rest = line[m.end():].lstrip()
        para["text"] = marker + rest
        stop = next((i for i, ch in enumerate(rest) if ch in _LEAD_END), -1)
        if 0 <= stop < LEAD_MAX and stop < len(rest) - 1:
            lead = rest[:stop] + ("：" if rest[stop] == ":" else rest[stop])
            para.update(lead=marker + lead, text=rest[stop + 1:].lstrip(), kind="lead")
        elif stop == len(rest) - 1 and rest[-1] == "。" and len(rest) <= LEAD_ALONE_MAX \
                and not _PUNCTUATION.search(rest[:-1]) and not re.search(r"\d", rest):
            para.update(lead=marker + rest, text="", kind="lead")
        elif not _PUNCTUATION.search(rest) and char_width(line) <= HEADING_MAX:
            para.update(h2=True, kind="h2")
        return para
    if _H1.match(line) and char_width(line) <= HEADING_MAX and not _PUNCTUATION.search(line):
        para.update(h1=True, kind="h1")
    return para


def paragraphs(text: str) -> list[dict[str, Any]]:
    """Split a narrative section into styled paragraphs, one per non-empty line the user typed."""
    out = []
    for raw in clean_text(text).split("\n"):
        line = raw.strip(" \u3000\u00a0")
        if line:
            out.append(_paragraph(line))
    return out


def _resolve_fields(report: Report, text: str) -> str:
    """Replace 「【本年新收·总计】」 markers by their numbers when bound fields exist."""
    try:
        from .. import fields
    except ImportError:
        return text
    resolve = getattr(fields, "resolve_fields", None)
    return resolve(report, text) if resolve else text


def _nest(refs_values: dict[str, str]) -> dict[str, Any]:
    """``{"t3.r01.c1": "5"}`` -> ``{"t3": {"r01": {"c1": "5"}}}`` for ``{{ t3.r01.c1 }}``."""
    root: dict[str, Any] = {}
    for ref, value in refs_values.items():
        *path, leaf = ref.split(".")
        node = root
        for key in path:
            node = node.setdefault(key, {})
        node[leaf] = value
    return root


def cell_text(value: Any) -> str:
    """A cell as printed: blank stays blank (never a silent 0), money keeps its typed decimals."""
    return clean_text(format_value(value))


def build_context(report: Report) -> dict[str, Any]:
    """Return the template context of ``report`` (see templates/README.md for every name)."""
    meta = report.meta
    unit = clean_text(str(meta.get("unit") or "")).strip()
    year = meta.get("year")
    lines = [clean_text(x) for x in title_lines(unit, year)]
    signer = clean_text(str(meta.get("signer") or unit)).strip()
    ctx: dict[str, Any] = {
        "unit": unit,
        "year": "" if year is None else str(year),
        "signer": signer,
        "date": str(meta.get("date") or ""),
        "date_cn": date_cn(meta.get("date")),
        "title": "".join(lines),
        "title_lines": lines,
        "title_wrapped": "\n".join(lines),  # the renderer turns \n into a line break
        "form_id": report.form.id,
        "form_name": report.form.name,
        # 万元 or 元 of 2019's 采购总金额, printed in its header; "" until the clerk states it
        "money_unit": money_unit(report) or "",
        "text": {},
    }
    ctx["notes"] = {}  # the note under each table: notes.t2, notes.t3, notes.t4, as paragraphs
    for sid in (*SECTION_IDS, *NOTE_IDS):
        raw = _resolve_fields(report, report.text.get(sid, "") or "")
        ctx["text"][sid] = clean_text(raw)
        (ctx["notes"] if sid in NOTE_IDS else ctx)[sid] = paragraphs(raw)
    ctx.update(_nest({c.ref: cell_text(report.values.get(c.ref)) for c in report.form.cells}))
    return ctx
