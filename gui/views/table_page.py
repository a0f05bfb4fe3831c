"""A table page: the table's official title, a one-line legend, the table itself and the note under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.schema import SECTION_TITLES

from .. import strings, style
from ..document import ReportDocument
from ..models.report_table_model import ReportTableModel
from .money_unit_picker import MoneyUnitPicker
from .table_note import TableNote
from .table_view import ReportTableView


class TablePage(QWidget):
    """Shows 表二, 表三 or 表四 of the open report."""

    def __init__(self, table_id: str, parent=None):
        super().__init__(parent)
        self.table_id = table_id
        self.model: ReportTableModel | None = None
        title = QLabel(SECTION_TITLES[table_id])
        style.page_title(title)
        legend = QLabel(strings.TABLE_LEGEND)
        legend.setWordWrap(True)
        legend.setStyleSheet(style.NOTE_TEXT)
        self.view = ReportTableView()
        self.note = TableNote(table_id)
        # 2019 表二 prints 采购总金额 without a unit: the clerk says which (shown for 2019 reports only)
        self.money_unit = MoneyUnitPicker() if table_id == "t2" else None
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(legend)
        if self.money_unit is not None:
            layout.addWidget(self.money_unit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def set_document(self, document: ReportDocument | None) -> None:
        old = self.model
        self.model = ReportTableModel(document, self.table_id, self) if document is not None else None
        self.view.setModel(self.model)
        self.note.set_document(document)
        if self.money_unit is not None:
            self.money_unit.set_document(document)
        if old is not None:
            old.detach()
            old.deleteLater()

    def focus_content(self) -> None:
        """Put keyboard focus in the grid, on the current cell (the first one to fill at first)."""
        self.view.focus_first_cell()
        self.view.setFocus()
