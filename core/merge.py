"""汇总: add up the tables of several reports of the same year and format into one report."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ReportError
from .messages import merge as msg
from .model.money_unit import KEY as MONEY_UNIT, in_wan, money_unit, with_unit
from .model.report import Report
from .model.values import format_value, is_number
from .schema import UNIT_WAN
from .rules import check_report
from .rules.cells import cell_place

NOTES_KEY = "merge_notes"  # Report.extra key: what the clerk should know about the merge
_MAX_LISTED = 5


def _name(report: Report, file: str) -> str:
    return msg.source_name(report.meta.get("unit") or "", file)


def _refuse_mixed(items: list[tuple[Report, str]]) -> None:
    years = {r.meta.get("year") for r, _ in items}
    if len(years) > 1:
        raise ReportError(msg.mixed_years([(_name(r, f), r.meta.get("year")) for r, f in items]))
    forms = {r.form.id for r, _ in items}
    if len(forms) > 1:
        raise ReportError(msg.mixed_forms([(_name(r, f), r.form.name) for r, f in items]))


def find_duplicates(items: list[tuple[Report, str]]) -> list[tuple[str, str, str]]:
    """Return (file, file, why) for inputs that are the same unit and year, or the same content."""
    from .review.duplicates import duplicate_groups, fingerprint
    from .unit_names import same_unit

    keyed = [(i, r.meta.get("unit") or "", r.meta.get("year"), fingerprint(r)) for i, (r, _) in enumerate(items)]
    out = []
    for group in duplicate_groups(keyed):
        first = group[0]
        for other in group[1:]:
            (a, fa), (b, fb) = items[first], items[other]
            why = msg.SAME_UNIT if same_unit(a.meta.get("unit") or "", b.meta.get("unit") or "") else msg.SAME_CONTENT
            out.append((fa or _name(a, ""), fb or _name(b, ""), why))
    return out


def merged_unit_name(units: list[str]) -> str:
    """Return the unit name of a 汇总 report: 「X等N个单位（汇总）」."""
    return msg.merged_unit_name(next((u for u in units if u), ""), len(units))


def merge_reports(items: list[tuple[Report, str]], *, allow_duplicates: bool = False) -> Report:
    """Return a report whose every T2/T3/T4 cell is the sum of that cell in the given reports.

    ``items`` are (report, file name) pairs of the same year and format; otherwise a
    :class:`ReportError` names them. Two inputs of the same unit and year, or of the same
    content, are refused (they would be counted twice) unless ``allow_duplicates``.
    Blank + blank stays blank; a blank beside numbers counts as 0 and is noted; a cell holding
    text that is not a number is left out of the sum and noted. The sources (unit, file, errors,
    warnings) are kept in ``report.sources`` and the notes in ``report.extra["merge_notes"]``,
    the first of which names every unit merged.
    """
    items = list(items)
    if not items:
        raise ReportError(msg.NOTHING_TO_MERGE)
    _refuse_mixed(items)
    if not allow_duplicates:
        dups = find_duplicates(items)
        if dups:
            raise ReportError(msg.duplicates(dups))
    first = items[0][0]
    form = first.form
    year = first.meta.get("year")
    units = [r.meta.get("unit") or "" for r, _ in items]
    merged = Report(form.id, unit=merged_unit_name(units), year=year)
    merged.meta["signer"] = ""
    notes: list[str] = [msg.units_merged(units)]
    blanks: dict[int, list[str]] = {}
    unit = merged.meta[MONEY_UNIT] = _merged_unit(items, notes)
    for spec in form.cells:
        ref = spec.ref
        total = None
        missing: list[int] = []
        for i, (r, _) in enumerate(items):
            v = _in_unit(r, ref, unit)
            if is_number(v):
                total = v if total is None else total + v
            elif isinstance(v, str):
                notes.append(msg.not_a_number(_name(r, items[i][1]), cell_place(spec), v))
            else:
                missing.append(i)
        if total is not None:
            for i in missing:
                blanks.setdefault(i, []).append(ref)
        merged.values[ref] = total
    for i, refs in sorted(blanks.items()):
        r, file = items[i]
        where = "、".join(cell_place(form.cell(x)) for x in refs[:_MAX_LISTED])
        notes.append(msg.blanks_as_zero(_name(r, file), where, len(refs) if len(refs) > _MAX_LISTED else 0))
    sources = []
    for r, file in items:
        findings = check_report(r, final=True)
        errors = sum(f.is_error for f in findings)
        sources.append({"unit": r.meta.get("unit") or "", "file": str(file), "year": r.meta.get("year"),
                        "errors": errors, "warnings": len(findings) - errors})
        if errors:
            notes.append(msg.source_has_errors(_name(r, file), errors))
    merged.sources = sources
    merged.extra[NOTES_KEY] = notes
    return merged


def _merged_unit(items: list[tuple[Report, str]], notes: list[str]) -> str | None:
    """The unit of the merged 2019 采购总金额: the one every input states, else 万元 (with notes).

    An input that states no unit is added as it is, with a note; 元 beside 万元 is converted.
    """
    stated = {money_unit(r) for r, _ in items} - {None}
    unit = stated.pop() if len(stated) == 1 else UNIT_WAN if stated else None
    for r, file in items:
        own = money_unit(r)
        for ref in r.form.chosen_unit_cells:
            v = r.values.get(ref)
            if not is_number(v) or v == 0 or own == unit:
                continue
            place = cell_place(r.form.cell(ref))
            if own is None:
                notes.append(msg.amount_unit_unstated(_name(r, file), place, unit))
            else:
                notes.append(msg.amount_converted(_name(r, file), place, format_value(v),
                                                  format_value(_in_unit(r, ref, unit))))
    return unit


def _in_unit(r: Report, ref: str, unit: str | None):
    """The value of ``ref`` in ``unit``: a chosen-unit amount in 元 converted when the merge adds 万元."""
    v = r.values.get(ref)
    own = money_unit(r)
    if unit is not None and own is not None and own != unit and is_number(v) and r.form.cell(ref).chosen_unit:
        return in_wan(v, own)
    return v


def merge_notes(report: Report) -> list[str]:
    """Return the notes recorded when ``report`` was merged (empty for other reports)."""
    notes = report.extra.get(NOTES_KEY)
    return list(notes) if isinstance(notes, list) else []


def write_breakdown(items: list[tuple[Report, str]], merged: Report, path: str | os.PathLike) -> None:
    """Write 明细: every 表二/表三/表四 cell, one column per unit, and the 汇总 total; and the 来源 sheet."""
    from .io.atomic import write_atomic
    from .io.xlsx_stream import Column, Style, XlsxStreamWriter
    from .review.outputs import REVIEW_OUTPUT
    from .rules.cells import short_row
    from .schema import TABLE_NAMES

    form = merged.form
    heads = [_name(r, f) for r, f in items]
    unit = money_unit(merged)

    def write(tmp: Path) -> None:
        w = XlsxStreamWriter(tmp, category=REVIEW_OUTPUT)
        try:
            cols = [Column(h, wd) for h, wd in zip(msg.BREAKDOWN_HEADERS, (5, 30, 16, 11))]
            cols += [Column(h, 12) for h in heads] + [Column(msg.TOTAL_COLUMN, 12)]
            with w.sheet(msg.BREAKDOWN_SHEET, cols, title=merged.meta["unit"]) as s:
                lead = [0, Style.WRAP, Style.WRAP, 0]
                for spec in form.cells:
                    values = [_in_unit(r, spec.ref, unit) for r, _ in items]
                    values = [v if is_number(v) or v is None else str(v) for v in values]
                    col = with_unit(spec.col_label, unit) if spec.chosen_unit else spec.col_label
                    s.row([TABLE_NAMES[spec.table], short_row(spec.row_label), col, spec.ref,
                           *values, merged.values.get(spec.ref)], lead + [0] * (len(values) + 1))
            with w.sheet(msg.SOURCES_SHEET, [Column(h, wd) for h, wd in zip(msg.SOURCES_HEADERS,
                                                                            (6, 30, 50, 6, 6))]) as s:
                for i, src in enumerate(merged.sources, 1):
                    s.row([i, src["unit"], src["file"], src["errors"], src["warnings"]],
                          [0, Style.WRAP, Style.WRAP, Style.ERROR if src["errors"] else 0, 0])
        finally:
            w.close()

    write_atomic(path, write)
