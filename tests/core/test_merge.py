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
    b.values["t3.r03.c1"] = None
    merged = merge_reports([(a, "a.nianbao"), (b, "b.nianbao")])
    assert merged.values["t2.a5.qt.zj"] == 2 * a.values["t2.a5.qt.zj"] < 0
    assert merged.values["t2.a9.cg.je"] == 2 * a.values["t2.a9.cg.je"]
    assert merged.values["t3.r03.c1"] == a.values["t3.r03.c1"]
    blank_note, error_note = merge_notes(merged)
    assert "b.nianbao" in blank_note and "予以公开" in blank_note and "按 0 计入" in blank_note
    assert "b.nianbao" in error_note and "1 个错误" in error_note  # the blank is an error when final


def test_blank_plus_blank_stays_blank_and_text_is_left_out():
    a, b = balanced(fill=1), balanced(fill=2)
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
    assert merge_notes(merged) == []  # notes survive the project file (empty here)
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
    merged = merge_reports([(a, "a"), (b, "b")])
    assert all(merged.values[ref] == a.values[ref] + b.values[ref] for ref in merged.values)
