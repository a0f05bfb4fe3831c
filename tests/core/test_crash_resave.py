"""Power cut during a save: kill a re-saving process at random moments, dozens of times.

After every kill the file and its ``.bak`` must each be a complete, valid version, and after
the next save no temporary file may remain.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from core.io import atomic, project_file
from core.model import Report

KILLS = 40
VERSIONS = 4
TEXT_CHARS = 120_000  # about 360 KB a file: a save takes a few ms, so kills land inside it


def _version(i: int) -> Report:
    r = Report.new("某县人民政府办公室", 2024)
    r.text["overview"] = f"版本{i}：" + ("本机关认真贯彻落实政府信息公开条例。" * (TEXT_CHARS // 18))
    r.values["t3.r01.c1"] = i
    return r


def _which(path) -> int:
    """Return which version a file holds; fail when it is not a complete, valid one."""
    report = project_file.load(path)
    i = report.values["t3.r01.c1"]
    assert report.text["overview"] == _version(i).text["overview"], f"{path.name} is mixed or cut short"
    return i


_CHILD = """
import sys
from core.io import project_file
from tests.core.test_crash_resave import _version
versions = [_version(i) for i in range({n})]
i = 0
print("saving", flush=True)
while True:
    project_file.save(versions[i % {n}], sys.argv[1])
    i += 1
"""


def _start_saver(path):
    """Start a process that saves the versions over ``path`` in a loop; return (pid, wait)."""
    if hasattr(os, "fork"):
        versions = [_version(i) for i in range(VERSIONS)]
        pid = os.fork()
        if pid == 0:  # the child: save until killed, never return into pytest
            try:
                i = 0
                while True:
                    project_file.save(versions[i % VERSIONS], path)
                    i += 1
            finally:
                os._exit(1)
        return pid, lambda: os.waitpid(pid, 0)
    proc = subprocess.Popen([sys.executable, "-c", _CHILD.format(n=VERSIONS), str(path)],
                            stdout=subprocess.PIPE, text=True)
    proc.stdout.readline()
    return proc.pid, proc.wait


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL") and not hasattr(os, "fork"), reason="needs kill")
def test_killed_resaves_leave_a_valid_file_and_bak(tmp_path):
    rnd = random.Random(12)
    path = tmp_path / "年报.nianbao"
    bak = tmp_path / "年报.nianbao.bak"
    project_file.save(_version(0), path)
    project_file.save(_version(1), path)
    t0 = time.perf_counter()
    project_file.save(_version(2), path)
    one_save = time.perf_counter() - t0
    temps_seen = 0
    for _ in range(KILLS):
        pid, wait = _start_saver(path)
        time.sleep(rnd.uniform(0, one_save * 6))
        os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
        wait()  # reaped: its temp files are now stale
        _which(path)
        _which(bak)
        temps_seen += any(p.name.endswith(atomic.TEMP_SUFFIX) for p in tmp_path.iterdir())
    project_file.save(_version(3), path)
    assert _which(path) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["年报.nianbao", "年报.nianbao.bak"]
    assert temps_seen, "no kill landed inside a save: the test did not test anything"
