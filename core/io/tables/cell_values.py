"""What an imported table cell holds: a number read from the text a report printed, or why not.

Published reports decorate their numbers: 「217*」「217（注1）」「217<sup>1</sup>」「217人」「约217」,
a letter l for a digit 1, zero-width spaces from web editors. Each is read as the number with a note
that quotes the original; what is not a number (「1 2」「①」「见附件」) is refused with a note, never
guessed. Used by the table parser for imports and by the editor's paste.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from ...messages import reading as msg
from ...model.values import Value, format_value, parse_cell_text
from ...schema import CellKind, CellSpec
from ..importers import SUP_CLOSE, SUP_OPEN

# Invisible characters web editors and Word leave in cells.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e"), None)
# Enclosed numbers (①⑴⒈❶㉑) are list numbering, not figures; NFKC would turn ① into 1.
_ENCLOSED = re.compile("[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
_SUPERSCRIPT = re.compile(re.escape(SUP_OPEN) + "(.*?)" + re.escape(SUP_CLOSE), re.S)

BLANK_MARKS = re.compile(r"[/／\\—–\-－_―]+|无|空")
# A footnote or a short remark after the number: 「217*」「217（注1）」「217[1]」「12（含转办3件）」.
_REMARK = re.compile(r"(?P<num>.*\d)(?P<mark>[*＊※†‡#]+|[(\[〔【][^()\[\]〔〕【】]{0,12}[)\]〕】]|注\d{0,2})")
_APPROX_BEFORE = re.compile(r"(约计|大约|约|近|逾|超过|不足)(?=\d)")
_APPROX_AFTER = re.compile(r"(?<=\d)(余|多|左右|以上)$")
# Measure words printed after a count: stripped with a note (万元/元 are read by the money rules).
_COUNT_UNIT = re.compile(r"(?<=\d)(人次|件次|人|件|个|项|条|次|宗|起|家|份|户|篇|部|类)$")
# Letters typed or recognised for digits: 「2l7」「1O」.
_LETTER_DIGITS = str.maketrans("lI|oO", "11100")
_LETTERS = re.compile(r"[\dlI|oO]+")
_THOUSANDS = re.compile(r"\d{1,3}( \d{3})+(\.\d+)?")  # 「1 234」: thousands set apart, as some sites print
_NUMBER = re.compile(r"(增加?|减少?)?([+\-−－]?)(\d[\d,，]*(?:\.\d+)?)(万元|元)?")


def _shown(raw: str) -> str:
    """The cell as the clerk saw it, for quoting: superscripts written as 「<sup>1</sup>」."""
    text = raw.replace(SUP_OPEN, "<sup>").replace(SUP_CLOSE, "</sup>")
    return text.translate(_INVISIBLE).strip()


def _clean(raw: str) -> tuple[str, list[str], str | None]:
    """Return ``(text, removed, refusal)``: the number's text once decorations are removed,
    what was removed (for the note), or why the cell is not a number at all ("enclosed": a list
    number 「①」, "spaced": digits with spaces between 「1 2」)."""
    text = raw.translate(_INVISIBLE)
    removed: list[str] = []
    sups = [s for s in _SUPERSCRIPT.findall(text) if s.strip()]
    text = _SUPERSCRIPT.sub("", text).replace(SUP_OPEN, "").replace(SUP_CLOSE, "")
    if sups:
        removed.append(msg.removed_superscript("".join(sups)))
    if _ENCLOSED.search(text):
        return "", removed, "enclosed"
    s = unicodedata.normalize("NFKC", text).strip()
    if re.search(r"\d\s+\d", s) and not _THOUSANDS.fullmatch(s):
        return "", removed, "spaced"
    s = re.sub(r"\s+", "", s)
    if not s or BLANK_MARKS.fullmatch(s):
        return s, removed, None
    m = _REMARK.fullmatch(s)
    if m:
        s = m.group("num")
        removed.append(msg.removed_remark(m.group("mark")))
    m = _COUNT_UNIT.search(s)
    if m:
        s = s[:m.start()]
        removed.append(msg.removed_unit(m.group(1)))
    m = _APPROX_BEFORE.match(s) or _APPROX_AFTER.search(s)
    if m:
        s = s[:m.start()] + s[m.end():]
        removed.append(msg.removed_approx(m.group(1)))
    if _LETTERS.fullmatch(s) and re.search(r"\d", s) and not s.isdigit():
        removed.append(msg.removed_letters("".join(dict.fromkeys(ch for ch in s if not ch.isdigit()))))
        s = s.translate(_LETTER_DIGITS)
    return s, removed, None


@lru_cache(maxsize=4096)
def is_value_text(text: str) -> bool:
    """Return whether a cell's text is a value (a number, however decorated, a blank mark, or
    empty), not a label."""
    if text.isascii() and text.strip().isdigit():
        return True
    s, _removed, refusal = _clean(text)
    if refusal:
        return refusal == "spaced"  # 「1 2」 is a bad value, 「①」 the number of a label
    return not s or bool(BLANK_MARKS.fullmatch(s)) or bool(_NUMBER.fullmatch(s))


def parse_value(raw: str, spec: CellSpec) -> tuple[Value, str | None, bool]:
    """Parse an imported cell: ``(value, note, blank_mark)``; the note quotes the original.

    What is not a number comes back as the original text (str) with a note saying why; the
    table parser leaves such a cell blank in its place, the editor's paste refuses it.
    """
    shown = _shown(raw)
    s, removed, refusal = _clean(raw)
    if refusal:
        return shown, (msg.value_spaced if refusal == "spaced" else msg.value_numbering)(shown), False
    if not s:
        return (None, msg.value_only_superscript(shown), False) if removed else (None, None, False)
    if BLANK_MARKS.fullmatch(s):
        return None, None, True
    parsed = parse_cell_text(s, spec.kind)
    if parsed.ok:
        return parsed.value, _read_note(shown, parsed.value, removed), False
    m = _NUMBER.fullmatch(s)
    if not m:
        return shown, msg.value_not_number(shown), False
    word, sign, num, unit = m.groups()
    num = num.replace(",", "").replace("，", "")
    negative = bool(word and word.startswith("减")) or bool(sign and sign != "+")
    if negative and spec.kind is not CellKind.SIGNED:
        return shown, msg.value_negative(shown), False
    try:
        number = Decimal(num)
    except InvalidOperation:
        return shown, msg.value_not_number(shown), False
    if spec.kind is CellKind.MONEY:
        if unit == "元" and "万元" in spec.col_label:
            value: int | Decimal = number / 10000
            note = msg.value_yuan_to_wan(shown, format_value(value))
        elif unit == "元":
            value = number
            note = msg.value_in_yuan(shown, format_value(value))
        else:
            value = number
            note = _read_note(shown, value, removed, "万元" if unit == "万元" else "")
        return (-value if negative else value), note, False
    if number != number.to_integral_value():
        return shown, msg.value_not_integer(shown), False
    value = int(number)
    if unit:
        return shown, msg.value_not_number(shown), False  # 「5元」 in a count cell
    return (-value if negative else value), _read_note(shown, -value if negative else value, removed,
                                                       force=bool(word)), False


def _read_note(shown: str, value: Value, removed: list[str], unit: str = "", force: bool = False) -> str | None:
    """The note for a number read from decorated text (None when the text was the bare number)."""
    if removed:
        only_units = all(r.startswith(msg.UNIT_PREFIX) for r in removed)
        if only_units and not unit:
            return msg.value_read_as(shown, format_value(value))
        return msg.value_cleaned(shown, format_value(value), removed)
    if unit or force:
        return msg.value_read_as(shown, format_value(value), unit)
    return None
