"""The published page, measured in the PDF LibreOffice makes of each seed's DOCX (GB/T 9704).

表三 on one page under its heading, 28 characters per body line, no character of the text lost
(LibreOffice 7.4 dropped a hanging line-end 「，」), the seeds' page counts, group labels broken
between words, and a long 自治区 unit's title broken between organisational units.
"""

from __future__ import annotations

import pytest

from core.io.export import export_docx
from core.io.line_breaks import title_lines

from .helpers import seed
from .pdf_layout import (RIGHT, body_line_counts, docx_paragraphs, lines, lost_characters, page_count, pdf_text,
                         planted_paragraphs)

pytestmark = pytest.mark.slow

LONG_UNIT = "新疆维吾尔自治区和田地区和田县人民政府办公室"
T3_FIRST, T3_LAST = "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理"
T3_HEADING = "三、收到和处理政府信息公开申请情况"


# Pages of each seed as LibreOffice prints it (the same before and after overflowPunct).
SEED_PAGES = {"seed0": 6, "seed1": 8, "seed2": 6, "seed3": 7, "seed4": 6}
BODIES = [*SEED_PAGES, "planted", "long_unit"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, office):
    """name -> (report, lines of its PDF, page count, DOCX, PDF): every seed, seed 1 with a long unit
    name, and seed 1 with a planted corpus (a 「，。；：、」 every 28 characters, at every offset)."""
    tmp = tmp_path_factory.mktemp("layout")
    reports = {f"seed{n}": seed(n) for n in range(5)}
    long_unit = seed(1)
    long_unit.meta["unit"] = long_unit.meta["signer"] = LONG_UNIT
    reports["long_unit"] = long_unit
    planted = seed(1)
    planted.text["overview"] = "\n".join(planted_paragraphs())
    reports["planted"] = planted
    docs = []
    for name, report in reports.items():
        docs.append(tmp / f"{name}.docx")
        export_docx(report, docs[-1], force=True)
    pdfs = office.convert(docs, "pdf")
    return {name: (reports[name], lines(pdf), page_count(pdf), doc, pdf)
            for name, doc, pdf in zip(reports, docs, pdfs)}


def _pages_of(found, text: str) -> set[int]:
    return {w.page for line in found for w in line.words if w.text == text}


@pytest.mark.parametrize("name", ["seed0", "seed1", "seed2", "seed3", "seed4"])
def test_table_three_is_on_one_page_with_its_heading(rendered, name):
    _, found, *_ = rendered[name]
    pages = _pages_of(found, T3_FIRST) | _pages_of(found, T3_LAST) | _pages_of(found, T3_HEADING)
    assert len(pages) == 1, f"表三 spreads over pages {sorted(pages)}"
    page = pages.pop()
    words = {w.text for line in found if line.page == page for w in line.words}
    # Merged group labels break between words: 「三、/本年度/办理/结果」, 「（三）/不予/公开」.
    assert {"三、", "本年度", "办理", "结果", "不予", "公开", "无法", "提供"} <= words
    assert not words & {"本年", "度办", "不予公", "无法提"}


@pytest.mark.parametrize("name", [*SEED_PAGES, "planted"])
def test_body_lines_hold_28_characters(rendered, name):
    _, found, *_ = rendered[name]
    counts, _ = body_line_counts(found)  # lines of 27 by 行首行尾禁则 left out
    assert len(counts) >= 8, "too few full lines of Chinese text to measure"
    assert set(counts) == {28}, sorted(counts)


@pytest.mark.parametrize("name", BODIES)
def test_no_character_of_the_text_is_lost(rendered, name):
    """Every character of every paragraph outside the tables is in the PDF, in order: a hanging
    line-end mark that LibreOffice 7.4 did not paint (「除特别说明的外 / 所列数据」) fails here."""
    *_, docx, pdf = rendered[name]
    paragraphs = docx_paragraphs(docx)
    assert sum(len(p) for p in paragraphs) > 1000
    assert lost_characters(paragraphs, pdf_text(pdf)) == []


def test_planted_marks_come_at_every_line_end(rendered):
    """The planted corpus tests what it means to: each of its marks ends some full line.
    (With the template before overflowPunct, LibreOffice 7.4 lost 10 of its marks.)"""
    _, found, *_ = rendered["planted"]
    ends = {line.text[-1] for line in found if len(line.text) >= 26 and line.x1 > RIGHT - 4}
    assert set("，。；：、") <= ends


def test_long_unit_line_breaks_between_organisational_units(rendered):
    report, found, *_ = rendered["long_unit"]
    want = title_lines(LONG_UNIT, report.meta["year"])
    assert want == ["新疆维吾尔自治区", "和田地区和田县人民政府办公室", "2024年政府信息公开工作年度报告"]
    title = [line.text for line in found if line.page == 1 and line.height > 25]
    assert title == want  # the word processor added no break of its own


def test_page_counts_are_unchanged(rendered):
    """Printed reports of these seeds run to 5–8 pages: the counts of the layout as measured when
    28 characters a line came in (a character grid doubled them in LibreOffice)."""
    assert {name: rendered[name][2] for name in SEED_PAGES} == SEED_PAGES
    assert 6 <= rendered["long_unit"][2] <= 9
