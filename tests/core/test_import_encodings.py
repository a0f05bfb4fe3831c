"""Text and web pages in the encodings offices save them in (issue 16, point 8)."""

from __future__ import annotations

import pytest

from core.io.importers import encoding
from core.io.read_result import NoteCode
from core.io.reader import read_any

from .helpers import run_cli, seed
from .import_samples import html_of, pdf_copy_text

# A report as traditional-Chinese text, the way a Big5 system saves it: the words the report is
# read by in traditional characters (every other character Big5 lacks left out).
_S2T = {v: chr(k) for k, v in ((k, v if isinstance(v, str) else chr(v)) for k, v in encoding._T2S.items())}


def traditional(text: str) -> str:
    out = "".join(_S2T.get(ch, ch) for ch in text).replace("信息", "資訊")
    return out.encode("big5", errors="ignore").decode("big5")


def same_tables(got, want):
    for ref, value in want.values.items():
        assert got.values[ref] == value, ref


@pytest.mark.parametrize("n", [0, 3, 4])
@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32", "gbk",
                                 "gb18030", "utf-8", "utf-8-sig"])
def test_text_in_any_office_encoding(tmp_path, n, enc):
    want = seed(n)
    path = tmp_path / "年报.txt"
    path.write_bytes(pdf_copy_text(want).encode(enc))
    result = read_any(path)
    same_tables(result.report, want)
    assert result.report.meta["unit"] == want.meta["unit"]
    assert not [x for x in result.notes if x.code is NoteCode.ENCODING]


def test_utf16_without_bom_is_not_binary_data(tmp_path):
    path = tmp_path / "年报.txt"
    path.write_bytes(pdf_copy_text(seed(1)).encode("utf-16-le"))
    proc = run_cli("import", path, "-o", tmp_path / "out.nianbao")
    assert proc.returncode == 0, proc.stderr
    assert "二进制" not in proc.stdout + proc.stderr


@pytest.mark.parametrize("n", [0, 3, 4])
def test_big5_text_is_read_and_said(tmp_path, n):
    want = seed(n)
    path = tmp_path / "年报.txt"
    path.write_bytes(traditional(pdf_copy_text(want)).encode("big5"))
    result = read_any(path)
    same_tables(result.report, want)
    assert result.report.form.id == want.form.id and result.report.meta["year"] == want.meta["year"]
    assert any(x.code is NoteCode.ENCODING and "Big5" in x.message for x in result.notes)


def test_big5_web_page_with_its_charset(tmp_path):
    want = seed(3)
    page = traditional(html_of(want)).replace("charset='utf-8'", "charset='big5'")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("big5"))
    same_tables(read_any(path).report, want)


def test_one_bad_byte_in_utf8_is_replaced_and_located(tmp_path):
    want = seed(3)
    text = pdf_copy_text(want)
    data = text.encode("utf-8")
    cut = data.index("一、总体情况".encode()) + len("一、总体情况\n".encode()) + 3  # inside the next line
    data = data[:cut] + b"\xff" + data[cut:]
    path = tmp_path / "年报.txt"
    path.write_bytes(data)
    result = read_any(path)
    same_tables(result.report, want)
    line = text[:text.index("一、总体情况")].count("\n") + 2
    (note,) = [x for x in result.notes if x.code is NoteCode.ENCODING]
    assert f"第 {line} 行" in note.message and "\ufffd" in note.message
    assert "\ufffd" in result.report.text["overview"]


def test_a_bad_byte_in_a_utf8_web_page(tmp_path):
    want = seed(1)
    data = html_of(want).encode("utf-8")
    cut = data.index("<h2>".encode()) + 20
    path = tmp_path / "page.html"
    path.write_bytes(data[:cut] + b"\xfe" + data[cut:])
    result = read_any(path)
    same_tables(result.report, want)
    assert any(x.code is NoteCode.ENCODING for x in result.notes)


def test_random_bytes_are_still_refused(tmp_path):
    import random

    from core.errors import FileReadError

    rng = random.Random(4)
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(3000)))
    with pytest.raises(FileReadError):
        read_any(path)


def test_a_build_without_one_codec_still_reads_the_others(monkeypatch):
    """A bundle that lost a codec (the frozen app once lacked Big5: every GBK file gave a traceback) reads
    the encodings it has."""
    from core.io.importers import encoding

    monkeypatch.setattr(encoding, "LEGACY_ENCODINGS", ("gb18030", "no-such-codec-in-this-build"))
    gbk = "二、主动公开政府信息情况。本年新收政府信息公开申请16件，办结15件。".encode("gbk")
    text, notes = encoding.decode(gbk, "年报.txt")
    assert text.startswith("二、主动公开") and notes == []
