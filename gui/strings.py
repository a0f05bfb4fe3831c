"""Every Chinese text the window shows (domain labels and rule messages come from core).

Fixed texts are constants; texts with parts filled in are functions. Menu texts carry their
accelerator letter「(&X)」; dialog titles never do. Over 400 lines on purpose: one file holds every
UI text, so a reviewer or a new wording is in one place.
"""

from __future__ import annotations

from pathlib import Path

from core.schema import DEFAULT_DEADLINE

APP_NAME = "政府信息公开年报助手"
UNTITLED = "未命名报告"
IMPORTED_SUFFIX = "（导入，尚未保存）"

# Qt's own words its bundled Chinese catalogue lacks (Qt renamed them): (context, source) -> text.
# Seen in the file dialog Qt draws itself on Linux desktops without a native one.
QT_MISSING_WORDS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
}

# -- command line (nianbao [FILE] / --screenshot) ---------------------------------------------
CLI_DESCRIPTION = "政府信息公开年报助手（图形界面）"
CLI_FILE = "要打开的报告文件"
CLI_PAGE = "打开后显示的页面"
CLI_SCREENSHOT = "不显示窗口，把主窗口画到 PNG 文件后退出"
CLI_SIZE = "截图的窗口大小，如 1024x768（默认 1366x768）"


def screenshot_failed(path) -> str:
    return f"无法写入截图“{path}”"


# -- navigation -----------------------------------------------------------------------------
PAGE_TITLES = {
    "meta": "基本信息",
    "preface": "前言",
    "overview": "一、总体情况",
    "t2": "二、主动公开",
    "t3": "三、依申请公开",
    "t4": "四、复议和诉讼",
    "problems": "五、问题及改进",
    "other": "六、其他事项",
    "compare": "与上年对比",  # shown when last year's figures are known
}
GENERAL_GROUP = "全文"


def badge_tooltip(errors: int, pending: int, warnings: int) -> str:
    if not (errors or pending or warnings):
        return "没有发现问题"
    return counts(errors, pending, warnings)


# -- menus and actions ----------------------------------------------------------------------
MENU_FILE = "文件(&F)"
MENU_EDIT = "编辑(&E)"
MENU_VIEW = "视图(&V)"
MENU_TOOLS = "工具(&T)"
MENU_HELP = "帮助(&H)"
MENU_RECENT = "最近打开(&R)"
MENU_ENTER = "回车后移动方向(&E)"

ACT_NEW = "新建(&N)…"
ACT_OPEN = "打开(&O)…"
ACT_SAVE = "保存(&S)"
ACT_SAVE_AS = "另存为(&A)…"
ACT_NEW_YEAR = "从上年报告新建(&Y)…"
ACT_EXPORT_DOCX = "导出 Word(&W)…"
ACT_EXPORT_XLSX = "导出 Excel(&X)…"
ACT_EXPORT_DOCX_TEMPLATE = "导出 Word（自选模板）(&T)…"
ACT_EXPORT_HTML = "导出网页(&H)…"
ACT_COPY_HTML = "复制网页版(&L)"
ACT_MERGE = "汇总(&M)…"
ACT_AUDIT = "批量审核(&B)…"
ACT_FEEDBACK = "写出审核意见(&J)…"
ACT_QUIT = "退出(&Q)"
ACT_UNDO = "撤销(&U)"
ACT_REDO = "重做(&R)"
ACT_COPY = "复制(&C)"
ACT_PASTE = "粘贴(&P)"
ACT_CLEAR = "清除所选单元格(&D)"
ACT_CLEAR_SHORT = "清除(&D)"
ACT_FILL_DOWN = "向下填充(&F)"
ACT_FILL_SELECTION_ZERO = "所选空白格填 0(&0)"
ACT_RECOMPUTE = "按分项重新计算合计(&J)"
ACT_FILL_ZERO = "全部空白单元格填 0(&Z)"
ACT_FINDINGS = "审核结果面板(&P)"
ACT_NEXT_PAGE = "下一页(&N)"
ACT_PREVIOUS_PAGE = "上一页(&B)"
ACT_NEXT_PANE = "切换到下一区域(&G)"
ACT_ENTER_DOWN = "向下(&D)"
ACT_ENTER_RIGHT = "向右(&R)"
ACT_ABOUT = "关于(&A)"
ACT_CLEAR_RECENT = "清除列表(&C)"
NO_RECENT = "（无）"

