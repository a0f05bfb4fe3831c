"""Reading numbers the way reports write them: 「16件」「2.55万条」「十二件」「１，２３４件」."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
           "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

# Measure words a count in an annual report is written with.
UNITS = "件条个宗起次项部份篇家类期场"

_ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_CN = f"[{CN_CHARS}]+"
# A quantity: number (Arabic or Chinese), optional 万/亿, optional 余/多, then a measure word.
QUANTITY_RE = re.compile(
    rf"(?P<num>{_ARABIC}|{_CN})\s*(?P<mult>[万亿]?)\s*(?P<approx>[余多]?)\s*(?P<unit>[{UNITS}])"
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_APPROX_BEFORE = ("约", "近", "逾", "超过", "超", "大约", "将近", "上百", "数")


def cn_to_int(text: str) -> int | None:
    """Return the value of a Chinese numeral (「十二」→12, 「一百零五」→105, 「两万三千」→23000), or None."""
    if not text or any(ch not in CN_CHARS for ch in text):
        return None
    if len(text) > 1 and all(ch in _DIGITS for ch in text):
        if "两" in text or not (len(text) >= 3 or set(text) & set("〇○零")):
            return None  # 「三五件」 means "a few", not 35
        return int("".join(str(_DIGITS[ch]) for ch in text))  # digit by digit: 「二〇二四」
    total = section = number = 0
    prev_digit = False
    for ch in text:
        if ch in _DIGITS:
            if prev_digit and _DIGITS[ch] and number:
                return None  # two digits without a unit between them: 「三五」
            number = _DIGITS[ch]
            prev_digit = True
            continue
        prev_digit = False
        if ch in _SMALL_UNITS:
            section += (number or 1) * _SMALL_UNITS[ch]
        elif ch == "万":
            total += (section + number or 1) * 10_000
            section = 0
        else:  # 亿
            total = (total + section + number or 1) * 100_000_000
            section = 0
        number = 0
    if number and len(text) >= 2 and text[-2] in "万千百仟佰":
        number *= {"万": 1000, "千": 100, "仟": 100, "百": 10, "佰": 10}[text[-2]]  # 「一百五」=150
    return total + section + number


def parse_number(text: str) -> int | Decimal | None:
    """Return the number written in ``text`` (Arabic or Chinese, with 万/亿), or None.

    Whole numbers come back as int, others as Decimal: 「2.55万」→25500, 「1.5」→Decimal("1.5").
    """
    s = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("，", "")
    if not s:
        return None
    mult = 1
    while s and s[-1] in _BIG_UNITS and not all(ch in CN_CHARS for ch in s):
        mult *= _BIG_UNITS[s[-1]]
        s = s[:-1].strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        try:
            value = Decimal(s) * mult
        except InvalidOperation:  # pragma: no cover - guarded by the regex
            return None
        return int(value) if value == value.to_integral_value() else value.normalize()
    n = cn_to_int(s)
    return None if n is None else n * mult


@dataclass(frozen=True)
class Quantity:
    """A number with its measure word found in a sentence."""

    value: int | Decimal
    unit: str
    start: int  # offsets of the whole quantity (number … measure word) in the searched text
    end: int
    approximate: bool  # 「1000余条」「约20件」: not a figure to compare


def find_quantities(text: str) -> list[Quantity]:
    """Return every counted quantity in ``text`` (「16件」「2.55万条」「三件」), in order."""
    norm = text.translate(_FULL_WIDTH)  # same length: offsets stay those of ``text``
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(norm):
        num = m.group("num")
        value = parse_number(num + m.group("mult"))
        if value is None:
            continue
        start = m.start()
        if num[0] in CN_CHARS:
            if _is_word_part(norm, m):
                continue
        before = norm[max(0, start - 2):start]
        approx = bool(m.group("approx")) or any(before.endswith(w) for w in _APPROX_BEFORE)
        if start > 0 and (norm[start - 1].isdigit() or norm[start - 1] == "."):
            continue
        out.append(Quantity(value, m.group("unit"), start, m.end(), approx))
    return out


# Words where a Chinese numeral is part of a word, not a count: 「一件事」 is still a count, but
# 「第三次」「三个一批」「一次性」「统一」「万家」 are not.
_WORD_BEFORE = "第每逐统唯单同专"
_WORD_AFTER_UNIT = {"次": "性", "个": "别", "项": "目", "条": "例件款", "部": "门署分", "件": "事",
                    "起": "来草", "份": "额子", "家": "庭乡", "类": "别型", "期": "间限", "场": "所景"}


def _is_word_part(text: str, m: re.Match) -> bool:
    """Return whether a Chinese-numeral match is really part of a word (「第三次」「一次性」「统一」)."""
    start, end = m.start(), m.end()
    if start > 0 and text[start - 1] in _WORD_BEFORE:
        return True
    unit = m.group("unit")
    after = text[end:end + 1]
    if after and after in _WORD_AFTER_UNIT.get(unit, ""):
        return True
    num = m.group("num")
    if len(num) == 1 and num in "万亿":
        return True
    return False
