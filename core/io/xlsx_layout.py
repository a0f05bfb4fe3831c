"""The hidden sheet of this program's XLSX export, which its import reads back without loss.

Written by :mod:`core.io.xlsx_export`, read by :mod:`core.io.importers.xlsx`; this is the one
definition of its layout. Row 1 is a header; each further row is ``key | value | …``:

- ``kind`` :data:`KIND`, ``version`` :data:`VERSION`, ``form`` the format id;
- ``meta.<field>`` the meta data (unit, year, date, signer, deadline);
- ``t3.r01.c1`` …: each cell's value, its place on the visible sheets (``表三!D7``), its kind
  and its exact text (``2359.4197``) — :data:`WHERE` and :data:`EXACT` columns;
- ``text.<section>``: the narrative, split over the columns from :data:`VALUE` on
  (a cell holds at most :data:`MAX_CELL_TEXT` characters);
- ``stale``: the sections still marked 沿用上年 (copied from last year, not edited), comma-separated.

Deliberately free of openpyxl (the import does not load it).
"""

from __future__ import annotations

from ..messages.export import DATA_SHEET_HEADER

DATA_SHEET = "_nianbao"
KIND = "nianbao-xlsx"
VERSION = 1
HEADER = DATA_SHEET_HEADER
KEY, VALUE, WHERE, TYPE, EXACT = 1, 2, 3, 4, 5  # 1-based columns
MAX_CELL_TEXT = 32000  # Excel keeps at most 32767 characters in a cell
STALE = "stale"


def is_cell_key(key: str) -> bool:
    """A table cell's row (``t2.…``, ``t3.…``, ``t4.…``)."""
    return key[:1] == "t" and key[1:2].isdigit()


def is_text_key(key: str) -> bool:
    return key.startswith("text.")


def is_meta_key(key: str) -> bool:
    return key.startswith("meta.")


def chunks(text: str) -> list[str]:
    """``text`` split into cell-sized pieces (at least one, maybe empty)."""
    return [text[i:i + MAX_CELL_TEXT] for i in range(0, len(text), MAX_CELL_TEXT)] or [""]


def stale_value(sections) -> str:
    return ",".join(sorted(sections))


def parse_stale(value: str) -> set[str]:
    return {s for s in (value or "").split(",") if s}
