"""``nianbao check FILE|DIR... [--json] [--previous LAST] [--rules PACK] [--report AUDIT.xlsx] [--expect UNITS]
[--feedback DIR]``: print each file's findings, or audit a folder.

With folders (or ``--report``) every importable report under them is checked (批量审核) and an
unreadable file becomes a row of the audit, not an abort. Explained warnings (说明型审核) are marked
as such and never change the exit code; errors cannot be explained away.
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
from ..rules.explained import explanation_of, written_for_error
from ..rules.packs import load_pack


def add_parser(sub) -> None:
    p = sub.add_parser("check", help=msg.CHECK_HELP, description=f"{msg.CHECK_HELP}。{msg.CHECK_EXIT_CODES}")
    p.add_argument("files", nargs="+", metavar="FILE", help=msg.CHECK_FILES)
    p.add_argument("--json", action="store_true", help=msg.CHECK_JSON)
    p.add_argument("--previous", metavar="LAST_YEAR_FILE", help=msg.CHECK_PREVIOUS)
    p.add_argument("--rules", metavar="NAME|FILE.toml", help=msg.CHECK_RULES)
    p.add_argument("--report", metavar="AUDIT.xlsx", help=msg.CHECK_REPORT)
    p.add_argument("--expect", metavar="UNITS", help=msg.CHECK_EXPECT)
    p.add_argument("--feedback", metavar="DIR", help=msg.CHECK_FEEDBACK)
    p.add_argument("--feedback-format", choices=("xlsx", "docx"), default="xlsx", help=msg.CHECK_FEEDBACK_FORMAT)


def finding_dict(file: str, finding, explained: str | None) -> dict:
    """The JSON object of one finding, with ``"explained": text`` when it is an explained warning."""
    d = {"file": file, **finding.to_dict()}
    if explained is not None:
        d["explained"] = explained
    return d


def note_dict(file: str, note) -> dict:
    """The JSON object of an import read note: ``"severity": "note"``, beside the findings."""
    return {"file": file, "rule": msg.NOTE_RULE_ID, "code": note.code.value, "severity": "note",
            "cells": [note.where] if note.where else [], "message": note.message}


def unreadable_dict(file: str, reason: str) -> dict:
    """The JSON object of a file that could not be read: an error of the file, so a batch audit sees it."""
    return {"file": file, "rule": msg.UNREADABLE_RULE_ID, "code": "unreadable", "severity": "error", "cells": [],
            "message": reason}


def run(args) -> int:
    try:
        pack = load_pack(args.rules)
    except ReportError as exc:
        print(msg.rules_unusable(exc), file=sys.stderr)
        return 2
    baseline = None
    if args.previous:
        try:
            last = read_any(args.previous)
        except ReportError as exc:
            print(msg.previous_unreadable(args.previous, exc), file=sys.stderr)
            return 2
        baseline = Baseline.from_report(last.report, file=str(args.previous))
    if args.report or args.expect or args.feedback or any(Path(name).is_dir() for name in args.files):
        return _run_audit(args, baseline, pack)
    status = 0
    out = []
    for name in args.files:
        try:
            result = read_any(name)
        except ReportError as exc:
            print(msg.unreadable(name, exc), file=sys.stderr)
            status = 2
            out.append(unreadable_dict(name, str(exc)))
            continue
        report = result.report
        if baseline is not None:
            report.baseline = baseline
        findings = check_report(report, final=True, pack=pack)
        if any(f.is_error for f in findings) and status == 0:
            status = 1
        if args.json:
            out.extend(note_dict(name, n) for n in result.notes)
            out.extend(finding_dict(name, f, explanation_of(f, report.explanations)) for f in findings)
            continue
        explained = [explanation_of(f, report.explanations) for f in findings]
        refused = [written_for_error(f, report.explanations) for f in findings]
        _print(name, report.meta.get("unit"), report.meta.get("year"), result.notes, findings, explained, refused)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    return status


def _print(name, unit, year, notes, findings, explained, refused=None) -> None:
    """Print one report's counts, read notes and findings (explained warnings marked 已说明)."""
    errors = sum(f.is_error for f in findings)
    n_explained = sum(e is not None for e in explained)
    print(msg.report_line(name, unit, year, errors, len(findings) - errors - n_explained, n_explained))
    for note in notes:
        print("  " + msg.read_note(note.message))
    refused = refused or [None] * len(findings)
    for f, why, kept in zip(findings, explained, refused):
        label = msg.EXPLAINED_LABEL if why is not None else f.severity.label
        print("  " + msg.finding(label, f.rule, f.message))
        if f.quote:
            print("      " + msg.quote(f.quote))
        if why is not None:
            print("      " + msg.explanation(why))
        if kept is not None:
            print("      " + msg.explanation_refused(kept))


