"""A house-style template made in Word or WPS must not leak its author into the published report.

The dirty template carries what real ones do: the path of the .dotm it was made from (with the
author's user name), document variables of an OA plug-in, revision ids, a WPS app.xml, custom
properties, customXml data, a thumbnail of last year's first page, printer settings, comments,
a picture linked to a network share, an INCLUDEPICTURE and an INCLUDETEXT field, and a VBA
project. None of it may reach the output; the links to outside files are reported.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from core.io.export import export_docx

from .helpers import seed

AUTHOR = "张三丰"
PHONE = "13912345678"
USER_PATH = rf"file:///C:\Users\{AUTHOR}\AppData\Roaming\Microsoft\Templates\某局公文模板.dotm"
SHARE = r"\\fileserver\公文\logo.png"
NAMESPACES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
              "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
              "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
              "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
              "v": "urn:schemas-microsoft-com:vml", "o": "urn:schemas-microsoft-com:office:office",
              "w14": "http://schemas.microsoft.com/office/word/2010/wordml"}
LINKED_PICTURE = f"""<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="9" name="logo"/>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>
<pic:nvPicPr><pic:cNvPr id="9" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>
<pic:blipFill><a:blip r:link="rIdShare"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"""
VML_PICTURE = ('<w:r><w:pict><v:shape id="s1" style="width:10pt;height:10pt">'
               '<v:imagedata r:id="rIdVml" o:title="x"/></v:shape></w:pict></w:r>')
INCLUDEPICTURE = (r'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                  r'<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "\\\\fileserver\\公文\\章.png" \* MERGEFORMATINET </w:instrText></w:r>'
                  r'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[图]</w:t></w:r>'
                  r'<w:r><w:fldChar w:fldCharType="end"/></w:r>')
INCLUDETEXT = (r'<w:fldSimple w:instr=" INCLUDETEXT &quot;C:\\Users\\张三丰\\落款.docx&quot; ">'
               r'<w:r><w:t>落款的旧内容</w:t></w:r></w:fldSimple>')


def _replace(z: dict[str, bytes], name: str, old: str, new: str) -> None:
    text = z[name].decode("utf-8")
    assert old in text, (name, old)
    z[name] = text.replace(old, new, 1).encode("utf-8")


def _declare(z: dict[str, bytes], name: str, root: str) -> None:
    """Declare on the root element the namespaces the added XML uses (those not declared yet)."""
    text = z[name].decode("utf-8")
    head = text[:text.index(">", text.index(f"<{root} "))]
    extra = "".join(f' xmlns:{p}="{uri}"' for p, uri in NAMESPACES.items() if f"xmlns:{p}=" not in head)
    z[name] = text.replace(f"<{root} ", f"<{root}{extra} ", 1).encode("utf-8")


def dirty_template(tmp_path, name="某局公文模板.docx"):
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("新收申请 {{ t3.r01.c7 }} 件。")
    doc.add_paragraph("网站：")
    doc.add_paragraph("LOGO")
    doc.add_paragraph("落款")
    doc.add_comment(doc.paragraphs[1].runs, text="这里要改", author=AUTHOR)
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src:
        z = {n: src.read(n) for n in src.namelist()}
    body = "word/document.xml"
    _declare(z, body, "w:document")
    z[body] = z[body].replace(b"<w:p>", b'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6">')
    _replace(z, body, "网站：</w:t></w:r>", '网站：</w:t></w:r><w:hyperlink r:id="rIdWeb"><w:r><w:t>www.gov.cn</w:t></w:r></w:hyperlink>')
    _replace(z, body, "LOGO</w:t></w:r>", "LOGO</w:t></w:r>" + LINKED_PICTURE + VML_PICTURE + INCLUDEPICTURE)
    _replace(z, body, "落款</w:t></w:r>", "落款</w:t></w:r>" + INCLUDETEXT)
    rels = "word/_rels/document.xml.rels"
    _replace(z, rels, "</Relationships>",
             '<Relationship Id="rIdShare" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
             f'Target="{SHARE}" TargetMode="External"/>'
             '<Relationship Id="rIdVml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
             'Target="file:///D:/%E5%85%AC%E6%96%87/seal.png" TargetMode="External"/>'
             '<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
             'Target="http://www.gov.cn/" TargetMode="External"/>'
             '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
             'Target="vbaProject.bin"/>'
             '<Relationship Id="rIdPrn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" '
             'Target="printerSettings/printerSettings1.bin"/>'
             '<Relationship Id="rIdXml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" '
             'Target="../customXml/item1.xml"/></Relationships>')
    z["word/vbaProject.bin"] = b"VBA" + AUTHOR.encode("utf-8")
    z["word/printerSettings/printerSettings1.bin"] = "\\\\PRINTSRV\\HP-三楼".encode("utf-16-le")
    z["customXml/item1.xml"] = f"<oa><user>{AUTHOR}</user><tel>{PHONE}</tel></oa>".encode("utf-8")
    settings = "word/settings.xml"
    _replace(z, settings, "<w:zoom ", '<w:attachedTemplate r:id="rIdTpl"/><w:zoom ')
    _replace(z, settings, "</w:settings>",
             f'<w:docVars><w:docVar w:name="OA_USER" w:val="{AUTHOR}"/><w:docVar w:name="OA_TEL" w:val="{PHONE}"/>'
             '</w:docVars><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids>'
             '<w14:docId w14:val="7C3A1F22"/></w:settings>')
    _declare(z, settings, "w:settings")
    z["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdTpl" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        f'Target="{USER_PATH}" TargetMode="External"/></Relationships>').encode("utf-8")
    z["docProps/app.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f'<Template>某局公文模板.dotm</Template><TotalTime>412</TotalTime><Pages>3</Pages><Company>某局</Company>'
        f'<Manager>{AUTHOR}</Manager><Application>WPS Office_11.1.0.11719_F1E327BC</Application>'
        '<HyperlinkBase>\\\\fileserver\\公文</HyperlinkBase></Properties>').encode("utf-8")
    z["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
        f'<vt:lpwstr>2052-11.1.0.11719</vt:lpwstr></property><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" '
        f'pid="3" name="起草人"><vt:lpwstr>{AUTHOR} {PHONE}</vt:lpwstr></property></Properties>').encode("utf-8")
    z["docProps/thumbnail.jpeg"] = b"\xff\xd8\xff\xe0JFIF" + AUTHOR.encode("utf-8") + b"\xff\xd9"
    _replace(z, "_rels/.rels", "</Relationships>",
             '<Relationship Id="rIdThumb" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" '
             'Target="docProps/thumbnail.jpeg"/>'
             '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
             'Target="docProps/custom.xml"/></Relationships>')
    types = "[Content_Types].xml"
    _replace(z, types, "</Types>",
             '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="bin" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"/>'
             '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
             '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
             '</Types>')
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for n, blob in z.items():
            dst.writestr(n, blob)
    return path


LEAKS = (AUTHOR, PHONE, "某局公文模板", "fileserver", "PRINTSRV", "WPS Office", "KSOProductBuildVer", "docVar",
         "rsid", "w14:docId", "INCLUDEPICTURE", "INCLUDETEXT", "attachedTemplate", "C:\\Users", "file:///",
         "TotalTime>412", "落款的旧内容", "这里要改")


def _text(blob: bytes) -> str:
    """A member's bytes as text, read as UTF-8 and as UTF-16 (printer settings are UTF-16)."""
    return blob.decode("utf-8", "replace") + blob.decode("utf-16-le", "replace")


