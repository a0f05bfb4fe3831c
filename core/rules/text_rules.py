"""Text-versus-table rules (domain.md §3): W-TXT-T3, W-TXT-T4, W-TXT-T2, W-TXT-YEAR,
W-SEC1-ASPECTS and W-X-COPY.

The narrative is cut into sentences and the figures it states are read once per text value
(cached), so a cell edit only compares the cached figures with the table again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..fields import MARKER_RE, field_value, find_fields, lookup
from ..model.values import format_value, is_number
from ..schema import NARRATIVE_IDS, SECTION_TITLES, count_chars, get_form, section
from ..textnum import find_quantities
from .base import Finding, Rule, Severity
from .library import FunctionRule

W = Severity.WARNING
SECTION_IDS = NARRATIVE_IDS
# How messages name a section: headings in quotes, the untitled 前言 as it is.
SECTION_NAMES = {s: SECTION_TITLES[s] if s == "preface" else f"“{SECTION_TITLES[s]}”" for s in SECTION_IDS}

SEC1_MAX_CHARS = section("overview").max_chars
COPY_THRESHOLD = 0.8  # W-X-COPY: share of last year's text found again this year

# -- sentences ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section: its text and offsets in that section's text."""

    start: int
    end: int
    text: str


_SENTENCE_END = re.compile(r"[。！？!?；;]+|\n+")


@lru_cache(maxsize=512)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Cut ``text`` into sentences (ends: 。！？； and line breaks), trimmed, with their offsets."""
    out = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group(0)[0] not in "\n" else m.start()
        _add(out, text, pos, end)
        pos = m.end()
    _add(out, text, pos, len(text))
    return tuple(out)


def _add(out: list, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


# -- figures: what a sentence's number may name ---------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A table figure a sentence can state, and the table values that count as agreeing."""

    key: str
    rule: str  # W-TXT-T3 | W-TXT-T4 | W-TXT-T2
    label: str  # how the message names what the text says, e.g. 「受理申请」
    alternatives: tuple[tuple[str, tuple[str, ...]], ...]  # (table wording, refs summed)


def _c7(form, *row_ids) -> tuple[str, ...]:
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
        Figure("new", t3, "本年新收申请", (("“一、本年新收”总计", _c7(form, new)),)),
        Figure("received", t3, "收到（受理）申请", (("“一、本年新收”总计", _c7(form, new)),
                                            (f"收到申请总数{both}", _c7(form, new, carried)))),
        Figure("carried", t3, "上年结转", (("“二、上年结转”总计", _c7(form, carried)),)),
        Figure("done", t3, "办结", (("“（七）总计”", _c7(form, total)),)),
        Figure("carry", t3, "结转下年度", (("“四、结转下年度继续办理”总计", _c7(form, carry)),)),
        Figure("open", t3, "予以公开", (("“（一）予以公开”总计", _c7(form, *group("open").rows)),)),
        Figure("partial", t3, "部分公开", (("“（二）部分公开”总计", _c7(form, *group("partial").rows)),)),
        Figure("refused", t3, "不予公开", (("“（三）不予公开”各项合计", _c7(form, *group("refused").rows)),)),
        Figure("unable", t3, "无法提供", (("“（四）无法提供”各项合计", _c7(form, *group("unable").rows)),)),
        Figure("notproc", t3, "不予处理", (("“（五）不予处理”各项合计", _c7(form, *group("notproc").rows)),)),
        Figure("otherproc", t3, "其他处理", (("“（六）其他处理”合计", _c7(form, *group("otherproc").rows)),)),
    ]
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


# -- reading the figures a text states -------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A figure stated in a sentence: its value (or the bound field that gives it)."""

    figure: str
    value: object  # int | Decimal; None when ``field`` gives the value
    field: str | None
    sentence: Sentence


