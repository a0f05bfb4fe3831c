"""``nianbao check`` on project files: output, JSON, exit codes."""

import json
import shutil
import zipfile
from pathlib import Path

from core.io import project_file
from core.model import Baseline

from .helpers import DATA, balanced, run_cli, seed

SEEDS = DATA / "seeds"



def test_seed000_exit_1_and_names_the_t4_errors():
    proc = run_cli("check", SEEDS / "seed000.nianbao")
    assert proc.returncode == 1
    assert "E-T4-SUM" in proc.stdout and "行政复议" in proc.stdout and "复议后起诉" in proc.stdout
    assert "2 个错误" in proc.stdout


def test_clean_seeds_exit_0_with_warnings_allowed():
    proc = run_cli("check", *(SEEDS / f"seed00{n}.nianbao" for n in (1, 2, 3, 4)))
    assert proc.returncode == 0, proc.stdout
    assert "W-DEADLINE" in proc.stdout  # seed 004 was published on 2021年2月8日


def test_json_output():
    proc = run_cli("check", "--json", SEEDS / "seed000.nianbao")
    assert proc.returncode == 1
    items = json.loads(proc.stdout)
    errors = [i for i in items if i["severity"] == "error"]
    assert {i["rule"] for i in errors} == {"E-T4-SUM"}
    assert all(set(i) >= {"file", "rule", "severity", "cells", "message"} for i in items)
    assert ["t4.f5", "t4.f1", "t4.f2", "t4.f3", "t4.f4"] in [i["cells"] for i in errors]


def test_unreadable_file_is_exit_2_even_beside_good_ones(tmp_path):
    missing = tmp_path / "nope.nianbao"
    proc = run_cli("check", SEEDS / "seed001.nianbao", missing)
    assert proc.returncode == 2
    assert "找不到文件" in proc.stderr and "Traceback" not in proc.stderr


def test_previous_year_file(tmp_path):
    last = balanced(year=2023, fill=1)
    now = balanced(year=2024, fill=1)
    now.apply({"t3.r02.c1": 0, "t3.r01.c1": 2})
    project_file.save(last, tmp_path / "2023.nianbao")
    project_file.save(now, tmp_path / "2024.nianbao")
    proc = run_cli("check", tmp_path / "2024.nianbao", "--previous", tmp_path / "2023.nianbao")
    assert "W-X-CARRY" in proc.stdout
    assert Baseline.from_report(seed(1)).carry == [1, 0, 0, 0, 0, 0, 1]


def test_json_names_the_files_it_could_not_read(tmp_path):
    """A batch audit reading --json sees every file sent in: a .doc or .odt in the folder, or a broken
    file, is an "UNREADABLE" error object saying what to do, not only a line on the terminal."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    shutil.copy(SEEDS / "seed001.nianbao", inbox / "平武.nianbao")
    (inbox / "教育局.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)  # old Word (OLE)
    with zipfile.ZipFile(inbox / "卫生院.odt", "w") as z:  # LibreOffice's text document
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    (inbox / "坏.nianbao").write_text("{", encoding="utf-8")
    proc = run_cli("check", "--json", inbox)
    assert proc.returncode == 1
    bad = {Path(i["file"]).name: i for i in json.loads(proc.stdout) if i["rule"] == "UNREADABLE"}
    assert set(bad) == {"教育局.doc", "卫生院.odt", "坏.nianbao"}
    assert all(i["severity"] == "error" and i["code"] == "unreadable" for i in bad.values())
    assert "另存为”.docx" in bad["教育局.doc"]["message"] and "另存为”.docx" in bad["卫生院.odt"]["message"]
    named = run_cli("check", "--json", inbox / "教育局.doc")
    assert named.returncode == 2 and json.loads(named.stdout)[0]["rule"] == "UNREADABLE"
