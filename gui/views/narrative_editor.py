"""Narrative section pages: a plain-text editor with a live character count, bound fields, undo via the document."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocumentFragment
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QToolTip, QVBoxLayout,
                               QWidget)

from core.fields import Field, insert_field
from core.schema import SECTION_TITLES, count_chars, section as section_spec

from .. import strings, style
from ..document import ReportDocument
from .field_menu import FieldChooser, FieldHighlighter, field_tooltip, preview_html, py_index, qt_pos


class NarrativeEdit(QPlainTextEdit):
    """Leaves Ctrl+Z / Ctrl+Y to the window's undo stack (its own undo is off); offers bound fields."""

    tooltip_at = Signal(int, QPoint)  # Python index in the text under the mouse, global position

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.extra_actions: list[QAction] = []  # put first in the context menu

    def contextMenuEvent(self, event):
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        for action in self.extra_actions:
            menu.insertAction(first, action)
        if first is not None and self.extra_actions:
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event):
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            near = abs(self.cursorRect(cursor).center().x() - event.pos().x()) <= 2 * self.fontMetrics().height()
            block = cursor.block()
            if near and "【" in block.text():
                text = self.toPlainText()
                self.tooltip_at.emit(py_index(text, cursor.position()), event.globalPos())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

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
        title = QLabel(SECTION_TITLES.get(section, section))
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
        self.highlighter = FieldHighlighter(self.editor.document(), "")
        self.insert_action = QAction(strings.FIELD_INSERT, self)
        self.insert_action.setShortcut(QKeySequence(strings.FIELD_SHORTCUT))
        self.insert_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.insert_action.triggered.connect(lambda: self.open_field_chooser())
        self.addAction(self.insert_action)
        self.editor.extra_actions.append(self.insert_action)
        self.editor.tooltip_at.connect(self._show_field_tip)
        self.insert_button = QPushButton(strings.FIELD_INSERT)
        self.insert_button.setToolTip(strings.FIELD_INSERT_TIP.format(key=strings.FIELD_SHORTCUT))
        self.insert_button.clicked.connect(lambda: self.open_field_chooser(below=self.insert_button))
        self.chooser: FieldChooser | None = None
        self.preview = QLabel()
        self.preview.setObjectName("fieldPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.hide()
        self._preview_refs: frozenset = frozenset()
        self._preview_key: tuple | None = None
        self.count = QLabel()
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.stale_bar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.count)
        self.editor.textChanged.connect(self._on_text_changed)

    def set_document(self, document: ReportDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        self.insert_action.setEnabled(document is not None)
        self.insert_button.setEnabled(document is not None)
        if document is not None:
            document.changed.connect(self._on_changed)
            self._set_form(document.report.form.id)
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
        self._update_preview()

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
        if "*" in refs:
            self._set_form(self.document.report.form.id)
        if "*" in refs or f"text.{self.section}" in refs or f"stale.{self.section}" in refs:
            self._load()
        elif self._preview_refs and not self._preview_refs.isdisjoint(refs):
            self._preview_key = None  # a cell a field reads changed: show its new value
            self._update_preview()

    def _on_text_changed(self) -> None:
        self._update_count()
        if self._syncing or self.document is None:
            return
        self.document.set_text(self.section, self.editor.toPlainText())  # the preview follows via changed

    # -- bound fields ----------------------------------------------------------------------
    def _set_form(self, form_id: str) -> None:
        # Re-highlighting emits textChanged; it is not an edit and must not reach the report.
        self._syncing = True
        try:
            self.highlighter.set_form(form_id)
        finally:
            self._syncing = False
        self._preview_key = None

    def _update_preview(self) -> None:
        """List the fields in the text with their current values (only when text or their cells changed)."""
        if self.document is None:
            return
        text = self.document.report.text.get(self.section, "") or ""
        key = (text, self.document.report.form.id)
        if key == self._preview_key:
            return
        self._preview_key = key
        rich, self._preview_refs = preview_html(self.document.report, text)
        self.preview.setText(rich)
        self.preview.setVisible(bool(rich))

    def preview_text(self) -> str:
        """Return the preview line as plain text (what the clerk reads under the editor)."""
        return QTextDocumentFragment.fromHtml(self.preview.text()).toPlainText() if self.preview.isVisible() else ""

    def _show_field_tip(self, index: int, where: QPoint) -> None:
        tip = None if self.document is None else field_tooltip(self.document.report, self.editor.toPlainText(), index)
        if tip:
            QToolTip.showText(where, tip, self.editor.viewport())
        else:
            QToolTip.hideText()

    def open_field_chooser(self, below: QWidget | None = None) -> FieldChooser | None:
        """Show the 「插入表格数字」 chooser at the text cursor (or under ``below``)."""
        if self.document is None:
            return None
        if self.chooser is not None:
            self.chooser.close()
        chooser = FieldChooser(self.document.report, self)
        chooser.chosen.connect(self.insert_field)
        chooser.destroyed.connect(lambda *_: setattr(self, "chooser", None) if self.chooser is chooser else None)
        self.chooser = chooser
        if below is not None:
            where = below.mapToGlobal(QPoint(below.width() - chooser.width(), below.height()))
        else:
            rect = self.editor.cursorRect()
            where = self.editor.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4))
        chooser.popup(where)
        return chooser

    def insert_field(self, field: Field) -> None:
        """Put ``field``'s marker at the cursor (replacing a selection) as one undo step."""
        if self.document is None:
            return
        text = self.editor.toPlainText()
        cursor = self.editor.textCursor()
        start, end = py_index(text, cursor.selectionStart()), py_index(text, cursor.selectionEnd())
        new_text, pos = insert_field(text[:start] + text[end:], start, field)
        self.document.push_changes({f"text.{self.section}": new_text},
                                   strings.UNDO_INSERT_FIELD.format(name=field.name))
        cursor = self.editor.textCursor()
        cursor.setPosition(qt_pos(new_text, pos))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def _update_count(self) -> None:
        n = count_chars(self.editor.toPlainText())
        limit = section_spec(self.section).max_chars
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

    def focus_content(self) -> None:
        self.editor.setFocus()