RECOMPUTE = "按分项重新计算合计"  # a button and an undo step: no accelerator
UNDO_FILL_ZERO = "空白单元格填 0"
UNDO_SECTION_ORDER = "按规范顺序导出各部分"
UNDO_FILL_DOWN = "向下填充"
UNDO_FORMAT = "更改报表格式"
UNDO_KEEP_STALE = "保留沿用上年的内容"


def undo_type(place: str) -> str:
    return f"填写{place}"


def undo_paste(n: int) -> str:
    return f"粘贴 {n} 个单元格"


def undo_clear(n: int) -> str:
    return f"清除 {n} 个单元格"


def undo_fill(n: int) -> str:
    return f"填充 {n} 个单元格"


def undo_meta(field: str) -> str:
    return f"修改{field}"


def undo_text(section: str) -> str:
    return f"编辑“{section}”"


# -- status bar ----------------------------------------------------------------------------
EXPORT_CLASS = "导出前须处理"
COUNTS_TIP = ("错误：必须改正。\n导出前须处理：编辑时只是提醒（如尚未填写的单元格），"
              "导出时算作错误，请在导出前处理。\n警告：请核对，不影响导出。")


def counts(errors: int, pending: int, warnings: int, explained: int = 0) -> str:
    parts = [f"{errors} 个错误"]
    if pending:
        parts.append(f"{pending} 项{EXPORT_CLASS}")
    parts.append(f"{warnings} 个警告")
    if explained:
        parts.append(f"{explained} 个已说明")
    return " · ".join(parts)


def form_label(name: str) -> str:
    return f"格式：{name}"


# -- start page ----------------------------------------------------------------------------
START_TITLE = APP_NAME
START_SUBTITLE = "离线编写、审核、导入和导出政府信息公开工作年度报告"
START_NEW = "新建本年度报告"
START_NEW_TIP = "填写单位名称和报告年度，从空白报告开始（Ctrl+N）"
START_NEW_YEAR = "从上年报告新建"
START_NEW_YEAR_TIP = "选择上年度的报告（项目文件、Word、PDF、网页或 Excel）：带入上年结转数，正文沿用上年内容待修改"
START_OPEN = "打开…"
START_OPEN_TIP = "打开年报项目文件，或导入 Word、PDF、网页、文本、Excel 格式的报告（Ctrl+O）"
START_RECENT = "最近打开"
START_NO_RECENT = "还没有打开过的报告。"
START_DROP_HINT = "也可以把报告文件拖到此窗口中打开。"


def recent_entry(name: str, folder: str, missing: bool = False) -> str:
    return f"{name}{'（找不到此文件）' if missing else ''}\n{folder}"


def recent_missing(path: str) -> str:
    return f"找不到“{path}”，可能已移动或删除。已从最近打开的列表中移除。"


# -- basic info page -----------------------------------------------------------------------
META_TITLE = "基本信息"
META_UNIT = "单位名称"
META_YEAR = "报告年度"
META_FORM = "报表格式"
META_DATE = "发布日期"
META_SIGNER = "署名单位"
META_DEADLINE = "发布期限（月-日）"
META_BASELINE = "上年报告"
META_YEAR_BLANK = "未填写"
META_DATE_PLACEHOLDER = "如 2026-01-20 或 2026年1月20日"
META_DEADLINE_PLACEHOLDER = DEFAULT_DEADLINE
META_NO_BASELINE = "未导入（用“从上年报告新建”可核对上年结转数等）"
META_FIELD_NAMES = {"unit": META_UNIT, "year": META_YEAR, "date": META_DATE, "signer": META_SIGNER,
                    "deadline": META_DEADLINE}
META_HELP = ("报告年度决定应使用的报表格式：2021 年度起用国办公开办函〔2021〕30号格式，"
             "2019、2020 年度用〔2019〕60号格式。")
FORM_YEARS = {"gb2021": "2021 年度起", "gb2019": "2019—2020 年度"}


