"""Characters an office's own Word template cannot show: the export-time half of W-FONT-GB2312.

The rule (core/rules/font_rules.py) warns while the clerk types, for the default templates' fonts.
An office's own template may set the report in other fonts: at export its fonts are looked at,
and the warnings are given again only when it, too, uses a GB2312-only face.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..rules.font_rules import font_findings

__all__ = ["font_findings", "template_uses_gb2312_fonts"]


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
