"""Printed characters joined into text: lines by their baseline, a space only between Latin words
or across a column gap. The PDF reader uses it for the lines of the page and the text of each cell."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Char:
    """One printed character: its text, box (points, from the page's top left) and font size."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    base: float = 0.0  # the baseline, from the page's top: one line's characters share it


def text_of(chars: list[Char]) -> str:
    """Join characters into text: lines by their baseline, a space only between Latin words."""
    out: list[str] = []
    for line in group_lines(chars):
        out.append(join_line(line))
    return "".join(out)


def group_lines(chars: list[Char]) -> list[list[Char]]:
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (round(c.base, 1), c.x0)):
        if lines:
            last = lines[-1]
            ref = last[-1]
            if abs(ch.base - ref.base) <= max(ref.size, ch.size) * 0.3:
                last.append(ch)
                continue
        lines.append([ch])
    for line in lines:
        line.sort(key=lambda c: c.x0)
    lines.sort(key=lambda ln: min(c.top for c in ln))
    return lines


def _cjk(ch: str) -> bool:
    return ch >= "\u2e80"


def join_line(line: list[Char]) -> str:
    parts: list[str] = []
    prev: Char | None = None
    for ch in line:
        if ch.text.isspace():
            prev = ch
            continue
        if prev is not None and parts:
            gap, em = ch.x0 - prev.x1, max(ch.size, 1)
            latin = not _cjk(ch.text) and not _cjk(parts[-1][-1])
            if gap > em or (latin and gap > 0.25 * em):
                parts.append(" ")  # a word gap between Latin words or digits, or a column gap
        parts.append(ch.text)
        prev = ch
    return "".join(parts).strip()
