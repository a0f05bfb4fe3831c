"""Starting this year's report from last year's (``nianbao new --from``)."""

from __future__ import annotations


import pytest

from core.errors import ReportError
from core.io import project_file
from core.newyear import new_year_from, shift_years
from core.rules import check_report

from .helpers import run_cli, seed


def test_carry_over_baseline_and_blank_figures():
    last = seed(1)  # 2024: 结转下年度 1 (自然人 1, 总计 1); 现行有效 规章 0 / 行政规范性文件 7
    new = new_year_from(last)
    assert new.meta["year"] == 2025 and new.form.id == "gb2021"
    assert new.meta["unit"] == new.meta["signer"] == "平武县人民政府办公室"
    assert new.meta["date"] is None
    assert [new.values[f"t3.r02.c{i}"] for i in range(1, 8)] == [
        last.values[f"t3.r25.c{i}"] for i in range(1, 8)] == [1, 0, 0, 0, 0, 0, 1]
    others = [ref for ref, v in new.values.items() if not ref.startswith("t3.r02.")]
    assert all(new.values[ref] is None for ref in others)  # never last year's numbers
    assert new.baseline.year == 2024 and new.baseline.valid == {"gz": 0, "gf": 7}
    assert new.baseline.carry == [1, 0, 0, 0, 0, 0, 1]


def test_2020_report_starts_a_2021_format_report():
    last = seed(4)  # 2019 format, 23 rows: 结转 is r23
    last.values["t3.r23.c1"] = 2
    new = new_year_from(last)
    assert new.meta["year"] == 2021 and new.form.id == "gb2021"
    assert new.values["t3.r02.c1"] == 2 and new.values["t3.r25.c1"] is None
    assert new.baseline.form == "gb2019" and new.baseline.valid == {}
    assert new.meta["signer"] == "工布江达县人民政府办公室"


def test_narrative_is_a_stale_draft_with_years_moved_on():
    last = seed(0)
    new = new_year_from(last)
    assert new.stale == {"preface", "overview", "problems", "other"}
    assert "现将左贡县人民政府2025年政府信息公开工作年度报告如下" in new.text["preface"]
    assert "2025年1月1日至2025年12月31日" in new.text["preface"]
    assert "2026年，左贡县将坚持以人民为中心" in new.text["other"]  # next year's plans move on too
    assert "2024年" not in new.text["overview"]
    findings = [f for f in check_report(new, final=True) if f.rule == "W-X-COPY"]
    assert len(findings) == 4  # each untouched section is flagged 内容雷同


def test_editing_a_section_clears_its_mark():
    new = new_year_from(seed(2))
    new.apply({"text.overview": "2025年，佐龙镇……"})
    assert "overview" not in new.stale and "problems" in new.stale


def test_shift_years_only_touches_years():
    text = "2024年度共受理2024件；2019年制定；2025年将；（2024）号；2023年"
    assert shift_years(text, 2024, 2025) == "2025年度共受理2024件；2019年制定；2026年将；（2024）号；2023年"


def test_explicit_year_and_bad_years():
    assert new_year_from(seed(1), 2026).meta["year"] == 2026
    with pytest.raises(ReportError):
        new_year_from(seed(1), 2024)
    last = seed(1)
    last.meta["year"] = None
    with pytest.raises(ReportError, match="--year"):
        new_year_from(last)
    assert new_year_from(last, 2025).meta["year"] == 2025


def test_carry_that_is_not_a_number_is_not_copied():
    last = seed(1)
    last.values["t3.r25.c1"] = "减1"
    assert new_year_from(last).values["t3.r02.c1"] is None


def test_cli_new_from_a_text_report(seeds_dir, tmp_path):
    src = next(seeds_dir.glob("003_*.txt"))
    proc = run_cli("new", "--from", src, "-o", tmp_path / "2025")
    assert proc.returncode == 0, proc.stderr
    new = project_file.load(tmp_path / "2025.nianbao")
    assert new.meta["year"] == 2025 and new.meta["unit"] == "和田地区"
    assert [new.values[f"t3.r02.c{i}"] for i in range(1, 8)] == [0] * 7
    assert new.baseline.valid == {"gz": 0, "gf": 75} and new.baseline.file == str(src)
    assert "上年结转（总计）：0" in proc.stdout
    proc = run_cli("new", "--from", src, "-o", tmp_path / "x", "--year", "2020")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
