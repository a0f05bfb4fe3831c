"""A corpus of sentences clerks write about the tables, for the text-versus-table checks (W-TXT-T3/T4/T2).

Each entry is a short text as it stands in a report (one sentence, or a paragraph when the context
matters) checked against one of the tables below. Kinds:

* ``check``: the numbers in ``{braces}`` name table figures. Filled with the table's values the text
  agrees (no finding allowed); with one of them wrong, that sentence must be flagged — one
  contradicting case per placeholder.
* ``contradict``: a fixed text the table contradicts (「全年未收到申请」 while the table has some).
* ``agree`` / ``neutral``: fixed texts that must raise nothing — agreeing statements, and numbers
  that are not table figures (other topics, other years, changes, shares, approximations).

``{x:cn}`` prints the value in Chinese numerals (「十六件」). The corpus was written from the phrasings
of published reports (the five seeds and the misses and false alarms listed in issue 16), not from
the extractor's patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.model import Report, recompute_all


@dataclass(frozen=True)
class Entry:
    text: str
    kind: str  # check | contradict | agree | neutral
    table: str = "main"  # main | settled | empty
    section: str = "overview"


# -- the tables --------------------------------------------------------------------------------
# main: 新收 16 (自然人 11, 商业企业 3, 社会公益组织 1, 法律服务机构 1), 上年结转 2, 办结 15
#       (予以公开 7, 部分公开 2, 不予公开 1, 无法提供 3, 不予处理 1, 其他处理 1), 结转下年度 3;
#       行政复议 3 (维持 1, 纠正 1, 尚未审结 1); 行政诉讼 2 (直接起诉 维持 1; 复议后起诉 尚未审结 1);
#       规章 0/0/2, 行政规范性文件 制发 3, 废止 2, 现行有效 7.
# settled: the same but nothing carried over: 新收 16, 上年结转 0, 办结 16, 结转下年度 0.
# empty: every table cell 0.
VALUES = {
    "new": 16, "c1": 11, "c2": 3, "legal": 5, "carried": 2, "received_all": 18, "done": 15, "carry": 3,
    "open": 7, "partial": 2, "open_partial": 9, "refused": 1, "unable": 3, "notproc": 1, "otherproc": 1,
    "review": 3, "rv1": 1, "rv2": 1, "rv4": 1, "suit": 2, "sv1": 1, "sv4": 1,
    "gz_yx": 2, "gf_zf": 3, "gf_fz": 2, "gf_yx": 7,
}


def _t3(report: Report, row: str, per_col: list[int]) -> None:
    for i, v in enumerate(per_col, 1):
        report.values[f"t3.{row}.c{i}"] = v


def table(name: str) -> Report:
    """Return the 2024 report (2021 format) whose tables the corpus is checked against."""
    r = Report("gb2021", unit="某某县人民政府办公室", year=2024)
    for c in r.form.cells:
        if not c.derived:
            r.values[c.ref] = 0
    if name != "empty":
        _t3(r, "r01", [11, 3, 0, 1, 1, 0])
        _t3(r, "r03", [5, 2, 0, 0, 0, 0])   # 予以公开 7
        _t3(r, "r04", [2, 0, 0, 0, 0, 0])   # 部分公开 2
        _t3(r, "r08", [1, 0, 0, 0, 0, 0])   # 不予公开 1
        _t3(r, "r13", [2, 1, 0, 0, 0, 0])   # 无法提供 3
        _t3(r, "r17", [0, 0, 0, 1, 0, 0])   # 不予处理 1
        if name == "main":
            _t3(r, "r02", [2, 0, 0, 0, 0, 0])
            _t3(r, "r23", [0, 0, 0, 0, 1, 0])  # 其他处理 1: 办结 15
            _t3(r, "r25", [3, 0, 0, 0, 0, 0])  # 结转 3: 16 + 2 = 15 + 3
        else:
            _t3(r, "r23", [1, 0, 0, 0, 1, 0])  # 其他处理 2: 办结 16
        for ref, v in (("t4.f1", 1), ("t4.f2", 1), ("t4.f4", 1), ("t4.d1", 1), ("t4.h4", 1)):
            r.values[ref] = v
        for ref, v in (("t2.a1.gz.yx", 2), ("t2.a1.gf.zf", 3), ("t2.a1.gf.fz", 2), ("t2.a1.gf.yx", 7)):
            r.values[ref] = v
    r.apply(recompute_all(r))
    return r


# -- the corpus --------------------------------------------------------------------------------
def _c(text, table="main", section="overview"):
    return Entry(text, "check", table, section)


def _x(text, table="main", section="overview"):
    return Entry(text, "contradict", table, section)


def _a(text, table="main", section="overview"):
    return Entry(text, "agree", table, section)


def _n(text, table="main", section="overview"):
    return Entry(text, "neutral", table, section)


IR = "政府信息公开申请"

CORPUS: tuple[Entry, ...] = (
    # 收到 / 受理 / 新收: the year's requests
    _c("全年共收到政府信息公开申请{new}件。"),
    _c("本年度新收政府信息公开申请{new}件，上年结转{carried}件。"),
    _c("2024年，我办共受理政府信息公开申请{new}件，其中自然人申请{c1}件，法人或其他组织申请{legal}件。"),
    _c("全年共收到政府信息公开申请{new:cn}件，其中自然人申请{c1:cn}件。"),
    _c("本机关全年共接到政府信息公开申请{new}件，较上年增加4件。"),
    _c("2024年共收到政府信息公开申请{new}件，比2023年减少3件。"),
    _c("全年新接收政府信息公开申请{new}件。"),
    _c("全年受理依申请公开{new}件，均在法定期限内予以答复。"),
    _c("本年度共收到依申请公开申请{new}件（含网上申请10件、信函申请6件）。"),
    _c("全年收到政府信息公开申请{new}件，加上上年结转的{carried}件，合计{received_all}件。"),
    _c("2024年度，本单位受理政府信息公开申请{new}项。"),
    _c("全年共收到政府信息公开申请{new}份，已按规定答复。"),
    _c("全年，县政府办公室收到公民、法人或者其他组织提出的政府信息公开申请{new}件。"),
    _c("我局2024年共收到政府信息公开申请{new}件，同比增长23%。"),
    _c("2023年共收到申请12件，2024年共收到申请{new}件。"),
    _c("依申请公开方面，全年新收申请{new}件，其中自然人{c1}件、法人或其他组织{legal}件。"),
    _c("收到政府信息公开申请共{new}件。"),
    _c("政府信息公开申请数量为{new}件。"),
    _c("全年共受理各类政府信息公开申请{received_all}件（含上年结转{carried}件）。"),
    _c("截至2024年12月31日，共收到政府信息公开申请{new}件。"),
    _c("全年通过信函、网络等渠道收到政府信息公开申请{new}件。"),
    _c("县人民政府全年共受理群众提出的政府信息公开申请{new}件。"),
    # applicants, in the same or a following sentence
    _c("全年共收到政府信息公开申请{new}件。从申请人类型看，自然人申请{c1}件，商业企业申请{c2}件。"),
    _c("全年共收到政府信息公开申请{new}件。其中，自然人申请{c1}件，法人或其他组织申请{legal}件。"),
    _c("2024年共受理政府信息公开申请{new}件，申请人中自然人{c1}件，企业{c2}件。"),
    _c("共收到政府信息公开申请{new}件，其中个人申请{c1}件，法人或其他组织申请{legal}件。"),
    _c("全年收到申请{new}件；申请主体以自然人为主，共{c1}件，占68.8%。"),
    _c("收到政府信息公开申请{new}件，其中来自自然人的申请{c1}件，来自商业企业的{c2}件。"),
    # 办结 / 结转 / results
    _c("全年共办结政府信息公开申请{done}件，结转下年度继续办理{carry}件。"),
    _c("全年共收到政府信息公开申请{new}件，办结{done}件，结转下年度办理{carry}件。"),
    _c("全年共收到政府信息公开申请{new}件，其中{done}件已办结，{carry}件结转至2025年继续办理。"),
    _c("全年共收到申请{new}件，已办结{done}件，剩余{carry}件将于2025年依法答复。"),
    _c("全年共收到政府信息公开申请{new}件，办结{done}件。{carry}件因在年底收到，结转至下一年度办理。"),
    _c("全年共收到政府信息公开申请{new}件，已办结{done}件，{carry}件顺延至2025年办理。"),
    _c("全年共办理完毕政府信息公开申请{done}件。"),
    _c("上年结转的{carried}件申请已全部办结。"),
    _c("本年度新收政府信息公开申请{new}件，上年结转政府信息公开申请{carried}件。"),
    _c("从办理结果看，予以公开{open}件，部分公开{partial}件，不予公开{refused}件，无法提供{unable}件，"
       "不予处理{notproc}件，其他处理{otherproc}件。"),
    _c("在已办结的申请中，予以公开{open}件、部分公开{partial}件、无法提供{unable}件。"),
    _c("其中予以公开{open}件，部分公开{partial}件。"),
    _c("办理结果中，予以公开及部分公开{open_partial}件，不予公开{refused}件。"),
    _c("予以公开和部分公开的共{open_partial}件。"),
    _c("对申请人申请的信息，同意公开{open}件，部分公开{partial}件。"),
    _c("其中，{open}件予以公开，{partial}件部分公开，{unable}件因本机关不掌握相关信息无法提供。"),
    _c("因本机关不掌握相关政府信息，无法提供{unable}件。"),
    _c("属于重复申请不予处理{notproc}件。"),
    _c("告知申请人不予公开{refused}件。"),
    _c("全年共收到政府信息公开申请{new}件。全年共办结{done}件，办结率100%。"),
    _c("办理结果总计{done}件。"),
    # a heading on its own line, then the paragraph
    _c("（二）依申请公开情况\n全年共收到政府信息公开申请{new}件，办结{done}件。"),
    _c("（二）依申请公开\n全年共收到申请{new}件，已办结{done}件，结转下年度{carry}件。"),
    _c("二是依申请公开。\n全年共受理申请{new}件，均依法依规答复。"),
    _c("依申请公开情况：\n本年度收到申请{new}件。"),
    _c("（二）依申请公开情况\n本年度收到申请{new}件。\n全年办结{done}件，予以公开{open}件。"),
    # 行政复议 / 行政诉讼
    _c("全年因政府信息公开被申请行政复议{review}件，其中结果维持{rv1}件，结果纠正{rv2}件，尚未审结{rv4}件。"),
    _c("因政府信息公开被提起行政诉讼{suit}件。"),
    _c("因政府信息公开引发行政复议{review}件、行政诉讼{suit}件。"),
    _c("发生政府信息公开行政复议案件{review}件，行政诉讼案件{suit}件。"),
    _c("本年度政府信息公开行政诉讼{suit}件，其中{sv1}件维持原行政行为，{sv4}件尚未审结。"),
    _c("办理行政复议案件56件（其中涉及政府信息公开的{review}件）。"),
    _c("全年共办理行政复议案件56件，其中涉及政府信息公开的{review}件，结果纠正{rv2}件。"),
    _c("在政府信息公开工作中，被申请行政复议{review:cn}件，被提起行政诉讼{suit:cn}件。"),
    _c("因政府信息公开申请引起的行政复议{review}起。"),
    _c("因政府信息公开工作被申请行政复议{review}次，被提起行政诉讼{suit}次。"),
    _c("政府信息公开行政复议{review}件，其中维持{rv1}件、纠正{rv2}件、尚未审结{rv4}件。"),
    _c("（四）行政复议、行政诉讼情况\n全年被申请行政复议{review}件，被提起行政诉讼{suit}件。"),
    # 规章 / 规范性文件 (总体情况)
    _c("全年制发行政规范性文件{gf_zf}件，废止{gf_fz}件，现行有效{gf_yx}件。"),
    _c("全年共印发规范性文件{gf_zf}件。"),
    _c("目前现行有效的行政规范性文件共{gf_yx}件，现行有效规章{gz_yx}件。"),
    _c("2024年，新制定行政规范性文件{gf_zf}件，宣布失效或废止{gf_fz}件。"),
    _c("严格规范性文件管理，本年度出台规范性文件{gf_zf}件，清理废止{gf_fz}件。"),
    _c("（三）政府信息管理。全年制发规范性文件{gf_zf}件，均按规定进行合法性审查并向社会公开。"),
    # fixed contradictions
    _x("全年未收到政府信息公开申请。"),
    _x("本年度本机关未收到政府信息公开申请，无结转。"),
    _x("今年共收到政府信息公开申请16件，已全部办结。"),
    _x("全年共收到政府信息公开申请16件，均已办结。"),
    _x("本年度未发生因政府信息公开引起的行政复议。"),
    _x("全年未发生政府信息公开行政复议、行政诉讼案件。"),
    _x("无因政府信息公开被提起行政诉讼的情况。"),
    _x("本年度收到的政府信息公开申请均已办理完毕，无结转。"),
    # fixed agreement (the table where nothing is carried over, and the empty table)
    _a("今年共收到政府信息公开申请16件，已全部办结。", "settled"),
    _a("全年共收到政府信息公开申请16件，均已办结，无结转。", "settled"),
    _a("本年度收到的政府信息公开申请均已办理完毕。", "settled"),
    _a("全年未收到政府信息公开申请。", "empty"),
    _a("本年度本机关未收到政府信息公开申请，也未发生政府信息公开行政复议、行政诉讼。", "empty"),
    _a("全年收到依申请公开0件。", "empty"),
    _a("2024年，我镇未收到政府信息公开申请，无上年结转。", "empty"),
    _a("全年共收到政府信息公开申请0件，未发生因政府信息公开引起的行政复议、行政诉讼。", "empty"),
    # numbers that are not table figures
    _n("全年主动公开政府信息3720条。"),
    _n("办理人大代表建议15件、政协提案8件。"),
    _n("受理行政许可申请1500件，办结1498件。"),
    _n("12345热线受理群众诉求320件，办结率100%。"),
    _n("全年开展政府信息公开培训5次，培训人员300余人次。"),
    _n("2023年共收到政府信息公开申请12件。"),
    _n("与上年相比，政府信息公开申请增加了3件。"),
    _n("收到申请的数量比上年增长20%。"),
    _n("平均办理时间为8个工作日。"),
    _n("政务新媒体发布信息4074条。"),
    _n("发布政策文件18件，同步发布解读18条。"),
    _n("受理信访事项25件，办结25件。"),
    _n("办理行政复议案件56件。"),
    _n("收到政府信息公开申请约20件。"),
    _n("网上申请占比60%。"),
    _n("政府信息公开申请数量连续3年下降。"),
    _n("答复期限为20个工作日。"),
    _n("2025年，我县将继续做好依申请公开工作，力争办结率达到100%。"),
    _n("全年共收到政府信息公开申请16件，其中通过网络平台申请10件，当面申请4件，信函申请2件。"),
    _n("自2008年以来累计办理依申请公开事项120件。"),
    _n("近三年共收到政府信息公开申请45件。"),
    _n("全年处理网民留言143条，公开答复26条。"),
    _n("全年受理行政复议申请32件，审结30件。"),
    _n("县法院全年受理行政诉讼案件45件。"),
    _n("制定工作方案3个，印发通知5份。"),
    _n("全县共设置政务公开专区32个。"),
    _n("2023年度结转的2件申请已于2024年1月办结。", "main", "other"),
    _n("召开政府信息公开工作推进会2次。"),
    _n("全年共召开常务会议20次，公开会议信息20条。"),
    _n("政府信息公开申请答复平均用时缩短2个工作日。"),
    _n("及时回应公众关切，收集意见建议12条。"),
    _n("梳理政府信息公开申请工作流程图1张，建立审批流程1套。"),
    _n("2022年至2024年，共受理政府信息公开申请40件。"),
    _n("较2023年的12件有所增加。"),
    _n("全年办理营业执照申请2000余件。"),
    _n("收到申请数量同比减少2件。"),
    _n("办理依申请公开的平均时长为10天。"),
    _n("全年共受理投诉举报68件，均已办结。"),
    _n("全年累计收到政府信息公开申请多达20余件。"),
    _n("共清理规章制度12件。"),
    _n("修订内部管理制度5项。"),
    _n("全年共审核发布信息200余条，未发生泄密事件。"),
    _n("2025年计划制定规范性文件5件。"),
    _n("2023年制发行政规范性文件6件。"),
    _n("此外，办理政协委员提案收到的申请事项3件。"),
    _n("政府网站全年访问量达到12万人次。"),
    _n("组织开展业务培训3期，参训200人次。"),
    _n("依申请公开办理满意率达98%。"),
    _n("在2024年1月至6月期间，收到的咨询电话30余个。"),
    _n("全年印发会议纪要25期。"),
    _n("本单位共有工作人员5名，其中专职人员2名。"),
)

# A second batch, written after the grammar had been built on the first and measured before any change
# to the grammar (see the test module for the figures of that first run).
HELD_OUT: tuple[Entry, ...] = (
    _c("2024年，本机关新收政府信息公开申请{new}件，比上年同期增长14.3%。"),
    _c("本年度共受理依申请公开事项{new}件。"),
    _c("全年新收到政府信息公开申请{new}件（其中当面申请5件、网络申请11件），上年结转{carried}件。"),
    _c("全年共办理政府信息公开申请{received_all}件，其中本年新收{new}件，上年结转{carried}件。"),
    _c("全年共收到政府信息公开申请{new}件。共办结{done}件，其中予以公开{open}件，部分公开{partial}件，"
       "无法提供{unable}件。"),
    _c("我镇2024年度共接收政府信息公开申请{new}件，已全部按时答复{done}件，另有{carry}件结转下一年度。"),
    _c("依申请公开方面：全年受理申请{new}件，按期办结率100%。"),
    _c("全年共收到政府信息公开申请{new}件，其中，法人或其他组织申请{legal}件，自然人申请{c1}件。"),
    _c("受理的{new}件申请中，自然人提出{c1}件，法人或其他组织提出{legal}件。"),
    _c("全年共收到政府信息公开申请{new}件。本年度办结的申请中，属于予以公开的{open}件，属于部分公开的{partial}件。"),
    _c("不予公开{refused}件（属于保护第三方合法权益）。"),
    _c("本机关不掌握相关政府信息的{unable}件。"),
    _c("因政府信息公开被申请行政复议{review}件，被提起行政诉讼{suit}件，均无败诉情况。"),
    _c("被申请行政复议的{review}件中，维持{rv1}件，纠正{rv2}件，{rv4}件正在审理中。"),
    _c("在政府信息公开行政诉讼方面，本年度共有{suit}件，其中{sv4}件尚未审结。"),
    _c("2024年制发行政规范性文件{gf_zf}件，截至年底，现行有效的行政规范性文件{gf_yx}件。"),
    _c("规章方面，本机关现行有效规章{gz_yx}件。"),
    _c("全年废止行政规范性文件{gf_fz}件。"),
    _c("全年收到的政府信息公开申请中，予以公开{open}件，占43.8%。"),
    _c("全年共收到政府信息公开申请{new}件。上年度结转的{carried}件已于今年办结。"),
    _c("全年共收到政府信息公开申请{new}件。截至12月31日，尚有{carry}件申请正在办理中，将结转至下一年度。"),
    _c("全年共收到各类政府信息公开申请{new}件。"),
    _c("收到政府信息公开申请{new:cn}件，办结{done:cn}件。"),
    _c("今年以来，共受理政府信息公开申请{new}件。"),
    _c("全年共处理政府信息公开申请{received_all}件。"),
    _c("本年度新收政府信息公开申请{new}件，较去年减少2件，结转至下年度{carry}件。"),
    _x("全年未发生因政府信息公开申请引发的行政复议和行政诉讼。"),
    _x("本年度无政府信息公开行政诉讼案件。"),
    _x("全年共受理政府信息公开申请16件，办结率100%，无结转。"),
    _x("所有政府信息公开申请均已在规定时限内办结。"),
    _a("本年度未接到政府信息公开申请。", "empty"),
    _a("全年无政府信息公开申请，无因政府信息公开引起的行政复议、行政诉讼。", "empty"),
    _n("全年公开政府信息公开工作年度报告1份。"),
    _n("2023年度结转下年度办理的申请1件已办结。"),
    _n("办理依申请公开的平均答复时间为9.5个工作日。"),
    _n("全年共接待群众现场查阅政府信息46人次。"),
    _n("受理市长信箱来信86件，均已办结。"),
    _n("审批服务事项办结率达100%，共办结2300件。"),
    _n("县法院一审行政案件受理75件。"),
    _n("同比减少行政复议案件2件。"),
    _n("在受理的申请中，网上申请占75%。"),
    _n("未收到关于依申请公开工作的投诉。"),
    _n("全年接到咨询电话120余个。"),
    _n("收到群众意见建议32条，均已回复。"),
    _n("2025年，预计将收到更多的政府信息公开申请。"),
    _n("全面梳理现行有效的规范性文件清单。"),
    _n("对照清单逐项整改问题3个。"),
    _n("政府信息公开申请的办理时限为20个工作日。"),
    _n("上级转办的政府信息公开申请2件已按时办结。"),
    _n("全年行政复议决定书公开12份。"),
    _n("县政府门户网站开设依申请公开专栏1个。"),
    _n("制定《政府信息公开申请办理规程》等制度3项。"),
)

PLACEHOLDER = re.compile(r"\{(\w+)(?::(cn))?\}")
_CN = "零一二三四五六七八九"


def cn(n: int) -> str:
    """Return ``n`` (0–99) in Chinese numerals: 16 -> 十六, 23 -> 二十三."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def fill(text: str, wrong: int | None = None) -> str:
    """Fill the placeholders with the table's values; the ``wrong``-th one (0-based) gets a wrong value."""
    count = -1

    def sub(m: re.Match) -> str:
        nonlocal count
        count += 1
        value = VALUES[m.group(1)] + (7 if count == wrong else 0)
        return cn(value) if m.group(2) else str(value)

    return PLACEHOLDER.sub(sub, text)


