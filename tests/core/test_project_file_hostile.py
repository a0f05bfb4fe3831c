"""Bad project files: every wrong shape or absurd magnitude gives exit 2 or an E-finding, quickly, on every path."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest

from core.cli import main
from core.errors import FileReadError
from core.io import project_file
from core.model import Report
from core.rules import check_report

from .hostile_projects import REFUSED, write_all, write_out_of_range

QUICK = 5.0  # seconds; these take milliseconds, the bugs they guard against took minutes or hung


def _han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    return write_all(tmp_path_factory.mktemp("refused"))


@pytest.fixture(scope="module")
def out_of_range(tmp_path_factory):
    return write_out_of_range(tmp_path_factory.mktemp("range"))


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_wrong_shapes_and_years_are_refused_with_a_chinese_message(refused, name):
    t0 = time.perf_counter()
    with pytest.raises(FileReadError) as err:
        project_file.load(refused[name])
    assert time.perf_counter() - t0 < QUICK
    message = str(err.value)
    assert _han(message) and len(message) < 200, message


def test_check_and_export_exit_2_on_every_refused_file(refused, capsys, tmp_path):
    for name, path in refused.items():
        t0 = time.perf_counter()
        assert main(["check", str(path)]) == 2, name
        assert main(["export", str(path), "-o", str(tmp_path / "x.docx"), "--force"]) == 2, name
        assert main(["export", str(path), "-o", str(tmp_path / "x.xlsx"), "--force"]) == 2, name
        assert time.perf_counter() - t0 < QUICK, name
        err = capsys.readouterr().err
        assert "无法读取" in err and "Traceback" not in err, name
    assert not list(tmp_path.iterdir())


def test_year_messages_say_the_allowed_range(refused):
    for name in ("meta.year 0", "meta.year 9999", "meta.year 10**20"):
        with pytest.raises(FileReadError, match="2000—2100"):
            project_file.load(refused[name])
    with pytest.raises(FileReadError, match="单位名称.*应为文字，实际是列表"):
        project_file.load(refused["meta.unit is a list"])


@pytest.mark.slow
def test_out_of_range_cells_are_e_findings_at_the_cell(out_of_range, capsys, tmp_path):
    for name, (path, ref) in out_of_range.items():
        t0 = time.perf_counter()
        report = project_file.load(path)
        assert isinstance(report.values[ref], str), name
        findings = [f for f in check_report(report, final=True) if f.rule == "E-CELL-INT" and ref in f.cells]
        assert findings and "超出合理范围" in findings[0].message and len(findings[0].message) < 120, name
        assert main(["check", str(path)]) == 1, name
        for out in (tmp_path / f"{ref}.docx", tmp_path / f"{ref}.xlsx"):
            assert main(["export", str(path), "-o", str(out)]) == 1, name  # refused: it has errors
            assert main(["export", str(path), "-o", str(out), "--force"]) == 0, name
            assert out.stat().st_size > 1000
        assert time.perf_counter() - t0 < QUICK, name
        assert "Traceback" not in capsys.readouterr().err


def test_huge_numbers_in_unknown_keys_are_kept_and_saved_quickly(tmp_path):
    d = json.loads(project_file.dumps(Report.new("甲", 2024)))
    d["x-other-tool"] = {"big": Decimal("1e999999999"), "digits": int("7" * 40), "tiny": Decimal("1e-99")}
    text = project_file._dump(d)
    report = project_file.loads(text)
    t0 = time.perf_counter()
    out = project_file.dumps(report)
    assert time.perf_counter() - t0 < QUICK
    assert "1E+999999999" in out and "7" * 40 in out and "1E-99" in out
    assert project_file.loads(out).extra == report.extra


def test_a_lone_surrogate_is_read_and_saved(tmp_path):
    d = json.loads(project_file.dumps(Report.new("甲", 2024)))
    text = json.dumps(d, ensure_ascii=True).replace('"overview": ""', '"overview": "前\\ud800后\\ud83d\\ude00"')
    report = project_file.loads(text)
    assert report.text["overview"] == "前\ufffd后😀"
    report.text["problems"] = "又一个\udc80"  # typed or pasted: saving must not fail on it
    project_file.save(report, tmp_path / "s.nianbao")
    assert project_file.load(tmp_path / "s.nianbao").text["problems"] == "又一个\ufffd"


def test_moderately_nested_unknown_keys_survive(tmp_path):
    d = json.loads(project_file.dumps(Report.new("甲", 2024)))
    nested: dict = {}
    cur = nested
    for _ in range(40):
        cur["k"] = {}
        cur = cur["k"]
    d["x-nested"] = nested
    report = project_file.loads(json.dumps(d))
    project_file.save(report, tmp_path / "n.nianbao")
    assert project_file.load(tmp_path / "n.nianbao").extra["x-nested"] == nested


def test_typed_numbers_beyond_any_report_are_refused_at_the_cell():
    from core.model.values import parse_cell_text
    from core.schema import CellKind

    for text in ("9" * 5000, "1" + "0" * 15, "1." + "1" * 11):
        parsed = parse_cell_text(text, CellKind.MONEY)
        assert not parsed.ok and "超出合理范围" in parsed.error and len(parsed.error) < 100
    assert parse_cell_text("9" * 15, CellKind.COUNT).value == int("9" * 15)
    assert parse_cell_text("123.4567890123", CellKind.MONEY).ok


def test_control_characters_and_surrogates_are_cleaned_for_xlsx_as_for_docx(tmp_path):
    from core.io.export import export_docx, export_xlsx
    from core.io.reader import read_any

    from .helpers import balanced

    r = balanced()
    r.meta["unit"] = "某县\x00人民政府\x07办公室"
    r.text["overview"] = "第一行\x0b第二行（Word 的手动换行）\x0c分页\ud800"
    r.values["t3.r01.c1"] = "三\x01件"
    export_xlsx(r, tmp_path / "r.xlsx", force=True)
    export_docx(r, tmp_path / "r.docx", force=True)
    back = read_any(tmp_path / "r.xlsx").report
    assert back.meta["unit"] == "某县人民政府办公室"
    assert back.text["overview"].startswith("第一行\n第二行（Word 的手动换行）\n分页")
    assert r.text["overview"].startswith("第一行\x0b")  # the report itself is left as it is