_T3_KEYS = [
    ("carried", r"上一?年度?结转|结转上一?年度?|上年度?遗留"),
    ("carry", r"结转(?:至|到)?下一?年度?|转入下一?年度?|顺延(?:至|到)?下?一?年?度?|下一?年度?继续办理|结转"),
    ("new", r"新收|新接收|新受理"),
    ("received", r"受理|收到|接收|接到|共收|收悉|办理.{0,4}申请"),
    ("done", r"办结|办理完毕|答复完毕|已答复|已办理|全部办理"),
    ("open", r"(?<!不)予以公开|同意公开|全部公开"),
    ("partial", r"部分公开"),
    ("refused", r"不予以?公开"),
    ("unable", r"无法提供"),
    ("notproc", r"不予处理"),
    ("otherproc", r"其他处理"),
    ("app.c1", r"自然人"),
    ("app.legal", r"法人(?:或|和|及)?(?:其他)?组织|法人"),
    ("app.c2", r"商业企业|商业机构|企业"),
    ("app.c3", r"科研机构"),
    ("app.c4", r"社会公益组织|公益组织"),
    ("app.c5", r"法律服务机构|律师事务所"),
]
_T3_RE = re.compile("|".join(f"(?P<{k.replace('.', '_')}>{p})" for k, p in _T3_KEYS))
_T4_RE = re.compile(r"(?P<review>行政复议|复议)|(?P<suit>行政诉讼|诉讼|起诉|应诉)"
                    r"|(?P<r1>维持)|(?P<r2>纠正|撤销|确认违法)|(?P<r4>尚未审结|未审结|正在审理)"
                    r"|(?P<r3>其他结果)")
_DOC_RE = re.compile(r"(?P<gz>规章)(?!制度)|(?P<gf>规范性文件)")
_VERBS = {
    "gb2021": re.compile(r"(?P<yx>现行有效|有效(?!期))|(?P<fz>废止|废除|宣布失效)|(?P<zf>制发|印发|出台|制定|新制定|发布)"),
    "gb2019": re.compile(r"(?P<zs>对外公开总数|公开总数|累计公开)|(?P<xz>新制作|制作|制定|制发|印发|出台)"
                         r"|(?P<xg>新公开|公开)"),
}
_CLAUSE_SPLIT = re.compile(r"[，,、：:（）()]")
_PHRASE_SPLIT = re.compile(r"[，,：:]")
# A number after these is a change or a share, not the figure itself.
_DELTA = re.compile(r"增|减|比|较|多于|少于|占|超过|下降|上升|同比|环比|平均|累计办理")
_OTHER_TOPIC = re.compile(r"许可|审批|政务服务|热线|留言|建议|提案|来信|信箱|咨询|意见|诉求|投诉举报|办件")
_NEGATION = re.compile(r"(?<!尚)(?:未发生|未出现|未收到|未受理|未接到|未被|未有|没有|均无|无(?![法正需论缝偿纸障])|未(?![经审能按予及来知]))")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年")
_T3_UNITS = "件宗"
_T4_UNITS = "件宗起"
_MAX_GAP = 20  # characters between the words naming a figure and its number
_T2_UNITS = "件部个份项"


def _key_at(m: re.Match) -> str:
    return m.lastgroup.replace("_", ".")


@lru_cache(maxsize=512)
def claims(form_id: str, year: int | None, text: str) -> tuple[Claim, ...]:
    """Return every figure ``text`` states clearly enough to compare, sentence by sentence."""
    out: list[Claim] = []
    about_requests = False  # the paragraph so far is about 政府信息公开申请
    prev_end = 0
    for s in sentences(text):
        if "\n" in text[prev_end:s.start]:
            about_requests = False
        prev_end = s.end
        if not about_requests and _ABOUT_REQUESTS.search(s.text):
            about_requests = True
        for figure, value, field in _sentence_claims(form_id, year, s.text, about_requests):
            out.append(Claim(figure, value, field, s))
    return tuple(out)


@lru_cache(maxsize=4096)
def _sentence_claims(form_id: str, year: int | None, t: str, about_requests: bool) -> tuple[tuple, ...]:
    """Return (figure, value, field) for one sentence; cached so that typing re-reads one sentence."""
    if "申请" not in t and "复议" not in t and "诉讼" not in t and "规章" not in t and "规范性文件" not in t \
            and not (about_requests and "件" in t):
        return ()
    if year is not None and _other_year(t, year):
        return ()
    s = Sentence(0, len(t), t)
    out: list[Claim] = []
    if about_requests:
        _t3_claims(form_id, s, out)
        _t4_claims(s, out)
    _t2_claims(form_id, s, out)
    return tuple((c.figure, c.value, c.field) for c in out)


