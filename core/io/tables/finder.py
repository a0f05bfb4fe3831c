"""The statistical tables in a token stream, and the format they are printed in.

The stream is split by its headings into the three tables' tokens and the narrative's lines; a table
is told by its headings or its header texts, the format (gb2019/gb2021) by the header texts, else by
the report's year.
"""

from __future__ import annotations

from ...messages import reading as msg
from ...schema import GB2021, form_for_year, get_form
from ..narrative import heading_section
from .labels import norm_label

# Header texts that tell the formats apart (domain.md §2.5).
_FORMAT_HINTS = {
    "gb2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "第二十条第九项", "政府集中采购",
               "其他对外管理服务事项", "上一年项目数量", "采购总金额"),
    "gb2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量",
               "逾期未按收费通知要求缴纳费用"),
}


def _identify(block) -> str | None:
    """Tell which statistical table a block of cells is, by its header texts."""
    text = "".join(norm_label(t.text) for t in block if t.kind == "cell")
    found = []
    if "本年新收" in text or "上年结转" in text:
        found.append("t3")
    if "行政复议" in text and ("结果维持" in text or "复议后起诉" in text) and "t3" not in found:
        found.append("t4")
    if "第二十条" in text or "信息内容" in text or ("行政许可" in text and "行政处罚" in text):
        found.append("t2")
    return found[0] if len(found) == 1 else None


def split(tokens) -> tuple[dict[str, list], list[tuple[str | None, str]]]:
    """Split the stream into the three tables' tokens and the narrative ``(section, line)`` pairs.

    ``meta`` tokens (exact meta data a reader found, "key\tvalue") are left to the caller.
    """
    tables: dict[str, list] = {"t2": [], "t3": [], "t4": []}
    paras: list[tuple[str | None, str]] = []
    current: str | None = None
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if t.kind == "table":
            j = i + 1
            while j < n and tokens[j].kind != "endtable":
                j += 1
            block = tokens[i + 1:j]
            has_heading = any(b.kind == "cell" and heading_section(b.text) for b in block)
            ident = None if has_heading else _identify(block)
            if ident:
                tables[ident].extend(block)
                tables[ident].append(tokens[j] if j < n else None)
                current = ident if current in (None, "overview", "t2", "t3", "t4") else current
                i = j + 1
                continue
            i += 1
            continue
        if t.kind in ("para", "cell"):
            sec = heading_section(t.text)
            if sec:
                current = sec
                paras.append((sec, t.text))
                i += 1
                continue
        if t.kind == "para" or (t.kind == "cell" and current not in tables):
            # a cell outside the statistical tables (a spreadsheet's title row) is text
            for line in t.text.split("\n"):
                paras.append((current, line))
        elif t.kind in ("cell", "row", "endtable") and current in tables:
            tables[current].append(t)
        i += 1
    for key in tables:
        tables[key] = [t for t in tables[key] if t is not None]
    return tables, paras


def detect_form(tables: dict[str, list], year: int | None) -> tuple[str, str | None]:
    """Return ``(form_id, note)``: the format told by header texts, else by the report year."""
    text = "".join(norm_label(t.text) for toks in tables.values() for t in toks if t.kind == "cell")
    score = {f: sum(text.count(h) for h in hints) for f, hints in _FORMAT_HINTS.items()}
    if score["gb2019"] > score["gb2021"]:
        return "gb2019", None
    if score["gb2021"] > score["gb2019"]:
        return "gb2021", None
    by_year = form_for_year(year) if year else None
    if by_year:
        return by_year, msg.form_by_year(year, get_form(by_year).name)
    return GB2021.id, msg.form_by_default(GB2021.name)
