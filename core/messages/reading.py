"""Texts of reading a file: read notes (``ReadNote.message``) and why a file is refused."""

from __future__ import annotations

# -- the report as a whole ------------------------------------------------------------------


YEAR_MISSING = "未能从标题中读出报告年度，请在“基本信息”中填写"
UNIT_MISSING = "未能读出单位名称，请在“基本信息”中填写"


def section_missing(title: str) -> str:
    return f"未找到“{title}”部分的正文"


def form_by_year(year: int, form_name: str) -> str:
    return f"未能从表头判断报表格式，按报告年度 {year} 选用{form_name}格式"


def form_by_default(form_name: str) -> str:
    return f"未能从表头或年度判断报表格式，按现行格式（{form_name}）读取"


def form_mismatch(form_name: str, year: int, expected_name: str) -> str:
    return f"表格按{form_name}格式填写，但 {year} 年度应使用{expected_name}格式，请核对"


def not_a_report(source: str) -> str:
    return f"“{source}”中没有找到年度报告的章节或统计表，不像是政府信息公开工作年度报告"


def no_tables(source: str) -> str:
    return f"“{source}”中没有找到年度报告的统计表，不像是政府信息公开工作年度报告"


# -- one cell: ``shown`` is the cell's text as printed, ``value`` the number as read ------------


def cell(table: str, row_label: str, col_label: str, note: str) -> str:
    """Where a cell note belongs: 「表三“…”·“自然人”：原文…」."""
    return f"{table}“{row_label}”·“{col_label}”：{note}"


def value_read_as(shown: str, value: str, unit: str = "") -> str:
    return f"原文“{shown}”，读作 {value}" + (f"（{unit}）" if unit else "")


def value_yuan_to_wan(shown: str, value: str) -> str:
    return f"原文“{shown}”，已按万元换算为 {value}，请核对"


def value_in_yuan(shown: str, value: str) -> str:
    return f"原文“{shown}”以元为单位，读作 {value}，请核对单位"


def value_negative(shown: str) -> str:
    return f"原文“{shown}”为负数，此栏不能为负，此格留空待填"


def value_not_integer(shown: str) -> str:
    return f"原文“{shown}”不是整数，此格留空待填"


def value_not_number(shown: str) -> str:
    return f"原文“{shown}”无法识别为数字，此格留空待填"


def value_spaced(shown: str) -> str:
    return f"原文“{shown}”的数字之间有空格，无法确定是一个数还是几个数，此格留空待填"


def value_numbering(shown: str) -> str:
    return f"原文“{shown}”是编号，不是数字，此格留空待填"


def value_only_superscript(shown: str) -> str:
    return f"原文“{shown}”只有上标，没有数字，此格留空待填"


def value_cleaned(shown: str, value: str, removed: list[str]) -> str:
    """A number read from decorated text; ``removed`` says what was done to it (removed_* below)."""
    return f"原文“{shown}”，{'，'.join(removed)}，读作 {value}，请核对"


UNIT_PREFIX = "去掉单位"


def removed_superscript(text: str) -> str:
    return f"去掉上标“{text}”（脚注标记）"


def removed_remark(text: str) -> str:
    return f"去掉标注“{text}”"


def removed_unit(word: str) -> str:
    return f"{UNIT_PREFIX}“{word}”"


def removed_approx(word: str) -> str:
    return f"去掉“{word}”字（原文是约数）"


def removed_letters(letters: str) -> str:
    return f"把字母“{letters}”当作数字"


# -- rows and tables: ``table`` is the short name (表三), ``label`` a row's label as printed ------


def row_short(table: str, label: str, got: int, missing: int) -> str:
    return f"{table}“{label}”一行只读到 {got} 个数，缺少的 {missing} 格留空待填"


def row_placed(table: str, label: str, got: int, cells: int, blanks: list[str]) -> str:
    """A row of text with fewer numbers than cells, placed by the table's sums."""
    where = "、".join(f"“{b}”" for b in blanks)
    return (f"{table}“{label}”一行只印了 {got} 个数（共 {cells} 格），按本表的合计推定{where}原文为空，"
            "其余各数依次填入，请核对")