def form_option(name: str, years: str) -> str:
    return f"{name}（{years}）"


def baseline_text(year, unit: str, file: str) -> str:
    parts = [f"{year}年度" if year else "上年度"]
    if unit:
        parts.append(unit)
    if file:
        parts.append(f"（{file}）")
    return " ".join(parts)


def date_bad(text: str) -> str:
    return f"发布日期“{text}”无法识别，请写成 2026-01-20 或 2026年1月20日"


def deadline_bad(text: str) -> str:
    return f"发布期限“{text}”无法识别，请写成 01-31 这样的 月-日"


# -- table pages ---------------------------------------------------------------------------
TABLE_LEGEND = ("灰蓝底为自动计算的合计，不能直接填写；红底为错误，黄底为警告，鼠标停留可看说明。"
                "没有发生的事项请填 0。")
MONEY_UNIT_LABEL = "“政府集中采购”采购总金额的单位："
MONEY_UNIT_UNSET = "请选择（2019 年格式的表格没有印出单位，导出时印在表头）"
MONEY_UNIT_TIP = "原报告写的是“万元”还是“元”？所选单位导出时印在表头：“采购总金额（万元）”"


def undo_money_unit(unit: str) -> str:
    return f"采购总金额单位改为{unit}"


DERIVED_TIP = "合计：按分项自动计算"
BLANK_TIP = f"未填写 — {EXPORT_CLASS}（没有发生的事项请填 0）"
BLANK_WORD = "空白"
DERIVED_READONLY = "这是合计，按分项自动计算，不能直接填写"
LABEL_READONLY = "表头和项目名称不能修改"
PASTE_NOTHING = "剪贴板中没有可以粘贴的内容"
PASTE_NO_TARGET = "请先选中要粘贴到的起始单元格"
PASTE_NOT_A_NUMBER = "不是数字"
PASTE_CANCELLED = "已取消粘贴，没有修改任何单元格。"
CLIPBOARD_NAME = "剪贴板"
FILL_NOTHING = "所选单元格中没有可以填充的空白格"


def paste_refused(row: int, col: int, text: str, why: str) -> str:
    return f"第 {row} 行第 {col} 个数“{text}”：{why}。{PASTE_CANCELLED}"


def paste_other_table(table: str, label: str) -> str:
    return f"粘贴的内容是{table}的（“{label}”），不是表四的数字。{PASTE_CANCELLED}"


def paste_unknown_label(row: int, label: str) -> str:
    return f"第 {row} 行“{label}”不是本表的项目，无法确定应粘贴到哪一行。{PASTE_CANCELLED}"


def paste_repeated_label(first: int, row: int, label: str) -> str:
    return f"第 {first} 行和第 {row} 行都是“{label}”，无法确定用哪一行的数字。{PASTE_CANCELLED}"


def paste_row_without_label(row: int) -> str:
    return (f"其他各行都以项目名称开头，第 {row} 行却没有，无法确定应粘贴到哪一行。"
            f"请连同项目名称一起复制，或只复制数字。{PASTE_CANCELLED}")


def paste_done(n: int, *, skipped: list[str] = (), differ: list[tuple[str, str, str]] = (), clipped: int = 0,
               blank_marks: list[str] = (), read_as: list[tuple[str, str]] = (), subtotal_column: bool = False) -> str:
    """The status line after a paste: what was written, and every value that was not (and why)."""
    parts = [f"已粘贴 {n} 个单元格"]
    if subtotal_column:
        parts.append("复制的表三多一列“法人或其他组织”小计，已略去（按分项计算），其余各列对应粘贴")
    if skipped:
        values = "".join(f"“{v}”" for v in skipped[:8]) + ("等" if len(skipped) > 8 else "")
        text = f"合计按分项自动计算，跳过了粘贴到合计格的 {len(skipped)} 个数{values}"
        if differ:
            shown = "；".join(f"{place}粘贴的是 {pasted}，按分项计算为 {computed}"
                             for place, pasted, computed in differ[:2])
            more = f"等 {len(differ)} 处" if len(differ) > 2 else ""
            text += f"，其中{shown}{more}，请核对分项"
        parts.append(text)
    if clipped:
        parts.append(f"有 {clipped} 个数超出了表格范围，未粘贴")
    if blank_marks:
        marks = "".join(f"“{m}”" for m in dict.fromkeys(blank_marks))
        parts.append(f"{marks}按空白处理（{len(blank_marks)} 格，没有发生的事项请填 0）")
    if read_as:
        shown = "、".join(f"“{a}”读作 {b}" for a, b in read_as[:3])
        parts.append(shown + (f"等 {len(read_as)} 个" if len(read_as) > 3 else ""))
    return "；".join(parts)


