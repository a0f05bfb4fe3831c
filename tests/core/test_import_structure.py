"""Tables printed otherwise than the official format: no figure lost, E-STRUCT-TABLES until dealt with.

Issue 16 point 6 (a 2021-format report printed with the old single （六）其他处理 row) and issue 14
point 8 (rows or columns added, dropped or renamed), through web pages, Word and LibreOffice PDFs.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from core.io import project_file
from core.io.read_result import NoteCode
from core.io.reader import read_any
from core.model import Report
from core.rules import check_report

from .helpers import run_cli, seed
from .import_samples import clone, html_of, write_docx

STRUCT = "E-STRUCT-TABLES"


def struct_findings(report):
    return [f for f in check_report(report, final=True) if f.rule == STRUCT]


def with_other_cases() -> Report:
    """seed 003 (2024, 2021 format) with 1 + 0 + 2 cases under （六）其他处理."""
    r = clone(seed(3))
    for row, n in (("r21", 1), ("r22", 0), ("r23", 2)):
        r.values[f"t3.{row}.c1"] = n
        r.values[f"t3.{row}.c7"] = n
    r.values["t3.r24.c1"] += 3
    r.values["t3.r24.c7"] += 3
    r.values["t3.r01.c1"] += 3
    r.values["t3.r01.c7"] += 3
    return r


def old_t3(report: Report) -> Report:
    """The same 表三 in the 2019 layout: one （六）其他处理 row holding the three rows' sum."""
    old = Report("gb2019", unit=report.meta["unit"], year=report.meta["year"])
    for i in range(1, 8):
        for r in range(1, 21):
            old.values[f"t3.r{r:02d}.c{i}"] = report.values[f"t3.r{r:02d}.c{i}"]
        old.values[f"t3.r21.c{i}"] = sum(report.values[f"t3.r{r}.c{i}"] for r in (21, 22, 23))
        old.values[f"t3.r22.c{i}"] = report.values[f"t3.r24.c{i}"]
        old.values[f"t3.r23.c{i}"] = report.values[f"t3.r25.c{i}"]
    return old


def old_row_page(tmp_path):
    want = with_other_cases()
    path = tmp_path / "2024年报.html"
    path.write_text(html_of(want, tables={"t3": old_t3(want)}), encoding="utf-8")
    return want, path


def assert_old_row_kept(result, want):
    got = result.report
    assert got.form.id == "gb2021"
    assert [got.values[f"t3.r23.c{i}"] for i in range(1, 8)] == [3, 0, 0, 0, 0, 0, 3]  # nothing lost
    assert all(got.values[f"t3.{r}.c{i}"] is None for r in ("r21", "r22") for i in range(1, 8))
    for ref, value in want.values.items():
        if ref.split(".")[1] not in ("r21", "r22", "r23"):
            assert got.values[ref] == value, ref
    note = next(n for n in result.notes if n.code is NoteCode.TABLE_DEVIATION)
    assert "（六）其他处理" in note.message and "3.其他" in note.message and "拆分" in note.message
    (finding,) = struct_findings(got)
    assert finding.is_error and "t3.r21.c1" in finding.cells and "t3.r22.c7" in finding.cells


def test_old_single_other_row_in_a_2021_report_keeps_its_cases(tmp_path):
    want, path = old_row_page(tmp_path)
    assert_old_row_kept(read_any(path), want)


def test_old_single_other_row_in_word(tmp_path):
    want = with_other_cases()
    path = write_docx(want, tmp_path / "年报.docx", tables={"t3": old_t3(want)})
    assert_old_row_kept(read_any(path), want)


@pytest.mark.slow
def test_old_single_other_row_in_a_libreoffice_pdf(tmp_path, office):
    want = with_other_cases()
    docx = write_docx(want, tmp_path / "年报.docx", tables={"t3": old_t3(want)})
    assert_old_row_kept(read_any(office.pdf(docx)), want)


