"""Whether two unit names name the same office: the one comparison merge, audit, ``--expect`` and W-X-UNIT use.

Names are compared after removing white space and full/half-width differences, and a leading place
prefix that one of them lacks is ignored: 「淮安市洪泽区人民政府」 = 「洪泽区人民政府」, and a county's
list may write 「教育局」 for 「洪泽区教育局」. 「洪泽区人民政府」 ≠ 「洪泽县人民政府」.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Generic, Hashable, Iterable, TypeVar

# One administrative place at the start of a name: 「江苏省」「淮安市」「洪泽区」「海西蒙古族藏族自治州」.
_PLACE = re.compile(r"[^\s省市州盟县区旗]{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Return ``name`` as compared: NFKC (full-width letters, digits, brackets), no white space."""
    return _WS.sub("", unicodedata.normalize("NFKC", name or ""))


@lru_cache(maxsize=65536)
def shorter_forms(name: str) -> tuple[str, ...]:
    """Return the normalised name and what is left after dropping each leading place in turn.

    「江苏省淮安市洪泽区人民政府」 → (that, 「淮安市洪泽区人民政府」, 「洪泽区人民政府」, 「人民政府」).
    """
    n = normalise(name)
    out = [n] if n else []
    rest = n
    while True:
        m = _PLACE.match(rest)
        if not m or m.end() >= len(rest):
            break
        rest = rest[m.end():]
        out.append(rest)
    return tuple(out)


def same_unit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same unit (see the module's docstring)."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    return na == nb or nb in shorter_forms(a) or na in shorter_forms(b)


K = TypeVar("K", bound=Hashable)


class UnitIndex(Generic[K]):
    """Names of many units, found again by any name that :func:`same_unit` takes for them.

    ``add(key, name)`` files ``key`` (a file, a list entry) under ``name``; ``find(name)`` returns the
    keys whose name is the same unit as ``name``, in the order they were added. Linear in the names.
    """

    def __init__(self, items: Iterable[tuple[K, str]] = ()):
        self._full: dict[str, list[K]] = {}  # normalised name -> keys
        self._short: dict[str, list[K]] = {}  # a shorter form (not the name itself) -> keys
        self._order: dict[K, int] = {}
        for key, name in items:
            self.add(key, name)

    def add(self, key: K, name: str) -> None:
        forms = shorter_forms(name)
        if not forms:
            return
        self._order.setdefault(key, len(self._order))
        self._full.setdefault(forms[0], []).append(key)
        for form in forms[1:]:
            self._short.setdefault(form, []).append(key)

    def find(self, name: str) -> list[K]:
        forms = shorter_forms(name)
        if not forms:
            return []
        found = set(self._full.get(forms[0], ()))
        found.update(self._short.get(forms[0], ()))  # names that carry a prefix ``name`` lacks
        for form in forms[1:]:
            found.update(self._full.get(form, ()))  # names lacking a prefix ``name`` has
        return sorted(found, key=self._order.__getitem__)


def join_groups(keys: Iterable[K], links: Iterable[Iterable[K]]) -> list[list[K]]:
    """Return ``keys`` grouped so that the keys of each link share a group (union-find), first-seen order."""
    keys = list(keys)
    parent: dict[K, K] = {k: k for k in keys}

    def root(k: K) -> K:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for link in links:
        link = list(link)
        for other in link[1:]:
            a, b = root(link[0]), root(other)
            if a != b:
                parent[b] = a
    groups: dict[K, list[K]] = {}
    for key in keys:
        groups.setdefault(root(key), []).append(key)
    return list(groups.values())


def group_same_units(items: Iterable[tuple[K, str]]) -> list[list[K]]:
    """Return the keys grouped by unit (groups of one included), in first-seen order."""
    items = [(k, n) for k, n in items if normalise(n)]
    index = UnitIndex(items)
    return join_groups([k for k, _ in items], ([key, *index.find(name)] for key, name in items))


_TOWNSHIP = re.compile(r"(?:乡|镇|街道|街道办事处|办事处)(?:人民政府|党委|党工委)?$|(?:乡|镇)人民政府")
_GOVERNMENT = re.compile(r"(?:人民政府|行政公署)$")


def unit_kind(name: str) -> str:
    """Return what kind of unit ``name`` is, for its deadline: "township", "government" or "department".

    「岔河镇人民政府」「某街道办事处」: township; 「洪泽区人民政府」「和田地区」 (a place alone): government
    (the 本级政府 report); anything else, 「县人民政府办公室」 included, is a department.
    """
    n = normalise(name)
    if _TOWNSHIP.search(n):
        return "township"
    if _GOVERNMENT.search(n):
        return "government"
    rest = n
    while rest and (m := _PLACE.match(rest)):
        rest = rest[m.end():]
    return "government" if n and not rest else "department"
