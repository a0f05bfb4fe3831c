"""DOCX export: context, official tables read back cell by cell, layout, fonts, metadata, templates."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from core.errors import ReportError
from core.io.docx_context import build_context, date_cn, paragraphs, title_lines
from core.io.word.render import TemplateError, TemplateFileError
from core.io.export import ExportRefused, default_template, export_docx
from core.model import Report, format_value
from core.model.money_unit import header_text
from core.schema import get_form

from .helpers import balanced, seed

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A cache folder of the test's own, for the tests of the cache (the others share the run's)."""
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))


# -- reading a DOCX back -------------------------------------------------------------------
def read_grid(table) -> dict[tuple[int, int], tuple[str, int, int]]:
    """Walk ``w:tc`` with gridSpan and vMerge: (row, col) -> (text, rowspan, colspan)."""
    cells: dict[tuple[int, int], list] = {}
    open_at: dict[int, tuple[int, int]] = {}  # grid column -> origin of the vertical merge there
    for r, tr in enumerate(table._tbl.tr_lst):
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            vmerge = tc.tcPr.find(W + "vMerge") if tc.tcPr is not None else None
            text = "".join(t.text or "" for t in tc.iter(W + "t"))
            if vmerge is not None and vmerge.get(W + "val") != "restart":
                origin = open_at[c]
                cells[origin][1] += 1
            else:
                cells[(r, c)] = [text, 1, span]
                open_at[c] = (r, c)
            c += span
    return {k: tuple(v) for k, v in cells.items()}


def expected_grid(report: Report, table_id: str) -> dict[tuple[int, int], tuple[str, int, int]]:
    spec = report.form.table(table_id)
    return {(g.row, g.col): (format_value(report.values[g.ref]) if g.ref else header_text(report, g), g.rowspan,
                             g.colspan) for g in spec.grid}  # header_text: 「采购总金额（万元）」 in 2019


def export(report: Report, tmp_path: Path, name: str = "out.docx", **kw) -> Path:
    out = tmp_path / name
    export_docx(report, out, **kw)
    return out


