"""Texts of 从上年报告新建."""

from __future__ import annotations

NO_LAST_YEAR = "上年报告没有填写年度，无法推算新年度；请用 --year 指定"


def year_not_later(year: int, last_year: int) -> str:
    return f"新年度 {year} 不晚于上年报告的年度 {last_year}"
