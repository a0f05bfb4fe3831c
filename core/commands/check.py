"""``nianbao check FILE|DIR... [--json] [--previous LAST] [--report AUDIT.xlsx]``: print each file's findings.

With folders (or ``--report``) every importable report under them is checked (批量审核) and an
unreadable file becomes a row of the audit, not an abort.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import ReportError
from ..io.reader import read_any
from ..messages import cli as msg
from ..model.report import Baseline
from ..rules import check_report


def add_parser(sub) -> None:
    p = sub.add_parser("check", help=msg.CHECK_HELP, description=msg.CHECK_HELP)
    p.add_argument("files", nargs="+", metavar="FILE", help=msg.CHECK_FILES)
    p.add_argument("--json", action="store_true", help=msg.CHECK_JSON)
    p.add_argument("--previous", metavar="LAST_YEAR_FILE", help=msg.CHECK_PREVIOUS)
    p.add_argument("--report", metavar="AUDIT.xlsx", help=msg.CHECK_REPORT)


def run(args) -> int:
    baseline = None
    if args.previous:
        try:
            last = read_any(args.previous)
        except ReportError as exc:
            print(msg.previous_unreadable(args.previous, exc), file=sys.stderr)
            return 2
        baseline = Baseline.from_report(last.report, file=str(args.previous))
    if args.report or any(Path(name).is_dir() for name in args.files):
        return _run_audit(args, baseline)
    status = 0
    out = []
    for name in args.files:
        try:
            result = read_any(name)
        except ReportError as exc:
            print(msg.unreadable(name, exc), file=sys.stderr)
            status = 2
            continue
        report = result.report
        if baseline is not None:
            report.baseline = baseline
        findings = check_report(report, final=True)
        if any(f.is_error for f in findings) and status == 0:
            status = 1
        if args.json:
            out.extend({"file": name, **f.to_dict()} for f in findings)
            continue
        _print(name, report.meta.get("unit"), report.meta.get("year"), result.notes, findings)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    return status


def _print(name, unit, year, notes, findings) -> None:
    """Print one report's counts, read notes and findings."""
    errors = sum(f.is_error for f in findings)
    print(msg.report_line(name, unit, year, errors, len(findings) - errors))
    for note in notes:
        print("  " + msg.read_note(note.message))
    for f in findings:
        print("  " + msg.finding(f.severity.label, f.rule, f.message))
        if f.quote:
            print("      " + msg.quote(f.quote))


def _run_audit(args, baseline) -> int:
    """Check folders: exit 1 if any report has errors or a file in a folder is unreadable, 2 if a named file is."""
    from ..audit import audit_paths
    from .progress import ProgressBar

    status = 0
    for name in args.files:
        if not Path(name).exists():
            print(msg.path_missing(name), file=sys.stderr)
            status = 2
    paths = [name for name in args.files if Path(name).exists()]
    bar = ProgressBar(msg.CHECK_PROGRESS)
    result = audit_paths(paths, args.report, progress=bar.update, baseline=baseline)
    bar.close()
    named = {str(Path(n)) for n in args.files if not Path(n).is_dir()}
    out = []
    for row in result.rows:
        if row.unreadable:
            print(msg.unreadable(row.file, row.unreadable), file=sys.stderr)
            status = 2 if str(Path(row.file)) in named else max(status, 1)
            continue
        if row.errors:
            status = max(status, 1)
        if args.json:
            out.extend({"file": row.file, **f.to_dict()} for f in row.findings)
            continue
        _print(row.file, row.unit, row.year, row.notes, row.findings)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    n = len(result.rows)
    print(msg.audit_summary(n, len(result.with_errors), len(result.unreadable), result.seconds, args.report),
          file=sys.stderr)
    if n == 0:
        print(msg.CHECK_NOTHING_FOUND, file=sys.stderr)
        status = max(status, 2)
    return status
