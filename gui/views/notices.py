"""The notice above the page when an opened report's totals do not add up."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from .. import strings, style


class TotalsNotice(QFrame):
    """「此报告中有 N 处合计与分项之和不符…」 with 按分项重新计算合计 and a close button."""

    recompute_requested = Signal()
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("totalsBar")
        self.setStyleSheet(style.banner(style.ERROR_BG, "totalsBar"))
        bar = QHBoxLayout(self)
        bar.setContentsMargins(10, 4, 10, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        bar.addWidget(self.text, 1)
        recompute = QPushButton(strings.RECOMPUTE)
        recompute.clicked.connect(self.recompute_requested)
        bar.addWidget(recompute)
        close = QPushButton("×")
        close.setFlat(True)
        close.setFixedWidth(28)
        close.clicked.connect(self.closed)
        bar.addWidget(close)
        self.hide()

    def show_count(self, n: int) -> None:
        self.text.setText(strings.totals_bar(n))
        self.show()
