"""2019's 采购总金额 and its unit (domain.md §2.2): stated by the clerk, kept, read from sources, printed, checked."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal

import pytest

from core.cli import main
from core.errors import FileReadError
from core.io import project_file
from core.io.export import export_docx, export_html, export_xlsx
from core.io.read_result import NoteCode
from core.io.reader import read_any
from core.merge import merge_notes, merge_reports, write_breakdown
from core.model.money_unit import REF, header_text, money_unit
from core.rules import check_report
from core.schema import get_form

from .helpers import DATA, seed
from .import_samples import html_of

AMOUNT = "t2.a9.cg.je"
COUNT = "t2.a9.cg.sl"
HEAD = "采购总金额（万元）"


def report_2019(amount="2359.4197", unit=None, count=75, name="工布江达县人民政府办公室"):
    r = seed(4)
    r.meta["unit"] = name
    r.values[AMOUNT] = Decimal(amount) if amount is not None else None
    r.values[COUNT] = count
    r.meta["money_unit"] = unit
    return r


def a9(report) -> list:
    return [f for f in check_report(report) if f.rule == "W-A9-UNIT"]


# -- the model and the project file -------------------------------------------------------
def test_only_the_2019_amount_has_a_chosen_unit():
    assert get_form("gb2019").chosen_unit_cells == (AMOUNT,)
    assert get_form("gb2021").chosen_unit_cells == ()  # 收费金额 says 万元 in its label
    heads = [g for g in get_form("gb2019").table("t2").grid if g.chosen_unit]
    assert [g.text for g in heads] == ["采购总金额"]


def test_the_unit_is_set_through_apply_and_undone():
    r = report_2019()
    undo = r.apply({REF: "元"})
    assert money_unit(r) == "元" and undo == {REF: None}
    r.apply(undo)
    assert money_unit(r) is None
    snap = r.snapshot()
    r.apply({REF: "万元"})
    r.restore(snap)
    assert money_unit(r) is None


def test_project_file_keeps_the_unit_and_older_files_open(tmp_path):
    r = report_2019(unit="万元")
    path = tmp_path / "r.nianbao"
    project_file.save(r, path, backup=False)
    assert json.loads(path.read_text(encoding="utf-8"))["meta"]["money_unit"] == "万元"
    assert money_unit(project_file.load(path)) == "万元"
    r.meta["money_unit"] = None  # not stated: not written, as older versions write the file
    project_file.save(r, path, backup=False)
    assert "money_unit" not in json.loads(path.read_text(encoding="utf-8"))["meta"]
    assert money_unit(project_file.load(path)) is None
    project_file.save(seed(1), path, backup=False)  # a 2021 report has no such amount
    assert "money_unit" not in json.loads(path.read_text(encoding="utf-8"))["meta"]


def test_a_hand_edited_unit_is_refused_in_chinese(tmp_path, capsys):
    d = json.loads((DATA / "seeds" / "seed004.nianbao").read_text(encoding="utf-8"))
    d["meta"]["money_unit"] = "yuan"
    path = tmp_path / "bad.nianbao"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FileReadError, match="只能是“万元”或“元”"):
        project_file.load(path)
    assert main(["check", str(path)]) == 2
    assert "采购总金额的单位" in capsys.readouterr().err


# -- the rule ------------------------------------------------------------------------------
def test_unstated_unit_of_a_nonzero_amount_is_a_warning():
    found = a9(report_2019())
    assert len(found) == 1 and found[0].cells == (AMOUNT, REF) and not found[0].is_error
    assert "没有注明单位" in found[0].message and "万元" in found[0].message
    assert a9(report_2019(amount="0")) == [] and a9(report_2019(amount=None)) == []
    assert a9(report_2019(unit="万元")) == []
    assert "W-A9-UNIT" not in {f.rule for f in check_report(seed(1))}


def test_unstated_unit_quotes_the_text_that_gives_it():
    r = report_2019()
    r.text["overview"] += "\n全年完成政府集中采购项目75个，采购总金额2359.4197万元。"
    assert "正文写的是“2359.4197万元”" in a9(r)[0].message


@pytest.mark.parametrize("amount, unit, count, name, why", [
    ("2359.4197", "元", 75, "工布江达县人民政府办公室", "4 位小数"),
    ("23594", "元", 75, "工布江达县人民政府办公室", "平均不到 1000 元"),
    ("2359419700", "万元", 75, "工布江达县人民政府办公室", "10 亿元以上"),
    ("23594", "万元", 75, "岚皋县佐龙镇人民政府", "1 亿元以上"),
])
def test_an_amount_that_looks_like_the_other_unit_is_a_warning(amount, unit, count, name, why):
    found = a9(report_2019(amount, unit, count, name))
    assert len(found) == 1 and why in found[0].message


@pytest.mark.parametrize("amount, unit, name", [
    ("2359.4197", "万元", "工布江达县人民政府办公室"),
    ("23594197", "元", "工布江达县人民政府办公室"),
    ("23594197.50", "元", "工布江达县人民政府办公室"),
    ("2359", "万元", "岚皋县佐龙镇人民政府"),
])
def test_sensible_amounts_are_not_flagged(amount, unit, name):
    assert a9(report_2019(amount, unit, 75, name)) == []


def test_text_giving_the_other_unit_is_a_warning_at_its_sentence():
    r = report_2019(unit="元", amount="23594197")
    r.text["other"] = "本年度政府集中采购总金额23594197万元，均按规定公开。"
    (f,) = a9(r)
    assert "选的是“元”" in f.message and "23594197万元" in f.message
    assert f.section == "other" and r.text["other"][f.span[0]:f.span[1]].startswith("本年度政府集中采购")


def test_the_rule_follows_each_edit():
    from core.rules.engine import Validator

    r = report_2019()
    v = Validator(r, final=False)
    assert "W-A9-UNIT" in {f.rule for f in v.findings()}
    r.subscribe(v.update)
    r.apply({REF: "万元"})
    assert "W-A9-UNIT" not in {f.rule for f in v.findings()}
    r.apply({REF: "元"})  # 2359.4197 元: fractions of a fen
    assert "W-A9-UNIT" in {f.rule for f in v.findings()}


# -- import ----------------------------------------------------------------------------------
def test_seed_004_states_wan_yuan_in_its_cell():
    src = DATA.parents[1].parent / "shared" / "seeds" / "004_95a02e89d4595156.txt"
    result = read_any(src)
    assert result.report.values[AMOUNT] == Decimal("2359.4197") and money_unit(result.report) == "万元"
    assert not a9(result.report)


def test_a_header_with_the_unit_sets_it(tmp_path):
    want = report_2019(amount="23594197")
    page = html_of(want).replace(">采购总金额<", ">采购总金额（单位：元）<")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = read_any(path)
    assert money_unit(result.report) == "元" and result.report.values[AMOUNT] == Decimal("23594197")
    assert not [n for n in result.notes if n.code is NoteCode.MONEY_UNIT]  # said by the table: no guess
    assert not result.report.deviations  # 「采购总金额（单位：元）」 is the official column with its unit


def test_the_narrative_states_the_unit_when_the_table_does_not(tmp_path):
    want = report_2019()
    want.text["overview"] += "\n全年政府集中采购项目75个，采购总金额2359.4197万元。"
    path = tmp_path / "page.html"
    path.write_text(html_of(want), encoding="utf-8")
    result = read_any(path)
    assert money_unit(result.report) == "万元"
    (note,) = [n for n in result.notes if n.code is NoteCode.MONEY_UNIT]
    assert note.where == REF and "正文“2359.4197万元”" in note.message


def test_a_bare_number_leaves_the_unit_to_the_clerk(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_of(report_2019()), encoding="utf-8")
    result = read_any(path)
    assert money_unit(result.report) is None
    assert len(a9(result.report)) == 1


# -- export, printed and read back -----------------------------------------------------------
def _docx_texts(path) -> list[str]:
    import docx

    return [c.text for t in docx.Document(path).tables for row in t.rows for c in row.cells]


def test_docx_html_and_xlsx_print_the_unit_in_the_header(tmp_path):
    import openpyxl

    r = report_2019(unit="万元")
    export_docx(r, tmp_path / "r.docx", force=True)
    export_html(r, tmp_path / "r.html", force=True)
    export_xlsx(r, tmp_path / "r.xlsx", force=True)
    assert HEAD in _docx_texts(tmp_path / "r.docx") and "2359.4197" in _docx_texts(tmp_path / "r.docx")
    assert f">{HEAD}</th>" in (tmp_path / "r.html").read_text(encoding="utf-8")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["表二"]
    assert HEAD in [c.value for row in sheet.iter_rows() for c in row]
    r.meta["money_unit"] = None  # not stated: the header as the format prints it
    export_docx(r, tmp_path / "bare.docx", force=True)
    texts = _docx_texts(tmp_path / "bare.docx")
    assert "采购总金额" in texts and not any("（" in t and "采购" in t for t in texts)


@pytest.mark.parametrize("suffix", [".docx", ".html", ".xlsx"])
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_the_unit_comes_back_from_each_export(tmp_path, suffix, unit):
    r = report_2019(amount="23594197" if unit == "元" else "2359.4197", unit=unit)
    src, out, back = tmp_path / "r.nianbao", tmp_path / f"r{suffix}", tmp_path / "back.nianbao"
    project_file.save(r, src, backup=False)
    assert main(["export", str(src), "-o", str(out), "--force"]) == 0
    assert main(["import", str(out), "-o", str(back)]) == 0
    got = project_file.load(back)
    assert money_unit(got) == unit and got.values[AMOUNT] == r.values[AMOUNT]
    assert "E-STRUCT-TABLES" not in {f.rule for f in check_report(got)}  # the unit is not a renamed column


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_the_printed_page_shows_the_unit(tmp_path, office):
    export_docx(report_2019(unit="万元"), tmp_path / "r.docx", force=True)
    text = subprocess.run(["pdftotext", "-layout", str(office.pdf(tmp_path / "r.docx")), "-"], capture_output=True,
                          text=True).stdout
    assert HEAD in text and "2359.4197" in text


def test_header_text_of_a_2021_report_is_unchanged():
    r = seed(1)
    assert [header_text(r, g) for g in r.form.table("t2").grid] == [g.text for g in r.form.table("t2").grid]


# -- 汇总 --------------------------------------------------------------------------------------
def test_merging_wan_and_yuan_adds_in_wan(tmp_path):
    import openpyxl

    a = report_2019("12.5", "万元", name="甲局")
    b = report_2019("35000", "元", name="乙局")
    c = report_2019("1", None, name="丙局")
    items = [(a, "a.nianbao"), (b, "b.nianbao"), (c, "c.nianbao")]
    merged = merge_reports(items)
    assert merged.values[AMOUNT] == Decimal("17") and money_unit(merged) == "万元"
    notes = merge_notes(merged)
    assert any("35000 元" in n and "3.5 万元" in n for n in notes)
    assert any("丙局" in n and "没有注明单位" in n for n in notes)
    write_breakdown(items, merged, tmp_path / "b.xlsx")
    row = next(r for r in openpyxl.load_workbook(tmp_path / "b.xlsx")["明细"].iter_rows(values_only=True)
               if r[3] == AMOUNT)
    assert row[2] == HEAD and [Decimal(str(v)) for v in row[4:]] == [Decimal("12.5"), Decimal("3.5"), 1, 17]


def test_merging_the_same_unit_keeps_it():
    items = [(report_2019("100", "元", name="甲局"), "a"), (report_2019("200", "元", name="乙局"), "b")]
    merged = merge_reports(items)
    assert merged.values[AMOUNT] == Decimal("300") and money_unit(merged) == "元"
