"""Recover the narrative of an imported report: sections, title year, unit, signature and date."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from ..messages import reading as msg
from ..schema import NARRATIVE_IDS, SECTION_TITLES, TABLE_IDS, TEXT_IDS
from .read_result import NoteCode, ReadNote

# Section headings of domain.md §2.1, with the variants seen in published reports.
_HEADINGS = (
    ("overview", re.compile(r"^[(（]?一[)）]?[、.．]?\s*总体情况$")),
    ("t2", re.compile(r"^[(（]?二[)）]?[、.．]?\s*主动公开政府信息(的)?情况$")),
    ("t3", re.compile(r"^[(（]?三[)）]?[、.．]?\s*收到和处理政府信息公开申请(的)?情况$")),
    ("t4", re.compile(r"^[(（]?四[)）]?[、.．]?\s*(因)?政府信息公开(工作)?(被申请)?行政复议[、和及,，]*(提起)?行政诉讼(的)?情况$")),
    ("problems", re.compile(r"^[(（]?五[)）]?[、.．]?\s*(政府信息公开工作)?存在的主要问题(及|和)改进情况$")),
    ("other", re.compile(r"^[(（]?六[)）]?[、.．]?\s*其他需要报告的事项$")),
)

# A unit may be named by its place only (「某某县」): printed alone above the title, it is the unit.
_PLACE = re.compile(r"(县|市|区|旗|州|盟|省|自治区)$")
ORG_SUFFIX = re.compile(
    r"(人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|管理委员会|行政公署|街道办事处|"
    r"办事处|局|厅|委|署|院|中心|镇|乡|街道|公司|政府|地区|站|所|队|会|部)$")

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_PAGE = re.compile(r"^([-—–－\s]*\d{1,3}[-—–－\s]*|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_ARTEFACTS = re.compile(r"\[bookmark:[^\]]*\]|\[image:[^\]]*\]")


def clean(text: str) -> str:
    """Fold widths and drop spaces, for comparing headings and labels."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)
def heading_section(text: str) -> str | None:
    """Return the section a heading line starts ("overview", "t2" … "other"), or None."""
    head = text.lstrip()[:1]
    if not head or head not in "一二三四五六(（":
        return None
    s = clean(text)
    if not s or len(s) > 40:
        return None
    for sec, pattern in _HEADINGS:
        if pattern.match(s):
            return sec
    return None


def inline_headings(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, section)`` of every section heading inside a run of text (a one-line copy)."""
    found = []
    for sec, pattern in _INLINE:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), sec))
    return sorted(found)


_INLINE = tuple((sec, re.compile(p.pattern.strip("^$").replace(r"[(（]?", "", 1).replace(r"[)）]?", "", 1)
                                 .replace(r"[、.．]?", r"[、.．]", 1)))
                for sec, p in _HEADINGS)


def is_page_noise(text: str) -> bool:
    """Return whether a line is a page number ("- 3 -", "第3页 共8页", "3/8")."""
    s = unicodedata.normalize("NFKC", text).strip()
    # A bare number is kept: in a table it is a value, not a page number.
    return bool(s) and not s.isdigit() and bool(_PAGE.fullmatch(s))


@dataclass
class Narrative:
    """What the narrative reader recovered; empty strings/None where nothing was found."""

    text: dict[str, str] = field(default_factory=dict)  # the narrative sections and the tables' notes
    sections: list[str] = field(default_factory=list)  # the sections whose headings the source had, in its order
    unit: str = ""
    year: int | None = None
    date: str | None = None
    signer: str = ""
    title: str = ""
    notes: list[ReadNote] = field(default_factory=list)


def _cn_number(text: str) -> int | None:
    """Read 〇一二… numbers: digit by digit for years, with 十 for months and days."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = int(_CN_DIGITS.get(tens, "1")) if tens else 1
        o = int(_CN_DIGITS.get(ones, "0")) if ones else 0
        return t * 10 + o if all(ch in _CN_DIGITS for ch in tens + ones) else None
    digits = "".join(_CN_DIGITS.get(ch, "") for ch in text)
    return int(digits) if len(digits) == len(text) and digits else None


_DATE_ANY = re.compile(r"^([0-9〇○零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日$")
_DATE_NUM = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")


def _date(line: str) -> str | None:
    """Return an ISO date for a date line ("2025年1月21日", "二〇二五年一月二十一日", "2025-01-21")."""
    s = clean(line)
    m = _DATE_ANY.match(s) or _DATE_NUM.match(s)
    if not m:
        return None
    y, mo, d = (_cn_number(g) for g in m.groups())
    if y is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _is_title(line: str) -> bool:
    s = clean(line)
    return len(s) <= 45 and ("报告" in s or "政府信息公开工作" in s or "年度" in s) and "。" not in s


