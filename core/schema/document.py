"""The parts of every annual report, whatever its format: sections, pages, table names, defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """One part of the report in document order: a narrative text or a statistical table."""

    id: str  # "preface", "overview", "t2" …
    title: str  # the official heading, e.g. 「一、总体情况」 (the preface has none: 「前言」)
    is_table: bool = False
    max_chars: int | None = None  # 篇幅 limit in 字, see :func:`count_chars`


SECTIONS: tuple[Section, ...] = (
    Section("preface", "前言"),
    # No national length limit: 武政办发〔2025〕54号's 「篇幅原则上不超过一千字」 is a local rule, set by a
    # rule pack (core.rules.packs: overview.max_chars; on in the example local pack).
    Section("overview", "一、总体情况"),
    Section("t2", "二、主动公开政府信息情况", is_table=True),
    Section("t3", "三、收到和处理政府信息公开申请情况", is_table=True),
    Section("t4", "四、政府信息公开行政复议、行政诉讼情况", is_table=True),
    Section("problems", "五、存在的主要问题及改进情况"),
    Section("other", "六、其他需要报告的事项"),
)
SECTION_TITLES: dict[str, str] = {s.id: s.title for s in SECTIONS}
NARRATIVE_IDS: tuple[str, ...] = tuple(s.id for s in SECTIONS if not s.is_table)
TABLE_IDS: tuple[str, ...] = tuple(s.id for s in SECTIONS if s.is_table)
# Every section holds a text: a narrative section its body, a table section the note printed under
# its table (「本年度未发生行政复议、行政诉讼。」「2024年我镇共收到申请5件」).
TEXT_IDS: tuple[str, ...] = tuple(s.id for s in SECTIONS)

# The short names messages, sheets and menus use for the statistical tables.
TABLE_NAMES: dict[str, str] = {"t2": "表二", "t3": "表三", "t4": "表四"}

# The editor's pages and the CLI's ``--page`` choices: basic information, the sections in order, then
# the reviewer's pages: 「与上年对比」 (shown when last year's figures are known).
REVIEW_PAGES: tuple[str, ...] = ("compare",)
PAGES: tuple[str, ...] = ("meta", *(s.id for s in SECTIONS), *REVIEW_PAGES)

# The units an amount is stated in (domain.md §2.2): 2021's 收费金额 is in 万元 by its label; the 2019
# format prints 采购总金额 without one, so the clerk says which (Report.meta["money_unit"]).
UNIT_WAN, UNIT_YUAN = "万元", "元"
MONEY_UNITS: tuple[str, ...] = (UNIT_WAN, UNIT_YUAN)
WAN = 10000  # 元 in a 万元

# 《政府信息公开条例》第四十九条: published by 31 January of the following year (a local deadline may differ).
DEFAULT_DEADLINE = "01-31"


def section(section_id: str) -> Section:
    """Return the section with id ``section_id``."""
    for s in SECTIONS:
        if s.id == section_id:
            return s
    raise KeyError(section_id)


def count_chars(text: str) -> int:
    """Return the length of ``text`` in 字, as :attr:`Section.max_chars` counts it: all but white space."""
    return len(text) - sum(map(str.isspace, text)) if len(text) < 64 else len("".join(text.split()))
