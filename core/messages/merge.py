"""Texts of 汇总 (core.merge): refusals, the merged unit's name, notes to the clerk, the 明细 workbook."""

from __future__ import annotations

from pathlib import Path

NO_UNIT = "（未填单位）"
NOTHING_TO_MERGE = "没有要汇总的报告"
BREAKDOWN_SHEET = "明细"
SOURCES_SHEET = "来源"
BREAKDOWN_HEADERS = ("表", "项目", "栏目", "单元格")
TOTAL_COLUMN = "汇总"
SOURCES_HEADERS = ("序号", "单位", "文件", "错误", "警告")


def source_name(unit: str, file: str) -> str:
    unit = unit or NO_UNIT
    return f"{unit}（{Path(file).name}）" if file else unit


def mixed_years(listed: list[tuple[str, object]]) -> str:
    return "不能汇总不同年度的报告：" + "、".join(f"{name}：{year or '未填'}年度" for name, year in listed)


def mixed_forms(listed: list[tuple[str, str]]) -> str:
    return "不能汇总不同格式的报告：" + "、".join(f"{name}：{form}格式" for name, form in listed)


def duplicates(pairs: list[tuple[str, str, str]]) -> str:
    """Two inputs of the same unit and year (or content): 汇总 would count them twice."""
    listed = "；".join(f"“{a}”与“{b}”{why}" for a, b, why in pairs)
    return (f"有重复报送的文件，汇总会重复计数：{listed}。请去掉重复的文件，"
            "确需一并汇总请加 --allow-duplicates")


SAME_UNIT = "是同一单位同一年度的报告"
SAME_CONTENT = "内容完全相同"


def merged_unit_name(first: str, n: int) -> str:
    if n == 1:
        return f"{first}（汇总）"
    return f"{first or '各单位'}等{n}个单位（汇总）"


def units_merged(units: list[str]) -> str:
    return f"汇总了 {len(units)} 个单位：" + "、".join(u or NO_UNIT for u in units)


def not_a_number(name: str, place: str, value) -> str:
    return f"{name}：{place}填的是“{value}”，不是数字，未计入汇总"


def blanks_as_zero(name: str, where: str, more: int) -> str:
    return f"{name}：{where}{f'等 {more} 个单元格' if more else ''}未填写，其他单位有数字，按 0 计入汇总"


def source_has_errors(name: str, errors: int) -> str:
    return f"{name}本身有 {errors} 个错误，汇总数可能不准确，请先核对该单位的报告"


def breakdown_written(path) -> str:
    return f"  明细（各单位逐格数字）已写入 {path}"


def amount_converted(name: str, place: str, shown: str, converted: str) -> str:
    return f"{name}的{place}以元为单位（{shown} 元），已换算为 {converted} 万元后相加"


def amount_unit_unstated(name: str, place: str, unit: str) -> str:
    return f"{name}的{place}没有注明单位（万元或元），已按{unit}相加，请核对"
