"""Time the frozen app from process start to the first painted main window (issue 7: under 1.5 s).

Runs ``dist/nianbao/nianbao [FILE]`` with ``NIANBAO_EXIT_AFTER_PAINT=1`` (gui/app.py prints "painted"
at the first paint and quits) in an office-like environment (no Python variables, fresh settings),
N times. Then the terminal path: CPU and wall time of ``--version`` and ``export FILE -o x.docx``, frozen
next to the source run (``.venv/bin/nianbao``), runs interleaved; goal frozen/source CPU <= 1.2 (issue 10).
Build first: build_scripts/build.sh.

    .venv/bin/python bench/frozen_startup.py [-n 7] [--cold] [FILE]
    xvfb-run -a .venv/bin/python bench/frozen_startup.py      # through X11 (xcb), as on a desktop

``--cold`` (root only) empties the OS file cache before one extra run, as at the first start after boot.
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

from startup import children_cpu, time_to_paint  # bench/ is this script's folder, first on sys.path

ROOT = Path(__file__).resolve().parents[1]
GOAL_S = 1.5
CLI_RATIO_GOAL = 1.2
SOURCE_APP = ROOT / ".venv" / ("Scripts/nianbao.exe" if sys.platform == "win32" else "bin/nianbao")


def office_env(home: str) -> dict[str, str]:
    """An environment like an office PC's: no Python variables, fresh settings, only the display passed on."""
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "zh_CN.UTF-8",
           "NIANBAO_EXIT_AFTER_PAINT": "1", "NIANBAO_SETTINGS_DIR": home, "NIANBAO_DATA_DIR": home}
    passed_on = ("QT_QPA_PLATFORM", "DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "SYSTEMROOT")
    for name in passed_on:
        if name in os.environ:
            env[name] = os.environ[name]
    if not ({"DISPLAY", "WAYLAND_DISPLAY"} & set(env)):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: e.g. CI; under xvfb-run Qt uses xcb
    return env


def to_paint(exe: Path, file: str | None, env: dict) -> tuple[float, float]:
    """Return (wall seconds from spawning the frozen app to its "painted" line, CPU seconds of the run)."""
    return time_to_paint([str(exe), *([file] if file else [])], env)


def to_exit(args: list[str], env: dict) -> tuple[float, float]:
    """Return (wall seconds, CPU seconds) of running ``args`` to its end."""
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, children_cpu() - cpu


def terminal_commands(cli: Path, file: str, n: int, env: dict, out: Path) -> None:
    """Print frozen and source CPU of ``--version`` and ``export``, interleaved runs, and their ratio."""
    commands = {"--version": ["--version"], "export DOCX": ["export", file, "-o", str(out / "x.docx"), "--force"]}
    apps = {"frozen": cli, "source": SOURCE_APP}
    print(f"terminal commands, frozen vs source ({n} interleaved runs each, median; goal CPU ratio <= {CLI_RATIO_GOAL}):")
    for label, args in commands.items():
        for app in apps.values():
            to_exit([str(app), *args], env)  # warm-up: file cache, template cache
        times = {name: [] for name in apps}
        for _ in range(n):
            for name, app in apps.items():
                times[name].append(to_exit([str(app), *args], env))
        cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}
        wall = {name: statistics.median(w for w, _ in runs) for name, runs in times.items()}
        ratio = cpu["frozen"] / cpu["source"]
        print(f"  {label:12} CPU frozen {cpu['frozen']:.3f} s, source {cpu['source']:.3f} s, ratio {ratio:.2f} "
              f"({'OK' if ratio <= CLI_RATIO_GOAL else 'OVER GOAL'}); wall frozen {wall['frozen']:.3f} s, "
              f"source {wall['source']:.3f} s")


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "tests/data/seeds/seed003.nianbao"))
    parser.add_argument("-n", type=int, default=7)
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "nianbao"))
    parser.add_argument("--cold", action="store_true", help="also time one start with an empty file cache")
    args = parser.parse_args()
    exe = Path(args.bundle) / ("nianbao.exe" if sys.platform == "win32" else "nianbao")
    if not exe.exists():
        print(f"frozen_startup: no frozen app at {exe} (run build_scripts/build.sh)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as home:
        env = office_env(home)
        cold = to_paint(exe, args.file, env)[0] if args.cold and drop_caches() else None
        to_paint(exe, None, env)  # warm the file cache, as any second start would be
        runs = [to_paint(exe, args.file, env) for _ in range(args.n)]
    walls = [wall for wall, _ in runs]
    median = statistics.median(walls)
    print(f"frozen start to painted window ({env.get('QT_QPA_PLATFORM', 'default platform')}, {args.n} runs, file {Path(args.file).name}):")
    print(f"  wall: median {median:.3f} s, min {min(walls):.3f} s, max {max(walls):.3f} s")
    print(f"  CPU of the whole run (less sensitive to other load): median {statistics.median(c for _, c in runs):.3f} s")
    if args.cold:
        print(f"  cold file cache: {cold:.3f} s" if cold is not None else "  cold file cache: not measured (not root)")
    print(f"  load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"  goal {GOAL_S:.1f} s:", "OK" if median < GOAL_S else "TOO SLOW")
    if not SOURCE_APP.exists():
        print(f"frozen_startup: no source app at {SOURCE_APP} (run .ci/run); terminal commands not compared")
        return 0
    cli = exe.with_name("nianbao-cli.exe") if sys.platform == "win32" else exe
    with tempfile.TemporaryDirectory() as home:
        terminal_commands(cli, args.file, args.n, office_env(home), Path(home))
    return 0


if __name__ == "__main__":
    sys.exit(main())
