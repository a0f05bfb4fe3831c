"""W-FONT-GB2312: characters the report's fonts do not have, found while the clerk types.

仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 — the default templates' body, heading and title fonts
(core/schema/typography.py) — hold only GB2312's 6,763 characters. A rarer one, usually in a unit's
or a person's name (「镕」「堃」「喆」), is drawn by Word or WPS in another face and looks patched.
Each field or sentence holding one is a warning that names the characters and where they are. An
office's own template in other fonts is checked again at export (core/io/font_coverage.py).
"""

from __future__ import annotations

import unicodedata

from ..messages import export as msg
from ..schema import SECTION_TITLES, TEXT_IDS
from .base import Finding, Severity
from .ids import FONT_GB2312
from .library import FunctionRule

W = Severity.WARNING
_ENDS = "。！？!?；;\n"  # what ends a sentence
MAX_PER_SECTION = 5  # sentences named one by one; the rest in one more finding


def in_gb2312(ch: str) -> bool:
    """Whether ``ch`` is one of GB2312's characters (as Windows maps them: 「·」 and 「—」 are)."""
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and (0xA1 <= b[0] <= 0xA9 or 0xB0 <= b[0] <= 0xF7) and 0xA1 <= b[1] <= 0xFE


def _outside(text: str):
    """Yield (offset, character) of each character a _GB2312 font would set but does not have.

    The codec finds the candidates in C (this runs on every keystroke); only those are looked at here.
    """
    pos = 0
    while True:
        try:
            text[pos:].encode("gb2312")
            return
        except UnicodeEncodeError as exc:
            for i in range(pos + exc.start, pos + exc.end):
                ch = text[i]
                if not ch.isspace() and unicodedata.east_asian_width(ch) in "WFA" and not in_gb2312(ch):
                    yield i, ch
            pos += exc.end


def outside_gb2312(text: str) -> list[str]:
    """The characters of ``text`` that a _GB2312 font would set but does not have, in order, once each."""
    return list(dict.fromkeys(ch for _, ch in _outside(text)))


def meta_findings(report, key: str) -> list[Finding]:
    """The warning for meta field ``key`` ("unit" or "signer"; a signer that is the unit is not repeated)."""
    value = str(report.meta.get(key) or "")
    chars = outside_gb2312(value)
    if not chars or (key == "signer" and value == report.meta.get("unit")):
        return []
    return [Finding(FONT_GB2312, W, (f"meta.{key}",), msg.outside_gb2312(msg.META_PLACES[key], chars, value))]


def section_findings(report, sid: str) -> list[Finding]:
    """One warning per sentence of section ``sid`` (a narrative, or the note under a table) that needs one."""
    text = report.text.get(sid, "") or ""
    found = list(_outside(text)) if text else []
    if not found:
        return []
    place = SECTION_TITLES.get(sid, sid)
    sentences: dict[tuple[int, int], dict[str, None]] = {}
    for i, ch in found:
        sentences.setdefault(_sentence_at(text, i), {})[ch] = None
    out: list[Finding] = []
    for (start, end), chars in sentences.items():
        if len(out) == MAX_PER_SECTION:
            everything = list(dict.fromkeys(ch for _, ch in found))
            out.append(Finding(FONT_GB2312, W, (f"text.{sid}",), msg.outside_gb2312_more(place, everything),
                               section=sid))
            break
        quote = text[start:end].strip()
        out.append(Finding(FONT_GB2312, W, (f"text.{sid}",), msg.outside_gb2312(place, list(chars), quote),
                           quote=quote, section=sid, span=(start, end)))
    return out


def _sentence_at(text: str, i: int) -> tuple[int, int]:
    """The span of the sentence holding offset ``i``, its closing mark (or line end) included."""
    start = max(text.rfind(c, 0, i) for c in _ENDS) + 1
    ends = [j for j in (text.find(c, i) for c in _ENDS) if j >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def font_findings(report) -> list[Finding]:
    """Every W-FONT-GB2312 warning of ``report`` at once (export of an office's own template)."""
    out = meta_findings(report, "unit") + meta_findings(report, "signer")
    for sid in TEXT_IDS:
        out += section_findings(report, sid)
    return out


def font_rules(form_id: str) -> tuple[FunctionRule, ...]:
    """One rule per field and per section, so that typing re-checks only what changed."""
    rules = [FunctionRule(FONT_GB2312, {"meta.unit", "meta.signer"}, lambda r, ctx: meta_findings(r, "unit")),
             FunctionRule(FONT_GB2312, {"meta.unit", "meta.signer"}, lambda r, ctx: meta_findings(r, "signer"))]
    for sid in TEXT_IDS:
        rules.append(FunctionRule(FONT_GB2312, {f"text.{sid}"}, lambda r, ctx, sid=sid: section_findings(r, sid)))
    return tuple(rules)
