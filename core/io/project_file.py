"""The project file (.nianbao): UTF-8 JSON that other tools can read too."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import FileReadError
from ..messages import project as msg
from ..model.dates import YEAR_MAX, YEAR_MIN
from ..model.deviation import TableDeviation
from ..model.explanations import Explanation, Explanations
from ..model.money_unit import KEY as MONEY_UNIT, valid_unit
from ..model.report import NOTE_IDS, SECTION_IDS, Baseline, Report
from ..model.values import in_range, shorten
from ..schema import FORMS, SECTION_TITLES, TABLE_NAMES, TEXT_IDS, CellKind
from .atomic import write_atomic
from .limits import MAX_PROJECT_BYTES, read_regular_file
from .text_clean import clean_surrogates

KIND = "nianbao-report"
VERSION = 1
EXTENSION = ".nianbao"

_KNOWN_KEYS = {"kind", "version", "form", "meta", "text", "tables", "table_notes", "stale_sections",
               "baseline", "sources", "imported", "table_deviations", "app", "explanations"}


# -- writing ------------------------------------------------------------------------------
def _dump(obj: Any, indent: int = 0) -> str:
    """Serialise to JSON, writing Decimal exactly as typed (json cannot)."""
    pad = "  " * indent
    if isinstance(obj, Decimal):
        # Plain digits as typed; a huge exponent (kept from an unknown key) stays short.
        return format(obj, "f") if obj.is_finite() and abs(obj.as_tuple().exponent) <= 50 else str(obj)
    if isinstance(obj, str):
        return json.dumps(clean_surrogates(obj), ensure_ascii=False)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        inner = ",\n".join(f"{pad}  {_dump(str(k))}: {_dump(v, indent + 1)}"
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
        # meta.money_unit (万元/元 of 2019's 采购总金额) only once stated: older versions ignore it.
        "meta": {k: v for k, v in report.meta.items() if k != MONEY_UNIT or v is not None},
        "text": {s: report.text.get(s, "") for s in SECTION_IDS},
        "tables": tables,
        # The note under each table (added in 0.2: keys of their own, so that an older version keeps them).
        "table_notes": {t: report.text.get(t, "") for t in NOTE_IDS},
        "stale_sections": sorted(report.stale),
    }
    if report.imported.get("sections"):
        d["imported"] = {"sections": list(report.imported["sections"])}
    if report.baseline is not None:
        b = report.baseline
        d["baseline"] = {"year": b.year, "unit": b.unit, "form": b.form, "carry": list(b.carry),
                         "valid": dict(b.valid), "text": dict(b.text), "file": b.file}
        if b.values:
            d["baseline"]["values"] = dict(b.values)
    if report.sources:
        d["sources"] = report.sources
    deviations = [dev.to_dict() for dev in report.deviations if dev.is_open(report.values)]
    if deviations:
        d["table_deviations"] = deviations  # E-STRUCT-TABLES stays until the clerk has dealt with it
    if report.explanations:
        d["explanations"] = [{"rule": e.rule, "cells": list(e.cells), "text": e.text} for e in report.explanations]
    from .. import __version__

    d["app"] = {"name": "nianbao", "version": __version__}
    for k, v in report.extra.items():
        d.setdefault(k, v)
    return d


def dumps(report: Report) -> str:
    """Return the project file text of ``report``."""
    return _dump(report_to_dict(report)) + "\n"


def save(report: Report, path: str | os.PathLike, *, backup: bool = True) -> list[str]:
    """Save ``report`` safely: temp file, fsync, replace; the previous file kept as ``.bak``.

    Return warnings (Chinese) about what did not stop the save, such as a ``.bak`` that could not
    be updated.
    """
    text = dumps(report)
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), backup=backup)


# -- reading ------------------------------------------------------------------------------
# A project file may have been edited by hand, damaged, or made to hurt: every value is checked
# for its shape (a list where text belongs) and its size (1e999999999 has a billion digits)
# before the report is built, so that check, export and the window all get one Chinese message.
MAX_DEPTH = 64  # nesting of JSON objects and lists, unknown keys included
MAX_CELL_TEXT = 200  # characters of text kept in a cell that is not a number
_LONG_INT = 30  # digits above which a JSON integer is read as Decimal (int() of 5,000 digits fails)


def _bad(msg: str) -> FileReadError:
    return FileReadError(msg)


def _type_name(value: Any) -> str:
    return msg.TYPE_NAMES.get(type(value).__name__, type(value).__name__)


def _wrong(where: str, want: str, value: Any) -> FileReadError:
    return _bad(msg.wrong_type(where, want, _type_name(value)))


def _text(value: Any, where: str) -> str | None:
    """Return a text field (None stays None); anything else is a damaged file."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong(where, msg.TEXT, value)
    return clean_surrogates(value)


def _money_unit(value: Any, where: str) -> str | None:
    """Return 「万元」 or 「元」 (blank: None, not stated yet); any other text is a damaged file."""
    text = _text(value, where)
    unit = valid_unit(text)
    if unit is None and (text or "").strip():
        raise _bad(msg.bad_money_unit(where, shorten(text)))
    return unit


