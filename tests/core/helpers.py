"""Builders for reports used by several core tests."""

from __future__ import annotations

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
