"""Jinja tags in Word XML: repair what Word and Chinese input methods do to them, and check them.

Word splits a tag over runs and autocorrects its quotes; an IME types full-width braces and
brackets. Tags are repaired where that is safe; a tag that spans paragraphs or hides
formatting, an unclosed ``{% if %}`` and a tag left after rendering are refused with a message
naming the paragraph.
"""

from __future__ import annotations

import html
import re
from typing import Iterable

from ...messages import template as msg
from .parts import W, element, text_parts
from .errors import TemplateError

SNIPPET = 40

_FULLWIDTH_OPEN = re.compile(r"[{｛]\s*[｛]|[｛]\s*[{]|[{｛]\s*[％]|[｛]\s*[%]")
_FULLWIDTH_CLOSE = re.compile(r"[}｝]\s*[｝]|[｝]\s*[}]|[%％]\s*[｝]|[％]\s*[}]")
_IN_TAG = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "＇": "'",
    "（": "(", "）": ")", "，": ",", "：": ":", "｜": "|", "＝": "=", "＋": "+", "－": "-",
    "［": "[", "］": "]", "。": ".", "．": ".", "！": "!", "\u3000": " ", "\u00a0": " ",
})
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_OPENER = re.compile(r"\{\{|\{%|\{#")
_LEFTOVER = _OPENER


def fold_fullwidth_braces(root) -> None:
    """A Chinese IME types 「｛｛ unit ｝｝」: fold full-width braces of a tag to ASCII."""
    for t in root.iter(W + "t"):
        s = t.text
        if s and ("｛" in s or "｝" in s or "％" in s):
            s = _FULLWIDTH_OPEN.sub(lambda m: "{" + ("%" if m.group(0)[-1] in "%％" else "{"), s)
            s = _FULLWIDTH_CLOSE.sub(lambda m: ("%" if m.group(0)[0] in "%％" else "}") + "}", s)
            t.text = s


def paragraph_texts(root) -> Iterable[tuple[int, str]]:
    for i, p in enumerate(root.iter(W + "p")):
        yield i + 1, "".join(t.text or "" for t in p.iter(W + "t"))


def snippet(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= SNIPPET else text[:SNIPPET] + "…"


def check_tag_balance(root, place: str) -> None:
    """Every tag must open and close inside one paragraph (Word may split it over runs only)."""
    for n, text in paragraph_texts(root):
        if "{" not in text and "}" not in text:
            continue
        pos = 0
        while True:
            m = _OPENER.search(text, pos)
            if not m:
                break
            start = m.start()
            closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[m.group(0)]
            end = text.find(closer, start + 2)
            nxt = _OPENER.search(text, start + 2)
            if end < 0 or (nxt and nxt.start() < end):
                raise TemplateError(msg.tag_not_closed(msg.at_paragraph(place, n, snippet(text)),
                                                       snippet(text[start:start + 30]), closer))
            pos = end + 2
        stray = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", text)
        if "}}" in stray or "%}" in stray:
            raise TemplateError(msg.stray_closer(msg.at_paragraph(place, n, snippet(text))))


def normalise_tags(xml: str) -> str:
    """Inside tags, turn smart and full-width quotes/brackets into ASCII (Word autocorrect, IME)."""
    return _TAG.sub(lambda m: m.group(0).translate(_IN_TAG), xml)


def check_no_markup_in_tags(xml: str, place: str) -> None:
    for m in _TAG.finditer(xml):
        if re.search(r"</?w:", m.group(0)):
            raise TemplateError(msg.tag_split(place, snippet(plain(m.group(0)))))


def plain(xml_line: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", xml_line))


def split_paragraphs(patched: str) -> list[str]:
    """Split patched XML the way docxtpl does before Jinja sees it: one line per paragraph."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched).split("\n")


def where(lines: list[str], lineno: int | None, place: str) -> str:
    """「模板正文段落“…”」 for a Jinja line number (a paragraph of the patched XML)."""
    if not lineno or lineno > len(lines):
        return msg.at_text(place, "")
    return msg.at_text(place, snippet(plain(lines[lineno - 1])))


# -- blocks -----------------------------------------------------------------------------------
_BLOCKS = ("if", "for", "macro", "call", "filter", "set", "with", "block", "autoescape", "trans")
_MIDDLES = {"elif": "if", "else": ("if", "for"), "pluralize": "trans"}
_STATEMENT = re.compile(r"\{%-?\s*(\w+)([^%]*)%\}")


def block_error(lines: list[str], place: str) -> str | None:
    """The Chinese message for an unclosed or mismatched block, at the paragraph that opened it.

    Jinja reports 「Unexpected end of template」 at the end of the part; the clerk needs the
    paragraph where the ``{% if %}`` without ``{% endif %}`` is.
    """
    stack: list[tuple[str, int]] = []
    for n, line in enumerate(lines, 1):
        for m in _STATEMENT.finditer(line):
            name, rest = m.group(1), m.group(2)
            if name in _BLOCKS:
                if name == "set" and "=" in rest:
                    continue  # {% set x = 1 %} is not a block
                stack.append((name, n))
            elif name.startswith("end"):
                block = name[3:]
                if stack and stack[-1][0] == block:
                    stack.pop()
                elif stack:
                    opened, at = stack[-1]
                    return msg.block_mismatch(where(lines, n, place), name, opened, where(lines, at, place))
                else:
                    return msg.end_without_start(where(lines, n, place), name)
    if stack:
        block, at = stack[-1]
        return msg.block_not_closed(where(lines, at, place), block)
    return None


# -- after rendering --------------------------------------------------------------------------
def check_no_tags_left(doc) -> None:
    """No ``{{``/``{%`` may survive anywhere in the rendered document."""
    for kind, part in text_parts(doc):
        for n, text in paragraph_texts(element(part)):
            m = _LEFTOVER.search(text)
            if m:
                raise TemplateError(msg.tags_left(msg.place(kind), n, snippet(text), m.group(0)))
