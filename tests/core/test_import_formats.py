"""Web pages, web copies, PDF text, real PDFs and spreadsheets through the one table parser."""

from __future__ import annotations

import pytest

from core.io.export import export_xlsx
from core.io.read_result import NoteCode
from core.io.reader import read_any
from core.io.importers.html import html_tokens
from core.io.importers.text import text_tokens
from core.io.tables.parser import build_report
from core.model import format_value

from .helpers import run_cli, seed
from .import_samples import clone, html_of, pdf_copy_text, write_docx, write_xlsx


def assert_same_values(got, want):
    assert got.form.id == want.form.id
    for ref, value in want.values.items():
        assert got.values[ref] == value and type(got.values[ref]) is type(value), ref


@pytest.mark.parametrize("n", [0, 1, 3, 4])
def test_html_rowspan_colspan(tmp_path, n):
    want = seed(n)
    path = tmp_path / "page.html"
    path.write_text(html_of(want), encoding="utf-8")
    result = read_any(path)
    assert result.source_kind == "html"
    assert_same_values(result.report, want)
    assert result.report.meta["unit"] == want.meta["unit"]
    assert result.report.meta["year"] == want.meta["year"]
    assert result.report.text["problems"] == want.text["problems"]


def test_html_gbk_page_with_meta_charset(tmp_path):
    want = seed(1)
    page = html_of(want).replace("charset='utf-8'", "charset='gb2312'")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gb18030"))
    assert_same_values(read_any(path).report, want)


def test_html_rowspan_gives_stand_ins():
    toks = html_tokens("<table><tr><td rowspan='2'>三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr>"
                       "<tr><td>（二）部分公开</td><td>2</td></tr></table>")
    assert [t.text for t in toks if t.kind == "cell"] == [
        "三、本年度办理结果", "（一）予以公开", "1", "", "（二）部分公开", "2"]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4])
def test_pdf_copied_text(n):
    want = seed(n)
    report, notes = build_report(text_tokens(pdf_copy_text(want)))
    assert_same_values(report, want)
    assert report.meta["year"] == want.meta["year"]
    assert not [x for x in notes if "未找到" in x.message or "无法识别" in x.message]


def test_pdf_text_blanks_and_dashes():
    want = clone(seed(1))
    want.values["t3.r05.c2"] = None  # printed as "—" by pdf_copy_text
    report, notes = build_report(text_tokens(pdf_copy_text(want)))
    assert report.values["t3.r05.c2"] is None
    assert any("写作“/”“—”" in x.message for x in notes)


