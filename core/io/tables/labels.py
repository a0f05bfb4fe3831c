"""Official row labels of 表二 and 表三, and matching the labels a report printed to them.

Labels are compared normalised (widths folded, numbering, spaces and punctuation removed);
exact labels win over the distinctive fragments of abbreviated ones, and those over a label
cut short by a page or a cell edge.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ...schema import FormSpec, get_form
from ..importers import SUP_CLOSE, SUP_OPEN

# -- label normalisation -------------------------------------------------------------------
_NUMBERING = re.compile(
    r"^(?:第?[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:[、.．)）]|\s)|[①-⑳])")
_SUPERSCRIPT = re.compile(re.escape(SUP_OPEN) + ".*?" + re.escape(SUP_CLOSE), re.S)
_DROP = re.compile(r"[\s\u3000\u200b-\u200f\u2060\ufeff\u00ad“”\"'‘’「」『』〈〉《》()（）,，、。:：;；.．·•*＊]")


@lru_cache(maxsize=8192)
def norm_label(text: str) -> str:
    """Normalise a label: widths folded, numbering (「1.」「1、」「（1）」「三、」), spaces,
    line breaks, quotes and punctuation removed."""
    s = unicodedata.normalize("NFKC", _SUPERSCRIPT.sub("", text)).strip()
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
T3_KEYS = {
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
T2_KEYS = {
    "gb2021": (("a1.gz", "规章", ("规章",)), ("a1.gf", "行政规范性文件", ("规范性文件",)),
               ("a5.xk", "行政许可", ("行政许可",)), ("a6.cf", "行政处罚", ("行政处罚",)),
               ("a6.qz", "行政强制", ("行政强制",)), ("a8.sf", "行政事业性收费", ("事业性收费",))),
    "gb2019": (("a1.gz", "规章", ("规章",)), ("a1.gf", "规范性文件", ("规范性文件",)),
               ("a5.xk", "行政许可", ("行政许可",)), ("a5.qt", "其他对外管理服务事项", ("对外管理服务",)),
               ("a6.cf", "行政处罚", ("行政处罚",)), ("a6.qz", "行政强制", ("行政强制",)),
               ("a8.sf", "行政事业性收费", ("事业性收费",)), ("a9.cg", "政府集中采购", ("集中采购",))),
}
SUBTOTAL = ("小计", "合计")
T2_HEAD = "信息内容"  # the header over 表二's row labels
T3_BODY_START = ("本年新收", "上年结转")  # 表三's first body rows: the header ends above them
T3_BUSINESS = "商业企业"  # the first kind of 法人或其他组织: a 小计 printed before it stands right after 自然人
OLD_OTHER_ROW = "其他处理"  # 2019's single （六） row
UNIT_WORD = "单位"  # 「（单位：万元）」 in a header says the unit, not another column

# Where a group label and an item share one cell: "（六）其他处理3.其他".
_INNER_NUMBER = re.compile(r"(?<=[^\s\d（(])(?=\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十]{1,3}[)）])")


def starts_label(text: str, labels: list[str]) -> bool:
    """Whether a cell that reads as a value begins a label: 「无」 right after a cell that is only an
    item's number (「4.」「无」, the start of 「4.无正当理由大量反复申请」 cut by a line end)."""
    return text.strip() == "无" and bool(labels) and not norm_label(labels[-1])


def _normed(labels: list[str]) -> tuple[list[str], str]:
    """The label cells normalised: a group label sharing a cell with its item split off (「（六）其他处理
    3.其他」), and a cell that is only a number or a bracket (「6.」, 「（」 of 「（」「七）总计」) joined to
    the cell after it, as the label was printed before a line or a page broke it. Returns them and
    such a number or bracket left at the end (an item's number whose words come after)."""
    out: list[str] = []
    carry = ""
    for x in labels:
        for part in _INNER_NUMBER.split(x):
            part = carry + part
            normed = norm_label(part)
            carry = "" if normed else part.strip()
            if normed:
                out.append(normed)
    return out, carry


