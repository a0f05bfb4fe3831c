"""The reviewer's workflow on real files: 报送情况 (--expect), 重复报送, 审核意见 (--feedback), the 说明 column,
read notes, and a workbook that prints (autofilter, landscape A4, fit to width, repeated header rows)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.audit import audit_paths
from core.io import project_file
from core.review.expect import read_expected
from core.rules import check_report

from .helpers import DATA, run_cli, seed

SEEDS = DATA / "seeds"


def sheet(path, name):
    wb = load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb[name].iter_rows(values_only=True)]
    finally:
        wb.close()


@pytest.fixture
def county(tmp_path, seeds_dir):
    """A county's inbox: four seeds as sent (.txt from Word, project files), a resubmission, a stray file."""
    inbox = tmp_path / "收件箱"
    (inbox / "乡镇").mkdir(parents=True)
    shutil.copy(next(seeds_dir.glob("000_*.txt")), inbox / "左贡县人民政府2024年报.txt")
    shutil.copy(SEEDS / "seed001.nianbao", inbox / "平武县政府办.nianbao")
    again = seed(1)
    again.meta["unit"] = "绵阳市平武县人民政府办公室"  # the same office, with its city, sent again
    again.apply({"text.other": again.text["other"] + "补充说明。"})
    project_file.save(again, inbox / "平武县政府办（修改稿）.nianbao", backup=False)
    shutil.copy(SEEDS / "seed002.nianbao", inbox / "乡镇" / "佐龙镇.nianbao")
    shutil.copy(SEEDS / "seed003.nianbao", inbox / "和田.nianbao")
    (inbox / "洪泽区教育局年报.nianbao").write_text("{", encoding="utf-8")  # unreadable, named by its file
    units = tmp_path / "应报单位.txt"
    units.write_text("单位名称\n1、左贡县人民政府\n2、平武县人民政府办公室\n3、岚皋县佐龙镇人民政府\n"
                     "4、洪泽区教育局\n5、洪泽区财政局\n", encoding="gb18030")  # Notepad on Chinese Windows
    return inbox, units


def test_expected_units_from_txt_and_xlsx(county, tmp_path):
    _, units = county
    names = read_expected(units)
    assert names == ["左贡县人民政府", "平武县人民政府办公室", "岚皋县佐龙镇人民政府", "洪泽区教育局", "洪泽区财政局"]
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["单位"])
    for n in names:
        wb.active.append([n, "备注"])
    wb.save(tmp_path / "名单.xlsx")
    assert read_expected(tmp_path / "名单.xlsx") == names


@pytest.mark.slow
def test_cli_audit_with_expect_writes_submissions_and_marks_duplicates(county, tmp_path):
    inbox, units = county
    out = tmp_path / "审核结果.xlsx"
    proc = run_cli("check", inbox, "--report", out, "--expect", units)
    assert proc.returncode == 1, proc.stderr  # seed 000 has errors; a file in a folder is unreadable
    assert len(proc.stdout.splitlines()) == 6  # one line per file
    assert "重复报送" in proc.stdout
    assert "应报 5 个单位：已报送 4，未报送 1，重复报送 1" in proc.stderr and "未报送：洪泽区财政局" in proc.stderr

    rows = sheet(out, "报送情况")
    assert rows[0] == ("序号", "单位", "报送情况", "逾期", "报告日期", "发布期限", "错误", "警告", "已说明",
                       "文件", "备注")
    by_unit = {r[1]: r for r in rows[1:] if r and r[1]}
    assert by_unit["左贡县人民政府"][2] == "已报送" and by_unit["左贡县人民政府"][6] == 2
    assert by_unit["左贡县人民政府"][3] == "未填日期"
    assert by_unit["平武县人民政府办公室"][2] == "重复报送" and "收到 2 份" in by_unit["平武县人民政府办公室"][10]
    assert by_unit["岚皋县佐龙镇人民政府"][2] == "已报送"
    assert by_unit["洪泽区教育局"][2] == "已报送" and "无法读取" in by_unit["洪泽区教育局"][10]
    assert by_unit["洪泽区财政局"][2] == "未报送"
    assert by_unit["和田地区"][2] == "名单外"

    summary = sheet(out, "汇总")
    dup = [r for r in summary[1:] if r and r[0] and "平武" in r[0]]
    assert len(dup) == 2 and all(r[9] and r[9].startswith("与 平武县政府办") for r in dup)


