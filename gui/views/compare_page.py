"""The 「与上年对比」 page: last year's and this year's figure of every cell side by side, jumps marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from core.model.values import format_value
from core.rules.packs import NATIONAL

from .. import strings, style
from ..document import ReportDocument
from ..models.compare_model import CHANGE, LAST, NOW, PLACE, REF_ROLE, CompareModel, JumpsOnly


class _CompareTable(QTableView):
    """Double-click or Enter on a row: ``row_chosen(ref)``."""

    row_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.doubleClicked.connect(self._choose)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _choose(self, index) -> None:
        ref = index.data(REF_ROLE)
        if ref:
            self.row_chosen.emit(ref)


class ComparePage(QWidget):
    """Emits ``cell_activated(ref)`` when a row is chosen; recomputed while shown, on every change."""

    cell_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReportDocument | None = None
        self._stale = True
        title = QLabel(strings.COMPARE_TITLE)
        style.page_title(title)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.only_jumps = QCheckBox()
        self.only_jumps.toggled.connect(self._only_jumps)
        self.model = CompareModel(self)
        self.proxy = JumpsOnly(self)
        self.proxy.setSourceModel(self.model)
        self.table = _CompareTable()
        self.table.setModel(self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PLACE, QHeaderView.ResizeMode.Stretch)
        for c in (LAST, NOW, CHANGE):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.row_chosen.connect(self.cell_activated)
        hint = QLabel(strings.COMPARE_HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet(style.NOTE_TEXT)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.heading)
        layout.addWidget(self.only_jumps)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    def set_document(self, document: ReportDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._on_changed)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Recompute every row from the report and last year's baseline."""
        self._stale = False
        doc = self.document
        base = doc.report.baseline if doc is not None else None
        self.model.refresh(doc)
        if doc is None or base is None or not base.values:
            self.heading.setText(strings.COMPARE_NO_BASELINE)
        else:
            self.heading.setText(strings.compare_year(base.year, doc.report.meta.get("year")))
        factor = doc.validator.ctx.pack.jump_factor if doc is not None else NATIONAL.jump_factor
        self.only_jumps.setText(strings.compare_only_jumps(format_value(factor), len(self.model.jump_refs())))
        self.only_jumps.setEnabled(bool(self.model.rows))

    def jump_refs(self) -> list[str]:
        return self.model.jump_refs()

    def focus_content(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _only_jumps(self, only: bool) -> None:
        self.proxy.set_only(only)

    def _on_changed(self, _refs) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # recomputed when the page is shown again

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