def filled(n: int) -> str:
    return f"已填充 {n} 个单元格"


# -- narrative pages -----------------------------------------------------------------------
def char_count(n: int, limit: int | None) -> str:
    if limit is None:
        return f"字数：{n}"
    if n > limit:
        return f"字数：{n}（超过约 {limit} 字的篇幅要求）"
    return f"字数：{n} / 约 {limit}"


STALE_NOTE = "本节沿用了上年报告的内容，请按本年度情况修改。"
STALE_KEEP = "已核对，保留"
TABLE_NOTE_LABEL = "表下说明（选填，导出时印在表格下方）"
TABLE_NOTE_PLACEHOLDER = {
    "t2": "如：本年度未制发规章。",
    "t3": "如：本年度我单位共收到政府信息公开申请5件，均已按期答复。",
    "t4": "如：本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
}
NARRATIVE_PLACEHOLDER = {
    "preface": "前言：说明本报告的编制依据、内容构成和统计期限等。",
    "overview": "综述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况。",
    "problems": "写明存在的主要问题及改进情况。",
    "other": "说明收取信息处理费的情况（未收取也应写明），以及其他需要报告的事项。",
}

# -- bound fields (表格数字) in the narrative --------------------------------------------------
FIELD_INSERT = "插入表格数字"
FIELD_INSERT_ACTION = "插入表格数字(&I)…"
FIELD_SHORTCUT = "Ctrl+Shift+F"
FIELD_SEARCH = "输入关键字筛选，如“新收 总计”“行政复议”"
FIELD_TABLES = {"t2": "表二 主动公开", "t3": "表三 依申请公开", "t4": "表四 复议和诉讼"}
FIELD_HEAD_NAME = "项目"
FIELD_HEAD_VALUE = "当前数值"
FIELD_NO_MATCH = "没有符合的表格数字"
FIELD_UNFILLED = "未填"


def field_insert_tip(key: str) -> str:
    return (f"在光标处插入一个与表格单元格绑定的数字（{key}）。"
            "正文中显示为带底色的当前数值，导出 Word 时印为该数值，正文与表格始终一致。")


def undo_insert_field(name: str) -> str:
    return f"插入表格数字“{name}”"


def field_tip(marker: str, value: str, description: str) -> str:
    return f"表格数字 {marker}＝{value}\n{description}\n随表格自动更新，导出 Word 时印为表格中的当前数值"


def field_unknown_tip(marker: str) -> str:
    return f"“{marker}”不是可识别的表格数字字段，导出时会原样印出。\n请删除后用“插入表格数字”（Ctrl+Shift+F）重新插入。"


# -- findings panel ------------------------------------------------------------------------
FINDINGS_TITLE = "审核结果"
FINDINGS_NONE = "没有发现问题"
EXPLAINED_CLASS = "已说明"
CLASS_NAMES = {"error": "错误", "export": EXPORT_CLASS, "warning": "警告", "explained": EXPLAINED_CLASS}
EXPLAIN_BUTTON = "写说明…"
EXPLAIN_BUTTON_TIP = ("警告所说属实时（如机构改革），可写明说明代替修改：审核时单独计为“已说明”。"
                      "错误不能以说明代替。说明不会印在导出的 Word 或网页中。")
EXPLAIN_TITLE = "说明"
UNDO_EXPLAIN = "写说明"
UNDO_UNEXPLAIN = "删除说明"


def explain_prompt(message: str) -> str:
    return f"{message}\n\n请写明情况属实的原因（留空则删除说明）："


def explained_row(message: str, why: str | None) -> str:
    # U+2028 (line separator): a line break the panel's wrapped-row layout measures, where "\n" is not
    return f"{message}\u2028说明：{why}"