def test_same_content_under_another_name_is_a_duplicate(tmp_path):
    shutil.copy(SEEDS / "seed003.nianbao", tmp_path / "a.nianbao")
    other = seed(3)
    other.meta["unit"] = "和田县"  # retyped unit name, same report
    project_file.save(other, tmp_path / "b.nianbao", backup=False)
    result = audit_paths([tmp_path])
    assert [r.duplicates for r in result.rows] == [[str(tmp_path / "b.nianbao")], [str(tmp_path / "a.nianbao")]]


def test_townships_that_report_nothing_are_not_duplicates(tmp_path):
    for name in ("甲镇人民政府", "乙镇人民政府"):
        r = seed(2)  # all zero tables
        r.meta["unit"] = name
        r.text = {k: "" for k in r.text}
        project_file.save(r, tmp_path / f"{name}.nianbao", backup=False)
    assert all(not r.duplicates for r in audit_paths([tmp_path]).rows)


@pytest.mark.slow
def test_findings_sheet_has_the_explanation_and_the_read_notes(tmp_path, seeds_dir):
    r = seed(0)
    fee = next(f for f in check_report(r) if f.rule == "W-SEC6-FEE")
    r.explain(fee.rule, fee.cells, "本县未收取信息处理费")
    project_file.save(r, tmp_path / "左贡.nianbao")
    shutil.copy(next(seeds_dir.glob("004_*.txt")), tmp_path / "工布江达.txt")  # its import has read notes
    out = tmp_path / "out.xlsx"
    audit_paths([tmp_path], out)
    rows = sheet(out, "问题清单")
    assert rows[0][-1] == "说明"
    (explained,) = [x for x in rows if x[2] == "W-SEC6-FEE" and x[0] == "左贡.nianbao"]
    assert explained[7] == "本县未收取信息处理费"
    notes = [x for x in rows if x[2] == "读取提示"]
    assert notes and all(x[3] == "提示" and x[0] == "工布江达.txt" for x in notes)
    summary = sheet(out, "汇总")
    zg = next(x for x in summary if x[0] == "左贡.nianbao")
    assert zg[6] == 1  # 已说明 counted apart from 警告


def test_check_json_of_a_folder_has_read_notes_as_note_objects(tmp_path, seeds_dir):
    shutil.copy(next(seeds_dir.glob("004_*.txt")), tmp_path / "工布江达.txt")
    items = json.loads(run_cli("check", "--json", tmp_path).stdout)
    notes = [i for i in items if i["severity"] == "note"]
    assert notes and all(set(i) >= {"file", "rule", "code", "cells", "message"} for i in notes)
    single = json.loads(run_cli("check", "--json", tmp_path / "工布江达.txt").stdout)
    assert [i for i in single if i["severity"] == "note"] == notes


def test_the_workbook_prints(tmp_path):
    out = tmp_path / "out.xlsx"
    audit_paths([SEEDS], out)
    with zipfile.ZipFile(out) as z:
        book = z.read("xl/workbook.xml").decode()
        sheets = [z.read(f"xl/worksheets/sheet{i}.xml").decode() for i in (1, 2)]
    assert "_xlnm.Print_Titles" in book and "$1:$1" in book and "_xlnm._FilterDatabase" in book
    for xml in sheets:
        assert '<autoFilter ref="A1:' in xml
        assert 'orientation="landscape"' in xml and 'paperSize="9"' in xml
        assert 'fitToWidth="1" fitToHeight="0"' in xml and '<pageSetUpPr fitToPage="1"/>' in xml
        assert 'state="frozen"' in xml


