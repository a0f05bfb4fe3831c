"""Files that cannot be read: a clear Chinese FileReadError, exit 2, nothing written, no traceback."""

from __future__ import annotations

import io
import zipfile

import pytest

from core.errors import FileReadError
from core.io.reader import read_any

from .helpers import run_cli, seed
from .import_samples import write_docx, write_xlsx

XXE = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')


def docx_with(document_xml: bytes, *, level=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", level) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def make(tmp_path, kind):
    """Return a bad file of ``kind`` and the words its message must contain."""
    if kind == "not_a_zip":
        p = tmp_path / "报告.docx"
        p.write_text("这只是文本，不是 Word 文档", encoding="utf-8")
        return p, "不是有效的Word 文档"
    if kind == "truncated":
        good = write_docx(seed(1), tmp_path / "good.docx").read_bytes()
        p = tmp_path / "截断.docx"
        p.write_bytes(good[: len(good) // 2])
        return p, "已损坏"
    if kind == "zip_bomb":
        p = tmp_path / "炸弹.docx"
        p.write_bytes(docx_with(b"<" + b" " * (20 * 1024 * 1024) + b"/>"))
        return p, "压缩炸弹"
    if kind == "xxe":
        p = tmp_path / "实体.docx"
        p.write_bytes(docx_with(XXE.encode()))
        return p, "DTD/实体声明"
    if kind == "laughs":
        p = tmp_path / "笑.docx"
        p.write_bytes(docx_with(LAUGHS.encode()))
        return p, "DTD/实体声明"
    if kind == "xlsx_xxe":
        good = write_xlsx(seed(1), tmp_path / "good.xlsx").read_bytes()
        src = zipfile.ZipFile(io.BytesIO(good))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    decl = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    data = data.replace(b"?>", b"?>" + decl, 1) if b"?>" in data else decl + data
                z.writestr(info, data)
        p = tmp_path / "实体.xlsx"
        p.write_bytes(buf.getvalue())
        return p, "DTD/实体声明"
    if kind == "huge":
        p = tmp_path / "巨大.txt"
        with open(p, "wb") as fh:
            fh.truncate(60 * 1024 * 1024)
        return p, "过大"
    if kind == "empty":
        p = tmp_path / "空.docx"
        p.write_bytes(b"")
        return p, "是空的"
    if kind == "wrong_extension":
        p = tmp_path / "其实是表格.txt"
        p.write_bytes(write_xlsx(seed(1), tmp_path / "x.xlsx").read_bytes())
        return p, "扩展名"
    if kind == "pdf_as_docx":
        p = tmp_path / "其实是.docx"
        p.write_bytes(b"%PDF-1.4\n%...\n")
        return p, "扩展名"
    if kind == "xlsx_as_docx":
        p = tmp_path / "其实是表格.docx"
        p.write_bytes(write_xlsx(seed(1), tmp_path / "x.xlsx").read_bytes())
        return p, "内容是 Excel 表格"
    if kind == "bad_pdf":
        p = tmp_path / "坏.pdf"
        p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
        return p, "PDF"
    if kind == "no_docx_body":
        p = tmp_path / "无正文.docx"
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("hello.txt", "hi")
        p.write_bytes(buf.getvalue())
        return p, "缺少正文"
    if kind == "binary_txt":
        p = tmp_path / "乱码.txt"
        p.write_bytes(bytes(range(256)) * 10)
        return p, "二进制"
    if kind == "unknown_suffix":
        p = tmp_path / "报告.pages"
        p.write_bytes(b"PK\3\4" + b"\0" * 100)
        return p, "不支持的文件类型"
    if kind == "old_word":
        p = tmp_path / "报告.doc"
        p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
        return p, "另存为"
    raise AssertionError(kind)


KINDS = ["not_a_zip", "truncated", "zip_bomb", "xxe", "laughs", "xlsx_xxe", "huge", "empty",
         "wrong_extension", "pdf_as_docx", "xlsx_as_docx", "bad_pdf", "no_docx_body", "binary_txt", "unknown_suffix", "old_word"]


@pytest.mark.parametrize("kind", KINDS)
def test_bad_file_raises_a_chinese_file_read_error(tmp_path, kind):
    path, words = make(tmp_path, kind)
    with pytest.raises(FileReadError) as err:
        read_any(path)
    msg = str(err.value).replace(" ", "")
    assert words.replace(" ", "") in msg, msg
    assert "/etc/passwd" not in msg and "root:" not in msg



@pytest.mark.parametrize("kind", ["not_a_zip", "zip_bomb", "xxe", "huge", "empty", "wrong_extension", "bad_pdf"])
def test_cli_exit_2_writes_nothing(tmp_path, kind):
    path, words = make(tmp_path, kind)
    out = tmp_path / "out.nianbao"
    proc = run_cli("import", path, "-o", out)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and words.replace(" ", "") in proc.stderr.replace(" ", "")
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    proc = run_cli("check", path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_new_from_unreadable_file_exit_2(tmp_path):
    path, _ = make(tmp_path, "truncated")
    proc = run_cli("new", "--from", path, "-o", tmp_path / "new.nianbao")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert not (tmp_path / "new.nianbao").exists()