# Only sentences in a paragraph about 政府信息公开 requests are read for T3/T4 figures: a 司法局's
# 「受理行政复议案件120件」 is about all its cases, not those about information disclosure.
_ABOUT_REQUESTS = re.compile(r"信息公开|依申请|公开申请")


def _other_year(text: str, year: int) -> bool:
    """Whether the sentence is about another year (「2023年受理申请…」 in a 2024 report)."""
    years = {int(y) for y in _YEAR_RE.findall(text)}
    return bool(years) and year not in years


def _numbers(clause: str, units: str):
    """Yield (value, field_name, start) for each counted number or bound field in a clause."""
    found = []
    for q in find_quantities(clause):
        if q.unit in units and not q.approximate:
            found.append((q.start, q.value, None))
    for m in MARKER_RE.finditer(clause):
        if clause[m.end():m.end() + 1] in units:
            found.append((m.start(), None, m.group(1)))
    found.sort(key=lambda x: x[0])
    for start, value, field in found:
        yield value, field, start


def _clauses(text: str, splitter: re.Pattern):
    pos = 0
    for m in splitter.finditer(text):
        yield pos, text[pos:m.start()]
        pos = m.end()
    yield pos, text[pos:]


def _last_key(pattern: re.Pattern, text: str) -> tuple[str, int] | None:
    """Return the key of the last keyword in ``text`` (longest at the same end) and its end."""
    best = None
    for m in pattern.finditer(text):
        if best is None or m.end() > best[1] or (m.end() == best[1] and m.end() - m.start() > best[2]):
            best = (_key_at(m), m.end(), m.end() - m.start())
    return None if best is None else (best[0], best[1])


def _t3_claims(form_id: str, s: Sentence, out: list) -> None:
    t = s.text
    main = None  # the last main figure named in the sentence: applicant counts belong to 收到/新收
    for pos, clause in _clauses(t, _CLAUSE_SPLIT):
        if _OTHER_TOPIC.search(clause):
            main = None
            continue
        for value, field, start in _numbers(clause, _T3_UNITS):
            head = clause[:start]
            found = _last_key(_T3_RE, head)
            if found is None:
                continue
            key, end = found
            if start - end > _MAX_GAP:
                continue
            if _DELTA.search(head[end:]) or _DELTA.search(head[:end][-4:]):
                continue
            if key in ("new", "received") and "申请" not in t[:pos + len(clause)]:
                continue
            if key.startswith("app."):
                if main not in ("new", "received"):
                    continue
            else:
                main = key
            out.append(Claim(key, value, field, s))
        k = _last_key(_T3_RE, clause)
        if k and not k[0].startswith("app."):
            main = k[0]
    # 「全年未收到政府信息公开申请」: a stated zero.
    for _, phrase in _clauses(t, _PHRASE_SPLIT):
        neg = _NEGATION.search(phrase)
        if neg and "申请" in phrase and not find_quantities(phrase):
            rec = re.search(r"收到|受理|接到|依申请公开|公开申请", phrase[neg.start():])
            if rec and not re.search(r"复议|诉讼", phrase):
                out.append(Claim("received", 0, None, s))


def _t4_claims(s: Sentence, out: list) -> None:
    t = s.text
    if "复议" not in t and "诉讼" not in t:
        return
    # 「无因政府信息公开申请的行政复议」「未发生行政复议、行政诉讼」: stated zeros.
    for _, phrase in _clauses(t, _PHRASE_SPLIT):
        neg = _NEGATION.search(phrase)
        if neg and not find_quantities(phrase) and not MARKER_RE.search(phrase):
            tail = phrase[neg.end():]
            for key in dict.fromkeys(m.lastgroup for m in _T4_RE.finditer(tail)):
                if key in ("review", "suit"):
                    out.append(Claim(f"{key}.5", 0, None, s))
    context = None  # review | suit: what 维持/纠正 belong to
    for _, clause in _clauses(t, _CLAUSE_SPLIT):
        for value, field, start in _numbers(clause, _T4_UNITS):
            head = clause[:start]
            ctx_here = result = None
            last_end = None
            for m in _T4_RE.finditer(head):
                last_end = m.end()
                if m.lastgroup in ("review", "suit"):
                    ctx_here, result = m.lastgroup, None
                else:
                    result = m.lastgroup
            if ctx_here:
                context = ctx_here
            if context is None or last_end is None or start - last_end > _MAX_GAP:
                continue
            if _DELTA.search(head[last_end:]):
                continue
            k = int(result[1]) if result else 5
            out.append(Claim(f"{context}.{k}", value, field, s))
        for m in _T4_RE.finditer(clause):
            if m.lastgroup in ("review", "suit"):
                context = m.lastgroup


