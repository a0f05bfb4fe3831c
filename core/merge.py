"""汇总: add up the tables of several reports of the same year and format into one report."""

from __future__ import annotations

from pathlib import Path

from .errors import ReportError
from .messages import merge as msg
from .model.report import Report
from .model.values import is_number
from .rules import check_report
from .rules.cells import cell_place

NOTES_KEY = "merge_notes"  # Report.extra key: what the clerk should know about the merge
_MAX_LISTED = 5


def _name(report: Report, file: str) -> str:
    return msg.source(report.meta.get("unit") or "", Path(file).name if file else "")


def _refuse_mixed(items: list[tuple[Report, str]]) -> None:
    years = {r.meta.get("year") for r, _ in items}
    if len(years) > 1:
        raise ReportError(msg.mixed_years([msg.year_of(_name(r, f), r.meta.get("year")) for r, f in items]))
    forms = {r.form.id for r, _ in items}
    if len(forms) > 1:
        raise ReportError(msg.mixed_forms([msg.form_of(_name(r, f), r.form.name) for r, f in items]))


def merged_unit_name(units: list[str]) -> str:
    """Return the unit name of a 汇总 report: 「X等N个单位（汇总）」."""
    return msg.merged_unit(next((u for u in units if u), ""), len(units))


def merge_reports(items: list[tuple[Report, str]]) -> Report:
    """Return a report whose every T2/T3/T4 cell is the sum of that cell in the given reports.

    ``items`` are (report, file name) pairs of the same year and format; otherwise a
    :class:`ReportError` names them. Blank + blank stays blank; a blank beside numbers counts as
    0 and is noted; a cell holding text that is not a number is left out of the sum and noted.
    The sources (unit, file, errors, warnings) are kept in ``report.sources`` and the notes in
    ``report.extra["merge_notes"]``.
    """
    items = list(items)
    if not items:
        raise ReportError(msg.NOTHING_TO_MERGE)
    _refuse_mixed(items)
    first = items[0][0]
    form = first.form
    year = first.meta.get("year")
    merged = Report(form.id, unit=merged_unit_name([r.meta.get("unit") or "" for r, _ in items]),
                    year=year)
    merged.meta["signer"] = ""
    notes: list[str] = []
    blanks: dict[int, list[str]] = {}
    for spec in form.cells:
        ref = spec.ref
        total = None
        missing: list[int] = []
        for i, (r, _) in enumerate(items):
            v = r.values.get(ref)
            if is_number(v):
                total = v if total is None else total + v
            elif isinstance(v, str):
                notes.append(msg.text_not_counted(_name(r, items[i][1]), cell_place(spec), v))
            else:
                missing.append(i)
        if total is not None:
            for i in missing:
                blanks.setdefault(i, []).append(ref)
        merged.values[ref] = total
    for i, refs in sorted(blanks.items()):
        r, file = items[i]
        places = [cell_place(form.cell(x)) for x in refs[:_MAX_LISTED]]
        notes.append(msg.blanks_counted_as_zero(_name(r, file), places, len(refs)))
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


def merge_notes(report: Report) -> list[str]:
    """Return the notes recorded when ``report`` was merged (empty for other reports)."""
    notes = report.extra.get(NOTES_KEY)
    return list(notes) if isinstance(notes, list) else []
