"""Hostile documents: small files that ask for a lot of work are refused quickly, with a Chinese message."""

from __future__ import annotations

import os
import time

import pytest

from core.cli import main
from core.errors import FileReadError
from core.io import limits, project_file
from core.io.reader import read_any

from . import hostile_samples as h
from .helpers import seed
from .import_samples import write_xlsx

QUICK = 5.0  # seconds; each takes well under one, the files took 26 s to several minutes before
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs and symlinks as POSIX has them")

CASES = {
    "merge.xlsx": (h.xlsx_big_merge, None),  # a fake table under the merge: read fast, then "no table"
    "merges.xlsx": (h.xlsx_many_merges, "合并单元格范围异常巨大"),
    "rows.xlsx": (h.xlsx_all_rows, "超过 100000 行"),
    "spans.html": (h.html_spans, "合并单元格范围异常巨大"),
    "spans_wide.html": (lambda: h.html_spans(5000, 100), "合并单元格范围异常巨大"),
    "rows.docx": (lambda: h.docx_rows(limits.MAX_TABLE_ROWS + 1), "超过 5000 行"),
    "rows400k.docx": (lambda: h.docx_rows(400_000), "超过 5000 行"),
    "damaged.docx": (h.damaged_member_docx, "文件已损坏"),
    "page.pdf": (lambda: h.pdf_bytes(h.pdf_text_ops(5_000_000)), "第 1 页的内容异常庞大"),
    "shared.pdf": (lambda: h.pdf_bytes(h.pdf_text_ops(4_000_000), 200), "内容异常庞大"),
    "pages.pdf": (lambda: h.pdf_bytes(h.pdf_text_ops(200_000), 200), "绘图对象超过"),
}


SLOW_CASES = {"rows400k.docx", "rows.xlsx"}  # a second or two each: read up to the limit


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW_CASES else n
                                  for n in sorted(CASES)])
def test_hostile_documents_are_refused_quickly(tmp_path, name):
    make, words = CASES[name]
    path = h.write(tmp_path, name, make())
    assert path.stat().st_size < 3 * 1024 * 1024  # small files: the work is in what they ask for
    t0 = time.perf_counter()
    with pytest.raises(FileReadError) as err:
        read_any(path)
    assert time.perf_counter() - t0 < QUICK
    message = str(err.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    if words:
        assert words in message, message


def test_a_real_sheet_under_a_huge_merge_still_imports(tmp_path):
    """Clipping a merge to the sheet's content changes nothing a reader sees."""
    import zipfile

    plain = write_xlsx(seed(1), tmp_path / "plain.xlsx")
    merged = tmp_path / "merged.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(merged, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                merge = '<mergeCell ref="Z1:GR2000"/>'
                if "<mergeCells" in text:
                    text = text.replace("</mergeCells>", merge + "</mergeCells>")
                else:
                    text = text.replace("</sheetData>", f"</sheetData><mergeCells>{merge}</mergeCells>")
                data = text.encode("utf-8")
            dst.writestr(info, data)
    t0 = time.perf_counter()
    got = read_any(merged).report
    assert time.perf_counter() - t0 < QUICK
    assert got.values == read_any(plain).report.values == seed(1).values


@pytest.mark.slow
@POSIX
def test_check_dir_with_a_symlink_loop_and_a_fifo(tmp_path, capsys):
    folder = tmp_path / "各县"
    folder.mkdir()
    project_file.save(seed(1), folder / "好.nianbao")
    (folder / "环.docx").symlink_to(folder / "环.docx")
    (folder / "甲.docx").symlink_to(folder / "乙.docx")
    (folder / "乙.docx").symlink_to(folder / "甲.docx")
    os.mkfifo(folder / "管道.docx")
    os.mkfifo(folder / "管道.nianbao")
    (folder / "子目录环").symlink_to(folder, target_is_directory=True)
    t0 = time.perf_counter()
    status = main(["check", str(folder)])
    assert time.perf_counter() - t0 < QUICK * 2
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert err.count("符号链接") == 3 and err.count("不是普通文件") == 2, err
    assert "共检查 6 个文件" in err


@POSIX
def test_check_a_fifo_given_by_name_does_not_block(tmp_path, capsys):
    fifo = tmp_path / "管道.docx"
    os.mkfifo(fifo)
    assert main(["check", str(fifo)]) == 2
    assert "不是普通文件" in capsys.readouterr().err
