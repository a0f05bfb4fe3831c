"""Start this year's report from last year's: carry-over, baseline and a draft narrative."""

from __future__ import annotations

import re

from .errors import ReportError
from .messages import newyear as msg
from .model.report import SECTION_IDS, Baseline, Report
from .model.values import is_number
from .schema import DEFAULT_DEADLINE, form_for_year


def shift_years(text: str, last_year: int, year: int) -> str:
    """Move the years that denote the report year (and the year after it) on to the new year."""
    delta = year - last_year
    if not delta:
        return text
    moved = {last_year, last_year + 1}

    def repl(m: re.Match) -> str:
        y = int(m.group(0))
        return str(y + delta) if y in moved else m.group(0)

    return re.sub(r"(?<!\d)\d{4}(?=\s*年)", repl, text)


def new_year_from(last: Report, year: int | None = None) -> Report:
    """Return a new report for ``year`` (default: last year + 1) started from ``last``.

    Unit and signer are kept; the format follows the new year; T3 二、上年结转 is last year's
    四、结转下年度继续办理 (every column); last year's report becomes the baseline; every other
    figure starts blank; the narrative is copied as a draft marked 沿用上年.
    """
    last_year = last.meta.get("year")
    if year is None:
        if not isinstance(last_year, int):
            raise ReportError(msg.NO_LAST_YEAR)
        year = last_year + 1
    if isinstance(last_year, int) and year <= last_year:
        raise ReportError(msg.year_not_later(year, last_year))
    form_id = form_for_year(year) or last.form.id
    unit = last.meta.get("unit") or ""
    report = Report(form_id, unit=unit, year=year)
    report.meta["signer"] = last.meta.get("signer") or unit
    report.meta["deadline"] = last.meta.get("deadline") or DEFAULT_DEADLINE
    src, dst = last.form.t3_rows["carry"], report.form.t3_rows["carried"]
    for i in range(1, 8):
        value = last.values.get(f"t3.{src}.c{i}")
        report.values[f"t3.{dst}.c{i}"] = value if is_number(value) else None
    report.baseline = Baseline.from_report(last)
    for section in SECTION_IDS:
        text = last.text.get(section, "") or ""
        if isinstance(last_year, int):
            text = shift_years(text, last_year, year)
        report.text[section] = text
        if text.strip():
            report.stale.add(section)
    return report
