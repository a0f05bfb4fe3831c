"""The list of units expected to report (``--expect``): a .txt, one unit a line, or an .xlsx's first column."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReportError
from ..messages import audit as msg
from ..unit_names import normalise

_NUMBERING = re.compile(r"^\s*(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*[、.．。)）:：\t ]\s*")
MAX_BYTES = 5 * 1024 * 1024


def _clean(line: str) -> str:
    return _NUMBERING.sub("", line.strip().strip("\ufeff")).strip()


def read_expected(path: str | Path) -> list[str]:
    """Return the unit names listed in ``path`` (blank lines, ``#`` comments, a header and numbering dropped)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise ReportError(msg.expect_missing(path)) from None
    if size > MAX_BYTES:
        raise ReportError(msg.expect_too_big(path))
    if path.suffix.lower() == ".xlsx":
        names = _xlsx_names(path)
    elif path.suffix.lower() in (".txt", ".csv", ""):
        names = _text_names(path)
    else:
        raise ReportError(msg.expect_kind(path))
    out, seen = [], set()
    for name in names:
        name = _clean(name)
        if not name or name.startswith("#"):
            continue
        if name in msg.EXPECT_HEADER_WORDS:
            continue
        key = normalise(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    if not out:
        raise ReportError(msg.expect_empty(path))
    return out


def _text_names(path: Path) -> list[str]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Notepad on Chinese Windows saves GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ReportError(msg.expect_unreadable(path))
    return [line.split(",")[0] if path.suffix.lower() == ".csv" else line for line in text.splitlines()]


def _xlsx_names(path: Path) -> list[str]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # a damaged or encrypted workbook: openpyxl raises many kinds
        raise ReportError(msg.expect_unreadable(path)) from None
    try:
        ws = wb.worksheets[0]
        return [str(row[0]).strip() for row in ws.iter_rows(min_col=1, max_col=1, values_only=True)
                if row and row[0] is not None]
    finally:
        wb.close()
