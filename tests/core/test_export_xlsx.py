"""XLSX export: the printed layout from the grid, formulas for totals, exact values read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal

import pytest

from core.io.export import ExportRefused, export_xlsx
from core.io.xlsx_export import DATA_SHEET, GRID_TOP, SHEET_NAMES, cell_addresses, money_format
from core.model import format_value

from .helpers import balanced, seed


def export(report, tmp_path, name="out.xlsx", **kw):
    out = tmp_path / name
    export_xlsx(report, out, **kw)
    return out


def load(path):
    from openpyxl import load_workbook

    return load_workbook(path)


def read_number(cell, money: bool):
    """Read a cell back as the report holds it: int, exact Decimal (decimals from the format), text."""
    v = cell.value
    if money and isinstance(v, (int, float)):
        decimals = len(cell.number_format.split(".")[1]) if "." in cell.number_format else 0
        return Decimal(repr(float(v))).quantize(Decimal(1).scaleb(-decimals))
    return v


def evaluate(ws, formula: str):
    """Evaluate ``=SUM(A1:B2,C3)`` over the sheet's values (formulas inside evaluated too)."""
    m = re.fullmatch(r"=SUM\((.*)\)", formula)
    assert m, formula
    total = 0
    for part in m.group(1).split(","):
        cells = ws[part]
        if not isinstance(cells, tuple):
            cells = ((cells,),)
        elif cells and not isinstance(cells[0], tuple):
            cells = (cells,)
        for row in cells:
            for c in row:
                v = c.value
                if isinstance(v, str) and v.startswith("="):
                    v = evaluate(ws, v)
                total += v or 0
    return total


@pytest.mark.parametrize("n", [1, 3, 4])
def test_values_round_trip_and_totals_are_formulas(seed_export, n):
    r = seed(n)
    wb = load(seed_export(n, ".xlsx"))
    addresses = cell_addresses(r.form)
    formulas = {f.target for f in r.form.formulas}
    for spec in r.form.cells:
        sheet, addr = addresses[spec.ref]
        cell = wb[sheet][addr]
        if spec.ref in formulas:
            assert isinstance(cell.value, str) and cell.value.startswith("=SUM("), spec.ref
            assert evaluate(wb[sheet], cell.value) == r.values[spec.ref], spec.ref
        else:
            got = read_number(cell, spec.kind.value == "money")
            assert got == r.values[spec.ref] and type(got) is type(r.values[spec.ref]), spec.ref


def test_money_keeps_its_typed_decimals(tmp_path):
    r = seed(4)
    wb = load(export(r, tmp_path))
    sheet, addr = cell_addresses(r.form)["t2.a9.cg.je"]
    cell = wb[sheet][addr]
    assert cell.number_format == "0.00##" and cell.value == pytest.approx(2359.4197)
    assert money_format(Decimal("21613.91")) == "0.00##" and money_format(Decimal("3")) == "0.00##"
    assert money_format(Decimal("1.234567")) == "0.00####"  # more decimals typed: all shown
    data = wb[DATA_SHEET]
    row = next(row for row in data.iter_rows(values_only=True) if row[0] == "t2.a9.cg.je")
    assert row[4] == "2359.4197" and row[2] == f"{sheet}!{addr}" and row[3] == "money"


