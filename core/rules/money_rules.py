"""W-A9-UNIT: the unit of 2019's 采购总金额, which the format does not print (domain.md §2.2).

While the clerk has not said 万元 or 元 a non-zero amount is a warning (the published table would
print a bare 「2359.4197」). Once said, the amount is checked for sense, as W-A8-UNIT checks 2021's
收费金额: 元 with fractions of a fen, or under 1000 元 a project, looks like 万元; over 10 亿元
(a township: 1 亿元) in 万元 looks like 元; the narrative giving the amount in the other unit.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.money_unit import REF, money_unit, stated_in_text
from ..model.values import format_value, is_number
from ..schema import FormSpec, WAN
from ..schema.document import TEXT_IDS
from ..unit_names import unit_kind
from .base import Finding, Severity
from .library import FunctionRule

A9_UNIT = "W-A9-UNIT"
W = Severity.WARNING
YUAN_PER_PROJECT_MIN = 1000  # 元: a 政府集中采购 project costs more than this
WAN_MAX = {"township": 10000, None: 100000}  # 万元: 1 亿元 for a township, 10 亿元 otherwise
_PLACE = "表二“政府集中采购”采购总金额"


def _a9_unit(amount_ref: str, count_ref: str | None):
    def check(report, ctx):
        amount = report.values.get(amount_ref)
        if not is_number(amount) or amount == 0:
            return []
        unit, shown = money_unit(report), format_value(amount)
        said = stated_in_text(report.text, [amount])
        cells = (amount_ref, REF)
        if unit is None:
            hint = f"；正文写的是“{said[1]}”" if said else ""
            return [Finding(A9_UNIT, W, cells, f"{_PLACE}填 {shown}，但没有注明单位{hint}：2019 年格式的表格不印单位，"
                            "请在表二上方选择“万元”或“元”（导出时印在表头）")]
        if said and said[0] != unit:
            section, (start, end) = said[2], said[3]
            return [Finding(A9_UNIT, W, cells, f"{_PLACE}的单位选的是“{unit}”，正文写的是“{said[1]}”，请核对单位",
                            quote=report.text[section][start:end].strip(), section=section, span=(start, end))]
        count = report.values.get(count_ref) if count_ref else None
        if unit == "元":
            places = -Decimal(amount).as_tuple().exponent
            if places > 2:
                return [Finding(A9_UNIT, W, cells, f"{_PLACE} {shown} 元有 {places} 位小数（不到 1 分），"
                                "像是以万元为单位，请确认单位是“元”还是“万元”")]
            if is_number(count) and count > 0 and amount < count * YUAN_PER_PROJECT_MIN:
                return [Finding(A9_UNIT, W, cells, f"{_PLACE} {shown} 元，{count} 个采购项目平均不到 "
                                f"{YUAN_PER_PROJECT_MIN} 元，像是以万元为单位，请确认单位是“元”还是“万元”")]
            return []
        limit = WAN_MAX["township"] if unit_kind(report.meta.get("unit") or "") == "township" else WAN_MAX[None]
        if amount >= limit:
            yi = format_value(Decimal(limit) / WAN)
            return [Finding(A9_UNIT, W, cells, f"{_PLACE} {shown} 万元即 {yi} 亿元以上，像是以元为单位，"
                            "请确认单位是“万元”还是“元”")]
        return []
    return check


def money_unit_rules(form: FormSpec) -> list[FunctionRule]:
    """W-A9-UNIT for each amount whose unit the clerk states (only the 2019 format has one)."""
    rules = []
    for ref in form.chosen_unit_cells:
        row = form.cell(ref).row
        count = next((c.ref for c in form.table("t2").cells if c.row == row and c.ref != ref), None)
        inputs = {ref, REF, "meta.unit", *(f"text.{s}" for s in TEXT_IDS)} | ({count} if count else set())
        rules.append(FunctionRule(A9_UNIT, inputs, _a9_unit(ref, count)))
    return rules
