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
from core.schema import CellKind

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
ANSWERS = ROOT.parent / "shared" / "seeds" / "answers.json"


def seed(n: int) -> Report:
    """Return seed report ``n`` (0–4) as a project file: its tables, unit and year are the hand-read
    answers (answers.json), its narrative is cut from the seed's text (data/seeds/make_seed_projects.py)."""
    return project_file.load(DATA / "seeds" / f"seed00{n}.nianbao")


def answer(n: int) -> Report:
    """Return the hand-read truth of seed ``n`` from ../shared/seeds/answers.json: format, unit, year, tables."""
    import json
    from decimal import Decimal

    data = json.loads(ANSWERS.read_text(encoding="utf-8"), parse_float=Decimal)
    known = data[sorted(data)[n]]
    report = Report(known["form"], unit=known["unit"], year=known["year"])
    for table in report.form.tables:
        rows = [known["t4"]] if table.id == "t4" else known[table.id]
        assert [len(r) for r in rows] == table.shape(), table.id
        for spec, row in zip(table.rows, rows):
            for ref, value in zip(spec.cells, row):
                money = report.form.cell(ref).kind is CellKind.MONEY
                report.values[ref] = Decimal(str(value)) if money else value
    return report


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
