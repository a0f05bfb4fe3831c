"""The one table parser: match cells read from any file into the official tables by their labels.

Every reader (DOCX, HTML, text, PDF, XLSX) produces the same stream of tokens
(:class:`core.io.importers.Tok`). Here the stream is split into sections by its headings, each
table is found by its headings or header texts, the format (gb2019/gb2021) is told from the header
texts, and rows are matched by their normalised labels — never by position. Whatever could not be
read, or was read by a guess, is reported as a :class:`ReadNote` naming the cell, row or table it is about.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from ..errors import FileReadError
from ..messages import reading as msg
from ..model.report import Report
from ..model.values import Value, format_value, parse_cell_text
from ..schema import GB2021, TABLE_NAMES, CellKind, CellSpec, FormSpec, form_for_year, get_form
from .narrative import extract, heading_section
from .read_result import NoteCode, ReadNote
from .xlsx_layout import STALE, parse_stale

# -- label normalisation -------------------------------------------------------------------
_NUMBERING = re.compile(
    r"^(?:第?[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:[、.．)）]|\s)|[①-⑳])")
_DROP = re.compile(r"[\s\u3000“”\"'‘’「」『』〈〉《》()（）,，、。:：;；.．·•*＊]")


@lru_cache(maxsize=8192)
def norm_label(text: str) -> str:
    """Normalise a label: widths folded, numbering (「1.」「1、」「（1）」「三、」), spaces,
    line breaks, quotes and punctuation removed."""
    s = unicodedata.normalize("NFKC", text).strip()
    s = re.sub(r"\[bookmark:[^\]]*\]", "", s)
    for _ in range(3):
        stripped = _NUMBERING.sub("", s, count=1).lstrip()
        if stripped == s:
            break
        s = stripped
    return _DROP.sub("", s)


# -- row keys -------------------------------------------------------------------------------
# (row id, exact normalised label, distinctive fragments that identify abbreviated labels)
_T3_COMMON = (
    ("r01", "本年新收政府信息公开申请数量", ("本年新收", "新收")),
    ("r02", "上年结转政府信息公开申请数量", ("上年结转",)),
    ("r03", "予以公开", ("予以公开",)),
    ("r04", "部分公开区分处理的只计这一情形不计其他情形", ("部分公开",)),
    ("r05", "属于国家秘密", ("国家秘密",)),
    ("r06", "其他法律行政法规禁止公开", ("禁止公开",)),
    ("r07", "危及三安全一稳定", ("三安全一稳定",)),
    ("r08", "保护第三方合法权益", ("第三方合法权益",)),
    ("r09", "属于三类内部事务信息", ("内部事务",)),
    ("r10", "属于四类过程性信息", ("过程性",)),
    ("r11", "属于行政执法案卷", ("执法案卷",)),
    ("r12", "属于行政查询事项", ("行政查询",)),
    ("r13", "本机关不掌握相关政府信息", ("不掌握",)),
    ("r14", "没有现成信息需要另行制作", ("另行制作", "没有现成信息")),
    ("r15", "补正后申请内容仍不明确", ("仍不明确", "补正后申请")),
    ("r16", "信访举报投诉类申请", ("信访举报投诉", "信访")),
    ("r17", "重复申请", ("重复申请",)),
    ("r18", "要求提供公开出版物", ("公开出版物",)),
    ("r19", "无正当理由大量反复申请", ("大量反复",)),
    ("r20", "要求行政机关确认或重新出具已获取信息", ("重新出具", "确认或重新")),
)
_T3_KEYS = {
    "gb2021": _T3_COMMON + (
        ("r21", "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请", ("逾期不补正",)),
        ("r22", "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
         ("收费通知", "缴纳费用")),
        ("r23", "其他", ()),
        ("r24", "总计", ()),
        ("r25", "结转下年度继续办理", ("结转下年度",)),
    ),
    "gb2019": _T3_COMMON + (
        ("r21", "其他处理", ()),
        ("r22", "总计", ()),
        ("r23", "结转下年度继续办理", ("结转下年度",)),
    ),
}
_T2_KEYS = {
    "gb2021": (("a1.gz", "规章", ("规章",)), ("a1.gf", "行政规范性文件", ("规范性文件",)),
               ("a5.xk", "行政许可", ("行政许可",)), ("a6.cf", "行政处罚", ("行政处罚",)),
               ("a6.qz", "行政强制", ("行政强制",)), ("a8.sf", "行政事业性收费", ("事业性收费",))),
    "gb2019": (("a1.gz", "规章", ("规章",)), ("a1.gf", "规范性文件", ("规范性文件",)),
               ("a5.xk", "行政许可", ("行政许可",)), ("a5.qt", "其他对外管理服务事项", ("对外管理服务",)),
               ("a6.cf", "行政处罚", ("行政处罚",)), ("a6.qz", "行政强制", ("行政强制",)),
               ("a8.sf", "行政事业性收费", ("事业性收费",)), ("a9.cg", "政府集中采购", ("集中采购",))),
}
_SUBTOTAL = ("小计", "合计")

# Header texts that tell the formats apart (domain.md §2.5).
_FORMAT_HINTS = {
    "gb2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "第二十条第九项", "政府集中采购",
               "其他对外管理服务事项", "上一年项目数量", "采购总金额"),
    "gb2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量",
               "逾期未按收费通知要求缴纳费用"),
}

# -- values ---------------------------------------------------------------------------------
_BLANK_MARKS = re.compile(r"[/／\\—–\-－_―]+|无|空")
_UNIT_NUMBER = re.compile(r"(增加?|减少?)?([+\-−－]?)(\d[\d,，]*(?:\.\d+)?)(万元|元|件|个|项|条|次)?")


def is_value_text(text: str) -> bool:
    """Return whether a cell's text is a value (a number, a blank mark, or empty), not a label."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return not s or bool(_BLANK_MARKS.fullmatch(s)) or bool(_UNIT_NUMBER.fullmatch(s))


