"""Every seed report imports with the known answers of domain.md §7; check and import on them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core.io import project_file
from core.io.read_result import NoteCode, ReadNote
from core.io.reader import read_any

from .helpers import ANSWERS, answer, run_cli, seed

EXPECTED = {  # unit, year, format, date, signer (domain.md §7)
    0: ("左贡县人民政府", 2024, "gb2021", None, "左贡县人民政府办公室"),
    1: ("平武县人民政府办公室", 2024, "gb2021", "2025-01-21", "平武县人民政府办公室"),
    2: ("岚皋县佐龙镇人民政府", 2024, "gb2021", None, "岚皋县佐龙镇人民政府"),
    3: ("和田地区", 2024, "gb2021", None, "和田地区"),
    4: ("工布江达县人民政府办公室", 2020, "gb2019", "2021-02-08", "工布江达县人民政府办公室"),
}


def seed_file(seeds_dir, n):
    return next(seeds_dir.glob(f"00{n}_*.txt"))


@pytest.mark.parametrize("n", range(5))
def test_seed_imports_every_cell(seeds_dir, n):
    result = read_any(seed_file(seeds_dir, n))
    got, want = result.report, answer(n)
    unit, year, form, date, signer = EXPECTED[n]
    assert result.source_kind == "text"
    assert got.form.id == want.form.id == form and (want.meta["unit"], want.meta["year"]) == (unit, year)
    assert (got.meta["unit"], got.meta["year"], got.meta["date"], got.meta["signer"]) == (
        unit, year, date, signer)
    for ref, value in want.values.items():
        assert got.values[ref] == value and type(got.values[ref]) is type(value), ref
    for section in ("overview", "problems", "other"):
        assert got.text[section].strip(), section
    assert "[bookmark" not in "".join(got.text.values())


def test_seed_notes_only_where_something_was_guessed(seeds_dir):
    notes = {n: read_any(seed_file(seeds_dir, n)).notes for n in range(5)}
    assert notes[1] == notes[2] == notes[3] == []
    # seed 000 prints a 表四 whose 总计 are not the sums of their parts (two E-T4-SUM errors):
    # read as printed, and said, since text copied with a row slipped would look the same
    (note,) = notes[0]
    assert note.code is NoteCode.CELL_UNCERTAIN and note.where == "t4.r1" and "已按原样填入" in note.message
    assert notes[4] == [ReadNote(NoteCode.CELL_CONVERTED,
                                 "表二“政府集中采购”·“采购总金额”：原文“2359.4197万元”，读作 2359.4197（万元）",
                                 "t2.a9.cg.je")]


def test_seed_narrative(seeds_dir):
    r1 = read_any(seed_file(seeds_dir, 1)).report
    assert r1.text["other"] == "本年度无收取信息处理费相关情况及其他需要报告的事项。"
    assert r1.text["overview"].startswith("2024年,平武县人民政府办公室坚持以《条例》为指导")
    r0 = read_any(seed_file(seeds_dir, 0)).report
    assert r0.text["other"].startswith("无。")
    assert not r0.text["other"].endswith("办公室")  # the signature is not part of section 六
    r4 = read_any(seed_file(seeds_dir, 4)).report
    assert r4.text["other"].strip() == "无"  # "附件：…统计表", signature and date dropped
    r2 = read_any(seed_file(seeds_dir, 2)).report
    assert r2.text["preface"].startswith("2024年，在县委、县政府的坚强领导下")


def test_check_seed000_txt_reports_t4_errors(seeds_dir):
    proc = run_cli("check", seed_file(seeds_dir, 0))
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("E-T4-SUM") == 2
    assert "行政复议" in proc.stdout and "复议后起诉" in proc.stdout


def test_import_command_writes_project_file(seeds_dir, tmp_path):
    out = tmp_path / "last"
    proc = run_cli("import", seed_file(seeds_dir, 4), "-o", out)
    assert proc.returncode == 0, proc.stderr
    saved = project_file.load(tmp_path / "last.nianbao")
    assert saved.form.id == "gb2019" and saved.meta["year"] == 2020
    assert saved.values == seed(4).values
    assert "2359.4197万元" in proc.stdout  # what was guessed is printed


def test_import_refuses_to_overwrite_its_source(tmp_path):
    src = tmp_path / "a.nianbao"
    project_file.save(seed(1), src, backup=False)
    before = src.read_bytes()
    proc = run_cli("import", src, "-o", src)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert src.read_bytes() == before


@pytest.mark.slow
def test_reader_registration_stays_light(seeds_dir):
    """Registering the readers imports no heavy library; a text import needs none either."""
    code = (
        "import sys\n"
        "import core.io.reader as r\n"
        "assert set(r.supported_suffixes()) >= {'.nianbao', '.docx', '.txt', '.html', '.htm', '.pdf', '.xlsx'}\n"
        "heavy = ('lxml', 'docx', 'openpyxl', 'pypdf', 'pypdfium2', 'pypdfium2_raw', 'docxtpl', 'core.io.importers')\n"
        "assert not [m for m in heavy if m in sys.modules]\n"
        f"res = r.read_any({str(seed_file(seeds_dir, 1))!r})\n"
        "assert res.report.values['t3.r01.c7'] == 16\n"
        "bad = [m for m in ('lxml', 'docx', 'openpyxl', 'pypdf', 'pypdfium2', 'pypdfium2_raw', 'docxtpl') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("n", range(5))
def test_seed_project_files_hold_the_hand_read_answers(n):
    """The project files other tests start from agree with answers.json, the independent truth."""
    got, want = seed(n), answer(n)
    assert got.form.id == want.form.id and got.meta["unit"] == want.meta["unit"]
    assert got.meta["year"] == want.meta["year"]
    assert got.values == want.values and all(type(got.values[r]) is type(v) for r, v in want.values.items())


def test_the_answers_own_checks_agree_with_ours():
    """answers.json says which seeds have T4 errors and which balance their T3: so do the rules."""
    import json

    from core.rules import check_report

    known = json.loads(ANSWERS.read_text(encoding="utf-8"))
    for n, name in enumerate(sorted(known)):
        rules = {f.rule for f in check_report(answer(n), final=True) if f.is_error}
        assert ("E-T4-SUM" in rules) == known[name]["t4_errors"], name
        assert ("E-T3-BAL" not in rules) == known[name]["t3_balanced"], name
