"""Narrative section pages: a plain-text editor with a live character count, undo via the document."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from core.schema import SECTION_TITLES, SECTIONS

from .. import strings, style
from ..document import ReportDocument

_SPACE = re.compile(r"\s")
LIMITS = {"overview": strings.OVERVIEW_LIMIT}
TITLES = dict(SECTIONS) | SECTION_TITLES


def count_chars(text: str) -> int:
    """Return the 字数 of a text: characters other than white space."""
    return len(_SPACE.sub("", text))


class NarrativeEdit(QPlainTextEdit):
    """Leaves Ctrl+Z / Ctrl+Y to the window's undo stack (its own undo is off)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return True
        return super().event(event)


class NarrativePage(QWidget):
    """One of 前言, 一、总体情况, 五, 六."""

    def __init__(self, section: str, parent=None):
        super().__init__(parent)
        self.section = section
        self.document: ReportDocument | None = None
        self._syncing = False
        title = QLabel(TITLES.get(section, section))
        title.setObjectName("pageTitle")
        self.stale_bar = QFrame()
        self.stale_bar.setStyleSheet(f"QFrame {{ background: {style.WARNING_BG.name()}; border-radius: 3px; }}")
        bar = QHBoxLayout(self.stale_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(QLabel(strings.STALE_NOTE), 1)
        keep = QPushButton(strings.STALE_KEEP)
        keep.clicked.connect(self._keep_stale)
        bar.addWidget(keep)
        self.stale_bar.hide()
        self.editor = NarrativeEdit()
        self.editor.setPlaceholderText(strings.NARRATIVE_PLACEHOLDER.get(section, ""))
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.stale_bar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.count)
        self.editor.textChanged.connect(self._on_text_changed)

    def set_document(self, document: ReportDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._on_changed)
            self._load()

    def _load(self) -> None:
        text = self.document.report.text.get(self.section, "")
        if self.editor.toPlainText() != text:
            old = self.editor.toPlainText()
            self._syncing = True
            self.editor.setPlainText(text)
            self._syncing = False
            self._place_cursor(old, text)
        self.stale_bar.setVisible(self.section in self.document.report.stale)
        self._update_count()

    def _place_cursor(self, old: str, new: str) -> None:
        """After undo/redo put the cursor where the text changed."""
        i = 0
        while i < min(len(old), len(new)) and old[i] == new[i]:
            i += 1
        j = 0
        while j < min(len(old), len(new)) - i and old[-1 - j] == new[-1 - j]:
            j += 1
        cursor = self.editor.textCursor()
        cursor.setPosition(max(0, len(new) - j))
        self.editor.setTextCursor(cursor)

    def _on_changed(self, refs) -> None:
        if "*" in refs or f"text.{self.section}" in refs or f"stale.{self.section}" in refs:
            self._load()

    def _on_text_changed(self) -> None:
        self._update_count()
        if self._syncing or self.document is None:
            return
        self.document.set_text(self.section, self.editor.toPlainText())

    def _update_count(self) -> None:
        n = count_chars(self.editor.toPlainText())
        limit = LIMITS.get(self.section)
        self.count.setText(strings.char_count(n, limit))
        over = limit is not None and n > limit
        self.count.setStyleSheet(f"color: {style.WARNING_COLOR.name()};" if over else "color: #555b66;")

    def _keep_stale(self) -> None:
        if self.document is not None:
            self.document.push_changes({f"stale.{self.section}": False}, strings.UNDO_KEEP_STALE)

    def select_span(self, span: tuple[int, int] | None) -> None:
        """Focus the editor and select the characters ``span`` (start, end) if given."""
        self.editor.setFocus()
        if span is None:
            return
        start, end = span
        n = len(self.editor.toPlainText())
        cursor = self.editor.textCursor()
        cursor.setPosition(min(max(0, start), n))
        cursor.setPosition(min(max(0, end), n), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
