"""Every imported figure lands in its own cell, whatever is printed around it (issue 16, point 1).

Real-shaped files: TRS and Word-paste web pages, Word files (python-docx, with a superscript run),
Excel sheets, text copied with bars; in each, the first 表三 cell of a balanced report is printed
with a footnote mark, a unit word, 「约」, a letter for a digit or a zero-width space.
"""

from __future__ import annotations

import pytest

from core.io.reader import read_any
from core.io.importers.text import text_tokens
from core.io.read_result import NoteCode
from core.io.tables.parser import build_report
from core.model import recompute_all
from core.rules import check_report

from .helpers import seed
from .import_samples import (clone, html_of, html_trs, html_word_paste, pipe_text, write_docx, write_docx_marked,
                             write_xlsx)

FIRST = "t3.r01.c1"


def balanced_217():
    """seed 003 with 217 in 一、本年新收·自然人 (a value no other cell has), totals recomputed."""
    report = clone(seed(3))
    report.values[FIRST] = 217
    report.values["t3.r03.c1"] += 217 - 83  # keep 第一项＋第二项＝第三项＋第四项
    report.apply(recompute_all(report))
    assert not [f for f in check_report(report) if f.is_error and f.rule.startswith("E-T3")]
    return report


def _html(writer):
    def write(report, tmp_path, printed):
        path = tmp_path / "page.html"
        path.write_text(writer(report, {FIRST: printed}), encoding="utf-8")
        return path
    return write


def _pipes(report, tmp_path, printed):
    path = tmp_path / "copy.txt"
    path.write_text(pipe_text(report, {FIRST: printed}), encoding="utf-8")
    return path


def _docx(report, tmp_path, printed):
    marked = clone(report)
    marked.values[FIRST] = printed
    return write_docx(marked, tmp_path / "word.docx")


def _xlsx(report, tmp_path, printed):
    marked = clone(report)
    marked.values[FIRST] = printed
    return write_xlsx(marked, tmp_path / "sheet.xlsx")


WRITERS = {"trs": _html(html_trs), "word-paste": _html(html_word_paste), "html": _html(lambda r, c: _plain(r, c)),
           "pipes": _pipes, "docx": _docx, "xlsx": _xlsx}


def _plain(report, cells):
    page = html_of(report)
    return page.replace("<td>217</td>", f"<td>{cells[FIRST]}</td>", 1)


MARKS = [("217*", "*"), ("217（注1）", "注1"), ("约217", "约"), ("217人", "人"), ("217件", "件"), ("2l7", "l"),
         ("217 ※", "※"), ("217[1]", "[1]")]


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("printed, quoted", MARKS)
def test_a_decorated_number_is_read_in_its_own_cell(tmp_path, writer, printed, quoted):
    want = balanced_217()
    result = read_any(WRITERS[writer](want, tmp_path, printed))
    got = result.report
    row = [f"t3.r01.c{i}" for i in range(1, 8)]
    assert [got.values[r] for r in row] == [want.values[r] for r in row]
    notes = [n for n in result.notes if n.where == FIRST]
    assert len(notes) == 1 and quoted in notes[0].message and "217" in notes[0].message
    assert notes[0].code is NoteCode.CELL_CONVERTED
    assert not [f for f in check_report(got) if f.rule.startswith("E-T3")]  # no false balance errors


@pytest.mark.parametrize("writer", ["trs", "word-paste", "html", "pipes", "docx", "xlsx"])
def test_a_zero_width_space_is_invisible(tmp_path, writer):
    want = balanced_217()
    result = read_any(WRITERS[writer](want, tmp_path, "2\u200b17\u200b"))
    assert result.report.values[FIRST] == 217
    assert result.report.values["t3.r01.c7"] == want.values["t3.r01.c7"]
    assert not [n for n in result.notes if n.where == FIRST]


@pytest.mark.parametrize("writer", ["trs", "word-paste", "html"])
def test_a_superscript_footnote_is_not_a_digit_in_html(tmp_path, writer):
    want = balanced_217()
    result = read_any(WRITERS[writer](want, tmp_path, "217<sup>1</sup>"))
    assert result.report.values[FIRST] == 217  # never 2171
    assert result.report.values["t3.r01.c2"] == want.values["t3.r01.c2"]
    assert any(n.where == FIRST and "上标“1”" in n.message for n in result.notes)


def test_a_superscript_run_in_word_is_not_a_digit(tmp_path):
    want = balanced_217()
    path = write_docx_marked(want, tmp_path / "word.docx", {FIRST: ("217", "1")})
    result = read_any(path)
    assert [result.report.values[f"t3.r01.c{i}"] for i in range(1, 8)] == [
        want.values[f"t3.r01.c{i}"] for i in range(1, 8)]
    assert any(n.where == FIRST and "上标“1”" in n.message for n in result.notes)


def test_a_superscript_in_an_excel_cell_is_not_a_digit(tmp_path):
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    want = balanced_217()
    path = write_xlsx(want, tmp_path / "sheet.xlsx")
    wb = load_workbook(path, rich_text=True)
    ws = wb.active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == 217)
    cell.value = CellRichText(["217", TextBlock(InlineFont(vertAlign="superscript"), "1")])
    wb.save(path)
    result = read_any(path)
    assert result.report.values[FIRST] == 217 and result.report.values["t3.r01.c2"] == want.values["t3.r01.c2"]
    assert any(n.where == FIRST and "上标“1”" in n.message for n in result.notes)


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("printed, why", [("见附件", "无法识别"), ("2 17", "空格"), ("①", "编号"), ("减3", "负数")])
def test_an_unreadable_cell_stays_blank_in_its_place(tmp_path, writer, printed, why):
    want = balanced_217()
    result = read_any(WRITERS[writer](want, tmp_path, printed))
    got = result.report
    assert got.values[FIRST] is None
    for i in range(2, 8):
        assert got.values[f"t3.r01.c{i}"] == want.values[f"t3.r01.c{i}"]
    note = next(n for n in result.notes if n.where == FIRST)
    assert note.code is NoteCode.CELL_TEXT and why in note.message and printed.strip() in note.message
    assert "留空" in note.message


def test_bars_copied_from_a_web_page_keep_empty_cells_in_place():
    """A real 2019 report's 表四 as a crawler copied it: 15 positions, most of them empty."""
    text = "\n".join(["某县司法局2019年政府信息公开工作年度报告", "一、总体情况", "正文。",
                      "四、政府信息公开行政复议、行政诉讼情况",
                      "|行政复议|行政诉讼|", "|未经复议直接起诉|复议后起诉|",
                      "|结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计|"
                      "结果维持|结果纠正|其他结果|尚未审结|总计|",
                      "|5|||2|7|8|||1|9||||||",
                      "五、存在的主要问题及改进情况", "问题。"])
    report, notes = build_report(text_tokens(text))
    got = [report.values[f"t4.{g}{k}"] for g in "fdh" for k in range(1, 6)]
    assert got == [5, None, None, 2, 7, 8, None, None, 1, 9, None, None, None, None, None]
    assert not [n for n in notes if n.code is NoteCode.ROW_SHORT]


def test_bars_keep_an_empty_first_cell_in_a_t3_row():
    want = balanced_217()
    want.values["t3.r02.c1"] = None
    report, notes = build_report(text_tokens(pipe_text(want)))
    assert [report.values[f"t3.r02.c{i}"] for i in range(1, 8)] == [want.values[f"t3.r02.c{i}"] for i in range(1, 8)]
