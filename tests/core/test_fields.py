"""Bound fields: markers naming table figures, resolved to the current numbers (and in the DOCX)."""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from core.fields import UNFILLED, field_choices, find_fields, form_fields, insert_field, lookup, resolve_fields
from core.io.export import export_docx
from core.model import Report, derived_updates
from core.schema import get_form

from .helpers import balanced, seed


@pytest.mark.parametrize("form_id", ["gb2021", "gb2019"])
def test_every_field_names_real_cells_and_is_unique(form_id):
    form = get_form(form_id)
    choices = field_choices(form)
    assert len({f.name for f in choices}) == len(choices)
    assert {f.table for f in choices} == {"t2", "t3", "t4"}
    for f in choices:
        assert f.refs and all(form.has_cell(r) for r in f.refs), f
        assert f.marker == f"【{f.name}】"
    assert choices[0].name == "本年新收·总计"  # the figure clerks insert most comes first


def test_vocabulary_follows_the_schema():
    f = lookup("gb2021", "本年新收·总计")
    assert f.refs == ("t3.r01.c7",)
    assert lookup("gb2021", "不予公开·总计").refs == tuple(f"t3.r{n:02d}.c7" for n in range(5, 13))
    assert lookup("gb2021", "行政诉讼·总计").refs == ("t4.d5", "t4.h5")
    assert lookup("gb2021", "行政规范性文件·本年制发件数").refs == ("t2.a1.gf.zf",)
    assert lookup("gb2019", "规范性文件·本年新制作数量").refs == ("t2.a1.gf.xz",)
    assert lookup("gb2019", "其他处理·总计").refs == ("t3.r21.c7",)
    assert lookup("gb2021", "本年新收・总计") is lookup("gb2021", "本年新收·总计")  # typed separator variant
    assert lookup("gb2021", "没有这一项") is None
    assert "行政规范性文件·本年制发件数" not in form_fields("gb2019")


def test_resolve_replaces_markers_with_current_numbers():
    r = seed(3)
    text = "全年收到申请【收到申请·总计】件，其中新收【本年新收·总计】件；收费【行政事业性收费·本年收费金额】万元；【不认识】"
    assert resolve_fields(r, text) == "全年收到申请85件，其中新收84件；收费21613.91万元；【不认识】"
    assert [u.field is not None for u in find_fields("gb2021", text)] == [True, True, True, False]
    blank = Report.new("某单位", 2024)
    assert resolve_fields(blank, "新收【本年新收·总计】件") == f"新收{UNFILLED}件"
    assert resolve_fields(r, "没有字段的文字") == "没有字段的文字"


def test_round_trip_insert_change_resolve():
    r = balanced(fill=1)
    field = lookup(r.form.id, "本年新收·总计")
    text, cursor = insert_field("全年共收到政府信息公开申请件。", 13, field)
    assert text == "全年共收到政府信息公开申请【本年新收·总计】件。" and cursor == 13 + len(field.marker)
    r.apply({"text.overview": text})
    assert resolve_fields(r, r.text["overview"]) == "全年共收到政府信息公开申请6件。"
    change = {"t3.r01.c1": 40}
    change.update(derived_updates(r, change))
    r.apply(change)
    assert resolve_fields(r, r.text["overview"]) == "全年共收到政府信息公开申请45件。"


def test_round_trip_into_the_exported_docx(tmp_path):
    r = balanced(fill=1)
    r.meta["date"] = "2025-01-20"
    r.apply({"text.overview": "全年共收到政府信息公开申请【本年新收·总计】件。"})
    change = {"t3.r01.c1": 40}
    change.update(derived_updates(r, change))
    r.apply(change)
    out = tmp_path / "年报.docx"
    export_docx(r, out, force=True)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    import re

    body = re.sub(r"<[^>]+>", "", xml)
    assert "全年共收到政府信息公开申请45件。" in body
    assert "【本年新收" not in body


def test_unknown_marker_is_a_warning_on_its_text():
    from core.rules import check_report

    r = balanced()
    r.apply({"text.other": "收取费用【信息处理费·总计】元。"})
    (f,) = [f for f in check_report(r) if f.rule == "W-TXT-FIELD"]
    assert f.quote == "【信息处理费·总计】" and r.text["other"][f.span[0]:f.span[1]] == f.quote
    r.apply({"text.other": "新收【本年新收·总计】件。"})
    assert not [f for f in check_report(r) if f.rule == "W-TXT-FIELD"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=15, max_size=15))
def test_every_t4_field_resolves_to_the_sum_of_its_cells(values):
    r = Report.new("某单位", 2024)
    for spec, v in zip(r.form.table("t4").cells, values):
        r.values[spec.ref] = v
    for f in field_choices(r.form):
        if f.table == "t4":
            assert resolve_fields(r, f"共{f.marker}件") == f"共{sum(r.values[x] for x in f.refs)}件"
