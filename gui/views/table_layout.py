"""Column widths and row heights of a printed table in the grid (computed on resize, never per edit)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from core.schema import TableSpec

from .. import style

GROUP_LABEL_CHARS = 7  # a group label beside several rows reads badly when split after fewer
ITEM_LABEL_CHARS = 12  # the widest label column never gets narrower than this (1024×768 screens)


def column_widths(spec: TableSpec, font: QFont, width: int) -> list[int]:
    """Share ``width`` by the printed proportions, but never below what a column needs to be read.

    When the floors add up to more than ``width`` the columns keep their floors and the grid scrolls.
    """
    fm = QFontMetrics(font)
    data_cols = {g.col for g in spec.grid if g.ref}
    floors = [style.MIN_DATA_COL_WIDTH if c in data_cols else style.MIN_LABEL_COL_WIDTH
              for c in range(spec.grid_cols)]
    pad = 2 * style.CELL_PADDING + 4
    label_cols = [c for c in range(spec.grid_cols) if c not in data_cols]
    widest = max(label_cols, key=lambda c: spec.col_widths[c], default=None)
    for g in spec.grid:
        if g.ref is not None or g.role != "label" or g.colspan != 1:
            continue
        chars = ITEM_LABEL_CHARS if g.col == widest else GROUP_LABEL_CHARS if g.rowspan > 1 else 0
        if chars:
            floors[g.col] = max(floors[g.col], fm.horizontalAdvance(g.text[:chars]) + pad)
    weights = list(spec.col_widths)
    widths = [0] * spec.grid_cols
    free = list(range(spec.grid_cols))
    left = width
    while free:
        total = sum(weights[c] for c in free)
        fixed = [c for c in free if left * weights[c] / total < floors[c]]
        if not fixed:
            for c in free:
                widths[c] = int(left * weights[c] / total)
            break
        for c in fixed:
            widths[c] = floors[c]
            left -= floors[c]
            free.remove(c)
    return widths


def row_heights(spec: TableSpec, font: QFont, widths: list[int]) -> list[int]:
    """Return each grid row's height: tall enough for its wrapped labels (merged ones included)."""
    plain = QFontMetrics(font)
    bold_font = QFont(font)
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    pad = style.CELL_PADDING
    heights = [style.DATA_ROW_HEIGHT] * spec.grid_rows
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)

    def need(g) -> int:
        fm = bold if g.role == "header" else plain
        w = sum(widths[g.col:g.col + g.colspan]) - 2 * pad
        return fm.boundingRect(QRect(0, 0, max(20, w), 10000), flags, g.text).height() + pad + 2

    tall = []
    for g in spec.grid:
        if g.ref is None and g.text:
            if g.rowspan == 1:
                heights[g.row] = max(heights[g.row], need(g))
            else:
                tall.append(g)
    for g in tall:  # a merged label taller than its rows shares the extra height among them
        missing = need(g) - sum(heights[g.row:g.row + g.rowspan])
        if missing > 0:
            for r in range(g.row, g.row + g.rowspan):
                heights[r] += missing // g.rowspan + (1 if r - g.row < missing % g.rowspan else 0)
    return heights
