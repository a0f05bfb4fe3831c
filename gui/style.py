"""Colours and sizes shared by the views, kept in one place so the pages look alike."""

from __future__ import annotations

from PySide6.QtGui import QColor

ERROR_BG = QColor("#f7c6c0")
WARNING_BG = QColor("#fde3a4")
DERIVED_BG = QColor("#e3eaf3")
DERIVED_FG = QColor("#1f3b5c")
HEADER_BG = QColor("#e9ecf1")
LABEL_BG = QColor("#f6f7f9")
NOTE_FG = QColor("#555b66")
INVALID_FG = QColor("#b3261e")

SELECTION_TINT = QColor(47, 111, 214, 70)  # translucent: the cell's own colour shows through
SELECTION_BORDER = QColor("#1f5fbf")

ERROR_COLOR = QColor("#c62828")
WARNING_COLOR = QColor("#d08700")
OK_COLOR = QColor("#2e7d32")

DATA_ROW_HEIGHT = 25
MIN_DATA_COL_WIDTH = 50
CELL_PADDING = 6
