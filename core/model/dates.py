"""Dates as clerks type them and as official documents print them."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Any

from ..textnum import cn_to_int

# The report years a file may hold: the 条例 took effect in 2008 and the app plans ahead to 2100.
# A year outside them comes from a damaged file (year 9999 would put the deadline in year 10000).
YEAR_MIN, YEAR_MAX = 2000, 2100

_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")
_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")
# 二〇二五年一月二十日: the 成文日期 as many offices still write it
_CN_DATE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                      r"\s*([一二三四五六七八九十]{1,3})\s*日?\s*$")


def parse_date(text: str) -> str | None:
    """Return typed text (2025-01-21, 2025年1月21日, 二〇二五年一月二十一日, full-width too) as an ISO date.

    None when blank; raise ValueError when it is not a date.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    m = _DATE.match(text)
    if m:
        return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    m = _CN_DATE.match(text)
    parts = [cn_to_int(g) for g in m.groups()] if m else [None]
    if None in parts:
        raise ValueError(text)
    return _dt.date(*parts).isoformat()


def parse_month_day(text: str) -> str:
    """Return typed text (1-31, 1月31日) as "MM-DD"; raise ValueError when it is not a day of the year."""
    m = _MONTH_DAY.match(unicodedata.normalize("NFKC", text))
    if not m:
        raise ValueError(text)
    _dt.date(2024, int(m[1]), int(m[2]))  # a leap year accepts 02-29
    return f"{int(m[1]):02d}-{int(m[2]):02d}"


def to_date(value: Any) -> _dt.date | None:
    """Return a stored meta date (ISO text or a date) as a date, None when blank or unreadable."""
    if isinstance(value, _dt.date):
        return value
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def cn_date(d: _dt.date) -> str:
    """Return a date as official documents write it: 2025年1月21日 (GB/T 9704: no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"
