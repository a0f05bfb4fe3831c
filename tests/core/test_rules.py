"""The one-report rules of domain.md §3 on the seeds and on crafted reports."""

from decimal import Decimal

import pytest

from core.model import Baseline, Report, recompute_all
from core.rules import Severity, Validator, check_report

from .helpers import balanced, seed


def rules_of(findings, severity=None):
    return sorted(f.rule for f in findings if severity is None or f.severity is severity)


def test_seed000_t4_errors_name_the_right_cells():
    findings = check_report(seed(0))
    errors = [f for f in findings if f.is_error]
    assert rules_of(errors) == ["E-T4-SUM", "E-T4-SUM"]
    by_total = {f.cells[0]: f for f in errors}
    assert set(by_total) == {"t4.f5", "t4.h5"}
    assert set(by_total["t4.f5"].cells) == {"t4.f1", "t4.f2", "t4.f3", "t4.f4", "t4.f5"}
    msg = by_total["t4.f5"].message
    assert "行政复议" in msg and "总计填 0" in msg and "之和为 1" in msg and "应为 1" in msg
    assert "应为 0" in by_total["t4.h5"].message
    # 六 says only 「无。」: no word on 信息处理费.
    assert "W-SEC6-FEE" in rules_of(findings, Severity.WARNING)


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_other_seeds_have_no_errors(n):
    assert rules_of(check_report(seed(n)), Severity.ERROR) == []


def test_seed004_is_2019_format_with_negative_changes():
    r = seed(4)
    assert r.form.id == "gb2019" and r.meta["year"] == 2020
    assert r.values["t2.a5.qt.zj"] == -1
    assert r.values["t2.a9.cg.je"] == Decimal("2359.4197")


def test_balance_message_has_both_sides_and_the_difference():
    r = balanced()
    r.apply({"t3.r01.c3": 5, "t3.r01.c7": 5, "t3.r03.c3": 4, "t3.r03.c7": 4,
             "t3.r24.c3": 4, "t3.r24.c7": 4})
    bal, total_col = [f for f in check_report(r) if f.rule == "E-T3-BAL"]
    assert "第七列（总计）" in total_col.message
    assert bal.message.startswith("表三第三列（科研机构）：第一项＋第二项＝5，第三项（七）总计＋第四项＝4，相差 1")
    assert set(bal.cells) == {"t3.r01.c3", "t3.r02.c3", "t3.r24.c3", "t3.r25.c3"}


def test_wrong_total_says_what_it_should_be():
    r = balanced(fill=1)
    r.apply({"t3.r24.c1": 99})
    msgs = {f.rule: f.message for f in check_report(r) if f.is_error}
    assert "（七）总计应为 21" in msgs["E-T3-TOTAL"]
    assert "总计应为" in msgs["E-T3-ROWSUM"]


def test_blank_cells_warn_while_editing_and_block_when_final():
    r = balanced()
    r.apply({"t3.r05.c2": None})
    edit = [f for f in Validator(r).findings() if f.rule == "E-CELL-BLANK"]
    final = [f for f in check_report(r, final=True) if f.rule == "E-CELL-BLANK"]
    assert edit[0].severity is Severity.WARNING and final[0].severity is Severity.ERROR
    assert final[0].cells == ("t3.r05.c2",)
    assert "表三" in final[0].message and "填 0" in final[0].message


def test_text_in_a_count_cell_is_e_cell_int():
    r = balanced()
    r.values["t3.r01.c1"] = "减4"
    (f,) = [f for f in check_report(r) if f.rule == "E-CELL-INT"]
    assert f.cells == ("t3.r01.c1",) and "减4" in f.message and "自然人" in f.message


def test_negative_count_and_negative_money_are_errors_but_signed_is_fine():
    r = balanced(year=2020)
    r.apply({"t2.a5.xk.zj": -5, "t2.a9.cg.je": Decimal("-1"), "t2.a1.gz.xz": -1})
    bad = {f.cells[0] for f in check_report(r) if f.rule == "E-CELL-INT"}
    assert bad == {"t2.a9.cg.je", "t2.a1.gz.xz"}


def test_format_version():
    r = balanced(year=2024)
    assert "E-FORMAT-VERSION" not in rules_of(check_report(r))
    r.change_form("gb2019")
    (f,) = [f for f in check_report(r) if f.rule == "E-FORMAT-VERSION"]
    assert "〔2021〕30号" in f.message
    old = Report("gb2019", unit="x", year=2018)
    assert any("不支持" in f.message for f in check_report(old) if f.rule == "E-FORMAT-VERSION")


@pytest.mark.parametrize("date,late", [("2025-01-21", False), ("2025-01-31", False), ("2025-02-08", True)])
def test_deadline(date, late):
    r = balanced()
    r.apply({"meta.date": date})
    assert ("W-DEADLINE" in rules_of(check_report(r))) is late


def test_deadline_for_the_government_report_is_march():
    r = balanced()
    r.apply({"meta.date": "2025-03-20", "meta.deadline": "03-31"})
    assert "W-DEADLINE" not in rules_of(check_report(r))


@pytest.mark.parametrize("text,warn", [("", True), ("无", True), ("无。", True), ("问题较少。", True),
                                       ("一是主动公开的深度不够，二是政策解读形式单一，下一步将加强培训和督查。", False)])
def test_section5(text, warn):
    r = balanced()
    r.apply({"text.problems": text})
    assert ("W-SEC5-EMPTY" in rules_of(check_report(r))) is warn


def test_section6_fee_and_unpaid_fee_row():
    r = balanced()
    r.apply({"text.other": "本年度未收取信息处理费。"})
    assert "W-SEC6-FEE" not in rules_of(check_report(r))
    r.apply({"text.other": "无。", "t3.r22.c1": 1})
    r.apply(recompute_all(r))
    (f,) = [f for f in check_report(r) if f.rule == "W-SEC6-FEE"]
    assert "t3.r22.c7" in f.cells and "1 件" in f.message