def match_labels(labels: list[str], keys, groups: set[str], previous: str | None) -> tuple[str | None, str]:
    """Match a row's label cells to a row id; return ``(row_id | "group" | None, shown_label)``.

    The last label cell is tried alone, then joined with the cells before it (labels that
    wrapped, or group labels of merged columns). Exact labels win over the distinctive
    fragments of abbreviated labels, and those over a label cut short.
    """
    normed, _ = _normed(labels)
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
                    if not any(OLD_OTHER_ROW in x for x in normed[:-1]):
                        continue
                return row_id, shown
        if cand in groups or any(cand.endswith(g) and len(g) > len(last) for g in groups) or (
                k == 1 and cand.endswith(SUBTOTAL)):
            return "group", shown
        for row_id, exact, cores in keys:
            for core in sorted(cores, key=len, reverse=True):
                if core in cand:
                    return row_id, shown
        if len(cand) >= 3 and _cut_short(cand, keys):
            # a label cut short by a page or a cell edge: "（一）予以公"; the longest start that tells
            # one row (「申」「请人」「无正」「当理」 is 申请人无正当理由…, not 无正当理由…)
            longest = next(filter(None, (_cut_short("".join(normed[-m:]), keys)
                                         for m in range(min(30, len(normed)), k, -1))), None)
            return longest or _cut_short(cand, keys), shown
    return None, shown


def _cut_short(cand: str, keys) -> str | None:
    """The one row whose official label starts with ``cand``, if only one does."""
    starts = [row_id for row_id, exact, _ in keys if exact.startswith(cand)]
    return starts[0] if len(starts) == 1 else None


def label_end_after_numbers(labels: list[str], following: list[str], keys, groups: set[str],
                            previous: str | None, matched: str | None = None) -> tuple[str, int] | None:
    """The end of a row's label printed after its numbers (a PDF copied as text: a label cell cut by
    a page break or wrapped in a narrow cell gives 「6.属 1021 0 … 1035」, then 「于四类过程性」「信息」).

    ``labels`` are the row's label cells before its numbers, ``following`` those of the next run of
    numbers, ``matched`` the row ``labels`` already name (by a fragment or a cut start), if any.
    Return ``(row_id, j)`` when the first ``j`` cells of ``following`` finish the label, else None.

    The label as printed before and after the numbers, joined, being exactly one official label
    says it. Short of that, a label that names no row borrows cells only until they would name a
    row by themselves: those are the next row's own label.
    """
    head, number = _normed(labels)
    exact_ids = {exact: row_id for row_id, exact, _ in keys}
    # Before the numbers, the label's start; or only its number (「6.」, 「（三）不予公开1.」): all its words after.
    starts = [0] if number or not head else []
    if matched != "group":
        starts += range(1, min(30, len(head)) + 1)
    for j in range(1, min(30, len(following)) + 1):
        after = "".join(_normed(following[:j])[0])
        if not after or after == "".join(_normed(following[:j - 1])[0]):
            continue
        for k in starts:
            joined = "".join(head[len(head) - k:]) + after
            row_id = exact_ids.get(joined)
            if row_id is not None and matched in (None, "group", row_id) and (
                    match_labels([joined], keys, groups, previous)[0] == row_id):
                return row_id, j
    if matched is not None:
        return None
    for j in range(1, min(8, len(following)) + 1):
        if match_labels(following[:j], keys, groups, previous)[0] is not None:
            return None  # that is the next row's own label, not the rest of this one
        row_id, _ = match_labels(labels + following[:j], keys, groups, previous)
        if row_id is not None:
            return row_id, j
    return None


def match_row_label(form: FormSpec, table_id: str, labels: list[str], previous: str | None = None) -> str | None:
    """Return the row of table ``table_id`` that ``labels`` name (the last cell alone, else joined
    with those before it), "group" for a group subtotal row, or None; ``previous`` is the row above."""
    if table_id not in ("t2", "t3"):
        return None
    keys = (T3_KEYS if table_id == "t3" else T2_KEYS)[form.id]
    groups = t3_group_labels(form.id) if table_id == "t3" else frozenset()
    return match_labels(labels, keys, groups, previous)[0]


@lru_cache(maxsize=None)
def t3_group_labels(form_id: str) -> frozenset[str]:
    """Return the normalised labels printed over several 表三 rows (「不予公开」): a row of them is a subtotal."""
    return frozenset(norm_label(g.label) for g in get_form(form_id).t3_groups if len(g.rows) > 1)
