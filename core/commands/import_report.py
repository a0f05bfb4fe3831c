"""``nianbao import SRC -o OUT.nianbao``: read a report from any file and save it as a project file."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError
from ..messages import cli as msg

PROJECT_SUFFIX = ".nianbao"


def add_parser(sub) -> None:
    p = sub.add_parser("import", help=msg.IMPORT_HELP, description=f"{msg.IMPORT_HELP}。{msg.IMPORT_EXIT_CODES}")
    p.add_argument("source", metavar="SRC", help=msg.IMPORT_SOURCE)
    p.add_argument("-o", "--output", required=True, metavar="OUT.nianbao", help=msg.IMPORT_OUTPUT)


def output_path(name: str) -> Path:
    """Return the project-file path for ``-o`` (adds .nianbao when missing)."""
    out = Path(name)
    if out.suffix.lower() != PROJECT_SUFFIX:
        out = out.with_name(out.name + PROJECT_SUFFIX)
    return out


def run(args) -> int:
    from ..io import project_file  # imported here: building the parser must stay cheap
    from ..io.reader import read_any

    src, out = Path(args.source), output_path(args.output)
    if src.exists() and out.exists() and src.resolve() == out.resolve():
        raise ReportError(msg.IMPORT_SAME_FILE)
    result = read_any(src)  # FileReadError -> exit 2 in core.cli, nothing written
    report = result.report
    for warning in project_file.save(report, out, backup=True):
        print(msg.save_warning(warning), file=sys.stderr)
    print(msg.imported(src.name, out, report.meta.get("unit"), report.meta.get("year"), report.form.name))
    if result.notes:
        print(msg.import_notes_head(len(result.notes)))
        for note in result.notes:
            print(f"  {note.message}")
    else:
        print(msg.IMPORT_ALL_READ)
    return 0
