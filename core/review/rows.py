"""What 批量审核 keeps about each file (made in worker processes, so plain picklable data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..messages import audit as msg

if TYPE_CHECKING:
    from ..io.read_result import ReadNote
    from ..rules.base import Finding


@dataclass
class AuditRow:
    """One file's outcome: who and which year it is, its counts and its findings (or why it is unreadable)."""

    file: str
    unit: str = ""
    year: int | None = None
    form: str = ""  # the format's name, as the audit sheet shows it
    form_id: str = ""
    errors: int = 0
    warnings: int = 0  # not explained
    explained: int = 0  # warnings the unit has explained (说明型审核)
    bad_cells: int = 0  # cells holding text that is not a number
    notes: list["ReadNote"] = field(default_factory=list)
    findings: list["Finding"] = field(default_factory=list)  # of the final check, errors first
    explanations: list[str | None] = field(default_factory=list)  # beside ``findings``: its explanation
    unreadable: str | None = None  # Chinese reason when the file could not be read
    timed_out: bool = False  # reading took longer than its budget
    date: str | None = None  # the report's 成文日期 (ISO), as read
    deadline: str | None = None  # the last day to publish it (ISO), by the rule pack
    fingerprint: str = ""  # of the tables and narrative; "" when too little is filled to tell
    duplicates: list[str] = field(default_factory=list)  # other files of the same unit and year, or content
    merged_units: int = 0  # a 汇总 report (nianbao merge): how many units' reports it adds up

    @property
    def overdue(self) -> bool:
        return bool(self.date and self.deadline and self.date > self.deadline)

    @property
    def status(self) -> str:
        return msg.status(self.unreadable, self.errors, self.warnings, self.timed_out, bool(self.duplicates),
                          self.merged_units)


@dataclass
class AuditResult:
    """What 批量审核 found: one row per file, the XLSX written (if any) and the time taken."""

    rows: list[AuditRow]
    out_xlsx: object = None
    seconds: float = 0.0
    cancelled: bool = False
    pack_name: str = ""
    submissions: list = field(default_factory=list)  # core.review.submissions.Submission, with --expect
    folder: str = ""  # the folder audited (the GUI suggests 审核意见 beside it)

    @property
    def with_errors(self) -> list[AuditRow]:
        return [r for r in self.rows if r.errors]

    @property
    def unreadable(self) -> list[AuditRow]:
        return [r for r in self.rows if r.unreadable]

    @property
    def has_errors(self) -> bool:
        """Whether any report has errors or could not be read."""
        return any(r.errors or r.unreadable for r in self.rows)
