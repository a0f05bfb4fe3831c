"""The project file (.nianbao): UTF-8 JSON that other tools can read too."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import FileReadError
from ..model.deviation import TableDeviation
from ..model.report import SECTION_IDS, Baseline, Report
from ..schema import FORMS, TABLE_NAMES, CellKind
from .atomic import write_atomic

KIND = "nianbao-report"
VERSION = 1
EXTENSION = ".nianbao"
MAX_BYTES = 20 * 1024 * 1024

_KNOWN_KEYS = {"kind", "version", "form", "meta", "text", "tables", "stale_sections", "baseline",
               "sources", "table_deviations", "app"}


# -- writing ------------------------------------------------------------------------------
def _dump(obj: Any, indent: int = 0) -> str:
    """Serialise to JSON, writing Decimal exactly as typed (json cannot)."""
    pad = "  " * indent
    if isinstance(obj, Decimal):
        return format(obj, "f")
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        inner = ",\n".join(f"{pad}  {json.dumps(str(k), ensure_ascii=False)}: {_dump(v, indent + 1)}"
                           for k, v in obj.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if all(not isinstance(x, (dict, list, tuple)) for x in obj):
            return "[" + ", ".join(_dump(x, indent + 1) for x in obj) + "]"
        inner = ",\n".join(pad + "  " + _dump(x, indent + 1) for x in obj)
        return "[\n" + inner + "\n" + pad + "]"
    return json.dumps(obj, ensure_ascii=False)


def report_to_dict(report: Report) -> dict:
    """Return the project-file structure of ``report``."""
    form = report.form
    tables = {}
    for t in form.tables:
        rows = [[report.values[ref] for ref in row.cells] for row in t.rows]
        tables[t.id] = rows[0] if t.id == "t4" else rows
    d: dict[str, Any] = {
        "kind": KIND,
        "version": VERSION,
        "form": form.id,
        "meta": dict(report.meta),
        "text": {s: report.text.get(s, "") for s in SECTION_IDS},
        "tables": tables,
        "stale_sections": sorted(report.stale),
    }
    if report.baseline is not None:
        b = report.baseline
        d["baseline"] = {"year": b.year, "unit": b.unit, "form": b.form, "carry": list(b.carry),
                         "valid": dict(b.valid), "text": dict(b.text), "file": b.file}
    if report.sources:
        d["sources"] = report.sources
    deviations = [dev.to_dict() for dev in report.deviations if dev.is_open(report.values)]
    if deviations:
        d["table_deviations"] = deviations  # E-STRUCT-TABLES stays until the clerk has dealt with it
    from .. import __version__

    d["app"] = {"name": "nianbao", "version": __version__}
    for k, v in report.extra.items():
        d.setdefault(k, v)
    return d


def dumps(report: Report) -> str:
    """Return the project file text of ``report``."""
    return _dump(report_to_dict(report)) + "\n"


def save(report: Report, path: str | os.PathLike, *, backup: bool = True) -> None:
    """Save ``report`` safely: temp file, fsync, replace; the previous file kept as ``.bak``."""
    text = dumps(report)
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), backup=backup)


# -- reading ------------------------------------------------------------------------------
def _bad(msg: str) -> FileReadError:
    return FileReadError(msg)


def _cell(value: Any) -> Any:
    """Return a cell value from JSON: numbers stay exact, text is kept for E-CELL-INT."""
    if value is None or isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    raise _bad(f"单元格内容“{value!r}”无法识别")


def _typed(value: Any, kind: CellKind) -> Any:
    """Money cells hold Decimal; count cells hold int when the number is whole."""
    if kind is CellKind.MONEY and isinstance(value, int):
        return Decimal(value)
    if kind is not CellKind.MONEY and isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def report_from_dict(d: Any) -> Report:
    """Build a report from a parsed project file; raise FileReadError when it is not one."""
    if not isinstance(d, dict) or d.get("kind") != KIND:
        raise _bad("这不是年报助手的项目文件")
    version = d.get("version")
    if not isinstance(version, int) or version < 1:
        raise _bad("项目文件的版本号无效")
    if version > VERSION:
        raise _bad(f"此项目文件由更新版本的年报助手保存（文件版本 {version}），请升级软件后再打开")
    form_id = d.get("form")
    if form_id not in FORMS:
        raise _bad(f"未知的报表格式“{form_id}”（应为 gb2021 或 gb2019）")
    report = Report(form_id)
    meta = d.get("meta") or {}
    if not isinstance(meta, dict):
        raise _bad("项目文件的 meta 部分格式不对")
    for key in report.meta:
        if key in meta and meta[key] is not None:
            report.meta[key] = meta[key]
    year = report.meta.get("year")
    if isinstance(year, Decimal) or (isinstance(year, str) and year.isdigit()):
        report.meta["year"] = int(year)
    if "signer" not in meta:
        report.meta["signer"] = report.meta["unit"]
    text = d.get("text") or {}
    if not isinstance(text, dict):
        raise _bad("项目文件的 text 部分格式不对")
    for s in SECTION_IDS:
        v = text.get(s, "")
        report.text[s] = v if isinstance(v, str) else ""
    tables = d.get("tables")
    if not isinstance(tables, dict):
        raise _bad("项目文件缺少统计表（tables）")
    for t in report.form.tables:
        data = tables.get(t.id)
        if data is None:
            raise _bad(f"项目文件缺少{TABLE_NAMES[t.id]}")
        rows = [data] if t.id == "t4" else data
        shape = t.shape()
        if not isinstance(rows, list) or len(rows) != len(shape) or any(
            not isinstance(r, list) or len(r) != n for r, n in zip(rows, shape)
        ):
            raise _bad(f"{TABLE_NAMES[t.id]}的行列数与{report.form.name}格式不符"
                       f"（应为 {len(shape)} 行）")
        for row_spec, row in zip(t.rows, rows):
            for ref, value in zip(row_spec.cells, row):
                report.values[ref] = _typed(_cell(value), report.form.cell(ref).kind)
    stale = d.get("stale_sections") or []
    report.stale = {s for s in stale if s in SECTION_IDS} if isinstance(stale, list) else set()
    b = d.get("baseline")
    if isinstance(b, dict):
        report.baseline = Baseline(
            year=int(b["year"]) if isinstance(b.get("year"), (int, Decimal)) else None,
            unit=str(b.get("unit") or ""), form=str(b.get("form") or ""),
            carry=[_cell(v) for v in (b.get("carry") or [])][:7],
            valid={k: _cell(v) for k, v in (b.get("valid") or {}).items()},
            text={k: v for k, v in (b.get("text") or {}).items() if isinstance(v, str)},
            file=str(b.get("file") or ""),
        )
    sources = d.get("sources")
    if isinstance(sources, list):
        report.sources = [s for s in sources if isinstance(s, dict)]
    deviations = d.get("table_deviations")
    if isinstance(deviations, list):
        found = (TableDeviation.from_dict(x) for x in deviations if isinstance(x, dict))
        report.deviations = [dev for dev in found if dev is not None]
    report.extra = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
    return report


def loads(text: str) -> Report:
    """Parse project file text."""
    if not text.strip():
        raise _bad("文件是空的")
    try:
        data = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise _bad(f"项目文件已损坏或不完整（第 {getattr(exc, 'lineno', '?')} 行附近无法解析）") from exc
    return report_from_dict(data)


def load(path: str | os.PathLike) -> Report:
    """Read a project file; raise FileReadError with a Chinese message when it cannot be used."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _bad(f"文件过大（{size // 1024 // 1024} MB），不是有效的项目文件")
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise _bad(f"找不到文件“{path}”") from exc
    except IsADirectoryError as exc:
        raise _bad(f"“{path}”是文件夹，不是文件") from exc
    except OSError as exc:
        raise _bad(f"无法读取“{path.name}”：{exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _bad("文件不是 UTF-8 文本，不是年报助手的项目文件") from exc
    return loads(text)


def looks_like_project(path: str | os.PathLike) -> bool:
    """Return whether ``path`` is probably a project file (by extension or first bytes)."""
    path = Path(path)
    if path.suffix.lower() == EXTENSION:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(200)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{") and KIND.encode() in head
