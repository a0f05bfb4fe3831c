"""报送情况 after 批量审核: one row per expected unit (已报送/未报送/重复报送/名单外, 逾期, counts);
double-click a row to open that unit's report."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, \
    QTableWidget, QTableWidgetItem, QVBoxLayout

from core.messages import audit as audit_msg

from .. import strings, style

_COLORS = {audit_msg.MISSING: style.ERROR_COLOR, audit_msg.DUPLICATE: style.WARNING_COLOR,
           audit_msg.UNLISTED: style.WARNING_COLOR, audit_msg.SUBMITTED: style.OK_COLOR}


class SubmissionsDialog(QDialog):
    """Shows ``result.submissions``; ``open_report(path)`` is called on a double-click."""

    def __init__(self, result, open_report: Callable[[str], None], parent=None, *,
                 write_feedback: Callable[[], object] | None = None):
        super().__init__(parent)
        self.setWindowTitle(strings.SUBMISSIONS_TITLE)
        self.open_report = open_report
        subs = result.submissions
        self.table = QTableWidget(len(subs), len(strings.SUBMISSIONS_COLUMNS))
        self.table.setHorizontalHeaderLabels(strings.SUBMISSIONS_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        for r, sub in enumerate(subs):
            row = sub.main
            ok = row is not None and not row.unreadable
            values = [sub.unit, sub.status, sub.overdue, str(row.errors) if ok else "", str(row.warnings) if ok else "",
                      str(row.explained) if ok else "", Path(row.file).name if row is not None else "", sub.note]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setForeground(QBrush(_COLORS[sub.status]))
                if c == 2 and text == audit_msg.OVERDUE:
                    item.setForeground(QBrush(style.ERROR_COLOR))
                if row is not None:
                    item.setData(Qt.ItemDataRole.UserRole, row.file)
                    item.setToolTip(strings.submission_tip(row.file))
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemDoubleClicked.connect(self._open)
        listed = [s for s in subs if s.status != audit_msg.UNLISTED]
        summary = QLabel(audit_msg.submissions_line(
            len(listed), sum(s.status in (audit_msg.SUBMITTED, audit_msg.DUPLICATE) for s in listed),
            sum(s.status == audit_msg.MISSING for s in listed), sum(s.status == audit_msg.DUPLICATE for s in listed),
            sum(s.overdue == audit_msg.OVERDUE for s in listed), len(subs) - len(listed)))
        summary.setWordWrap(True)
        hint = QLabel(strings.SUBMISSIONS_HINT)
        hint.setStyleSheet(f"color: {style.EXPLAINED_COLOR.name()};")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        self.feedback_button = QPushButton(strings.BTN_WRITE_FEEDBACK)
        self.feedback_button.setVisible(write_feedback is not None)
        if write_feedback is not None:
            self.feedback_button.clicked.connect(lambda _checked=False: write_feedback())
        buttons.addWidget(self.feedback_button)
        layout.addLayout(buttons)
        self.resize(980, 520)

    def file_at(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _open(self, item: QTableWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.open_report(path)
