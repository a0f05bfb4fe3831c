"""Texts of the ``nianbao`` subcommands: help, output lines and refusals."""

from __future__ import annotations

from pathlib import Path

PROG = "nianbao"

# -- nianbao (help) ---------------------------------------------------------------------------
DESCRIPTION = "政府信息公开年报助手：编写、检查、导入导出政府信息公开工作年度报告。不带参数运行时打开图形界面。"
VERSION_HELP = "显示版本号并退出"
HELP_HELP = "显示本帮助并退出"
USAGE = "用法："
POSITIONALS = "参数"
OPTIONALS = "选项"
COMMAND = "命令"
INTERRUPTED = "已中断"
OUT_OF_MEMORY = "内存不足，文件过大"
NO_UNIT = "（未填单位）"
NO_YEAR = "？"


def epilog(pages) -> str:
    return ("图形界面：nianbao [文件] [--page 页面]；无显示器截图：nianbao --screenshot OUT.png [文件] [--page 页面]"
            f"（页面：{' '.join(pages)}）")


def failed(error) -> str:
    """The last line of a run stopped by ``error`` (exit 2)."""
    return f"{PROG}: {error}"


def unreadable(name, error) -> str:
    return f"{name}: 无法读取：{error}"


def read_note(note: str) -> str:
    return f"读取提示：{note}"


def finding(severity: str, rule: str, message: str) -> str:
    return f"[{severity}] {rule}  {message}"


def quote(text: str) -> str:
    return f"原文：“{text}”"


def report_line(name, unit: str, year, errors: int, warnings: int) -> str:
    """One checked report: 「a.nianbao：某县 2024年度 · 1 个错误 · 2 个警告」."""
    return f"{name}：{unit or NO_UNIT} {year or NO_YEAR}年度 · {errors} 个错误 · {warnings} 个警告"


# -- nianbao check ----------------------------------------------------------------------------
CHECK_HELP = "检查年报：表格勾稽关系、空白单元格、格式与期限等"
CHECK_FILES = "项目文件或其他可导入的年报文件；也可以是文件夹（检查其中所有年报）"
CHECK_JSON = "以 JSON 输出，每条问题一个对象"
CHECK_PREVIOUS = "上一年度的年报，用于跨年核对"
CHECK_REPORT = "把审核结果（汇总表和问题清单）写入 Excel 文件"
CHECK_PROGRESS = "检查"
CHECK_NOTHING_FOUND = "没有找到可检查的年报文件"


def previous_unreadable(name, error) -> str:
    return f"{name}: 无法读取上年报告：{error}"


def path_missing(name) -> str:
    return f"{name}: 无法读取：找不到文件或文件夹“{name}”"


def audit_summary(files: int, with_errors: int, unreadable: int, seconds: float, report: str | None) -> str:
    return (f"共检查 {files} 个文件：{with_errors} 个有错误，{unreadable} 个无法读取，用时 {seconds:.1f} 秒"
            + (f"；审核结果已写入 {report}" if report else ""))


# -- nianbao import ---------------------------------------------------------------------------
IMPORT_HELP = "导入年报（Word、网页、文本、PDF、Excel 或项目文件），保存为项目文件，并列出未能读取或需核对的内容"
IMPORT_EXIT_CODES = "退出码：0 已导入；2 文件无法读取（不写任何文件）"
IMPORT_SOURCE = "年报文件：.docx .html .htm .txt .pdf .xlsx 或 .nianbao"
IMPORT_OUTPUT = "保存到此项目文件"
IMPORT_SAME_FILE = "输出文件不能与要导入的文件相同"
IMPORT_ALL_READ = "表格全部读入，无需核对的单元格"


def imported(source: str, out, unit: str, year, form_name: str) -> str:
    return f"已导入 {source} → {out}：{unit or '（未读出单位）'} {year or NO_YEAR}年度 · {form_name}格式"


def import_notes_head(n: int) -> str:
    return f"以下 {n} 处未能读取或需要核对："


# -- nianbao new ------------------------------------------------------------------------------
NEW_HELP = "从上年报告新建本年度报告：沿用单位与正文草稿，上年结转取自上年“结转下年度继续办理”，其余数字留空"
NEW_EXIT_CODES = "退出码：0 已新建；2 上年报告无法读取"
NEW_FROM = "上年报告（项目文件或任何可导入的文件）"
NEW_OUTPUT = "新报告保存到此项目文件"
NEW_YEAR = "新报告的年度（默认上年年度加一）"
NEW_SAME_FILE = "新报告不能覆盖上年报告，请换一个输出文件名"


def last_year_note(note: str) -> str:
    return f"读取上年报告提示：{note}"


def created(out, unit: str, year, form_name: str) -> str:
    return f"已新建 {out}：{unit or NO_UNIT} {year}年度 · {form_name}格式"


def carried_over(total) -> str:
    return f"  上年结转（总计）：{'空白' if total is None else total}，取自上年“结转下年度继续办理”"


def stale_sections(n: int) -> str:
    return f"  正文沿用上年 {n} 部分，已标记“沿用上年，待修改”"


# -- nianbao export ---------------------------------------------------------------------------
EXPORT_HELP = "导出年报：Word 文档（公文格式）或 Excel 统计表"
EXPORT_REFUSES = "年报仍有错误时拒绝导出，除非加 --force。"
EXPORT_FILE = "项目文件或其他可导入的年报文件"
EXPORT_OUTPUT = "导出的文件：.docx 或 .xlsx"
EXPORT_TEMPLATE = "自选 Word 模板（默认使用所选报表格式的模板）"
EXPORT_FORCE = "年报仍有错误时也导出（空白单元格保持空白）"
EXPORT_TEMPLATE_DOCX_ONLY = "--template 只用于导出 Word 文档（.docx）"
EXPORT_HOW_TO_FORCE = "确需导出（空白单元格保持空白），请加 --force"


def export_suffix_unsupported(suffix: str) -> str:
    return f"不支持导出为“{suffix or '无扩展名'}”，请用 .docx 或 .xlsx"


def exported_with_errors(n: int) -> str:
    return f"注意：年报还有 {n} 个错误，已按 --force 导出"


def exported(out: Path) -> str:
    return f"已导出：{out}"


# -- nianbao merge ----------------------------------------------------------------------------
MERGE_HELP = "汇总多个单位同一年度、同一格式的年报：表二、表三、表四逐格相加，生成汇总项目文件"
MERGE_EXIT_CODES = "退出码：0 成功；1 已生成但汇总结果有错误；2 文件无法读取或年度、格式不一致"
MERGE_FILES = "各单位的年报（项目文件或其他可导入的文件）"
MERGE_OUTPUT = "汇总结果保存到此项目文件"
MERGE_NOT_WRITTEN = "有文件无法读取，未生成汇总"


def merge_output_is_input(name) -> str:
    return f"{name}: 输出文件不能同时是要汇总的文件"


def merged(n: int, out, unit: str, year, errors: int, warnings: int) -> str:
    return f"已汇总 {n} 份报告 → {out}：{unit} {year}年度 · {errors} 个错误 · {warnings} 个警告"


def merge_source(unit: str, file: str, errors: int) -> str:
    return f"  来源：{unit or NO_UNIT}（{file}）" + (f"  ← 有 {errors} 个错误" if errors else "")


def merge_note(note: str) -> str:
    return f"  提示：{note}"


def save_warning(text: str) -> str:
    """A problem that did not stop the save (a ``.bak`` that could not be updated)."""
    return f"注意：{text}"
