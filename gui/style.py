"""Colours, sizes and style sheets shared by the views, in one place so the pages look alike."""

from __future__ import annotations

from PySide6.QtGui import QColor

# -- cells -------------------------------------------------------------------------------------
ERROR_BG = QColor("#f7c6c0")
WARNING_BG = QColor("#fde3a4")
DERIVED_BG = QColor("#e3eaf3")
DERIVED_FG = QColor("#1f3b5c")
HEADER_BG = QColor("#e9ecf1")
LABEL_BG = QColor("#f6f7f9")
NOTE_FG = QColor("#555b66")
INVALID_FG = QColor("#b3261e")
GRID_LINE = QColor("#9aa3ad")

SELECTION_TINT = QColor(47, 111, 214, 70)  # translucent: the cell's own colour shows through
SELECTION_BORDER = QColor("#1f5fbf")

# -- the three classes of finding: 错误, 导出前须处理, 警告 ----------------------------------------
ERROR_COLOR = QColor("#c62828")
EXPORT_COLOR = QColor("#6a3fb5")  # violet: neither red (wrong now) nor amber (only to check)
WARNING_COLOR = QColor("#d08700")
OK_COLOR = QColor("#2e7d32")
EXPLAINED_COLOR = QColor("#6b7280")  # grey: a warning the clerk has explained (已说明), not amber
CLASS_COLORS = {"error": ERROR_COLOR, "export": EXPORT_COLOR, "warning": WARNING_COLOR, "explained": EXPLAINED_COLOR}
BADGE_TEXT = QColor("white")
TEXT = QColor("#202124")

# -- bound fields in the narrative (a chip like a derived total) --------------------------------
FIELD_BG = QColor("#dfe9f7")
FIELD_FG = QColor("#1f4e8c")
FIELD_BORDER = QColor("#9fb7dc")
FIELD_UNFILLED_FG = QColor("#8a6d00")

# -- sizes -------------------------------------------------------------------------------------
DATA_ROW_HEIGHT = 25
MIN_DATA_COL_WIDTH = 50
MIN_LABEL_COL_WIDTH = 44
CELL_PADDING = 6
FINDINGS_WIDTH = 300
NARROW_WINDOW = 1200  # below this width the findings panel docks under the page, not beside it

TITLE_FG = QColor("#1d2733")
TITLE_POINT_SIZE = 14

# -- style sheets (never on the window or the grid: a style sheet there makes every cell paint slower) ----
NAV = ("QListWidget { border: none; background: #f3f4f6; }"
       " QListWidget::item { padding: 4px 8px; }"
       " QListWidget::item:selected { background: #dbe6f7; color: #102a52; }")
CELL_MESSAGE = ("QLabel { background: #fff4e5; color: #5f2120; border: 1px solid #c62828;"
                " padding: 4px 6px; }")
NOTE_TEXT = f"color: {NOTE_FG.name()};"
ERROR_TEXT = f"color: {ERROR_COLOR.name()};"
WARNING_TEXT = f"color: {WARNING_COLOR.name()};"
START_PAGE = ("QWidget#startPage { background: #f6f7f9; }"
              " QLabel#startTitle { font-size: 20pt; font-weight: bold; color: #1d2733; }"
              " QLabel#startSubtitle { color: #555b66; font-size: 11pt; }"
              " QLabel#startHeading { font-weight: bold; color: #1d2733; font-size: 11pt; }"
              " QPushButton#startButton { text-align: left; padding: 10px 14px; font-size: 12pt; }"
              " QListWidget#recentList { background: white; border: 1px solid #d5d9e0; }"
              " QListWidget#recentList::item { padding: 6px 8px; border-bottom: 1px solid #eceef2; }")


def page_title(label) -> None:
    """Make ``label`` a page title: large, bold, dark (by font and palette, not a style sheet)."""
    from PySide6.QtGui import QPalette

    font = label.font()
    font.setPointSize(TITLE_POINT_SIZE)
    font.setBold(True)
    label.setFont(font)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, TITLE_FG)
    label.setPalette(palette)


def grid_lines(view) -> None:
    """Give a table view darker grid lines than the style's, through its palette.

    Fusion draws the grid in the Window colour darkened by 120 %, other styles in Mid; the
    scroll bars keep the application's colours.
    """
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Window, GRID_LINE.lighter(120))
    palette.setColor(QPalette.ColorRole.Mid, GRID_LINE)
    view.setPalette(palette)
    for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
        bar.setPalette(QApplication.palette())


def counts_style(errors: int, pending: int) -> str:
    """The status bar counts: red while there are errors, violet while only 导出前须处理 remains."""
    if errors:
        return f"color: {ERROR_COLOR.name()}; font-weight: bold;"
    if pending:
        return f"color: {EXPORT_COLOR.name()}; font-weight: bold;"
    return ""


def banner(color: QColor, name: str, radius: int = 0) -> str:
    """A coloured notice strip (QFrame#name)."""
    return f"QFrame#{name} {{ background: {color.name()}; border-radius: {radius}px; }}"


def field_background(color: QColor) -> str:
    return f"background: {color.name()};"