def _t2_claims(form_id: str, s: Sentence, out: list) -> None:
    t = s.text
    if "规章" not in t and "规范性文件" not in t:
        return
    verbs = _VERBS[form_id]
    doc = None
    for _, clause in _clauses(t, _CLAUSE_SPLIT):
        if re.search(r"(?<!规范性)文件|通知|办法|方案|意见", _DOC_RE.sub("", clause)):
            doc = None  # another kind of document: 「发布政策文件18件」
        for value, field, start in _numbers(clause, _T2_UNITS):
            head = clause[:start]
            d = None
            for m in _DOC_RE.finditer(head):
                d = m.lastgroup
            doc = d or doc
            verb = None
            for m in verbs.finditer(head):
                verb = m.lastgroup
            if doc is None or verb is None or _DELTA.search(head):
                continue
            out.append(Claim(f"t2.{doc}.{verb}", value, field, s))
        for m in _DOC_RE.finditer(clause):
            doc = m.lastgroup


# -- comparing ----------------------------------------------------------------------------


def _sum(report, refs):
    values = report.values
    total = 0
    for r in refs:
        v = values.get(r)
        if not is_number(v):
            return None
        total += v
    return total


_MISS = object()


class TextTableRule(Rule):
    """W-TXT-T3/T4/T2: each figure the narrative states must agree with the table."""

    def __init__(self, rule_id: str, sections: tuple[str, ...], form_id: str):
        self.id = rule_id
        self.sections = sections
        self.form_id = form_id
        figs = [f for f in figures(form_id).values() if f.rule == rule_id]
        self.keys = frozenset(f.key for f in figs)
        cells = {r for f in figs for _, refs in f.alternatives for r in refs}
        self.inputs = frozenset({*(f"text.{s}" for s in sections), "meta.year", *cells})
        # (section, claim, table values) -> finding or None: a cell edit re-judges only the
        # claims whose cells changed (this rule runs on every edit of 表三).
        self._memo: dict = {}

    def check(self, report, ctx):
        out: list[Finding] = []
        year = report.meta.get("year")
        for section in self.sections:
            text = report.text.get(section, "")
            if text:
                found = claims(self.form_id, year, text)
                if found:
                    self._compare(report, section, found, out)
        return out

    def _compare(self, report, section: str, found: tuple[Claim, ...], out: list) -> None:
        figs = figures(self.form_id)
        values = report.values
        memo = self._memo
        for c in found:
            if c.figure not in self.keys:
                continue
            fig = figs[c.figure]
            key = None
            if c.field is None:  # a typed number: the finding depends only on these values
                key = (section, c, tuple(values.get(r) for _, refs in fig.alternatives for r in refs))
                hit = memo.get(key, _MISS)
                if hit is not _MISS:
                    if hit is not None:
                        out.append(hit)
                    continue
            finding = self._finding(report, section, c, fig)
            if finding is not None:
                out.append(finding)
            if key is not None:
                if len(memo) > 4096:
                    memo.clear()
                memo[key] = finding

    def _finding(self, report, section: str, c: Claim, fig: Figure) -> Finding | None:
        value = c.value
        said = None
        if c.field is not None:
            f = lookup(self.form_id, c.field)
            if f is None:
                return None
            value = field_value(report, f)
            if value is None:
                return None
            said = f"【{c.field}】（{format_value(value)}）"
        shown, cells = [], []
        for wording, refs in fig.alternatives:
            v = _sum(report, refs)
            cells.extend(refs)
            if v is None:
                continue
            if v == value:
                return None
            shown.append(f"{wording}为 {format_value(v)}")
        if not shown:
            return None
        said = said or f"{format_value(value)}件"
        msg = f"{SECTION_NAMES[section]}写{fig.label}{said}，与表中数字不一致：" + "，".join(shown)
        return Finding(self.id, W, tuple(dict.fromkeys(cells)), msg, quote=c.sentence.text,
                       section=section, span=(c.sentence.start, c.sentence.end))


