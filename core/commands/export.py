"""``nianbao export FILE -o OUT.docx|OUT.html|OUT.xlsx [--template T.docx] [--force]``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError
from ..io.reader import read_any
from ..messages import cli as msg

SUFFIXES = (".docx", ".html", ".htm", ".xlsx")


def add_parser(sub) -> None:
    p = sub.add_parser("export", help=msg.EXPORT_HELP, description=f"{msg.EXPORT_HELP}。{msg.EXPORT_REFUSES}")
    p.add_argument("file", metavar="FILE", help=msg.EXPORT_FILE)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help=msg.EXPORT_OUTPUT)
    p.add_argument("--template", metavar="T.docx", help=msg.EXPORT_TEMPLATE)
    p.add_argument("--force", action="store_true", help=msg.EXPORT_FORCE)


def run(args) -> int:
    from ..io.export import ExportRefused, export_blockers, export_docx, export_html, export_warnings, export_xlsx

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        print(msg.failed(msg.export_suffix_unsupported(out.suffix)), file=sys.stderr)
        return 2
    if args.template and suffix != ".docx":
        print(msg.failed(msg.EXPORT_TEMPLATE_DOCX_ONLY), file=sys.stderr)
        return 2
    try:
        result = read_any(args.file)
    except ReportError as exc:
        print(msg.unreadable(args.file, exc), file=sys.stderr)
        return 2
    report = result.report
    for note in result.notes:
        print(msg.read_note(note.message), file=sys.stderr)
    blockers = export_blockers(report)
    if blockers and not args.force:
        print(f"{args.file}: {ExportRefused(blockers)}", file=sys.stderr)
        print(msg.EXPORT_HOW_TO_FORCE, file=sys.stderr)
        return 1
    if suffix == ".docx":  # characters the Word fonts do not have: say where, before writing
        for finding in export_warnings(report, args.template):
            print(msg.export_warning(finding.message), file=sys.stderr)
    # Checked above: the export itself need not check again.
    notes: list[str] = []
    if suffix == ".docx":
        notes = export_docx(report, out, args.template, force=True)
    elif suffix == ".xlsx":
        export_xlsx(report, out, force=True)
    else:
        export_html(report, out, force=True)
    for note in notes:  # what was removed from the office's template (links to outside files)
        print(msg.template_note(note), file=sys.stderr)
    if blockers:
        print(msg.exported_with_errors(len(blockers)), file=sys.stderr)
    print(msg.exported(out))
    return 0
