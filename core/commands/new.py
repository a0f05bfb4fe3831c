"""``nianbao new --from LAST -o NEW [--year Y]``: start this year's report from last year's."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError
from .import_report import output_path

HELP = "从上年报告新建本年度报告：沿用单位与正文草稿，上年结转取自上年“结转下年度继续办理”，其余数字留空"


def add_parser(sub) -> None:
    p = sub.add_parser("new", help=HELP, description=HELP + "。退出码：0 已新建；2 上年报告无法读取")
    p.add_argument("--from", dest="last", required=True, metavar="LAST",
                   help="上年报告（项目文件或任何可导入的文件）")
    p.add_argument("-o", "--output", required=True, metavar="NEW.nianbao", help="新报告保存到此项目文件")
    p.add_argument("--year", type=int, metavar="Y", help="新报告的年度（默认上年年度加一）")


def run(args) -> int:
    from ..io import project_file  # imported here: building the parser must stay cheap
    from ..io.reader import read_any
    from ..newyear import new_year_from

    src, out = Path(args.last), output_path(args.output)
    if src.exists() and out.exists() and src.resolve() == out.resolve():
        raise ReportError("新报告不能覆盖上年报告，请换一个输出文件名")
    result = read_any(src)
    for note in result.notes:
        print(f"读取上年报告提示：{note.message}")
    report = new_year_from(result.report, args.year)
    report.baseline.file = str(src)
    project_file.save(report, out, backup=True)
    carried = report.form.t3_rows["carried"]
    total = report.values.get(f"t3.{carried}.c7")
    print(f"已新建 {out}：{report.meta['unit'] or '（未填单位）'} {report.meta['year']}年度 · "
          f"{report.form.name}格式")
    print(f"  上年结转（总计）：{'空白' if total is None else total}，取自上年“结转下年度继续办理”")
    if report.stale:
        print(f"  正文沿用上年 {len(report.stale)} 部分，已标记“沿用上年，待修改”")
    return 0
