"""The table figures a narrative may state, and the table cells each one stands for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...schema import get_form


@dataclass(frozen=True)
class Figure:
    """A table figure a sentence can state, and the table values that count as agreeing."""

    key: str
    rule: str  # W-TXT-T3 | W-TXT-T4 | W-TXT-T2
    label: str  # how the message names what the text says, e.g. 「受理申请」
    alternatives: tuple[tuple[str, tuple[str, ...]], ...]  # (table wording, refs summed)


def _c7(*row_ids) -> tuple[str, ...]:
    return tuple(f"t3.{r}.c7" for r in row_ids)


@lru_cache(maxsize=None)
def figures(form_id: str) -> dict[str, Figure]:
    """Return the figures a report's text may state, for format ``form_id``."""
    form = get_form(form_id)
    ids = form.t3_rows
    new, carried, total, carry = ids["new"], ids["carried"], ids["total"], ids["carry"]
    group = form.t3_group
    t3 = "W-TXT-T3"
    both = "（本年新收＋上年结转）"
    figs = [
        Figure("new", t3, "本年新收申请", (("“一、本年新收”总计", _c7(new)),)),
        Figure("received", t3, "收到（受理）申请", (("“一、本年新收”总计", _c7(new)),
                                            (f"收到申请总数{both}", _c7(new, carried)))),
        Figure("carried", t3, "上年结转", (("“二、上年结转”总计", _c7(carried)),)),
        Figure("done", t3, "办结", (("“（七）总计”", _c7(total)),)),
        Figure("carry", t3, "结转下年度", (("“四、结转下年度继续办理”总计", _c7(carry)),)),
        Figure("open", t3, "予以公开", (("“（一）予以公开”总计", _c7(*group("open").rows)),)),
        Figure("partial", t3, "部分公开", (("“（二）部分公开”总计", _c7(*group("partial").rows)),)),
        Figure("refused", t3, "不予公开", (("“（三）不予公开”各项合计", _c7(*group("refused").rows)),)),
        Figure("unable", t3, "无法提供", (("“（四）无法提供”各项合计", _c7(*group("unable").rows)),)),
        Figure("notproc", t3, "不予处理", (("“（五）不予处理”各项合计", _c7(*group("notproc").rows)),)),
        Figure("otherproc", t3, "其他处理", (("“（六）其他处理”合计", _c7(*group("otherproc").rows)),)),
    ]
    reasons = (*group("refused").rows, *group("unable").rows, *group("notproc").rows)
    for row in form.table("t3").rows:
        if row.id in reasons:
            figs.append(Figure(f"row.{row.id}", t3, _reason(row.label), ((f"“{row.label}”总计", _c7(row.id)),)))
    for key, label, cols in (("app.c1", "自然人申请", ("c1",)), ("app.c2", "商业企业申请", ("c2",)),
                             ("app.c3", "科研机构申请", ("c3",)), ("app.c4", "社会公益组织申请", ("c4",)),
                             ("app.c5", "法律服务机构申请", ("c5",)),
                             ("app.legal", "法人或其他组织申请", ("c2", "c3", "c4", "c5", "c6"))):
        col_name = label[:-2]
        figs.append(Figure(key, t3, label, (
            (f"“一、本年新收”{col_name}", tuple(f"t3.{new}.{c}" for c in cols)),
            (f"{col_name}本年新收＋上年结转", tuple(f"t3.{r}.{c}" for r in (new, carried) for c in cols)))))
    results = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    for k, result in enumerate(results, 1):
        word = "" if k == 5 else result
        figs.append(Figure(f"review.{k}", "W-TXT-T4", f"行政复议{word}",
                           ((f"表四“行政复议·{result}”", (f"t4.f{k}",)),)))
        figs.append(Figure(f"suit.{k}", "W-TXT-T4", f"行政诉讼{word}",
                           ((f"表四行政诉讼“{result}”（未经复议直接起诉＋复议后起诉）", (f"t4.d{k}", f"t4.h{k}")),)))
    cols = {"gb2021": (("zf", "本年制发件数", "制发"), ("fz", "本年废止件数", "废止"), ("yx", "现行有效件数", "现行有效")),
            "gb2019": (("xz", "本年新制作数量", "新制作"), ("xg", "本年新公开数量", "新公开"),
                       ("zs", "对外公开总数量", "对外公开总数"))}[form_id]
    for row, name in (("gz", "规章"), ("gf", form.cell(f"t2.a1.gf.{cols[0][0]}").row_label)):
        for col, col_label, verb in cols:
            figs.append(Figure(f"t2.{row}.{col}", "W-TXT-T2", f"{verb}{name}",
                               ((f"表二“{name}·{col_label}”", (f"t2.a1.{row}.{col}",)),)))
    return {f.key: f for f in figs}


def _reason(label: str) -> str:
    """「（四）无法提供1.本机关不掌握相关政府信息」 -> 「本机关不掌握相关政府信息」."""
    return label.split(".", 1)[-1]


@lru_cache(maxsize=None)
def figure(form_id: str, key: str) -> Figure | None:
    """Return the figure ``key``; 「open+partial」 (「予以公开及部分公开」) is the sum of the two."""
    known = figures(form_id)
    if "+" not in key:
        return known.get(key)
    parts = [known.get(k) for k in key.split("+")]
    if any(p is None for p in parts):
        return None
    wording = "与".join(p.alternatives[0][0] for p in parts) + "之和"
    refs = tuple(r for p in parts for r in p.alternatives[0][1])
    return Figure(key, parts[0].rule, "及".join(p.label for p in parts), ((wording, refs),))
