"""``nianbao check FILE... [--json] [--previous LAST]``: print each file's findings."""

from __future__ import annotations

import json
import sys

from ..errors import ReportError
from ..io.reader import read_any
from ..model.report import Baseline
from ..rules import check_report

HELP = "检查年报：表格勾稽关系、空白单元格、格式与期限等"


def add_parser(sub) -> None:
    p = sub.add_parser("check", help=HELP, description=HELP)
    p.add_argument("files", nargs="+", metavar="FILE", help="项目文件或其他可导入的年报文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，每条问题一个对象")
    p.add_argument("--previous", metavar="LAST_YEAR_FILE", help="上一年度的年报，用于跨年核对")


def run(args) -> int:
    baseline = None
    if args.previous:
        try:
            last = read_any(args.previous)
        except ReportError as exc:
            print(f"{args.previous}: 无法读取上年报告：{exc}", file=sys.stderr)
            return 2
        baseline = Baseline.from_report(last.report, file=str(args.previous))
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
            print(f"  读取提示：{note}")
        for f in findings:
            print(f"  [{f.severity.label}] {f.rule}  {f.message}")
            if f.quote:
                print(f"      原文：“{f.quote}”")
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    return status
