"""The report as one web page for the office's site: what a CMS editor can take as it is.

Clerks paste the Word file into the site's editor (TRS, UEditor …) and the merged cells of the
tables break. This page is self-contained UTF-8 — no script, no external resources, no fonts
to load — with the title, the six sections and the three tables with the official merged
headers as ``rowspan``/``colspan``. Presentation sits in ``style`` attributes (and ``border``
on the tables) because editors drop a page's ``<style>`` when the HTML is pasted; numbers are
right-aligned and blank cells stay empty. ``nianbao import`` reads the page back.
"""

from __future__ import annotations

import html
from typing import Any

from ..model.money_unit import with_unit
from ..schema import SECTION_TITLES, GridCell, TableSpec, typography
from ..schema.typography import CSS_STACKS
from .docx_context import build_context
from .line_breaks import label_lines

FONT, TITLE_FONT = CSS_STACKS[typography.BODY_FONT], CSS_STACKS[typography.TITLE_FONT]
H1_FONT, H2_FONT = CSS_STACKS[typography.H1_FONT], CSS_STACKS[typography.H2_FONT]
PAGE_CSS = ("body{margin:0;padding:2em 1em;background:#fff;color:#000}"
            ".nianbao-report{max-width:48em;margin:0 auto}"
            "@media print{body{padding:0}}")
STYLE = {
    "article": f"font-family:{FONT};font-size:16px;line-height:1.9",
    "h1": f"font-family:{TITLE_FONT};font-size:1.6em;font-weight:normal;text-align:center;line-height:1.5;margin:0 0 1.2em",
    "h2": f"font-family:{H1_FONT};font-size:1em;font-weight:normal;text-indent:2em;margin:0.6em 0 0",
    "h3": f"font-family:{H2_FONT};font-size:1em;font-weight:normal;text-indent:2em;margin:0",
    "p": "text-indent:2em;margin:0;text-align:justify",
    "lead": f"font-family:{H2_FONT};font-weight:normal",
    "signature": "text-align:right;margin:0;padding-right:2em",
    "table": "border-collapse:collapse;width:100%;margin:0.5em 0 1em;font-size:14px;line-height:1.4",
    "cell": "border:1px solid #000;padding:2px 4px;vertical-align:middle",
}
NARROW = 0.1  # a column under a tenth of the table's width breaks its headers between two-character words
_ALIGN = {"num": "text-align:right", "centre": "text-align:center", "left": "text-align:left"}


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _narrative(paragraphs: list[dict]) -> list[str]:
    out = []
    for p in paragraphs:
        if p["kind"] == "h1":
            out.append(f'<h2 style="{STYLE["h2"]}">{_e(p["text"])}</h2>')
        elif p["kind"] == "h2":
            out.append(f'<h3 style="{STYLE["h3"]}">{_e(p["text"])}</h3>')
        elif p["kind"] == "lead":
            out.append(f'<p style="{STYLE["p"]}"><strong style="{STYLE["lead"]}">{_e(p["lead"])}</strong>'
                       f'{_e(p["text"])}</p>')
        else:
            out.append(f'<p style="{STYLE["p"]}">{_e(p["text"])}</p>')
    return out


def _cell_text(context: dict, ref: str) -> str:
    node: Any = context
    for key in ref.split("."):
        node = node[key]
    return node


def _head(g: GridCell, context: dict) -> str:
    """A header's text; over 2019's 采购总金额 with the unit the clerk stated: 「采购总金额（万元）」."""
    return with_unit(g.text, context["money_unit"]) if g.chosen_unit else g.text


