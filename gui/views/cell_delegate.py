"""The cell editor of the table grid and the note shown under a cell."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QFrame, QLabel, QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
)

from .. import settings, style

_K = Qt.Key
_COMMIT_KEYS = (_K.Key_Return, _K.Key_Enter, _K.Key_Tab, _K.Key_Backtab)
_CTRL = Qt.KeyboardModifier.ControlModifier
_MARKED = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
_NOT_MARKED = ~_MARKED


class CellMessage(QLabel):
    """A tooltip-like note shown under a cell (input refused, read-only cell, what a paste skipped)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(style.CELL_MESSAGE)
        self.setMaximumWidth(420)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=8000, timeout=self.hide)

    def show_at(self, rect: QRect, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        x = min(max(0, rect.left()), max(0, parent.width() - self.width()))
        y = rect.bottom() + 2
        if y + self.height() > parent.height():
            y = max(0, rect.top() - self.height() - 2)
        self.move(x, y)
        self.show()
        self.raise_()
        self._timer.start()


class CellDelegate(QStyledItemDelegate):
    """Line editor for numbers: Enter/Tab commit and move on; refused text keeps the editor open.

    Ctrl+Enter puts the typed value into every selected cell (as Excel does).
    """

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def paint(self, painter, option, index):
        """Tint selected cells instead of covering them, so red and amber stay visible.

        The look never depends on whether the grid has focus: focus moving to a cell's editor and
        back then repaints nothing (it used to repaint the whole grid twice per edit).
        """
        if not option.state & _MARKED:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        opt.state &= _NOT_MARKED
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.base())  # the view has filled the row with highlight
        super().paint(painter, opt, index)
        if not option.state & QStyle.StateFlag.State_Selected:
            return
        painter.save()
        painter.fillRect(option.rect, style.SELECTION_TINT)
        if index == self.view.currentIndex():
            pen = QPen(style.SELECTION_BORDER)
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)  # the style may leave its highlight brush set
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
        painter.restore()

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):
        if editor.text() != (index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in _COMMIT_KEYS:
            view = self.view
            index = view.currentIndex()
            model = view.model()
            error = model.check_text(index, editor.text()) if model is not None else None
            if error:
                view.show_message(index, error)
                return True  # keep the editor open with the refused text
            if event.key() in (_K.Key_Return, _K.Key_Enter) and event.modifiers() & _CTRL:
                text = editor.text()
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                view.fill_selection(text)
                return True
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if event.key() == _K.Key_Tab:
                view.advance("right")
            elif event.key() == _K.Key_Backtab:
                view.advance("left")
            else:
                view.advance(settings.enter_direction())
            return True
        return super().eventFilter(editor, event)
