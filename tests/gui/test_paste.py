"""Paste what clerks really copy, into the right cells; derived totals are never written by a paste."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from core.schema import get_form
from gui.clipboard import put_on_clipboard
from gui.paste import plan_paste, read_clipboard

from .conftest import seed

T3 = get_form("gb2021").table("t3")
T4 = get_form("gb2021").table("t4")


def _paste(window, qtbot, start: str, text: str = "", html: str = "", table: str = "t3"):
    """Put ``text`` / ``html`` on the clipboard and press Ctrl+V on cell ``start``."""
    window.show_page(table)
    view = window.page(table).view
    view.setCurrentIndex(view.model().index_of(start))
    put_on_clipboard(text, html)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return view


def _row(values, row, n=7):
    return [values[f"t3.{row}.c{i}"] for i in range(1, n + 1)]


def _sum_errors(window):
    return [f for f in window.document.findings() if f.rule in ("E-T3-ROWSUM", "E-T3-TOTAL", "E-T4-SUM")]


# -- derived cells (point 3) -------------------------------------------------------------------
def test_block_pasted_one_column_too_far_right_skips_the_total(seed_window, qtbot):
    view = _paste(seed_window, qtbot, "t3.r03.c2", "5\t1\t0\t0\t0\t0\t6\r\n2\t0\t0\t1\t0\t0\t3\r\n")
    values = seed_window.document.report.values
    assert _row(values, "r03") == [47, 5, 1, 0, 0, 0, 53]  # 总计 computed, not the pasted 0
    assert _row(values, "r04")[1:] == [2, 0, 0, 1, 0, values["t3.r04.c1"] + 3]
    assert not _sum_errors(seed_window)
    message = view.last_message
    assert "跳过" in message and "合计" in message and "超出" in message
    assert "“0”“0”" in message  # the values that went nowhere are named
    assert view.message_visible()


def test_paste_down_a_column_skips_the_seventh_total_row(seed_window, qtbot):
    view = _paste(seed_window, qtbot, "t3.r22.c1", "1\n2\n30\n4\n")
    values = seed_window.document.report.values
    assert values["t3.r22.c1"] == 1 and values["t3.r23.c1"] == 2 and values["t3.r25.c1"] == 4
    handled = sum(values[f"t3.r{n:02d}.c1"] for n in range(3, 24))
    assert values["t3.r24.c1"] == handled != 30  # （七）总计 stays the sum of the handled rows
    assert not _sum_errors(seed_window)
    assert "（七）总计" in view.last_message and "30" in view.last_message  # it differed: say where


def test_paste_into_table_four_skips_its_totals(seed_window, qtbot):
    _paste(seed_window, qtbot, "t4.f2", "1 2 3 40 5", table="t4")
    values = seed_window.document.report.values
    assert [values[f"t4.f{k}"] for k in range(2, 6)] == [1, 2, 3, values["t4.f1"] + 6]
    assert values["t4.d1"] == 5
    assert not _sum_errors(seed_window)


def test_the_seventh_total_row_is_read_only(seed_window, qtbot):
    seed_window.show_page("t3")
    view = seed_window.page("t3").view
    index = view.model().index_of("t3.r24.c1")
    assert not view.model().flags(index) & Qt.ItemFlag.ItemIsEditable
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, "9")
    assert "自动计算" in view.last_message


# -- what clerks copy (point 6) -----------------------------------------------------------------
def test_rows_of_space_separated_numbers_from_a_pdf(seed_window, qtbot):
    _paste(seed_window, qtbot, "t3.r03.c1", "5 1 0 0 0 0 6\n2  0 0 1 0 0 3\n")
    values = seed_window.document.report.values
    assert _row(values, "r03") == [5, 1, 0, 0, 0, 0, 6] and _row(values, "r04") == [2, 0, 0, 1, 0, 0, 3]


def test_clipboard_with_only_an_html_table(seed_window, qtbot):
    html = ("<html><body><!--StartFragment--><table><tr><td>5</td><td>1</td><td>0</td></tr>"
            "<tr><td>2</td><td>0</td><td>&nbsp;0</td></tr></table><!--EndFragment--></body></html>")
    _paste(seed_window, qtbot, "t3.r03.c1", html=html)
    values = seed_window.document.report.values
    assert _row(values, "r03", 3) == [5, 1, 0] and _row(values, "r04", 3) == [2, 0, 0]


def test_pipes(seed_window, qtbot):
    _paste(seed_window, qtbot, "t3.r03.c1", "| 1 | 0 |\n|---|---|\n| 2 | 3 |\n")
    values = seed_window.document.report.values
    assert _row(values, "r03", 2) == [1, 0] and _row(values, "r04", 2) == [2, 3]


def test_rows_that_start_with_their_label_go_to_that_row(seed_window, qtbot):
    text = ("一、本年新收政府信息公开申请数量  11  5  0  0  0  0  16\n"
            "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n")
    _paste(seed_window, qtbot, "t3.r10.c3", text)  # wherever the cursor is
    values = seed_window.document.report.values
    assert _row(values, "r01") == [11, 5, 0, 0, 0, 0, 16] and _row(values, "r02") == [1, 0, 0, 0, 0, 0, 1]


def test_excel_rows_with_merged_label_columns(seed_window, qtbot):
    text = ("三、本年度办理结果\t（一）予以公开\t\t40\t1\t0\t0\t0\t0\t41\r\n"
            "\t（三）不予公开\t1．属于国家秘密\t2\t0\t0\t0\t0\t0\t2\r\n")
    _paste(seed_window, qtbot, "t3.r01.c1", text)
    values = seed_window.document.report.values
    assert _row(values, "r03") == [40, 1, 0, 0, 0, 0, 41] and _row(values, "r05") == [2, 0, 0, 0, 0, 0, 2]


def test_units_and_blank_marks(seed_window, qtbot):
    view = _paste(seed_window, qtbot, "t3.r03.c1", "12件\t—\t/\t0\r\n")
    values = seed_window.document.report.values
    assert _row(values, "r03", 4) == [12, None, None, 0]
    assert "“12件”读作 12" in view.last_message and "按空白处理" in view.last_message


def test_text_and_unknown_labels_are_refused_saying_why(seed_window, qtbot):
    before = dict(seed_window.document.report.values)
    view = _paste(seed_window, qtbot, "t3.r03.c1", "5\t三件\r\n")
    assert "三件" in view.last_message and "取消粘贴" in view.last_message
    view = _paste(seed_window, qtbot, "t3.r03.c1", "乱七八糟的项目 1 2 3\n")
    assert "不是本表的项目" in view.last_message
    view = _paste(seed_window, qtbot, "t3.r03.c1", "予以公开 1 2\n（一）予以公开 3 4\n")
    assert "都是" in view.last_message
    assert seed_window.document.report.values == before and seed_window.document.undo_stack.count() == 0


def test_one_value_fills_the_selection(seed_window, qtbot):
    seed_window.show_page("t3")
    view = seed_window.page("t3").view
    view.select_refs(["t3.r05.c1", "t3.r05.c2", "t3.r05.c7"])
    assert view.paste_text("3")
    values = seed_window.document.report.values
    assert values["t3.r05.c1"] == 3 and values["t3.r05.c2"] == 3 and values["t3.r05.c7"] == 6


def test_copy_puts_tsv_and_an_html_table_on_the_clipboard(seed_window):
    seed_window.show_page("t3")
    view = seed_window.page("t3").view
    view.select_refs(["t3.r01.c1", "t3.r01.c2", "t3.r02.c1", "t3.r02.c2"])
    view.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "83\t1\r\n1\t0\r\n"
    assert "<table" in mime.html() and "<td>83</td><td>1</td>" in mime.html()
    assert read_clipboard("", mime.html()) == [["83", "1"], ["1", "0"]]


# -- the plan on its own -------------------------------------------------------------------------
def test_plan_reads_a_label_wrapped_over_two_lines():
    rows = read_clipboard("一、本年新收政府信息公开申\n请数量 3 0 0 0 0 0 3\n")
    plan = plan_paste(get_form("gb2021"), T3, rows, (3, 3))
    assert plan.error is None and plan.changes["t3.r01.c1"] == 3


def test_plan_skips_printed_group_subtotals():
    rows = read_clipboard("（三）不予公开 5 0 0 0 0 0 5\n1.属于国家秘密 5 0 0 0 0 0 5\n")
    plan = plan_paste(get_form("gb2021"), T3, rows, (3, 3))
    assert plan.error is None and plan.changes["t3.r05.c1"] == 5 and plan.clipped == 7



def _t4_of_a_web_page(tmp_path, site: str, values: list[int]) -> tuple[str, str]:
    """表四 as a browser copies it from a page (our own HTML export, a TRS site, a Word paste): the
    table's HTML and its text (cells split by tabs)."""
    import re

    from core.io import project_file
    from core.io.export import export_html
    from tests.core.import_samples import html_trs, html_word_paste

    report = project_file.load(seed(3))
    for ref, v in zip(_t4_refs(), values):
        report.values[ref] = v
    if site == "ours":
        export_html(report, tmp_path / "年报.html", force=True)
        page = (tmp_path / "年报.html").read_text(encoding="utf-8")
    else:
        page = (html_trs if site == "trs" else html_word_paste)(report)
    table = re.findall(r"<table.*?</table>", page, re.S)[-1]
    rows = read_clipboard("", table)
    assert len(rows) == 4  # 3 header rows, then the figures
    html = f"<html><body><!--StartFragment-->{table}<!--EndFragment--></body></html>"
    return html, "\n".join("\t".join(r) for r in rows) + "\n"


