"""Build the default report templates ``templates/gb2021.docx`` and ``templates/gb2019.docx``.

Run from the repository root: ``python build_scripts/make_templates.py``. The output is
deterministic (fixed dates, fixed zip timestamps), so a changed template shows up in git only
when this script changed.

The page follows GB/T 9704-2012 (see ``shared/spec/domain.md`` §5). Styles, tables and footers
are written as raw OOXML because python-docx cannot set East-Asian fonts, table grids or
PAGE fields; python-docx only provides the package around them. (Over 400 lines because it is
the one place the printed page is defined: styles, column widths, table rows, footers.)
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.io.word.parts import set_blob  # noqa: E402
from core.io.word.scrub import LINE_END_PUNCT, app_xml, set_compatibility_mode, theme_with_fonts  # noqa: E402
from core.io.line_breaks import label_lines, label_words  # noqa: E402
from core.schema import SECTION_TITLES, TableSpec, get_form  # noqa: E402
from core.schema.typography import (BODY_FONT, FALLBACKS, H1_FONT, H2_FONT, LATIN, PAGE_FONT,  # noqa: E402
                                   TITLE_FONT)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'

# Page: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm = 1440/25.4 tw).
def mm(x: float) -> int:
    return round(x * 1440 / 25.4)


TEXT_WIDTH = mm(156)  # 版心宽 156 mm
LINE = 579  # 28.95 pt: 225 mm / 22 lines
TABLE_SIZE = 21  # half-points: 五号 10.5 pt
# 28 characters per line (GB/T 9704): 156 mm = 442.2 pt holds 27 characters of 16 pt. Condensing
# every character by 0.5 pt (15.5 pt pitch) fits 28 (434 pt) and not 29 (449.5 pt), with 7 pt
# of slack either way, so Word, WPS and LibreOffice break at the same place. (A docGrid with
# charSpace would squeeze the pitch in Word and WPS, but LibreOffice gives each 16 pt glyph two
# 15.8 pt grid cells: 14 characters a line and up to twice the pages, condensed or not;
# bench/punctuation.py.) Twentieths of a point.
BODY_CONDENSE = -10
# Table lines are exactly 14 pt: a table's height then depends on no font's own line height,
# and 表三 fits on the page under its heading in every program. Twips.
TABLE_LINE = 280

FIXED_DATE = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
ZIP_DATE = (2025, 1, 1, 0, 0, 0)


def rfonts(east: str, latin: str = LATIN) -> str:
    """Every font names the East-Asian slot too, so WPS and Word show Chinese in it."""
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" '
            f'w:cs="{latin}" w:hint="eastAsia"/>')


def size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def condense(twentieths: int) -> str:
    return f'<w:spacing w:val="{twentieths}"/>'


# -- styles ---------------------------------------------------------------------------------
def styles_xml() -> str:
    indent2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0" w:leftChars="0" w:left="0"/>'
    exact = f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
    single = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    table_lines = f'<w:spacing w:before="0" w:after="0" w:line="{TABLE_LINE}" w:lineRule="exact"/>'
    # overflowPunct val="1" in the defaults and Normal, or LibreOffice 7.4 loses some line-end
    # marks (core/io/word/scrub.py says why)
    return f"""<w:styles {NSDECL}>
