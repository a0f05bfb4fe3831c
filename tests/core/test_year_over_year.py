"""与上年核对: W-X-JUMP (5× / 20 from the pack), W-T4-PENDING, and the comparison rows."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given, strategies as st

from core.io import project_file
from core.model import Baseline, recompute_all
from core.newyear import new_year_from
from core.rules import check_report
from core.rules.packs import NATIONAL, parse_pack
from core.rules.year_over_year import comparison, counterparts, is_jump

from .helpers import balanced, run_cli, seed


def _pair(last_value, now_value, ref="t3.r01.c1"):
    last, now = balanced(year=2023, fill=1), balanced(year=2024, fill=1)
    last.apply({ref: last_value})
    last.apply(recompute_all(last))
    now.apply({ref: now_value})
    now.apply(recompute_all(now))
    now.baseline = Baseline.from_report(last)
    return last, now


def test_a_jump_names_both_years_values():
    _, now = _pair(2, 150)
    jumps = [f for f in check_report(now) if f.rule == "W-X-JUMP"]
    assert ("t3.r01.c7",) in {f.cells for f in jumps}
    msg = next(f.message for f in jumps if f.cells == ("t3.r01.c7",))
    assert "本年度（2024年度）155" in msg and "上年度（2023年度）7" in msg and "超过 5 倍" in msg


def test_small_figures_and_moderate_changes_are_not_jumps():
    _, now = _pair(1, 12)  # 6 -> 17: below 20
    assert not [f for f in check_report(now) if f.rule == "W-X-JUMP"]
    _, now = _pair(10, 40)  # 15 -> 45: three times
    assert not [f for f in check_report(now) if f.rule == "W-X-JUMP"]
    _, now = _pair(100, 10)  # 105 -> 15: less than 1/5
    assert [f for f in check_report(now) if f.rule == "W-X-JUMP" and f.cells == ("t3.r01.c7",)]


def test_thresholds_come_from_the_pack():
    _, now = _pair(10, 40)
    strict = parse_pack("[jump]\nfactor = 2\nmin_value = 10\n", pack_id="strict")
    assert [f for f in check_report(now, pack=strict) if f.rule == "W-X-JUMP"]


def test_t2_counts_and_t4_totals_are_compared_money_is_not():
    last, now = balanced(year=2023, fill=1), balanced(year=2024, fill=1)
    now.apply({"t2.a6.cf.cl": 300, "t2.a8.sf.je": Decimal(900), "t4.f1": 40})
    now.apply(recompute_all(now))
    now.baseline = Baseline.from_report(last)
    cells = {f.cells[0] for f in check_report(now) if f.rule == "W-X-JUMP"}
    assert cells == {"t2.a6.cf.cl", "t4.f5"}


def test_across_the_2020_2021_format_break_t3_rows_of_the_same_meaning_are_compared():
    pairs = counterparts("gb2021", "gb2019")
    assert pairs["t3.r24.c7"] == "t3.r22.c7" and pairs["t3.r25.c1"] == "t3.r23.c1"
    assert pairs["t3.r05.c7"] == "t3.r05.c7" and "t3.r22.c7" not in pairs  # 2021's (六)2. has no 2019 row
    assert not any(r.startswith("t2.") for r in pairs) and pairs["t4.f5"] == "t4.f5"


def test_pending_review_cases_of_last_year_must_appear():
    last, now = balanced(year=2023, fill=0), balanced(year=2024, fill=0)
    last.apply({"t4.f4": 3})
    last.apply(recompute_all(last))
    now.apply({"t4.f1": 1})
    now.apply(recompute_all(now))
    now.baseline = Baseline.from_report(last)
    (f,) = [f for f in check_report(now) if f.rule == "W-T4-PENDING"]
    assert f.cells == ("t4.f5",) and "尚未审结”3 件" in f.message and "只有 1 件" in f.message
    now.apply({"t4.f4": 2})
    now.apply(recompute_all(now))
    assert not [f for f in check_report(now) if f.rule == "W-T4-PENDING"]


def test_the_baseline_keeps_every_cell_through_new_year_and_the_project_file(tmp_path):
    last = seed(1)
    now = new_year_from(last)
    assert now.baseline.values == last.values
    project_file.save(now, tmp_path / "2025.nianbao")
    again = project_file.load(tmp_path / "2025.nianbao")
    assert again.baseline.values == last.values
    rows = comparison(again, NATIONAL)
    row = next(r for r in rows if r.ref == "t3.r01.c7")
    assert row.last == 16 and row.now is None and not row.jump


def test_cli_previous_gives_the_jump(tmp_path):
    last, now = _pair(2, 150)
    now.baseline = None
    project_file.save(last, tmp_path / "2023.nianbao")
    project_file.save(now, tmp_path / "2024.nianbao")
    proc = run_cli("check", "--json", tmp_path / "2024.nianbao", "--previous", tmp_path / "2023.nianbao")
    assert proc.returncode == 1  # balanced() leaves E-T3-BAL errors: a warning does not change that
    assert "t3.r01.c7" in {c for i in json.loads(proc.stdout) if i["rule"] == "W-X-JUMP" for c in i["cells"]}


values = st.integers(min_value=0, max_value=10_000)


@given(values, values)
def test_jump_is_symmetric_in_direction(a, b):
    assert is_jump(a, b, NATIONAL) == is_jump(b, a, NATIONAL)
    if max(a, b) < 20 or a == b:
        assert not is_jump(a, b, NATIONAL)


def test_the_change_says_it_as_the_jump_rule_does():
    from core.rules.year_over_year import change_text

    assert change_text(5, 0) == "−5（减少到 0）"  # not 「为上年的 0%」
    assert change_text(0, 12) == "+12（上年为 0）"
    assert change_text(7, 12) == "+5（为上年的 1.7 倍）"
    assert change_text(2, 1) == "−1（为上年的 50%）"
    assert change_text(Decimal("3.50"), Decimal("3.5")) == "持平"
    assert change_text(None, 3) == ""
