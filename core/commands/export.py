"""``nianbao export FILE -o OUT.docx|OUT.html|OUT.xlsx [--template T.docx] [--force]``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError
from ..io.reader import read_any
from ..messages import export as msg

HELP = "导出年报：Word 文档（公文格式）、网页（.html，可贴入网站编辑器）或 Excel 统计表"
SUFFIXES = (".docx", ".html", ".htm", ".xlsx")


def add_parser(sub) -> None:
    p = sub.add_parser("export", help=HELP, description=HELP + "。年报仍有错误时拒绝导出，除非加 --force。")
    p.add_argument("file", metavar="FILE", help="项目文件或其他可导入的年报文件")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="导出的文件：.docx、.html 或 .xlsx")
    p.add_argument("--template", metavar="T.docx", help="自选 Word 模板（默认使用所选报表格式的模板）")
    p.add_argument("--force", action="store_true", help="年报仍有错误时也导出（空白单元格保持空白，印错的合计照印）")


def run(args) -> int:
    from ..io.export import ExportRefused, export_blockers, export_docx, export_html, export_warnings, export_xlsx

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        print(msg.unsupported_suffix(out.suffix), file=sys.stderr)
        return 2
    if args.template and suffix != ".docx":
        print(msg.template_only_for_docx(), file=sys.stderr)
        return 2
    try:
        result = read_any(args.file)
    except ReportError as exc:
        print(msg.cannot_read(args.file, str(exc)), file=sys.stderr)
        return 2
    report = result.report
    for note in result.notes:
        print(msg.read_note(note.message), file=sys.stderr)
    blockers = export_blockers(report)
    if blockers and not args.force:
        print(f"{args.file}: {ExportRefused(blockers)}", file=sys.stderr)
        print(msg.use_force(), file=sys.stderr)
        return 1
    if suffix == ".docx":
        for finding in export_warnings(report, args.template):
            print(msg.warning(finding.message), file=sys.stderr)
    # Checked above: the export itself need not check again.
    notes: list[str] = []
    if suffix == ".docx":
        notes = export_docx(report, out, args.template, force=True)
    elif suffix == ".xlsx":
        export_xlsx(report, out, force=True)
    else:
        export_html(report, out, force=True)
    for note in notes:
        print(msg.template_note(note), file=sys.stderr)
    if blockers:
        print(msg.forced(len(blockers)), file=sys.stderr)
    print(msg.done(str(out)))
    return 0
