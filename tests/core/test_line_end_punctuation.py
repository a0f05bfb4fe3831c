"""Line-end punctuation: every exported DOCX tells LibreOffice not to hang a mark it may then lose.

LibreOffice 7.4 printed 「除特别说明的外，所列数据」 as 「除特别说明的外 / 所列数据」 (core/io/word/scrub.py);
``overflowPunct`` val="1" in the paragraph defaults stops it. The PDFs are checked in
test_export_layout.py; here, that the setting reaches every exported file, in schema order.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from core.io.word.parts import W
from core.io.word.scrub import set_line_end_punctuation
from core.io.export import default_template, export_docx

from .helpers import seed

NS = {"w": W[1:-1]}
# CT_PPrBase, in order (the part of it these tests meet)
PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "snapToGrid", "spacing", "ind", "jc",
             "outlineLvl", "rPr"]


def styles_of(docx) -> etree._Element:
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read("word/styles.xml"))


def user_template(tmp_path, styles_change=None):
    """A house-style template made with python-docx (Word's default styles), or with its
    styles.xml changed by ``styles_change``."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{{ text.overview }}")
    path = tmp_path / "house.docx"
    doc.save(str(path))
    if styles_change:
        with zipfile.ZipFile(path) as src:
            parts = {n: src.read(n) for n in src.namelist()}
        parts["word/styles.xml"] = styles_change(parts["word/styles.xml"].decode("utf-8")).encode("utf-8")
        with zipfile.ZipFile(path, "w") as dst:
            for name, blob in parts.items():
                dst.writestr(name, blob)
    return path


def in_schema_order(ppr) -> bool:
    tags = [etree.QName(child).localname for child in ppr]
    known = [t for t in tags if t in PPR_ORDER]
    return known == sorted(known, key=PPR_ORDER.index)


def test_default_templates_set_it_in_the_defaults_and_normal():
    for form_id in ("gb2021", "gb2019"):
        styles = styles_of(default_template(form_id))
        for ppr in (styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS),
                    styles.find("w:style[@w:styleId='Normal']/w:pPr", NS)):
            assert ppr.find("w:overflowPunct", NS).get(W + "val") == "1"
            assert in_schema_order(ppr)


def test_a_house_template_gets_it_in_its_defaults(tmp_path):
    out = tmp_path / "out.docx"
    export_docx(seed(1), out, user_template(tmp_path), force=True)
    styles = styles_of(out)
    ppr = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    assert [el.get(W + "val") for el in styles.iter(W + "overflowPunct")] == ["1"]
    assert ppr.find("w:overflowPunct", NS) is not None and in_schema_order(ppr)


def test_a_house_template_that_chose_keeps_its_choice(tmp_path):
    def no_hanging(xml: str) -> str:  # Word: 段落 › 中文版式 › 「允许标点溢出边界」 unticked
        return xml.replace('<w:style w:type="paragraph" w:default="1" w:styleId="Normal">',
                           '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
                           '<w:pPr><w:overflowPunct w:val="0"/></w:pPr>', 1)

    out = tmp_path / "out.docx"
    export_docx(seed(1), out, user_template(tmp_path, no_hanging), force=True)
    assert [el.get(W + "val") for el in styles_of(out).iter(W + "overflowPunct")] == ["0"]


def test_defaults_are_made_where_a_template_has_none():
    styles = etree.fromstring(f'<w:styles xmlns:w="{W[1:-1]}"><w:style w:type="paragraph" w:styleId="a"/></w:styles>')
    set_line_end_punctuation(styles)
    assert styles[0].tag == W + "docDefaults"
    assert styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:overflowPunct", NS).get(W + "val") == "1"
    set_line_end_punctuation(styles)  # once only
    assert len(list(styles.iter(W + "overflowPunct"))) == 1


def test_it_goes_before_the_spacing_and_after_the_widow_control():
    styles = etree.fromstring(
        f'<w:styles xmlns:w="{W[1:-1]}"><w:docDefaults><w:pPrDefault><w:pPr><w:widowControl/><w:kinsoku w:val="0"/>'
        '<w:spacing w:after="160"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>')
    set_line_end_punctuation(styles)
    ppr = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    assert [etree.QName(c).localname for c in ppr] == ["widowControl", "kinsoku", "overflowPunct", "spacing", "jc"]
