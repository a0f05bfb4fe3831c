"""Texts of 汇总: refusals, the merged report's unit name, and the notes on what was added up."""

from __future__ import annotations

NO_UNIT = "（未填单位）"
NOTHING_TO_MERGE = "没有要汇总的报告"


def source(unit: str, file_name: str) -> str:
    """A merged report named for the clerk: 「某镇（a.nianbao）」."""
    return f"{unit or NO_UNIT}（{file_name}）" if file_name else unit or NO_UNIT


def year_of(source: str, year) -> str:
    return f"{source}：{year or '未填'}年度"


def form_of(source: str, form_name: str) -> str:
    return f"{source}：{form_name}格式"


def mixed_years(listed: list[str]) -> str:
    return f"不能汇总不同年度的报告：{'、'.join(listed)}"


def mixed_forms(listed: list[str]) -> str:
    return f"不能汇总不同格式的报告：{'、'.join(listed)}"


def merged_unit(first: str, n: int) -> str:
    """The unit of a 汇总 report: 「X（汇总）」 for one, 「X等N个单位（汇总）」 for several."""
    return f"{first}（汇总）" if n == 1 else f"{first or '各单位'}等{n}个单位（汇总）"


def text_not_counted(source: str, place: str, text: str) -> str:
    return f"{source}：{place}填的是“{text}”，不是数字，未计入汇总"


def blanks_counted_as_zero(source: str, places: list[str], total: int) -> str:
    more = f"等 {total} 个单元格" if total > len(places) else ""
    return f"{source}：{'、'.join(places)}{more}未填写，其他单位有数字，按 0 计入汇总"


def source_has_errors(source: str, errors: int) -> str:
    return f"{source}本身有 {errors} 个错误，汇总数可能不准确，请先核对该单位的报告"
