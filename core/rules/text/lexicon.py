"""The word classes of the sentences that state table figures: what each word means to the grammar.

Each entry is ``(kind, key, pattern)``. The kind is one letter, so that a sentence becomes a short
string of kinds that the grammar's shapes match (:mod:`.grammar`):

====  ==========================================================  ==============================
kind  what                                                        key
====  ==========================================================  ==============================
F     a 表三 figure: 收到, 办结, 结转, 予以公开 …                   the figure (``received`` …)
G     a 表三 row of a reason: 本机关不掌握相关政府信息, 重复申请 …  the row (``r13`` …)
A     an applicant: 自然人, 法人或其他组织 …                        ``app.c1`` … ``app.legal``
V     表四's two kinds of case: 行政复议, 行政诉讼                  ``review`` | ``suit``
R     a 表四 result: 维持, 纠正, 其他结果, 尚未审结                  ``1`` … ``4``
D     a 表二 document kind: 规章, 规范性文件                         ``gz`` | ``gf``
K     another kind of document: 政策文件, 通知, 方案 …
W     a 表二 verb: 制发, 废止, 现行有效 (2019: 新制作, 新公开 …)       the column (``zf`` …)
T     what the paragraph is about: information-disclosure requests  ``request`` | ``disclosure``
t     the bare word 申请
O     another topic: 行政许可, 热线, 建议提案, 信访 …
Y     a year or a time span                                       ``this`` ``prev`` ``next``
                                                                  ``span`` ``2023`` ``date:2025``
d     a change or a share: 增加, 较上年, 同比, 占, 平均 …
X     a negation: 未, 无, 没有
L     「全部」「均」: all of them
J     a conjunction: 、 及 和 与 或 并
E     「各」: each
Q     「其中」「含」: a part of what was just said
S     「合计」「共计」: the sum of what was just said
, ( ) clause separators and brackets
N n   a counted number (``n``: approximate, 「约20件」「20余件」), made by the lexer
====  ==========================================================  ==============================

Entries are tried in order at each position: longer and more specific words come first.
"""

from __future__ import annotations

_Y = r"\d{4}\s*年"
_CN_SMALL = "一二三四五六七八九十两"