def table_html(spec: TableSpec, context: dict) -> str:
    """One official table from ``spec.grid``: merges as rowspan/colspan, one cell per grid cell."""
    starts = {(g.row, g.col): g for g in spec.grid}
    total = sum(spec.col_widths)
    rows = []
    for r in range(spec.grid_rows):
        cells = []
        for c in range(spec.grid_cols):
            g = starts.get((r, c))
            if g is None:
                continue  # covered by a merge (the grid has no holes)
            spans = (f' rowspan="{g.rowspan}"' if g.rowspan > 1 else "") + \
                    (f' colspan="{g.colspan}"' if g.colspan > 1 else "")
            if g.role == "data":
                text, tag, align = _cell_text(context, g.ref), "td", "num"
            elif g.role in ("header", "note"):
                text, tag, align = _head(g, context), "th", "centre"
            else:
                row_label = spec.id == "t3" and g.rowspan == 1
                text, tag, align = g.text, "td", "left" if row_label else "centre"
            style = f'{STYLE["cell"]};{_ALIGN[align]}' + (";font-weight:normal" if tag == "th" else "")
            shown = _e(text)
            if g.role == "label" and g.rowspan > 1 and g.colspan == 1:  # 「三、/本年度/办理/结果」
                shown = "<br>".join(_e(w) for w in label_lines(text, 3))
            elif g.role == "header" and g.colspan == 1 and len(text) in (4, 6) \
                    and spec.col_widths[g.col] / total < NARROW:  # 「商业/企业」, not 「商业企/业」
                shown = "<br>".join(_e(text[i:i + 2]) for i in range(0, len(text), 2))
            cells.append(f'<{tag}{spans} style="{style}">{shown}</{tag}>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in spec.col_widths)
    return (f'<table border="1" cellspacing="0" cellpadding="2" style="{STYLE["table"]}">'
            f"<colgroup>{cols}</colgroup>" + "".join(rows) + "</table>")


def report_fragment(report) -> str:
    """The report as an HTML fragment (an ``<article>``) for a CMS editor or the clipboard."""
    ctx = build_context(report)
    parts = [f'<article class="nianbao-report" style="{STYLE["article"]}">',
             f'<h1 style="{STYLE["h1"]}">' + "<br>".join(_e(line) for line in ctx["title_lines"]) + "</h1>"]
    parts += _narrative(ctx["preface"])
    parts.append(f'<h2 style="{STYLE["h2"]}">{_e(SECTION_TITLES["overview"])}</h2>')
    parts += _narrative(ctx["overview"])
    for spec in report.form.tables:
        parts.append(f'<h2 style="{STYLE["h2"]}">{_e(SECTION_TITLES[spec.id])}</h2>')
        parts.append(table_html(spec, ctx))
        parts += _narrative(ctx["notes"][spec.id])  # the note under the table
    for sid in ("problems", "other"):
        parts.append(f'<h2 style="{STYLE["h2"]}">{_e(SECTION_TITLES[sid])}</h2>')
        parts += _narrative(ctx[sid])
    parts.append(f'<p style="{STYLE["signature"]}">&nbsp;</p>')
    for line in (ctx["signer"], ctx["date_cn"]):
        if line:
            parts.append(f'<p style="{STYLE["signature"]}">{_e(line)}</p>')
    parts.append("</article>")
    return "\n".join(parts)


def report_page(report) -> str:
    """The report as one self-contained UTF-8 page."""
    ctx_title = "".join(build_context(report)["title_lines"])
    return ("<!DOCTYPE html>\n"
            '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="nianbao">\n'
            f"<title>{_e(ctx_title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
            + report_fragment(report) + "\n</body>\n</html>\n")


def report_plain_text(report) -> str:
    """The report as plain text (the clipboard's text/plain beside the HTML): tables tab-separated."""
    ctx = build_context(report)
    lines = list(ctx["title_lines"]) + [""]

    def narrative(paragraphs):
        for p in paragraphs:
            lines.append("　　" + p["lead"] + p["text"])  # 每自然段左空二字

    narrative(ctx["preface"])
    lines.append(SECTION_TITLES["overview"])
    narrative(ctx["overview"])
    for spec in report.form.tables:
        lines.append(SECTION_TITLES[spec.id])
        starts = {(g.row, g.col): g for g in spec.grid}
        for r in range(spec.grid_rows):
            row = []
            for c in range(spec.grid_cols):
                g = starts.get((r, c))
                row.append("" if g is None else (_cell_text(ctx, g.ref) if g.role == "data" else _head(g, ctx)))
            lines.append("\t".join(row))
        lines.append("")
    for sid in ("problems", "other"):
        lines.append(SECTION_TITLES[sid])
        narrative(ctx[sid])
    lines += ["", ctx["signer"], ctx["date_cn"]]
    return "\n".join(lines).rstrip() + "\n"
