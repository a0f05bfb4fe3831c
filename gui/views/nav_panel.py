"""The page list down the left, each entry with its live error and warning counts."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate

from core.schema import SECTION_TITLES

from .. import strings, style
from ..document import PAGE_ORDER

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 2


class _BadgeDelegate(QStyledItemDelegate):
    """Draws the entry text with red / violet / amber count pills at the right."""

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        return QSize(size.width() + 60, max(size.height(), 34))

    def paint(self, painter: QPainter, option, index):
        errors, pending, warnings = index.data(COUNTS_ROLE) or (0, 0, 0)
        super().paint(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        painter.setFont(font)
        fm = painter.fontMetrics()
        right = option.rect.right() - 6
        for n, color in ((warnings, style.WARNING_COLOR), (pending, style.EXPORT_COLOR),
                         (errors, style.ERROR_COLOR)):
            if not n:
                continue
            text = str(n)
            w = max(fm.horizontalAdvance(text) + 10, 20)
            h = fm.height() + 2
            rect = QRect(right - w, option.rect.center().y() - h // 2, w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(rect, h / 2, h / 2)
            painter.setPen(style.BADGE_TEXT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            right -= w + 4
        painter.restore()


class NavigationPanel(QListWidget):
    """Lists the pages; emits ``page_chosen(page_id)`` as the current entry moves and
    ``page_entered(page_id)`` when an entry is clicked or Enter is pressed (focus goes to the page)."""

    page_chosen = Signal(str)
    page_entered = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setItemDelegate(_BadgeDelegate(self))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(style.NAV)
        for page in PAGE_ORDER:
            item = QListWidgetItem(strings.PAGE_TITLES[page])
            item.setData(PAGE_ROLE, page)
            item.setData(COUNTS_ROLE, (0, 0, 0))
            item.setToolTip(SECTION_TITLES.get(page, strings.PAGE_TITLES[page]))
            self.addItem(item)
        self.currentItemChanged.connect(self._on_current)
        self.itemClicked.connect(lambda item: self.page_entered.emit(item.data(PAGE_ROLE)))
        self.itemActivated.connect(lambda item: self.page_entered.emit(item.data(PAGE_ROLE)))
        fm = self.fontMetrics()  # measured once here instead of asking the delegate for every item
        width = max(fm.horizontalAdvance(t) for t in strings.PAGE_TITLES.values()) + 80
        self.setFixedWidth(max(150, width))

    def _on_current(self, item, _previous):
        if item is not None:
            self.page_chosen.emit(item.data(PAGE_ROLE))

    def select_page(self, page: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(PAGE_ROLE) == page:
                if self.currentRow() != i:
                    self.setCurrentRow(i)
                return

    def set_page_shown(self, page: str, shown: bool) -> None:
        """Show or hide a page's entry (「与上年对比」 only when last year's figures are known)."""
        for i in range(self.count()):
            if self.item(i).data(PAGE_ROLE) == page:
                self.item(i).setHidden(not shown)

    def is_page_shown(self, page: str) -> bool:
        return any(self.item(i).data(PAGE_ROLE) == page and not self.item(i).isHidden() for i in range(self.count()))

    def set_counts(self, counts: dict[str, tuple[int, int, int]]) -> None:
        """Show (errors, 导出前须处理, warnings) for each page."""
        for i in range(self.count()):
            item = self.item(i)
            page = item.data(PAGE_ROLE)
            value = counts.get(page, (0, 0, 0))
            if item.data(COUNTS_ROLE) != value:
                item.setData(COUNTS_ROLE, value)
                tip = SECTION_TITLES.get(page, strings.PAGE_TITLES[page])
                item.setToolTip(f"{tip}\n{strings.badge_tooltip(*value)}")

    def counts_of(self, page: str) -> tuple[int, int, int]:
        for i in range(self.count()):
            if self.item(i).data(PAGE_ROLE) == page:
                return self.item(i).data(COUNTS_ROLE)
        return (0, 0, 0)
