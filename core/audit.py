"""批量审核: find every importable report under folders, check each, write an XLSX audit report."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from .errors import ReportError
from .messages import audit as msg

if TYPE_CHECKING:
    from .io.read_result import ReadNote
    from .rules.base import Finding

INLINE_BELOW = 24  # fewer project files than this are checked in this process: starting workers costs more


@dataclass
class AuditRow:
    """One file's outcome: who and which year it is, its counts and its findings (or why it is unreadable)."""

    file: str
    unit: str = ""
    year: int | None = None
    form: str = ""  # the format's name, as the audit sheet shows it
    form_id: str = ""
    errors: int = 0
    warnings: int = 0
    bad_cells: int = 0  # cells holding text that is not a number
    notes: list["ReadNote"] = field(default_factory=list)
    findings: list["Finding"] = field(default_factory=list)  # of the final check, errors first
    unreadable: str | None = None  # Chinese reason when the file could not be read
    timed_out: bool = False  # reading took longer than its budget (core.io.import_worker)

    @property
    def status(self) -> str:
        return msg.status(self.unreadable, self.errors, self.warnings, timed_out=self.timed_out)


@dataclass
class AuditResult:
    """What 批量审核 found: one row per file, the XLSX written (if any) and the time taken."""

    rows: list[AuditRow]
    out_xlsx: Path | None = None
    seconds: float = 0.0
    cancelled: bool = False

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


# -- finding files -------------------------------------------------------------------------


def _skippable(name: str) -> bool:
    # Word lock files (~$x.docx), hidden files, our own temporary and backup files.
    return name.startswith(("~$", ".")) or name.endswith((".bak", ".tmp"))


def find_reports(paths: Iterable[str | os.PathLike], suffixes: Sequence[str] | None = None) -> list[Path]:
    """Return the report files under ``paths``: files as given, folders searched recursively, sorted."""
    if suffixes is None:
        from .io.reader import supported_suffixes

        suffixes = supported_suffixes()
    wanted = {s.lower() for s in suffixes}
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if not _skippable(name) and Path(name).suffix.lower() in wanted:
                        found.append(Path(root) / name)
            candidates = sorted(found)
        else:
            candidates = [p]
        for c in candidates:
            key = Path(os.path.realpath(c))  # never raises: a symlink loop becomes an unreadable row
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


# -- checking (runs in worker processes) ---------------------------------------------------


def audit_file(path: str, baseline=None) -> AuditRow:
    """Read and check one file; an unreadable file gives a row with the reason, never an exception."""
    from .io.reader import read_any
    from .model.values import is_number
    from .rules import check_report

    row = AuditRow(file=path)
    try:
        result = read_any(path)
    except ReportError as exc:
        row.unreadable = str(exc)
        return row
    except MemoryError:
        row.unreadable = msg.OUT_OF_MEMORY
        return row
    except Exception as exc:  # a reader bug must not stop a whole folder's audit
        row.unreadable = msg.read_crashed(type(exc).__name__)
        return row
    report = result.report
    if baseline is not None:
        report.baseline = baseline
    row.unit = report.meta.get("unit") or ""
    year = report.meta.get("year")
    row.year = year if isinstance(year, int) else None
    row.form, row.form_id = report.form.name, report.form.id
    row.notes = list(result.notes)
    row.bad_cells = sum(1 for v in report.values.values() if v is not None and not is_number(v))
    try:
        findings = check_report(report, final=True)
    except Exception as exc:  # pragma: no cover - a rule bug is reported on the row, not raised
        row.unreadable = msg.check_crashed(type(exc).__name__)
        return row
    row.findings = findings
    row.errors = sum(f.is_error for f in findings)
    row.warnings = len(findings) - row.errors
    return row


MAX_CELLS_LISTED = 6


def cells_text(form, refs) -> str:
    """Return where the cells of a finding are, as a reviewer reads it: 「表四“行政复议·总计”、…」."""
    from .rules.cells import cell_place

    names = []
    for ref in refs:
        if form.has_cell(ref):
            names.append(cell_place(form.cell(ref)))
        elif ref.startswith("text."):
            names.append(msg.NARRATIVE_PLACE)
        else:
            names.append(msg.META_NAMES.get(ref, ref))
    names = list(dict.fromkeys(names))
    if len(names) > MAX_CELLS_LISTED:
        return msg.more_places("、".join(names[:MAX_CELLS_LISTED]), len(names))
    return "、".join(names)


def _failed_row(path: str, outcome) -> AuditRow:
    """The row of a file whose worker ran out of time or memory, or died."""
    return AuditRow(file=path, unreadable=outcome.message, timed_out=outcome.kind == "timeout")


def _in_process(files: list[str]) -> bool:
    """Whether the files are few project files: checked here, as starting workers costs more.

    Project files are validated as they are read and cannot run away; any other document is read
    in a worker process with a time and memory budget.
    """
    from .io.project_file import looks_like_project

    return len(files) < INLINE_BELOW and all(looks_like_project(f) for f in files)