def row_rejoined(table: str, label: str, printed: str, read: str, split: bool) -> str:
    why = "两个数印在了一起，已按合计拆开" if split else "数字在格内折行，已按合计接上"
    return f"{table}“{label}”一行原文为“{printed}”，{why}，读作“{read}”，请核对"


def row_uncertain(table: str, label: str, printed: str, cells: int, unsure: list[str]) -> str:
    where = "、".join(f"“{u}”" for u in unsure)
    return (f"{table}“{label}”一行读到“{printed}”（共 {cells} 格），按合计无法确定各数所在的格：{where}"
            "留空待填，请对照原文填写")


T4_ROW = "数据"  # how 表四's one row is called in a note


def row_sums_fail_as_printed(table: str, label: str, printed: str, cells: int) -> str:
    return (f"{table}“{label}”一行读到“{printed}”（共 {cells} 格），与本表的合计对不上：可能是原表填错，"
            "也可能是复制时串了行；已按原样填入，请对照原文核对")


def row_sums_contradict(table: str, label: str, printed: str, cells: int) -> str:
    return (f"{table}“{label}”一行读到“{printed}”（共 {cells} 格），与本表的合计对不上，各数已按从左到右填入"
            "（多出的未读入），请对照原文核对这一行")


def row_extra(table: str, label: str, extra: list[str]) -> str:
    return f"{table}“{label}”一行多出数字“{'、'.join(extra)}”，未读入，请核对"


def label_in_value_cell(table: str, label: str, col_label: str) -> str:
    return (f"{table}“{label}”一行的单元格错位：行名占了“{col_label}”一格，该格没有数字，留空待填，"
            "请对照原文核对这一行")


def row_shifted(table: str, label: str, columns: int) -> str:
    side = "右" if columns > 0 else "左"
    return (f"{table}“{label}”一行的单元格与表头错开了 {abs(columns)} 列，已向{side}移 {abs(columns)} 列"
            "对齐表头后读入，请对照原文核对这一行")


def row_unknown(table: str, label: str) -> str:
    return f"{table}：无法识别的行“{label or '（无标签）'}”，其中的数字未读入"


def row_duplicate(table: str, label: str) -> str:
    return f"{table}：“{label}”一行重复出现，已按第一次出现的数字读取"


def row_missing(table: str, label: str) -> str:
    return f"{table}未找到“{label}”一行，该行留空待填"


def table_missing(table: str, title: str) -> str:
    return f"未找到{table}（{title}），{table}留空待填"


def table_no_data(table: str, title: str) -> str:
    return f"未找到{table}（{title}）的数据，{table}留空待填"


def table_extra(table: str, got: int, cells: int) -> str:
    return f"{table}读到 {got} 个数，多于 {cells} 格，只取前 {cells} 个，请核对"


def subtotals_dropped(table: str) -> str:
    return f"{table}印有“法人或其他组织”小计列或分组小计行，已按官方表式略去（小计不单独保存）"


def blank_marks(table: str, n: int) -> str:
    return f"{table}有 {n} 格写作“/”“—”等，按空白读入（未当作 0）"


def cells_empty(table: str, n: int) -> str:
    return f"{table}有 {n} 格原文为空，留空待填"


# -- files that cannot be read ----------------------------------------------------------------


def file_not_found(path) -> str:
    return f"找不到文件“{path}”"


def is_folder(path) -> str:
    return f"“{path}”是文件夹，不是文件"


_OTHER_FORMATS = {".doc": "旧版 Word 格式", ".wps": "旧版 WPS 文字格式", ".xls": "旧版 Excel 格式",
                  ".et": "旧版 WPS 表格格式", ".odt": "开放文档（OpenDocument）文本格式",
                  ".ods": "开放文档（OpenDocument）表格格式", ".rtf": "富文本（RTF）格式"}


def old_format(name: str, suffix: str, new_suffix: str) -> str:
    """A file no importer reads (.doc .wps .xls .et .odt .ods .rtf .ofd) to be saved again as ``new_suffix``."""
    if suffix == ".ofd":
        return f"“{name}”是 OFD 版式文件，请在 OFD 阅读器（如数科阅读器）中打开后导出为 .pdf 再导入"
    return (f"“{name}”是{_OTHER_FORMATS.get(suffix, suffix)}，请在 WPS 或 Word 中打开后"
            f"“另存为”{new_suffix} 再导入")