@dataclass(frozen=True)
class Case:
    """One corpus case: the text, the table, and what must come of it."""

    text: str
    table: str
    section: str
    contradicts: bool
    sentence: str | None  # for a planted wrong number: the sentence that holds it


def cases(corpus: tuple[Entry, ...] | None = None) -> list[Case]:
    """Expand the corpus (both batches by default) into its agreeing, contradicting and neutral cases."""
    out = []
    for e in (CORPUS + HELD_OUT) if corpus is None else corpus:
        if e.kind != "check":
            out.append(Case(e.text, e.table, e.section, e.kind == "contradict", None))
            continue
        out.append(Case(fill(e.text), e.table, e.section, False, None))
        for k in range(len(PLACEHOLDER.findall(e.text))):
            text = fill(e.text, k)
            marked = fill(_mark(e.text, k), k)
            start = marked.index("\x00")
            sentence = re.split(r"(?<=[。；\n])", marked[start:])[0]
            head = re.split(r"(?<=[。；\n])", marked[:start])[-1]
            out.append(Case(text, e.table, e.section, True, (head + sentence).replace("\x00", "").strip()))
    return out


def _mark(text: str, k: int) -> str:
    """Put a NUL before the ``k``-th placeholder (to find the sentence it ends up in)."""
    ms = list(PLACEHOLDER.finditer(text))
    m = ms[k]
    return text[:m.start()] + "\x00" + text[m.start():]


