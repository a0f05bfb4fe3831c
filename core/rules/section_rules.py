"""E-STRUCT-SECTIONS (domain.md §3): an imported report has all six sections, in order.

What the file had is kept in the report (``imported.sections``: the sections whose headings it
had, in its order; saved in the project file), so that ``check`` of the saved project still says
so until it is dealt with: a missing section is dealt with by writing it (or filling its table);
the order by publishing the report as this program exports it, in the official order (the window
records that after an export; the export itself is not refused for it).
"""

from __future__ import annotations

from functools import lru_cache

from ..schema import NARRATIVE_IDS, SECTION_TITLES, TABLE_NAMES, TEXT_IDS, get_form
from .base import Finding, Rule, Severity
from .ids import STRUCT_SECTIONS
from .library import FunctionRule

E = Severity.ERROR
NUMBERED = tuple(s for s in TEXT_IDS if s != "preface")  # 一 … 六
ORDER_REF = "imported.sections"  # in EXPORT_FIXES: its finding does not stop the export that puts it right


def in_order(sections) -> tuple[str, ...]:
    """Return ``sections`` in the official order: how an export prints them."""
    return tuple(sorted(dict.fromkeys(sections), key=TEXT_IDS.index))


def _missing(sec: str, cells: tuple[str, ...]):
    title = SECTION_TITLES[sec]

    def check(report, ctx):
        found = report.imported.get("sections")
        if not found or sec in found:
            return []
        if sec in NARRATIVE_IDS:
            if report.text.get(sec, "").strip():
                return []
            return [Finding(STRUCT_SECTIONS, E, (f"text.{sec}",),
                            f"导入的原文件缺少“{title}”部分，请补写（年报应有一至六全部六个部分）", section=sec)]
        if any(report.values.get(c) is not None for c in cells):
            return []
        return [Finding(STRUCT_SECTIONS, E, (), f"导入的原文件缺少“{title}”及{TABLE_NAMES[sec]}，"
                        f"请填写{TABLE_NAMES[sec]}（年报应有一至六全部六个部分）", section=sec)]
    return check


def _order(report, ctx):
    found = [s for s in report.imported.get("sections") or () if s in NUMBERED]
    for j, later in enumerate(found):
        before = [s for s in found[:j] if TEXT_IDS.index(s) > TEXT_IDS.index(later)]
        if before:
            return [Finding(STRUCT_SECTIONS, E, (ORDER_REF,),
                            f"导入的原文件中“{SECTION_TITLES[later]}”排在“{SECTION_TITLES[before[0]]}”之后，"
                            "各部分应按一至六的顺序排列；本软件导出的文档已按规范顺序排列，请用导出的文档重新发布",
                            section=later)]
    return []


@lru_cache(maxsize=None)
def section_rules(form_id: str) -> tuple[Rule, ...]:
    """Return E-STRUCT-SECTIONS for the format ``form_id``: one rule per section, one for the order."""
    form = get_form(form_id)
    rules: list[Rule] = []
    for sec in NUMBERED:
        cells = () if sec in NARRATIVE_IDS else tuple(c.ref for c in form.table(sec).cells)
        inputs = {ORDER_REF, f"text.{sec}"} if sec in NARRATIVE_IDS else {ORDER_REF, *cells}
        rules.append(FunctionRule(STRUCT_SECTIONS, inputs, _missing(sec, cells)))
    rules.append(FunctionRule(STRUCT_SECTIONS, {ORDER_REF}, _order))
    return tuple(rules)
