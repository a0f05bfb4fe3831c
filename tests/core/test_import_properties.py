"""Any filled-in report survives being published as a web page or copied out of a PDF."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.io.importers.html import html_tokens
from core.io.importers.text import text_tokens
from core.io.tables.parser import build_report
from core.model import Report
from core.schema import CellKind

from .helpers import seed
from .import_samples import html_of, pdf_copy_text, random_figures

COUNT = st.one_of(st.none(), st.integers(0, 3_000_000))
SIGNED = st.one_of(st.none(), st.integers(-5000, 5000))
MONEY = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**7, places=4, allow_nan=False))


@st.composite
def reports(draw):
    form = draw(st.sampled_from(["gb2021", "gb2019"]))
    year = 2024 if form == "gb2021" else 2020
    r = Report(form, unit="测试县人民政府办公室", year=year)
    r.text.update(preface="现将测试县人民政府办公室年报公布如下。", overview="概述。", problems="问题。", other="无。")
    for c in r.form.cells:
        strategy = {CellKind.COUNT: COUNT, CellKind.SIGNED: SIGNED, CellKind.MONEY: MONEY}[c.kind]
        r.values[c.ref] = draw(strategy)
    return r


def same(got, want):
    assert got.form.id == want.form.id
    for ref, value in want.values.items():
        g = got.values[ref]
        assert g == value and (value is None or isinstance(g, Decimal) == isinstance(value, Decimal)), ref


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_through_a_web_page(report):
    got, notes = build_report(html_tokens(html_of(report)))
    same(got, report)
    assert got.meta["year"] == report.meta["year"]


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_through_pdf_text(report):
    got, notes = build_report(text_tokens(pdf_copy_text(report)))
    same(got, report)


PIECES = st.sampled_from([
    "\n", "\t", "|", " ", "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    "（七）总计", "3.其他", "小计", "（三）不予公开", "行政许可", "0", "12", "-3", "减4", "2359.4197万元",
    "/", "—", "某县2024年政府信息公开工作年度报告", "2025年1月2日", "某县人民政府", "商业\n企业",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=80))
def test_any_text_reads_or_refuses_cleanly(parts):
    from core.errors import FileReadError

    try:
        report, notes = build_report(text_tokens("".join(parts)))
    except FileReadError:
        return
    assert all(isinstance(n.message, str) and n.message and "\n" not in n.message for n in notes)
    for ref, value in report.values.items():
        assert value is None or isinstance(value, (int, Decimal, str)), ref


_ITEM_START = re.compile(r".*(?:[一二三四]、|（[一二三四五六七]）|\d\.)")


@st.composite
def cut_labels(draw):
    """A balanced report and 表三 rows whose labels a page break or a narrow cell cut around the
    numbers: where each is cut (within the item's own words, after its number) and how the rest wraps
    (two characters a line or more: a lone 「无」 is a blank cell, not the start of 「无正当理由…」)."""
    report = random_figures(seed(draw(st.integers(0, 4))), random.Random(draw(st.integers(0, 2**16))))
    rows = report.form.table("t3").rows
    cut = draw(st.lists(st.sampled_from(rows), max_size=8, unique_by=lambda r: r.id))
    cuts = {}
    for row in cut:
        start = _ITEM_START.match(row.label).end()
        if start < len(row.label) - 1:
            cuts[row.id] = (draw(st.integers(max(start, 1), len(row.label) - 1)), draw(st.integers(2, 12)))
    return report, cuts


@settings(max_examples=60, deadline=None)
@given(cut_labels())
def test_a_label_cut_around_its_numbers_is_read(case):
    """「6.属 1021 0 0 0 12 2 14 1035」「于四类过程性」「信息」: every row in its cells, no row taking
    another's label or numbers."""
    report, cuts = case
    got, notes = build_report(text_tokens(pdf_copy_text(report, cuts)))
    same(got, report)
    assert not [n for n in notes if n.where and n.where.startswith("t3")], cuts