# -- W-TXT-YEAR ---------------------------------------------------------------------------

_TITLE_RE = re.compile(r"(\d{4})\s*年度?[^。，,；\n]{0,12}?(?:政府)?信息公开工作(?:年度)?报告")
_PERIOD_RE = re.compile(r"统计(?:期限|时限|时间|区间|周期|时段)")
_FUTURE = re.compile(r"将|计划|下一步|力争|拟|预计|明年")
_SINCE = re.compile(r"\d{4}\s*年(?:以来|至今|起|开始)")


@lru_cache(maxsize=512)
def _year_problems(year: int, text: str) -> tuple[tuple[Sentence, str], ...]:
    out = []
    for s in sentences(text):
        t = s.text
        if "年" not in t:
            continue
        m = _TITLE_RE.search(t)
        if m and int(m.group(1)) != year:
            out.append((s, f"报告标题写的是“{m.group(1)}年”"))
            continue
        if _PERIOD_RE.search(t):
            bad = sorted({y for y in _YEAR_RE.findall(t) if int(y) != year})
            if bad:
                out.append((s, f"统计期限写的是“{'、'.join(b + '年' for b in bad)}”"))
            continue
        lead = re.match(r"(?:（[一二三四五六七八九十]）|[一二三四五六七八九十]、)?[^，,。]{0,6}?(\d{4})\s*年(?!度?以来|至今|起|开始|\s*\d{1,2}\s*月)",
                        t)
        if lead and int(lead.group(1)) != year and not _SINCE.match(t[lead.start(1):]):
            y = int(lead.group(1))
            if y > year and _FUTURE.search(t):
                continue  # 「2025年，我县将……」: plans for next year
            if y < year and re.search(r"以来|相比|比|较|同比", t):
                continue
            out.append((s, f"句首写的是“{y}年”"))
    return tuple(out)


def _text_year(section: str):
    def check(report, ctx):
        year = report.meta.get("year")
        text = report.text.get(section, "")
        if not isinstance(year, int) or not text:
            return []
        return [Finding("W-TXT-YEAR", W, ("meta.year",), f"{SECTION_NAMES[section]}{why}，"
                        f"本报告是{year}年度报告，请核对年份", quote=s.text, section=section,
                        span=(s.start, s.end))
                for s, why in _year_problems(year, text)]
    return check


# -- W-SEC1-ASPECTS -------------------------------------------------------------------------

ASPECTS = (
    ("主动公开", re.compile(r"主动公开")),
    ("依申请公开", re.compile(r"依申请|公开申请|申请公开")),
    ("政府信息管理", re.compile(r"信息管理|保密审查|发布审核|公开属性|规范性文件")),
    ("政府信息公开平台建设", re.compile(r"平台|网站|政务新媒体|公开栏|公开专栏|公开专区")),
    ("监督保障", re.compile(r"监督|保障|考核|培训|评议|责任追究")),
)


@lru_cache(maxsize=64)
def _aspect_findings(text: str, basis: str) -> tuple[Finding, ...]:
    out = []
    if not text.strip():
        return (Finding("W-SEC1-ASPECTS", W, (), "“一、总体情况”未填写，应综述主动公开、依申请公开、"
                        "政府信息管理、平台建设、监督保障等情况", section="overview"),)
    missing = [name for name, rx in ASPECTS if not rx.search(text)]
    if missing:
        out.append(Finding("W-SEC1-ASPECTS", W, (), "“一、总体情况”没有写到"
                           + "、".join(missing) + f"方面的情况（{basis}综述主动公开、"
                           "依申请公开、政府信息管理、政府信息公开平台建设、监督保障）", section="overview"))
    n = count_chars(text)
    if n > SEC1_MAX_CHARS:
        out.append(Finding("W-SEC1-ASPECTS", W, (), f"“一、总体情况”约 {n} 字，篇幅原则上不超过"
                           f"{SEC1_MAX_CHARS}字（地方要求），请精简", section="overview"))
    return tuple(out)