_PAGE_META = re.compile(r"^(发布(时间|日期|机构|单位)|来源|信息来源|浏览|访问|点击|字号|【|\[|索引号|文号|发文|"
                        r"主题分类|成文日期|公开方式|公开范围|首页|当前位置|您当前|分享|打印|关闭)")
# A web page's own furniture, on lines of its own: 「扫一扫在手机上查看当前页面」「【打印本页】【关闭窗口】」.
_CHROME = re.compile(r"^(?:扫一扫(?:在手机上(?:查看|打开)(?:当前)?页面)?|扫描二维码.{0,12}|在手机上(?:查看|打开).{0,8}|"
                     r"(?:[\[【(（]?(?:打印|关闭|收藏|返回)(?:本页|此页|窗口|顶部|首页)?[\]】)）]?)+|分享(?:到)?[:：]?.{0,20}|"
                     r"上一篇[:：]?.*|下一篇[:：]?.*|[\[【]?字[号体][:：]?(?:大|中|小|\s)*[\]】]?|相关(?:链接|文章|阅读)[:：]?.{0,20}|"
                     r"责任编辑[:：].{0,12}|(?:浏览|访问|阅读)(?:次数|量)?[:：]?\d*次?)$")
# The site's footer: from here on nothing is the report's.
_FOOTER = re.compile(r"^(?:友情链接|版权所有|Copyright|网站标识码|主办单位|主办[:：]|承办单位|承办[:：]|技术支持|联系我们|网站地图|"
                     r"网站声明|.{0,20}ICP备|.{0,20}公网安备)", re.I)
_CAPTION = re.compile(r"^(?:单位|计量单位)[:：]|^表[一二三四1-4](?:[:：、.．\s]|$)|^[（(]本列数据的勾稽关系")


def is_chrome(line: str) -> bool:
    """Whether a line is a web page's furniture (share, print, close, font size), not the report's text."""
    s = clean(line)
    return len(s) <= 40 and bool(_CHROME.fullmatch(s))


def is_footer(line: str) -> bool:
    """Whether a line starts a web site's footer (友情链接, 版权所有, ICP备…)."""
    s = clean(line)
    return len(s) <= 60 and bool(_FOOTER.match(s))


def is_note(line: str) -> bool:
    """Whether a line under a table heading is a note on it (a sentence), not a caption such as 「单位：件」."""
    s = clean(line)
    if not s or _CAPTION.match(s) or heading_section(s) or s in SECTION_TITLES.values():
        return False
    cjk = sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")
    # A table's label cell, even a long wrapped one, does not end a sentence (and a row ends with numbers).
    return cjk >= 4 and (s.endswith(("。", "！", "；", "？")) or (s.startswith("注") and not s[-1].isdigit()))


_TITLE_YEAR = re.compile(r"(\d{4})\s*年度?")
_ANNOUNCE = re.compile(r"(?:现将|现公布|现予公布|现向社会公布|现发布|特发布|现予以公布)([^，。,；;《》“”\s]{2,30}?)(\d{4})\s*年度?")