TEXT_TABLE_RULES = ("W-TXT-T3", "W-TXT-T4", "W-TXT-T2", "W-T3-ZERO-TEXT")


@dataclass
class Verdict:
    """What the text-versus-table rules made of the corpus: texts caught and missed, and false alarms."""

    caught: list[str]
    missed: list[str]
    fine: int  # agreeing or neutral cases
    alarms: list[tuple[str, list[str]]]  # (text, the messages raised on it)

    @property
    def contradicting(self) -> int:
        return len(self.caught) + len(self.missed)


def judge(corpus: tuple[Entry, ...] | None = None) -> Verdict:
    """Check every case of ``corpus`` (all by default) against its table; the test and bench/text_checks.py use it."""
    from core.rules import check_report

    reports: dict[str, Report] = {}
    verdict = Verdict([], [], 0, [])
    for c in cases(corpus):
        report = reports.get(c.table) or reports.setdefault(c.table, table(c.table))
        report.text[c.section] = c.text
        found = [f for f in check_report(report, final=False) if f.rule in TEXT_TABLE_RULES]
        report.text[c.section] = ""
        if c.contradicts:
            hit = bool(found) if c.sentence is None else any(f.quote and f.quote in c.sentence for f in found)
            (verdict.caught if hit else verdict.missed).append(c.text)
        else:
            verdict.fine += 1
            if found:
                verdict.alarms.append((c.text, [f.message for f in found]))
    return verdict
