"""Reusable rule kinds: cell kinds, blanks, sums, and plain functions."""

from __future__ import annotations

from operator import itemgetter
from typing import Callable, Sequence

from ..model.values import NUMBER_TYPES, format_value, kind_error
from ..schema import CellKind, CellSpec
from .base import Finding, Rule, Severity
from .ids import CELL_BLANK

E, W = Severity.ERROR, Severity.WARNING

_EXPECTED = {
    CellKind.COUNT: "不小于 0 的整数",
    CellKind.MONEY: "不小于 0 的金额",
    CellKind.SIGNED: "整数（减少时填负数，如 -4）",
}


class CellKindRule(Rule):
    """E-CELL-INT: a cell holds a number of its kind (count ≥ 0, money ≥ 0, signed)."""

    def __init__(self, spec: CellSpec, where: str):
        self.id = "E-CELL-INT"
        self.spec = spec
        self.where = where
        self.inputs = frozenset({spec.ref})

    def check(self, report, ctx):
        why = kind_error(report.values[self.spec.ref], self.spec.kind)
        if why is None:
            return []
        expect = _EXPECTED[self.spec.kind]
        return [Finding(self.id, E, (self.spec.ref,), f"{self.where}：{why}，应填写{expect}")]


class BlankRule(Rule):
    """E-CELL-BLANK: no blank cells in a table (a warning while editing, an error at export)."""

    def __init__(self, table_id: str, title: str, refs: Sequence[str]):
        self.id = CELL_BLANK
        self.table_id = table_id
        self.title = title
        self.refs = tuple(refs)
        self.inputs = frozenset(self.refs)
        self._get = itemgetter(*self.refs)  # all values in one C call: this runs on every edit

    def check(self, report, ctx):
        values = self._get(report.values)
        if None not in values:
            return []
        blank = tuple(r for r, v in zip(self.refs, values) if v is None)
        if len(blank) == len(self.refs):
            what = "整张表都未填写"
        else:
            what = f"有 {len(blank)} 个单元格未填写"
        return [Finding(self.id, E if ctx.final else W, blank,
                        f"{self.title}{what}；没有发生的事项请填 0，不要留空", export_error=True)]


class SumRule(Rule):
    """A derived total must equal the sum of its parts; the total is the cell to fix."""

    def __init__(self, rule_id: str, total: str, parts: Sequence[str], describe: Callable):
        self.id = rule_id
        self.total = total
        self.parts = tuple(parts)
        self.describe = describe  # (total_text, parts_sum_text, diff_text) -> message
        self.inputs = frozenset((total, *self.parts))
        self._parts = itemgetter(*self.parts) if len(self.parts) > 1 else (lambda v: (v[self.parts[0]],))

    def check(self, report, ctx):
        values = report.values
        total = values[self.total]
        parts = self._parts(values)
        if type(total) not in NUMBER_TYPES or not NUMBER_TYPES.issuperset(map(type, parts)):
            return []  # blanks and text are reported by their own rules
        s = sum(parts)
        if s == total:
            return []
        msg = self.describe(format_value(total), format_value(s), format_value(abs(total - s)))
        return [Finding(self.id, E, (self.total, *self.parts), msg)]


class BalanceRule(Rule):
    """Two sums of cells must be equal (E-T3-BAL); neither side is known to be the wrong one."""

    def __init__(self, rule_id: str, left: Sequence[str], right: Sequence[str], describe: Callable):
        self.id = rule_id
        self.left, self.right = tuple(left), tuple(right)
        self.describe = describe
        self.inputs = frozenset((*self.left, *self.right))

    def check(self, report, ctx):
        values = report.values
        a = b = 0
        for r in self.left:
            v = values[r]
            if type(v) not in NUMBER_TYPES:
                return []  # blanks and text are reported by their own rules
            a += v
        for r in self.right:
            v = values[r]
            if type(v) not in NUMBER_TYPES:
                return []
            b += v
        if a == b:
            return []
        msg = self.describe(format_value(a), format_value(b), format_value(abs(a - b)))
        return [Finding(self.id, E, self.left + self.right, msg)]


class FunctionRule(Rule):
    """A rule written as a plain function ``fn(report, ctx) -> list[Finding]``."""

    def __init__(self, rule_id: str, inputs, fn: Callable[..., list[Finding]]):
        self.id = rule_id
        self.inputs = frozenset(inputs)
        self.fn = fn

    def check(self, report, ctx):
        return self.fn(report, ctx)