def explained_cell_tip(message: str, why: str | None) -> str:
    return f"已说明：{message}\n说明：{why}"


def explanation_tip(why: str) -> str:
    return f"已说明：{why}"
RECOMPUTE_HINT = "可一键按分项重新计算合计（可撤销）"


def totals_wrong(n: int) -> str:
    return f"有 {n} 处合计与分项之和不符。"


def group_title(page_title: str, class_name: str, n: int) -> str:
    return f"{page_title} · {class_name}（{n}）"


# -- new report dialog ---------------------------------------------------------------------
NEW_TITLE = "新建年报"
NEW_UNIT = "单位名称"
NEW_YEAR = "报告年度"
NEW_UNIT_PLACEHOLDER = "如：××县人民政府办公室"
NEW_FORM_NONE = "2019 年度以前的报告不受支持"
NEW_UNIT_MISSING = "请填写单位名称"


def new_form_auto(name: str) -> str:
    return f"将使用：{name}"


# -- files ---------------------------------------------------------------------------------
PROJECT_FILTER = "年报项目文件 (*.nianbao)"
ALL_FILES_FILTER = "所有文件 (*)"
DOCX_FILTER = "Word 文档 (*.docx)"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
HTML_FILTER = "网页 (*.html)"
COPIED_HTML = "已复制网页版（含表格），可粘贴到网站的编辑器中"
OPEN_TITLE = "打开报告"
SAVE_TITLE = "保存报告"
NEW_YEAR_TITLE = "选择上年度的报告"
TEMPLATE_TITLE = "选择 Word 模板（本单位或本省的版式）"
EXPORT_TITLE = "导出"
EXPORT_FAILED = "导出失败"
READ_NOTES_TITLE = "读取报告时的说明"
ASK_SAVE_TITLE = "尚未保存"
BTN_SAVE = "保存"
BTN_DISCARD = "不保存"
BTN_CANCEL = "取消"
BTN_MERGE_ANYWAY = "仍然汇总"
BTN_RESTORE = "恢复"
BTN_DISCARD_RECOVERY = "丢弃"
BTN_EXPORT_ANYWAY = "仍然导出"
BTN_OPEN_FOLDER = "打开所在文件夹"
BTN_CLOSE = "关闭"
RECOVERY_TITLE = "恢复未保存的内容"
RECOVERED = "已恢复自动保存的内容，请核对后保存"
AUTOSAVED = "已自动保存恢复副本"
EXPORT_ERRORS_TITLE = "导出前须处理"
EXPORT_DONE_TITLE = "导出完成"


def all_reports_filter(patterns: str) -> str:
    return f"所有可打开的报告 ({patterns})"


def open_failed(name: str) -> str:
    return f"无法打开“{name}”"


def save_failed(name: str) -> str:
    return f"无法保存“{name}”"


def unexpected_error(kind: str, detail: str) -> str:
    return f"出现意外错误（{kind}）：{detail}。报告没有改动，请把此文件交给技术人员查看。"


def read_notes_intro(name: str) -> str:
    return f"已打开“{name}”。读取时有以下情况，请核对："


def saved(path) -> str:
    return f"已保存到 {path}"


def exported(path) -> str:
    return f"已导出到 {path}"


def ask_save(name: str) -> str:
    return f"“{name}”有尚未保存的修改。是否保存？"


def recovery_ask(when: str, name: str) -> str:
    return ("上次运行时年报助手没有正常退出（如断电或死机）。\n"
            f"发现 {when} 自动保存的“{name}”尚未保存的内容。\n\n是否恢复？恢复后请核对并保存。")


def export_blocked(errors: int, pending: int, items: str) -> str:
    parts = []
    if errors:
        parts.append(f"{errors} 个错误")
    if pending:
        parts.append(f"{pending} 项尚未填写")
    return f"导出前还有 {'、'.join(parts)}须处理（与审核结果面板中列出的相同），导出的报告可能不合格：\n\n{items}\n\n是否仍然导出？"


def export_more(n: int) -> str:
    return f"……还有 {n} 个"


def export_done(path) -> str:
    return f"已导出到：\n{path}"


