"""批量审核: finding reports under folders, checking each (in worker processes), the XLSX audit report."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from core.audit import INLINE_BELOW, audit_paths, find_reports
from core.io import project_file
from core.messages.audit import SUMMARY_HEADERS

from .helpers import DATA, balanced, run_cli

SEEDS = DATA / "seeds"



def sheet_rows(path, name):
    wb = load_workbook(path, read_only=True)
    rows = [tuple(r) for r in wb[name].iter_rows(values_only=True)]
    wb.close()
    return rows


@pytest.fixture
def seeds_folder(tmp_path, seeds_dir):
    """The real seed reports (.txt as extracted from Word) in a folder, plus a subfolder and junk."""
    folder = tmp_path / "各县年报"
    sub = folder / "乡镇"
    sub.mkdir(parents=True)
    for f in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(f, (sub if f.name.startswith("002") else folder) / f.name)
    (folder / "照片.jpg").write_bytes(b"\xff\xd8")  # not a report kind: ignored
    (folder / "~$临时.docx").write_bytes(b"lock")  # Word lock file: ignored
    (folder / "坏文件.nianbao").write_text("{", encoding="utf-8")  # unreadable: a row, not an abort
    return folder


def test_find_reports_walks_folders(seeds_folder):
    names = [p.name for p in find_reports([seeds_folder])]
    assert len(names) == 6 and "坏文件.nianbao" in names and "002_8b82d1f9e6f02d87.txt" in names
    assert "照片.jpg" not in names and "~$临时.docx" not in names


@pytest.mark.slow
def test_auditing_the_seeds_names_seed000s_t4_errors(seeds_folder, tmp_path):
    out = tmp_path / "审核结果.xlsx"
    seen = []
    result = audit_paths([seeds_folder], out, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert len(result.rows) == 6 and result.has_errors
    (bad,) = result.unreadable
    assert bad.file.endswith("坏文件.nianbao") and "损坏" in bad.unreadable

    summary = sheet_rows(out, "汇总")
    assert summary[0] == SUMMARY_HEADERS
    by_file = {r[0].rsplit("/", 1)[-1]: r for r in summary[1:] if r and r[0] and r[0].endswith((".txt", ".nianbao"))}
    zg = by_file["000_645300658a2fdd63.txt"]
    assert zg[1:6] == ("左贡县人民政府", 2024, "国办公开办函〔2021〕30号", 2, zg[5]) and zg[10] == "有错误"
    assert by_file["001_d5e9c381233c1b80.txt"][4] == 0
    assert by_file["坏文件.nianbao"][10].startswith("无法读取")

    findings = sheet_rows(out, "问题清单")
    t4 = [r for r in findings if r[0].endswith("000_645300658a2fdd63.txt") and r[2] == "E-T4-SUM"]
    assert len(t4) == 2 and all(r[1] == "左贡县人民政府" and r[3] == "错误" for r in t4)
    assert "表四“行政复议·总计”" in t4[0][4] and "行政复议" in t4[0][5] and "复议后起诉" in t4[1][5]
    assert any(r[2] == "无法读取" and r[0].endswith("坏文件.nianbao") for r in findings)
    assert not [r for r in findings if r[2] and r[2].startswith("W-TXT")]  # no false text warnings


def test_text_findings_carry_the_quoted_sentence(tmp_path):
    r = balanced(fill=1)
    r.apply({"text.overview": "全年共受理政府信息公开申请9件。"})
    project_file.save(r, tmp_path / "a.nianbao")
    audit_paths([tmp_path], tmp_path / "out.xlsx")
    (row,) = [x for x in sheet_rows(tmp_path / "out.xlsx", "问题清单") if x[2] == "W-TXT-T3"]
    assert row[6] == "全年共受理政府信息公开申请9件。" and "为 6" in row[5]


@pytest.mark.slow
def test_many_files_use_worker_processes_and_keep_order(tmp_path):
    n = INLINE_BELOW + 6
    for i in range(n):
        r = balanced(fill=0)  # balanced tables: no errors
        r.meta["unit"] = f"第{i:02d}单位"
        if i % 5 == 0:
            r.values["t4.f5"] = 99
        project_file.save(r, tmp_path / f"{i:02d}.nianbao", backup=False)
    result = audit_paths([tmp_path], workers=2)
    assert [row.unit for row in result.rows] == [f"第{i:02d}单位" for i in range(n)]
    assert [bool(row.errors) for row in result.rows] == [i % 5 == 0 for i in range(n)]


def test_stopping_early_keeps_what_was_checked(tmp_path):
    for i in range(5):
        project_file.save(balanced(), tmp_path / f"{i}.nianbao", backup=False)
    calls = []
    result = audit_paths([tmp_path], progress=lambda d, t: calls.append(d), should_stop=lambda: len(calls) > 2)
    assert result.cancelled and len(result.rows) == 2


def test_cli_check_folder_writes_the_audit_and_exits_1_on_errors(tmp_path):
    out = tmp_path / "audit.xlsx"
    proc = run_cli("check", SEEDS, "--report", out)
    assert proc.returncode == 1, proc.stderr
    # one line per file: the findings are in the workbook
    assert "seed000.nianbao：左贡县人民政府 2024年度 · 2 个错误" in proc.stdout and "E-T4-SUM" not in proc.stdout
    assert len(proc.stdout.splitlines()) == 5
    assert "共检查 5 个文件：1 个有错误" in proc.stderr
    assert any(r[2] == "E-T4-SUM" for r in sheet_rows(out, "问题清单"))


def test_cli_check_clean_folder_exits_0_and_unreadable_named_file_2(tmp_path):
    clean = tmp_path / "clean"
    clean.mkdir()
    for n in (1, 2, 3):
        shutil.copy(SEEDS / f"seed00{n}.nianbao", clean)
    assert run_cli("check", clean).returncode == 0
    (clean / "坏.nianbao").write_text("{", encoding="utf-8")
    proc = run_cli("check", clean)
    assert proc.returncode == 1 and "坏.nianbao" in proc.stderr  # a row of the audit, not an abort
    assert "seed003.nianbao" in proc.stdout
    proc = run_cli("check", clean, tmp_path / "没有.nianbao")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_cli_check_folder_json(tmp_path):
    import json

    proc = run_cli("check", "--json", SEEDS)
    items = json.loads(proc.stdout)
    assert {"t4.f5", "t4.f1"} <= {c for i in items if i["rule"] == "E-T4-SUM" for c in i["cells"]}


def test_cli_check_json_is_the_same_for_a_folder_and_its_files(tmp_path):
    """批量审核 prints the findings with the same keys and values as checking each file."""
    import json

    folder = tmp_path / "年报"
    folder.mkdir()
    for n in (0, 4):
        shutil.copy(SEEDS / f"seed00{n}.nianbao", folder)
    files = sorted(str(p) for p in folder.iterdir())
    by_folder = run_cli("check", "--json", folder)
    by_files = run_cli("check", "--json", *files)
    assert by_folder.returncode == by_files.returncode == 1
    items = json.loads(by_folder.stdout)
    assert items == json.loads(by_files.stdout) and items
    assert all({"file", "rule", "severity", "cells", "message"} <= set(i) for i in items)
    assert {i["severity"] for i in items} == {"error", "warning"}


def test_a_stop_in_worker_processes_returns_within_half_a_second(tmp_path):
    import time

    n = INLINE_BELOW * 10  # real reports, checked in worker processes
    for i in range(n):
        shutil.copy(SEEDS / "seed003.nianbao", tmp_path / f"{i:03d}.nianbao")
    asked: list[float] = []

    def stop() -> bool:
        if not asked:
            asked.append(time.perf_counter())  # the clerk presses 取消 at the first look
        return True

    result = audit_paths([tmp_path], workers=2, progress=lambda d, t: None, should_stop=stop)
    assert result.cancelled and len(result.rows) < n
    # the busy workers are not waited for: well within the half second
    assert time.perf_counter() - asked[0] < 0.3
