"""Characters the report's fonts cannot show: a rare character set in a _GB2312 font.

仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 — the default template's body, heading and title
fonts — hold only the 6,763 characters of GB2312. A rarer character in a unit or a person's
name (「镕」「堃」「喆」「玥」) is silently drawn by Word or WPS in another face, so the printed
name looks patched. Before export the clerk is told which characters and where they are
(templates/README.md lists the fonts to use instead).
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

from ..messages import export as msg
from ..model.report import SECTION_IDS, Report
from ..rules.base import Finding, Severity
from ..rules.ids import FONT_GB2312
from ..schema import SECTION_TITLES

_SENTENCE = re.compile(r"[^。！？!?；;\n]*[。！？!?；;\n]?")
MAX_PER_SECTION = 5


def in_gb2312(ch: str) -> bool:
    """Whether ``ch`` is one of GB2312's characters (as Windows maps them: 「·」 and 「—」 are)."""
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and (0xA1 <= b[0] <= 0xA9 or 0xB0 <= b[0] <= 0xF7) and 0xA1 <= b[1] <= 0xFE


def outside_gb2312(text: str) -> list[str]:
    """The characters of ``text`` that a _GB2312 font would set but does not have, in order, once each."""
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) > 0x7F and not ch.isspace() and ch not in seen \
                and unicodedata.east_asian_width(ch) in "WFA" and not in_gb2312(ch):
            seen[ch] = None
    return list(seen)


def font_findings(report: Report) -> list[Finding]:
    """One warning per field or sentence that holds characters outside GB2312."""
    out: list[Finding] = []
    for key, place in msg.META_PLACES.items():
        value = str(report.meta.get(key) or "")
        chars = outside_gb2312(value)
        if chars and not (key == "signer" and value == report.meta.get("unit")):
            out.append(Finding(FONT_GB2312, Severity.WARNING, (f"meta.{key}",),
                               msg.outside_gb2312(place, chars, value)))
    for sid in SECTION_IDS:
        text = report.text.get(sid, "") or ""
        if not text or not outside_gb2312(text):
            continue
        found = 0
        for m in _SENTENCE.finditer(text):
            chars = outside_gb2312(m.group(0))
            if not chars:
                continue
            found += 1
            if found > MAX_PER_SECTION:
                out.append(Finding(FONT_GB2312, Severity.WARNING, (f"text.{sid}",),
                                   msg.outside_gb2312_more(SECTION_TITLES.get(sid, sid), outside_gb2312(text))))
                break
            quote = m.group(0).strip()
            out.append(Finding(FONT_GB2312, Severity.WARNING, (f"text.{sid}",),
                               msg.outside_gb2312(SECTION_TITLES.get(sid, sid), chars, quote),
                               quote=quote, section=sid, span=(m.start(), m.end())))
    return out


def template_uses_gb2312_fonts(template: str | Path | None) -> bool:
    """Whether a template sets text in a GB2312-only font (the default templates do)."""
    if template is None:
        return True
    try:
        with zipfile.ZipFile(template) as z:
            xml = b"".join(z.read(n) for n in ("word/styles.xml", "word/document.xml") if n in z.namelist())
    except (OSError, zipfile.BadZipFile, KeyError):
        return False
    return re.search(r'w:(eastAsia|ascii)="[^"]*(_GB2312|简体)"', xml.decode("utf-8", "replace")) is not None