def _year(value: Any, where: str) -> int | None:
    """Return a report year within YEAR_MIN..YEAR_MAX (None when blank)."""
    if value is None or value == "":
        return None
    year = None
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    elif isinstance(value, Decimal) and value.is_finite() and value.adjusted() < 6 and value == value.to_integral_value():
        year = int(value)
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
        year = int(value.strip())
    elif isinstance(value, (list, dict, bool)):
        raise _wrong(where, msg.YEAR, value)
    if year is None or not YEAR_MIN <= year <= YEAR_MAX:
        shown = shorten(str(value)) if not isinstance(value, int) or abs(value) < 10 ** 30 else msg.TOO_BIG_NUMBER
        raise _bad(msg.bad_year(where, shown, YEAR_MIN, YEAR_MAX))
    return year


def _cell(value: Any, where: str) -> Any:
    """Return a cell value from JSON: numbers stay exact; text and out-of-range numbers become
    text, which E-CELL-INT reports at the cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, Decimal)):
        return value if in_range(value) else str(value)
    if isinstance(value, str):
        if len(value) > MAX_CELL_TEXT:
            raise _bad(msg.cell_too_long(where, len(value)))
        return clean_surrogates(value)
    raise _wrong(where, msg.CELL, value)


def _typed(value: Any, kind: CellKind) -> Any:
    """Money cells hold Decimal; count cells hold int when the number is whole."""
    if kind is CellKind.MONEY and isinstance(value, int):
        return Decimal(value)
    if kind is not CellKind.MONEY and isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _section(d: dict, key: str, want: type, name: str) -> Any:
    value = d.get(key)
    if value is not None and not isinstance(value, want):
        raise _wrong(name, msg.OBJECT if want is dict else msg.LIST, value)
    return value


def _read_meta(report: Report, meta: dict) -> None:
    for key in report.meta:
        if key not in meta or meta[key] is None:
            continue
        where = msg.meta_field(key)
        if key == "year":
            report.meta[key] = _year(meta[key], where)
        elif key == MONEY_UNIT:
            report.meta[key] = _money_unit(meta[key], where)
        else:
            report.meta[key] = _text(meta[key], where)
    if "signer" not in meta:
        report.meta["signer"] = report.meta["unit"]


_SMALL = 10 ** 9  # a whole number below this is in range for every cell kind (see in_range)


def _read_tables(report: Report, tables: dict) -> None:
    for t in report.form.tables:
        data = tables.get(t.id)
        if data is None:
            raise _bad(msg.table_missing(TABLE_NAMES[t.id]))
        rows = [data] if t.id == "t4" else data
        shape = t.shape()
        if not isinstance(rows, list) or len(rows) != len(shape) or any(
            not isinstance(r, list) or len(r) != n for r, n in zip(rows, shape)
        ):
            raise _bad(msg.table_shape(TABLE_NAMES[t.id], report.form.name, len(shape)))
        values, cell = report.values, report.form.cell
        for i, (row_spec, row) in enumerate(zip(t.rows, rows), 1):
            for j, (ref, value) in enumerate(zip(row_spec.cells, row), 1):
                kind = cell(ref).kind
                if value is None or (type(value) is int and -_SMALL < value < _SMALL):  # nearly every cell
                    values[ref] = Decimal(value) if value is not None and kind is CellKind.MONEY else value
                    continue
                values[ref] = _typed(_cell(value, msg.table_cell(TABLE_NAMES[t.id], i, j)), kind)


def _read_baseline(b: dict) -> Baseline:
    carry = _section(b, "carry", list, msg.BASELINE_CARRY) or []
    valid = _section(b, "valid", dict, msg.BASELINE_VALID) or {}
    text = _section(b, "text", dict, msg.BASELINE_TEXT) or {}
    values = _section(b, "values", dict, msg.BASELINE_VALUES) or {}
    return Baseline(
        year=_year(b.get("year"), msg.BASELINE_YEAR),
        unit=_text(b.get("unit"), msg.BASELINE_UNIT) or "",
        form=_text(b.get("form"), msg.BASELINE_FORM) or "",
        carry=[_cell(v, msg.carry_item(i)) for i, v in enumerate(carry[:7], 1)],
        valid={str(k): _cell(v, msg.valid_item(str(k))) for k, v in valid.items()},
        text={str(k): clean_surrogates(v) for k, v in text.items() if isinstance(v, str)},
        file=_text(b.get("file"), msg.BASELINE_FILE) or "",
        values={str(k): _cell(v, msg.baseline_value(str(k))) for k, v in values.items()},
    )


def report_from_dict(d: Any) -> Report:
    """Build a report from a parsed project file; raise FileReadError when it is not one."""
    if not isinstance(d, dict) or d.get("kind") != KIND:
        raise _bad(msg.NOT_A_PROJECT)
    version = d.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad(msg.BAD_VERSION)
    if version > VERSION:
        raise _bad(msg.newer_version(shorten(str(version))))
    form_id = d.get("form")
    if not isinstance(form_id, str) or form_id not in FORMS:
        shown = shorten(form_id) if isinstance(form_id, str) else _type_name(form_id)
        raise _bad(msg.unknown_form(shown))
    report = Report(form_id)
    _read_meta(report, _section(d, "meta", dict, msg.META) or {})
    text = _section(d, "text", dict, msg.TEXT_SECTION) or {}
    for s in SECTION_IDS:
        report.text[s] = _text(text.get(s), msg.section(SECTION_TITLES.get(s, s), s)) or ""
    tables = d.get("tables")
    if not isinstance(tables, dict):
        raise _bad(msg.NO_TABLES)
    _read_tables(report, tables)
    notes = _section(d, "table_notes", dict, msg.TABLE_NOTES) or {}
    for t in NOTE_IDS:
        report.text[t] = _text(notes.get(t), msg.table_note(TABLE_NAMES[t], t)) or ""
    imported = _section(d, "imported", dict, msg.IMPORTED) or {}
    sections = _section(imported, "sections", list, msg.IMPORTED_SECTIONS) or []
    report.imported["sections"] = tuple(dict.fromkeys(s for s in sections if isinstance(s, str) and s in TEXT_IDS))
    stale = _section(d, "stale_sections", list, msg.STALE) or []
    report.stale = {s for s in stale if isinstance(s, str) and s in SECTION_IDS}
    b = _section(d, "baseline", dict, msg.BASELINE)
    if b is not None:
        report.baseline = _read_baseline(b)
    sources = d.get("sources")
    if isinstance(sources, list):
        report.sources = [s for s in sources if isinstance(s, dict)]
    report.deviations = _read_deviations(d.get("table_deviations"), report)
    report.explanations = _read_explanations(_section(d, "explanations", list, msg.EXPLANATIONS))
    report.extra = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
    return report


def _read_deviations(items: Any, report: Report) -> list[TableDeviation]:
    """The E-STRUCT-TABLES deviations kept since the import; entries this version cannot use are left out."""
    if not isinstance(items, list):
        return []
    out = []
    for item in items[:200]:
        dev = TableDeviation.from_dict(item) if isinstance(item, dict) else None
        if dev is None or len(dev.message) > 2000 or any(c not in report.values for c in dev.cells):
            continue
        if not all(v is None or isinstance(v, (str, int, Decimal)) and not isinstance(v, bool) for v in dev.imported):
            continue
        dev.imported = tuple(_typed(v, report.form.cell(c).kind) for c, v in zip(dev.cells, dev.imported))
        out.append(dev)
    return out


def _read_explanations(items: list | None) -> Explanations:
    """Read ``"explanations": [{"rule", "cells", "text"}]`` (说明型审核); a malformed entry is a damaged file."""
    out = []
    for i, e in enumerate(items or (), 1):
        cells = e.get("cells", []) if isinstance(e, dict) else None
        if not (isinstance(e, dict) and isinstance(e.get("rule"), str) and isinstance(e.get("text"), str)
                and isinstance(cells, list) and all(isinstance(c, str) for c in cells)):
            raise _bad(msg.bad_explanation(i))
        out.append(Explanation(e["rule"], tuple(cells), clean_surrogates(e["text"])))
    return Explanations(out)


def _parse_int(text: str) -> int | Decimal:
    return int(text) if len(text) <= _LONG_INT else Decimal(text)


def _no_constant(text: str):
    raise ValueError(f"{text} is not a number a report holds")


def _check_depth(data: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH (saving it again would overflow the stack)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _bad(msg.TOO_DEEP)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))


def loads(text: str) -> Report:
    """Parse project file text."""
    if not text.strip():
        raise _bad(msg.EMPTY)
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_parse_int, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _bad(msg.unparsable(exc.lineno)) from exc
    except (ValueError, RecursionError) as exc:  # NaN, Infinity, nesting beyond the parser
        raise _bad(msg.BAD_NUMBER) from exc
    _check_depth(data)
    return report_from_dict(data)


def load(path: str | os.PathLike) -> Report:
    """Read a project file; raise FileReadError with a Chinese message when it cannot be used."""
    raw = read_regular_file(path, MAX_PROJECT_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.end >= len(raw) - 1 and exc.start >= len(raw) - 4:  # a character cut in two at the end
            raise _bad(msg.CUT_SHORT) from exc
        raise _bad(msg.NOT_UTF8) from exc
    return loads(text)


def looks_like_project(path: str | os.PathLike) -> bool:
    """Return whether ``path`` is probably a project file (by extension or first bytes)."""
    path = Path(path)
    if path.suffix.lower() == EXTENSION:
        return True
    try:
        if not path.is_file():  # a pipe would block the read below
            return False
        with open(path, "rb") as fh:
            head = fh.read(200)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{") and KIND.encode() in head
