"""``nianbao import SRC -o OUT.nianbao``: read a report from any file and save it as a project file."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError

PROJECT_SUFFIX = ".nianbao"

HELP = "导入年报（Word、网页、文本、PDF、Excel 或项目文件），保存为项目文件，并列出未能读取或需核对的内容"


def add_parser(sub) -> None:
    p = sub.add_parser("import", help=HELP,
                       description=HELP + "。退出码：0 已导入；2 文件无法读取（不写任何文件）")
    p.add_argument("source", metavar="SRC", help="年报文件：.docx .html .htm .txt .pdf .xlsx 或 .nianbao")
    p.add_argument("-o", "--output", required=True, metavar="OUT.nianbao", help="保存到此项目文件")


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
        raise ReportError("输出文件不能与要导入的文件相同")
    result = read_any(src)  # FileReadError -> exit 2 in core.cli, nothing written
    report = result.report
    project_file.save(report, out, backup=True)
    unit = report.meta.get("unit") or "（未读出单位）"
    year = report.meta.get("year") or "？"
    print(f"已导入 {src.name} → {out}：{unit} {year}年度 · {report.form.name}格式")
    if result.notes:
        print(f"以下 {len(result.notes)} 处未能读取或需要核对：")
        for note in result.notes:
            print(f"  {note.message}")
    else:
        print("表格全部读入，无需核对的单元格")
    return 0
