"""Texts of reading under a budget: documents that ask for too much work, and the import worker."""

from __future__ import annotations

SUSPECT = "疑似恶意构造的文件"


def too_many_rows(name: str, limit: int) -> str:
    return f"“{name}”中的表格超过 {limit} 行，不像是年度报告，未读取"


def sheet_too_many_rows(name: str, sheet: str, limit: int) -> str:
    return f"“{name}”的工作表“{sheet}”有超过 {limit} 行，不像是年度报告，未读取"


def merges_too_big(name: str) -> str:
    return f"“{name}”中的合并单元格范围异常巨大（{SUSPECT}），未读取"


def pdf_page_too_big(name: str, page: int) -> str:
    return f"“{name}”第 {page} 页的内容异常庞大（{SUSPECT}），未读取"


def pdf_too_big(name: str, objects: int) -> str:
    return f"“{name}”的内容异常庞大（绘图对象超过 {objects} 个），不像是年度报告，未读取"


def pdf_too_much_text(name: str) -> str:
    return f"“{name}”的文字异常多，不像是年度报告，未读取"


# -- the worker process -------------------------------------------------------------------
def timed_out(seconds: float) -> str:
    return f"读取超时：超过 {seconds:g} 秒仍未读完，文件可能过于复杂或是{SUSPECT}，已停止读取"


OUT_OF_MEMORY = f"读取时内存超出限制：文件过于复杂或是{SUSPECT}，已停止读取"
WORKER_DIED = f"读取时程序意外退出：文件可能已损坏或是{SUSPECT}"
TOO_DEEP = "文件结构嵌套过深，无法读取"
WORKER_NOT_STARTED = "读取文件的工作进程没有启动（可能被杀毒软件拦截）"
UNEXPECTED = "读取文件时出现意外错误"


def reader_bug(error: str) -> str:
    return f"读取时出现意外错误（{error}）"


def result_lost(error: str) -> str:
    return f"读取结果无法传回（{error}）"
