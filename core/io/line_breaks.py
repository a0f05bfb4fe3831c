"""Where printed text may break: the title and the merged group labels of 表三, between words.

The title breaks as GB/T 9704 7.3.1 asks: 词意完整, balanced, 梯形 or 菱形.
「新疆维吾尔自治区和田地区和田县人民政府办公室2024年政府信息公开工作年度报告」 is 38 characters
of 二号 type; a line of the 156 mm text block holds 20. Lines break only between organisational
units (自治区/地区/市/县/区/乡/镇/街道/人民政府/办公室/局…), never inside a word, and
「2024年政府信息公开工作年度报告」 stands on a line of its own.

A group label in a narrow column breaks between its words too: 「三、/本年度/办理/结果」,
「（三）/不予/公开」, never 「不予公/开」 (used by the default templates and the web page).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Any

TITLE_SUFFIX = "政府信息公开工作年度报告"
TITLE_LINE_CHARS = 20  # 156 mm of 22 pt characters
MAX_LINES = 4

# A unit name may break after these words (cost 1) …
_ORGANS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "行政公署", "人民政府", "政府",
           "办公室", "办公厅", "委员会", "管委会", "街道办事处", "办事处", "街道", "苏木", "嘎查")
# … or after an administrative level or an office (cost 2) that ends a word there:
_LEVELS = "省市州盟县区旗乡镇局厅委办处所站院"
_NOT_ENDING = ("城乡", "城市", "城镇", "乡镇", "市区", "县区", "县市", "街区")  # the second character ends no unit
_NOT_STARTING = ("市场", "市政", "市容", "区域", "县域", "乡村", "镇村", "局域", "办理", "处理", "委托",
                 "院校", "所属", "站点", "人民")  # the level character begins a word
_ANYWHERE = 50  # a name with no boundary where it must break (a 21-character word)
SHAPE_COST = 2  # neither 梯形 nor 菱形
BALANCE_COST = 6  # for a difference between the longest and the shortest line of a whole line


def title_width(text: str) -> float:
    """Width in 二号 characters: CJK 1, digits and Latin a little over ½, plus the space Word,
    WPS and LibreOffice put between Chinese and Latin text (¼ character each side)."""
    width, prev_wide = 0.0, None
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        width += 1.0 if wide else 0.55
        if prev_wide is not None and wide != prev_wide:
            width += 0.25
        prev_wide = wide
    return width


def _break_costs(unit: str) -> dict[int, int]:
    """Positions inside ``unit`` where a line may end, with how good a place each is."""
    costs = {}
    for i in range(1, len(unit)):
        head, tail = unit[:i], unit[i:]
        if head.endswith(_ORGANS) or tail.startswith(("人民政府", "政府")):
            costs[i] = 1
        elif head[-1] in _LEVELS and len(head) >= 2 and not head.endswith(_NOT_ENDING) \
                and not unit[i - 1:i + 1].startswith(_NOT_STARTING):
            costs[i] = 2
        else:
            costs[i] = _ANYWHERE
    return costs


def _unit_lines(unit: str, rest_width: float) -> list[str]:
    """Split ``unit`` into the fewest lines that fit, at the best boundaries, in a good shape."""
    costs = _break_costs(unit)
    best: tuple | None = None
    for n in range(1, MAX_LINES):
        for cuts in itertools.combinations(sorted(costs), n - 1):
            edges = (0, *cuts, len(unit))
            lines = [unit[a:b] for a, b in zip(edges, edges[1:])]
            widths = [title_width(x) for x in lines]
            if max(widths) > TITLE_LINE_CHARS:
                continue
            shape = widths + [rest_width]
            score = (sum(costs[c] for c in cuts) + (0 if _good_shape(shape) else SHAPE_COST)
                     + BALANCE_COST * (max(shape) - min(shape)) / TITLE_LINE_CHARS)
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return [unit]  # longer than four lines: let the word processor wrap it


def _good_shape(widths: list[float]) -> bool:
    """梯形 (each line no longer than the next) or 菱形 (longest in the middle)."""
    if all(a <= b for a, b in zip(widths, widths[1:])):
        return True
    top = widths.index(max(widths))
    return 0 < top < len(widths) - 1 and all(a <= b for a, b in zip(widths[:top], widths[1:top + 1])) \
        and all(a >= b for a, b in zip(widths[top:], widths[top + 1:]))


def title_lines(unit: str, year: Any) -> list[str]:
    """Return the title of ``unit``'s report for ``year`` as the lines it is printed in."""
    rest = f"{year}年{TITLE_SUFFIX}" if year not in (None, "") else TITLE_SUFFIX
    whole = unit + rest
    if not unit or title_width(whole) <= TITLE_LINE_CHARS:
        return [whole]
    return [*_unit_lines(unit, title_width(rest)), rest]


# -- group labels of 表三 ---------------------------------------------------------------------
LABEL_WORDS = ("本年度", "办理", "结果", "不予", "公开", "无法", "提供", "处理", "其他")
_NUMBERING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def label_words(text: str) -> list[str]:
    """The numbering, then the known words, then single characters."""
    m = _NUMBERING.match(text)
    words = [m.group(0)] if m else []
    rest = text[m.end():] if m else text
    while rest:
        word = next((w for w in LABEL_WORDS if rest.startswith(w)), rest[0])
        words.append(word)
        rest = rest[len(word):]
    return words


def label_lines(text: str, chars: int) -> list[str]:
    """Pack the words of a group label into lines of at most ``chars`` characters."""
    lines: list[str] = []
    numbered = bool(_NUMBERING.match(text))
    for i, word in enumerate(label_words(text)):
        if lines and not (numbered and i == 1) and len(lines[-1]) + len(word) <= chars:
            lines[-1] += word
        else:
            lines.append(word)  # the numbering always stands on a line of its own
    return lines
