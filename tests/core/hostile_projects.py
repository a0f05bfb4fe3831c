"""Project files with wrong shapes and absurd magnitudes, as hand edits, damage or malice leave them."""

from __future__ import annotations

import json
from pathlib import Path

from .helpers import DATA


def _seed() -> dict:
    return json.loads((DATA / "seeds" / "seed001.nianbao").read_text(encoding="utf-8"))


def _with(change) -> str:
    d = _seed()
    change(d)
    return json.dumps(d, ensure_ascii=False)


def _set(path: str, value_json: str) -> str:
    """Seed 1 with the JSON at ``path`` (dotted, list indexes as numbers) replaced by raw JSON text."""
    d = _seed()
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target = d
    for k in keys[:-1]:
        target = target[k]
    marker = "\u0000MARK\u0000"
    target[keys[-1]] = marker
    return json.dumps(d, ensure_ascii=False).replace(json.dumps(marker), value_json)


# Refused as a whole (exit 2), with a Chinese message.
REFUSED = {
    "form is a list": _set("form", '["gb2021"]'),
    "form is a number": _set("form", "2021"),
    "meta is a list": _set("meta", "[]"),
    "meta.year is a list": _set("meta.year", "[2024]"),
    "meta.year 0": _set("meta.year", "0"),
    "meta.year 9999": _set("meta.year", "9999"),
    "meta.year 10**20": _set("meta.year", "100000000000000000000"),
    "meta.year 1e999999999": _set("meta.year", "1e999999999"),
    "meta.year 5000 digits": _set("meta.year", "9" * 5000),
    "meta.year 2024.5": _set("meta.year", "2024.5"),
    "meta.unit is a list": _set("meta.unit", '["某县"]'),
    "meta.unit is a dict": _set("meta.unit", '{"a": 1}'),
    "meta.unit is a number": _set("meta.unit", "12"),
    "meta.date is a list": _set("meta.date", "[2025, 1, 21]"),
    "meta.deadline is a dict": _set("meta.deadline", "{}"),
    "text is a list": _set("text", '["x"]'),
    "text section is a list": _set("text.overview", '["x"]'),
    "cell is a list": _set("tables.t3.0.0", "[1]"),
    "cell is a dict": _set("tables.t4.0", "{}"),
    "cell text 10k long": _set("tables.t3.0.0", json.dumps("三" * 10_000)),
    "baseline is a list": _set("baseline", "[]"),
    "baseline carry is a dict": _with(lambda d: d.__setitem__("baseline", {"carry": {"a": 1}})),
    "baseline carry holds a list": _with(lambda d: d.__setitem__("baseline", {"carry": [[1]]})),
    "baseline valid is a list": _with(lambda d: d.__setitem__("baseline", {"valid": [1, 2]})),
    "baseline text is a list": _with(lambda d: d.__setitem__("baseline", {"text": ["x"]})),
    "baseline year 10**20": _with(lambda d: d.__setitem__("baseline", {"year": 10 ** 20})),
    "baseline year is a list": _with(lambda d: d.__setitem__("baseline", {"year": [2023]})),
    "baseline unit is a dict": _with(lambda d: d.__setitem__("baseline", {"unit": {}})),
    "stale_sections is a dict": _set("stale_sections", "{}"),
    "version 5000 digits": _set("version", "9" * 5000),
    "version true": _set("version", "true"),
    "NaN in a cell": _set("tables.t3.0.0", "NaN"),
    "Infinity in a cell": _set("tables.t3.0.0", "Infinity"),
    "deep unknown key": _set("extra", "[" * 500 + "]" * 500),
}

# Read, with the cell reported by E-CELL-INT (exit 1), and exportable with --force.
OUT_OF_RANGE_CELLS = {
    "count 1e400": ("tables.t3.0.0", "1e400", "t3.r01.c1"),
    "count 1e999999999": ("tables.t3.0.0", "1e999999999", "t3.r01.c1"),
    "count -1e999999999": ("tables.t4.0", "-1e999999999", "t4.f1"),
    "count 5000-digit integer": ("tables.t3.1.2", "7" * 5000, "t3.r02.c3"),
    "money 1e999999999": ("tables.t2.5.0", "1e999999999", "t2.a8.sf.je"),
    "money 1e-999999999": ("tables.t2.5.0", "1e-999999999", "t2.a8.sf.je"),
    "money 0E-1000000": ("tables.t2.5.0", "0E-1000000", "t2.a8.sf.je"),
}


def write_all(folder: Path) -> dict[str, Path]:
    """Write every refused file into ``folder``; return name -> path."""
    out = {}
    for i, (name, text) in enumerate(REFUSED.items()):
        path = folder / f"refused{i:02d}.nianbao"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


def write_out_of_range(folder: Path) -> dict[str, tuple[Path, str]]:
    """Write every out-of-range file; return name -> (path, the cell's ref)."""
    out = {}
    for i, (name, (where, value, ref)) in enumerate(OUT_OF_RANGE_CELLS.items()):
        path = folder / f"range{i:02d}.nianbao"
        path.write_text(_set(where, value), encoding="utf-8")
        out[name] = (path, ref)
    return out
