"""Property tests: derived totals always pass the sum rules; any single wrong part is caught."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import Report, derived_updates, recompute_all
from core.rules import Validator, check_report
from core.schema import FORMS

SUM_RULES = {"E-T3-BAL", "E-T3-TOTAL", "E-T3-ROWSUM", "E-T4-SUM"}
forms = st.sampled_from(sorted(FORMS))


def _report(form_id: str, data) -> Report:
    """Return a report with random parts and derived totals, T3 balanced by its carry row."""
    r = Report(form_id, unit="测试单位", year=2024 if form_id == "gb2021" else 2020)
    form = r.form
    for c in form.cells:
        if c.derived:
            continue
        if c.kind.value == "money":
            r.values[c.ref] = Decimal(data.draw(st.integers(0, 10**6))) / 100
        elif c.kind.value == "signed":
            r.values[c.ref] = data.draw(st.integers(-50, 50))
        else:
            r.values[c.ref] = data.draw(st.integers(0, 30))
    r.apply(recompute_all(r))
    # Make r01 + r02 = r24 + r25 per column by choosing r01 = r24 + r25 - r02 (>= 0).
    rows = form.t3_rows
    changes = {}
    for i in range(1, 7):
        total = r.values[f"t3.{rows['total']}.c{i}"] + r.values[f"t3.{rows['carry']}.c{i}"]
        carried = min(r.values[f"t3.{rows['carried']}.c{i}"], total)
        changes[f"t3.{rows['carried']}.c{i}"] = carried
        changes[f"t3.{rows['new']}.c{i}"] = total - carried
    r.apply(changes)
    r.apply(recompute_all(r))
    return r


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(forms, st.data())
def test_derived_totals_pass_every_sum_rule(form_id, data):
    r = _report(form_id, data)
    assert not [f for f in check_report(r) if f.rule in SUM_RULES]


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(forms, st.data())
def test_changing_one_part_cell_is_caught_naming_that_cell(form_id, data):
    r = _report(form_id, data)
    parts = sorted({p for f in r.form.formulas for p in f.parts if not r.form.cell(p).derived})
    ref = data.draw(st.sampled_from(parts))
    delta = data.draw(st.integers(1, 5))
    v = Validator(r)
    v.attach()
    r.apply({ref: r.values[ref] + delta})
    caught = [f for f in v.findings() if f.rule in SUM_RULES and ref in f.cells]
    assert caught, ref


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(forms, st.data())
def test_incremental_findings_equal_a_full_check(form_id, data):
    r = _report(form_id, data)
    v = Validator(r)
    v.attach()
    refs = [c.ref for c in r.form.cells]
    for _ in range(data.draw(st.integers(1, 15))):
        ref = data.draw(st.sampled_from(refs))
        value = data.draw(st.one_of(st.none(), st.integers(0, 9), st.just("x")))
        change = {ref: value}
        if data.draw(st.booleans()):
            change.update(derived_updates(r, change))
        r.apply(change)
    assert sorted(map(repr, v.findings())) == sorted(map(repr, Validator(r).findings()))


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(forms, st.data())
def test_what_editing_marks_as_blocking_export_is_what_export_refuses(form_id, data):
    """The editor's 「导出前须处理」 findings are exactly the errors of the final check, cell for cell."""
    r = _report(form_id, data)
    refs = [c.ref for c in r.form.cells]
    for _ in range(data.draw(st.integers(0, 12))):
        r.apply({data.draw(st.sampled_from(refs)): data.draw(st.one_of(st.none(), st.integers(0, 9), st.just("x")))})
    editing = [(f.rule, f.cells, f.message) for f in Validator(r).findings() if f.blocks_export]
    final = [(f.rule, f.cells, f.message) for f in check_report(r, final=True) if f.is_error]
    assert sorted(editing) == sorted(final)
