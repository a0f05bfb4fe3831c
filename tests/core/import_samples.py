"""Build last year's report as Word, WPS, LibreOffice, web pages, PDF text and spreadsheets do."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from core.model import Report, format_value
from core.schema import SECTION_TITLES, GridCell
from core.schema.builders import T3_COLS


def grid_of(report: Report, tid: str) -> tuple[list[GridCell], int, int]:
    """Return the official printed grid of a table with the report's values as text."""
    t = report.form.table(tid)
    cells = [GridCell(g.row, g.col, format_value(report.values[g.ref]) if g.ref else g.text, g.ref,
                      g.rowspan, g.colspan, g.role) for g in t.grid]
    return cells, t.grid_rows, t.grid_cols


def grid_28x8(report: Report) -> tuple[list[GridCell], int, int]:
    """T3 as some offices print it: a 法人或其他组织 小计 column and (三)(四)(五) subtotal rows."""
    form = report.form
    t3 = form.table("t3")
    cols = [("自然人", 0)] + [(lab, i) for i, (_, lab) in enumerate(T3_COLS[1:6], 1)] + [("小计", None)] + [("总计", 6)]
    out = [GridCell(0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
           GridCell(0, 3, "申请人情况", colspan=8), GridCell(1, 3, "自然人", rowspan=2),
           GridCell(1, 4, "法人或其他组织", colspan=6), GridCell(1, 10, "总计", rowspan=2)]
    for i, (lab, _) in enumerate(cols[1:7]):
        out.append(GridCell(2, 4 + i, lab))

    def values_row(r: int, nums: list) -> None:
        legal = [n for n in nums[1:6] if n is not None]
        sub = sum(legal) if legal else None
        texts = [nums[0], *nums[1:6], sub, nums[6]]
        for c, v in enumerate(texts):
            out.append(GridCell(r, 3 + c, format_value(v)))

    r = 3
    groups = {"r05": ("（三）不予公开", range(5, 13)), "r13": ("（四）无法提供", range(13, 16)),
              "r16": ("（五）不予处理", range(16, 21))}
    group_start = None
    for row in t3.rows:
        nums = [report.values[ref] for ref in row.cells]
        if row.id in groups:
            label, rng = groups[row.id]
            sums = []
            for c in range(7):
                vals = [report.values[f"t3.r{k:02d}.c{c + 1}"] for k in rng]
                sums.append(sum(v for v in vals if v is not None))
            out.append(GridCell(r, 1, label, colspan=2))
            values_row(r, sums)
            r += 1
        if row.id == "r03":
            group_start = r
        if row.id in ("r01", "r02", form.t3_rows["carry"]):
            out.append(GridCell(r, 0, row.label, colspan=3))
        elif row.id == form.t3_rows["total"]:
            out.append(GridCell(r, 1, "（七）总计", colspan=2))
        else:
            label = row.label
            for g in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
                if label.startswith(g) and label != g:
                    label = label[len(g):]
            out.append(GridCell(r, 1 if label == row.label else 2, label, colspan=2 if label == row.label else 1))
        values_row(r, nums)
        r += 1
        if row.id == form.t3_rows["total"]:
            out.append(GridCell(group_start, 0, "三、本年度办理结果", rowspan=r - group_start))
    return out, r, 11


def _set_text(cell, text: str, split_runs: bool) -> None:
    p = cell.paragraphs[0]
    if split_runs and len(text) > 3:
        # Word splits runs on spell-check marks and edits: 3 runs, one of them bold.
        cut1, cut2 = len(text) // 3, 2 * len(text) // 3
        p.add_run(text[:cut1])
        p.add_run(text[cut1:cut2]).bold = True
        p.add_run(text[cut2:])
    elif "\n" in text:
        first, rest = text.split("\n", 1)
        p.add_run(first)
        cell.add_paragraph(rest)
    else:
        p.add_run(text)


def add_grid_table(container, cells: list[GridCell], nrows: int, ncols: int, *, split_runs=False):
    """Add a table drawn from ``cells`` with real merges (gridSpan, vMerge) via python-docx."""
    table = container.add_table(rows=nrows, cols=ncols)
    table.style = "Table Grid"  # ruled, as every published statistics table is
    from docx.table import _Cell

    trs = table._tbl.tr_lst
    # Merge right to left, so that a row's w:tc index still equals its grid column
    # (table.cell() would walk the whole table for every lookup).
    for g in sorted((g for g in cells if g.rowspan > 1 or g.colspan > 1), key=lambda g: -g.col):
        first = _Cell(trs[g.row].tc_lst[g.col], table)
        last = _Cell(trs[g.row + g.rowspan - 1].tc_lst[g.col + g.colspan - 1], table)
        first.merge(last)
    rows = [row.cells for row in table.rows]
    for g in cells:
        _set_text(rows[g.row][g.col], g.text, split_runs)
    return table


def use_grid_before(table, row_index: int) -> None:
    """Turn a row's leading merged-continuation cell into ``w:gridBefore`` (as WPS writes it)."""
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    tr = table.rows[row_index]._tr
    first = tr.tc_lst[0]
    tr.remove(first)
    trPr = tr.get_or_add_trPr()
    gb = OxmlElement("w:gridBefore")
    gb.set(qn("w:val"), "1")
    trPr.insert(0, gb)


def write_docx(report: Report, path: Path, *, split_runs=False, t3_28x8=False, nested=False,
               grid_before=False, tables: dict[str, Report] | None = None) -> Path:
    """Write ``report`` as a Word file: title, sections, the three tables with real merges.

    ``tables`` prints a table from another report (a 表三 in the other format's layout)."""
    import docx

    doc = docx.Document()
    year = report.meta["year"]
    doc.add_paragraph(f"{report.meta['unit']}{year}年政府信息公开工作年度报告")
    holder = doc
    if nested:
        layout = doc.add_table(rows=1, cols=1)
        holder = layout.cell(0, 0)
        holder.paragraphs[0].add_run(report.text["preface"].split("\n")[0])
    else:
        for line in report.text["preface"].split("\n"):
            doc.add_paragraph(line)
    order = [("overview", None), ("t2", "t2"), ("t3", "t3"), ("t4", "t4"), ("problems", None),
             ("other", None)]
    for sec, tid in order:
        holder.add_paragraph(SECTION_TITLES[sec])
        if tid is None:
            for line in report.text[sec].split("\n"):
                holder.add_paragraph(line)
            continue
        if tid == "t3" and t3_28x8:
            cells, nr, nc = grid_28x8(report)
        else:
            cells, nr, nc = grid_of((tables or {}).get(tid, report), tid)
        table = add_grid_table(holder, cells, nr, nc, split_runs=split_runs)
        if tid == "t3" and grid_before:
            # rows 4.. of the body: the 三、本年度办理结果 column continues; WPS drops the cell
            for i in range(7, 10):
                use_grid_before(table, i)
    doc.add_paragraph(report.meta["signer"])
    if report.meta.get("date"):
        y, m, d = report.meta["date"].split("-")
        doc.add_paragraph(f"{int(y)}年{int(m)}月{int(d)}日")
    doc.save(path)
    return path


def html_of(report: Report, tables: dict[str, Report] | None = None) -> str:
    """Return a web page with the report: paragraphs and tables with rowspan/colspan.

    ``tables`` prints a table from another report (a 表三 in the other format's layout)."""
    parts = ["<html><head><meta charset='utf-8'><title>年报</title></head><body>",
             f"<h1>{report.meta['unit']}{report.meta['year']}年政府信息公开工作年度报告</h1>"]
    parts += [f"<p>{line}</p>" for line in report.text["preface"].split("\n")]
    for sec in ("overview", "t2", "t3", "t4", "problems", "other"):
        parts.append(f"<h2>{SECTION_TITLES[sec]}</h2>")
        if sec.startswith("t"):
            cells, nr, nc = grid_of((tables or {}).get(sec, report), sec)
            parts.append("<table border='1'>")
            for r in range(nr):
                parts.append("<tr>")
                for g in sorted((g for g in cells if g.row == r), key=lambda g: g.col):
                    span = (f" rowspan='{g.rowspan}'" if g.rowspan > 1 else "") + (
                        f" colspan='{g.colspan}'" if g.colspan > 1 else "")
                    parts.append(f"<td{span}>{g.text}</td>")
                parts.append("</tr>")
            parts.append("</table>")
        else:
            parts += [f"<p>{line}</p>" for line in report.text[sec].split("\n")]
    parts.append(f"<p style='text-align:right'>{report.meta['signer']}</p></body></html>")
    return "\n".join(parts)


def write_xlsx(report: Report, path: Path) -> Path:
    """Write a workbook laid out like the printed tables: one sheet, headings, merged cells."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws.cell(1, 1, f"{report.meta['unit']}{report.meta['year']}年政府信息公开工作年度报告")
    r0 = 3
    for tid in ("t2", "t3", "t4"):
        ws.cell(r0, 1, SECTION_TITLES[tid])
        r0 += 1
        cells, nr, nc = grid_of(report, tid)
        for g in cells:
            v = report.values[g.ref] if g.ref else g.text
            if isinstance(v, Decimal):
                v = float(v)
            ws.cell(r0 + g.row, 1 + g.col, v)
            if g.rowspan > 1 or g.colspan > 1:
                ws.merge_cells(start_row=r0 + g.row, start_column=1 + g.col,
                               end_row=r0 + g.row + g.rowspan - 1, end_column=g.col + g.colspan)
        r0 += nr + 1
    wb.save(path)
    return path


def pdf_copy_text(report: Report, cuts: dict[str, tuple[int, int]] | None = None) -> str:
    """Return text as copied out of a PDF viewer: one table row per line, numbers at the end,
    long labels wrapped, a running header and page numbers in between.

    ``cuts[row_id] = (k, width)`` prints a 表三 row's label cut after ``k`` characters, as a page
    break or a narrow cell cuts it: the first ``k`` on the line with the numbers, the rest on the
    lines after them, ``width`` characters a line."""
    cuts = cuts or {}
    title = f"{report.meta['unit']}{report.meta['year']}年政府信息公开工作年度报告"
    lines = [title, *report.text["preface"].split("\n"), SECTION_TITLES["overview"],
             *report.text["overview"].split("\n"), "- 1 -", title]
    for tid in ("t2", "t3", "t4"):
        lines.append(SECTION_TITLES[tid])
        t = report.form.table(tid)
        if tid == "t2":
            for r in range(t.grid_rows):
                row = sorted((g for g in t.grid if g.row == r), key=lambda g: g.col)
                lines.append(" ".join(format_value(report.values[g.ref]) or "—" if g.ref else g.text
                                      for g in row))
            continue
        if tid == "t3":
            lines += ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加", "第四项之和）",
                      "申请人情况", "自然人 法人或其他组织 总计", "商 业 企 业 科 研 机 构 社会公益组织 法律服务机构 其他"]
        if tid == "t4":
            lines += ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉",
                      " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3)]
            lines.append(" ".join(format_value(report.values[r]) or "/" for r in t.rows[0].cells))
            continue
        for i, row in enumerate(t.rows):
            nums = " ".join(format_value(report.values[r]) or "—" for r in row.cells)
            label = row.label
            if row.id in cuts:
                k, width = cuts[row.id]
                lines.append(f"{label[:k]} {nums}")
                lines += [label[j:j + width] for j in range(k, len(label), width)]
            elif len(label) > 18:
                lines += [label[:18], f"{label[18:]} {nums}"]
            else:
                lines.append(f"{label} {nums}")
            if tid == "t3" and i == 12:
                lines += ["- 2 -", title]  # a page break inside the table
    lines += [SECTION_TITLES["problems"], *report.text["problems"].split("\n"),
              SECTION_TITLES["other"], *report.text["other"].split("\n"), report.meta["signer"], "- 3 -"]
    return "\n".join(lines)


def clone(report: Report) -> Report:
    other = Report(report.form.id)
    other.restore(copy.deepcopy(report.snapshot()))
    return other


# -- pages as web site editors publish them, with any cell's HTML replaced -------------------------
def _cell_html(report: Report, g: GridCell, cells: dict[str, str] | None) -> str:
    if g.ref and cells and g.ref in cells:
        return cells[g.ref]
    return html_escape(format_value(report.values[g.ref]) if g.ref else g.text)


def html_escape(text: str) -> str:
    import html

    return html.escape(text)


def _table_rows(report: Report, tid: str, cells, td, quote: str) -> tuple[list[str], int]:
    """Each printed row of a table as its <td>s written by ``td(cell, span attributes, inner HTML)``."""
    grid, nr, nc = grid_of(report, tid)
    rows = []
    for r in range(nr):
        tds = []
        for g in sorted((g for g in grid if g.row == r), key=lambda g: g.col):
            span = (f" rowspan={quote}{g.rowspan}{quote}" if g.rowspan > 1 else "") + (
                f" colspan={quote}{g.colspan}{quote}" if g.colspan > 1 else "")
            tds.append(td(g, span, _cell_html(report, g, cells)))
        rows.append("".join(tds))
    return rows, nc


def _page(report: Report, table_html, para_html, head: str, foot: str) -> str:
    parts = [head, para_html(f"{report.meta['unit']}{report.meta['year']}年政府信息公开工作年度报告")]
    parts += [para_html(line) for line in report.text["preface"].split("\n")]
    for sec in ("overview", "t2", "t3", "t4", "problems", "other"):
        parts.append(para_html(SECTION_TITLES[sec]))
        if sec.startswith("t"):
            parts.append(table_html(sec))
        else:
            parts += [para_html(line) for line in report.text[sec].split("\n")]
    parts += [para_html(report.meta["signer"]), foot]
    return "\n".join(parts)


def html_trs(report: Report, cells: dict[str, str] | None = None) -> str:
    """A page as a TRS WCM site publishes it: the text in div.TRS_Editor, every paragraph and cell a
    <p style> with <span>/<font> wrappers and &nbsp; padding; ``cells`` gives a cell's inner HTML."""
    def para(text: str) -> str:
        return (f"<p style='text-indent:2em;line-height:1.75em'><span style='font-family:仿宋_GB2312;"
                f"font-size:16px'>{html_escape(text)}</span></p>")

    def td(g: GridCell, span: str, inner: str) -> str:
        return (f"<td{span} valign=\"middle\" style=\"border:1px solid #000;padding:0px 7px\"><p style=\""
                f"text-align:center\"><font face=\"宋体\"><span style=\"font-size:14px\">&nbsp;{inner}&nbsp;</span>"
                "</font></p></td>")

    def table(tid: str) -> str:
        rows = [f"<tr>{tds}</tr>" for tds in _table_rows(report, tid, cells, td, '"')[0]]
        return ("<div class=\"TRS_PreExcel\"><table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" "
                f"style=\"border-collapse:collapse\"><tbody>{''.join(rows)}</tbody></table></div>")

    head = ("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            "<title>年度报告</title><script>var x=1;</script></head><body><div class=\"nav\">首页 &gt; 政务公开</div>"
            "<div class=\"TRS_Editor\"><div class=\"TRS_PreAppend\">")
    foot = "</div></div><div class=\"share\">分享到：</div></body></html>"
    return _page(report, table, para, head, foot)


def html_word_paste(report: Report, cells: dict[str, str] | None = None) -> str:
    """A page whose editor pasted the tables from Word: MsoNormalTable, <p class=MsoNormal> cells with
    <span lang=EN-US> and <o:p>, conditional comments, and Word's hidden row of column widths."""
    def para(text: str) -> str:
        return (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span "
                f"style='font-size:16.0pt;font-family:仿宋_GB2312'>{html_escape(text)}<span lang=EN-US>"
                "<o:p></o:p></span></span></p>")

    def td(g: GridCell, span: str, inner: str) -> str:
        return (f"<td width={61 * g.colspan}{span} style='width:45.8pt;border:solid windowtext 1.0pt;"
                "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center "
                f"style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:宋体'>{inner}</span>"
                "<span style='font-size:10.5pt'><o:p></o:p></span></p></td>")

    def table(tid: str) -> str:
        trs, nc = _table_rows(report, tid, cells, td, "")
        rows = [f"<tr style='mso-yfti-irow:{r};height:22.7pt'>{tds}</tr>" for r, tds in enumerate(trs)]
        widths = "".join("<td width=61 style='border:none'></td>" for _ in range(nc))
        return ("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=600 "
                "style='border-collapse:collapse;mso-table-layout-alt:fixed;mso-yfti-tbllook:1184'>"
                f"{''.join(rows)}<![if !supportMisalignedColumns]><tr height=0>{widths}</tr><![endif]></table>")

    head = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\">"
            "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->"
            "<style>p.MsoNormal{margin:0cm}</style></head><body lang=ZH-CN><div class=WordSection1>")
    foot = "</div></body></html>"
    return _page(report, table, para, head, foot)