@pytest.fixture
def exported(tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    tpl = dirty_template(tmp_path)
    out = tmp_path / "report.docx"
    notes = export_docx(seed(1), out, template=tpl)
    return out, notes


def test_template_is_really_dirty(tmp_path):
    """The template carries every leak (so the next test is not vacuous) and Word/python-docx open it."""
    from docx import Document

    tpl = dirty_template(tmp_path)
    with zipfile.ZipFile(tpl) as z:
        decoded = "".join(_text(z.read(n)) for n in z.namelist())
    for leak in LEAKS:
        assert leak in decoded, leak
    Document(str(tpl))


def test_nothing_of_the_author_reaches_the_report(exported):
    from docx import Document

    out, _ = exported
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        members = {n: z.read(n) for n in names}
    for name, blob in members.items():
        text = _text(blob)
        for leak in LEAKS:
            assert leak not in text, (leak, name)
    assert not any(n.endswith(("thumbnail.jpeg", "custom.xml", "vbaProject.bin", "printerSettings1.bin",
                               "comments.xml")) or n.startswith("customXml/") for n in names), names
    assert "word/_rels/settings.xml.rels" not in names or b"External" not in members["word/_rels/settings.xml.rels"]
    external = [m for blob in members.values() for m in re.findall(rb'<Relationship [^>]*TargetMode="External"[^>]*>', blob)]
    assert len(external) == 1 and b'Target="http://www.gov.cn/"' in external[0]  # the web link stays
    app = members["docProps/app.xml"].decode("utf-8")
    assert "<Application>nianbao</Application>" in app and "<Company>平武县人民政府办公室</Company>" in app
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["平武县人民政府办公室2024年政府信息公开工作年度报告", "新收申请 16 件。"]
    assert texts[2] == "网站：www.gov.cn" and texts[3] == "LOGO" and texts[4] == "落款"


def test_removed_links_are_reported(exported):
    _, notes = exported
    joined = "\n".join(notes)
    assert "INCLUDEPICTURE" in joined and "INCLUDETEXT" in joined
    assert SHARE in joined and "file:///D:/" in joined
    assert "宏" in joined
    assert all("模板" in n for n in notes)


@pytest.mark.slow
def test_the_cleaned_report_opens_in_libreoffice(exported, office):
    out, _ = exported
    pdf = office.pdf(out)
    assert pdf.stat().st_size > 1000


def test_cli_prints_what_was_removed(tmp_path, monkeypatch, capsys):
    from core.cli import main

    from .helpers import DATA

    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    tpl = dirty_template(tmp_path)
    out = tmp_path / "r.docx"
    assert main(["export", str(DATA / "seeds" / "seed001.nianbao"), "-o", str(out), "--template", str(tpl)]) == 0
    err = capsys.readouterr().err
    assert "INCLUDEPICTURE" in err and SHARE in err


def test_a_dotx_template_is_accepted(tmp_path, monkeypatch):
    from docx import Document

    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    plain = tmp_path / "plain.docx"
    doc = Document()
    doc.add_paragraph("{{ unit }}")
    doc.save(str(plain))
    with zipfile.ZipFile(plain) as src:
        z = {n: src.read(n) for n in src.namelist()}
    z["[Content_Types].xml"] = z["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
    dotx = tmp_path / "house.dotx"
    with zipfile.ZipFile(dotx, "w") as dst:
        for n, blob in z.items():
            dst.writestr(n, blob)
    out = tmp_path / "r.docx"
    export_docx(seed(1), out, template=dotx)
    assert [p.text for p in Document(str(out)).paragraphs] == ["平武县人民政府办公室"]
    with zipfile.ZipFile(out) as z:
        assert b"document.main+xml" in z.read("[Content_Types].xml")
