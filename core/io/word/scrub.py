"""Make a Word package fit to publish: nothing of its author, nothing that reaches outside it.

A house-style template made in Word or WPS carries its author into every report made from it:
the path of the template it was made from (``settings.xml.rels``: ``file:///C:\\Users\\<name>\\…``),
``w:docVars`` (OA plug-ins keep user names and phone numbers there), revision ids, the
application, a thumbnail of last year's first page, comments and tracked changes. Worse, a
picture linked to ``\\\\host\\share\\x.png`` or an INCLUDEPICTURE field makes every reader's Word
connect to that share (and send the reader's NTLM hash). :func:`scrub_template` removes all of
it before rendering and returns what it removed that the office should know about;
:func:`set_public_metadata` writes the published file's properties after rendering.
:func:`set_line_end_punctuation` keeps LibreOffice from losing a line-end 「，」.
``build_scripts/make_templates.py`` uses :func:`theme_with_fonts`, :func:`set_compatibility_mode`
and ``LINE_END_PUNCT`` for the default templates.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from ...messages import template as msg
from .parts import R_NS, W, core_properties_element, element, set_blob, store, text_parts

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
A = "{%s}" % A_NS
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no 「兼容模式」 in the title bar
APPLICATION = "nianbao"

# -- tracked changes and comments ----------------------------------------------------------
_REMOVE_WITH_CONTENT = ("del", "moveFrom")
_UNWRAP = ("ins", "moveTo")
_REMOVE_MARKERS = (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
    "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "commentRangeStart", "commentRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
    "customXmlDelRangeStart", "customXmlDelRangeEnd",
)


def accept_revisions(root) -> None:
    """Accept every tracked change and drop comment anchors in an OOXML element tree."""
    for name in _REMOVE_MARKERS:
        for el in list(root.iter(W + name)):
            el.getparent().remove(el)
    for ref in list(root.iter(W + "commentReference")):
        run = ref.getparent()
        if run is not None and run.tag == W + "r" and run.getparent() is not None:
            run.getparent().remove(run)
    for name in _REMOVE_WITH_CONTENT:
        for el in list(root.iter(W + name)):
            parent = el.getparent()
            if parent is None:
                continue
            if parent.tag == W + "trPr":  # a deleted table row
                row = parent.getparent()
                if row is not None and row.getparent() is not None:
                    row.getparent().remove(row)
                continue
            parent.remove(el)
    for name in _UNWRAP:
        for el in list(root.iter(W + name)):
            parent = el.getparent()
            if parent is None:
                continue
            if parent.tag in (W + "rPr", W + "trPr"):  # an inserted paragraph mark or row
                parent.remove(el)
                continue
            _unwrap(el)


def _unwrap(el) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


_RSID = re.compile(r"^\{%s\}rsid" % re.escape("http://schemas.openxmlformats.org/wordprocessingml/2006/main"))


def drop_revision_ids(root) -> None:
    """Remove ``w:rsidR``/``w:rsidRPr``/… attributes and ``w:rsid`` elements (styles keep them):
    they number the editing sessions of the author."""
    for el in list(root.iter()):
        if el.tag == W + "rsid" and el.getparent() is not None:
            el.getparent().remove(el)
            continue
        for name in [a for a in el.attrib if _RSID.match(a)]:
            del el.attrib[name]


# -- fields and relationships that reach outside the package --------------------------------
# Fields Word updates by itself from a file, a share or another program.
EXTERNAL_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT", "DATABASE")
_SAFE_LINK = re.compile(r"^(https?|mailto):", re.I)  # a hyperlink a reader has to click
_DROP_WHOLE = (W + "drawing", W + "pict", W + "object")  # what a picture or object reference sits in


def _field_code(instr: str) -> str:
    return instr.strip().split(None, 1)[0].upper() if instr.strip() else ""


def remove_external_fields(root) -> list[str]:
    """Remove INCLUDEPICTURE, INCLUDETEXT, LINK, DDE … fields (code and result); return their codes."""
    removed = []
    for simple in list(root.iter(W + "fldSimple")):
        instr = simple.get(W + "instr", "")
        if _field_code(instr) in EXTERNAL_FIELDS:
            removed.append(instr.strip())
            simple.getparent().remove(simple)
    runs = list(root.iter(W + "r"))
    stack: list[dict] = []  # open complex fields: start run index, code so far, nesting
    drop: set[int] = set()
    for i, run in enumerate(runs):
        for child in run:
            if child.tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    stack.append({"start": i, "instr": "", "in_code": True})
                elif kind == "separate" and stack:
                    stack[-1]["in_code"] = False
                elif kind == "end" and stack:
                    field = stack.pop()
                    if _field_code(field["instr"]) in EXTERNAL_FIELDS:
                        removed.append(field["instr"].strip())
                        drop.update(range(field["start"], i + 1))
            elif child.tag == W + "instrText" and stack and stack[-1]["in_code"]:
                stack[-1]["instr"] += child.text or ""
    for i in sorted(drop):
        run = runs[i]
        if run.getparent() is not None:
            run.getparent().remove(run)
    return removed


def _remove_references(root, rid: str) -> None:
    """Remove what refers to relationship ``rid``: a picture or object whole, a hyperlink unwrapped."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or rid not in el.attrib.values():
            continue
        if not any(k.startswith("{%s}" % R_NS) and v == rid for k, v in el.attrib.items()):
            continue
        if el.getparent() is None:
            continue
        if el.tag == W + "hyperlink":
            _unwrap(el)
            continue
        target = el
        for anc in el.iterancestors():
            if anc.tag in _DROP_WHOLE:
                target = anc
                break
        if target.getparent() is not None:
            target.getparent().remove(target)