<w:docDefaults>
 <w:rPrDefault><w:rPr>{rfonts(BODY_FONT)}<w:kern w:val="2"/>{size(32)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
 <w:pPrDefault><w:pPr><w:widowControl w:val="0"/>{LINE_END_PUNCT}{single}<w:jc w:val="both"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
 <w:pPr>{LINE_END_PUNCT}{exact}{indent2}<w:jc w:val="both"/></w:pPr><w:rPr>{rfonts(BODY_FONT)}{condense(BODY_CONDENSE)}{size(32)}</w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
 <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
 <w:pPr><w:keepNext/><w:spacing w:before="0" w:after="{LINE}" w:line="{LINE}" w:lineRule="exact"/>{no_indent}<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>
 <w:rPr>{rfonts(TITLE_FONT, TITLE_FONT)}{condense(0)}{size(44)}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
 <w:pPr><w:keepNext/>{exact}<w:outlineLvl w:val="0"/></w:pPr><w:rPr>{rfonts(H1_FONT)}<w:b w:val="0"/>{size(32)}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
 <w:pPr><w:keepNext/>{exact}<w:outlineLvl w:val="1"/></w:pPr><w:rPr>{rfonts(H2_FONT)}<w:b w:val="0"/>{size(32)}</w:rPr></w:style>
<w:style w:type="character" w:styleId="LeadIn"><w:name w:val="段首标题"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>
 <w:rPr>{rfonts(H2_FONT)}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="表格文字"/><w:basedOn w:val="Normal"/><w:qFormat/>
 <w:pPr><w:snapToGrid w:val="0"/>{table_lines}{no_indent}<w:jc w:val="center"/></w:pPr><w:rPr>{rfonts(BODY_FONT)}{condense(0)}<w:kern w:val="0"/>{size(TABLE_SIZE)}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableLabel"><w:name w:val="表格栏目"/><w:basedOn w:val="TableText"/><w:qFormat/>
 <w:pPr><w:jc w:val="left"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="署名"/><w:basedOn w:val="Normal"/><w:qFormat/>
 <w:pPr>{exact}<w:ind w:firstLineChars="0" w:firstLine="0" w:rightChars="200" w:right="640"/><w:jc w:val="right"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
 <w:pPr><w:snapToGrid w:val="0"/>{single}{no_indent}</w:pPr><w:rPr>{rfonts(PAGE_FONT, PAGE_FONT)}{condense(0)}{size(28)}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
 <w:pPr><w:snapToGrid w:val="0"/>{single}{no_indent}</w:pPr><w:rPr>{size(18)}</w:rPr></w:style>
</w:styles>"""


FONTS = (
    # name, altName, panose, charset (86 = GB2312), family, pitch
    (LATIN, None, "02020603050405020304", "00", "roman", "variable"),
    (BODY_FONT, FALLBACKS[BODY_FONT], "02010609030101010101", "86", "modern", "fixed"),
    (H2_FONT, FALLBACKS[H2_FONT], "02010609030101010101", "86", "modern", "fixed"),
    (H1_FONT, FALLBACKS[H1_FONT], "02010609060101010101", "86", "modern", "fixed"),
    (PAGE_FONT, FALLBACKS[PAGE_FONT], "02010600030101010101", "86", "auto", "variable"),
    (TITLE_FONT, FALLBACKS[TITLE_FONT], "02000000000000000000", "86", "auto", "variable"),
)


def font_table_xml() -> str:
    parts = []
    for name, alt, panose, charset, family, pitch in FONTS:
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt else ""
        parts.append(f'<w:font w:name="{name}">{alt_xml}<w:panose1 w:val="{panose}"/>'
                     f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
                     f'<w:pitch w:val="{pitch}"/></w:font>')
    return f"<w:fonts {NSDECL}>{''.join(parts)}</w:fonts>"


# -- body -----------------------------------------------------------------------------------
def run(text: str, rstyle: str | None = None) -> str:
    """One run; ``\n`` in ``text`` becomes a line break."""
    rpr = f'<w:rPr><w:rStyle w:val="{rstyle}"/></w:rPr>' if rstyle else ""
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n"))
    return f'<w:r>{rpr}{body}</w:r>'


def para(content: str, style: str | None = None, ppr_extra: str = "") -> str:
    ppr = ""
    if style or ppr_extra:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr_extra + "</w:pPr>"
    return f"<w:p>{ppr}{content}</w:p>"


def tag_para(tag: str) -> str:
    """A paragraph holding only a ``{%p ... %}`` tag; docxtpl removes the paragraph."""
    return para(run(tag))


def narrative(section: str) -> str:
    """The paragraphs of one narrative section: headings and run-in leads styled per paragraph."""
    return "".join((
        tag_para(f"{{%p for p in {section} %}}"),
        tag_para("{%p if p.h1 %}"),
        para(run("{{ p.text }}"), "Heading1"),
        tag_para("{%p elif p.h2 %}"),
        para(run("{{ p.text }}"), "Heading2"),
        tag_para("{%p else %}"),
        para(run("{{ p.lead }}", "LeadIn") + run("{{ p.text }}")),
        tag_para("{%p endif %}"),
        tag_para("{%p endfor %}"),
    ))


CELL_MARGIN = 28  # twips (0.5 mm) left and right: the long 表三 labels keep to one line
SHORT_HEADER = 3  # headers this short (自然人, 总计) must not wrap


def is_group_label(g) -> bool:
    """A label merged down several rows in one narrow column (三、本年度办理结果, （三）不予公开)."""
    return g.role == "label" and g.rowspan > 1 and g.colspan == 1


def grid_widths(spec: TableSpec) -> list[int]:
    """Split the text width over the grid columns in proportion to ``spec.col_widths``.

    A column whose one-column header is at most three characters is widened until the header
    fits on one line (「自然人」 must not break as 「自然/人」), and a column of group labels until
    its longest word fits. The widest column pays for a header; the number columns pay for a
    group label (the long 表三 row labels must keep their width to stay on one line).
    """
    total = sum(spec.col_widths)
    widths = [int(TEXT_WIDTH * w / total) for w in spec.col_widths]
    char = TABLE_SIZE * 10  # one character of the table font, in twips (half-points * 10)

    def fit(chars: int) -> int:
        return chars * char + 2 * CELL_MARGIN + 40  # 40 tw slack for rounding

    need = [fit(2)] * len(widths)  # two characters in any column: 「商业/企业」, numbers
    label_cols = {g.col for g in spec.grid if g.role in ("label", "note")}
    for g in spec.grid:
        if g.role == "header" and g.colspan == 1 and 0 < len(g.text) <= SHORT_HEADER:
            need[g.col] = max(need[g.col], fit(len(g.text)))
    for g in spec.grid:
        if g.role == "header" and g.colspan == 1 and 0 < len(g.text) <= SHORT_HEADER \
                and widths[g.col] < need[g.col]:
            widest = max(range(len(widths)), key=widths.__getitem__)
            widths[widest] -= need[g.col] - widths[g.col]
            widths[g.col] = need[g.col]
    for g in spec.grid:
        if is_group_label(g) and widths[g.col] < fit(max(len(w) for w in label_words(g.text))):
            extra = fit(max(len(w) for w in label_words(g.text))) - widths[g.col]
            widths[g.col] += extra
            donors = [c for c in range(len(widths)) if c not in label_cols]
            while extra > 0:  # one twip at a time from the number column with most to spare
                c = max(donors, key=lambda c: widths[c] - need[c])
                widths[c] -= 1
                extra -= 1
    widths[-1] += TEXT_WIDTH - sum(widths)
    return widths


def cell_chars(width: int) -> int:
    """How many table characters fit in a cell ``width`` twips wide."""
    return (width - 2 * CELL_MARGIN - 40) // (TABLE_SIZE * 10)


def label_align(spec: TableSpec, g) -> str:
    """Row labels of 表三 read left to right; group labels and short labels are centred."""
    if g.role == "label" and spec.id == "t3" and g.rowspan == 1:
        return "TableLabel"
    return "TableText"


# The unit after a chosen-unit header, when the clerk has stated it (templates/README.md: money_unit).
MONEY_UNIT_HEAD = "{% if money_unit %}（{{ money_unit }}）{% endif %}"


def placeholder(ref: str) -> str:
    """``t3.r01.c1`` -> ``{{ t3.r01.c1 }}`` (the context nests dicts along the dots)."""
    return "{{ " + ref + " }}"


def table_xml(spec: TableSpec) -> str:
    """Draw the official table from ``spec.grid``: merges as gridSpan/vMerge, one placeholder per data cell."""
    widths = grid_widths(spec)
    cover: dict[tuple[int, int], object] = {}
    for g in spec.grid:
        for r in range(g.row, g.row + g.rowspan):
            for c in range(g.col, g.col + g.colspan):
                if (r, c) in cover:
                    raise ValueError(f"{spec.id}: grid cells overlap at {(r, c)}")
                cover[(r, c)] = g
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(b) for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        f'<w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="0"/></w:tblPr>',
        "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>",
    ]
    # Every table stays on one page (keepNext on every row but the last; its heading keeps
    # with it too). 表三, nearly a page high, still fits under its heading, and a split 表三
    # leaves the merged group labels cut or empty on one of the pages.
    keep_rows = spec.grid_rows - 1
    for r in range(spec.grid_rows):
        trpr = "<w:cantSplit/>"
        if r < spec.header_rows:
            trpr += "<w:tblHeader/>"
        if spec.id != "t3":
            trpr += '<w:trHeight w:val="454"/>'  # 8 mm: the short tables breathe a little
        else:
            trpr += '<w:trHeight w:val="318"/>'  # 5.6 mm, whatever the font's line height
        cells = []
        c = 0
        while c < spec.grid_cols:
            g = cover.get((r, c))
            span = g.colspan if g is not None else 1
            width = sum(widths[c:c + span])
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            text = ""
            style = "TableText" if g is None else label_align(spec, g)
            if g is not None and g.rowspan > 1:
                tcpr += '<w:vMerge w:val="restart"/>' if g.row == r else "<w:vMerge/>"
            if g is not None and g.row == r:
                text = placeholder(g.ref) if g.role == "data" else g.text
                if g.chosen_unit:  # 「采购总金额（万元）」: the unit the clerk stated (2019 format)
                    text += MONEY_UNIT_HEAD
                if is_group_label(g):
                    text = "\n".join(label_lines(g.text, cell_chars(width)))
            tcpr += '<w:vAlign w:val="center"/>'
            content = run(text) if text else ""
            keep = "<w:keepNext/>" if r < keep_rows else ""
            cells.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{para(content, style, keep)}</w:tc>")
            c += span
        out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def body_xml(form_id: str) -> str:
    form = get_form(form_id)
    parts = [
        para(run("{{ title_wrapped }}"), "Title"),
        narrative("preface"),
        para(run(SECTION_TITLES["overview"]), "Heading1"),
        narrative("overview"),
    ]
    for t in form.tables:
        parts.append(para(run(SECTION_TITLES[t.id]), "Heading1"))
        parts.append(table_xml(t))
        parts.append(narrative(f"notes.{t.id}"))  # the note under the table, when the report has one
        # An empty line after each table, as in printed reports (and Word needs a paragraph
        # between two tables anyway).
        parts.append(para("", "TableText"))
    parts += [
        para(run(SECTION_TITLES["problems"]), "Heading1"),
        narrative("problems"),
        para(run(SECTION_TITLES["other"]), "Heading1"),
        narrative("other"),
        para(""),
        para(run("{{ signer }}"), "Signature"),
        para(run("{{ date_cn }}"), "Signature"),
    ]
    return "".join(parts)


def footer_xml(odd: bool) -> str:
    """「— 1 —」 in 宋体 四号: odd pages on the right, even pages on the left, one character in."""
    ind = '<w:ind w:right="280"/>' if odd else '<w:ind w:left="280"/>'
    jc = "right" if odd else "left"
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>1</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return para(run("— ") + field + run(" —"), "Footer", f'{ind}<w:jc w:val="{jc}"/>')


# -- assembling -----------------------------------------------------------------------------
def build(form_id: str) -> bytes:
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.shared import Mm

    doc = Document()
    part = doc.part
    # Drop what the python-docx default template carries that a report must not: its huge
    # style sheet with theme fonts (MS Mincho fallback, python-docx #1601), numbering,
    # customXml and a thumbnail of somebody else's document.
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (RT.NUMBERING, RT.CUSTOM_XML) or rel.reltype.endswith("/stylesWithEffects"):
            del part.rels[rid]
    pkg_rels = part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]

    styles = doc.styles.element
    new_styles = parse_xml(styles_xml())
    for child in list(styles):
        styles.remove(child)
    for child in list(new_styles):
        styles.append(child)

    fonts_part = part.part_related_by(RT.FONT_TABLE)
    set_blob(fonts_part, font_table_xml().encode("utf-8"))

    for rel in part.rels.values():
        if rel.reltype == RT.THEME:  # the theme names only the fonts the document uses
            theme = rel.target_part
            set_blob(theme, theme_with_fonts(theme.blob, major=(LATIN, H1_FONT), minor=(LATIN, BODY_FONT)))
    for rel in part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            set_blob(rel.target_part, app_xml(""))

    settings = doc.settings.element
    w = "{%s}" % W_NS
    for el in settings.findall(w + "themeFontLang"):
        el.set(w + "eastAsia", "zh-CN")
    for name in ("rsids", "proofState", "attachedTemplate", "savePreviewPicture"):
        for el in settings.findall(w + name):
            settings.remove(el)
    set_compatibility_mode(settings)
    doc.settings.odd_and_even_pages_header_footer = True

    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    sec.header_distance, sec.footer_distance = Mm(15), Mm(22)
    sec.gutter = 0
    for footer, odd in ((sec.footer, True), (sec.even_page_footer, False)):
        footer.is_linked_to_previous = False
        ftr = footer._element
        for child in list(ftr):
            ftr.remove(child)
        ftr.append(parse_xml(f"<w:body {NSDECL}>{footer_xml(odd)}</w:body>")[0])

    body = doc.element.body
    sect_pr = body.sectPr
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for el in parse_xml(f"<w:body {NSDECL}>{body_xml(form_id)}</w:body>"):
        sect_pr.addprevious(el)
    for attr in list(sect_pr.attrib):
        del sect_pr.attrib[attr]

    cp = doc.core_properties
    cp.author = cp.last_modified_by = cp.title = cp.subject = cp.keywords = cp.comments = ""
    cp.category = ""
    cp.revision = 1
    cp.created = cp.modified = FIXED_DATE.replace(tzinfo=None)
    cp.last_printed = FIXED_DATE.replace(tzinfo=None)

    buf = io.BytesIO()
    doc.save(buf)
    return _deterministic_zip(buf.getvalue())


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so that rebuilding gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # lastPrinted has no meaning for a template; python-docx cannot delete it.
                blob = _strip_last_printed(blob)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, blob)
    return out.getvalue()


def _strip_last_printed(blob: bytes) -> bytes:
    import re

    return re.sub(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>", b"", blob)


def main() -> int:
    out_dir = ROOT / "templates"
    out_dir.mkdir(exist_ok=True)
    for form_id in ("gb2021", "gb2019"):
        path = out_dir / f"{form_id}.docx"
        path.write_bytes(build(form_id))
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
