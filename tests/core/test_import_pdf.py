"""PDFs made by LibreOffice from our Word export and from hand-made Word tables, read by the
position of every character; and the text a PDF viewer copies out of them (issue 16, points 2-3).

The reports have large figures (a 5-digit 总计 wraps in its narrow cell, 「18651.06」 in the last 表二
row), blank cells, and balanced sums, as published reports have them.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess

import pytest

from core.io.importers.text import text_tokens
from core.io.read_result import NoteCode
from core.io.reader import read_any
from core.io.tables.labels import norm_label
from core.io.tables.parser import build_report
from core.io.export import export_docx
from core.model import is_number
from core.rules import check_report

from .helpers import seed
from .import_samples import clone, random_figures, viewer_text, write_docx

pytestmark = pytest.mark.slow  # LibreOffice prints the PDFs

@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, office):
    """Eight reports as PDFs: our export and a hand-made 28×8 Word file, with and without blanks."""
    folder = tmp_path_factory.mktemp("pdf")
    rng = random.Random(16)
    made = []
    docs = []
    for n in range(4):
        report = random_figures(seed(n % 5), rng, blanks=0.0 if n < 2 else 0.04)
        export_docx(report, folder / f"export{n}.docx", force=True)
        write_docx(report, folder / f"hand{n}.docx", t3_28x8=n % 2 == 1)
        docs += [folder / f"export{n}.docx", folder / f"hand{n}.docx"]
        made += [report, report]
    return list(zip(made, office.convert(docs, "pdf")))


def test_every_cell_is_read_by_position(pdfs):
    for want, pdf in pdfs:
        result = read_any(pdf)
        assert result.source_kind == "pdf"
        for ref, value in want.values.items():
            assert result.report.values[ref] == value, (pdf.name, ref)
        assert result.report.meta["year"] == want.meta["year"]


def test_the_last_t2_row_is_not_lost(pdfs):
    for want, pdf in pdfs:
        if want.form.id == "gb2021":
            assert read_any(pdf).report.values["t2.a8.sf.je"] == want.values["t2.a8.sf.je"], pdf.name


def test_a_balanced_report_raises_no_sum_errors(pdfs):
    for want, pdf in pdfs:
        sums = {"E-T3-BAL", "E-T3-TOTAL", "E-T3-ROWSUM", "E-T4-SUM"}
        assert not [f for f in check_report(read_any(pdf).report) if f.rule in sums], pdf.name


def layout_text(pdf) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def silent_errors(report, notes, want) -> list[str]:
    """Cells holding a number other than the printed one, with no note at the cell, its row or table."""
    noted = {n.where for n in notes if n.where}
    bad = []
    for ref, value in want.values.items():
        got = report.values[ref]
        if is_number(got) and got != value:
            row = "t4.r1" if ref.startswith("t4") else ref.rsplit(".", 1)[0]
            if not noted & {ref, row, ref.split(".")[0]}:
                bad.append(ref)
    return bad


@pytest.mark.parametrize("copy", [viewer_text, layout_text], ids=["reading-order", "pdftotext-layout"])
def test_copied_text_never_puts_a_number_in_a_cell_without_saying_so(pdfs, copy):
    for want, pdf in pdfs:
        report, notes = build_report(text_tokens(copy(pdf)))
        assert silent_errors(report, notes, want) == [], pdf.name


def test_reading_order_text_of_full_tables_is_read_exactly(pdfs):
    """Tables without blank cells: wrapped numbers in 表四's and 表三's narrow cells joined by the sums."""
    for want, pdf in pdfs:
        if want.blank_cells():
            continue
        report, notes = build_report(text_tokens(viewer_text(pdf)))
        wrong = [ref for ref, value in want.values.items() if report.values[ref] != value]
        assert wrong == [], pdf.name


def test_reading_order_text_names_the_cells_it_cannot_place(pdfs):
    """A cell left blank although the source has a number there carries a note: at the cell, or at
    its row (a row not found, or the cells of the row whose place the sums cannot tell)."""
    for want, pdf in pdfs:
        report, notes = build_report(text_tokens(viewer_text(pdf)))
        noted = {n.where for n in notes if n.where}
        rows_noted = {_row_of(w) for w in noted if w in want.values} | noted
        for ref, value in want.values.items():
            if report.values[ref] is None and value is not None:
                assert ref in noted or _row_of(ref) in rows_noted, (pdf.name, ref)


def _row_of(ref: str) -> str:
    return "t4.r1" if ref.startswith("t4") else ref.rsplit(".", 1)[0]


def test_wrapped_numbers_in_t4_are_joined_by_its_sums():
    text = "\n".join(["某县2024年政府信息公开工作年度报告", "一、总体情况", "正文。",
                      "四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼",
                      "结果维持 结果纠正 其他结果 尚未审结 总计",
                      "140 0 5", "102", "1", "116", "6", "0 1", "102", "1", "12 103", "4", "2 5", "102", "1", "5 1033",
                      "五、存在的主要问题及改进情况", "问题。"])
    report, notes = build_report(text_tokens(text))
    assert [report.values[f"t4.{g}{k}"] for g in "fdh" for k in range(1, 6)] == [
        140, 0, 5, 1021, 1166, 0, 1, 1021, 12, 1034, 2, 5, 1021, 5, 1033]
    assert any(n.code is NoteCode.CELL_PLACED and "折行" in n.message for n in notes)


def test_a_short_t4_row_says_which_cells_are_uncertain():
    """A blank cell prints nothing: 14 numbers for 15 cells. The sums tell that the gap is in 行政复议
    (its 总计 6 is 3+1+2), not where among its four results: those four are named, not guessed."""
    text = "\n".join(["某县2024年政府信息公开工作年度报告", "一、总体情况", "正文。",
                      "四、政府信息公开行政复议、行政诉讼情况",
                      "3 1 2 6 0 1 0 1 2 0 0 0 0 0", "五、存在的主要问题及改进情况", "问题。"])
    report, notes = build_report(text_tokens(text))
    got = [report.values[f"t4.{g}{k}"] for g in "fdh" for k in range(1, 6)]
    assert got == [None, None, None, None, 6, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0]
    (note,) = [n for n in notes if n.code is NoteCode.CELL_UNCERTAIN]
    assert all(f"“{name}”" in note.message for name in ("结果维持", "结果纠正", "其他结果", "尚未审结"))
    assert note.message.count("“总计”") == 0


def test_labels_a_page_break_cuts_around_their_numbers(tmp_path, office):
    """A hand-made 28×8 表三 (narrow label cells) printed after 1…29 lines of text, so that the page
    breaks inside a different row each time. A viewer copies the first part of a cut label with the
    row's numbers and the rest after them (「6.属 1021 0 0 0 12 2 14 1035」「于四类过程性」「信息」),
    or a bracket or number alone before them (「（」「七）总计 …」, 「4.」「无」 …): every cell is read."""
    want = random_figures(seed(1), random.Random(3))
    docs = []
    for n in range(0, 30, 2):
        page = clone(want)
        page.text["overview"] = "\n".join(["本段占一行。"] * (n + 1))
        docs.append(write_docx(page, tmp_path / f"after{n}.docx", t3_28x8=True))
    cut = 0
    for doc, pdf in zip(docs, office.convert(docs, "pdf")):
        text = viewer_text(pdf)
        cut += _label_cut_around_numbers(text, want)
        report, notes = build_report(text_tokens(text))
        assert [ref for ref, value in want.values.items() if report.values[ref] != value] == [], doc.name
    assert cut >= len(docs) // 2  # the layouts this test is about did occur


def _label_cut_around_numbers(text: str, report) -> bool:
    """Whether a 表三 label in ``text`` has words both before and after numbers of its row."""
    labels = [norm_label(re.sub(r"^（[三四五六]）\D+?(?=\d\.)", "", r.label)) for r in report.form.table("t3").rows]
    body = text[text.index("三、收到和处理政府信息公开申请情况"):text.index("四、政府信息公开行政复议")]
    words = ""
    for line in body.split("\n"):
        head = re.match(r"\D*", line).group()
        words += norm_label(head)
        if len(head) < len(line.strip()):
            if words and any(label.startswith(words) and label != words for label in labels):
                return True
            words = ""
    return False