def export_done_with_notes(path, notes: list[str]) -> str:
    """Export finished, with what to look at: characters the fonts lack, what left the template."""
    return export_done(path) + "\n\n请留意：\n" + "\n".join(f"· {n}" for n in notes)


def totals_bar(n: int) -> str:
    return f"此报告中有 {n} 处合计与分项之和不符（已在审核结果中列出），数字未做任何改动。"


def new_year_done(year) -> str:
    return (f"已根据 {year} 年度报告新建本年度报告：上年结转数等已带入，正文沿用上年内容的部分已标出，"
            "请逐节修改。")


def about(version: str) -> str:
    return f"{APP_NAME} {version}\n\n离线编写、审核、导入和导出政府信息公开工作年度报告。"


ABOUT_TITLE = "关于"


def project_file_name(unit, year) -> str:
    return f"{unit or UNTITLED}{year or ''}年度年报"


def export_file_name(unit, year) -> str:
    return f"{unit or ''}{year or ''}年政府信息公开工作年度报告"


def when(year: int, month: int, day: int, hour: int, minute: int) -> str:
    return f"{year}年{month}月{day}日 {hour:02d}:{minute:02d}"


def dirty_title(name: str) -> str:
    return f"{name}[*] — {APP_NAME}"


# -- work in the background ----------------------------------------------------------------
OPEN_OP_TITLE = "打开报告"
NEW_YEAR_OP_TITLE = "从上年报告新建"
EXPORT_OP_TITLE = "导出"
MERGE_OP_TITLE = "汇总"
AUDIT_OP_TITLE = "批量审核"


def reading(name: str) -> str:
    return f"正在读取“{name}”……"


def writing(name: str) -> str:
    return f"正在写入“{name}”……"


# -- 汇总 and 批量审核 ------------------------------------------------------------------------
MERGE_TITLE = "选择要汇总的报告（可多选）"
MERGE_TOO_FEW = "请至少选择两份报告进行汇总"
MERGE_DONE_TITLE = "汇总完成"
MERGE_RUNNING = "正在读取要汇总的报告……"
AUDIT_FOLDER_TITLE = "选择存放待审核报告的文件夹"
AUDIT_SAVE_TITLE = "保存审核结果"
AUDIT_FILE_NAME = "批量审核结果.xlsx"
AUDIT_RUNNING = "正在查找要审核的报告……"
AUDIT_EXPECT_TITLE = "选择应报单位名单（.txt 每行一个单位，或 .xlsx 第一列；不需要请点“取消”）"
EXPECT_FILTER = "应报单位名单 (*.txt *.xlsx)"
SUBMISSIONS_TITLE = "报送情况"
BTN_WRITE_FEEDBACK = "写出各单位审核意见(&J)…"
FEEDBACK_TITLE = "写出审核意见"
FEEDBACK_NEED_AUDIT = "请先用“批量审核”审核一个文件夹，再为各单位写出审核意见。"
FEEDBACK_FOLDER_TITLE = "选择存放各单位审核意见的文件夹"
FEEDBACK_FOLDER_NAME = "审核意见"
FEEDBACK_FORMAT_TEXT = "审核意见写成哪种文件？每个单位一份，可直接发回给该单位修改。"
BTN_FEEDBACK_XLSX = "Excel 表格(&X)"
BTN_FEEDBACK_DOCX = "Word 文档(&W)"
SUBMISSIONS_COLUMNS = ["单位", "报送情况", "逾期", "错误", "警告", "已说明", "文件", "备注"]
SUBMISSIONS_HINT = "双击一行打开该单位的报告。完整的审核结果（汇总、报送情况、问题清单）在审核结果工作簿中。"
RULES_MENU = "规则包(&R)"
RULES_FROM_FILE = "从文件选择(&F)…"
RULES_FILE_TITLE = "选择规则包文件"
RULES_FILTER = "规则包 (*.toml)"
RULES_TITLE = "规则包"
COMPARE_TITLE = "与上年对比"
ACT_COMPARE = "与上年对比(&Y)"
COMPARE_NO_BASELINE = "这份报告没有上年报告的数字。请用“从上年报告新建”开始本年度报告，或用命令行 --previous 指定上年报告。"
COMPARE_HINT = ("变化超过规则包规定倍数的单元格标为琥珀色（W-X-JUMP）。双击一行（或按回车）转到该单元格。"
                "上年报告是另一种格式时，两种格式含义不同的单元格上年一栏留空。")