def xml_of(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(member).decode("utf-8")


# -- the context ---------------------------------------------------------------------------
def test_paragraph_kinds_heading_lead_and_body():
    paras = paragraphs("　　一、总体情况\n\n（一）主动公开情况。全年公开信息38条。\n(二)依申请公开\n"
                       "  一是加强组织领导。\n（三）政府信息管理，全年制定制度3项，无句号的长段落继续写下去直到超过四十个字为止呢")
    assert [p["kind"] for p in paras] == ["h1", "lead", "h2", "body", "body"]
    assert paras[0]["text"] == "一、总体情况"
    assert paras[1]["lead"] == "（一）主动公开情况。" and paras[1]["text"] == "全年公开信息38条。"
    assert paras[2]["text"] == "（二）依申请公开" and paras[2]["h2"]  # brackets made full-width
    assert paras[3]["text"] == "一是加强组织领导。"  # the style indents, typed spaces go


def test_line_breaks_after_the_unit_when_too_long():
    assert title_lines("佐龙镇", 2024) == ["佐龙镇2024年政府信息公开工作年度报告"]
    assert title_lines("平武县人民政府办公室", 2024) == ["平武县人民政府办公室", "2024年政府信息公开工作年度报告"]


@pytest.mark.parametrize("unit, lines", [
    ("新疆维吾尔自治区和田地区和田县人民政府办公室", ["新疆维吾尔自治区", "和田地区和田县人民政府办公室"]),
    ("内蒙古自治区呼和浩特市赛罕区人民政府办公室", ["内蒙古自治区", "呼和浩特市赛罕区人民政府办公室"]),
    ("广西壮族自治区南宁市青秀区住房和城乡建设局", ["广西壮族自治区", "南宁市青秀区住房和城乡建设局"]),
    ("湖北省恩施土家族苗族自治州利川市城市管理执法局", ["湖北省恩施土家族苗族自治州", "利川市城市管理执法局"]),
    ("宁夏回族自治区吴忠市红寺堡区市场监督管理局", ["宁夏回族自治区", "吴忠市红寺堡区市场监督管理局"]),
])
def test_long_unit_names_break_between_organisational_units(unit, lines):
    from core.io.line_breaks import TITLE_LINE_CHARS, title_width

    got = title_lines(unit, 2024)
    assert got == [*lines, "2024年政府信息公开工作年度报告"]
    assert all(title_width(line) <= TITLE_LINE_CHARS for line in got)


def test_a_name_with_no_boundary_still_fits():
    from core.io.line_breaks import TITLE_LINE_CHARS, title_width

    got = title_lines("甲" * 30, 2024)
    assert "".join(got) == "甲" * 30 + "2024年政府信息公开工作年度报告"
    assert all(title_width(line) <= TITLE_LINE_CHARS for line in got)


@pytest.mark.parametrize("line, kind, lead, text", [
    ("（一）主动公开情况：全年主动公开信息372条。", "lead", "（一）主动公开情况：", "全年主动公开信息372条。"),
    ("(一)主动公开情况:全年公开38条。", "lead", "（一）主动公开情况：", "全年公开38条。"),
    ("（一）主动公开情况。", "lead", "（一）主动公开情况。", ""),
    ("（一）全年主动公开信息372条。", "body", "", "（一）全年主动公开信息372条。"),
    ("（二）部分公开，含区分处理", "body", "", "（二）部分公开，含区分处理"),
    ("（二）依申请公开", "h2", "", "（二）依申请公开"),
    ("一、全年共收到申请5件。", "body", "", "一、全年共收到申请5件。"),
    ("一、总体情况", "h1", "", "一、总体情况"),
])
def test_a_sentence_or_a_colon_is_body_text_with_a_lead_at_most(line, kind, lead, text):
    (p,) = paragraphs(line)
    assert (p["kind"], p["lead"], p["text"]) == (kind, lead, text)


def test_dates_are_written_without_leading_zeros():
    assert date_cn("2025-01-21") == "2025年1月21日"
    assert date_cn(None) == "" and date_cn("") == ""


def test_context_cells_blank_money_and_signed():
    r = seed(4)  # 2019 format: money with four decimals and negative 本年增/减
    r.values["t3.r01.c1"] = None
    ctx = build_context(r)
    assert ctx["t2"]["a9"]["cg"]["je"] == "2359.4197"
    assert ctx["t2"]["a5"]["xk"]["zj"] == "-5"
    assert ctx["t3"]["r01"]["c1"] == ""  # blank stays blank, never 0
    assert ctx["date_cn"] == "2021年2月8日" and ctx["signer"] == "工布江达县人民政府办公室"


def test_context_cleans_user_text():
    r = balanced()
    r.text["overview"] = "A{{ unit }}B{%x%}\x0bC\x00D"
    ctx = build_context(r)
    assert [p["text"] for p in ctx["overview"]] == ["A{ { unit }}B{ %x%}", "CD"]


def test_bound_fields_are_replaced_by_numbers():
    r = seed(1)
    r.text["overview"] = "全年共受理申请【本年新收·总计】件。"
    ctx = build_context(r)
    assert ctx["overview"][0]["text"] == "全年共受理申请16件。"


# -- tables --------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [1, 3, 4])
def test_every_table_cell_is_in_its_official_place(seed_export, n):
    from docx import Document

    r = seed(n)
    doc = Document(str(seed_export(n, ".docx")))
    assert len(doc.tables) == 3
    for table, spec in zip(doc.tables, r.form.tables):
        assert read_grid(table) == expected_grid(r, spec.id), spec.id


def test_tables_set_tblw_and_gridcol_to_the_text_width(tmp_path):
    from docx import Document

    doc = Document(str(export(seed(3), tmp_path)))
    for table in doc.tables:
        tbl = table._tbl
        tblw = tbl.tblPr.find(W + "tblW")
        cols = [int(g.get(W + "w")) for g in tbl.tblGrid.iter(W + "gridCol")]
        assert tblw.get(W + "type") == "dxa" and int(tblw.get(W + "w")) == sum(cols) == 8844
        for tr in tbl.tr_lst:  # every cell's width is the sum of the grid columns it spans
            c = 0
            for tc in tr.tc_lst:
                assert int(tc.tcPr.find(W + "tcW").get(W + "w")) == sum(cols[c:c + tc.grid_span])
                c += tc.grid_span
            assert c == len(cols)


def test_forced_export_keeps_blank_cells_blank(tmp_path):
    from docx import Document

    r = seed(3)
    r.values["t3.r05.c2"] = None
    with pytest.raises(ExportRefused) as err:
        export(r, tmp_path)
    assert any(f.rule == "E-CELL-BLANK" for f in err.value.findings)
    assert "未填写" in str(err.value)
    assert not (tmp_path / "out.docx").exists()
    doc = Document(str(export(r, tmp_path, force=True)))
    grid = read_grid(doc.tables[1])
    spec = r.form.table("t3")
    g = next(g for g in spec.grid if g.ref == "t3.r05.c2")
    assert grid[(g.row, g.col)][0] == ""


# -- layout and fonts ----------------------------------------------------------------------
def test_page_setup_is_gb9704(tmp_path):
    from docx import Document
    from docx.shared import Mm

    sec = Document(str(export(seed(1), tmp_path))).sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] \
        == [37, 35, 28, 26]
    assert sec.page_width - sec.left_margin - sec.right_margin == pytest.approx(Mm(156), abs=Mm(0.1))


