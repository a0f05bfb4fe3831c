"""Where the tables a report was imported from differ from the official format (E-STRUCT-TABLES).

An import that finds a row or column added, dropped or renamed (「现行有效件数（历史累计）」, a 2021
report printed with the old single （六）其他处理 row) records it here. The report keeps it — also in
its project file — until the clerk has dealt with it: changed one of its cells from the value the
import put there, or confirmed that the figures are right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .values import Value

KINDS = ("renamed-column", "added-column", "dropped-column", "added-row", "dropped-row", "old-row",
         "new-rows")


@dataclass
class TableDeviation:
    """One deviation of a source table from the official format."""

    table: str  # "t2" | "t3" | "t4"
    kind: str  # one of KINDS
    printed: str  # the row or column as the source printed it
    message: str  # Chinese: what differs, where its figures went, what the clerk should do
    cells: tuple[str, ...] = ()  # the cells the clerk has to look at
    imported: tuple[Value, ...] = ()  # their values right after the import
    confirmed: bool = False  # the clerk has checked the figures and keeps them

    def is_open(self, values: Mapping[str, Value]) -> bool:
        """Whether the clerk still has to deal with it: not confirmed, and every cell as imported."""
        if self.confirmed:
            return False
        return all(values.get(ref) == value for ref, value in zip(self.cells, self.imported))

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "kind": self.kind, "printed": self.printed, "message": self.message,
                "cells": list(self.cells), "imported": list(self.imported)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "TableDeviation | None":
        """Read one entry of a project file; None when it is not a deviation this version knows."""
        cells, imported = d.get("cells") or [], d.get("imported") or []
        if not isinstance(cells, list) or not isinstance(imported, list) or len(cells) != len(imported):
            return None
        if d.get("table") not in ("t2", "t3", "t4") or not isinstance(d.get("message"), str):
            return None
        if not all(isinstance(c, str) for c in cells):
            return None
        return cls(d["table"], str(d.get("kind") or ""), str(d.get("printed") or ""), d["message"],
                   tuple(cells), tuple(imported), bool(d.get("confirmed")))