COMPARE_JUMP_TIP = "变化过大（W-X-JUMP），请核对是否填错或漏填。双击转到该单元格"
COMPARE_ROW_TIP = "双击转到该单元格"


def compare_columns(last_year, year) -> list[str]:
    """The page's column heads: 「单元格」「2024年」「2025年」「变化」 (上年 / 本年 when a year is not known)."""
    return ["单元格", f"{last_year}年" if last_year else "上年", f"{year}年" if year else "本年", "变化"]


def compare_only_jumps(factor, jumps: int) -> str:
    return f"只看变化超过 {factor} 倍的单元格（{jumps} 个）"


def feedback_done(n: int, folder) -> str:
    return f"已为 {n} 个单位写出审核意见，保存在：\n{folder}"


def submission_tip(path: str) -> str:
    return f"{path}\n双击打开"


def rules_item(name: str, i: int) -> str:
    return f"{name}(&{i})"


def rules_chosen(name: str) -> str:
    return f"已改用规则包“{name}”，重新检查了当前报告"


def rules_broken(error: str) -> str:
    return f"所选规则包无法使用，已按全国通用规则检查：{error}"


def compare_year(last, now) -> str:
    return f"上年（{last or '？'}年度）与本年（{now or '？'}年度）逐格对比"


def merge_reading(i: int, n: int, name: str) -> str:
    return f"正在读取第 {i} / {n} 份：{name}"


def merge_duplicates(pairs: list[tuple[str, str, str]]) -> str:
    listed = "\n".join(f"· {Path(a).name} 与 {Path(b).name}：{why}" for a, b, why in pairs)
    return f"以下文件重复，一并汇总会把同一单位的数字算两遍：\n{listed}\n\n仍然一并汇总吗？"


def merge_done(n: int, notes: list[str]) -> str:
    text = f"已汇总 {n} 份报告的统计表，生成新的报告（尚未保存）。请补写正文后保存。"
    if notes:
        text += "\n\n请注意：\n" + "\n".join(f"· {x}" for x in notes)
    return text


def audited(done: int, total: int) -> str:
    return f"已审核 {done} / {total} 份"


def audit_writing(n: int) -> str:
    return f"已审核 {n} 份，正在写入审核结果……"


def audit_done(n: int, with_errors: int, unreadable: int, path: str) -> str:
    return (f"共审核 {n} 份报告：{with_errors} 份有错误，{unreadable} 份无法读取。\n"
            f"审核结果已保存到：\n{path}")


# -- recovery, locks and safe saving (issue 12) ------------------------------------------------
RECOVERY_UNNAMED = "（名称未知的恢复副本）"
RECOVERY_GARBLED = "内容不完整或已损坏"
RECOVERY_INTRO = ("上次运行时年报助手没有正常退出（如断电或死机），留下了以下自动保存、尚未保存的内容。\n"
                  "勾选要恢复的副本后点“恢复所选”；没有勾选的副本会保留到下次启动，只有点“丢弃所选”才会删除。")
RECOVERY_COLUMNS = ("报告", "原文件", "自动保存于", "状态")
RECOVERY_NO_FILE = "（尚未保存为文件）"
RECOVERY_OK = "可以恢复"
RECOVERY_BROKEN = "已损坏：可查看其中能读出的文字"
BTN_RESTORE_CHOSEN = "恢复所选"
BTN_DISCARD_CHOSEN = "丢弃所选…"
BTN_SHOW_TEXT = "查看可读内容…"
BTN_LATER = "以后再说"
BTN_COPY_ALL = "复制全部文字"
BTN_NEW_FROM_TEXT = "用这些文字新建报告"
RECOVERY_NOTHING_CHOSEN = "请先勾选要恢复或丢弃的副本"
RECOVERY_TEXT_TITLE = "恢复副本中能读出的文字"
RECOVERY_NO_TEXT = "这个副本中没有能读出的文字。"
RECOVERY_KEPT = "新的恢复副本没能写入，原来的恢复副本已保留"
RECOVERY_SALVAGED = "已用恢复副本中能读出的文字新建报告（表格数字需要重新填写），请核对后保存"