@pytest.mark.slow
def test_feedback_per_unit_xlsx_and_docx(county, tmp_path):
    inbox, units = county
    fb = tmp_path / "审核意见"
    proc = run_cli("check", inbox, "--expect", units, "--feedback", fb)
    assert proc.returncode == 1 and "已写出 6 份审核意见" in proc.stderr
    names = sorted(p.name for p in fb.iterdir())
    assert "左贡县人民政府-审核意见.xlsx" in names and "洪泽区财政局-审核意见.xlsx" in names
    assert "和田地区-审核意见.xlsx" in names  # 名单外, still told
    rows = sheet(fb / "左贡县人民政府-审核意见.xlsx", "审核意见")
    assert rows[0][0] == "左贡县人民政府2024年度政府信息公开工作年度报告审核意见"
    assert "2 处须更正的错误" in rows[1][0]
    t4 = [r for r in rows if len(r) > 1 and r[1] == "须更正"]
    assert len(t4) == 2 and "表四“行政复议·总计”" in t4[0][2] and "相差 1" in t4[0][3]
    assert "未收到贵单位" in sheet(fb / "洪泽区财政局-审核意见.xlsx", "审核意见")[1][0]
    assert "请确认以哪一份为准" in sheet(fb / "平武县人民政府办公室-审核意见.xlsx", "审核意见")[1][0]

    docs = tmp_path / "docx"
    assert run_cli("check", inbox, "--feedback", docs, "--feedback-format", "docx").returncode == 1
    from docx import Document

    doc = Document(str(docs / "左贡县人民政府-审核意见.docx"))
    assert doc.paragraphs[0].text.endswith("审核意见")
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert "须更正" in cells and any("行政复议" in c for c in cells)


def test_check_json_of_a_folder_names_duplicates(county):
    inbox, _ = county
    items = json.loads(run_cli("check", "--json", inbox).stdout)
    dups = [i for i in items if i["rule"] == "DUPLICATE"]
    assert sorted(i["file"].rsplit("/", 1)[-1] for i in dups) == ["平武县政府办.nianbao", "平武县政府办（修改稿）.nianbao"]
    assert all(i["severity"] == "note" and len(i["duplicates"]) == 1 for i in dups)