def parse_value(raw: str, spec: CellSpec) -> tuple[Value, str | None, bool]:
    """Parse an imported cell: ``(value, note, blank_mark)``; the note quotes the original text."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))
    shown = raw.strip()
    if not s:
        return None, None, False
    if _BLANK_MARKS.fullmatch(s):
        return None, None, True
    parsed = parse_cell_text(s, spec.kind)
    if parsed.ok:
        return parsed.value, None, False
    m = _UNIT_NUMBER.fullmatch(s)
    if m:
        word, sign, num, unit = m.groups()
        num = num.replace(",", "").replace("，", "")
        negative = bool(word and word.startswith("减")) or bool(sign and sign != "+")
        if negative and spec.kind is not CellKind.SIGNED:
            return shown, msg.value_negative(shown), False
        try:
            number = Decimal(num)
        except InvalidOperation:
            return shown, msg.value_not_number(shown), False
        if spec.kind is CellKind.MONEY:
            if unit == "元" and "万元" in spec.col_label:
                value: int | Decimal = number / 10000
                note = msg.value_yuan_to_wan(shown, format_value(value))
            elif unit == "元":
                value = number
                note = msg.value_in_yuan(shown, format_value(value))
            else:
                value = number
                note = msg.value_read_as(shown, format_value(value), "万元" if unit == "万元" else "")
        else:
            if number != number.to_integral_value():
                return shown, msg.value_not_integer(shown), False
            value = int(number)
            note = msg.value_read_as(shown, str(-value if negative else value))
        return (-value if negative else value), note, False
    return shown, msg.value_not_number(shown), False


# -- sections and tables ---------------------------------------------------------------------
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


def _runs(tokens, need_label: bool):
    """Yield ``(labels, values, structured)`` for each run of value cells in a table's tokens.

    A run is ended by the next label cell or by the end of a table row. In the flat layouts
    (text, PDF) the labels before a run carry over when a run held nothing, because header
    cells and merged stand-ins come in between.
    """
    labels: list[str] = []
    values: list[str] = []
    structured = any(t.kind == "row" for t in tokens)

    def flush():
        nonlocal labels, values
        if values and (any(v.strip() for v in values) or structured):
            yield list(labels), values, structured
            labels = []
        values = []

    for t in tokens:
        if t.kind == "cell":
            if is_value_text(t.text):
                if labels or not need_label or values:
                    values.append(t.text)
                continue
            yield from flush()
            labels.append(t.text)
            labels = labels[-30:]
        elif t.kind in ("row", "endtable"):
            yield from flush()
            if structured:
                labels = []
    yield from flush()


# Where a group label and an item share one cell: "（六）其他处理3.其他".
_INNER_NUMBER = re.compile(r"(?<=[^\s\d（(])(?=\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十]{1,3}[)）])")


def _match(labels: list[str], keys, groups: set[str], previous: str | None) -> tuple[str | None, str]:
    """Match a row's label cells to a row id; return ``(row_id | "group" | None, shown_label)``.

    The last label cell is tried alone, then joined with the cells before it (labels that
    wrapped, or group labels of merged columns). Exact labels win over the distinctive
    fragments of abbreviated labels, and those over a label cut short.
    """
    parts = [p for x in labels for p in _INNER_NUMBER.split(x)]
    normed = [norm_label(x) for x in parts if norm_label(x)]
    if not normed:
        return None, ""
    shown = "".join(re.sub(r"\s+", "", x) for x in labels[-1:])
    last = normed[-1]
    for k in range(1, min(30, len(normed)) + 1):
        cand = "".join(normed[-k:])
        for row_id, exact, _ in keys:
            if cand == exact or (k > 1 and cand.endswith(exact) and len(exact) > len(last)):
                if exact in ("其他", "总计") and cand != exact:
                    continue
                if exact == "其他" and previous not in ("r21", "r22"):
                    if not any("其他处理" in x for x in normed[:-1]):
                        continue
                return row_id, shown
        if cand in groups or any(cand.endswith(g) and len(g) > len(last) for g in groups) or (
                k == 1 and cand.endswith(_SUBTOTAL)):
            return "group", shown
        for row_id, exact, cores in keys:
            for core in sorted(cores, key=len, reverse=True):
                if core in cand:
                    return row_id, shown
        if len(cand) >= 3:
            # a label cut short by a page or a cell edge: "（一）予以公"
            starts = [row_id for row_id, exact, _ in keys if exact.startswith(cand)]
            if len(starts) == 1:
                return starts[0], shown
    return None, shown


def match_row_label(form: FormSpec, table_id: str, labels: list[str], previous: str | None = None) -> str | None:
    """Return the row of table ``table_id`` that ``labels`` name (the last cell alone, else joined
    with those before it), "group" for a group subtotal row, or None; ``previous`` is the row above."""
    if table_id not in ("t2", "t3"):
        return None
    keys = (_T3_KEYS if table_id == "t3" else _T2_KEYS)[form.id]
    groups = _t3_group_labels(form.id) if table_id == "t3" else frozenset()
    return _match(labels, keys, groups, previous)[0]


def _fill_row(form: FormSpec, tid: str, row_id: str, raw: list[str], values: dict, notes: list[ReadNote],
              stats: dict) -> None:
    spec_row = next(r for r in form.table(tid).rows if r.id == row_id)
    for ref, text in zip(spec_row.cells, raw):
        spec = form.cell(ref)
        value, note, mark = parse_value(text, spec)
        values[ref] = value
        if mark:
            stats["marks"] += 1
        elif value is None:
            stats["empty"] += 1
        if note:
            code = NoteCode.CELL_TEXT if isinstance(value, str) else NoteCode.CELL_CONVERTED
            notes.append(ReadNote(code, msg.cell(TABLE_NAMES[tid], spec.row_label, spec.col_label, note), ref))
    if len(raw) < len(spec_row.cells):
        missing = len(spec_row.cells) - len(raw)
        stats["empty"] += missing
        notes.append(ReadNote(NoteCode.ROW_SHORT, msg.row_short(TABLE_NAMES[tid], spec_row.label, len(raw), missing),
                              f"{tid}.{row_id}"))


@lru_cache(maxsize=None)
def _t3_group_labels(form_id: str) -> frozenset[str]:
    """Return the normalised labels printed over several 表三 rows (「不予公开」): a row of them is a subtotal."""
    return frozenset(norm_label(g.label) for g in get_form(form_id).t3_groups if len(g.rows) > 1)


def _t3_subtotal_column(tokens) -> int | None:
    """Return the index of a printed 法人或其他组织 subtotal column among the value columns."""
    heads = []
    for t in tokens:
        if t.kind != "cell":
            continue
        s = norm_label(t.text)
        if "本年新收" in s:
            break
        heads.append(s)
    sub = next((i for i, s in enumerate(heads) if s.endswith(_SUBTOTAL)), None)
    if sub is None:
        return None
    biz = next((i for i, s in enumerate(heads) if "商业企业" in s), None)
    return 1 if biz is not None and sub < biz else 6


def parse_table(form: FormSpec, tid: str, tokens, values: dict, notes: list[ReadNote]) -> bool:
    """Read table ``tid`` from its tokens into ``values``; return whether any row was found."""
    name = TABLE_NAMES[tid]
    stats = {"marks": 0, "empty": 0, "groups": 0, "subtotal_col": 0}
    table = form.table(tid)
    if tid == "t4":
        runs = [v for _, v, _ in _runs(tokens, need_label=False) if any(x.strip() for x in v)]
        if not runs:
            notes.append(ReadNote(NoteCode.TABLE_MISSING, msg.table_no_data(name, table.title), tid))
            return False
        raw = runs[-1]
        n = len(table.cells)
        while len(raw) > n and not raw[-1].strip():
            raw = raw[:-1]
        while len(raw) > n and not raw[0].strip():
            raw = raw[1:]
        if len(raw) > n:
            notes.append(ReadNote(NoteCode.TABLE_EXTRA, msg.table_extra(name, len(raw), n), tid))
        _fill_row(form, "t4", "r1", raw[:n], values, notes, stats)
        _summarise(tid, stats, notes)
        return True
    keys = (_T3_KEYS if tid == "t3" else _T2_KEYS)[form.id]
    groups = _t3_group_labels(form.id) if tid == "t3" else frozenset()
    sub_col = _t3_subtotal_column(tokens) if tid == "t3" else None
    seen: dict[str, str] = {}
    previous = None
    runs = list(_runs(tokens, need_label=True))
    for i, (labels, raw, structured) in enumerate(runs):
        row_id, shown = _match(labels, keys, groups, previous)
        if row_id is None and not structured and i + 1 < len(runs):
            # The numbers came before the end of a wrapped label (PDF): borrow what follows.
            following = runs[i + 1][0]
            for j in range(1, min(8, len(following)) + 1):
                if _match(following[:j], keys, groups, previous)[0] is not None:
                    break  # that is the next row's own label, not the rest of this one
                row_id, _ = _match(labels + following[:j], keys, groups, previous)
                if row_id is not None:
                    del following[:j]
                    break
        if row_id is None:
            if any(v.strip() for v in raw):
                notes.append(ReadNote(NoteCode.ROW_UNKNOWN, msg.row_unknown(name, shown), tid))
            continue
        if row_id == "group":
            stats["groups"] += 1  # a printed group subtotal row (28×8 layout): derived, not stored
            continue
        if row_id in seen:
            notes.append(ReadNote(NoteCode.ROW_DUPLICATE, msg.row_duplicate(name, shown), f"{tid}.{row_id}"))
            continue
        seen[row_id] = shown
        previous = row_id
        n = len(next(r for r in table.rows if r.id == row_id).cells)
        while len(raw) > n and not raw[-1].strip():
            raw = raw[:-1]  # empty cells past the end of the row (a ragged table's edge)
        if tid == "t3" and len(raw) == n + 1 and (sub_col is not None or _looks_like_subtotal(raw)):
            col = 6 if sub_col is None else sub_col
            raw = raw[:col] + raw[col + 1:]  # drop the 法人或其他组织 subtotal column
            stats["subtotal_col"] += 1
        elif len(raw) > n:
            extra = [v for v in raw[n:] if v.strip()]
            if extra:
                notes.append(ReadNote(NoteCode.ROW_EXTRA, msg.row_extra(name, shown, extra), f"{tid}.{row_id}"))
            raw = raw[:n]
        _fill_row(form, tid, row_id, raw, values, notes, stats)
    if not seen:
        notes.append(ReadNote(NoteCode.TABLE_MISSING, msg.table_missing(name, table.title), tid))
        return False
    for row in table.rows:
        if row.id not in seen:
            notes.append(ReadNote(NoteCode.ROW_MISSING, msg.row_missing(name, row.label), f"{tid}.{row.id}"))
    _summarise(tid, stats, notes)
    return True


def _looks_like_subtotal(raw: list[str]) -> bool:
    """Whether an 8-number T3 row is 自然人, five kinds, their 小计 and the 总计."""
    try:
        nums = [Decimal(re.sub(r"\s+", "", unicodedata.normalize("NFKC", v)) or "0") for v in raw]
    except InvalidOperation:
        return False
    return nums[6] == sum(nums[1:6]) and nums[7] == nums[0] + nums[6]


def _summarise(tid: str, stats: dict, notes: list[ReadNote]) -> None:
    name = TABLE_NAMES[tid]
    if stats["subtotal_col"] or stats["groups"]:
        notes.append(ReadNote(NoteCode.SUBTOTALS_DROPPED, msg.subtotals_dropped(name), tid))
    if stats["marks"]:
        notes.append(ReadNote(NoteCode.BLANK_MARKS, msg.blank_marks(name, stats["marks"]), tid))
    if stats["empty"]:
        notes.append(ReadNote(NoteCode.CELLS_EMPTY, msg.cells_empty(name, stats["empty"]), tid))


def build_report(tokens, source: str = "") -> tuple[Report, list[ReadNote]]:
    """Build a report from a reader's token stream; return it with the reading notes."""
    tables, paras = split(tokens)
    story = extract(paras)
    form_id, form_note = detect_form(tables, story.year)
    if not any(tables.values()) and not any(sec for sec, _ in paras):
        raise FileReadError(msg.not_a_report(source))
    exact = dict(t.text.split("\t", 1) for t in tokens if t.kind == "meta")
    if exact:
        _apply_exact(story, exact)
    form = get_form(form_id)
    report = Report(form_id, unit=story.unit, year=story.year)
    report.meta["signer"] = story.signer or story.unit
    report.meta["date"] = story.date
    notes: list[ReadNote] = []
    if form_note:
        notes.append(ReadNote(NoteCode.FORM_GUESSED, form_note))
    expected = form_for_year(story.year) if story.year else None
    if expected and expected != form_id and not form_note:
        notes.append(ReadNote(NoteCode.FORM_MISMATCH, msg.form_mismatch(form.name, story.year, get_form(expected).name),
                              "meta.year"))
    found = 0
    for tid in ("t2", "t3", "t4"):
        found += parse_table(form, tid, tables[tid], report.values, notes)
    if not found and not any(story.text[s] for s in ("overview", "problems", "other")):
        raise FileReadError(msg.no_tables(source))
    for sec, value in story.text.items():
        report.text[sec] = value
    report.imported["sections"] = tuple(story.sections)  # for E-STRUCT-SECTIONS
    if report.meta.get("deadline") is not None and exact.get("meta.deadline"):
        report.meta["deadline"] = exact["meta.deadline"]
    report.stale = parse_stale(exact.get(STALE, "")) & set(report.text)  # 沿用上年 marks of our own XLSX
    return report, story.notes + notes


def _apply_exact(story, exact: dict[str, str]) -> None:
    """Take meta data and narrative stored exactly by this project's own export."""
    if exact.get("meta.unit"):
        story.unit = exact["meta.unit"]
    year = exact.get("meta.year", "")
    if year.isdigit():
        story.year = int(year)
    story.date = exact.get("meta.date") or story.date
    story.signer = exact.get("meta.signer") or story.signer or story.unit
    texts = {k[5:]: v for k, v in exact.items() if k.startswith("text.")}
    story.text.update(texts)
    # Drop only the notes the exact data answers: a unit still empty keeps its note.
    answered = {f"text.{s}" for s, v in texts.items() if v.strip()}
    answered |= {ref for ref, value in (("meta.unit", story.unit), ("meta.year", story.year)) if value}
    story.notes = [n for n in story.notes if n.where not in answered]