def recovery_damaged(when: str, reason: str) -> str:
    """A recovery copy that cannot be opened as a report: say what it is, and that it is kept."""
    return (f"这是 {when} 自动保存的恢复副本，但它已损坏，不能作为报告打开（{reason}）。"
            "副本仍然保留；其中能读出的文字可以查看并复制。")


def recovery_confirm_discard(n: int) -> str:
    return f"确定要删除所选的 {n} 个恢复副本吗？删除后其中未保存的内容将无法找回。"


def recovery_text(unit: str, year: str, sections) -> str:
    """The readable text of a damaged copy, as the clerk copies it: unit, year, then each section."""
    head = [line for line in (f"单位：{unit}" if unit else "", f"年度：{year}" if year else "") if line]
    body = [f"【{title}】\n{text}" for _, title, text in sections]
    return "\n\n".join(["\n".join(head)] + body if head else body)


LOCKED_TITLE = "文件正在使用"
BTN_OPEN_READONLY = "只读打开"
BTN_OPEN_COPY = "打开副本"
READ_ONLY_SUFFIX = "（只读）"
COPY_SUFFIX = "（副本）"
CHANGED_TITLE = "文件已被修改"
BTN_SAVE_AS_INSTEAD = "另存为…"
BTN_OVERWRITE = "仍然覆盖"


def locked(name: str, owner: str) -> str:
    return (f"“{name}”正由{owner}打开编辑。\n\n"
            "两处同时修改会互相覆盖。可以只读打开（查看、导出，另存为新文件），或打开一份副本另行编辑。")


LOCKED_ELSEWHERE = ("\n\n如果那台电脑已经关机、死机或断电，文件在那边没有正常关闭，这个锁就是它留下的，"
                    "确认后可以点“仍要编辑…”接管。")
BTN_TAKE_OVER = "仍要编辑…"
TAKE_OVER_TITLE = "接管另一台电脑的锁"
BTN_TAKE_OVER_CONFIRM = "接管并编辑"
LOCK_LOST_TITLE = "文件已被另一台电脑接管"


def take_over(name: str, left_by: str, computer: str) -> str:
    return (f"“{name}”的锁是{left_by} 打开这个文件时留下的。\n\n"
            f"只有确认电脑 {computer} 上已经没有打开这个文件时才能接管（例如那台电脑死机、断电或已关机）。"
            "如果那边还开着，两边都能保存，后保存的会覆盖先保存的，修改就会丢失。"
            f"拿不准时请先问问使用电脑 {computer} 的同事，或选“只读打开”“打开副本”。\n\n"
            f"接管后由这台电脑编辑；电脑 {computer} 上如果还开着这个文件，保存时会被告知锁已被接管。")


def take_over_sure(computer: str) -> str:
    return f"我已确认电脑 {computer} 上没有打开这个文件"


def lock_taken_over(owner: str) -> str:
    return f"已接管{owner}留下的锁，现在由这台电脑编辑"


def lock_lost(name: str, owner: str) -> str:
    return (f"“{name}”的锁已被{owner}接管，那边可能正在编辑这个文件。\n\n"
            "直接保存会覆盖那边的修改。建议另存为新文件，再核对两个版本。")


def read_only_save(name: str) -> str:
    return f"“{name}”是只读打开的（正由别处编辑），请另存为新文件。"


def locked_target(name: str, owner: str) -> str:
    return f"“{name}”正由{owner}打开编辑，不能覆盖。请换一个文件名保存。"


def changed_on_disk(name: str) -> str:
    return (f"“{name}”在打开之后已被其他程序或其他人修改过。\n\n"
            "直接保存会覆盖那些修改。建议另存为新文件，再核对两个版本。")


def save_warnings(warnings: list[str]) -> str:
    return "\n".join(warnings)


def unexpected_write_error(kind: str, detail: str) -> str:
    return (f"出现意外错误（{kind}）：{detail}。报告仍在窗口中，没有丢失；"
            "请用“另存为”换一个位置保存，并把此情况告诉技术人员。")