def test_web_copy_pipe_rows():
    """One row per line with | between cells (markdown-like), blank cells between separators."""
    want = seed(1)
    lines = ["平武县人民政府办公室2024年政府信息公开工作年度报告", "一、总体情况", "概述。"]
    for tid in ("t2", "t3", "t4"):
        from core.schema import SECTION_TITLES
        lines.append(SECTION_TITLES[tid])
        t = want.form.table(tid)
        for row in t.rows:
            nums = [format_value(want.values[r]) for r in row.cells]
            lines.append("| " + " | ".join([row.label, *nums]) + " |")
    lines.append("| --- | --- |")
    lines[-1:] = []
    text = "\n".join(lines).replace("| 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "| 0 |  | 0 | 0 | 0 | 0 | 0 |")
    report, notes = build_report(text_tokens(text))
    for ref, value in want.values.items():
        if ref.startswith(("t2", "t3")) and not (ref.endswith(".c2") and value == 0):
            assert report.values[ref] == value, ref
    assert report.values["t3.r02.c2"] is None  # the empty cell between separators


@pytest.mark.parametrize("n", [1, 3, 4])
def test_xlsx_laid_out_like_the_printed_table(tmp_path, n):
    want = seed(n)
    result = read_any(write_xlsx(want, tmp_path / "r.xlsx"))
    assert result.source_kind == "xlsx"
    assert_same_values(result.report, want)
    assert result.report.meta["year"] == want.meta["year"]


@pytest.mark.slow
def test_real_pdf_with_text_layer(tmp_path, office):
    want = seed(3)
    pdf = office.pdf(write_docx(want, tmp_path / "r.docx", t3_28x8=True))
    result = read_any(pdf)
    assert result.source_kind == "pdf"
    assert_same_values(result.report, want)
    assert result.report.meta["unit"] == "和田地区" and result.report.meta["year"] == 2024


@pytest.mark.parametrize("n", range(5))
def test_project_export_round_trip(seed_export, n):
    """export_docx / export_xlsx of this project, imported back: identical values."""
    want = seed(n)
    for name in (".docx", ".xlsx"):
        result = read_any(seed_export(n, name))  # seed 000 has T4 errors: exported forced
        assert_same_values(result.report, want)
        for key in ("unit", "year", "signer", "date"):
            assert result.report.meta[key] == want.meta[key], (name, key)
        assert {n.code for n in result.notes} <= {NoteCode.CELL_CONVERTED}, result.messages


def test_exported_xlsx_edited_in_excel(tmp_path):
    """A part changed after export: the visible sheet wins and totals follow the new parts."""
    import openpyxl

    from core.io.xlsx_export import cell_addresses

    want = seed(1)
    path = tmp_path / "r.xlsx"
    export_xlsx(want, path, force=True)
    sheet, addr = cell_addresses(want.form)["t3.r03.c2"]
    wb = openpyxl.load_workbook(path)
    wb[sheet][addr] = 4
    wb.save(path)
    got = read_any(path).report
    assert got.values["t3.r03.c2"] == 4
    assert got.values["t3.r03.c7"] == 5  # =SUM of the row, recomputed on import
    assert got.values["t3.r24.c2"] == 9 and got.values["t3.r24.c7"] == 19  # totals of totals
    assert got.values["t3.r01.c7"] == 16


def test_html_page_framed_in_layout_tables():
    want = seed(1)
    page = html_of(want)
    body = page[page.index("<body>") + 6: page.index("</body>")]
    framed = ("<html><head><meta charset='utf-8'></head><body><table><tr><td>导航</td></tr><tr><td>"
              f"<table><tr><td>{body}</td></tr></table></td></tr></table></body></html>")
    report, notes = build_report(html_tokens(framed))
    assert_same_values(report, want)
    assert report.text["problems"] == want.text["problems"]
    assert report.meta["unit"] == "平武县人民政府办公室"


def test_web_table_copied_with_tabs_keeps_empty_cells():
    """A browser copies a table as one row per line, cells between tabs, empty cells kept."""
    want = seed(3)
    lines = ["和田地区2024年政府信息公开工作年度报告", "一、总体情况", "概述。"]
    from core.schema import SECTION_TITLES

    for tid in ("t2", "t3", "t4"):
        lines.append(SECTION_TITLES[tid])
        t = want.form.table(tid)
        for r in range(t.grid_rows):
            row = sorted((g for g in t.grid if g.row == r), key=lambda g: g.col)
            lines.append("\t".join(format_value(want.values[g.ref]) if g.ref else g.text for g in row))
    text = "\n".join(lines).replace("\t83\t1\t", "\t83\t\t")  # 商业企业 of 本年新收 left empty
    report, notes = build_report(text_tokens(text))
    for ref, value in want.values.items():
        if ref != "t3.r01.c2":
            assert report.values[ref] == value, ref
    assert report.values["t3.r01.c2"] is None
    assert any("表三有 1 格原文为空" in n.message for n in notes)


def test_check_accepts_every_input_kind(tmp_path):
    want = seed(0)  # T4 does not add up: E-T4-SUM whatever the file kind
    html = tmp_path / "r.html"
    html.write_text(html_of(want), encoding="utf-8")
    text = tmp_path / "r.txt"
    text.write_text(pdf_copy_text(want), encoding="gb18030")
    files = [write_docx(want, tmp_path / "r.docx"), write_xlsx(want, tmp_path / "r.xlsx"), html, text]
    proc = run_cli("check", *files)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("E-T4-SUM") == 2 * len(files)
    assert proc.stdout.count("左贡县人民政府") >= len(files) - 1  # the workbook holds only tables


@pytest.mark.slow
def test_web_page_saved_by_libreoffice(tmp_path, office):
    want = seed(4)
    (page,) = office.convert([write_docx(want, tmp_path / "r.docx")], "html")
    result = read_any(page)
    assert_same_values(result.report, want)
    assert result.report.meta["date"] == "2021-02-08"


def test_word_filtered_html_quirks():
    page = ("<html xmlns:o='urn:schemas-microsoft-com:office:office'><body><p class=MsoNormal>"
            "某局2024年政府信息公开工作年度报告<o:p></o:p></p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
            "<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
            "<tr>" + "".join(f"<td><p><span lang=EN-US>{v}<o:p></o:p></span></p></td>" for v in [0] * 14 + [1])
            + "</tr><![if !supportMisalignedColumns]><tr height=0>" + "<td width=40></td>" * 15
            + "</tr><![endif]></table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")
    report, notes = build_report(html_tokens(page))
    assert report.values["t4.h5"] == 1 and report.values["t4.f1"] == 0