def test_feedback_file_names_from_any_unit_name(tmp_path):
    """A unit name that is long (a clerk pasted the whole 落款), has / : * in it, is a Windows device
    name, or is empty: every 审核意见 is written, within 255 bytes, with no traceback."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    units = ["某县教育局/体育局:办公室*", "CON", "", "某某县人民政府办公室" * 12]
    for i, unit in enumerate(units):
        r = seed(1)
        r.meta["unit"] = unit
        r.text["overview"] += f"（第{i}份）"  # not the same content: four units, four letters
        project_file.save(r, inbox / f"{i}.nianbao", backup=False)
    fb = tmp_path / "审核意见"
    proc = run_cli("check", inbox, "--feedback", fb)
    assert "Traceback" not in proc.stderr and "已写出 4 份审核意见" in proc.stderr, proc.stderr
    names = sorted(p.name for p in fb.iterdir())
    assert len(names) == 4 and all(len(n.encode()) <= 255 for n in names)
    assert "某县教育局_体育局_办公室_-审核意见.xlsx" in names and "_CON-审核意见.xlsx" in names
    assert "2-审核意见.xlsx" in names  # no unit: named after its file
    assert any(n.startswith("某某县人民政府办公室某某县") and n.endswith("-审核意见.xlsx") for n in names)


def test_two_files_of_the_same_name_in_two_folders_are_told_apart(tmp_path):
    """乡镇/报告.nianbao and 重报/报告.nianbao of one unit: 「与 报告.nianbao 重复」 and 「收到 2 份报告
    （报告.nianbao、报告.nianbao）」 said nothing; the paths are named where the names are the same."""
    inbox = tmp_path / "收件"
    for sub in ("乡镇", "重报"):
        (inbox / sub).mkdir(parents=True)
        project_file.save(seed(2), inbox / sub / "报告.nianbao", backup=False)
    items = json.loads(run_cli("check", "--json", inbox).stdout)
    said = sorted(i["message"] for i in items if i["rule"] == "DUPLICATE")
    first, second = str(Path("乡镇") / "报告.nianbao"), str(Path("重报") / "报告.nianbao")  # below 收件
    assert said == [f"与 {first} 重复", f"与 {second} 重复"]
    fb = tmp_path / "审核意见"
    run_cli("check", inbox, "--feedback", fb)
    (letter,) = fb.iterdir()
    assert f"（{first}、{second}）" in sheet(letter, "审核意见")[1][0]


def test_auditing_a_folder_again_skips_what_the_review_wrote_there(tmp_path):
    """The window saves 批量审核结果.xlsx in the audited folder and offers 审核意见 below it: the next audit
    of the folder (after resubmissions) took the workbook, the letters and the 汇总明细 for reports sent
    in — 「无法读取」 rows, a report of 「（未填单位）」 with 4 errors, letters about letters."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    for n in (0, 1, 2):
        project_file.save(seed(n), inbox / f"{n}.nianbao", backup=False)
    first = run_cli("check", inbox, "--report", inbox / "批量审核结果.xlsx", "--feedback", inbox / "审核意见")
    run_cli("check", inbox, "--feedback", inbox / "审核意见（Word）", "--feedback-format", "docx")
    run_cli("merge", inbox / "1.nianbao", inbox / "2.nianbao", "-o", tmp_path / "汇总.nianbao",
            "--breakdown", inbox / "汇总明细.xlsx")
    again = run_cli("check", inbox, "--report", inbox / "批量审核结果.xlsx", "--feedback", inbox / "审核意见")
    assert "共检查 3 个文件" in first.stderr and "共检查 3 个文件：1 个有错误，0 个无法读取" in again.stderr
    assert "已写出 3 份审核意见" in again.stderr
    items = json.loads(run_cli("check", "--json", inbox).stdout)
    assert {Path(i["file"]).name for i in items} <= {"0.nianbao", "1.nianbao", "2.nianbao"}
    assert run_cli("check", inbox / "1.nianbao").returncode == 0  # a report is still a report


def test_a_merged_report_saved_among_the_reports_is_checked_but_is_nobodys_submission(tmp_path):
    """The county saves its 汇总.nianbao into the inbox: it is checked and marked as a 汇总, but is not a
    名单外 unit in 报送情况, not a 重复报送 of its units, and gets no 审核意见 of its own."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    for n in (1, 2):
        project_file.save(seed(n), inbox / f"{n}.nianbao", backup=False)
    assert run_cli("merge", inbox / "1.nianbao", inbox / "2.nianbao", "-o", inbox / "汇总.nianbao").returncode == 0
    units = tmp_path / "应报单位.txt"
    units.write_text("平武县人民政府办公室\n岚皋县佐龙镇人民政府\n", encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    proc = run_cli("check", inbox, "--report", out, "--expect", units, "--feedback", tmp_path / "意见")
    assert proc.returncode in (0, 1), proc.stderr
    assert "已写出 2 份审核意见" in proc.stderr
    import openpyxl

    book = openpyxl.load_workbook(out)
    summary = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    merged = next(r for r in summary if r[0] and str(r[0]).endswith("汇总.nianbao"))
    assert "汇总报告（2 个单位），不计入报送情况" in merged[-1] and merged[9] is None  # not a 重复报送
    others = [r for r in summary if r[0] and str(r[0]).endswith(("1.nianbao", "2.nianbao")) and r is not merged]
    assert len(others) == 2 and all(r[9] is None for r in others)
    sheet = book["报送情况"]
    statuses = [row[2].value for row in sheet.iter_rows(min_row=2) if row[1].value]
    assert statuses[:2] == ["已报送", "已报送"] and "名单外" not in statuses