def _run_audit(args, baseline, pack) -> int:
    """Check folders: exit 1 if any report has errors or a file in a folder is unreadable, 2 if a named file is."""
    from ..audit import audit_paths
    from ..messages import audit as audit_msg
    from ..review.places import file_names
    from .progress import ProgressBar

    expected = None
    if args.expect:
        from ..review.expect import read_expected

        try:
            expected = read_expected(args.expect)
        except ReportError as exc:
            print(msg.failed_expect(exc), file=sys.stderr)
            return 2
    status = 0
    for name in args.files:
        if not Path(name).exists():
            print(msg.path_missing(name), file=sys.stderr)
            status = 2
    paths = [name for name in args.files if Path(name).exists()]
    bar = ProgressBar(msg.CHECK_PROGRESS)
    result = audit_paths(paths, args.report, progress=bar.update, baseline=baseline, pack=pack, expected=expected)
    bar.close()
    named = {str(Path(n)) for n in args.files if not Path(n).is_dir()}
    one_line = bool(args.report) and not args.json  # a workbook holds the findings: one line per file
    out = []
    for row in result.rows:
        if row.unreadable:
            print(msg.unreadable(row.file, row.unreadable), file=sys.stdout if one_line else sys.stderr)
            status = 2 if str(Path(row.file)) in named else max(status, 1)
            out.append(unreadable_dict(row.file, row.unreadable))
            continue
        if row.errors:
            status = max(status, 1)
        explained = row.explanations or [None] * len(row.findings)
        if args.json:
            out.extend(note_dict(row.file, n) for n in row.notes)
            if row.duplicates:  # 重复报送: the same unit and year, or the same content, in another file
                out.append({"file": row.file, "rule": msg.DUPLICATE_RULE_ID, "code": "duplicate", "severity": "note",
                            "cells": ["meta.unit"], "message": audit_msg.duplicate_of(file_names(row.duplicates, (row.file,))),
                            "duplicates": list(row.duplicates)})
            out.extend(finding_dict(row.file, f, why) for f, why in zip(row.findings, explained))
            continue
        if one_line:
            print(msg.audit_row_line(row.file, row.unit, row.year, row.errors, row.warnings, row.explained,
                                     row.status))
            continue
        _print(row.file, row.unit, row.year, row.notes, row.findings, explained)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    n = len(result.rows)
    print(msg.audit_summary(n, len(result.with_errors), len(result.unreadable), result.seconds, args.report),
          file=sys.stderr)
    if result.submissions:
        _print_submissions(result.submissions)
    if args.feedback:
        from ..review.feedback import write_feedback

        try:
            written = write_feedback(result, args.feedback, args.feedback_format)
        except ReportError as exc:
            print(msg.failed(exc), file=sys.stderr)
            return 2
        print(msg.feedback_written(len(written), args.feedback), file=sys.stderr)
    if n == 0:
        print(msg.CHECK_NOTHING_FOUND, file=sys.stderr)
        status = max(status, 2)
    return status


def _print_submissions(subs) -> None:
    """Print the 报送情况 counts and the units that have not reported (stderr: stdout is per file)."""
    from ..messages import audit as audit_msg

    missing = [s.unit for s in subs if s.status == audit_msg.MISSING]
    listed = [s for s in subs if s.status != audit_msg.UNLISTED]
    print(audit_msg.submissions_line(
        len(listed), sum(s.status in (audit_msg.SUBMITTED, audit_msg.DUPLICATE) for s in listed), len(missing),
        sum(s.status == audit_msg.DUPLICATE for s in listed), sum(s.overdue == audit_msg.OVERDUE for s in listed),
        len(subs) - len(listed)), file=sys.stderr)
    if missing:
        print(msg.missing_units(missing), file=sys.stderr)