def audit_paths(paths: Iterable[str | os.PathLike], out_xlsx: str | os.PathLike | None = None,
                progress: Callable[[int, int], None] | None = None, *, workers: int | None = None,
                baseline=None, should_stop: Callable[[], bool] | None = None,
                seconds: float | None = None) -> AuditResult:
    """Check every report under ``paths`` (files or folders) and optionally write an XLSX audit report.

    ``progress(done, total)`` is called as files are checked; ``should_stop()`` returning True
    stops early (the rows checked so far are kept). Files are read in worker processes, one
    file at most ``seconds`` (``core.io.import_worker.READ_SECONDS``): a file that takes longer
    becomes a row 「读取超时」 and the audit goes on.
    """
    from .io.import_worker import READ_SECONDS, LimitedPool

    t0 = time.perf_counter()
    files = [str(p) for p in find_reports(paths)]
    total = len(files)
    if progress:
        progress(0, total)
    rows: dict[str, AuditRow] = {}
    cancelled = False
    workers = workers or os.cpu_count() or 1
    if _in_process(files):
        for i, f in enumerate(files, 1):
            if should_stop and should_stop():
                cancelled = True
                break
            rows[f] = audit_file(f, baseline)
            if progress:
                progress(i, total)
    elif files:
        pool = LimitedPool(min(workers, total), seconds=seconds or READ_SECONDS)
        try:
            for index, outcome in pool.run(audit_file, [(f, baseline) for f in files], should_stop):
                f = files[index]
                rows[f] = outcome.value if outcome.ok else _failed_row(f, outcome)
                if progress:
                    progress(len(rows), total)
        finally:
            pool.close()
        cancelled = len(rows) < total and bool(should_stop and should_stop())
    result = AuditResult([rows[f] for f in files if f in rows], cancelled=cancelled)
    if out_xlsx is not None:
        result.out_xlsx = Path(out_xlsx)
        write_audit_xlsx(result, result.out_xlsx)
    result.seconds = time.perf_counter() - t0
    return result


# -- the XLSX audit report -----------------------------------------------------------------


def write_audit_xlsx(result: AuditResult, path: str | os.PathLike) -> None:
    """Write the audit report: 汇总 (one row per file) and 问题清单 (one row per finding), atomically."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    from .io.atomic import write_atomic
    from .rules.base import Severity
    from .schema import get_form

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDE6F0")
    red = Font(color="C00000", bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def header(ws, names):
        cells = []
        for n in names:
            c = WriteOnlyCell(ws, value=n)
            c.font, c.fill = bold, head_fill
            cells.append(c)
        ws.append(cells)

    summary = wb.create_sheet(msg.SUMMARY_SHEET)
    summary.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHI", (42, 28, 8, 26, 7, 7, 10, 40, 24)):
        summary.column_dimensions[col].width = width
    header(summary, msg.SUMMARY_HEADERS)
    for r in result.rows:
        status = WriteOnlyCell(summary, value=r.status)
        if r.unreadable or r.errors:
            status.font = red
        summary.append(_row(summary, [_safe(r.file), _safe(r.unit), r.year, r.form, r.errors if not r.unreadable else None,
                        r.warnings if not r.unreadable else None, r.bad_cells if not r.unreadable else None,
                        _safe("；".join(n.message for n in r.notes)), status]))
    summary.append([])
    summary.append([msg.summary_line(len(result.rows), len(result.with_errors), len(result.unreadable),
                                     result.cancelled)])

    findings = wb.create_sheet(msg.FINDINGS_SHEET)
    findings.freeze_panes = "A2"
    for col, width in zip("ABCDEFG", (36, 24, 18, 9, 28, 70, 60)):
        findings.column_dimensions[col].width = width
    header(findings, msg.FINDING_HEADERS)
    for r in result.rows:
        if r.unreadable:
            findings.append(_row(findings, [_safe(r.file), "", msg.UNREADABLE_RULE, Severity.ERROR.label, "",
                                            _safe(r.unreadable), ""]))
            continue
        form = get_form(r.form_id)
        for f in r.findings:
            message = WriteOnlyCell(findings, value=_safe(f.message))
            message.alignment = wrap
            sev = WriteOnlyCell(findings, value=f.severity.label)
            if f.is_error:
                sev.font = red
            findings.append(_row(findings, [_safe(r.file), _safe(r.unit), f.rule, sev,
                                            _safe(cells_text(form, f.cells)), message, _safe(f.quote or "")]))
    write_atomic(path, lambda tmp: wb.save(tmp))


_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}


def _safe(text):
    """Drop control characters openpyxl refuses and cut text to what a cell can hold."""
    if not isinstance(text, str):
        return text
    return text.translate(_ILLEGAL)[:32000]


def _row(ws, values) -> list:
    """Wrap text that starts with "=" so that it is written as text, never as a formula."""
    from openpyxl.cell import WriteOnlyCell

    out = []
    for v in values:
        if isinstance(v, str) and v.startswith("="):
            c = WriteOnlyCell(ws, value=v)
            c.data_type = "s"
            v = c
        out.append(v)
    return out
