"""批量审核: find every importable report under folders, check each, mark 重复报送, write the audit workbook."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import ReportError
from .messages import audit as msg
from .review.outputs import is_review_output
from .review.places import cells_text
from .review.rows import AuditResult, AuditRow
from .review.workbook import write_audit_xlsx

__all__ = ["AuditResult", "AuditRow", "audit_file", "audit_paths", "cells_text", "find_reports", "mark_duplicates",
           "write_audit_xlsx"]

INLINE_BELOW = 24  # fewer project files than this are checked in this process: starting workers costs more


# -- finding files -------------------------------------------------------------------------


def _skippable(name: str) -> bool:
    # Word lock files (~$x.docx), hidden files, our own temporary and backup files.
    return name.startswith(("~$", ".")) or name.endswith((".bak", ".tmp"))


def find_reports(paths: Iterable[str | os.PathLike], suffixes: Sequence[str] | None = None) -> list[Path]:
    """Return the report files under ``paths``: files as given, folders searched recursively, sorted."""
    if suffixes is None:
        from .io.reader import OLD_FORMATS, supported_suffixes

        suffixes = (*supported_suffixes(), *OLD_FORMATS)  # a .doc sent in is listed, saying how to save it
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
            found = [f for f in found if not is_review_output(f)]  # the workbook and 审核意见 of an earlier run
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


def audit_file(path: str, baseline=None, pack=None) -> AuditRow:
    """Read and check one file; an unreadable file gives a row with the reason, never an exception."""
    from .io.reader import read_any
    from .model.values import is_number
    from .review.duplicates import fingerprint
    from .rules import check_report
    from .rules.explained import explanation_of
    from .rules.packs import NATIONAL
    from .rules.report_rules import deadline_of

    pack = pack or NATIONAL
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
        findings = check_report(report, final=True, pack=pack)
    except Exception as exc:  # pragma: no cover - a rule bug is reported on the row, not raised
        row.unreadable = msg.check_crashed(type(exc).__name__)
        return row
    row.findings = findings
    if report.explanations:
        row.explanations = [explanation_of(f, report.explanations) for f in findings]
    row.errors = sum(f.is_error for f in findings)
    row.explained = sum(e is not None for e in row.explanations)
    row.warnings = len(findings) - row.errors - row.explained
    date = report.meta.get("date")
    row.date = str(date)[:10] if date else None
    if row.year is not None:
        row.deadline = deadline_of(report, pack)[0].isoformat()
    row.fingerprint = fingerprint(report)
    row.merged_units = len(report.sources)
    return row


PROJECTS_PER_JOB = 16  # project files checked per worker job: one round trip each costs more than a check


def _audit_chunk(paths: list[str], baseline=None, *pack) -> list[AuditRow]:
    return [audit_file(p, baseline, *pack) for p in paths]


def _jobs(files: list[str]) -> list[list[str]]:
    """Split ``files`` into worker jobs: project files (validated as read, they cannot run away) several
    at a time; any other document alone, so that its time budget is its own."""
    from .io.project_file import looks_like_project

    jobs, batch = [], []
    for f in files:
        if looks_like_project(f):
            batch.append(f)
            if len(batch) == PROJECTS_PER_JOB:
                jobs.append(batch)
                batch = []
        else:
            jobs.append([f])
    if batch:
        jobs.append(batch)
    return jobs


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
                baseline=None, should_stop: Callable[[], bool] | None = None, pack=None,
                expected: list[str] | None = None, seconds: float | None = None) -> AuditResult:
    """Check every report under ``paths`` (files or folders) and optionally write the audit workbook.

    ``progress(done, total)`` is called as files are checked; ``should_stop()`` returning True
    stops early (the rows checked so far are kept). Files are read in worker processes, one
    file at most ``seconds`` (``core.io.import_worker.READ_SECONDS``): a file that takes longer
    becomes a row 「读取超时」 and the audit goes on. ``pack`` is the rule pack (core.rules.packs); with ``expected`` (unit names) the result holds
    报送情况 (``result.submissions``). Files of the same unit and year, or of the same content, are
    marked 重复报送 (``row.duplicates``). The workbook is written atomically, its findings as they come.
    """
    t0 = time.perf_counter()
    files = [str(p) for p in find_reports(paths)]
    if out_xlsx is None:
        result = _run(files, None, progress, workers, baseline, should_stop, pack, expected, seconds)
    else:
        from .io.atomic import write_atomic

        out = Path(out_xlsx)
        holder: list[AuditResult] = []
        write_atomic(out, lambda tmp: holder.append(
            _run(files, tmp, progress, workers, baseline, should_stop, pack, expected, seconds)))
        result = holder[0]
        result.out_xlsx = out
    result.seconds = time.perf_counter() - t0
    return result


def _run(files, book_path, progress, workers, baseline, should_stop, pack, expected, seconds) -> AuditResult:
    """Check ``files``; with ``book_path``, write the workbook there as the rows come, in file order."""
    book = None
    if book_path is not None:
        from .review.workbook import AuditWorkbook

        book = AuditWorkbook(book_path, files)
    total = len(files)
    if progress:
        progress(0, total)
    rows: dict[str, AuditRow] = {}
    written = 0

    def write_ready() -> None:
        nonlocal written
        while book is not None and written < total and files[written] in rows:
            book.add(rows[files[written]])
            written += 1

    cancelled = False
    workers = workers or os.cpu_count() or 1
    from .rules.packs import NATIONAL

    extra = () if pack is None or pack == NATIONAL else (pack,)  # audit_file(path, baseline[, pack])
    try:
        if _in_process(files):
            for i, f in enumerate(files, 1):
                if should_stop and should_stop():
                    cancelled = True
                    break
                rows[f] = audit_file(f, baseline, *extra)
                write_ready()
                if progress:
                    progress(i, total)
        elif files:
            from .io.import_worker import READ_SECONDS, LimitedPool

            jobs = _jobs(files)
            pool = LimitedPool(min(workers, len(jobs)), seconds=seconds or READ_SECONDS)
            try:
                for index, outcome in pool.run(_audit_chunk, [(job, baseline, *extra) for job in jobs], should_stop):
                    for k, f in enumerate(jobs[index]):
                        rows[f] = outcome.value[k] if outcome.ok else _failed_row(f, outcome)
                    write_ready()
                    if progress:
                        progress(len(rows), total)
            finally:
                pool.close()
            cancelled = len(rows) < total and bool(should_stop and should_stop())
        result = AuditResult([rows[f] for f in files if f in rows], cancelled=cancelled,
                             pack_name=pack.label if pack is not None else "")
        mark_duplicates(result.rows)
        if expected:
            from .review.submissions import submissions

            result.submissions = submissions(result.rows, expected)
        if book is not None:
            for f in files[written:]:  # a stopped audit: the rest of what was checked
                if f in rows:
                    book.add(rows[f])
            book.finish(result)
            book = None
        return result
    finally:
        if book is not None:
            book.abandon()


def mark_duplicates(rows: list[AuditRow]) -> None:
    """Set ``row.duplicates`` for files of the same unit and year, or of the same content (重复报送)."""
    from .review.duplicates import duplicate_groups

    readable = [(i, r.unit, r.year, r.fingerprint) for i, r in enumerate(rows) if not r.unreadable and not r.merged_units]
    for group in duplicate_groups(readable):
        for i in group:
            rows[i].duplicates = [rows[j].file for j in group if j != i]
