"""PDFs made by LibreOffice from our own export: the narrative comes back as paragraphs, with its notes,
without page numbers, and the text rules read sentences a printed line cut in two."""

from __future__ import annotations

import re

import pytest

from core.io.export import export_docx
from core.io.reader import read_any
from core.rules import check_report

from .helpers import ROOT, seed


def seed_text(n: int):
    """Seed ``n`` as its real text reads (tables, and the narrative as the clerk wrote it)."""
    return read_any(next((ROOT.parent / "shared" / "seeds").glob(f"00{n}_*.txt"))).report

pytestmark = pytest.mark.slow  # LibreOffice prints the PDFs

FILLERS = range(0, 28, 2)  # lead-ins of every length, so that a printed line ends inside the phrase
CUT_PHRASE = "受理政府信息公开申请95件"


def planted(n: int):
    """Seed ``n``, with paragraphs that state 95 requests (the table has 16) and cite 2023 mid-sentence."""
    r = seed(n)
    extra = []
    for k in FILLERS:
        extra.append("全年" + "依" * k + f"法办理依申请公开事项，共{CUT_PHRASE}，并沿用2023年制定的工作制度予以答复。")
    r.text["overview"] += "\n" + "\n".join(extra)
    r.text["t4"] = "本年度因政府信息公开被申请行政复议的情况见上表，均已按照法定程序办理，未发生政府信息公开行政诉讼。"
    return r


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, office):
    """The PDFs of the five seeds and of the planted report, made by one LibreOffice run."""
    folder = tmp_path_factory.mktemp("printed")
    reports = {**{f"seed{n}": seed_text(n) for n in range(5)}, "planted": planted(1)}
    docs = []
    for name, r in reports.items():
        export_docx(r, folder / f"{name}.docx", force=True)
        docs.append(folder / f"{name}.docx")
    return {name: (r, pdf) for (name, r), pdf in zip(reports.items(), office.convert(docs, "pdf"))}


def _paragraphs(text: str) -> list[str]:
    return [re.sub(r"\s+", "", ln) for ln in text.split("\n") if ln.strip()]


def _source(report, sec):
    # the export prints 「(一)」 as 「（一）」 (GB/T 9704)
    return [re.sub(r"^\(([一二三四五六七八九十])\)", r"（\1）", p) for p in _paragraphs(report.text[sec])]


@pytest.mark.parametrize("name", [f"seed{n}" for n in range(5)])
def test_the_narrative_comes_back_paragraph_by_paragraph(pdfs, name):
    want, pdf = pdfs[name]
    got = read_any(pdf).report
    assert [got.meta[k] for k in ("unit", "year", "date", "signer")] == [want.meta[k] for k in ("unit", "year", "date", "signer")]
    for sec in ("preface", "overview", "problems", "other"):
        assert _paragraphs(got.text[sec]) == _source(want, sec), sec
    for sec in got.text:
        assert not re.search(r"—\s*\d+\s*—", got.text[sec]), sec  # the page numbers 「— 2 —」 are gone
    assert got.values == want.values


def test_a_sentence_cut_by_a_printed_line_is_read_whole(pdfs):
    from pypdf import PdfReader

    want, pdf = pdfs["planted"]
    lines = [ln for page in PdfReader(str(pdf)).pages for ln in page.extract_text().split("\n")]
    cut = [ln for ln in lines if "受理" in ln and not re.sub(r"\s", "", ln).count("受理政府信息公开申请95件")]
    assert cut, "no printed line ended inside the phrase: the test needs other lead-ins"
    assert any(re.match(r"\s*2023\s*年", ln) for ln in lines), "no printed line starts with 2023"
    got = read_any(pdf).report
    findings = check_report(got, final=False)
    stated = [f for f in findings if f.rule == "W-TXT-T3" and "95件" in f.message]
    assert len(stated) == len(FILLERS)  # every one of them, cut or not
    assert all(CUT_PHRASE in f.quote for f in stated)
    assert not [f for f in findings if f.rule == "W-TXT-YEAR"]  # 「2023年制定的…」 is not a sentence's start


def test_the_note_under_a_table_comes_back(pdfs):
    want, pdf = pdfs["planted"]
    assert read_any(pdf).report.text["t4"] == want.text["t4"]


def test_text_copied_out_of_the_pdf_reads_back_too(pdfs, tmp_path):
    """As a clerk copies a PDF in a viewer (reading order, no positions): the tables exactly, the
    paragraphs by the sentence ends and line widths alone — most, not all, come back whole."""
    from pypdf import PdfReader

    exact = total = 0
    for n in range(5):
        want, pdf = pdfs[f"seed{n}"]
        copy = tmp_path / f"copy{n}.txt"
        copy.write_text("\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages), encoding="utf-8")
        got = read_any(copy).report
        assert got.values == want.values and got.meta["unit"] == want.meta["unit"]
        for sec in ("preface", "overview", "problems", "other"):
            source, back = _source(want, sec), _paragraphs(got.text[sec])
            assert "".join(back) == "".join(source), sec  # nothing lost or added, page numbers included
            total += len(source)
            exact += sum(p in back for p in source)
    print(f"\nparagraphs of text copied out of the seeds' PDFs that come back whole: {exact}/{total}")
    assert exact >= 0.9 * total