def _external_rels(part) -> list[tuple[str, str]]:
    """(rId, target) of the part's relationships that point outside the package and Word follows."""
    out = []
    for rid, rel in part.rels.items():
        if rel.is_external and not (rel.reltype.endswith("/hyperlink") and _SAFE_LINK.match(rel.target_ref)):
            out.append((rid, rel.target_ref))
    return out


# -- parts and settings that belong to the author -------------------------------------------
_PRIVATE_RELS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people",
                 "/custom-properties", "/customXml", "/glossaryDocument", "/vbaProject", "/printerSettings",
                 "/metadata/thumbnail", "/digital-signature/origin", "/keyMapCustomizations",
                 "/wordVbaData")
_PRIVATE_SETTINGS = (W + "trackRevisions", W + "attachedTemplate", W + "removePersonalInformation",
                     W + "docVars", W + "rsids", W + "mailMerge", W + "savePreviewPicture",
                     W + "saveThroughXslt", W14 + "docId", W15 + "docId")


def _settings_part(doc):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return doc.part.part_related_by(RT.SETTINGS)


def scrub_template(doc) -> list[str]:
    """Clean a template before rendering; return notes on links to outside files it removed.

    Tracked changes are accepted, comments and author parts removed (custom properties,
    customXml data, the thumbnail, macros, printer settings), the settings lose the attached
    template, document variables, revision ids and mail-merge sources, and every field or
    relationship pointing outside the package is removed (web hyperlinks stay).
    """
    notes: list[str] = []
    for kind, part in text_parts(doc):
        root = element(part)
        accept_revisions(root)
        drop_revision_ids(root)
        notes += [msg.removed_field(msg.place(kind), code) for code in remove_external_fields(root)]
        for rid, target in _external_rels(part):
            _remove_references(root, rid)
            del part.rels[rid]
            notes.append(msg.removed_link(msg.place(kind), target))
        store(part, root)
    for owner in (doc.part, doc.part.package):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_PRIVATE_RELS):
                if rel.reltype.endswith("/vbaProject"):
                    notes.append(msg.macros_removed())
                del owner.rels[rid]
    settings_part = _settings_part(doc)
    settings = doc.settings.element
    for el in [el for el in settings if el.tag in _PRIVATE_SETTINGS]:
        settings.remove(el)
    drop_revision_ids(settings)
    for rid, _target in _external_rels(settings_part):
        _remove_references(settings, rid)
        del settings_part.rels[rid]  # the attached template's path, a mail-merge data source
    for rel in list(doc.part.rels.values()):  # webSettings may frame pages from elsewhere
        if rel.reltype.endswith("/webSettings") and not rel.is_external:
            web = rel.target_part
            root = element(web)
            for rid, target in _external_rels(web):
                _remove_references(root, rid)
                del web.rels[rid]
                notes.append(msg.removed_link(msg.place("webSettings"), target))
            store(web, root)
    for part in doc.part.package.iter_parts():  # styles, numbering …: their revision ids too
        if part.content_type.endswith("+xml") and "wordprocessingml" in part.content_type.replace(".ms-word.", "wordprocessingml") \
                and part is not doc.part:
            root = element(part)
            drop_revision_ids(root)
            store(part, root)
    _trim_theme(doc)
    return notes


def _trim_theme(doc) -> None:
    """Keep the theme's Latin, East-Asian and Chinese fonts; drop the per-script list (ＭＳ 明朝 …)."""
    from lxml import etree

    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            for font in list(root.iter(A + "font")):
                if font.get("script") != "Hans":
                    font.getparent().remove(font)
            set_blob(rel.target_part, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                     standalone=True))


