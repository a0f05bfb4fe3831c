"""Reading in worker processes with a time and memory budget: a file that runs away costs seconds, not the batch."""

from __future__ import annotations

import os
import sys
import time

import pytest

from core.audit import audit_paths
from core.errors import FileReadError
from core.io import import_worker, project_file
from core.io.import_worker import LimitedPool, ReadTimeout, read_isolated

from . import hostile_samples as h
from .helpers import seed


WARM = (__name__,)  # the workers import this module before their first job is timed


# Jobs for the workers (module level: a spawned worker imports them by name).
def nap(seconds: float) -> str:
    time.sleep(seconds)
    return f"slept {seconds}"


def hog(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def die() -> None:
    os._exit(3)


def broken() -> None:
    raise TypeError("a bug in a reader")


@pytest.mark.slow
def test_a_job_over_its_time_is_stopped_and_the_others_go_on():
    pool = LimitedPool(2, seconds=2.0, warm=WARM)
    try:
        t0 = time.perf_counter()
        got = dict(pool.run(nap, [(0.01,), (30,), (0.02,), (0.03,)]))
        elapsed = time.perf_counter() - t0
    finally:
        pool.close()
    assert elapsed < 10
    assert got[1].kind == "timeout" and "读取超时" in got[1].message
    assert [(got[i].kind, got[i].value) for i in (0, 2, 3)] == [("ok", "slept 0.01"), ("ok", "slept 0.02"), ("ok", "slept 0.03")]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_a_job_over_its_memory_is_stopped():
    pool = LimitedPool(1, seconds=20, memory_mb=300, warm=WARM)
    try:
        got = dict(pool.run(hog, [(2000,), (10,)]))
    finally:
        pool.close()
    assert got[0].kind == "memory" and "内存" in got[0].message
    assert got[1].ok and got[1].value == 10 * 1024 * 1024


@pytest.mark.slow
def test_a_dead_worker_and_a_reader_bug_become_messages():
    pool = LimitedPool(1, seconds=20, warm=WARM)
    try:
        got = dict(pool.run(die, [(), ()]))
        got_bug = dict(pool.run(broken, [()]))
    finally:
        pool.close()
    assert got[0].kind == got[1].kind == "crash" and "意外退出" in got[0].message
    assert got_bug[0].kind == "bug" and "TypeError" in got_bug[0].message


@pytest.mark.slow
def test_read_isolated_reads_like_read_any_and_times_out(tmp_path):
    path = tmp_path / "r.nianbao"
    project_file.save(seed(1), path)
    assert read_isolated(path).report.values == seed(1).values
    with pytest.raises(FileReadError, match="找不到文件"):
        read_isolated(tmp_path / "none.docx")
    slow = h.write(tmp_path, "slow.txt", h.slow_text())  # within every cap
    t0 = time.perf_counter()
    with pytest.raises(ReadTimeout, match="读取超时"):
        read_isolated(slow, seconds=0.5)
    assert time.perf_counter() - t0 < 5
    assert read_isolated(path).report.meta["unit"] == seed(1).meta["unit"]  # a fresh worker took over


@pytest.mark.slow
def test_batch_audit_turns_a_slow_file_into_a_row_and_goes_on(tmp_path):
    folder = tmp_path / "各县"
    folder.mkdir()
    for i in range(3):
        project_file.save(seed(i), folder / f"县{i}.nianbao")
    h.write(folder, "慢.txt", h.slow_text())
    result = audit_paths([folder], tmp_path / "审核.xlsx", seconds=1.5)
    rows = {os.path.basename(r.file): r for r in result.rows}
    assert len(rows) == 4 and rows["慢.txt"].status == "读取超时" and rows["慢.txt"].timed_out
    assert all(rows[f"县{i}.nianbao"].unreadable is None for i in range(3))
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "审核.xlsx", read_only=True)
    summary = list(wb["汇总"].iter_rows(values_only=True))
    column = summary[0].index("状态")
    statuses = [r[column] for r in summary if len(r) > column]
    wb.close()
    assert "读取超时" in statuses


def test_the_default_budget_is_a_few_seconds():
    assert 2 <= import_worker.READ_SECONDS <= 10 and import_worker.READ_MEMORY_MB >= 512
