"""The docked 审核结果 panel: findings by page and severity; click one to go to its cells."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QLabel, QPushButton, QStyledItemDelegate, QTreeView, QVBoxLayout, QWidget,
)

from .. import strings, style
from ..document import ReportDocument
from ..models.findings_model import FINDING_ROLE, PAGE_ROLE, FindingsModel


class _WrapDelegate(QStyledItemDelegate):
    """Sizes rows for the message wrapped to the panel width (QTreeView does not by itself)."""

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.tree = tree
        self._heights: dict[tuple[str, int, str], int] = {}  # laying out CJK text is not free

    def sizeHint(self, option, index):
        depth = 1 if index.parent().isValid() else 0
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 6
        width = max(80, width)
        text = index.data() or ""
        key = (text, width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 2000:
                self._heights.clear()
            height = self._heights[key] = self._text_height(text, option.font, width)
        return QSize(width, height)

    @staticmethod
    def _text_height(text: str, font, width: int) -> int:
        # Lay the text out the way the view draws it (word boundary, else anywhere: CJK).
        layout = QTextLayout(text, font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        return int(height) + 8


class _FindingsTree(QTreeView):
    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self.doItemsLayout)  # wrapped rows change height with the width


class FindingsPanel(QWidget):
    """Emits ``finding_activated(finding)`` or ``page_activated(page)`` when clicked."""

    finding_activated = Signal(object)
    page_activated = Signal(str)
    recompute_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReportDocument | None = None
        self._offer = True
        self.model = FindingsModel(self)
        self.tree = _FindingsTree()
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(14)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.ask_explanation = None  # (message, current text) -> new text or None; set by the window
        self.explain_button = QPushButton(strings.EXPLAIN_BUTTON)
        self.explain_button.setToolTip(strings.EXPLAIN_BUTTON_TIP)
        self.explain_button.setEnabled(False)
        self.explain_button.clicked.connect(self.explain_selected)
        self.model.rowsInserted.connect(self._expand_new_groups)
        self.tree.expandAll()

        self.totals_bar = QFrame()
        self.totals_bar.setStyleSheet(style.banner(style.ERROR_BG, "totals", 3))
        self.totals_bar.setObjectName("totals")
        bar = QVBoxLayout(self.totals_bar)
        bar.setContentsMargins(8, 6, 8, 6)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.recompute_button = QPushButton(strings.RECOMPUTE)
        self.recompute_button.setToolTip(strings.RECOMPUTE_HINT)
        self.recompute_button.clicked.connect(self.recompute_requested)
        bar.addWidget(self.totals_label)
        bar.addWidget(self.recompute_button)
        self.totals_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.totals_bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.explain_button)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_explain_button())

    def set_document(self, document: ReportDocument | None) -> None:
        if self.document is not None:
            self.document.findings_changed.disconnect(self.refresh)
        self.document = document
        if document is not None:
            document.findings_changed.connect(self.refresh)
        self.refresh()

    def set_offer_recompute(self, offer: bool) -> None:
        """Show 「按分项重新计算合计」 here when totals are wrong (off while the window shows it)."""
        self._offer = offer
        self._update_totals_bar()

    def refresh(self) -> None:
        doc = self.document
        self.model.show(doc.findings() if doc is not None else [], doc.report.explanations if doc else None)
        self._update_totals_bar()
        self._update_explain_button()

    def selected_finding(self):
        index = self.tree.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def _update_explain_button(self) -> None:
        f = self.selected_finding()
        self.explain_button.setEnabled(f is not None and self.document is not None and self.document.can_explain(f))

    def explain_selected(self) -> None:
        """Ask for (or change) the explanation of the selected warning and keep it with the report."""
        f = self.selected_finding()
        if f is None or self.document is None or not self.document.can_explain(f) or self.ask_explanation is None:
            return
        text = self.ask_explanation(f.message, self.document.explanation(f) or "")
        if text is not None:
            self.document.explain(f, text)

    def _expand_new_groups(self, parent, first: int, last: int) -> None:
        if not parent.isValid():
            for r in range(first, last + 1):
                self.tree.expand(self.model.index(r, 0))

    def _update_totals_bar(self) -> None:
        n = len(self.document.total_errors()) if self.document is not None else 0
        self.totals_bar.setVisible(n > 0 and self._offer)
        self.totals_label.setText(strings.totals_wrong(n))

    def _clicked(self, index) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)
            return
        page = index.data(PAGE_ROLE)
        if page:
            self.page_activated.emit(page)

    def finding_rows(self) -> list[tuple[str, object]]:
        """Return (group title, finding) for every finding row, in panel order (for tests)."""
        out = []
        for r in range(self.model.rowCount()):
            head = self.model.item(r)
            for k in range(head.rowCount()):
                out.append((head.text(), head.child(k).data(FINDING_ROLE)))
        return out
