"""Texts of 批量审核: the audit workbook's sheets and columns, 报送情况, feedback files, and each file's status."""

from __future__ import annotations

from pathlib import Path

SUMMARY_SHEET = "汇总"
FINDINGS_SHEET = "问题清单"
SUBMISSIONS_SHEET = "报送情况"
SUMMARY_HEADERS = ("文件", "单位", "年度", "格式", "错误", "警告", "已说明", "无法识别的单元格", "读取提示",
                   "重复报送", "状态")
FINDING_HEADERS = ("文件", "单位", "规则", "严重程度", "单元格", "问题说明", "原文", "说明")
SUBMISSION_HEADERS = ("序号", "单位", "报送情况", "逾期", "报告日期", "发布期限", "错误", "警告", "已说明",
                      "文件", "备注")
# How a finding's cells are named when they are not table cells.
META_NAMES = {"meta.unit": "单位名称", "meta.year": "报告年度", "meta.date": "发布日期", "meta.signer": "落款单位",
              "meta.deadline": "发布期限"}
NARRATIVE_PLACE = "正文"
UNREADABLE_RULE = "无法读取"  # the 规则 column of a file that could not be read
NOTE_RULE = "读取提示"  # the 规则 column of an import read note
NOTE_SEVERITY = "提示"
OUT_OF_MEMORY = "文件过大，内存不足"
TIMED_OUT = "读取超时"

SUBMITTED, MISSING, DUPLICATE, UNLISTED = "已报送", "未报送", "重复报送", "名单外"
OVERDUE = "逾期"
NO_DATE = "未填日期"


def status(unreadable: str | None, errors: int, warnings: int, timed_out: bool = False,
           duplicate: bool = False, merged_units: int = 0) -> str:
    if timed_out:
        return TIMED_OUT
    if unreadable:
        return f"无法读取：{unreadable}"
    state = "有错误" if errors else "有警告" if warnings else "通过"
    if merged_units:
        state += f"；{merged_report(merged_units)}"
    return f"{state}；{DUPLICATE}" if duplicate else state


def merged_report(units: int) -> str:
    """A 汇总 report found among the reports sent in: checked, but nobody's submission."""
    return f"汇总报告（{units} 个单位），不计入报送情况"


def read_crashed(error: str) -> str:
    return f"读取时出现意外错误（{error}）"


def check_crashed(error: str) -> str:
    return f"检查时出现意外错误（{error}）"


def more_places(listed: str, n: int) -> str:
    return f"{listed}等 {n} 处"


def summary_line(files: int, with_errors: int, unreadable: int, cancelled: bool, pack: str = "") -> str:
    return (f"共 {files} 个文件：{with_errors} 个有错误，{unreadable} 个无法读取"
            + (f"；规则包：{pack}" if pack else "")
            + ("（审核被中途停止）" if cancelled else ""))


def duplicate_of(names: list[str]) -> str:
    return "与 " + "、".join(names) + " 重复"


def several_files(names: list[str]) -> str:
    return f"收到 {len(names)} 份：{'、'.join(names)}；各项计数取自最近修改的 {names[0]}"


def other_years(items: list[tuple[object, str]]) -> str:
    return "另有其他年度的报告：" + "、".join(f"{name}（{year or '未填'}年度）" for year, name in items)


def submissions_line(expected: int, submitted: int, missing: int, duplicate: int, overdue: int,
                     unlisted: int) -> str:
    return (f"应报 {expected} 个单位：已报送 {submitted}，未报送 {missing}，重复报送 {duplicate}，逾期 {overdue}"
            + (f"；名单外文件 {unlisted} 个" if unlisted else ""))


# -- --expect --------------------------------------------------------------------------------
def expect_missing(path) -> str:
    return f"找不到应报单位名单“{path}”"


def expect_too_big(path) -> str:
    return f"应报单位名单“{path}”过大，不是名单文件"


def expect_kind(path) -> str:
    return f"应报单位名单“{path}”应为 .txt（每行一个单位）或 .xlsx（第一列为单位）"


def expect_unreadable(path) -> str:
    return f"无法读取应报单位名单“{path}”，请另存为 .xlsx 或 .txt 后重试"


def expect_empty(path) -> str:
    return f"应报单位名单“{path}”中没有单位名称"


# -- feedback (审核意见) ----------------------------------------------------------------------
FEEDBACK_SUFFIX = "-审核意见"
REVIEW_OUTPUT_CATEGORY = "年报助手审核输出"  # 类别 (docProps) of the review's own files: core.review.outputs
FEEDBACK_HEADERS = ("序号", "类别", "位置", "问题", "原文", "怎么办")
MUST_FIX = "须更正"
PLEASE_CHECK = "请核实"
EXPLAINED = "已说明"
NOTE = "请核对"
HOW_ERROR = "请更正后重新报送"
HOW_WARNING = "请核实；确属实际情况的，可在年报助手中写明说明后重新报送"
HOW_NOTE = "读入时的提示：请核对这一处在原文件中是否填写清楚"


def feedback_title(unit: str, year) -> str:
    return f"{unit}{year or ''}{'年度' if year else ''}政府信息公开工作年度报告审核意见"


def feedback_intro(file: str, errors: int, warnings: int, explained: int) -> str:
    if not errors and not warnings:
        head = "经审核，未发现需要更正的问题"
    else:
        head = f"经审核，发现 {errors} 处须更正的错误、{warnings} 处请核实的问题"
    return f"审核的文件：{Path(file).name}。{head}" + (f"；另有 {explained} 处已写明说明" if explained else "") + "。"


def feedback_unreadable(file: str, why: str) -> str:
    return (f"报送的文件“{Path(file).name}”无法读取（{why}）。请用 Word 另存为 .docx，"
            "或用年报助手保存项目文件后重新报送。")


FEEDBACK_MISSING = "截至审核时未收到贵单位的年度报告，请尽快报送。"


def feedback_duplicate(names: list[str]) -> str:
    return f"收到贵单位 {len(names)} 份报告（{'、'.join(names)}），请确认以哪一份为准，并撤回其余。"


def feedback_overdue(date: str, deadline: str) -> str:
    return f"报告的成文日期 {date} 晚于发布期限 {deadline}。"


FEEDBACK_SHEET = "审核意见"


def feedback_folder(folder, why: str) -> str:
    return f"无法在“{folder}”中写审核意见：{why}"


def audited_folder(root) -> str:
    return f"文件位置均相对于：{root}"


# A first line of an expected-units list that is a column header, not a unit.
EXPECT_HEADER_WORDS = frozenset({"单位", "单位名称", "名称", "报送单位", "应报单位", "部门", "部门名称"})
NO_UNIT_FILE_NAME = "未填单位"
FEEDBACK_FONT = "仿宋"


def explained_how(text: str) -> str:
    return f"说明：{text}"


def row_place(table: str, label: str) -> str:
    return f"{table}“{label}”行"
