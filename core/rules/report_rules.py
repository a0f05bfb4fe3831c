"""The rules of domain.md §3 that need one report (and last year's baseline), declared as data."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from functools import lru_cache

from ..model.dates import cn_date, to_date
from ..model.values import format_value, is_number
from ..schema import DEFAULT_DEADLINE, TABLE_NAMES, FormSpec, form_for_year, get_form
from ..schema.builders import T3_COLS
from .base import Finding, Rule, Severity
from .cells import ORDINALS, cell_place
from ..messages.packs import UNIT_KIND_NAMES
from ..unit_names import same_unit, unit_kind
from .ids import T3_ROWSUM, T3_TOTAL, T4_SUM
from .library import BalanceRule, BlankRule, CellKindRule, FunctionRule, SumRule
from .font_rules import font_rules
from .local_rules import local_rules
from .money_rules import money_unit_rules
from .packs import NATIONAL, RulePack
from .year_over_year import year_over_year_rules

E, W = Severity.ERROR, Severity.WARNING

SEC5_MIN_CHARS = 20


def _t3_sum_rules(form: FormSpec) -> list[Rule]:
    t3 = form.table("t3")
    rows = {r.id: r for r in t3.rows}
    ids = form.t3_rows
    new, carried, total, carry = (rows[ids[k]] for k in ("new", "carried", "total", "carry"))
    handled = [rows[r] for r in form.t3_group("results").rows]
    rules: list[Rule] = []
    for c, (col_id, col_label) in enumerate(T3_COLS):
        col_name = f"第{ORDINALS[c]}列（{col_label}）"

        def bal(a, b, d, col_name=col_name):
            return (f"表三{col_name}：第一项＋第二项＝{a}，第三项（七）总计＋第四项＝{b}，相差 {d}"
                    "（勾稽关系：本年新收＋上年结转＝办理结果总计＋结转下年度）")

        rules.append(BalanceRule("E-T3-BAL", (new.cells[c], carried.cells[c]),
                                 (total.cells[c], carry.cells[c]), bal))

        def tot(t, s, d, col_label=col_label):
            return (f"表三“{col_label}”列：（七）总计填 {t}，但（一）至（六）各项之和为 {s}，"
                    f"相差 {d}，（七）总计应为 {s}")

        rules.append(SumRule(T3_TOTAL, total.cells[c], [r.cells[c] for r in handled], tot))
    for row in t3.rows:
        label = row.label.split("（区分", 1)[0]

        def rowsum(t, s, d, label=label):
            return (f"表三“{label}”行：总计填 {t}，但自然人与法人或其他组织各列之和为 {s}，"
                    f"相差 {d}，总计应为 {s}")

        rules.append(SumRule(T3_ROWSUM, row.cells[6], row.cells[:6], rowsum))
    return rules


def _t4_sum_rules(form: FormSpec) -> list[Rule]:
    rules: list[Rule] = []
    for f in form.table("t4").formulas:
        group = form.cell(f.target).row_label

        def msg(t, s, d, group=group):
            return (f"表四“{group}”：总计填 {t}，但结果维持、结果纠正、其他结果、尚未审结之和为 {s}，"
                    f"相差 {d}，总计应为 {s}")

        rules.append(SumRule(T4_SUM, f.target, f.parts, msg))
    return rules


def _format_version(report, ctx):
    year = report.meta.get("year")
    if not isinstance(year, int):
        return [Finding("E-FORMAT-VERSION", E, (), "未填写报告年度")]
    want = form_for_year(year)
    if want is None:
        return [Finding("E-FORMAT-VERSION", E, (),
                        f"{year}年度报告早于现行格式（2019年起施行），本工具不支持")]
    if want != report.form.id:
        return [Finding("E-FORMAT-VERSION", E, (),
                        f"{year}年度报告应使用{get_form(want).name}规定的格式，"
                        f"当前使用的是{report.form.name}的格式")]
    return []


def _sec5(report, ctx):
    text = re.sub(r"\s", "", report.text.get("problems", ""))
    if not text or text.strip("。.") in ("无", "暂无", "没有"):
        return [Finding("W-SEC5-EMPTY", W, (), "“五、存在的主要问题及改进情况”未填写实际内容，"
                        "应写明存在的问题和改进措施", section="problems")]
    if len(text) < SEC5_MIN_CHARS:
        return [Finding("W-SEC5-EMPTY", W, (), f"“五、存在的主要问题及改进情况”只有 {len(text)} 个字，"
                        "内容过于简单，应写明存在的问题和改进措施", section="problems")]
    return []


_FEE_WORDS = re.compile(r"信息处理费|处理费")


def _sec6_fee(report, ctx):
    text = report.text.get("other", "")
    if _FEE_WORDS.search(text):
        return []
    unpaid_row = report.form.t3_rows.get("fee_unpaid")
    unpaid = report.number(f"t3.{unpaid_row}.c7") if unpaid_row else None
    if unpaid:
        return [Finding("W-SEC6-FEE", W, (f"t3.{unpaid_row}.c7",),
                        f"表三有 {unpaid} 件申请因逾期未缴纳信息处理费不再处理，"
                        "“六、其他需要报告的事项”应说明收取信息处理费的情况", section="other")]
    return [Finding("W-SEC6-FEE", W, (), "“六、其他需要报告的事项”未说明收取信息处理费的情况"
                    "（未收取也应写明“未收取信息处理费”）", section="other")]


def _deadline(report, ctx):
    year = report.meta.get("year")
    if not isinstance(year, int):
        return []
    date = to_date(report.meta.get("date"))
    if date is None:
        if report.meta.get("date"):
            return [Finding("W-DEADLINE", W, ("meta.date",), f"发布日期“{report.meta['date']}”无法识别")]
        return [Finding("W-DEADLINE", W, ("meta.date",), "未填写发布（成文）日期")]
    limit, basis = deadline_of(report, ctx.pack)
    if date > limit:
        return [Finding("W-DEADLINE", W, ("meta.date",),
                        f"发布日期 {cn_date(date)} 晚于规定期限 {cn_date(limit)}（{basis}）")]
    if date.year < year or (date.year == year and date.month < 12):
        return [Finding("W-DEADLINE", W, ("meta.date",),
                        f"发布日期 {cn_date(date)} 早于{year}年度结束，请核对年份")]
    return []


def deadline_of(report, pack: RulePack) -> tuple[_dt.date, str]:
    """Return the last day to publish ``report`` and where that deadline comes from.

    A deadline set for the unit (meta.deadline other than the default) wins; otherwise the rule
    pack's deadline for the kind of unit (department, 本级政府, township) applies.
    """
    year = report.meta.get("year")
    own = report.meta.get("deadline") or DEFAULT_DEADLINE
    if own != DEFAULT_DEADLINE:
        return _deadline_date(year, own), "本单位设置的发布期限"
    kind = unit_kind(report.meta.get("unit") or "")
    limit = _deadline_date(year, pack.deadline(kind))
    if pack.source or pack.id != NATIONAL.id:
        basis = f"{UNIT_KIND_NAMES[kind]}，规则包“{pack.name}”"
    elif kind == "government":
        basis = "本级人民政府年报，《政府信息公开条例》第四十九条"
    else:
        basis = "《政府信息公开条例》第四十九条"
    return limit, basis


def _deadline_date(year: int, mm_dd: str) -> _dt.date:
    """Return the last day to publish a ``year`` report: ``mm_dd`` (MM-DD) of the year after."""
    try:
        month, day = (int(x) for x in mm_dd.split("-"))
        return _dt.date(year + 1, month, day)
    except ValueError:
        return _deadline_date(year, DEFAULT_DEADLINE)


_YUAN = re.compile(r"(\d+(?:\.\d+)?)\s*元")


def _a8_unit(report, ctx):
    ref = "t2.a8.sf.je"
    if report.form.id != "gb2021":
        return []
    v = report.number(ref)
    if v is None or v == 0:
        return []
    shown = format_value(v)
    if unit_kind(report.meta.get("unit") or "") == "township" and v > 1000:
        yuan = f"{(Decimal(v) * 10000).normalize():f}"  # the scale of what was typed, in the 元 a clerk may have meant
        return [Finding("W-A8-UNIT", W, (ref,), f"行政事业性收费金额 {shown} 万元（即 {yuan} 元）"
                        "对乡镇单位明显偏大，请确认填写的单位是“万元”而不是“元”")]
    if v >= 100000:
        return [Finding("W-A8-UNIT", W, (ref,), f"行政事业性收费金额 {shown} 万元即超过 10 亿元，"
                        "请确认填写的单位是“万元”而不是“元”")]
    for section, text in report.text.items():
        for m in _YUAN.finditer(text):
            if Decimal(m.group(1)) == Decimal(v) and not text[max(0, m.start() - 1):m.start()].isdigit():
                if text[m.end(1):m.end()].strip() == "元" and "万" not in text[m.end(1):m.end()]:
                    return [Finding("W-A8-UNIT", W, (ref,),
                                    f"表二行政事业性收费金额填 {shown}（单位万元），正文写的是“{m.group(0)}”，"
                                    "请把元换算为万元", quote=m.group(0), section=section)]
    return []


def _x_carry(col: int, carried_ref: str):
    def check(report, ctx):
        base = report.baseline
        if base is None or len(base.carry) < 7 or not base.follows(report.meta.get("year")):
            return []
        last = base.carry[col]
        now = report.values.get(carried_ref)
        if not is_number(last) or not is_number(now) or last == now:
            return []
        label = T3_COLS[col][1]
        return [Finding("W-X-CARRY", W, (carried_ref,),
                        f"表三“二、上年结转”（{label}）填 {format_value(now)}，但{base.year or '上'}年度报告"
                        f"“四、结转下年度继续办理”为 {format_value(last)}，应为 {format_value(last)}"
                        "（机构改革等原因除外）")]
    return check


def _x_valid(row: str, name: str):
    refs = {k: f"t2.a1.{row}.{k}" for k in ("zf", "fz", "yx")}

    def check(report, ctx):
        base = report.baseline
        if report.form.id != "gb2021" or base is None or base.form != "gb2021" or not base.follows(
                report.meta.get("year")):
            return []
        last = base.valid.get(row)
        zf, fz, yx = (report.values[refs[k]] for k in ("zf", "fz", "yx"))
        if not all(is_number(v) for v in (last, zf, fz, yx)):
            return []
        want = last + zf - fz
        if want == yx:
            return []
        return [Finding("W-X-VALID", W, tuple(refs.values()),
                        f"表二“{name}”现行有效件数填 {yx}，但上年现行有效 {last} ＋ 本年制发 {zf} － "
                        f"本年废止 {fz} ＝ {want}，相差 {abs(want - yx)}")]
    return check


def _x_unit(report, ctx):
    base = report.baseline
    unit = re.sub(r"\s", "", report.meta.get("unit") or "")
    last = re.sub(r"\s", "", base.unit) if base is not None else ""
    if unit and last and not same_unit(unit, last):
        return [Finding("W-X-UNIT", W, ("meta.unit",),
                        f"本报告单位为“{unit}”，而上年报告的单位是“{last}”，请确认导入的是本单位的上年报告")]
    year = report.meta.get("year")
    if base is not None and not base.follows(year):  # the wrong file: no carry-over or change is checked
        return [Finding("W-X-UNIT", W, ("meta.year",),
                        f"本报告为{year}年度，而作为上年报告的是{base.year}年度的报告，请确认导入的是"
                        f"{year - 1}年度的报告；上年结转、现行有效件数和与上年相比的大幅变化未作核对")]
    return []


@lru_cache(maxsize=None)
def build_rules(form_id: str) -> tuple[Rule, ...]:
    """Return every one-report rule for the format ``form_id``."""
    form = get_form(form_id)
    rules: list[Rule] = []
    for spec in form.cells:
        rules.append(CellKindRule(spec, cell_place(spec)))
    for table in form.tables:
        rules.append(BlankRule(table.id, TABLE_NAMES[table.id], [c.ref for c in table.cells]))
    rules += _t3_sum_rules(form)
    rules += _t4_sum_rules(form)
    rules.append(FunctionRule("E-FORMAT-VERSION", {"meta.year", "*"}, _format_version))
    rules.append(FunctionRule("W-SEC5-EMPTY", {"text.problems"}, _sec5))
    unpaid = form.t3_rows.get("fee_unpaid")
    fee_inputs = {"text.other"} | ({f"t3.{unpaid}.c7"} if unpaid else set())
    rules.append(FunctionRule("W-SEC6-FEE", fee_inputs, _sec6_fee))
    rules.append(FunctionRule("W-DEADLINE", {"meta.date", "meta.year", "meta.deadline", "meta.unit"}, _deadline))
    if form_id == "gb2021":
        rules.append(FunctionRule("W-A8-UNIT", {"t2.a8.sf.je", "meta.unit", "text.preface",
                                                "text.overview", "text.problems", "text.other"},
                                  _a8_unit))
    carried = form.t3_rows["carried"]
    for c in range(7):
        ref = f"t3.{carried}.c{c + 1}"
        rules.append(FunctionRule("W-X-CARRY", {ref, "meta.year", "*"}, _x_carry(c, ref)))
    rules.append(FunctionRule("W-X-UNIT", {"meta.unit", "meta.year", "*"}, _x_unit))
    if form_id == "gb2021":
        for row, name in (("gz", "规章"), ("gf", "行政规范性文件")):
            inputs = {f"t2.a1.{row}.{k}" for k in ("zf", "fz", "yx")} | {"meta.year", "*"}
            rules.append(FunctionRule("W-X-VALID", inputs, _x_valid(row, name)))
    rules += money_unit_rules(form)
    rules += font_rules(form_id)
    rules += year_over_year_rules(form)
    rules += local_rules()
    return tuple(rules)


# Extra rule sets (text-versus-table, cross-year copy checks) register here; each is a
# function ``form_id -> tuple[Rule, ...]`` and is added by :func:`all_rules`.
RULE_SETS: list = [build_rules]

from .text_rules import text_rules  # noqa: E402  (W-TXT-*, W-SEC1-ASPECTS, W-X-COPY)

RULE_SETS.append(text_rules)

from .structure_rules import structure_rules  # noqa: E402  (E-STRUCT-TABLES)

RULE_SETS.append(structure_rules)

from .section_rules import section_rules  # noqa: E402  (E-STRUCT-SECTIONS)

RULE_SETS.append(section_rules)


def all_rules(form_id: str) -> tuple[Rule, ...]:
    """Return the rules of every registered rule set for ``form_id``."""
    out: list[Rule] = []
    for rule_set in RULE_SETS:
        out.extend(rule_set(form_id))
    return tuple(out)
