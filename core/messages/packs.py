"""Texts of rule packs: the national default's name, and what is wrong in a pack file."""

from __future__ import annotations

NATIONAL_NAME = "全国通用"
NATIONAL_DESCRIPTION = "只检查《政府信息公开条例》和国家年报格式的要求，不含地方规定"

UNIT_KIND_NAMES = {"department": "县级以上人民政府部门", "government": "本级人民政府", "township": "乡镇、街道"}


def pack_label(name: str, source: str) -> str:
    return f"{name}（{source}）" if source else name


def at_line(n: int) -> str:
    return f"第 {n} 行附近"


def not_toml(name: str, where: str) -> str:
    return f"规则包“{name}”不是有效的 TOML 文件{('（' + where + '）') if where else ''}，请检查引号、等号和方括号"


def bad_setting(name: str, what: str) -> str:
    return f"规则包“{name}”有误：{what}"


def unknown_key(key: str) -> str:
    return f"不认识的设置“{key}”（请对照 docs/规则包.md 检查拼写）"


def not_a_table(key: str) -> str:
    return f"“{key}”应为一节设置（[{key}]）"


def not_a_list(key: str) -> str:
    return f"“{key}”应写成 [[{key}]] 的若干节"


def not_text(key: str) -> str:
    return f"“{key}”应为用引号括起的文字"


def not_a_number(key: str, value) -> str:
    return f"“{key}”应为数字，实际是“{value}”"


def not_a_count(key: str, value) -> str:
    return f"“{key}”应为不小于 0 的整数，实际是“{value}”"


def factor_too_small(value) -> str:
    return f"“jump.factor”应大于 1，实际是“{value}”"


def bad_deadline(kind: str, value) -> str:
    return f"“deadlines.{kind}”应为月-日，如 \"01-31\"，实际是“{value}”"


def bad_section(where: str, section, allowed) -> str:
    return f"“{where}.section”应为 {'、'.join(allowed)} 之一，实际是“{section}”"


def bad_words(where: str) -> str:
    return f"“{where}.words”应为至少一个关键词的列表，如 [\"人大代表建议\", \"政协提案\"]"


def bad_units(where: str, units) -> str:
    return f"“{where}.units”应为 all、department、government 或 township，实际是“{units}”"


def pack_missing(name: str) -> str:
    return f"找不到规则包文件“{name}”"


def pack_unreadable(name: str, why: str) -> str:
    return f"无法读取规则包文件“{name}”：{why}"


def pack_too_big(name: str) -> str:
    return f"规则包文件“{name}”过大，不是规则包"


def pack_not_utf8(name: str) -> str:
    return f"规则包文件“{name}”不是 UTF-8 文本（请用记事本“另存为”UTF-8 编码）"


def no_such_pack(name: str, builtin) -> str:
    return f"没有名为“{name}”的规则包；内置规则包：{'、'.join(builtin)}，或给出 .toml 文件的路径"
