"""Time from process start to the first painted main window (issue 3: must stay under 1.0 s).

Runs ``python -m gui.main [FILE]`` with ``NIANBAO_EXIT_AFTER_PAINT=1`` (the window prints
"painted" on its first paint and quits) N times and prints the figures.

    .venv/bin/python bench/startup.py [-n 7] [FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def children_cpu() -> float:
    """CPU seconds used by finished child processes (0 where the resource module is missing)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_to_paint(command: list[str], env: dict, cwd: Path | None = None) -> tuple[float, float]:
    """Return (wall seconds from spawning ``command`` to its "painted" line, CPU seconds of the run)."""
    cpu = children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.strip() == "painted":
            elapsed = time.perf_counter() - start
            break
    else:
        proc.wait()
        raise SystemExit(f"the window never painted (exit code {proc.returncode})")
    proc.wait(timeout=30)
    return elapsed, children_cpu() - cpu


def once(file: str | None, env: dict) -> tuple[float, float]:
    """Return (wall seconds to first paint, CPU seconds of the whole child run)."""
    return time_to_paint([sys.executable, "-m", "gui.main", *([file] if file else [])], env, ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "tests/data/seeds/seed003.nianbao"))
    parser.add_argument("-n", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NIANBAO_EXIT_AFTER_PAINT="1", NIANBAO_SETTINGS_DIR=tmp, NIANBAO_DATA_DIR=tmp)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files; so should we
        once(None, env)  # warm the OS file cache, as a second launch would be
        runs = [once(args.file, env) for _ in range(args.n)]
    times = [wall for wall, _ in runs]
    cpus = [cpu for _, cpu in runs]
    print(f"start to painted window ({env['QT_QPA_PLATFORM']}, {args.n} runs, file {Path(args.file).name}):")
    print(f"  wall: median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s")
    print(f"  CPU of the whole run (less sensitive to other load): median {statistics.median(cpus):.3f} s")
    print(f"  load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print("  budget 1.000 s:", "OK" if statistics.median(times) < 1.0 else "TOO SLOW")
    return 0


if __name__ == "__main__":
    sys.exit(main())