def test_the_finding_survives_saving_and_goes_when_the_clerk_splits_the_cases(tmp_path):
    _want, path = old_row_page(tmp_path)
    out = tmp_path / "年报.nianbao"
    proc = run_cli("import", path, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "table_deviations" in json.loads(out.read_text(encoding="utf-8"))
    proc = run_cli("check", "--json", out)
    assert proc.returncode == 1
    assert STRUCT in {f["rule"] for f in json.loads(proc.stdout)}

    report = project_file.load(out)
    assert len(struct_findings(report)) == 1
    report.apply({"t3.r21.c1": 1, "t3.r21.c7": 1})  # the clerk starts splitting the 3 cases
    assert struct_findings(report) == []
    project_file.save(report, out)
    assert "table_deviations" not in json.loads(out.read_text(encoding="utf-8"))
    assert STRUCT not in run_cli("check", out).stdout


def test_check_of_the_imported_file_itself_raises_it(tmp_path):
    _want, path = old_row_page(tmp_path)
    proc = run_cli("check", "--json", path)
    assert proc.returncode == 1
    assert any(f["rule"] == STRUCT and "t3.r21.c1" in f["cells"] for f in json.loads(proc.stdout))


def test_a_printed_subtotal_over_the_three_rows_is_not_the_old_row():
    """（六）其他处理 printed as a subtotal row above its three rows (28×8 style): not a deviation."""
    from core.io.importers.html import html_tokens
    from core.io.tables.parser import build_report

    want = with_other_cases()
    page = html_of(want).replace(
        "<td rowspan='3'>（六）其他处理</td>",
        "<td>（六）其他处理</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr><tr>"
        "<td rowspan='3'></td>", 1)
    assert "（六）其他处理</td><td>3</td>" in page
    report, notes = build_report(html_tokens(page))
    assert [report.values[f"t3.r2{k}.c1"] for k in (1, 2, 3)] == [1, 0, 2]
    assert report.deviations == []


def test_2019_report_printed_with_the_three_2021_rows_adds_them_up(tmp_path):
    want = seed(4)  # 2020, 2019 format
    assert want.form.id == "gb2019"
    new = Report("gb2021", unit=want.meta["unit"], year=2020)
    for ref in new.values:
        row = ref.split(".")[1]
        if ref.startswith("t3.") and row not in ("r21", "r22", "r23", "r24", "r25"):
            new.values[ref] = want.values[ref]
    for i in range(1, 8):
        new.values[f"t3.r21.c{i}"], new.values[f"t3.r22.c{i}"], new.values[f"t3.r23.c{i}"] = 2, 0, 1
        new.values[f"t3.r24.c{i}"] = want.values[f"t3.r22.c{i}"]
        new.values[f"t3.r25.c{i}"] = want.values[f"t3.r23.c{i}"]
    path = tmp_path / "2020年报.html"
    path.write_text(html_of(want, tables={"t3": new}), encoding="utf-8")
    result = read_any(path)
    got = result.report
    assert got.form.id == "gb2019"
    assert [got.values[f"t3.r21.c{i}"] for i in range(1, 8)] == [3] * 7
    (finding,) = struct_findings(got)
    assert "相加" in finding.message and finding.cells[0] == "t3.r21.c1"


def test_renamed_column_is_read_and_raised_until_confirmed(tmp_path):
    want = seed(3)
    page = html_of(want).replace("<td>现行有效件数</td>", "<td>现行有效件数（历史累计）</td>", 1)
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = read_any(path)
    got = result.report
    assert got.values["t2.a1.gz.yx"] == want.values["t2.a1.gz.yx"]  # the figure is kept
    (finding,) = struct_findings(got)
    assert "现行有效件数（历史累计）" in finding.message
    assert set(finding.cells) == {"t2.a1.gz.yx", "t2.a1.gf.yx"}
    out = tmp_path / "r.nianbao"
    project_file.save(got, out)
    again = project_file.load(out)
    assert len(struct_findings(again)) == 1
    again.confirm_deviation(0)  # the clerk checked the figures: they are 现行有效
    assert struct_findings(again) == []
    project_file.save(again, out)
    assert struct_findings(project_file.load(out)) == []


def test_abbreviated_headers_are_not_a_deviation(tmp_path):
    want = seed(3)
    page = html_of(want).replace("<td>本年制发件数</td>", "<td>制发件数</td>", 1).replace(
        "<td>本年收费金额（单位：万元）</td>", "<td>本年收费金额（万元）</td>", 1)
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read_any(path).report.deviations == []


def test_dropped_rows_are_raised_until_filled(tmp_path):
    want = seed(3)
    page = html_of(want)
    start = page.index("<td>1.属于国家秘密</td>")
    row_start = page.rindex("<tr>", 0, start)
    row_end = page.index("</tr>", start) + len("</tr>")
    page = page[:row_start] + page[row_end:]  # a table without its first 不予公开 item
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    got = read_any(path).report
    (finding,) = struct_findings(got)
    assert "属于国家秘密" in finding.message and finding.cells[0] == "t3.r05.c1"
    got.apply({"t3.r05.c1": 0})
    assert struct_findings(got) == []


def test_an_added_row_with_figures_is_raised(tmp_path):
    want = seed(3)
    page = html_of(want).replace(
        "<tr>\n<td colspan='3'>四、结转下年度继续办理</td>",
        "<tr><td colspan='3'>五、其他情形</td>" + "<td>4</td>" * 7 + "</tr><tr><td colspan='3'>四、结转下年度继续办理</td>")
    assert "五、其他情形" in page
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    got = read_any(path).report
    (finding,) = struct_findings(got)
    assert "五、其他情形" in finding.message and "4" in finding.message


def test_old_project_files_without_the_key_still_load():
    report = seed(1)
    assert report.deviations == [] and struct_findings(report) == []