def extract(paras: list[tuple[str | None, str]]) -> Narrative:
    """Read the narrative from ``(section, line)`` pairs in document order.

    ``section`` is None before the first heading; heading lines themselves are included and
    noted (:attr:`Narrative.sections`). Lines under a table's heading that are sentences become
    that table's note; page numbers and a web page's furniture are left out.
    """
    result = Narrative()
    buckets: dict[str, list[str]] = {s: [] for s in TEXT_IDS}
    seen: list[str] = []
    for sec, line in paras:
        line = _ARTEFACTS.sub("", line).strip()
        if not line:
            continue
        head = heading_section(line)
        if head:
            if head not in seen:
                seen.append(head)
            continue
        if is_page_noise(line) or is_chrome(line):
            continue
        key = sec or "preface"
        if key in TABLE_IDS and not is_note(line):
            continue
        buckets[key].append(line)
    if any(s in seen for s in NARRATIVE_IDS):
        result.sections = seen  # a whole report, not a workbook of tables

    # Title: the leading short lines of the preface that name the report; a web page's
    # metadata lines (发布时间、来源、索引号…) around it are dropped.
    head = [ln for k, ln in enumerate(buckets["preface"]) if k >= 12 or not _PAGE_META.match(clean(ln))]
    title_lines: list[str] = []
    lead: list[str] = []
    i = 0
    while i < len(head) and i < 6:
        line = head[i]
        short = clean(line)
        if _is_title(line):
            title_lines.append(line)
        elif not title_lines and len(short) <= 30 and (
                (len(short) <= 20 and ORG_SUFFIX.search(short)) or
                (i + 1 < len(head) and _is_title(head[i + 1]) and _PLACE.search(short) and len(short) >= 3
                 and not re.search(r"[。，,；;：:>›]", short))):
            lead.append(line)  # a unit name printed above the title
        elif title_lines and len(short) <= 8:
            title_lines.append(line)  # the title's last words wrapped ("年度报告")
        elif not title_lines and len(short) <= 12 and i + 1 < len(head):
            pass  # a web page's crumbs or a document number above the title
        else:
            break
        i += 1
    if not title_lines:
        i = 0  # no title: what looked like crumbs is the start of the text
        lead = []
    result.title = "".join(clean(t) for t in title_lines)
    body_preface = head[i:]
    first_text = result.title + "".join(clean(x) for x in body_preface[:2])

    m = _TITLE_YEAR.search(result.title) or _TITLE_YEAR.search(first_text)
    if m and 2000 <= int(m.group(1)) <= 2100:
        result.year = int(m.group(1))
    else:
        result.notes.append(ReadNote(NoteCode.YEAR_MISSING, msg.YEAR_MISSING, "meta.year"))
    unit = _unit(result.title, lead, body_preface, result.year)

    # Signature and date: the last short lines of the report. On a web page, what follows
    # the date (print/close links, the site's footer) is not part of the report.
    last_section = next((s for s in ("other", "problems", "overview") if buckets[s]), "other")
    tail = buckets[last_section]
    footer = next((k for k, ln in enumerate(tail) if is_footer(ln)), None)
    if footer is not None:
        del tail[footer:]
    for k in range(len(tail) - 1, max(-1, len(tail) - 21), -1):
        if _date(tail[k]):
            del tail[k + 1:]
            break
    while tail:
        last = clean(tail[-1])
        if _date(last) and not result.date:
            result.date = _date(last)
        elif len(last) <= 30 and not result.signer and "。" not in last and (
                ORG_SUFFIX.search(last) or (unit and last == clean(unit))):
            result.signer = last
        elif result.date is None and not result.signer and (
            last.endswith((":", "：")) or last.startswith(("附件", "图解"))
        ):
            pass  # trailing captions such as "图解:" or "附件：…统计表"
        else:
            break
        tail.pop()
    while tail and clean(tail[-1]).startswith("附件"):
        tail.pop()

    result.unit = unit or result.signer
    if not result.unit:
        result.notes.append(ReadNote(NoteCode.UNIT_MISSING, msg.UNIT_MISSING, "meta.unit"))
    if not result.signer:
        result.signer = result.unit
    # ``tail`` is the list of the last section itself, so the signature is gone from it now.
    result.text = {s: "\n".join(buckets[s]) for s in TEXT_IDS}
    result.text["preface"] = "\n".join(body_preface)
    for sec in ("overview", "problems", "other"):
        if not result.text[sec]:
            result.notes.append(ReadNote(NoteCode.SECTION_MISSING, msg.section_missing(SECTION_TITLES[sec]),
                                         f"text.{sec}"))
    return result


def _unit(title: str, lead: list[str], preface: list[str], year: int | None) -> str:
    """Find the unit: an announcement in the preface, the title's prefix, or a line above it."""
    text = "".join(clean(x) for x in preface[:3])
    m = _ANNOUNCE.search(text)
    if lead and (not m or m.group(1) in clean(lead[0])):
        return clean(lead[0])  # the full name printed above the title ("岚皋县佐龙镇人民政府")
    prefix = ""
    ym = _TITLE_YEAR.search(title)
    if ym:
        prefix = title[: ym.start()]
    named = m.group(1) if m and ORG_SUFFIX.search(m.group(1)) else ""
    if prefix and ORG_SUFFIX.search(prefix):
        # The title's name, unless the announcement names the same unit in full (「佐龙镇」 in the
        # title, 「岚皋县佐龙镇人民政府」 in 「现将…报告如下」); a short form never replaces the full one.
        return named if named and prefix in named else prefix
    if named:
        return named
    if lead:
        return clean(lead[0])
    # The title may sit inside the first preface sentence ("某某办公室2024年…年度报告是根据…").
    m2 = re.match(r"^([^，。,《》“”]{2,30}?)\d{4}年度?政府信息公开", text)
    if m2 and ORG_SUFFIX.search(m2.group(1)):
        return m2.group(1)
    if m and m.group(1):
        return m.group(1)
    return prefix
