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
from ..model.report import Baseline
from ..rules import check_report

HELP = "检查年报：表格勾稽关系、空白单元格、格式与期限等"


def add_parser(sub) -> None:
    p = sub.add_parser("check", help=HELP, description=HELP)
    p.add_argument("files", nargs="+", metavar="FILE", help="项目文件或其他可导入的年报文件；也可以是文件夹（检查其中所有年报）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，每条问题一个对象")
    p.add_argument("--previous", metavar="LAST_YEAR_FILE", help="上一年度的年报，用于跨年核对")
    p.add_argument("--report", metavar="AUDIT.xlsx", help="把审核结果（汇总表和问题清单）写入 Excel 文件")


def run(args) -> int:
    baseline = None
    if args.previous:
        try:
            last = read_any(args.previous)
        except ReportError as exc:
            print(f"{args.previous}: 无法读取上年报告：{exc}", file=sys.stderr)
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
            print(f"{name}: 无法读取：{exc}", file=sys.stderr)
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
        errors = sum(f.is_error for f in findings)
        unit = report.meta.get("unit") or "（未填单位）"
        year = report.meta.get("year") or "？"
        print(f"{name}：{unit} {year}年度 · {errors} 个错误 · {len(findings) - errors} 个警告")
        for note in result.notes:
            print(f"  读取提示：{note.message}")
        for f in findings:
            print(f"  [{f.severity.label}] {f.rule}  {f.message}")
            if f.quote:
                print(f"      原文：“{f.quote}”")
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    return status


def _run_audit(args, baseline) -> int:
    """Check folders: exit 1 if any report has errors or a file in a folder is unreadable, 2 if a named file is."""
    from ..audit import audit_paths
    from .progress import ProgressBar

    status = 0
    for name in args.files:
        if not Path(name).exists():
            print(f"{name}: 无法读取：找不到文件或文件夹“{name}”", file=sys.stderr)
            status = 2
    paths = [name for name in args.files if Path(name).exists()]
    bar = ProgressBar("检查")
    result = audit_paths(paths, args.report, progress=bar.update, baseline=baseline)
    bar.close()
    named = {str(Path(n)) for n in args.files if not Path(n).is_dir()}
    out = []
    for row in result.rows:
        if row.unreadable:
            print(f"{row.file}: 无法读取：{row.unreadable}", file=sys.stderr)
            status = 2 if str(Path(row.file)) in named else max(status, 1)
            continue
        if row.errors:
            status = max(status, 1)
        if args.json:
            out.extend({"file": row.file, **f.to_dict()} for f in row.findings)
            continue
        print(f"{row.file}：{row.unit or '（未填单位）'} {row.year or '？'}年度 · {row.errors} 个错误 · "
              f"{row.warnings} 个警告")
        for note in row.notes:
            print(f"  读取提示：{note.message}")
        for f in row.findings:
            print(f"  [{f.severity.label}] {f.rule}  {f.message}")
            if f.quote:
                print(f"      原文：“{f.quote}”")
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    n = len(result.rows)
    print(f"共检查 {n} 个文件：{len(result.with_errors)} 个有错误，{len(result.unreadable)} 个无法读取，"
          f"用时 {result.seconds:.1f} 秒" + (f"；审核结果已写入 {args.report}" if args.report else ""),
          file=sys.stderr)
    if n == 0:
        print("没有找到可检查的年报文件", file=sys.stderr)
        status = max(status, 2)
    return status
