"""汇总: merging reports cell by cell, refusing mixed years/formats, and ``nianbao merge``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from core.errors import ReportError
from core.io import project_file
from core.merge import merge_notes, merge_reports
from core.model import Report
from core.model.values import is_number
from core.rules import check_report

from .helpers import DATA, balanced, run_cli, seed

SEEDS = DATA / "seeds"



def test_seeds_001_to_003_add_up_cell_by_cell():
    sources = [seed(n) for n in (1, 2, 3)]
    merged = merge_reports([(r, f"seed00{n}.nianbao") for n, r in zip((1, 2, 3), sources)])
    assert merged.form.id == "gb2021" and merged.meta["year"] == 2024
    for spec in merged.form.cells:
        assert merged.values[spec.ref] == sum(r.values[spec.ref] for r in sources), spec.ref
    assert merged.values["t3.r01.c7"] == 16 + 0 + 84
    assert merged.values["t2.a8.sf.je"] == Decimal("21613.91")
    assert merged.values["t2.a1.gf.zf"] == 3 + 0 + 15
    assert merged.meta["unit"] == "平武县人民政府办公室等3个单位（汇总）"
    assert [(s["unit"], s["file"], s["errors"]) for s in merged.sources] == [
        ("平武县人民政府办公室", "seed001.nianbao", 0), ("岚皋县佐龙镇人民政府", "seed002.nianbao", 0),
        ("和田地区", "seed003.nianbao", 0)]
    assert not [f for f in check_report(merged) if f.is_error]  # balanced sources give a balanced sum


def test_2024_with_2020_is_refused_naming_both():
    with pytest.raises(ReportError) as exc:
        merge_reports([(seed(1), "平武.nianbao"), (seed(4), "工布江达.nianbao")])
    msg = str(exc.value)
    assert "不同年度" in msg and "平武.nianbao" in msg and "2024年度" in msg
    assert "工布江达.nianbao" in msg and "2020年度" in msg


def test_same_year_other_format_is_refused():
    odd = Report("gb2019", unit="某局", year=2024)
    with pytest.raises(ReportError, match="不同格式.*某局.*〔2019〕60号"):
        merge_reports([(seed(1), "a.nianbao"), (odd, "b.nianbao")])


def test_2019_signed_cells_add_and_blanks_are_noted():
    a, b = seed(4), seed(4)
    b.meta["unit"] = "工布江达县教育局"
    b.values["t3.r03.c1"] = None
    merged = merge_reports([(a, "a.nianbao"), (b, "b.nianbao")])
    assert merged.values["t2.a5.qt.zj"] == 2 * a.values["t2.a5.qt.zj"] < 0
    assert merged.values["t2.a9.cg.je"] == 2 * a.values["t2.a9.cg.je"]
    assert merged.values["t3.r03.c1"] == a.values["t3.r03.c1"]
    units_note, blank_note, error_note = merge_notes(merged)
    assert units_note == "汇总了 2 个单位：工布江达县人民政府办公室、工布江达县教育局"
    assert "b.nianbao" in blank_note and "予以公开" in blank_note and "按 0 计入" in blank_note
    assert "b.nianbao" in error_note and "1 个错误" in error_note  # the blank is an error when final


def test_blank_plus_blank_stays_blank_and_text_is_left_out():
    a, b = balanced(fill=1), balanced(fill=2)
    b.meta["unit"] = "测试县教育局"
    for r in (a, b):
        r.values["t4.f1"] = None
    b.values["t4.d1"] = "减4"
    merged = merge_reports([(a, "a.nianbao"), (b, "b.nianbao")])
    assert merged.values["t4.f1"] is None
    assert merged.values["t4.d1"] == 1
    assert any("“减4”" in n and "未计入" in n for n in merge_notes(merged))
    assert all(v is None or is_number(v) for v in merged.values.values())


def test_a_source_with_errors_is_named():
    merged = merge_reports([(seed(0), "左贡.nianbao"), (seed(1), "平武.nianbao")])
    assert merged.sources[0]["errors"] == 2 and merged.sources[1]["errors"] == 0
    assert any("左贡.nianbao" in n and "2 个错误" in n for n in merge_notes(merged))


def test_nothing_to_merge():
    with pytest.raises(ReportError):
        merge_reports([])


def test_cli_merge_writes_a_project_file(tmp_path):
    out = tmp_path / "汇总.nianbao"
    proc = run_cli("merge", *(SEEDS / f"seed00{n}.nianbao" for n in (1, 2, 3)), "-o", out)
    assert proc.returncode == 0, proc.stderr
    merged = project_file.load(out)
    assert merged.values["t3.r01.c7"] == 100
    assert [s["unit"] for s in merged.sources][0] == "平武县人民政府办公室"
    # the notes survive the project file: here only the units merged
    assert merge_notes(merged) == ["汇总了 3 个单位：平武县人民政府办公室、岚皋县佐龙镇人民政府、和田地区"]
    assert "已汇总 3 份报告" in proc.stdout


def test_cli_merge_names_a_source_with_errors(tmp_path):
    out = tmp_path / "汇总.nianbao"
    proc = run_cli("merge", SEEDS / "seed000.nianbao", SEEDS / "seed001.nianbao", "-o", out)
    assert proc.returncode == 1 and out.exists()
    assert "左贡县人民政府" in proc.stdout and "2 个错误" in proc.stdout


def test_cli_merge_refuses_mixed_years_without_writing(tmp_path):
    out = tmp_path / "汇总.nianbao"
    proc = run_cli("merge", SEEDS / "seed001.nianbao", SEEDS / "seed004.nianbao", "-o", out)
    assert proc.returncode == 2 and not out.exists()
    assert "不同年度" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_merge_accepts_imported_files(tmp_path, seeds_dir):
    out = tmp_path / "汇总.nianbao"
    files = [next(seeds_dir.glob(f"00{n}_*.txt")) for n in (1, 2, 3)]
    proc = run_cli("merge", *files, "-o", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert project_file.load(out).values == merge_reports([(seed(n), "") for n in (1, 2, 3)]).values


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=50),
       st.sampled_from(["gb2021", "gb2019"]))
def test_merging_adds_every_cell(x, y, form_id):
    year = 2024 if form_id == "gb2021" else 2020
    a, b = balanced(year=year, fill=x), balanced(year=year, fill=y)
    b.meta["unit"] = "另一个单位"
    merged = merge_reports([(a, "a"), (b, "b")], allow_duplicates=x == y)  # x == y: the same content
    assert all(merged.values[ref] == a.values[ref] + b.values[ref] for ref in merged.values)


def _copies(tmp_path, units_times):
    """Write project files: for each (unit, n), n copies of seed 001 under that unit name."""
    files = []
    for k, (unit, n) in enumerate(units_times):
        for i in range(n):
            r = seed(1)
            r.meta["unit"] = unit
            r.apply({"text.problems": r.text["problems"] + f"（第 {k}-{i} 份）"})  # copies differ in content
            path = tmp_path / f"{k}-{i}.nianbao"
            project_file.save(r, path, backup=False)
            files.append(path)
    return files


def test_cli_merge_refuses_the_same_unit_twice_naming_both_files(tmp_path):
    files = _copies(tmp_path, [("淮安市洪泽区人民政府", 1), ("洪泽区人民政府", 1), ("洪泽区教育局", 1)])
    out = tmp_path / "汇总.nianbao"
    proc = run_cli("merge", *files, "-o", out)
    assert proc.returncode == 2 and not out.exists()
    assert "0-0.nianbao" in proc.stderr and "1-0.nianbao" in proc.stderr and "同一单位同一年度" in proc.stderr
    assert "--allow-duplicates" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("merge", *files, "-o", out, "--allow-duplicates")
    assert proc.returncode == 0 and project_file.load(out).values["t3.r01.c7"] == 3 * 16


def test_forty_files_of_four_units_are_refused_not_multiplied(tmp_path):
    files = _copies(tmp_path, [(f"第{k}局", 10) for k in range(4)])
    proc = run_cli("merge", *files, "-o", tmp_path / "汇总.nianbao")
    assert proc.returncode == 2 and proc.stderr.count("同一单位同一年度") == 36


def test_the_same_content_under_two_names_is_refused(tmp_path):
    a = tmp_path / "a.nianbao"
    project_file.save(seed(3), a, backup=False)
    b = seed(3)
    b.meta["unit"] = "和田县"
    project_file.save(b, tmp_path / "b.nianbao", backup=False)
    proc = run_cli("merge", a, tmp_path / "b.nianbao", "-o", tmp_path / "o.nianbao")
    assert proc.returncode == 2 and "内容完全相同" in proc.stderr


def test_breakdown_has_every_cell_per_unit_and_the_total(tmp_path):
    from openpyxl import load_workbook

    out, book = tmp_path / "汇总.nianbao", tmp_path / "明细.xlsx"
    proc = run_cli("merge", *(SEEDS / f"seed00{n}.nianbao" for n in (1, 2, 3)), "-o", out, "--breakdown", book)
    assert proc.returncode == 0 and "明细" in proc.stdout
    wb = load_workbook(book, read_only=True)
    rows = [tuple(r) for r in wb["明细"].iter_rows(values_only=True)]
    sources = [tuple(r) for r in wb["来源"].iter_rows(values_only=True)]
    wb.close()
    assert rows[0][0] == "平武县人民政府办公室等3个单位（汇总）"
    head = rows[1]
    assert head[:4] == ("表", "项目", "栏目", "单元格") and head[-1] == "汇总"
    assert "平武县人民政府办公室（seed001.nianbao）" in head and "和田地区（seed003.nianbao）" in head
    merged = project_file.load(out)
    body = rows[2:]
    assert len(body) == len(merged.form.cells)
    new = next(r for r in body if r[3] == "t3.r01.c7")
    assert new[4:] == (16, 0, 84, 100)
    money = next(r for r in body if r[3] == "t2.a8.sf.je")
    assert float(money[-1]) == 21613.91
    assert [s[1] for s in sources[1:]] == ["平武县人民政府办公室", "岚皋县佐龙镇人民政府", "和田地区"]
    assert merge_notes(merged)[0].startswith("汇总了 3 个单位：平武县人民政府办公室、岚皋县佐龙镇人民政府、和田地区")
