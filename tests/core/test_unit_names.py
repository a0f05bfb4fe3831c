"""Unit names compared in one place: spaces, full/half width, a leading place prefix one of them lacks."""

from __future__ import annotations

from hypothesis import given, strategies as st

from core.unit_names import UnitIndex, group_same_units, normalise, same_unit, unit_kind


def test_the_contracts_examples():
    assert same_unit("淮安市洪泽区人民政府", "洪泽区人民政府")
    assert same_unit("洪泽区人民政府", "淮安市洪泽区人民政府")
    assert same_unit("江苏省淮安市洪泽区人民政府", "洪泽区人民政府")
    assert same_unit("洪泽区 人民政府", "洪泽区人民政府")
    assert same_unit("洪泽区人民政府（办公室）", "洪泽区人民政府(办公室)")  # full-width brackets
    assert same_unit("ＸＸ县教育局", "XX县教育局")
    assert same_unit("洪泽区教育局", "教育局")  # a county's list names its departments without the county


def test_different_units_stay_different():
    assert not same_unit("洪泽区人民政府", "洪泽县人民政府")
    assert not same_unit("淮安市教育局", "洪泽区教育局")
    assert not same_unit("洪泽区人民政府", "泽区人民政府")  # not a whole place
    assert not same_unit("岔河镇人民政府", "黄集镇人民政府")
    assert not same_unit("", "")


def test_index_finds_both_ways_and_groups():
    index = UnitIndex([("a.docx", "淮安市洪泽区人民政府"), ("b.docx", "洪泽区教育局"), ("c.docx", "岔河镇人民政府")])
    assert index.find("洪泽区人民政府") == ["a.docx"]
    assert index.find("江苏省淮安市洪泽区教育局") == ["b.docx"]
    assert index.find("黄集镇人民政府") == []
    groups = group_same_units([(1, "洪泽区人民政府"), (2, "岔河镇人民政府"), (3, "淮安市洪泽区人民政府")])
    assert groups == [[1, 3], [2]]


def test_kinds_of_unit_for_deadlines():
    assert unit_kind("岚皋县佐龙镇人民政府") == "township"
    assert unit_kind("高良涧街道办事处") == "township"
    assert unit_kind("左贡县人民政府") == "government"
    assert unit_kind("和田地区") == "government"
    assert unit_kind("平武县人民政府办公室") == "department"
    assert unit_kind("洪泽区教育局") == "department"


names = st.text(alphabet="洪泽区县市镇人民政府教育局 　ＡA（）()", min_size=1, max_size=12)


@given(names, names)
def test_same_unit_is_symmetric_and_reflexive(a, b):
    assert same_unit(a, b) == same_unit(b, a)
    if normalise(a):
        assert same_unit(a, a)


def test_w_x_unit_uses_the_same_comparison():
    from core.model import Baseline
    from core.rules import check_report
    from tests.core.helpers import seed

    r = seed(1)  # 平武县人民政府办公室
    last = seed(1)
    last.meta["year"] = r.meta["year"] - 1  # last year's report (another year is W-X-UNIT too)
    last.meta["unit"] = "绵阳市平武县人民政府办公室"  # the same office, written with its city
    r.baseline = Baseline.from_report(last)
    assert not [f for f in check_report(r) if f.rule == "W-X-UNIT"]
    last.meta["unit"] = "平武县教育局"
    r.baseline = Baseline.from_report(last)
    assert [f for f in check_report(r) if f.rule == "W-X-UNIT"]
