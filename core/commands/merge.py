"""``nianbao merge FILE... -o OUT.nianbao``: 汇总 the tables of several reports into one project file."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError
from ..io import project_file
from ..io.reader import read_any
from ..merge import merge_notes, merge_reports, write_breakdown
from ..messages import cli as msg
from ..messages import merge as merge_msg
from ..rules import check_report


def add_parser(sub) -> None:
    p = sub.add_parser("merge", help=msg.MERGE_HELP, description=f"{msg.MERGE_HELP}。{msg.MERGE_EXIT_CODES}")
    p.add_argument("files", nargs="+", metavar="FILE", help=msg.MERGE_FILES)
    p.add_argument("-o", "--output", required=True, metavar="OUT.nianbao", help=msg.MERGE_OUTPUT)
    p.add_argument("--breakdown", metavar="B.xlsx", help=msg.MERGE_BREAKDOWN)
    p.add_argument("--allow-duplicates", action="store_true", help=msg.MERGE_ALLOW_DUPLICATES)


def run(args) -> int:
    out = Path(args.output)
    if out.suffix.lower() != project_file.EXTENSION:
        out = out.with_name(out.name + project_file.EXTENSION)
    items = []
    failed = False
    for name in args.files:
        if Path(name).resolve() == out.resolve():
            print(msg.merge_output_is_input(name), file=sys.stderr)
            return 2
        try:
            result = read_any(name)
        except ReportError as exc:
            print(msg.unreadable(name, exc), file=sys.stderr)
            failed = True
            continue
        for note in result.notes:
            print(f"{name}: {msg.read_note(note.message)}", file=sys.stderr)
        items.append((result.report, name))
    if failed:
        print(msg.MERGE_NOT_WRITTEN, file=sys.stderr)
        return 2
    # ReportError (years/formats differ, the same unit twice) -> exit 2 in core.cli, nothing written
    merged = merge_reports(items, allow_duplicates=args.allow_duplicates)
    if args.breakdown:
        write_breakdown(items, merged, args.breakdown)
    for warning in project_file.save(merged, out, backup=True):
        print(msg.save_warning(warning), file=sys.stderr)
    findings = check_report(merged, final=True)
    errors = sum(f.is_error for f in findings)
    print(msg.merged(len(items), out, merged.meta["unit"], merged.meta["year"], errors, len(findings) - errors))
    for s in merged.sources:
        print(msg.merge_source(s["unit"], s["file"], s["errors"]))
    for note in merge_notes(merged):
        print(msg.merge_note(note))
    if args.breakdown:
        print(merge_msg.breakdown_written(args.breakdown))
    for f in findings:
        if f.is_error:
            print("  " + msg.finding(f.severity.label, f.rule, f.message))
    bad_sources = any(s["errors"] for s in merged.sources)
    return 1 if errors or bad_sources else 0
