"""Property: any report written by our exporters or as web sites and copies print it, with any of its
cells decorated the ways published reports decorate numbers, reads back into the right cells.

Decorations: a footnote mark (「217*」「217（注1）」「217[1]」), a unit word (「217件」「217人」), 「约217」,
a letter l for a digit 1, a zero-width space inside the number, a superscript footnote (web pages).
Each decorated cell must come back as its number, with a note at that cell (none for an invisible
zero-width space); every other cell exactly as written.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.io.export import export_docx, export_xlsx
from core.io.importers.html import html_tokens
from core.io.importers.text import text_tokens
from core.io.reader import read_any
from core.io.tables.parser import build_report
from core.model import Report
from core.schema import CellKind

from .import_samples import clone, html_trs, html_word_paste, pipe_text

COUNT = st.one_of(st.none(), st.integers(0, 30_000))
SIGNED = st.one_of(st.none(), st.integers(-500, 500))
MONEY = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))

MARKS = {
    "star": lambda v: f"{v}*",
    "note": lambda v: f"{v}（注1）",
    "bracket": lambda v: f"{v}[1]",
    "unit": lambda v: f"{v}件",
    "person": lambda v: f"{v}人",
    "about": lambda v: f"约{v}",
    "zwsp": lambda v: f"{str(v)[:1]}\u200b{str(v)[1:]}",
    "letter": lambda v: str(v).replace("1", "l", 1),
}
HTML_ONLY = {"sup": lambda v: f"{v}<sup>1</sup>"}


@st.composite
def reports(draw):
    form = draw(st.sampled_from(["gb2021", "gb2019"]))
    r = Report(form, unit="测试县人民政府办公室", year=2024 if form == "gb2021" else 2020)
    r.text.update(preface="现将本年度报告公布如下。", overview="概述。", problems="问题。", other="无。")
    for c in r.form.cells:
        r.values[c.ref] = draw({CellKind.COUNT: COUNT, CellKind.SIGNED: SIGNED, CellKind.MONEY: MONEY}[c.kind])
    return r


@st.composite
def marked(draw, marks=MARKS):
    """A report and some of its count cells printed decorated: ``{ref: printed text}``."""
    report = draw(reports())
    counts = [c.ref for c in report.form.cells if c.kind is CellKind.COUNT and report.values[c.ref] is not None]
    chosen = draw(st.lists(st.sampled_from(counts), max_size=6, unique=True)) if counts else []
    cells = {}
    for ref in chosen:
        name = draw(st.sampled_from(sorted(marks)))
        value = report.values[ref]
        if name == "letter" and ("1" not in str(value) or value < 10) or name == "zwsp" and value < 10:
            continue
        cells[ref] = marks[name](value)
    return report, cells


def check(got, notes, want: Report, cells: dict[str, str]) -> None:
    assert got.form.id == want.form.id
    for ref, value in want.values.items():
        g = got.values[ref]
        assert g == value and (value is None or isinstance(g, Decimal) == isinstance(value, Decimal)), (ref, cells)
    noted = {n.where for n in notes}
    for ref, printed in cells.items():
        assert (ref in noted) != ("\u200b" in printed), (ref, printed)


SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(marked({**MARKS, **HTML_ONLY}))
def test_trs_web_page(case):
    report, cells = case
    check(*build_report(html_tokens(html_trs(report, cells))), report, cells)


@QUICK
@given(marked({**MARKS, **HTML_ONLY}))
def test_word_pasted_web_page(case):
    report, cells = case
    check(*build_report(html_tokens(html_word_paste(report, cells))), report, cells)


@QUICK
@given(marked())
def test_text_with_bars(case):
    report, cells = case
    check(*build_report(text_tokens(pipe_text(report, cells))), report, cells)


def _exported(report: Report, cells: dict[str, str], export, suffix: str):
    printed = clone(report)
    printed.values.update(cells)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"导出{suffix}"
        export(printed, path, force=True)
        result = read_any(path)
    return result.report, result.notes


@pytest.mark.slow  # a Word file per example
@SLOW
@given(marked())
def test_our_word_export(case):
    report, cells = case
    check(*_exported(report, cells, export_docx, ".docx"), report, cells)


@pytest.mark.slow  # an Excel file per example
@SLOW
@given(marked())
def test_our_excel_export(case):
    report, cells = case
    check(*_exported(report, cells, export_xlsx, ".xlsx"), report, cells)
