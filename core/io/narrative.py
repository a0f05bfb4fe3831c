"""Recover the narrative of an imported report: sections, title year, unit, signature and date."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from ..messages import reading as msg
from ..schema import SECTION_TITLES
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

ORG_SUFFIX = re.compile(
    r"(人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|管理委员会|行政公署|街道办事处|"
    r"办事处|局|厅|委|署|院|中心|镇|乡|街道|公司|政府|地区|站|所|队|会)$")

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


def is_page_noise(text: str) -> bool:
    """Return whether a line is a page number ("- 3 -", "第3页 共8页", "3/8")."""
    s = unicodedata.normalize("NFKC", text).strip()
    # A bare number is kept: in a table it is a value, not a page number.
    return bool(s) and not s.isdigit() and bool(_PAGE.fullmatch(s))


@dataclass
class Narrative:
    """What the narrative reader recovered; empty strings/None where nothing was found."""

    text: dict[str, str] = field(default_factory=dict)
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
_TITLE_YEAR = re.compile(r"(\d{4})\s*年度?")
_ANNOUNCE = re.compile(r"(?:现将|现公布|现予公布|现向社会公布|现发布|特发布|现予以公布)([^，。,；;《》“”\s]{2,30}?)(\d{4})\s*年度?")


def extract(paras: list[tuple[str | None, str]]) -> Narrative:
    """Read the narrative from ``(section, line)`` pairs in document order.

    ``section`` is None before the first heading; heading lines themselves are included and
    skipped here. Table sections' text is ignored.
    """
    result = Narrative()
    buckets: dict[str, list[str]] = {"preface": [], "overview": [], "problems": [], "other": []}
    for sec, line in paras:
        line = _ARTEFACTS.sub("", line).strip()
        if not line or heading_section(line):
            continue
        key = sec or "preface"
        if key in buckets:
            buckets[key].append(line)

    # Title: the leading short lines of the preface that name the report; a web page's
    # metadata lines (发布时间、来源、索引号…) around it are dropped.
    head = [ln for k, ln in enumerate(buckets["preface"]) if k >= 12 or not _PAGE_META.match(clean(ln))]
    title_lines: list[str] = []
    lead: list[str] = []
    i = 0
    while i < len(head) and i < 6:
        line = head[i]
        if _is_title(line):
            title_lines.append(line)
        elif len(clean(line)) <= 20 and ORG_SUFFIX.search(clean(line)) and not title_lines:
            lead.append(line)  # a unit name printed above the title
        elif title_lines and len(clean(line)) <= 8:
            title_lines.append(line)  # the title's last words wrapped ("年度报告")
        elif not title_lines and len(clean(line)) <= 12 and i + 1 < len(head):
            pass  # a web page's crumbs or a document number above the title
        else:
            break
        i += 1
    if not title_lines:
        i = 0  # no title: what looked like crumbs is the start of the text
    result.title = "".join(clean(t) for t in title_lines)
    body_preface = head[i:]
    first_text = result.title + "".join(clean(x) for x in body_preface[:2])

    m = _TITLE_YEAR.search(result.title) or _TITLE_YEAR.search(first_text)
    if m and 2000 <= int(m.group(1)) <= 2100:
        result.year = int(m.group(1))
    else:
        result.notes.append(ReadNote(NoteCode.YEAR_MISSING, msg.YEAR_MISSING, "meta.year"))

    # Signature and date: the last short lines of the report. On a web page, what follows
    # the date (print/close links, the site's footer) is not part of the report.
    tail = buckets["other"] if buckets["other"] else buckets["problems"]
    for k in range(len(tail) - 1, max(-1, len(tail) - 21), -1):
        if _date(tail[k]):
            del tail[k + 1:]
            break
    while tail:
        last = clean(tail[-1])
        if _date(last) and not result.date:
            result.date = _date(last)
        elif len(last) <= 30 and ORG_SUFFIX.search(last) and not result.signer and "。" not in last:
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

    result.unit = _unit(result.title, lead, body_preface, result.year) or result.signer
    if not result.unit:
        result.notes.append(ReadNote(NoteCode.UNIT_MISSING, msg.UNIT_MISSING, "meta.unit"))
    if not result.signer:
        result.signer = result.unit
    # ``tail`` is the list of the last section itself, so the signature is gone from it now.
    result.text = {
        "preface": "\n".join(body_preface),
        "overview": "\n".join(buckets["overview"]),
        "problems": "\n".join(buckets["problems"]),
        "other": "\n".join(buckets["other"]),
    }
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
    if m and ORG_SUFFIX.search(m.group(1)):
        return m.group(1)
    prefix = ""
    ym = _TITLE_YEAR.search(title)
    if ym:
        prefix = title[: ym.start()]
    if prefix and ORG_SUFFIX.search(prefix):
        return prefix
    if lead:
        return clean(lead[0])
    # The title may sit inside the first preface sentence ("某某办公室2024年…年度报告是根据…").
    m2 = re.match(r"^([^，。,《》“”]{2,30}?)\d{4}年度?政府信息公开", text)
    if m2 and ORG_SUFFIX.search(m2.group(1)):
        return m2.group(1)
    if m and m.group(1):
        return m.group(1)
    return prefix
