"""Derived totals: fill 总计 cells from their parts."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Iterable

from ..schema import FormSpec, get_form
from .report import Report
from .values import NUMBER_TYPES, Value


@lru_cache(maxsize=None)
def _formula_index(form_id: str):
    form: FormSpec = get_form(form_id)
    by_part: dict[str, list[int]] = {}
    for i, f in enumerate(form.formulas):
        for p in f.parts:
            by_part.setdefault(p, []).append(i)
    return form.formulas, by_part


@lru_cache(maxsize=4096)
def _affected(form_id: str, refs: frozenset) -> tuple[int, ...]:
    """Return, in evaluation order, the formulas that depend on ``refs`` directly or via a total."""
    formulas, by_part = _formula_index(form_id)
    todo: set[int] = set()
    pending = list(refs)
    while pending:
        ref = pending.pop()
        for i in by_part.get(ref, ()):
            if i not in todo:
                todo.add(i)
                pending.append(formulas[i].target)
    return tuple(sorted(todo))


def _sum(values: Iterable[Value]) -> Value:
    nums = []
    for v in values:
        if v is None:
            continue
        if type(v) not in NUMBER_TYPES:
            return None  # a part is not a number: the total cannot be known
        nums.append(v)
    return sum(nums) if nums else None


def derived_updates(report: Report, changes: dict[str, Value] | None = None,
                    dirty: Iterable[str] | None = None) -> dict[str, Value]:
    """Return the totals that follow from ``changes`` (not yet applied) to the report.

    With ``dirty=None`` every total is recomputed; otherwise only those that depend, directly
    or through another total, on the refs in ``dirty`` (default: the keys of ``changes``).
    Blank parts count as nothing; a total whose parts are all blank stays blank. Only totals
    whose value differs from the current one are returned.
    """
    changes = dict(changes or {})
    formulas, _ = _formula_index(report.form.id)
    if dirty is None and not changes:
        todo: tuple[int, ...] = tuple(range(len(formulas)))
    else:
        todo = _affected(report.form.id, frozenset(dirty if dirty is not None else changes))
    out: dict[str, Value] = {}
    values = dict(report.values)  # a flat copy (~230 cells) is cheaper than layered lookups
    values.update(changes)
    for i in todo:
        f = formulas[i]
        total = _sum([values[p] for p in f.parts])
        if isinstance(total, Decimal):
            total = int(total) if total == total.to_integral_value() else total
        old = values[f.target]
        if total != old or type(total) is not type(old):
            out[f.target] = values[f.target] = total
    return {k: v for k, v in out.items() if k not in changes or changes[k] != v}


def recompute_all(report: Report) -> dict[str, Value]:
    """Return every total recomputed from its parts (按分项重新计算合计), as changes."""
    return derived_updates(report)