def unsupported_kind(suffix: str, accepted: tuple[str, ...] = ()) -> str:
    text = f"不支持的文件类型“{suffix or '无扩展名'}”"
    return text + (f"（可导入 {' '.join(accepted)}）" if accepted else "")


# -- the source's tables differ from the official format (E-STRUCT-TABLES) ---------------------


def deviation_rows_dropped(table: str, labels: list[str]) -> str:
    shown = "、".join(f"“{x}”" for x in labels[:4]) + (f"等 {len(labels)} 行" if len(labels) > 4 else "")
    return f"原文{table}缺少{shown}，与官方表式不符，这些格留空，请按原始台账填写"


def deviation_row_added(table: str, label: str, figures: list[str]) -> str:
    return (f"原文{table}多出官方表式没有的一行“{label}”（数字 {'、'.join(figures[:8])}），未读入；"
            "如这些数字属于某一官方行，请填入该行，核对后确认")


def deviation_column_renamed(table: str, printed: str, official: str, rows: list[str]) -> str:
    where = f"（{'、'.join(rows)}）" if rows else ""
    return (f"原文{table}的“{printed}”一栏与官方表式的“{official}”不同，其中的数字已按“{official}”读入"
            f"{where}，含义可能不同，请核对后改正或确认")


def deviation_columns_dropped(table: str, names: list[str]) -> str:
    return f"原文{table}缺少“{'”“'.join(names)}”栏，与官方表式不符，这些格留空，请按原始台账填写"


def deviation_column_added(table: str, head: str) -> str:
    return f"原文{table}多出官方表式没有的“{head}”栏，其中的数字未读入，请核对后确认"


def deviation_old_other_row(printed: str, labels: list[str]) -> str:
    return (f"原文表三按 2019 年旧表式只有一行“{printed}”，其数字已暂记入“{labels[-1]}”；"
            f"2021 年表式分为“{labels[0]}”“{labels[1]}”“{labels[2]}”三行，请按实际情况拆分填写")


def deviation_new_other_rows_added(printed: str, target: str) -> str:
    return (f"原文表三按 2021 年表式把“（六）其他处理”分为几行（{printed}），本报告用 2019 年表式，"
            f"已把各行数字相加记入“{target}”，请核对")


def deviation_new_other_rows_kept(printed: str) -> str:
    return (f"原文表三在“（六）其他处理”下另有 2021 年表式的分行（{printed}），2019 年表式只有一行，"
            "已按“（六）其他处理”一行读入，分行数字未单独保存，请核对")


# -- text encodings ---------------------------------------------------------------------------------


def encoding_unknown(name: str) -> str:
    return f"“{name}”的文字编码无法识别（不是 UTF-8、GBK、UTF-16 或 Big5 文本）"


def encoding_big5(name: str) -> str:
    return f"“{name}”是繁体中文（Big5）编码的文本，已按 Big5 读取，并把标题和表格中的繁体字转为简体，请核对"


def encoding_bad_bytes(places: list[tuple[int, int, str]]) -> str:
    """``places``: (line, column, the line's start) of each unreadable byte."""
    shown = "；".join(f"第 {line} 行第 {col} 个字（“{start}”）" for line, col, start in places[:3])
    more = f"等 {len(places)} 处" if len(places) > 3 else ""
    return f"文件中有无法识别的字节，已用“\ufffd”代替：{shown}{more}，请核对这些地方的文字"


# -- files an importer refuses: ``name`` is the file's name ------------------------------------
# What each kind of file (core.io.reader.IMPORT_KINDS) and each sniffed content is called.
KIND_NAMES = {"docx": "Word 文档", "text": "文本文件", "html": "网页文件", "pdf": "PDF 文件", "xlsx": "Excel 表格"}
CONTENT_NAMES = {"zip": "压缩包（Word/Excel 文档）", "pdf": "PDF 文件", "ole": "旧版 Office 文件（.doc/.xls）",
                 "binary": "二进制数据"}
