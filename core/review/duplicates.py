"""重复报送: reports of the same unit and year, or with the same content, found among many."""

from __future__ import annotations

import hashlib
from typing import Hashable, Sequence, TypeVar

from ..unit_names import group_same_units, join_groups

MIN_FILLED = 5  # nonzero cells below which an empty-narrative report is too bare to compare by content
MIN_TEXT = 50  # characters of narrative that make a report's content its own

K = TypeVar("K", bound=Hashable)


def fingerprint(report) -> str:
    """Return a digest of ``report``'s tables and narrative, or "" when it holds too little to tell.

    Two townships that both report nothing in tables and text would otherwise be "the same report".
    """
    text = "".join(report.text.get(s, "") for s in sorted(report.text))
    filled = sum(1 for v in report.values.values() if v not in (None, 0))
    if len("".join(text.split())) < MIN_TEXT and filled < MIN_FILLED:
        return ""
    h = hashlib.sha1()
    h.update(f"{report.form.id}|{report.meta.get('year')}|".encode())
    for ref in sorted(report.values):
        h.update(f"{ref}={report.values[ref]};".encode())
    h.update(text.encode("utf-8", "replace"))
    return h.hexdigest()


def duplicate_groups(items: Sequence[tuple[K, str, object, str]]) -> list[list[K]]:
    """Return groups (two or more keys) of ``(key, unit, year, fingerprint)`` that are duplicates:
    the same unit (core.unit_names) and year, or the same non-empty fingerprint."""
    by_year: dict[object, list[tuple[K, str]]] = {}
    by_print: dict[str, list[K]] = {}
    for key, unit, year, digest in items:
        if unit:
            by_year.setdefault(year, []).append((key, unit))
        if digest:
            by_print.setdefault(digest, []).append(key)
    links = [g for units in by_year.values() for g in group_same_units(units) if len(g) > 1]
    links += [g for g in by_print.values() if len(g) > 1]
    return [g for g in join_groups([k for k, *_ in items], links) if len(g) > 1]
