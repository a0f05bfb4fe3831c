"""``nianbao export``: refuses while the report has errors, --force, exit codes, templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from core.cli import main

from .helpers import DATA

SEEDS = DATA / "seeds"


def test_errors_refuse_export_and_are_listed(tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert main(["export", str(SEEDS / "seed000.nianbao"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "2 个错误" in err and "行政复议" in err and "复议后起诉" in err and "--force" in err
    assert not out.exists()
    assert main(["export", str(SEEDS / "seed000.nianbao"), "-o", str(tmp_path / "r.xlsx")]) == 1
    assert not (tmp_path / "r.xlsx").exists()


def test_force_exports_anyway(tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert main(["export", str(SEEDS / "seed000.nianbao"), "-o", str(out), "--force"]) == 0
    captured = capsys.readouterr()
    assert "已导出" in captured.out and "--force" in captured.err
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html"])
def test_clean_report_exports(tmp_path, capsys, suffix):
    out = tmp_path / f"报告{suffix}"
    assert main(["export", str(SEEDS / "seed003.nianbao"), "-o", str(out)]) == 0
    assert (zipfile.is_zipfile(out) or suffix == ".html") and f"已导出：{out}" in capsys.readouterr().out


def test_unreadable_input_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.nianbao"
    bad.write_text("{ not json", encoding="utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "x.docx")]) == 2
    assert "无法读取" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.nianbao"), "-o", str(tmp_path / "x.docx")]) == 2
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html"])
def test_a_file_name_too_long_for_the_disk_is_said_in_chinese(tmp_path, capsys, suffix):
    out = tmp_path / ("某某县人民政府办公室" * 9 + suffix)  # 270 bytes: more than a file system takes
    assert main(["export", str(SEEDS / "seed003.nianbao"), "-o", str(out)]) == 2
    assert "文件名太长" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_bad_output_suffix_and_template_option(tmp_path, capsys):
    seed = str(SEEDS / "seed003.nianbao")
    assert main(["export", seed, "-o", str(tmp_path / "x.pdf")]) == 2
    assert ".docx、.xlsx 或 .html" in capsys.readouterr().err
    assert main(["export", seed, "-o", str(tmp_path / "x.xlsx"), "--template", "t.docx"]) == 2
    assert "--template" in capsys.readouterr().err


def test_user_template_and_template_errors(tmp_path, capsys):
    from docx import Document

    seed = str(SEEDS / "seed003.nianbao")
    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("新收：{{ t3.r01.c7 }}")
    good = tmp_path / "省模板.docx"
    doc.save(str(good))
    out = tmp_path / "r.docx"
    assert main(["export", seed, "-o", str(out), "--template", str(good)]) == 0
    assert [p.text for p in Document(str(out)).paragraphs] == ["和田地区2024年政府信息公开工作年度报告", "新收：84"]
    capsys.readouterr()
    doc.add_paragraph("{{ 不存在的变量 }}")
    bad = tmp_path / "坏模板.docx"
    doc.save(str(bad))
    assert main(["export", seed, "-o", str(tmp_path / "b.docx"), "--template", str(bad)]) == 2
    assert "不存在的变量" in capsys.readouterr().err
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.slow
def test_whole_process(tmp_path):
    out = tmp_path / "r.docx"
    proc = subprocess.run([sys.executable, "-m", "gui.main", "export", str(SEEDS / "seed001.nianbao"),
                           "-o", str(out)], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert zipfile.is_zipfile(out)
