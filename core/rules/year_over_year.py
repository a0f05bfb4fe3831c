"""与上年核对: this year's figures beside last year's (W-X-JUMP, W-T4-PENDING, the 「与上年对比」 page).

Last year's report may be in the other format (a 2021 report started from a 2020 one): 表三's rows
with the same meaning and all of 表四 are compared; 表二 only between reports of the same format.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model.values import format_value, is_number
from ..schema import CellKind, FormSpec, get_form
from .base import Finding, Severity
from .cells import cell_place
from .library import FunctionRule
from .packs import RulePack

W = Severity.WARNING
JUMP = "W-X-JUMP"
T4_PENDING = "W-T4-PENDING"
T4_BLOCKS = (("f", "行政复议"), ("d", "行政诉讼（未经复议直接起诉）"), ("h", "行政诉讼（复议后起诉）"))


@lru_cache(maxsize=None)
def counterparts(form_id: str, last_form_id: str) -> dict[str, str]:
    """Return {this year's ref: last year's ref} for every cell that means the same in both years."""
    form, last = get_form(form_id), get_form(last_form_id)
    if form_id == last_form_id:
        return {c.ref: c.ref for c in form.cells}
    out = {}
    rows = {form.t3_rows[k]: last.t3_rows[k] for k in ("new", "carried", "total", "carry")}
    for group in ("open", "partial", "refused", "unable", "notproc"):
        rows.update({r: r for r in form.t3_group(group).rows})
    for c in form.table("t3").cells:
        if c.row in rows:
            out[c.ref] = f"t3.{rows[c.row]}.{c.col}"
    out.update({c.ref: c.ref for c in form.table("t4").cells})
    return out


@lru_cache(maxsize=None)
def jump_cells(form_id: str) -> tuple[str, ...]:
    """The cells W-X-JUMP compares: 表三's 总计 column, 表二's counts, 表四's 总计 cells."""
    form = get_form(form_id)
    t2 = [c.ref for c in form.table("t2").cells if c.kind is CellKind.COUNT]
    t3 = [c.ref for c in form.table("t3").cells if c.col == "c7"]
    t4 = [f"t4.{b}5" for b, _ in T4_BLOCKS]
    return tuple(t2 + t3 + t4)


def is_jump(last, now, pack: RulePack) -> bool:
    """Whether a figure changed by more than ``pack.jump_factor`` times (either way) at a size that matters."""
    if not (is_number(last) and is_number(now)) or max(last, now) < pack.jump_min:
        return False
    f = pack.jump_factor
    return now > last * f or now * f < last


def change_text(last, now) -> str:
    """Return the change from ``last`` to ``now`` as the compare page and W-X-JUMP say it."""
    if not (is_number(last) and is_number(now)):
        return ""
    d = now - last
    if d == 0:
        return "持平"
    sign = "+" if d > 0 else "−"
    if last == 0:
        return f"{sign}{format_value(abs(d))}（上年为 0）"
    if now == 0:  # not 「为上年的 0%」: say it as W-X-JUMP does
        return f"{sign}{format_value(abs(d))}（减少到 0）"
    ratio = Decimal(now) / Decimal(last)
    return f"{sign}{format_value(abs(d))}（为上年的 {_times(ratio)}）"


def _times(ratio: Decimal) -> str:
    if ratio >= 10:
        return f"{ratio:.0f} 倍"
    if ratio >= 1:
        return f"{ratio:.1f} 倍".replace(".0 倍", " 倍")
    return f"{ratio * 100:.0f}%"


def _jump(report, ctx):
    base = report.baseline
    if base is None or not base.values or not base.form or not base.follows(report.meta.get("year")):
        return []
    pairs = counterparts(report.form.id, base.form)
    pack = ctx.pack
    year, last_year = report.meta.get("year"), base.year
    out = []
    for ref in jump_cells(report.form.id):
        old_ref = pairs.get(ref)
        if old_ref is None:
            continue
        last, now = base.values.get(old_ref), report.values.get(ref)
        if not is_jump(last, now, pack):
            continue
        spec = report.form.cell(ref)
        out.append(Finding(JUMP, W, (ref,),
                           f"{cell_place(spec)}：本年度{_year(year)}{format_value(now)}，上年度{_year(last_year)}"
                           f"{format_value(last)}，{_how(last, now)}（变化超过 {format_value(pack.jump_factor)} 倍），"
                           "请核对是否填错或漏填"))
    return out


def _how(last, now) -> str:
    if now > last:
        return f"由 0 增加到 {format_value(now)}" if last == 0 else f"是上年的 {_times(Decimal(now) / Decimal(last))}"
    return "减少到 0" if now == 0 else f"只有上年的 {_times(Decimal(now) / Decimal(last))}"


def _year(year) -> str:
    return f"（{year}年度）" if isinstance(year, int) else ""


def _t4_pending(report, ctx):
    base = report.baseline
    if base is None or not base.values or not base.follows(report.meta.get("year")):
        return []
    out = []
    for b, name in T4_BLOCKS:
        pending, total = base.values.get(f"t4.{b}4"), report.values.get(f"t4.{b}5")
        if not (is_number(pending) and is_number(total)) or pending <= 0 or total >= pending:
            continue
        out.append(Finding(T4_PENDING, W, (f"t4.{b}5",),
                           f"上年度报告表四{name}“尚未审结”{format_value(pending)} 件，本年度{name}总计只有 "
                           f"{format_value(total)} 件：上年未审结的案件，本年度应计入审结结果或仍计入“尚未审结”"))
    return out


@dataclass(frozen=True)
class Comparison:
    """One row of 「与上年对比」: a cell, last year's and this year's value, the change, a jump."""

    ref: str
    place: str
    last: object
    now: object
    change: str
    jump: bool


def comparison(report, pack: RulePack) -> list[Comparison]:
    """Return every cell of ``report`` beside last year's (blank last when it has no counterpart)."""
    base = report.baseline
    pairs = counterparts(report.form.id, base.form) if base is not None and base.form and base.values else {}
    jumps = set(jump_cells(report.form.id))
    out = []
    for spec in report.form.cells:
        old_ref = pairs.get(spec.ref)
        last = base.values.get(old_ref) if old_ref else None
        now = report.values.get(spec.ref)
        out.append(Comparison(spec.ref, cell_place(spec), last, now, change_text(last, now),
                              spec.ref in jumps and is_jump(last, now, pack)))
    return out


def year_over_year_rules(form: FormSpec) -> list:
    return [FunctionRule(JUMP, {"*", "meta.year", *jump_cells(form.id)}, _jump),
            FunctionRule(T4_PENDING, {"*", "meta.year", *(f"t4.{b}5" for b, _ in T4_BLOCKS)}, _t4_pending)]
