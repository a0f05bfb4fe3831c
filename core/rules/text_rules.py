"""Narrative rules (domain.md §3): W-TXT-T3, W-TXT-T4, W-TXT-T2, W-T3-ZERO-TEXT, W-TXT-YEAR,
W-TXT-FIELD, W-SEC1-ASPECTS and W-X-COPY.

What the text states is read by :mod:`core.rules.text` (cached per text), so a cell edit only
compares the figures already read with the table again.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from ..fields import field_value, find_fields, lookup
from ..model.values import format_value, is_number
from ..schema import NARRATIVE_IDS, SECTION_TITLES, TABLE_IDS, TABLE_NAMES, count_chars, get_form, section
from .base import Finding, Rule, Severity
from .library import FunctionRule
from .text import Claim, Figure, claims, figure, figures
from .text.sentences import section_sentences

W = Severity.WARNING
SECTION_IDS = NARRATIVE_IDS
# Every text a report holds: the narrative sections and the note under each table.
TEXT_IDS = (*NARRATIVE_IDS, *TABLE_IDS)
# How messages name a text: headings in quotes, the untitled 前言 as it is, a table's note by its table.
SECTION_NAMES = {**{s: SECTION_TITLES[s] if s == "preface" else f"“{SECTION_TITLES[s]}”" for s in NARRATIVE_IDS},
                 **{t: f"{TABLE_NAMES[t]}下的说明" for t in TABLE_IDS}}

# The notes under 表三 and 表四 are about information-disclosure requests and their 复议/诉讼 throughout.
ABOUT_REQUESTS = ("t3", "t4")
COPY_THRESHOLD = 0.8  # W-X-COPY: share of last year's text found again this year


def _sum(report, refs):
    values = report.values
    total = 0
    for r in refs:
        v = values.get(r)
        if not is_number(v):
            return None
        total += v
    return total


# -- 表三: were there any requests at all? ----------------------------------------------------

def _requests_in_table(report) -> bool | None:
    """Whether 表三 has requests (本年新收 or 上年结转 above 0); None while either total is blank."""
    rows = report.form.t3_rows
    new, carried = (report.values.get(f"t3.{rows[k]}.c7") for k in ("new", "carried"))
    if not (is_number(new) and is_number(carried)):
        return None
    return bool(new or carried)


def _zero_question(c: Claim, fig: Figure, any_requests: bool | None) -> bool:
    """Whether a claim is about requests existing at all (W-T3-ZERO-TEXT), not about a number."""
    if fig.rule != "W-TXT-T3" or c.field is not None or any_requests is None:
        return False
    if not any_requests:
        return bool(c.value)  # the table has none; the text speaks of some
    return c.value == 0 and c.figure in ("received", "new")  # the table has some; the text says none


# -- W-TXT-T3 / T4 / T2 -------------------------------------------------------------------

_MISS = object()


class TextTableRule(Rule):
    """W-TXT-T3/T4/T2: each figure the narrative states must agree with the table."""

    def __init__(self, rule_id: str, sections: tuple[str, ...], form_id: str):
        self.id = rule_id
        self.sections = sections
        self.form_id = form_id
        figs = [f for f in figures(form_id).values() if f.rule == rule_id]
        cells = {r for f in figs for _, refs in f.alternatives for r in refs}
        self.inputs = frozenset({*(f"text.{s}" for s in sections), "meta.year", *cells})
        # section -> (its claims as read, [(claim, figure, getter of its cells, memo)]): a cell edit
        # (this rule runs on every edit of 表三) only looks the cells up and re-judges a claim whose
        # cells hold values not seen before.
        self._read: dict = {}

    def check(self, report, ctx):
        out: list[Finding] = []
        year = report.meta.get("year")
        values = report.values
        any_requests = _MISS
        for sec in self.sections:
            text = report.text.get(sec)
            if not text:
                continue
            found = claims(self.form_id, year, text, sec in ABOUT_REQUESTS)
            if not found:
                continue
            read = self._read.get(sec)
            if read is None or read[0] is not found:
                read = self._read[sec] = (found, self._pairs(found))
            for c, fig, cells, memo in read[1]:
                if c.field is not None:  # a bound field: its value is read now
                    finding = self._finding(report, sec, c, fig)
                    if finding is not None:
                        out.append(finding)
                    continue
                if fig.rule == "W-TXT-T3":
                    if any_requests is _MISS:
                        any_requests = _requests_in_table(report)
                    if _zero_question(c, fig, any_requests):
                        continue  # W-T3-ZERO-TEXT's
                key = cells(values)
                finding = memo.get(key, _MISS)
                if finding is _MISS:
                    if len(memo) > 64:
                        memo.clear()
                    finding = memo[key] = self._finding(report, sec, c, fig)
                if finding is not None:
                    out.append(finding)
        return out

    def _pairs(self, found: tuple[Claim, ...]) -> list:
        out = []
        for c in found:
            fig = figure(self.form_id, c.figure)
            if fig is not None and fig.rule == self.id:
                refs = [r for _, refs in fig.alternatives for r in refs]
                out.append((c, fig, itemgetter(*refs), {}))
        return out

    def _finding(self, report, sec: str, c: Claim, fig: Figure) -> Finding | None:
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
        msg = f"{SECTION_NAMES[sec]}写{fig.label}{said}，与表中数字不一致：" + "，".join(shown)
        return Finding(self.id, W, tuple(dict.fromkeys(cells)), msg, quote=c.sentence.text,
                       section=sec, span=(c.sentence.start, c.sentence.end))


# -- W-T3-ZERO-TEXT -------------------------------------------------------------------------

def _zero_text(sections: tuple[str, ...]):
    def check(report, ctx):
        any_requests = _requests_in_table(report)
        if any_requests is None:
            return []
        rows = report.form.t3_rows
        refs = (f"t3.{rows['new']}.c7", f"t3.{rows['carried']}.c7")
        form_id, year = report.form.id, report.meta.get("year")
        for sec in sections:
            text = report.text.get(sec, "")
            for c in claims(form_id, year, text, sec in ABOUT_REQUESTS) if text else ():
                fig = figure(form_id, c.figure)
                if fig is None or not _zero_question(c, fig, any_requests):
                    continue
                if any_requests:
                    new, carried = (format_value(report.values[r]) for r in refs)
                    msg = (f"{SECTION_NAMES[sec]}写没有收到政府信息公开申请，但表三“一、本年新收”为 {new}、"
                           f"“二、上年结转”为 {carried}；请核对正文或表三")
                else:
                    msg = (f"{SECTION_NAMES[sec]}写{fig.label}{format_value(c.value)}件，但表三“一、本年新收”和"
                           "“二、上年结转”都是 0（表中没有申请）；请核对表三是否漏填")
                return [Finding("W-T3-ZERO-TEXT", W, refs, msg, quote=c.sentence.text, section=sec,
                                span=(c.sentence.start, c.sentence.end))]
        return []
    return check


# -- W-TXT-YEAR ---------------------------------------------------------------------------

_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年")
_TITLE_RE = re.compile(r"(\d{4})\s*年度?[^。，,；\n]{0,12}?(?:政府)?信息公开工作(?:年度)?报告")
_PERIOD_RE = re.compile(r"统计(?:期限|时限|时间|区间|周期|时段)")
_FUTURE = re.compile(r"将|计划|下一步|力争|拟|预计|明年")
_SINCE = re.compile(r"\d{4}\s*年(?:以来|至今|起|开始)")
_LEAD_YEAR = re.compile(r"(?:（[一二三四五六七八九十]）|[一二三四五六七八九十]、)?[^，,。]{0,6}?(\d{4})\s*年"
                        r"(?!度?以来|至今|起|开始|\s*\d{1,2}\s*月)")


@lru_cache(maxsize=512)
def _year_problems(year: int, text: str) -> tuple[tuple[object, str], ...]:
    return tuple((s, why) for s in section_sentences(text) if "年" in s.text
                 for why in (_year_problem(year, s.text),) if why)


@lru_cache(maxsize=4096)
def _year_problem(year: int, t: str) -> str | None:
    """Return why a sentence names the wrong year (its title, its 统计期限, its first words), or None."""
    m = _TITLE_RE.search(t)
    if m and int(m.group(1)) != year:
        return f"报告标题写的是“{m.group(1)}年”"
    if _PERIOD_RE.search(t):
        bad = sorted({y for y in _YEAR_RE.findall(t) if int(y) != year})
        return f"统计期限写的是“{'、'.join(b + '年' for b in bad)}”" if bad else None
    lead = _LEAD_YEAR.match(t)
    if lead and int(lead.group(1)) != year and not _SINCE.match(t[lead.start(1):]):
        y = int(lead.group(1))
        if y > year and _FUTURE.search(t):
            return None  # 「2025年，我县将……」: plans for next year
        if y < year and re.search(r"以来|相比|比|较|同比", t):
            return None
        return f"句首写的是“{y}年”"
    return None


def _text_year(sec: str):
    def check(report, ctx):
        year = report.meta.get("year")
        text = report.text.get(sec, "")
        if not isinstance(year, int) or not text:
            return []
        return [Finding("W-TXT-YEAR", W, ("meta.year",), f"{SECTION_NAMES[sec]}{why}，"
                        f"本报告是{year}年度报告，请核对年份", quote=s.text, section=sec,
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
def _aspect_findings(text: str, basis: str, max_chars: int | None) -> tuple[Finding, ...]:
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
    if max_chars is not None and n > max_chars:
        out.append(Finding("W-SEC1-ASPECTS", W, (), f"“一、总体情况”约 {n} 字，篇幅原则上不超过"
                           f"{max_chars}字（地方要求），请精简", section="overview"))
    return tuple(out)


FROM_PACK = object()  # overview_rule's default: the length limit of the rule pack being checked with


def overview_rule(max_chars=FROM_PACK) -> Rule:
    """W-SEC1-ASPECTS: the five topics of 一、总体情况, and its length when a limit (a local rule) is given:
    by default the rule pack's (``ctx.pack.overview_max_chars``; none nationally)."""
    def check(report, ctx):
        # Only the 2021 format states these five topics (domain.md §2.1); for 2019 it is advice.
        basis = "国办公开办函〔2021〕30号要求" if report.form.id == "gb2021" else "年报一般应"
        limit = ctx.pack.overview_max_chars if max_chars is FROM_PACK else max_chars
        return list(_aspect_findings(report.text.get("overview", ""), basis, limit))
    return FunctionRule("W-SEC1-ASPECTS", {"text.overview"}, check)


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
    for sec in SECTION_IDS:
        text = report.text.get(sec, "")
        if not text.strip():
            continue
        old = last_text.get(sec, "")
        stale = sec in report.stale
        if sec not in _COPY_SECTIONS and not stale:
            continue
        if not old.strip():
            if stale:
                out.append(Finding("W-X-COPY", W, (f"text.{sec}",),
                                   f"{SECTION_NAMES[sec]}沿用上年报告的文字，尚未修改，请按本年度情况重写",
                                   section=sec))
            continue
        ratio = similarity(text, old)
        if ratio <= COPY_THRESHOLD:
            continue
        year = f"{base.year}年度" if base.year else "上年"
        why = "沿用上年报告的文字，尚未修改" if stale else f"与{year}报告的文字约 {ratio:.0%} 相同"
        out.append(Finding("W-X-COPY", W, (f"text.{sec}",),
                           f"{SECTION_NAMES[sec]}{why}（内容雷同是年报考核中的常见问题），"
                           "请按本年度情况重写", section=sec))
    return out


