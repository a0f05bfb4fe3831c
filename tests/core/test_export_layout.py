"""The published page, measured in the PDF LibreOffice makes of each seed's DOCX (GB/T 9704).

表三 on one page under its heading, 28 characters per body line, group labels broken between
words, and a long 自治区 unit's title broken between organisational units.
"""

from __future__ import annotations

import unicodedata

import pytest

from core.io.export import export_docx
from core.io.line_breaks import title_lines

from .helpers import seed
from .pdf_layout import LEFT, RIGHT, lines, page_count

pytestmark = pytest.mark.slow

LONG_UNIT = "新疆维吾尔自治区和田地区和田县人民政府办公室"
T3_FIRST, T3_LAST = "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理"
T3_HEADING = "三、收到和处理政府信息公开申请情况"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, office):
    """name -> (report, lines of its PDF, page count): every seed, and seed 1 with a long unit name."""
    tmp = tmp_path_factory.mktemp("layout")
    reports = {f"seed{n}": seed(n) for n in range(5)}
    long_unit = seed(1)
    long_unit.meta["unit"] = long_unit.meta["signer"] = LONG_UNIT
    reports["long_unit"] = long_unit
    docs = []
    for name, report in reports.items():
        docs.append(tmp / f"{name}.docx")
        export_docx(report, docs[-1], force=True)
    pdfs = office.convert(docs, "pdf")
    return {name: (reports[name], lines(pdf), page_count(pdf)) for name, pdf in zip(reports, pdfs)}


def _pages_of(found, text: str) -> set[int]:
    return {w.page for line in found for w in line.words if w.text == text}


@pytest.mark.parametrize("name", ["seed0", "seed1", "seed2", "seed3", "seed4"])
def test_table_three_is_on_one_page_with_its_heading(rendered, name):
    _, found, _ = rendered[name]
    pages = _pages_of(found, T3_FIRST) | _pages_of(found, T3_LAST) | _pages_of(found, T3_HEADING)
    assert len(pages) == 1, f"表三 spreads over pages {sorted(pages)}"
    page = pages.pop()
    words = {w.text for line in found if line.page == page for w in line.words}
    # Merged group labels break between words: 「三、/本年度/办理/结果」, 「（三）/不予/公开」.
    assert {"三、", "本年度", "办理", "结果", "不予", "公开", "无法", "提供"} <= words
    assert not words & {"本年", "度办", "不予公", "无法提"}


PUNCTUATION = set("，。、；：！？”’）》〕】」』…—（《〔【「『“‘")


def _full_body_lines(found):
    """(line, first character of the next line) for each line of 三号 body text that runs from
    the left to the right edge of the text block."""
    for line, after in zip(found, found[1:] + found[:0]):
        if 18 < line.height < 24 and abs(line.x0 - LEFT) < 2 and line.x1 > RIGHT - 4 \
                and all(unicodedata.east_asian_width(ch) in "WF" for ch in line.text):
            yield line, after.text[:1]


@pytest.mark.parametrize("name", ["seed0", "seed1", "seed2", "seed3", "seed4"])
def test_body_lines_hold_28_characters(rendered, name):
    _, found, _ = rendered[name]
    counts = []
    for line, next_char in _full_body_lines(found):
        n = len(line.text)
        if line.x1 > RIGHT + 8:  # a full stop or comma hanging in the margin is not in the block
            n -= 1
        if n == 27 and (line.text[-1] in PUNCTUATION or next_char in PUNCTUATION):
            continue  # 行首行尾禁则: a bracket may not end a line, a comma may not begin one
        counts.append(n)
    assert len(counts) >= 8, "too few full lines of Chinese text to measure"
    assert set(counts) == {28}, sorted(counts)


def test_long_unit_line_breaks_between_organisational_units(rendered):
    report, found, _ = rendered["long_unit"]
    want = title_lines(LONG_UNIT, report.meta["year"])
    assert want == ["新疆维吾尔自治区", "和田地区和田县人民政府办公室", "2024年政府信息公开工作年度报告"]
    title = [line.text for line in found if line.page == 1 and line.height > 25]
    assert title == want  # the word processor added no break of its own


def test_page_counts_stay_reasonable(rendered):
    """Printed reports of these seeds run to 5–8 pages; a layout bug (a grid) triples that."""
    for name, (_, _, pages) in rendered.items():
        assert 4 <= pages <= 9, (name, pages)
