"""说明型审核: the clerk's written explanations of warnings that are true, kept with the report.

An explanation names a rule and a set of cells; a warning of that rule on exactly those cells is
*explained*. Errors are never explained away (core.rules.explained decides that); an explanation
that matches an error, or no finding at all, is kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator


@dataclass(frozen=True)
class Explanation:
    rule: str
    cells: tuple[str, ...]  # as written (the order is kept for the file; matching ignores it)
    text: str


def _key(rule: str, cells: Iterable[str]) -> tuple[str, frozenset]:
    return rule, frozenset(cells)


class Explanations:
    """The explanations of one report, found by rule and cell set."""

    def __init__(self, items: Iterable[Explanation] = ()):
        self._items: dict[tuple[str, frozenset], Explanation] = {}
        for e in items:
            self._items[_key(e.rule, e.cells)] = e

    def get(self, rule: str, cells: Iterable[str]) -> str | None:
        """Return the explanation written for ``rule`` on exactly ``cells``, or None."""
        if not self._items:
            return None
        e = self._items.get(_key(rule, cells))
        return e.text if e else None

    def set(self, rule: str, cells: Iterable[str], text: str | None) -> str | None:
        """Write (or, with empty ``text``, remove) an explanation; return the text it replaces."""
        cells = tuple(cells)
        key = _key(rule, cells)
        old = self._items.get(key)
        text = (text or "").strip()
        if text:
            self._items[key] = Explanation(rule, old.cells if old else cells, text)
        else:
            self._items.pop(key, None)
        return old.text if old else None

    def copy(self) -> "Explanations":
        return Explanations(self._items.values())

    def __iter__(self) -> Iterator[Explanation]:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other) -> bool:
        return isinstance(other, Explanations) and self._items == other._items
