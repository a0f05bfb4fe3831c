"""Small files made to cost a reader a lot of work (merge areas, spans, rows, inflated PDF content)."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from pathlib import Path

_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
_SS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def xlsx_bytes(sheet_xml: str) -> bytes:
    """Return an XLSX holding one visible sheet with the given XML."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{_SS}" xmlns:r="{_R}"><sheets>'
                                      f'<sheet name="表三" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buf.getvalue()


def _cells_xml(rows: int) -> str:
    out = []
    for r in range(1, rows + 1):
        out.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>本年新收政府信息公开申请数量{r}</t></is></c>'
                   f'<c r="B{r}"><v>{r}</v></c></row>')
    return "".join(out)


def xlsx_big_merge() -> bytes:
    """One ``<mergeCell ref="A1:GR2000"/>`` over a small table (the 19 KB file that took 26–93 s)."""
    merges = '<mergeCells count="1"><mergeCell ref="A1:GR2000"/></mergeCells>'
    return xlsx_bytes(f'<worksheet xmlns="{_SS}"><sheetData>{_cells_xml(30)}</sheetData>{merges}</worksheet>')


def xlsx_many_merges(n: int = 400) -> bytes:
    """Many overlapping merges, each clipped to the content, together far beyond any report."""
    merges = "".join(f'<mergeCell ref="A{1 + i % 5}:GR2000"/>' for i in range(n))
    return xlsx_bytes(f'<worksheet xmlns="{_SS}"><sheetData>{_cells_xml(2000)}</sheetData>'
                      f'<mergeCells count="{n}">{merges}</mergeCells></worksheet>')


def xlsx_all_rows(rows: int = 1_048_576) -> bytes:
    """A sheet with a row element in every one of Excel's 1,048,576 rows."""
    body = "".join(f'<row r="{r}"/>' for r in range(1, rows + 1))
    return xlsx_bytes(f'<worksheet xmlns="{_SS}"><sheetData>{body}</sheetData></worksheet>')


def html_spans(cells: int = 1000, rows: int = 100) -> str:
    """A table whose cells each span 100 rows and 100 columns (21 KB: 6 s and 570 MB before)."""
    per_row = max(1, cells // rows)
    trs = "".join("<tr>" + '<td rowspan="100" colspan="100">1</td>' * per_row + "</tr>" for _ in range(rows))
    return f"<html><body><p>某县2024年政府信息公开工作年度报告</p><table>{trs}</table></body></html>"


def docx_bytes(body_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("word/document.xml", f'<w:document xmlns:w="{_W}"><w:body>{body_xml}</w:body></w:document>')
    return buf.getvalue()


def docx_rows(rows: int, seed: int = 1) -> bytes:
    """A DOCX table of ``rows`` rows of varied figures (so it is no zip bomb, only long)."""
    rnd = random.Random(seed)
    trs = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>{rnd.randrange(10 ** 6)}</w:t></w:r></w:p></w:tc></w:tr>"
                  for _ in range(rows))
    return docx_bytes(f"<w:tbl>{trs}</w:tbl>")


def damaged_member_docx() -> bytes:
    """A DOCX whose word/document.xml has its deflate stream broken (zlib.error when read)."""
    good = docx_bytes("<w:p><w:r><w:t>" + "年度报告" * 2000 + "</w:t></w:r></w:p>")
    z = zipfile.ZipFile(io.BytesIO(good))
    info = z.getinfo("word/document.xml")
    data = bytearray(good)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 40):
        data[i] = 0xFF  # garbage in the middle of the compressed data
    return bytes(data)


def pdf_bytes(content: bytes, pages: int = 1) -> bytes:
    """Return a PDF of ``pages`` pages that all draw the one (Flate-compressed) content stream."""
    comp = zlib.compress(content, 9)
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(comp) + comp + b"\nendstream"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
             b" /Contents 4 0 R >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_text_ops(size: int) -> bytes:
    """``size`` bytes of text-drawing commands."""
    op = b"BT /F1 12 Tf 72 720 Td (2024 nian du bao gao) Tj ET\n"
    return op * (size // len(op) + 1)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def slow_text(lines: int = 100_000) -> str:
    """A text report whose 表三 goes on for ``lines`` rows: within every cap, and seconds to read."""
    head = ["某县2024年政府信息公开工作年度报告", "一、总体情况", "正文。", "三、收到和处理政府信息公开申请情况"]
    return "\n".join(head + ["（一）予以公开 1 0 0 0 0 0 1"] * lines)