def test_styles_name_east_asian_fonts(tmp_path):
    from docx import Document

    doc = Document(str(export(seed(1), tmp_path)))
    want = {"Normal": "仿宋_GB2312", "Title": "方正小标宋简体", "Heading1": "黑体",
            "Heading2": "楷体_GB2312", "LeadIn": "楷体_GB2312", "TableText": "仿宋_GB2312",
            "Footer": "宋体"}
    styles = {s.style_id: s for s in doc.styles}
    for style_id, font in want.items():
        fonts = styles[style_id].element.rPr.rFonts
        assert fonts.get(W + "eastAsia") == font, style_id
    sizes = {"Normal": 16, "Title": 22, "Heading1": 16, "TableText": 10.5, "Footer": 14}
    for style_id, pt in sizes.items():
        assert styles[style_id].font.size.pt == pt, style_id
    normal = styles["Normal"].paragraph_format
    assert normal.line_spacing.pt == pytest.approx(28.95) and normal.line_spacing_rule == 4  # EXACTLY
    ind = styles["Normal"].element.pPr.find(W + "ind")
    assert ind.get(W + "firstLineChars") == "200"
    assert styles["Title"].paragraph_format.alignment == 1  # centred
    assert styles["Signature"].paragraph_format.alignment == 2  # right
    # Every font element anywhere names the East-Asian slot.
    path = tmp_path / "out.docx"
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") and name.startswith("word/"):
                for m in re.finditer(r"<w:rFonts\b[^>]*>", z.read(name).decode("utf-8")):
                    assert "w:eastAsia=" in m.group(0), (name, m.group(0))