@pytest.mark.slow
def test_a_clerk_typing_cents_into_a_whole_amount_sees_them(tmp_path, office):
    """The 2021 fee was whole (3 万元); typed over with 0.35 in the spreadsheet it shows 「0.35」."""
    r = seed(1)
    r.values["t2.a8.sf.je"] = Decimal("3")
    path = export(r, tmp_path, "fee.xlsx")
    wb = load(path)
    sheet, addr = cell_addresses(r.form)["t2.a8.sf.je"]
    assert wb[sheet][addr].number_format == "0.00##"
    wb[sheet][addr] = 0.35  # what the clerk types
    wb.save(path)
    pdf = office.pdf(path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "0.35" in text


@pytest.mark.parametrize("n", [1, 3, 4])
def test_programs_that_do_not_calculate_see_the_totals(seed_export, n):
    """openpyxl ``data_only`` (and pandas, previewers) read the saved values of the formulas."""
    from openpyxl import load_workbook

    r = seed(n)
    path = seed_export(n, ".xlsx")
    wb = load_workbook(path, data_only=True)
    addresses = cell_addresses(r.form)
    for f in r.form.formulas:
        sheet, addr = addresses[f.target]
        assert wb[sheet][addr].value == r.values[f.target], f.target
    assert b'fullCalcOnLoad="1"' in __import__("zipfile").ZipFile(path).read("xl/workbook.xml")


def test_wrong_printed_totals_are_kept_as_printed_and_marked(tmp_path):
    r = seed(0)  # 表四 as published: two totals that are not the sum of their parts
    with pytest.raises(ExportRefused):
        export(r, tmp_path)
    wb = load(export(r, tmp_path, force=True))
    addresses = cell_addresses(r.form)
    wrong = [f for f in r.form.formulas if sum(r.values[p] for p in f.parts) != r.values[f.target]]
    assert len(wrong) == 2
    for f in wrong:
        sheet, addr = addresses[f.target]
        cell = wb[sheet][addr]
        assert cell.value == r.values[f.target]  # the printed number, not a formula
        assert cell.font.color.rgb.endswith("C00000") and "与分项之和" in cell.comment.text
    right = next(f for f in r.form.formulas if f not in wrong and f.target.startswith("t4"))
    sheet, addr = addresses[right.target]
    assert str(wb[sheet][addr].value).startswith("=SUM(")


def test_seed_000_round_trips_unchanged_with_force(tmp_path, capsys):
    """nianbao export --force to XLSX, then nianbao import: the same report, wrong totals and all."""
    from core.cli import main
    from core.io import project_file

    from .helpers import DATA

    src = DATA / "seeds" / "seed000.nianbao"
    xlsx = tmp_path / "r.xlsx"
    assert main(["export", str(src), "-o", str(xlsx)]) == 1  # errors: refused
    assert not xlsx.exists()
    assert main(["export", str(src), "-o", str(xlsx), "--force"]) == 0
    back = tmp_path / "back.nianbao"
    assert main(["import", str(xlsx), "-o", str(back)]) == 0
    a, b = project_file.load(src), project_file.load(back)
    assert b.values == a.values and b.meta == a.meta and b.text == a.text and b.stale == a.stale


def test_last_years_marks_survive_the_round_trip(tmp_path):
    from core.io.reader import read_any

    r = seed(1)
    r.stale = {"overview", "problems"}
    back = read_any(export(r, tmp_path)).report
    assert back.stale == {"overview", "problems"}
    r.stale = set()
    assert read_any(export(r, tmp_path, "b.xlsx")).report.stale == set()


def test_control_characters_from_word_do_not_break_the_workbook(tmp_path):
    from core.io.reader import read_any

    r = balanced()
    r.meta["unit"] = "测试\x0b县\x00人民政府"
    r.text["overview"] = "第一行\x0b第二行\x07\x1f完\ud800"
    back = read_any(export(r, tmp_path)).report
    assert back.meta["unit"] == "测试\n县人民政府"
    assert back.text["overview"] == "第一行\n第二行完\ufffd"  # a lone surrogate shows as �


def test_layout_follows_the_printed_grid(tmp_path):
    r = seed(3)
    wb = load(export(r, tmp_path))
    assert wb.sheetnames == ["表二", "表三", "表四", DATA_SHEET]
    for spec in r.form.tables:
        ws = wb[SHEET_NAMES[spec.id]]
        merged = {str(m) for m in ws.merged_cells.ranges}
        from openpyxl.utils import get_column_letter

        want = {f"A{row}:{get_column_letter(spec.grid_cols)}{row}" for row in (1, 2, 3)}
        for g in spec.grid:
            top = f"{get_column_letter(g.col + 1)}{GRID_TOP + g.row}"
            if g.rowspan > 1 or g.colspan > 1:
                want.add(f"{top}:{get_column_letter(g.col + g.colspan)}{GRID_TOP + g.row + g.rowspan - 1}")
            if g.ref is None:
                assert ws[top].value == g.text, (spec.id, top)
        assert merged == want, spec.id
        assert ws["A3"].value == spec.title
        assert "和田地区" in ws["A2"].value and "2024" in ws["A2"].value and "〔2021〕30号" in ws["A2"].value
    assert wb["表四"].page_setup.orientation == "landscape"


def test_blank_cells_stay_blank_and_export_needs_force(tmp_path):
    r = seed(3)
    r.values["t4.f1"] = None
    with pytest.raises(ExportRefused):
        export(r, tmp_path)
    wb = load(export(r, tmp_path, force=True))
    sheet, addr = cell_addresses(r.form)["t4.f1"]
    assert wb[sheet][addr].value is None


def test_hidden_sheet_has_meta_and_text(tmp_path):
    r = seed(1)
    wb = load(export(r, tmp_path))
    ws = wb[DATA_SHEET]
    assert ws.sheet_state == "hidden"
    rows = {row[0]: row[1:] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["kind"][0] == "nianbao-xlsx" and rows["form"][0] == "gb2021"
    assert rows["meta.unit"][0] == "平武县人民政府办公室" and rows["meta.date"][0] == "2025-01-21"
    assert rows["text.overview"][0] == r.text["overview"]
    for spec in r.form.cells:
        assert rows[spec.ref][3] == format_value(r.values[spec.ref])
    assert wb.properties.creator == "平武县人民政府办公室"


def test_long_text_is_split_over_cells(tmp_path):
    r = balanced()
    r.text["other"] = "字" * 70000
    wb = load(export(r, tmp_path))
    row = next(row for row in wb[DATA_SHEET].iter_rows(values_only=True) if row[0] == "text.other")
    assert "".join(x for x in row[1:] if x) == r.text["other"]


@pytest.mark.slow
def test_spreadsheet_program_computes_the_totals(tmp_path, office):
    """LibreOffice Calc (when installed) opens the workbook and computes the formulas."""
    path = export(seed(3), tmp_path, "t.xlsx")
    (pdf,) = office.convert([path], "pdf", check=False)
    if not pdf.exists():
        pytest.skip("LibreOffice Calc is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else ""
    if not text:
        from pypdf import PdfReader

        text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    # 表三 一、本年新收 row: 83 1 0 0 0 0 84 — the 84 is a formula result
    assert re.search(r"83\s+1\s+0\s+0\s+0\s+0\s+84", text), text[:2000]
    assert re.search(r"84\s+1\s+0\s+0\s+0\s+0\s+85", text)  # （七）总计 row


@pytest.mark.parametrize("n", [1, 3, 4])
def test_import_reads_the_export_back(seed_export, n):
    """The import side (``read_any``) gets every value, the meta data and the text back."""
    from core.io.reader import read_any

    r = seed(n)
    path = seed_export(n, ".xlsx")
    back = read_any(path).report
    assert back.form.id == r.form.id and back.meta == r.meta and back.text == r.text
    assert back.values == r.values


def test_reimport_keeps_the_notes_its_exact_data_does_not_answer(tmp_path):
    """The hidden sheet answers the unit and the text; a unit left empty keeps its 「未能读出单位名称」."""
    from core.io.read_result import NoteCode
    from core.io.reader import read_any

    r = seed(1)
    assert {n.code for n in read_any(export(r, tmp_path, "full.xlsx")).notes} <= {NoteCode.CELL_CONVERTED}
    r.apply({"meta.unit": "", "meta.signer": "", "text.problems": ""})
    notes = read_any(export(r, tmp_path, "no-unit.xlsx")).notes
    assert [n.where for n in notes if n.code is NoteCode.UNIT_MISSING] == ["meta.unit"]
    assert [n.where for n in notes if n.code is NoteCode.SECTION_MISSING] == ["text.problems"]
