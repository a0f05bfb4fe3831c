"""重复报送: reports of the same unit and year, or with the same content, found among many."""

from __future__ import annotations

import hashlib
from typing import Hashable, Sequence, TypeVar

from ..unit_names import group_same_units

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
    parent: dict[K, K] = {k: k for k, *_ in items}

    def root(k: K) -> K:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(group) -> None:
        first = root(group[0])
        for k in group[1:]:
            r = root(k)
            if r != first:
                parent[r] = first

    by_year: dict[object, list[tuple[K, str]]] = {}
    for key, unit, year, _ in items:
        if unit:
            by_year.setdefault(year, []).append((key, unit))
    for units in by_year.values():
        for group in group_same_units(units):
            if len(group) > 1:
                join(group)
    by_print: dict[str, list[K]] = {}
    for key, _, _, digest in items:
        if digest:
            by_print.setdefault(digest, []).append(key)
    for group in by_print.values():
        if len(group) > 1:
            join(group)
    groups: dict[K, list[K]] = {}
    for key, *_ in items:
        groups.setdefault(root(key), []).append(key)
    return [g for g in groups.values() if len(g) > 1]
