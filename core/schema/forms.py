"""The two official formats as data: 国办公开办函〔2021〕30号 (gb2021) and 〔2019〕60号 (gb2019)."""

from __future__ import annotations

from .builders import C, M, S, build_t2, build_t3, build_t4
from .types import FormSpec, RowGroup

_A1 = "第二十条第（一）项"
_A5 = "第二十条第（五）项"
_A6 = "第二十条第（六）项"
_A8 = "第二十条第（八）项"
_A9 = "第二十条第（九）项"

_T2_2021 = (
    ("a1", _A1, (("zf", "本年制发件数", C), ("fz", "本年废止件数", C), ("yx", "现行有效件数", C)),
     (("gz", "规章"), ("gf", "行政规范性文件"))),
    ("a5", _A5, (("cl", "本年处理决定数量", C),), (("xk", "行政许可"),)),
    ("a6", _A6, (("cl", "本年处理决定数量", C),), (("cf", "行政处罚"), ("qz", "行政强制"))),
    ("a8", _A8, (("je", "本年收费金额（单位：万元）", M),), (("sf", "行政事业性收费"),)),
)

_YEARLY = (("sn", "上一年项目数量", C), ("zj", "本年增/减", S), ("cl", "处理决定数量", C))
_T2_2019 = (
    ("a1", _A1, (("xz", "本年新制作数量", C), ("xg", "本年新公开数量", C), ("zs", "对外公开总数量", C)),
     (("gz", "规章"), ("gf", "规范性文件"))),
    ("a5", _A5, _YEARLY, (("xk", "行政许可"), ("qt", "其他对外管理服务事项"))),
    ("a6", _A6, _YEARLY, (("cf", "行政处罚"), ("qz", "行政强制"))),
    ("a8", _A8, _YEARLY[:2], (("sf", "行政事业性收费"),)),
    ("a9", _A9, (("sl", "采购项目数量", C), ("je", "采购总金额", M)), (("cg", "政府集中采购"),)),
)

_R3 = "三、本年度办理结果"
_NO = "（三）不予公开"
_NA = "（四）无法提供"
_NP = "（五）不予处理"
_OT = "（六）其他处理"
_TOTAL = "（七）总计"

_T3_HEAD = (
    ("r01", "", "", "一、本年新收政府信息公开申请数量"),
    ("r02", "", "", "二、上年结转政府信息公开申请数量"),
    ("r03", _R3, "（一）予以公开", ""),
    ("r04", _R3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("r05", _R3, _NO, "1.属于国家秘密"),
    ("r06", _R3, _NO, "2.其他法律行政法规禁止公开"),
    ("r07", _R3, _NO, "3.危及“三安全一稳定”"),
    ("r08", _R3, _NO, "4.保护第三方合法权益"),
    ("r09", _R3, _NO, "5.属于三类内部事务信息"),
    ("r10", _R3, _NO, "6.属于四类过程性信息"),
    ("r11", _R3, _NO, "7.属于行政执法案卷"),
    ("r12", _R3, _NO, "8.属于行政查询事项"),
    ("r13", _R3, _NA, "1.本机关不掌握相关政府信息"),
    ("r14", _R3, _NA, "2.没有现成信息需要另行制作"),
    ("r15", _R3, _NA, "3.补正后申请内容仍不明确"),
    ("r16", _R3, _NP, "1.信访举报投诉类申请"),
    ("r17", _R3, _NP, "2.重复申请"),
    ("r18", _R3, _NP, "3.要求提供公开出版物"),
    ("r19", _R3, _NP, "4.无正当理由大量反复申请"),
    ("r20", _R3, _NP, "5.要求行政机关确认或重新出具已获取信息"),
)

_T3_2021 = _T3_HEAD + (
    ("r21", _R3, _OT, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("r22", _R3, _OT, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("r23", _R3, _OT, "3.其他"),
    ("r24", _R3, _TOTAL, ""),
    ("r25", "", "", "四、结转下年度继续办理"),
)
_T3_2019 = _T3_HEAD + (
    ("r21", _R3, _OT, ""),
    ("r22", _R3, _TOTAL, ""),
    ("r23", "", "", "四、结转下年度继续办理"),
)

# Named groups of 表三 rows by the label they are printed under; text rules, bound fields and
# import name them by id. "results" is every 办理结果 row (一)–(六), without (七)总计.
T3_GROUP_LABELS = (
    ("results", _R3),
    ("open", "（一）予以公开"),
    ("partial", "（二）部分公开"),
    ("refused", _NO),
    ("unable", _NA),
    ("notproc", _NP),
    ("otherproc", _OT),
)
# Groups whose rows (ids and meaning) are the same in both formats.
SHARED_T3_GROUPS = ("open", "partial", "refused", "unable", "notproc")


def _t3_groups(row_defs) -> tuple[RowGroup, ...]:
    groups = []
    for group_id, label in T3_GROUP_LABELS:
        if group_id == "results":
            rows = tuple(r for r, group, sub, _ in row_defs if group == _R3 and sub != _TOTAL)
        else:
            rows = tuple(r for r, group, sub, _ in row_defs if group == _R3 and sub.startswith(label))
        groups.append(RowGroup(group_id, label, rows))
    return tuple(groups)


GB2021 = FormSpec(
    id="gb2021",
    name="国办公开办函〔2021〕30号",
    tables=(build_t2(_T2_2021), build_t3(_T3_2021), build_t4()),
    t3_rows={"new": "r01", "carried": "r02", "first_result": "r03", "last_result": "r23",
             "total": "r24", "carry": "r25", "fee_unpaid": "r22"},
    t3_groups=_t3_groups(_T3_2021),
)
GB2019 = FormSpec(
    id="gb2019",
    name="国办公开办函〔2019〕60号",
    tables=(build_t2(_T2_2019), build_t3(_T3_2019), build_t4()),
    t3_rows={"new": "r01", "carried": "r02", "first_result": "r03", "last_result": "r21",
             "total": "r22", "carry": "r23"},
    t3_groups=_t3_groups(_T3_2019),
)

FORMS = {f.id: f for f in (GB2021, GB2019)}


def get_form(form_id: str) -> FormSpec:
    """Return the format with id ``form_id`` ("gb2021" or "gb2019")."""
    return FORMS[form_id]


def form_for_year(year: int) -> str | None:
    """Return the format id a report for ``year`` must use, or None before 2019."""
    if year >= 2021:
        return "gb2021"
    if year >= 2019:
        return "gb2019"
    return None
