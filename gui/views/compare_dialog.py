"""与上年对比: every cell of the report beside last year's, with the change; jumps (W-X-JUMP) marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, \
    QVBoxLayout

from core.model.values import format_value
from core.rules.year_over_year import comparison

from .. import strings, style


class CompareDialog(QDialog):
    """Emits ``cell_activated(ref)`` when a row is double-clicked."""

    cell_activated = Signal(str)

    def __init__(self, document, pack, parent=None):
        super().__init__(parent)
        self.setWindowTitle(strings.COMPARE_TITLE)
        self.document = document
        self.pack = pack
        self.table = QTableWidget(0, len(strings.COMPARE_COLUMNS))
        self.table.setHorizontalHeaderLabels(strings.COMPARE_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemDoubleClicked.connect(self._activated)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        hint = QLabel(strings.COMPARE_HINT)
        hint.setStyleSheet(f"color: {style.EXPLAINED_COLOR.name()};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.resize(900, 600)
        document.changed.connect(lambda _refs: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        report = self.document.report
        base = report.baseline
        if base is None or not base.values:
            self.heading.setText(strings.COMPARE_NO_BASELINE)
            self.table.setRowCount(0)
            self.rows = []
            return
        self.heading.setText(strings.compare_year(base.year, report.meta.get("year")))
        self.rows = comparison(report, self.pack)
        self.table.setRowCount(len(self.rows))
        jump_bg = QBrush(style.WARNING_BG)
        for r, row in enumerate(self.rows):
            values = [row.place, _shown(row.last), _shown(row.now), row.change]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.ref)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.jump:
                    item.setBackground(jump_bg)
                self.table.setItem(r, c, item)

    def jump_refs(self) -> list[str]:
        return [row.ref for row in self.rows if row.jump]

    def _activated(self, item: QTableWidgetItem) -> None:
        self.cell_activated.emit(item.data(Qt.ItemDataRole.UserRole))


def _shown(value) -> str:
    return "" if value is None else format_value(value) if not isinstance(value, str) else value