def test_a8_unit_looks_like_yuan():
    r = balanced()
    r.apply({"meta.unit": "某某镇人民政府", "t2.a8.sf.je": Decimal("251000")})
    assert "W-A8-UNIT" in rules_of(check_report(r))
    r.apply({"t2.a8.sf.je": Decimal("21613.91")})
    (f,) = [f for f in check_report(r) if f.rule == "W-A8-UNIT"]
    assert "21613.91 万元（即 216139100 元）" in f.message  # what the figure means, not the same figure twice
    r.apply({"meta.unit": "和田地区", "t2.a8.sf.je": Decimal("21613.91")})
    assert "W-A8-UNIT" not in rules_of(check_report(r))
    r.apply({"t2.a8.sf.je": Decimal("3940"), "text.other": "全年收取信息处理费3940元。"})
    assert "W-A8-UNIT" in rules_of(check_report(r))


def test_cross_year_carry_and_valid():
    last = balanced(year=2023, fill=1)
    r = balanced(year=2024, fill=1)
    r.baseline = Baseline.from_report(last)
    assert not {"W-X-CARRY", "W-X-VALID"} & set(rules_of(check_report(r)))
    r.apply({"t3.r02.c2": 3})
    r.apply(recompute_all(r))
    carry = [f for f in check_report(r) if f.rule == "W-X-CARRY"]
    assert [f.cells for f in carry] == [("t3.r02.c2",), ("t3.r02.c7",)]
    assert "应为 1" in carry[0].message
    r.apply({"t2.a1.gf.yx": 5})  # last 1 + 1 - 1 = 1
    (valid,) = [f for f in check_report(r) if f.rule == "W-X-VALID"]
    assert "＝ 1" in valid.message and "t2.a1.gf.yx" in valid.cells


def test_a_baseline_that_is_not_the_year_before_is_named_not_compared():
    """A 2020 report given as last year's to a 2024 one (a wrong --previous, a year changed after
    从上年报告新建): 「上年结转…应为 0」 from four years back was a wrong figure to ask for."""
    r = balanced(year=2024, fill=1)
    r.apply({"t3.r02.c2": 3, "t2.a1.gf.yx": 5, "t4.f4": 0})
    r.apply(recompute_all(r))
    old = balanced(year=2020, fill=0)
    old.apply({"t4.f4": 30, "t3.r01.c1": 500})
    r.baseline = Baseline.from_report(old)
    found = check_report(r)
    assert not {"W-X-CARRY", "W-X-VALID", "W-X-JUMP", "W-T4-PENDING"} & set(rules_of(found))
    (wrong,) = [f for f in found if f.rule == "W-X-UNIT"]
    assert wrong.cells == ("meta.year",) and "2020年度的报告" in wrong.message and "2023年度" in wrong.message
    r.apply({"meta.year": 2021})  # the clerk corrects the year: now it is last year's report
    assert "W-X-UNIT" not in rules_of(check_report(r)) and "W-X-CARRY" in rules_of(check_report(r))


def test_valid_continuity_not_applied_across_the_2020_2021_break():
    last = balanced(year=2020, fill=1)
    r = balanced(year=2021, fill=1)
    r.apply({"t2.a1.gf.yx": 9})
    r.baseline = Baseline.from_report(last)
    assert "W-X-VALID" not in rules_of(check_report(r))


def test_incremental_validator_runs_only_affected_rules():
    r = balanced()
    v = Validator(r)
    v.attach()
    calls = []
    for rule in v.rules:
        original = rule.check
        rule.check = (lambda orig, rid: lambda rep, ctx: (calls.append(rid), orig(rep, ctx))[1])(original, rule.id)
    try:
        r.apply({"t3.r05.c2": 1})
        # E-STRUCT-TABLES reads every cell (an imported deviation may name any; it costs a loop over the
        # report's deviations, none here); E-STRUCT-SECTIONS reads 表三's cells (a 表三 missing from an
        # imported file is dealt with by filling it).
        assert set(calls) <= {"E-CELL-INT", "E-CELL-BLANK", "E-T3-TOTAL", "E-T3-ROWSUM", "E-STRUCT-SECTIONS",
                              "E-STRUCT-TABLES"}
        assert len(calls) <= 8
        assert [f.rule for f in v.findings() if f.is_error] == ["E-T3-TOTAL", "E-T3-ROWSUM"]
    finally:
        for rule in v.rules:
            rule.__dict__.pop("check", None)


def test_cross_year_unit_mismatch():
    last = balanced(year=2023)
    r = balanced(year=2024)
    r.baseline = Baseline.from_report(last)
    assert "W-X-UNIT" not in rules_of(check_report(r))
    r.apply({"meta.unit": "另一个县人民政府"})
    (f,) = [f for f in check_report(r) if f.rule == "W-X-UNIT"]
    assert "测试县人民政府办公室" in f.message


def test_total_rules_are_exactly_the_sum_rules():
    """「按分项重新计算合计」 fixes what TOTAL_RULES names: every derived total that differs from its parts."""
    from core.rules.ids import TOTAL_RULES
    from core.rules.library import SumRule
    from core.rules.report_rules import all_rules
    from core.schema import FORMS, get_form

    for form_id in FORMS:
        sums = [r for r in all_rules(form_id) if isinstance(r, SumRule)]
        assert {r.id for r in sums} == TOTAL_RULES
        targets = {f.target for f in get_form(form_id).formulas}
        assert all(r.total in targets for r in sums)  # recomputing sets exactly these cells