# -- W-TXT-FIELD: a 【…】 marker that names no table figure ------------------------------------


def _unknown_fields(sec: str):
    def check(report, ctx):
        text = report.text.get(sec, "")
        if "【" not in text:
            return []
        out = []
        for use in find_fields(report.form.id, text):
            if use.field is None:
                out.append(Finding("W-TXT-FIELD", W, (f"text.{sec}",),
                                   f"{SECTION_NAMES[sec]}中的“【{use.name}】”不是可识别的表格数字字段，"
                                   "导出时会原样印出，请重新插入表格数字字段", quote=text[use.start:use.end],
                                   section=sec, span=(use.start, use.end)))
        return out
    return check


# -- the rule set --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def text_rules(form_id: str) -> tuple[Rule, ...]:
    """Return the text-versus-table and narrative rules for the format ``form_id``."""
    rules: list[Rule] = [
        TextTableRule("W-TXT-T3", TEXT_IDS, form_id),
        TextTableRule("W-TXT-T4", TEXT_IDS, form_id),
        # 规章/规范性文件 counts belong in 总体情况 (V S13) and under 表二; elsewhere they may mean something else.
        TextTableRule("W-TXT-T2", ("preface", "overview", "t2"), form_id),
    ]
    rows = get_form(form_id).t3_rows
    rules.append(FunctionRule("W-T3-ZERO-TEXT", {*(f"text.{s}" for s in TEXT_IDS), "meta.year",
                                                 f"t3.{rows['new']}.c7", f"t3.{rows['carried']}.c7"},
                              _zero_text(TEXT_IDS)))
    for sec in TEXT_IDS:
        rules.append(FunctionRule("W-TXT-YEAR", {f"text.{sec}", "meta.year"}, _text_year(sec)))
        rules.append(FunctionRule("W-TXT-FIELD", {f"text.{sec}"}, _unknown_fields(sec)))
    rules.append(overview_rule())
    rules.append(FunctionRule("W-X-COPY", {"*", *(f"text.{s}" for s in SECTION_IDS),
                                  *(f"stale.{s}" for s in SECTION_IDS)}, _x_copy))
    return tuple(rules)