# -- what the default templates share ---------------------------------------------------------
def theme_with_fonts(blob: bytes, *, major: tuple[str, str], minor: tuple[str, str]) -> bytes:
    """Return the theme part with its font scheme reduced to (Latin, East-Asian) font pairs.

    Word's stock theme lists Calibri, Cambria and a font per script (ＭＳ ゴシック, 맑은 고딕 …),
    which WPS may report as missing; a theme that names the document's own fonts does not.
    """
    from lxml import etree

    root = etree.fromstring(blob)
    scheme = root.find(f".//{A}fontScheme")
    if scheme is None:
        return blob
    for tag, (latin, east) in (("majorFont", major), ("minorFont", minor)):
        font = scheme.find(A + tag)
        if font is None:
            font = etree.SubElement(scheme, A + tag)
        for child in list(font):
            font.remove(child)
        for slot, face in (("latin", latin), ("ea", east), ("cs", latin)):
            etree.SubElement(font, A + slot).set("typeface", face)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_compatibility_mode(settings) -> None:
    """Set ``compatibilityMode`` in a ``w:settings`` element (adding it when missing)."""
    from lxml import etree

    compat = settings.find(W + "compat")
    if compat is None:
        compat = etree.SubElement(settings, W + "compat")
    for cs in compat.findall(W + "compatSetting"):
        if cs.get(W + "name") == "compatibilityMode":
            cs.set(W + "val", COMPATIBILITY_MODE)
            return
    cs = etree.SubElement(compat, W + "compatSetting")
    cs.set(W + "name", "compatibilityMode")
    cs.set(W + "uri", "http://schemas.microsoft.com/office/word")
    cs.set(W + "val", COMPATIBILITY_MODE)


# -- line-end punctuation ------------------------------------------------------------------------
# A 「，。；：、」 after a full line may neither begin the next line nor fit in this one. Word and
# WPS hang it in the margin. LibreOffice 7.4 hangs it too, but in some lines then paints nothing:
# 「除特别说明的外，所列数据」 prints as 「除特别说明的外 / 所列数据」, the 「，」 missing from picture
# and text. It reads overflowPunct the other way round (val="1" becomes punctuation-wrap="simple",
# no hanging; "0" or none, hanging), so val="1" — Word's and WPS's own default, which changes
# nothing there — makes LibreOffice carry the last character down with the mark instead (a line
# of 27 by 行尾禁则), and no mark is lost (bench/punctuation.py).
LINE_END_PUNCT = '<w:overflowPunct w:val="1"/>'
# pPr children that come after overflowPunct in the schema (CT_PPrBase)
_AFTER_OVERFLOW_PUNCT = {W + t for t in (
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")}


def set_line_end_punctuation(styles) -> None:
    """Give a ``w:styles`` element's paragraph defaults ``overflowPunct`` val="1", unless the
    template sets overflowPunct somewhere itself (its author chose)."""
    from lxml import etree

    if styles.find(f".//{W}overflowPunct") is not None:
        return
    defaults = styles.find(W + "docDefaults")
    if defaults is None:
        defaults = etree.Element(W + "docDefaults")
        styles.insert(0, defaults)
    ppr_default = defaults.find(W + "pPrDefault")
    if ppr_default is None:
        ppr_default = etree.SubElement(defaults, W + "pPrDefault")
    ppr = ppr_default.find(W + "pPr")
    if ppr is None:
        ppr = etree.SubElement(ppr_default, W + "pPr")
    mark = etree.Element(W + "overflowPunct")
    mark.set(W + "val", "1")
    later = next((child for child in ppr if child.tag in _AFTER_OVERFLOW_PUNCT), None)
    if later is None:
        ppr.append(mark)
    else:
        later.addprevious(mark)


# -- the published file's properties ----------------------------------------------------------
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>{application}</Application>'
           '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{company}</Company>'
           '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
           '<HyperlinksChanged>false</HyperlinksChanged></Properties>')


def app_xml(unit: str) -> bytes:
    """``docProps/app.xml`` of a published report: this program, the unit as company, nothing else."""
    return APP_XML.format(application=APPLICATION, company=html.escape(unit, quote=False)).encode("utf-8")


def set_public_metadata(doc, unit: str, title: str) -> None:
    """Author and last editor become the unit; app.xml is rewritten; everything else is cleared."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    cp = doc.core_properties
    for name in ("comments", "keywords", "category", "subject", "content_status", "identifier",
                 "version", "language"):
        setattr(cp, name, "")
    cp.author = unit
    cp.last_modified_by = unit
    cp.title = title
    cp.revision = 1
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    cp.created = cp.modified = now
    core = core_properties_element(doc)
    for lp in core.findall("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                           "lastPrinted"):
        core.remove(lp)
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            set_blob(rel.target_part, app_xml(unit))
