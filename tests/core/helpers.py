"""Builders for reports used by several core tests."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from core.io import project_file
from core.model import Report, recompute_all

DATA = Path(__file__).resolve().parents[1] / "data"


def seed(n: int) -> Report:
    """Return seed report ``n`` (0–4) as entered by hand into a project file."""
    return project_file.load(DATA / "seeds" / f"seed00{n}.nianbao")


def balanced(year: int = 2024, fill: int = 0) -> Report:
    """Return a fully filled report whose totals are derived from its parts."""
    r = Report.new("测试县人民政府办公室", year)
    for c in r.form.cells:
        if not c.derived:
            r.values[c.ref] = fill if c.kind.value != "money" else __import__("decimal").Decimal(fill)
    r.apply(recompute_all(r))
    return r


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args) -> CliResult:
    """Run ``nianbao ARGS`` in this process, through the entry point the installed command uses."""
    from gui.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: bad arguments, --help, --version
            code = exc.code if isinstance(exc.code, int) else 2
    return CliResult(code, out.getvalue(), err.getvalue())


def run_process(*args) -> subprocess.CompletedProcess:
    """Run ``nianbao ARGS`` as a process of its own: for what only a whole process shows."""
    return subprocess.run([sys.executable, "-m", "gui.main", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8")