def test_footers_page_numbers_odd_right_even_left(tmp_path):
    from docx import Document

    path = export(seed(1), tmp_path)
    doc = Document(str(path))
    assert doc.settings.odd_and_even_pages_header_footer
    sec = doc.sections[0]
    for footer, align in ((sec.footer, "right"), (sec.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert f'<w:jc w:val="{align}"/>' in xml
        assert "".join(t.text for t in footer._element.iter(W + "t")).startswith("— ")


def test_narrative_paragraph_styles(tmp_path):
    from docx import Document

    r = seed(2)  # 「（一）主动公开情况。2024年…」 run-in leads
    doc = Document(str(export(r, tmp_path)))
    paras = doc.paragraphs
    texts = [p.text for p in paras]
    assert texts[0] == "岚皋县佐龙镇人民政府\n2024年政府信息公开工作年度报告"  # a line break
    assert paras[0].style.style_id == "Title"
    i = texts.index("一、总体情况")
    assert paras[i].style.style_id == "Heading1"
    lead = paras[i + 1]
    assert lead.runs[0].text == "（一）主动公开情况。" and lead.runs[0].style.style_id == "LeadIn"
    assert lead.runs[1].style.style_id != "LeadIn" and lead.runs[1].text.startswith("2024年我镇")
    for title in ("五、存在的主要问题及改进情况", "六、其他需要报告的事项",
                  "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"):
        assert paras[texts.index(title)].style.style_id == "Heading1"
    assert texts[-2:] == ["岚皋县佐龙镇人民政府", ""]  # no date set: blank
    assert paras[-2].style.style_id == "Signature"
    # user lines are kept one paragraph each, in order
    overview = [p for p in r.text["overview"].split("\n") if p.strip()]
    got = texts[i + 1:i + 1 + len(overview)]
    assert [t.replace(" ", "") for t in got] == [o.strip().replace(" ", "") for o in overview]


def test_date_is_written_under_the_signer(tmp_path):
    from docx import Document

    doc = Document(str(export(seed(1), tmp_path)))
    assert [p.text for p in doc.paragraphs[-2:]] == ["平武县人民政府办公室", "2025年1月21日"]


def test_user_text_is_escaped(tmp_path):
    from docx import Document

    r = seed(1)
    r.text["problems"] = "a < b && c > d \"引号\" 'x' {{ unit }} </w:t>"
    doc = Document(str(export(r, tmp_path)))
    assert "a < b && c > d \"引号\" 'x' { { unit }} </w:t>" in [p.text for p in doc.paragraphs]


def test_word_2013_mode_and_a_theme_of_the_documents_own_fonts(tmp_path):
    path = export(seed(1), tmp_path)
    settings = xml_of(path, "word/settings.xml")
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    assert "savePreviewPicture" not in settings
    theme = xml_of(path, "word/theme/theme1.xml")
    faces = set(re.findall(r'typeface="([^"]*)"', theme))
    assert faces == {"Times New Roman", "黑体", "仿宋_GB2312"}, faces


# -- metadata ------------------------------------------------------------------------------
def test_no_personal_metadata(tmp_path):
    from docx import Document

    path = export(seed(1), tmp_path)
    cp = Document(str(path)).core_properties
    assert cp.author == cp.last_modified_by == "平武县人民政府办公室"
    assert cp.revision == 1 and cp.comments == "" and cp.keywords == ""
    assert cp.title == "平武县人民政府办公室2024年政府信息公开工作年度报告"
    app = xml_of(path, "docProps/app.xml")
    assert "<Company>平武县人民政府办公室</Company>" in app
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    assert not any("comments" in n or "people" in n or n.endswith("thumbnail.jpeg") for n in names)
    body = xml_of(path, "word/document.xml")
    assert "<w:ins " not in body and "<w:del " not in body and "{{" not in body and "{%" not in body


# -- user templates ------------------------------------------------------------------------
def make_template(tmp_path: Path, *paragraphs, name: str = "t.docx") -> Path:
    """A template whose paragraphs are lists of runs (str, or (str, bold))."""
    from docx import Document

    doc = Document()
    for runs in paragraphs:
        p = doc.add_paragraph()
        for run in ([runs] if isinstance(runs, str) else runs):
            text, bold = (run, False) if isinstance(run, str) else run
            p.add_run(text).bold = bold
    path = tmp_path / name
    doc.save(str(path))
    return path


def test_tag_split_across_runs_is_merged(tmp_path):
    from docx import Document

    tpl = make_template(tmp_path, ["单位：", ("{{ un", True), "it }}", "。"], ["{{ t3.r01.c7 }}"])
    out = export(seed(1), tmp_path, template=tpl)
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts == ["单位：平武县人民政府办公室。", "16"]


def test_smart_quotes_and_fullwidth_braces_are_normalised(tmp_path):
    from docx import Document

    tpl = make_template(tmp_path, "{{ unit if unit else “无” }}", "｛｛ year ｝｝年",
                        "{％ if unit ％}有{％ endif ％}")
    texts = [p.text for p in Document(str(export(seed(1), tmp_path, template=tpl))).paragraphs]
    assert texts == ["平武县人民政府办公室", "2024年", "有"]


@pytest.mark.parametrize("paras, words", [
    (["前言", "{{ foo }}"], ["foo", "{{ foo }}", "不存在"]),
    (["{{ t3.r99.c1 }}"], ["t3.r99.c1", "不存在"]),
    (["开头", "{% if unit %}没有结束"], ["“{% if unit %}没有结束”", "{% if %} 没有对应的 {% endif %}"]),
    (["{{ unit | nosuchfilter }}"], ["语法错误", "nosuchfilter"]),
    (["{{ unit", "}}"], ["没有结束", "{{ unit"]),
    (["x }} y"], ["多余"]),
    (["{{ unit.__class__ }}"], ["__class__"]),
])
def test_bad_templates_name_the_problem(tmp_path, paras, words):
    tpl = make_template(tmp_path, *paras)
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")
    with pytest.raises(TemplateError) as err:
        export_docx(seed(1), out, template=tpl)
    msg = str(err.value)
    for w in words:
        assert w in msg, msg
    assert out.read_bytes() == b"old"  # the previous file is untouched
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_surviving_tags_are_detected(tmp_path):
    tpl = make_template(tmp_path, "{{ unit ~ '{' ~ '{' }}")
    with pytest.raises(TemplateError, match="未替换的模板标签"):
        export(seed(1), tmp_path, template=tpl)


def test_not_a_docx_template(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TemplateFileError, match="不是有效的 Word 文档"):
        export(seed(1), tmp_path, template=bad)
    with pytest.raises(TemplateFileError, match="找不到模板"):
        export(seed(1), tmp_path, template=tmp_path / "missing.docx")
    assert issubclass(TemplateFileError, ReportError)


def test_tracked_changes_accepted_and_comments_removed(tmp_path):
    from docx import Document

    tpl = make_template(tmp_path, "X", "Y")
    doc = Document(str(tpl))
    p1, p2 = doc.paragraphs
    p1._p.append(p1._p.makeelement(W + "ins", {W + "id": "1", W + "author": "张三"}))
    ins = p1._p[-1]
    run = p2.runs[0]._r
    ins.append(run)  # 「Y」 moved into an insertion
    r = p1._p.makeelement(W + "r", {})
    t = r.makeelement(W + "t", {})
    t.text = "{{ unit }}"
    r.append(t)
    ins.append(r)
    d = p1._p.makeelement(W + "del", {W + "id": "2", W + "author": "张三"})
    dr = d.makeelement(W + "r", {})
    dt = dr.makeelement(W + "delText", {})
    dt.text = "删掉的字"
    dr.append(dt)
    d.append(dr)
    p1._p.append(d)
    p1._p.append(p1._p.makeelement(W + "commentRangeStart", {W + "id": "0"}))
    doc.add_comment(p1.runs, text="审核意见", author="李四")
    doc.save(str(tpl))
    out = export(seed(1), tmp_path, template=tpl)
    text = [p.text for p in Document(str(out)).paragraphs]
    assert text[0] == "XY平武县人民政府办公室"
    body = xml_of(out, "word/document.xml")
    assert "删掉的字" not in body and "张三" not in body and "commentRange" not in body
    with zipfile.ZipFile(out) as z:
        assert not any("comments" in n for n in z.namelist())


def test_compiled_template_cache_gives_the_same_document(tmp_path, monkeypatch, private_cache):
    from docx import Document

    a = export(seed(3), tmp_path, "a.docx")
    assert list((tmp_path / "cache").glob("*.bin"))  # compiled once…
    b = export(seed(3), tmp_path, "b.docx")  # …and taken from the cache
    monkeypatch.setenv("NIANBAO_CACHE_DIR", "off")
    c = export(seed(3), tmp_path, "c.docx")
    bodies = {xml_of(p, "word/document.xml") for p in (a, b, c)}
    assert len(bodies) == 1
    assert Document(str(b)).tables[1].rows[3].cells[3].text == "83"


def test_cache_does_not_hide_unknown_variables(tmp_path, private_cache):
    from core.io.word import render as docx_render

    tpl = make_template(tmp_path, "{{ t3.r01.c1 }}")
    ctx = build_context(seed(1))
    docx_render.render(tpl, ctx, tmp_path / "a.docx", unit="u", title="t")  # now cached
    del ctx["t3"]  # a context of another shape must be checked again
    with pytest.raises(TemplateError, match="“t3”不存在"):
        docx_render.render(tpl, ctx, tmp_path / "b.docx", unit="u", title="t")


# -- the default templates -----------------------------------------------------------------
@pytest.mark.parametrize("form_id", ["gb2021", "gb2019"])
def test_committed_templates_match_the_build_script(form_id):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_templates", ROOT / "build_scripts" / "make_templates.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.build(form_id) == default_template(form_id).read_bytes(), \
        "run python build_scripts/make_templates.py"


def test_each_data_cell_has_exactly_one_placeholder():
    for form_id in ("gb2021", "gb2019"):
        xml = xml_of(default_template(form_id), "word/document.xml")
        refs = re.findall(r"\{\{ (t[234]\.[a-z0-9.]+) \}\}", xml)
        assert sorted(refs) == sorted(c.ref for c in get_form(form_id).cells)
        assert "{%tr" not in xml  # no row loops


# -- LibreOffice ---------------------------------------------------------------------------
@pytest.mark.slow
def test_libreoffice_renders_title_and_numbers(tmp_path, office):
    r = seed(3)
    pdf = office.pdf(export(r, tmp_path, "report.docx"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    else:
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    flat = re.sub(r"\s+", "", text)
    assert "和田地区2024年政府信息公开工作年度报告" in flat
    for number in ("215699", "222702", "406", "21613.91", "83", "84", "85"):
        assert number in text, number
    assert "三、收到和处理政府信息公开申请情况" in flat
    assert "—1—" in flat and "{{" not in text


def test_cache_folder_is_bounded(tmp_path, monkeypatch, private_cache):
    from core.io.word import cache as docx_cache

    monkeypatch.setattr(docx_cache, "CACHE_MAX_ENTRIES", 3)
    for i in range(5):
        export(seed(1), tmp_path, template=make_template(tmp_path, f"{{{{ unit }}}}{i}", name=f"t{i}.docx"))
    assert len(list((tmp_path / "cache").glob("*.bin"))) == 3


def test_cache_is_keyed_on_the_app_version_where_sources_have_no_mtime(tmp_path, monkeypatch, private_cache):
    """In the frozen bundle the renderer's source file does not exist: a new version still recompiles."""
    import core
    from core.io.word import render as docx_render

    monkeypatch.setattr(docx_render, "__file__", str(tmp_path / "bundle" / "render.pyc"))
    template = make_template(tmp_path, "{{ unit }}")
    export(seed(1), tmp_path, "a.docx", template=template)
    compiled = set((tmp_path / "cache").glob("*.bin"))
    export(seed(1), tmp_path, "b.docx", template=template)
    assert set((tmp_path / "cache").glob("*.bin")) == compiled  # same version: taken from the cache
    monkeypatch.setattr(core, "__version__", core.__version__ + ".1")
    export(seed(1), tmp_path, "c.docx", template=template)
    assert set((tmp_path / "cache").glob("*.bin")) > compiled  # an upgrade compiles afresh