def pipe_text(report: Report, cells: dict[str, str] | None = None) -> str:
    """The report as a crawler or a Markdown converter copies a page: every table row one line of
    cells between bars, merged cells once, empty cells kept between their bars."""
    import re

    lines = [f"{report.meta['unit']}{report.meta['year']}年政府信息公开工作年度报告",
             *report.text["preface"].split("\n")]
    for sec in ("overview", "t2", "t3", "t4", "problems", "other"):
        lines.append(SECTION_TITLES[sec])
        if not sec.startswith("t"):
            lines += report.text[sec].split("\n")
            continue
        grid, nr, _ = grid_of(report, sec)
        for r in range(nr):
            texts = []
            for g in sorted((g for g in grid if g.row == r), key=lambda g: g.col):
                text = cells[g.ref] if g.ref and cells and g.ref in cells else (
                    format_value(report.values[g.ref]) if g.ref else g.text)
                texts.append(re.sub(r"<[^>]+>", "", text).replace("|", "｜"))
            lines.append("|" + "|".join(texts) + "|")
    lines.append(report.meta["signer"])
    return "\n".join(lines)


def write_docx_marked(report: Report, path: Path, cells: dict[str, tuple[str, str]]) -> Path:
    """``write_docx`` with some cells printed as a number and a superscript run after it:
    ``cells[ref] = (text, superscript)``, as Word prints a footnote mark 「217¹」."""
    import docx
    from docx.oxml.ns import qn

    write_docx(report, path)
    doc = docx.Document(str(path))
    wanted = {format_value(report.values[ref]): (ref, text, sup) for ref, (text, sup) in cells.items()}
    # The caller gives each marked cell a value no other cell has, so it can be found by its text.
    for table in doc.tables:
        for tc in table._tbl.iter(qn("w:tc")):
            runs = list(tc.iter(qn("w:r")))
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            if text in wanted and len(runs) == 1:
                _ref, shown, sup = wanted.pop(text)
                runs[0].find(qn("w:t")).text = shown
                new = copy.deepcopy(runs[0])
                new.find(qn("w:t")).text = sup
                rpr = new.find(qn("w:rPr"))
                if rpr is None:
                    rpr = new.makeelement(qn("w:rPr"), {})
                    new.insert(0, rpr)
                va = rpr.makeelement(qn("w:vertAlign"), {qn("w:val"): "superscript"})
                rpr.append(va)
                runs[0].addnext(new)
    assert not wanted, wanted
    doc.save(str(path))
    return path


