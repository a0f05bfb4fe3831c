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


def report_line(name, unit: str, year, errors: int, warnings: int, explained: int = 0) -> str:
    """One checked report: 「a.nianbao：某县 2024年度 · 1 个错误 · 2 个警告 · 1 个已说明」."""
    return (f"{name}：{unit or NO_UNIT} {year or NO_YEAR}年度 · {errors} 个错误 · {warnings} 个警告"
            + (f" · {explained} 个已说明" if explained else ""))


EXPLAINED_LABEL = "已说明"


def explanation(text: str) -> str:
    return f"说明：{text}"


def explanation_refused(text: str) -> str:
    return f"说明：{text}（错误不能以说明代替，仍须更正）"


# -- nianbao check ----------------------------------------------------------------------------
CHECK_HELP = "检查年报：表格勾稽关系、空白单元格、格式与期限等"
CHECK_FILES = "项目文件或其他可导入的年报文件；也可以是文件夹（检查其中所有年报）"
CHECK_JSON = "以 JSON 输出，每条问题一个对象"
CHECK_PREVIOUS = "上一年度的年报，用于跨年核对"
CHECK_REPORT = "把审核结果（汇总、报送情况、问题清单）写入 Excel 文件；屏幕上每个文件只显示一行"
CHECK_EXIT_CODES = "退出码：0 没有错误（警告和已说明的警告不影响）；1 有错误；2 文件或参数无法使用"
CHECK_RULES = "规则包：内置名称（national 全国通用、local-example 示例地方规则）或 .toml 文件；默认只用国家规定"
CHECK_EXPECT = "应报单位名单（.txt 每行一个单位，或 .xlsx 第一列），审核结果中加“报送情况”表"
CHECK_FEEDBACK = "为每个单位在此文件夹写一份“<单位>-审核意见”，可直接发回各单位"
CHECK_FEEDBACK_FORMAT = "审核意见的格式：xlsx（默认）或 docx"
DUPLICATE_RULE_ID = "DUPLICATE"  # --json of a folder: a file of a unit and year (or content) sent twice
UNREADABLE_RULE_ID = "UNREADABLE"  # --json: a file that could not be read, with the reason (and what to do)
NOTE_RULE_ID = "READ-NOTE"  # the "rule" of an import read note in --json (its "code" says which)
CHECK_PROGRESS = "检查"
CHECK_NOTHING_FOUND = "没有找到可检查的年报文件"


def previous_unreadable(name, error) -> str:
    return f"{name}: 无法读取上年报告：{error}"


def rules_unusable(error) -> str:
    return f"无法使用规则包：{error}"


def failed_expect(error) -> str:
    return f"无法使用应报单位名单：{error}"


def audit_row_line(name, unit: str, year, errors: int, warnings: int, explained: int, status: str) -> str:
    """One file of an audit with --report: its counts and state, the findings being in the workbook."""
    return report_line(name, unit, year, errors, warnings, explained) + f" · {status}"


def feedback_written(n: int, folder) -> str:
    return f"已写出 {n} 份审核意见 → {folder}"


def missing_units(units: list[str]) -> str:
    return "未报送：" + "、".join(units)


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
EXPORT_HELP = "导出年报：Word 文档（公文格式）、网页（.html，可贴入网站编辑器）或 Excel 统计表"
EXPORT_REFUSES = "年报仍有错误时拒绝导出，除非加 --force。"
EXPORT_FILE = "项目文件或其他可导入的年报文件"
EXPORT_OUTPUT = "导出的文件：.docx、.html 或 .xlsx"
EXPORT_TEMPLATE = "自选 Word 模板（默认使用所选报表格式的模板）"
EXPORT_FORCE = "年报仍有错误时也导出（空白单元格保持空白，印错的合计照印）"
EXPORT_TEMPLATE_DOCX_ONLY = "--template 只用于导出 Word 文档（.docx）"
EXPORT_HOW_TO_FORCE = "确需导出（空白单元格保持空白，印错的合计照印），请加 --force"


def export_suffix_unsupported(suffix: str) -> str:
    return f"不支持导出为“{suffix or '无扩展名'}”，请用 .docx、.xlsx 或 .html"


def exported_with_errors(n: int) -> str:
    return f"注意：年报还有 {n} 个错误，已按 --force 导出"


def exported(out: Path) -> str:
    return f"已导出：{out}"


def export_warning(message: str) -> str:
    return f"注意：{message}"


def template_note(message: str) -> str:
    return f"模板提示：{message}"


# -- nianbao merge ----------------------------------------------------------------------------
MERGE_HELP = "汇总多个单位同一年度、同一格式的年报：表二、表三、表四逐格相加，生成汇总项目文件"
MERGE_EXIT_CODES = "退出码：0 成功；1 已生成但汇总结果有错误；2 文件无法读取、年度或格式不一致，或有重复报送的文件"
MERGE_FILES = "各单位的年报（项目文件或其他可导入的文件）"
MERGE_OUTPUT = "汇总结果保存到此项目文件"
MERGE_NOT_WRITTEN = "有文件无法读取，未生成汇总"
MERGE_BREAKDOWN = "另写一份明细 Excel：表二、表三、表四每个单元格各单位的数字和汇总数"
MERGE_ALLOW_DUPLICATES = "同一单位同一年度（或内容相同）的文件也一并汇总（默认拒绝，以免重复计数）"


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