# Words both formats share (表三, 表四, topics, function words).
COMMON: tuple[tuple[str, str, str], ...] = (
    # 表三: carried over from last year, before 「上年」 (a year) and 「结转」 (to next year)
    ("F", "carried", r"上一?年度?结转|结转上一?年度?|上年度?遗留|上年未办结"),
    ("F", "carry", rf"结转(?:至|到)?\s*(?:下一?年度?|{_Y}度?)(?:继续办理)?|转入下一?年度?|"
                   rf"顺延(?:至|到)?\s*(?:下一?年度?|{_Y}度?)?|下一?年度?继续办理|尚未办结|未办结|正在办理|剩余|结转"),
    ("F", "new", r"新收|新接收|新受理"),
    ("F", "total", r"办理结果总计"),
    ("F", "done", r"办结|办理完毕|答复完毕"),
    ("F", "answered", r"(?:已|按时|按期|依法)*答复(?!率|期限|时限|申请人)"),
    ("F", "open", r"(?<!不)予以公开|同意公开|全部公开"),
    ("F", "partial", r"部分公开"),
    ("F", "refused", r"不予以?公开"),
    ("F", "unable", r"无法提供"),
    ("F", "notproc", r"不予处理"),
    ("F", "otherproc", r"其他处理"),
    ("F", "received", r"受理|收到|接收|接到|共收|收悉|申请数量|申请量|申请总数|(?:办理|处理)(?=[^，,。；]{0,10}申请)"),
    # 表三's named reasons (the rows of 不予公开, 无法提供, 不予处理): 「本机关不掌握相关政府信息的3件」
    ("G", "r05", r"属于国家秘密|国家秘密"),
    ("G", "r06", r"其他法律行政法规禁止公开"),
    ("G", "r07", r"危及“?三安全一稳定”?"),
    ("G", "r08", r"保护第三方合法权益|第三方合法权益"),
    ("G", "r09", r"三类内部事务信息|内部事务信息"),
    ("G", "r10", r"四类过程性信息|过程性信息"),
    ("G", "r11", r"行政执法案卷"),
    ("G", "r12", r"行政查询事项"),
    ("G", "r13", r"本机关不掌握相关政府信息|不掌握相关政府信息|不掌握相关信息"),
    ("G", "r14", r"没有现成信息需要另行制作|需要另行制作"),
    ("G", "r15", r"补正后申请内容仍不明确|申请内容仍不明确"),
    ("G", "r16", r"信访举报投诉类申请"),
    ("G", "r17", r"重复申请"),
    ("G", "r18", r"要求提供公开出版物|公开出版物"),
    ("G", "r19", r"无正当理由大量反复申请|大量反复申请"),
    ("G", "r20", r"要求行政机关确认或重新出具已获取信息|确认或重新出具"),
    # applicants
    ("A", "app.legal", r"法人(?:或者?|和|及|与)?(?:其他)?组织|法人"),
    ("A", "app.c1", r"自然人|个人|公民"),
    ("A", "app.c2", r"商业企业|商业机构|企业"),
    ("A", "app.c3", r"科研机构"),
    ("A", "app.c4", r"社会公益组织|公益组织"),
    ("A", "app.c5", r"法律服务机构|律师事务所"),
    # 表四
    ("R", "4", r"尚未审结|未审结|正在审理"),
    ("R", "1", r"维持"),
    ("R", "2", r"纠正|撤销|确认违法"),
    ("R", "3", r"其他结果"),
    ("V", "suit", r"行政诉讼|未经复议直接起诉|复议后起诉|诉讼|起诉|应诉"),
    ("V", "review", r"行政复议|复议"),
    # what the paragraph is about
    # 「政府信息公开申请数量」: leave 「申请数量」 to the figure
    ("T", "request", r"(?:政府)?信息公开申请(?!数量|量|总数)|依申请公开|公开申请(?!数量|量|总数)|申请公开"),
    ("T", "disclosure", r"(?:涉及|关于|因|属于)?政府信息公开|信息公开"),
    ("t", "", r"申请"),
    ("O", "", r"行政许可|许可|审批|政务服务|热线|留言|建议|提案|来信|信箱|咨询|意见|诉求|投诉|举报|办件|信访|营业执照"),
    # time: comparisons first (「比2023年」 is a change, not the year the sentence is about)
    ("d", "", rf"与(?:上年|去年|{_Y}度?)(?:同期)?相比|(?:比|较)(?:上一?年度?|去年|{_Y}度?)?(?:同期)?|同比|环比"),
    ("Y", "span", rf"{_Y}?度?\s*(?:至|到|—|－|-|～|~)\s*{_Y}度?|{_Y}度?(?:以来|至今|起|开始)|"
                  rf"近[{_CN_SMALL}\d]+年|[{_CN_SMALL}\d]+年来|历年|多年来|累计"),
    ("Y", "date", rf"{_Y}\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"),
    ("Y", "year", rf"{_Y}度?"),
    ("Y", "prev", r"上一?年度?|去年|前一年"),
    ("Y", "next", r"下一?年度?|明年|来年"),
    ("Y", "this", r"本年度?|今年|全年|当年|年内"),
    ("d", "", r"增加|增长|减少|下降|上升|多于|少于|占比|占|超过|平均|增|减"),
    # function words
    ("X", "", r"没有|并无|均无|未曾|无(?![法正需论缝偿纸障])|未(?![经审能按予及来知办])"),
    ("L", "", r"全部|均已|都已|悉数|全数|均|都"),
    ("Q", "", r"其中|内含|包含|含"),
    ("S", "", r"合计|共计|总计"),
    ("E", "", r"各(?![类项级部乡镇单种自地])"),
    ("J", "", r"以及|或者|、|及|和|与|或|并"),
    (",", "", r"[，,；;：:]"),
    ("(", "", r"[（(]"),
    (")", "", r"[）)]"),
)

# 表二 (the 主动公开 table's 规章 and 规范性文件 rows), per format: document kinds and the columns' verbs.
DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("D", "gz", r"规章(?!制度)"),
    ("D", "gf", r"规范性文件"),
)
OTHER_DOCUMENTS: tuple[tuple[str, str, str], ...] = (("K", "", r"文件|通知|办法|方案|规划|纪要|制度"),)
T2_VERBS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "gb2021": (("W", "yx", r"现行有效|有效(?!期)"), ("W", "fz", r"废止|废除|宣布失效|失效"),
               ("W", "zf", r"新制定|制发|印发|出台|制定|发布")),
    "gb2019": (("W", "zs", r"对外公开总数|公开总数|累计公开"), ("W", "xz", r"新制作|制作|制定|制发|印发|出台"),
               ("W", "xg", r"新公开|公开")),
}

# What the numbers' measure words may be, per table: 「16件」「3项」「2起」「2部」.
UNITS = {"t3": "件宗项份次", "t4": "件宗起次项", "t2": "件部个份项"}

# 表三 figures that name the year's requests as a whole (they need the paragraph to be about
# information-disclosure requests); the others (予以公开 …) say it themselves.
MAIN_FIGURES = frozenset({"received", "new", "carried", "carry", "done", "answered"})
RESULT_FIGURES = ("open", "partial", "refused", "unable", "notproc", "otherproc")
EVERYONE = frozenset({"app.c1", "app.legal"})  # 「公民、法人或者其他组织」: every applicant
