"""``nianbao export FILE -o OUT.docx|OUT.xlsx [--template T.docx] [--force]``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError
from ..io.reader import read_any

HELP = "导出年报：Word 文档（公文格式）或 Excel 统计表"
SUFFIXES = (".docx", ".xlsx")


def add_parser(sub) -> None:
    p = sub.add_parser("export", help=HELP, description=HELP + "。年报仍有错误时拒绝导出，除非加 --force。")
    p.add_argument("file", metavar="FILE", help="项目文件或其他可导入的年报文件")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="导出的文件：.docx 或 .xlsx")
    p.add_argument("--template", metavar="T.docx", help="自选 Word 模板（默认使用所选报表格式的模板）")
    p.add_argument("--force", action="store_true", help="年报仍有错误时也导出（空白单元格保持空白）")


def run(args) -> int:
    from ..io.export import ExportRefused, export_blockers, export_docx, export_xlsx

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        print(f"nianbao: 不支持导出为“{out.suffix or '无扩展名'}”，请用 .docx 或 .xlsx", file=sys.stderr)
        return 2
    if args.template and suffix != ".docx":
        print("nianbao: --template 只用于导出 Word 文档（.docx）", file=sys.stderr)
        return 2
    try:
        result = read_any(args.file)
    except ReportError as exc:
        print(f"{args.file}: 无法读取：{exc}", file=sys.stderr)
        return 2
    report = result.report
    for note in result.notes:
        print(f"读取提示：{note.message}", file=sys.stderr)
    blockers = export_blockers(report)
    if blockers and not args.force:
        print(f"{args.file}: {ExportRefused(blockers)}", file=sys.stderr)
        print("确需导出（空白单元格保持空白），请加 --force", file=sys.stderr)
        return 1
    # Checked above: the export itself need not check again.
    if suffix == ".docx":
        export_docx(report, out, args.template, force=True)
    else:
        export_xlsx(report, out, force=True)
    if blockers:
        print(f"注意：年报还有 {len(blockers)} 个错误，已按 --force 导出", file=sys.stderr)
    print(f"已导出：{out}")
    return 0
