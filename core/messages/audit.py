"""Texts of 批量审核: the audit workbook's sheets and columns, and each file's status."""

from __future__ import annotations

SUMMARY_SHEET = "汇总"
FINDINGS_SHEET = "问题清单"
SUMMARY_HEADERS = ("文件", "单位", "年度", "格式", "错误", "警告", "无法识别的单元格", "读取提示", "状态")
FINDING_HEADERS = ("文件", "单位", "规则", "严重程度", "单元格", "问题说明", "原文")
# How a finding's cells are named when they are not table cells.
META_NAMES = {"meta.unit": "单位名称", "meta.year": "报告年度", "meta.date": "发布日期", "meta.signer": "落款单位",
              "meta.deadline": "发布期限"}
NARRATIVE_PLACE = "正文"
UNREADABLE_RULE = "无法读取"  # the 规则 column of a file that could not be read
OUT_OF_MEMORY = "文件过大，内存不足"


TIMED_OUT = "读取超时"  # the status of a file whose reading ran out of time


def status(unreadable: str | None, errors: int, warnings: int, timed_out: bool = False) -> str:
    if timed_out:
        return TIMED_OUT
    if unreadable:
        return f"无法读取：{unreadable}"
    if errors:
        return "有错误"
    return "有警告" if warnings else "通过"


def read_crashed(error: str) -> str:
    return f"读取时出现意外错误（{error}）"


def check_crashed(error: str) -> str:
    return f"检查时出现意外错误（{error}）"


def more_places(listed: str, n: int) -> str:
    return f"{listed}等 {n} 处"


def summary_line(files: int, with_errors: int, unreadable: int, cancelled: bool) -> str:
    return (f"共 {files} 个文件：{with_errors} 个有错误，{unreadable} 个无法读取"
            + ("（审核被中途停止）" if cancelled else ""))
