"""Narrative section pages: a plain-text editor with a live character count, bound fields shown as chips,
undo through the document."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QToolTip, QVBoxLayout, QWidget

from core.fields import Field, field_text, field_value, find_fields, insert_field, lookup, resolve_fields
from core.schema import SECTION_TITLES, count_chars, section as section_spec

from .. import strings, style
from ..clipboard import new_mime_data
from ..document import ReportDocument
from . import field_chips as chips
from .field_menu import FieldChooser


class NarrativeEdit(QPlainTextEdit):
    """Leaves Ctrl+Z / Ctrl+Y to the window's undo stack (its own undo is off); copies chips as markers."""

    tooltip_at = Signal(int, QPoint)  # editor position under the mouse, global position

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

    def createMimeDataFromSelection(self):
        """Copy chips as their 【marker】, so pasting them back (here or in another section) keeps the binding."""
        cursor = self.textCursor()
        doc = self.document()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = chips.model_text(doc)
        mime = new_mime_data()
        mime.setText(text[chips.model_index(doc, start):chips.model_index(doc, end)])
        return mime

    def viewportEvent(self, event):
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            near = abs(self.cursorRect(cursor).center().x() - event.pos().x()) <= 2 * self.fontMetrics().height()
            if near:
                self.tooltip_at.emit(cursor.position(), event.globalPos())
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
        self._field_refs: frozenset = frozenset()
        title = QLabel(SECTION_TITLES.get(section, section))
        style.page_title(title)
        self.stale_bar = QFrame()
        self.stale_bar.setObjectName("staleBar")
        self.stale_bar.setStyleSheet(style.banner(style.WARNING_BG, "staleBar", 3))
        bar = QHBoxLayout(self.stale_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(QLabel(strings.STALE_NOTE), 1)
        keep = QPushButton(strings.STALE_KEEP)
        keep.clicked.connect(self._keep_stale)
        bar.addWidget(keep)
        self.stale_bar.hide()
        self.editor = NarrativeEdit()
        self.editor.setPlaceholderText(strings.NARRATIVE_PLACEHOLDER.get(section, ""))
        self.chip_renderer = chips.ChipRenderer(self, self._chip_value)
        self.editor.document().documentLayout().registerHandler(chips.CHIP_TYPE, self.chip_renderer)
        self.highlighter = chips.UnknownFieldHighlighter(self.editor.document(), "")
        self.insert_action = QAction(strings.FIELD_INSERT_ACTION, self)
        self.insert_action.setShortcut(QKeySequence(strings.FIELD_SHORTCUT))
        self.insert_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.insert_action.triggered.connect(lambda: self.open_field_chooser())
        self.addAction(self.insert_action)
        self.editor.extra_actions.append(self.insert_action)
        self.editor.tooltip_at.connect(self._show_field_tip)
        self.insert_button = QPushButton(strings.FIELD_INSERT)
        self.insert_button.setToolTip(strings.field_insert_tip(strings.FIELD_SHORTCUT))
        self.insert_button.clicked.connect(lambda: self.open_field_chooser(below=self.insert_button))
        self.chooser: FieldChooser | None = None
        self.count = QLabel()
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.stale_bar)
        layout.addWidget(self.editor, 1)
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

    def text(self) -> str:
        """The section's text as the report holds it (chips as 【markers】)."""
        return chips.model_text(self.editor.document())

    # -- from the report -------------------------------------------------------------------
    def _load(self) -> None:
        text = self.document.report.text.get(self.section, "")
        if self.text() != text:
            old = self.text()
            self._syncing = True
            chips.load_text(self.editor.document(), text, self.document.report.form.id)
            self._syncing = False
            self._place_cursor(old, text)
        self._field_refs = frozenset(r for use in find_fields(self.document.report.form.id, text)
                                     if use.field is not None for r in use.field.refs)
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
        cursor.setPosition(chips.editor_pos(self.editor.document(), max(0, len(new) - j)))
        self.editor.setTextCursor(cursor)

    def _on_changed(self, refs) -> None:
        if "*" in refs:
            self._set_form(self.document.report.form.id)
        if "*" in refs or f"text.{self.section}" in refs or f"stale.{self.section}" in refs:
            self._load()
        elif self._field_refs and not self._field_refs.isdisjoint(refs):
            self._refresh_chips()  # a cell a chip shows changed: draw its new value

    def _refresh_chips(self) -> None:
        doc = self.editor.document()
        doc.markContentsDirty(0, doc.characterCount())  # chips may have changed width
        self.editor.viewport().update()
        self._update_count()

    def _on_text_changed(self) -> None:
        if self._syncing or self.document is None:
            self._update_count()
            return
        self._syncing = True
        try:
            chips.chipify(self.editor.document(), self.document.report.form.id)  # a marker typed or pasted
        finally:
            self._syncing = False
        text = self.text()
        self._update_count()
        self.document.set_text(self.section, text)

    # -- bound fields ----------------------------------------------------------------------
    def _chip_value(self, name: str) -> tuple[str, bool]:
        if self.document is None:
            return name, False
        field = lookup(self.document.report.form.id, name)
        if field is None:
            return name, False
        if field_value(self.document.report, field) is None:
            return strings.FIELD_UNFILLED, False
        return field_text(self.document.report, field), True

    def _set_form(self, form_id: str) -> None:
        # Re-highlighting emits textChanged; it is not an edit and must not reach the report.
        self._syncing = True
        try:
            self.highlighter.set_form(form_id)
        finally:
            self._syncing = False

    def chip_values(self) -> list[str]:
        """Return the values the chips show, in order (what the clerk reads in the text)."""
        return [self._chip_value(name)[0] for _, name in chips.chips_in(self.editor.document())]

    def _show_field_tip(self, pos: int, where: QPoint) -> None:
        tip = None
        if self.document is not None:
            doc = self.editor.document()
            on_chip = {p for p, _ in chips.chips_in(doc)}
            at = pos if pos in on_chip else pos - 1 if pos - 1 in on_chip else pos
            tip = chips.field_tooltip(self.document.report, self.text(), chips.model_index(doc, at))
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
        """Put ``field`` at the cursor (replacing a selection) as one undo step; it shows as a chip."""
        if self.document is None:
            return
        doc = self.editor.document()
        text = self.text()
        cursor = self.editor.textCursor()
        start = chips.model_index(doc, cursor.selectionStart())
        end = chips.model_index(doc, cursor.selectionEnd())
        new_text, pos = insert_field(text[:start] + text[end:], start, field)
        self.document.push_changes({f"text.{self.section}": new_text}, strings.undo_insert_field(field.name))
        cursor = self.editor.textCursor()
        cursor.setPosition(chips.editor_pos(doc, pos))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def _update_count(self) -> None:
        report = self.document.report if self.document is not None else None
        text = self.text()
        n = count_chars(resolve_fields(report, text) if report is not None else text)  # as it is printed
        limit = section_spec(self.section).max_chars
        if self.section == "overview" and self.document is not None:  # a local limit, from the rule pack
            limit = self.document.validator.ctx.pack.overview_max_chars
        self.count.setText(strings.char_count(n, limit))
        over = limit is not None and n > limit
        self.count.setStyleSheet(style.WARNING_TEXT if over else style.NOTE_TEXT)

    def _keep_stale(self) -> None:
        if self.document is not None:
            self.document.push_changes({f"stale.{self.section}": False}, strings.UNDO_KEEP_STALE)

    def select_span(self, span: tuple[int, int] | None) -> None:
        """Focus the editor and select the report-text characters ``span`` (start, end) if given."""
        self.editor.setFocus()
        if span is None:
            return
        doc = self.editor.document()
        start, end = (chips.editor_pos(doc, max(0, i)) for i in span)
        n = doc.characterCount() - 1
        cursor = self.editor.textCursor()
        cursor.setPosition(min(start, n))
        cursor.setPosition(min(end, n), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def focus_content(self) -> None:
        self.editor.setFocus()
