"""Whole-process export time: ``nianbao export seed -o out.docx|html|xlsx`` (goal: under 0.5 s).

Run: ``.venv/bin/python bench/export.py [runs]``. Each figure is the best and the median of
``runs`` fresh processes (interpreter start, imports, reading, final check, rendering and the
atomic write). "cold" empties the compiled-template cache before every run; "warm" is the
usual case after the first export. Bytecode files are allowed (as in an installed app), so
PYTHONDONTWRITEBYTECODE is removed from the children's environment. The anchor is the same
process with ``nianbao check`` (reading and checking only): the ratio says what exporting adds.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows
    resource = None

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "seeds" / "seed003.nianbao"


def timed(args: list[str], env: dict, before=None) -> tuple[float, float]:
    """Return (wall time, CPU time) of one child process."""
    if before:
        before()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    if resource is None:
        return wall, float("nan")
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)


def measure(name: str, args: list[str], env: dict, runs: int, before=None, anchor: float | None = None) -> float:
    """Print and return the median wall time of ``args``; with ``anchor``, the ratio to it."""
    timed(args, env, before)  # warm the OS file cache and write bytecode
    runs_ = [timed(args, env, before) for _ in range(runs)]
    wall = [w for w, _ in runs_]
    cpu = [c for _, c in runs_]
    median = statistics.median(wall)
    ratio = f"   × {median / anchor:.2f} of check" if anchor else ""
    print(f"{name:<34} best {min(wall):.3f} s   median {median:.3f} s   (CPU best {min(cpu):.3f} s){ratio}")
    return median


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    work = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    cache = work / "cache"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NIANBAO_CACHE_DIR"] = str(cache)
    py = [sys.executable]
    cli = py + ["-m", "gui.main"]
    try:
        print(f"seed: {SEED.name}, {runs} runs each, {os.cpu_count()} CPUs, "
              f"load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
        measure("python -c pass", py + ["-c", "pass"], env, runs)
        check = measure("nianbao check", cli + ["check", str(SEED)], env, runs)
        docx = cli + ["export", str(SEED), "-o", str(work / "r.docx")]
        measure("nianbao export → docx (cold cache)", docx, env, runs,
                before=lambda: shutil.rmtree(cache, ignore_errors=True), anchor=check)
        measure("nianbao export → docx (warm cache)", docx, env, runs, anchor=check)
        measure("nianbao export → html", cli + ["export", str(SEED), "-o", str(work / "r.html")], env, runs,
                anchor=check)
        measure("nianbao export → xlsx", cli + ["export", str(SEED), "-o", str(work / "r.xlsx")], env, runs,
                anchor=check)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
