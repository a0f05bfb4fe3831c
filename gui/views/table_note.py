"""The note under a table: the section's own sentences (「本年度未发生行政复议、行政诉讼。」), printed under it."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import strings, style
from ..document import ReportDocument
from .narrative_editor import NarrativeEdit

NOTE_LINES = 3  # the editor's height in lines; longer notes scroll


class TableNote(QWidget):
    """A small plain-text editor of ``text.<table>``; each edit is one undo step of the document."""

    def __init__(self, table_id: str, parent=None):
        super().__init__(parent)
        self.table_id = table_id
        self.document: ReportDocument | None = None
        self._syncing = False
        label = QLabel(strings.TABLE_NOTE_LABEL)
        label.setStyleSheet(style.NOTE_TEXT)
        self.editor = NarrativeEdit()
        self.editor.setPlaceholderText(strings.TABLE_NOTE_PLACEHOLDER[table_id])
        metrics = self.editor.fontMetrics()
        self.editor.setFixedHeight(metrics.lineSpacing() * NOTE_LINES + 2 * int(self.editor.document().documentMargin()) + 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        self.editor.textChanged.connect(self._on_text_changed)

    def set_document(self, document: ReportDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        self.editor.setEnabled(document is not None)
        if document is not None:
            document.changed.connect(self._on_changed)
            self._load()

    def text(self) -> str:
        return self.editor.toPlainText()

    def _load(self) -> None:
        text = self.document.report.text.get(self.table_id, "")
        if self.text() != text:
            self._syncing = True
            self.editor.setPlainText(text)
            self._syncing = False
            self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def _on_changed(self, refs) -> None:
        if "*" in refs or f"text.{self.table_id}" in refs:
            self._load()

    def _on_text_changed(self) -> None:
        if not self._syncing and self.document is not None:
            self.document.set_text(self.table_id, self.text())

    def select_span(self, span: tuple[int, int] | None) -> None:
        """Focus the note and select the characters ``span`` (a sentence a finding quotes)."""
        self.editor.setFocus()
        if span is None:
            return
        n = len(self.text())
        cursor = self.editor.textCursor()
        cursor.setPosition(min(max(0, span[0]), n))
        cursor.setPosition(min(max(0, span[1]), n), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
