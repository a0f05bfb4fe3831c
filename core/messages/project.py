"""Texts of reading a project file (.nianbao) that is damaged, hand-edited or made to hurt."""

from __future__ import annotations

NOT_A_PROJECT = "这不是年报助手的项目文件"
BAD_VERSION = "项目文件的版本号无效"
EMPTY = "文件是空的"
NOT_UTF8 = "文件不是 UTF-8 文本，不是年报助手的项目文件"
CUT_SHORT = "项目文件不完整：末尾被截断（可能是保存时断电或磁盘已满）"
NO_TABLES = "项目文件缺少统计表（tables）"
TOO_DEEP = "项目文件中有嵌套过深的内容，文件可能已损坏"
BAD_NUMBER = "项目文件已损坏：含有无法识别的数值或嵌套过深的内容"
TOO_BIG_NUMBER = "过大的数"

# What a value should have been, and what the file holds instead.
TEXT = "文字"
YEAR = "年份数字"
CELL = "数字或空白"
OBJECT = "对象"
LIST = "列表"
TYPE_NAMES = {"list": LIST, "dict": OBJECT, "str": TEXT, "bool": "真假值", "int": "数字", "Decimal": "数字",
              "NoneType": "空值"}

# Where in the file: meta fields, sections, the baseline.
META = "基本信息（meta）"
META_NAMES = {"unit": "单位名称", "year": "报告年度", "date": "发布日期", "signer": "署名单位", "deadline": "发布期限",
              "money_unit": "采购总金额的单位"}
TEXT_SECTION = "正文（text）"
STALE = "沿用上年的章节（stale_sections）"
TABLE_NOTES = "表下说明（table_notes）"
IMPORTED = "导入来源的记录（imported）"
IMPORTED_SECTIONS = "导入来源的章节（imported.sections）"
BASELINE = "上年报告（baseline）"
BASELINE_CARRY = "上年结转数（baseline.carry）"
BASELINE_VALID = "上年现行有效件数（baseline.valid）"
BASELINE_TEXT = "上年正文（baseline.text）"
BASELINE_VALUES = "上年各单元格（baseline.values）"
EXPLANATIONS = "说明（explanations）"
BASELINE_YEAR = "上年报告的年度（baseline.year）"
BASELINE_UNIT = "上年报告的单位（baseline.unit）"
BASELINE_FORM = "上年报告的格式（baseline.form）"
BASELINE_FILE = "上年报告的文件名（baseline.file）"


def meta_field(key: str) -> str:
    return f"“{META_NAMES.get(key, key)}”（meta.{key}）"


def section(title: str, key: str) -> str:
    return f"正文“{title}”（text.{key}）"


def table_note(table: str, key: str) -> str:
    return f"{table}下的说明（table_notes.{key}）"


def table_cell(table: str, row: int, col: int) -> str:
    return f"{table}第 {row} 行第 {col} 列"


def carry_item(i: int) -> str:
    return f"上年结转数第 {i} 项"


def baseline_value(ref: str) -> str:
    return f"上年单元格“{ref}”"


def bad_explanation(i: int) -> str:
    return f"项目文件中的第 {i} 条说明（explanations）格式不对，应有 rule、cells、text，文件可能已损坏"


def valid_item(key: str) -> str:
    return f"上年现行有效件数“{key}”"


def wrong_type(where: str, want: str, got: str) -> str:
    return f"项目文件中的{where}应为{want}，实际是{got}，文件可能已损坏"


def bad_year(where: str, shown: str, low: int, high: int) -> str:
    return f"项目文件中的{where}“{shown}”无效（应为 {low}—{high} 之间的年份），文件可能已损坏"


def cell_too_long(where: str, n: int) -> str:
    return f"项目文件中{where}的内容过长（{n} 个字符），文件可能已损坏"


def newer_version(version: str) -> str:
    return f"此项目文件由更新版本的年报助手保存（文件版本 {version}），请升级软件后再打开"


def unknown_form(shown: str) -> str:
    return f"未知的报表格式“{shown}”（应为 gb2021 或 gb2019）"


def table_missing(table: str) -> str:
    return f"项目文件缺少{table}"


def table_shape(table: str, form_name: str, rows: int) -> str:
    return f"{table}的行列数与{form_name}格式不符（应为 {rows} 行）"


def unparsable(line: int) -> str:
    return f"项目文件已损坏或不完整（第 {line} 行附近无法解析）"


def bad_money_unit(where: str, value: str) -> str:
    return f"{where}只能是“万元”或“元”，文件中是“{value}”"
