"""``nianbao new --from LAST -o NEW [--year Y]``: start this year's report from last year's."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError
from ..messages import cli as msg
from .import_report import output_path


def add_parser(sub) -> None:
    p = sub.add_parser("new", help=msg.NEW_HELP, description=f"{msg.NEW_HELP}。{msg.NEW_EXIT_CODES}")
    p.add_argument("--from", dest="last", required=True, metavar="LAST", help=msg.NEW_FROM)
    p.add_argument("-o", "--output", required=True, metavar="NEW.nianbao", help=msg.NEW_OUTPUT)
    p.add_argument("--year", type=int, metavar="Y", help=msg.NEW_YEAR)


def run(args) -> int:
    from ..io import project_file  # imported here: building the parser must stay cheap
    from ..io.reader import read_any
    from ..newyear import new_year_from

    src, out = Path(args.last), output_path(args.output)
    if src.exists() and out.exists() and src.resolve() == out.resolve():
        raise ReportError(msg.NEW_SAME_FILE)
    result = read_any(src)
    for note in result.notes:
        print(msg.last_year_note(note.message))
    report = new_year_from(result.report, args.year)
    report.baseline.file = str(src)
    for warning in project_file.save(report, out, backup=True):
        print(msg.save_warning(warning), file=sys.stderr)
    carried = report.form.t3_rows["carried"]
    print(msg.created(out, report.meta["unit"], report.meta["year"], report.form.name))
    print(msg.carried_over(report.values.get(f"t3.{carried}.c7")))
    if report.stale:
        print(msg.stale_sections(len(report.stale)))
    return 0
