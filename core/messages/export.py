"""Texts of exporting (``nianbao export``'s own lines are in :mod:`.cli`): refusals, the workbook, fonts."""

from __future__ import annotations

from typing import Any

COMMENT_AUTHOR = "年报助手"
DATA_SHEET_HEADER = ("键", "值", "位置", "类型", "原文")  # the hidden sheet (core/io/xlsx_layout.py)
META_PLACES = {"unit": "单位名称（标题、正文、落款）", "signer": "落款单位"}  # where a meta field is printed
# Excel's message when a typed value breaks a cell's data validation: (title, text) per cell kind.
VALIDATION = {"count": ("件数", "请填写不小于 0 的整数"), "signed": ("增减", "请填写整数（可为负数）"),
              "money": ("金额", "请填写不小于 0 的数")}


def _year(year: Any) -> str:
    return "" if year is None else str(year)


# -- refusing ------------------------------------------------------------------------------
def refused(count: int, messages: list[str]) -> str:
    lines = [f"年报还有 {count} 个错误，未导出。请先改正，或确认仍要导出："]
    lines += [f"  · {m}" for m in messages]
    return "\n".join(lines)


def missing_default_template(path: str) -> str:
    return f"找不到默认模板“{path}”，安装可能不完整"


# -- the workbook ---------------------------------------------------------------------------
def sheet_info(unit: str, year: Any, form_name: str) -> str:
    return f"单位：{unit}　年度：{_year(year)}　格式：{form_name}"


def workbook_title(title: str) -> str:
    return f"{title}统计表"


def wrong_total(parts_sum: str) -> str:
    return f"此合计按报告所印填写，与分项之和 {parts_sum} 不符"


# -- fonts ----------------------------------------------------------------------------------
def _chars(chars: list[str]) -> str:
    return "、".join(f"“{c}”" for c in chars)


def outside_gb2312(place: str, chars: list[str], quote: str) -> str:
    return (f"{place}中的{_chars(chars)}不在 GB2312 字符集内：仿宋_GB2312、楷体_GB2312、方正小标宋简体没有"
            f"{'这个字' if len(chars) == 1 else '这些字'}，Word、WPS 会改用其他字体显示，字形与前后文字不一致"
            f"（“{quote}”）。可在 Word 中给这些字改用仿宋、楷体或方正小标宋_GBK，见 templates/README.md")


def outside_gb2312_more(place: str, chars: list[str]) -> str:
    return f"{place}中还有更多句子含有 GB2312 以外的字：{_chars(chars)}"