def _sec1(report, ctx):
    # Only the 2021 format states these five topics (domain.md §2.1); for 2019 it is advice.
    basis = "国办公开办函〔2021〕30号要求" if report.form.id == "gb2021" else "年报一般应"
    return list(_aspect_findings(report.text.get("overview", ""), basis))


# -- W-X-COPY -----------------------------------------------------------------------------

_COPY_SECTIONS = ("overview", "problems")
_PUNCT = re.compile(r"[\s，。、；：！？,.;:!?“”‘’\"'（）()《》〈〉【】\[\]—\-·]+")


@lru_cache(maxsize=64)
def _bigrams(text: str) -> Counter:
    t = _PUNCT.sub("", text)
    return Counter(t[i:i + 2] for i in range(len(t) - 1))


@lru_cache(maxsize=64)
def similarity(this_year: str, last_year: str) -> float:
    """Return the share of character pairs the two texts have in common (0–1, by the longer text)."""
    a, b = _bigrams(this_year), _bigrams(last_year)
    na, nb = sum(a.values()), sum(b.values())
    if not na or not nb:
        return 0.0
    common = sum((a & b).values())
    return common / max(na, nb)


def _x_copy(report, ctx):
    base = report.baseline
    last_text = base.text if base is not None else {}
    out = []
    for section in SECTION_IDS:
        text = report.text.get(section, "")
        if not text.strip():
            continue
        old = last_text.get(section, "")
        stale = section in report.stale
        if section not in _COPY_SECTIONS and not stale:
            continue
        if not old.strip():
            if stale:
                out.append(Finding("W-X-COPY", W, (f"text.{section}",),
                                   f"{SECTION_NAMES[section]}沿用上年报告的文字，尚未修改，请按本年度情况重写",
                                   section=section))
            continue
        ratio = similarity(text, old)
        if ratio <= COPY_THRESHOLD:
            continue
        year = f"{base.year}年度" if base.year else "上年"
        if stale:
            why = "沿用上年报告的文字，尚未修改"
        else:
            why = f"与{year}报告的文字约 {ratio:.0%} 相同"
        out.append(Finding("W-X-COPY", W, (f"text.{section}",),
                           f"{SECTION_NAMES[section]}{why}（内容雷同是年报考核中的常见问题），"
                           "请按本年度情况重写", section=section))
    return out


# -- W-TXT-FIELD: a 【…】 marker that names no table figure ------------------------------------


def _unknown_fields(section: str):
    def check(report, ctx):
        text = report.text.get(section, "")
        if "【" not in text:
            return []
        out = []
        for use in find_fields(report.form.id, text):
            if use.field is None:
                out.append(Finding("W-TXT-FIELD", W, (f"text.{section}",),
                                   f"{SECTION_NAMES[section]}中的“【{use.name}】”不是可识别的表格数字字段，"
                                   "导出时会原样印出，请重新插入表格数字字段", quote=text[use.start:use.end],
                                   section=section, span=(use.start, use.end)))
        return out
    return check


# -- the rule set --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def text_rules(form_id: str) -> tuple[Rule, ...]:
    """Return the text-versus-table and narrative rules for the format ``form_id``."""
    rules: list[Rule] = []
    rules.append(TextTableRule("W-TXT-T3", SECTION_IDS, form_id))
    rules.append(TextTableRule("W-TXT-T4", SECTION_IDS, form_id))
    # 规章/规范性文件 counts belong in 总体情况 (V S13); elsewhere they may mean something else.
    rules.append(TextTableRule("W-TXT-T2", ("preface", "overview"), form_id))
    for section in SECTION_IDS:
        rules.append(FunctionRule("W-TXT-YEAR", {f"text.{section}", "meta.year"}, _text_year(section)))
        rules.append(FunctionRule("W-TXT-FIELD", {f"text.{section}"}, _unknown_fields(section)))
    rules.append(FunctionRule("W-SEC1-ASPECTS", {"text.overview"}, _sec1))
    rules.append(FunctionRule("W-X-COPY", {"*", *(f"text.{s}" for s in SECTION_IDS),
                                  *(f"stale.{s}" for s in SECTION_IDS)}, _x_copy))
    return tuple(rules)