def _t4_refs() -> list[str]:
    return [g.ref for g in sorted(T4.grid, key=lambda g: g.col) if g.ref]


@pytest.mark.parametrize("site", ["ours", "trs", "word"])
@pytest.mark.parametrize("with_text", [False, True], ids=["html-only", "html-and-text"])
def test_table_four_copied_whole_from_a_web_page(seed_window, qtbot, tmp_path, site, with_text):
    """Its three header rows (行政复议/行政诉讼 … 结果维持 … 总计) take no grid row: the data row lands."""
    typed = [1, 2, 3, 4, 10, 5, 0, 1, 0, 6, 0, 2, 0, 1, 3]  # 15 cells, 总计 as printed
    html, text = _t4_of_a_web_page(tmp_path, site, typed)
    view = _paste(seed_window, qtbot, "t4.f1", text if with_text else "", html, table="t4")
    values = seed_window.document.report.values
    assert [values[ref] for ref in _t4_refs()] == typed, view.last_message
    assert not _sum_errors(seed_window)
    assert seed_window.document.undo_stack.count() == 1


@pytest.mark.parametrize("table", ["t2", "t3"])
def test_another_table_pasted_on_the_table_four_page_is_refused(seed_window, qtbot, tmp_path, table):
    """表二 or 表三 copied from a web page and pasted on the 表四 page by mistake: 表四 takes figures by
    position, so the first rows' numbers went into its cells (3 or 6 of them) with a note about the rest."""
    import re

    from core.io import project_file
    from core.io.export import export_html

    report = project_file.load(seed(3))
    export_html(report, tmp_path / "年报.html", force=True)
    tables = re.findall(r"<table.*?</table>", (tmp_path / "年报.html").read_text(encoding="utf-8"), re.S)
    before = dict(seed_window.document.report.values)
    view = _paste(seed_window, qtbot, "t4.f1", html=tables[-3 if table == "t2" else -2], table="t4")
    assert seed_window.document.report.values == before and seed_window.document.undo_stack.count() == 0
    assert f"是{'表二' if table == 't2' else '表三'}的" in view.last_message and "取消粘贴" in view.last_message