DOCX_ARCHIVE = "Word 文档（.docx）"
XLSX_ARCHIVE = "Excel 表格（.xlsx）"


def empty_file(name: str) -> str:
    return f"文件“{name}”是空的"


def too_large(name: str, megabytes: float) -> str:
    return f"文件“{name}”过大（{megabytes:.0f} MB），不像是年度报告，未读取"


def cannot_read(name: str, why) -> str:
    return f"无法读取“{name}”：{why}"


def wrong_content(name: str, suffix: str, content: str, kind: str) -> str:
    """The suffix says ``kind`` but the bytes say ``content`` (keys of KIND_NAMES, CONTENT_NAMES)."""
    return (f"文件“{name}”的扩展名是“{suffix}”，但内容是{CONTENT_NAMES[content]}，"
            f"不是{KIND_NAMES[kind]}；请确认文件类型或改正扩展名")


def excel_named_docx(name: str, suffix: str) -> str:
    return f"“{name}”的扩展名是“{suffix}”，但内容是 Excel 表格；请改为 .xlsx 后再导入"


def word_named_xlsx(name: str, suffix: str) -> str:
    return f"“{name}”的扩展名是“{suffix}”，但内容是 Word 文档；请改为 .docx 后再导入"


def no_document_body(name: str) -> str:
    return f"“{name}”不是有效的 Word 文档：缺少正文（word/document.xml）"


def no_workbook(name: str) -> str:
    return f"“{name}”不是有效的 Excel 表格（.xlsx）：缺少工作簿"


def html_entities(name: str) -> str:
    return f"“{name}”含有实体声明（可能是恶意构造的文件），未读取"


def bad_html(name: str) -> str:
    return f"“{name}”不是有效的网页文件（无法解析）"


def encrypted_pdf(name: str) -> str:
    return f"“{name}”是加密的 PDF，无法读取，请先取消密码"


def too_many_pages(name: str, pages: int) -> str:
    return f"“{name}”共 {pages} 页，不像是年度报告，未读取"


def bad_pdf(name: str) -> str:
    return f"“{name}”不是有效的 PDF 文件（已损坏或不完整）"


def no_text_layer(name: str) -> str:
    return f"“{name}”没有文字层（可能是扫描件），无法读取其中的文字"


# ``what`` is the kind of archive (DOCX_ARCHIVE, XLSX_ARCHIVE), ``member`` a part inside it.
def bad_archive(name: str, what: str) -> str:
    return f"“{name}”不是有效的{what}：文件已损坏、不完整，或并非该类型"


def too_many_members(name: str, what: str) -> str:
    return f"“{name}”包含的部件过多，不像是正常的{what}，未读取"


def member_missing(name: str, member: str, what: str) -> str:
    return f"“{name}”缺少必需的部件 {member}，不是有效的{what}"


def member_bomb(name: str, member: str) -> str:
    return f"“{name}”中的 {member} 解压后异常巨大（疑似压缩炸弹），未读取"


def member_damaged(name: str, member: str) -> str:
    return f"“{name}”文件已损坏或不完整，无法读取其中的 {member}"


def member_too_large(name: str, member: str, megabytes: int) -> str:
    return f"“{name}”中的 {member} 解压后超过 {megabytes} MB（疑似压缩炸弹），未读取"


def archive_bomb(name: str) -> str:
    return f"“{name}”解压后总量过大（疑似压缩炸弹），未读取"


def xml_entities(name: str, member: str) -> str:
    return f"“{name}”中的 {member} 含有 DTD/实体声明（可能是恶意构造的文件），未读取"


def bad_xml(name: str, member: str) -> str:
    return f"“{name}”中的 {member} 已损坏（XML 无法解析）"


# -- the unit of 2019's 采购总金额 (万元 or 元), as the source states it ---------------------------
def money_unit_from_text(unit: str, shown: str) -> str:
    return (f"表二“政府集中采购”采购总金额的表格没有注明单位，按正文“{shown}”记为“{unit}”，"
            "导出时印在表头，请核对")
