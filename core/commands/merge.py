"""``nianbao merge FILE... -o OUT.nianbao``: 汇总 the tables of several reports into one project file."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError
from ..io import project_file
from ..io.reader import read_any
from ..merge import merge_notes, merge_reports
from ..rules import check_report

HELP = "汇总多个单位同一年度、同一格式的年报：表二、表三、表四逐格相加，生成汇总项目文件"


def add_parser(sub) -> None:
    p = sub.add_parser("merge", help=HELP, description=HELP + "。退出码：0 成功；1 已生成但汇总结果有错误；"
                       "2 文件无法读取或年度、格式不一致")
    p.add_argument("files", nargs="+", metavar="FILE", help="各单位的年报（项目文件或其他可导入的文件）")
    p.add_argument("-o", "--output", required=True, metavar="OUT.nianbao", help="汇总结果保存到此项目文件")


def run(args) -> int:
    out = Path(args.output)
    if out.suffix.lower() != project_file.EXTENSION:
        out = out.with_name(out.name + project_file.EXTENSION)
    items = []
    failed = False
    for name in args.files:
        if Path(name).resolve() == out.resolve():
            print(f"{name}: 输出文件不能同时是要汇总的文件", file=sys.stderr)
            return 2
        try:
            result = read_any(name)
        except ReportError as exc:
            print(f"{name}: 无法读取：{exc}", file=sys.stderr)
            failed = True
            continue
        for note in result.notes:
            print(f"{name}: 读取提示：{note.message}", file=sys.stderr)
        items.append((result.report, name))
    if failed:
        print("有文件无法读取，未生成汇总", file=sys.stderr)
        return 2
    merged = merge_reports(items)  # ReportError (years/formats differ) -> exit 2 in core.cli
    project_file.save(merged, out, backup=True)
    findings = check_report(merged, final=True)
    errors = sum(f.is_error for f in findings)
    print(f"已汇总 {len(items)} 份报告 → {out}：{merged.meta['unit']} {merged.meta['year']}年度 · "
          f"{errors} 个错误 · {len(findings) - errors} 个警告")
    for s in merged.sources:
        flag = f"  ← 有 {s['errors']} 个错误" if s["errors"] else ""
        print(f"  来源：{s['unit'] or '（未填单位）'}（{s['file']}）{flag}")
    for note in merge_notes(merged):
        print(f"  提示：{note}")
    for f in findings:
        if f.is_error:
            print(f"  [{f.severity.label}] {f.rule}  {f.message}")
    bad_sources = any(s["errors"] for s in merged.sources)
    return 1 if errors or bad_sources else 0
