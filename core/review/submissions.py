"""报送情况: for each expected unit, whether it has reported, twice, late; files of units not on the list."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import audit as msg
from ..unit_names import UnitIndex, normalise, shorter_forms
from .places import file_names

SUBMITTED, MISSING, DUPLICATE, UNLISTED = msg.SUBMITTED, msg.MISSING, msg.DUPLICATE, msg.UNLISTED


@dataclass
class Submission:
    """One row of 报送情况: an expected unit (or a file of a unit not on the list) and its state."""

    unit: str
    status: str  # 已报送 / 未报送 / 重复报送 / 名单外
    rows: list = field(default_factory=list)  # AuditRow of this year, newest first
    other_years: list = field(default_factory=list)  # AuditRow of the unit for other years

    @property
    def main(self):
        """The row whose counts are shown: the newest file of the year."""
        return self.rows[0] if self.rows else None

    @property
    def overdue(self) -> str:
        r = self.main
        if r is None or r.unreadable:
            return ""
        if not r.date:
            return msg.NO_DATE
        return msg.OVERDUE if r.overdue else ""

    @property
    def note(self) -> str:
        parts = []
        if len(self.rows) > 1:
            parts.append(msg.several_files(file_names([r.file for r in self.rows])))
        if self.main is not None and self.main.unreadable:
            parts.append(msg.status(self.main.unreadable, 0, 0, self.main.timed_out, False))
        if self.other_years:
            parts.append(msg.other_years([(r.year, Path(r.file).name) for r in self.other_years]))
        return "；".join(parts)


def audit_year(rows) -> int | None:
    """The year most readable reports are for: the year being collected."""
    years = Counter(r.year for r in rows if not r.unreadable and isinstance(r.year, int))
    return years.most_common(1)[0][0] if years else None


def _mtime(row) -> float:
    try:
        return os.stat(row.file).st_mtime
    except OSError:
        return 0.0


def _by_file_name(row, names: list[tuple[int, str]]) -> int | None:
    """Match a file whose unit could not be read by the expected name its file name holds (longest first)."""
    stem = normalise(Path(row.file).stem)
    best = None
    for i, name in names:
        for form in shorter_forms(name):
            if form and form in stem and (best is None or len(form) > best[1]):
                best = (i, len(form))
            break  # only the name as listed: 「教育局」 inside every file name would match too much
    return best[0] if best else None


def submissions(rows, expected: list[str]) -> list[Submission]:
    """Return 报送情况: one Submission per expected unit in list order, then one per file not on the list."""
    year = audit_year(rows)
    index: UnitIndex[int] = UnitIndex(enumerate(expected))
    listed = list(enumerate(expected))
    exact = {normalise(n): i for i, n in listed}
    matched: dict[int, list] = {i: [] for i in range(len(expected))}
    unlisted = []
    for row in rows:
        if row.merged_units:  # a 汇总 saved among the reports: nobody's submission
            continue
        i = None
        if row.unit:
            i = exact.get(normalise(row.unit))
            if i is None:
                found = index.find(row.unit)
                i = found[0] if found else None
        if i is None and (row.unreadable or not row.unit):
            i = _by_file_name(row, listed)
        if i is None:
            unlisted.append(row)
        else:
            matched[i].append(row)
    out = []
    for i, name in listed:
        found = matched[i]
        this_year = sorted((r for r in found if r.year in (year, None) or r.unreadable), key=_mtime, reverse=True)
        other = [r for r in found if r not in this_year]
        status = MISSING if not this_year else SUBMITTED if len(this_year) == 1 else DUPLICATE
        out.append(Submission(name, status, this_year, other))
    for row in unlisted:
        out.append(Submission(row.unit or Path(row.file).stem, UNLISTED, [row]))
    return out