def random_figures(base: Report, rng, blanks: float = 0.0) -> Report:
    """``base`` with random figures as real reports have them: mostly small, some large (5-digit totals
    wrap in a PDF's narrow cells, 「18651.06」 万元), ``blanks`` of the cells left blank, and every sum
    of the tables holding (totals recomputed, 第一项＋第二项＝第三项＋第四项)."""
    from core.model import recompute_all
    from core.schema import CellKind

    r = clone(base)
    for c in r.form.cells:
        if c.kind is CellKind.MONEY:
            r.values[c.ref] = Decimal(rng.choice(["0", "18651.06", "3.5", "0.36"]))
        elif c.kind is CellKind.SIGNED:
            r.values[c.ref] = rng.choice([0, -3, 5])
        else:
            r.values[c.ref] = rng.choice([0, 0, 0, 1, 2, 5, 12, 37, 140, 1021])
            if not c.derived and rng.random() < blanks:
                r.values[c.ref] = None
    r.apply(recompute_all(r))
    ids = r.form.t3_rows
    for c in range(1, 7):
        at = lambda row: r.values[f"t3.{ids[row]}.c{c}"] or 0  # noqa: E731
        r.values[f"t3.{ids['carried']}.c{c}"] = 0
        r.values[f"t3.{ids['new']}.c{c}"] = at("total") + at("carry")
    r.apply(recompute_all(r))
    return r


def viewer_text(pdf: Path) -> str:
    """The text a PDF viewer built on PDFium (Chrome, Edge, WPS) copies out of ``pdf``: its reading order."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
