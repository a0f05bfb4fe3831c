"""The official table as a spreadsheet: keyboard, clipboard and messages shown at the cell."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeySequence, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QFrame, QHeaderView, QLabel, QLineEdit, QStyle,
    QStyledItemDelegate, QStyleOptionViewItem, QTableView,
)

from .. import settings, strings, style
from ..clipboard import put_on_clipboard
from ..models.report_table_model import EditResult, ReportTableModel
from ..paste import read_clipboard, to_html, to_tsv

_K = Qt.Key


class CellMessage(QLabel):
    """A tooltip-like note shown under a cell (input refused, read-only cell)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("QLabel { background: #fff4e5; color: #5f2120; border: 1px solid #c62828;"
                           " padding: 4px 6px; }")
        self.setMaximumWidth(420)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=6000, timeout=self.hide)

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
    """Line editor for numbers: Enter/Tab commit and move; refused text keeps the editor open."""

    def __init__(self, view: "ReportTableView"):
        super().__init__(view)
        self.view = view

    def paint(self, painter, option, index):
        """Tint selected cells instead of covering them, so red and amber stay visible."""
        selected = option.state & QStyle.StateFlag.State_Selected
        if not selected:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, opt, index)
        painter.save()
        painter.fillRect(option.rect, style.SELECTION_TINT)
        if index == self.view.currentIndex():
            pen = QPen(style.SELECTION_BORDER)
            pen.setWidth(2)
            painter.setPen(pen)
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
        if event.type() == QEvent.Type.KeyPress and event.key() in (_K.Key_Return, _K.Key_Enter, _K.Key_Tab,
                                                                     _K.Key_Backtab):
            index = self.view.currentIndex()
            model = self.view.model()
            error = model.check_text(index, editor.text()) if model is not None else None
            if error:
                self.view.show_message(index, error)
                return True  # keep the editor open with the refused text
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if event.key() in (_K.Key_Tab,):
                self.view.advance("right")
            elif event.key() == _K.Key_Backtab:
                self.view.advance("left")
            else:
                self.view.advance(settings.enter_direction())
            return True
        return super().eventFilter(editor, event)


class ReportTableView(QTableView):
    """Shows a :class:`ReportTableModel` as the printed table, with spreadsheet editing."""

    message_shown = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setCornerButtonEnabled(False)
        self.setStyleSheet("QTableView { gridline-color: #9aa3ad; }")
        self.setItemDelegate(CellDelegate(self))
        self._message = CellMessage(self.viewport())
        self.last_message = ""
        self._laid_out_width = -1

    # -- model -----------------------------------------------------------------------------
    def setModel(self, model: ReportTableModel | None) -> None:
        old = self.model()
        if isinstance(old, ReportTableModel):
            old.input_rejected.disconnect(self.show_message)
            old.layout_rebuilt.disconnect(self._apply_layout)
        super().setModel(model)
        if model is not None:
            model.input_rejected.connect(self.show_message)
            model.layout_rebuilt.connect(self._apply_layout)
            self._apply_layout()

    def model(self) -> ReportTableModel | None:  # typed override
        return super().model()

    def _apply_layout(self) -> None:
        """Merge the header and label cells as printed and size rows and columns (not per edit)."""
        self.clearSpans()
        model = self.model()
        if model is None:
            return
        for g in model.spans():
            self.setSpan(g.row, g.col, g.rowspan, g.colspan)
        self._laid_out_width = -1
        self._resize_sections()

    def _resize_sections(self) -> None:
        model = self.model()
        if model is None:
            return
        width = self.viewport().width()
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        widths = self._column_widths(width)
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
        self._size_rows(widths)

    def _column_widths(self, width: int) -> list[int]:
        """Share ``width`` by the printed proportions, but never below what a column needs."""
        spec = self.model().spec
        fm = QFontMetrics(self.font())
        data_cols = {g.col for g in spec.grid if g.ref}
        floors = [style.MIN_DATA_COL_WIDTH if c in data_cols else 44 for c in range(spec.grid_cols)]
        for g in spec.grid:
            if g.ref is None and g.rowspan > 1 and g.colspan == 1 and g.role == "label":
                # a group label beside several rows reads badly when split after 5 characters
                text = g.text[:7]
                floors[g.col] = max(floors[g.col], fm.horizontalAdvance(text) + 2 * style.CELL_PADDING + 4)
        weights = list(spec.col_widths)
        widths = [0] * spec.grid_cols
        free = list(range(spec.grid_cols))
        left = width
        while free:
            total = sum(weights[c] for c in free)
            fixed = [c for c in free if left * weights[c] / total < floors[c]]
            if not fixed:
                for c in free:
                    widths[c] = int(left * weights[c] / total)
                break
            for c in fixed:
                widths[c] = floors[c]
                left -= floors[c]
                free.remove(c)
        return widths

    def _size_rows(self, widths: list[int]) -> None:
        model = self.model()
        spec = model.spec
        plain = QFontMetrics(self.font())
        bold_font = self.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        pad = style.CELL_PADDING
        heights = [style.DATA_ROW_HEIGHT] * spec.grid_rows
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)

        def need(g) -> int:
            fm = bold if g.role == "header" else plain
            w = sum(widths[g.col:g.col + g.colspan]) - 2 * pad
            return fm.boundingRect(QRect(0, 0, max(20, w), 10000), flags, g.text).height() + pad + 2

        tall = []
        for g in spec.grid:
            if g.ref is None and g.text:
                if g.rowspan == 1:
                    heights[g.row] = max(heights[g.row], need(g))
                else:
                    tall.append(g)
        for g in tall:  # a merged label taller than its rows grows its last row
            have = sum(heights[g.row:g.row + g.rowspan])
            missing = need(g) - have
            if missing > 0:
                for r in range(g.row, g.row + g.rowspan):
                    heights[r] += missing // g.rowspan + (1 if r - g.row < missing % g.rowspan else 0)
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._resize_sections()

    def sizeHintForColumn(self, column):  # never measure cell contents (keeps edits cheap)
        return self.columnWidth(column)

    # -- selection helpers -----------------------------------------------------------------
    def select_refs(self, refs) -> None:
        """Select the data cells ``refs`` (those in this table) and scroll to the first."""
        model = self.model()
        indexes = [model.index_of(r) for r in refs]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return
        selection = QItemSelection()
        for i in indexes:
            selection.select(i, i)
        sm = self.selectionModel()
        sm.setCurrentIndex(indexes[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(indexes[0])

    def selected_refs(self) -> list[str]:
        model = self.model()
        refs = [model.ref_at(i) for i in self.selectionModel().selectedIndexes()]
        return [r for r in refs if r]

    def show_message(self, index: QModelIndex, text: str) -> None:
        """Show ``text`` at the cell (and tell the window, for the status bar)."""
        self.last_message = text
        rect = self.visualRect(index) if index.isValid() else QRect(0, 0, 0, 0)
        self._message.show_at(rect, text)
        self.message_shown.emit(text)

    def message_visible(self) -> bool:
        return self._message.isVisible()

    # -- keyboard navigation ---------------------------------------------------------------
    def _covering(self, r: int, c: int):
        """Return the grid cell covering row ``r``, column ``c`` (spans included)."""
        model = self.model()
        g = model.grid_cell(model.index(r, c))
        if g is not None:
            return g
        for g in model.spec.grid:
            if g.row <= r < g.row + g.rowspan and g.col <= c < g.col + g.colspan:
                return g
        return None

    def _step(self, index: QModelIndex, dr: int, dc: int) -> QModelIndex:
        model = self.model()
        here = self._covering(index.row(), index.column())
        r, c = index.row(), index.column()
        while True:
            r, c = r + dr, c + dc
            if not (0 <= r < model.rowCount() and 0 <= c < model.columnCount()):
                return index
            g = self._covering(r, c)
            if g is None or g is here:
                continue
            if g.ref is not None:
                return model.index(g.row, g.col)
            if dc:  # moving sideways over labels leaves the data area
                return index

    def _wrap(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """Return the first (last) data cell of the next (previous) row that has one."""
        model = self.model()
        rows = range(index.row() + 1, model.rowCount()) if forward else range(index.row() - 1, -1, -1)
        for r in rows:
            cols = sorted(g.col for g in model.spec.grid if g.row == r and g.ref)
            if cols:
                return model.index(r, cols[0] if forward else cols[-1])
        return index

    def moveCursor(self, action, modifiers):
        model = self.model()
        cur = self.currentIndex()
        A = QAbstractItemView.CursorAction
        if model is None or not cur.isValid():
            return super().moveCursor(action, modifiers)
        if action == A.MoveUp:
            return self._step(cur, -1, 0)
        if action == A.MoveDown:
            return self._step(cur, 1, 0)
        if action == A.MoveLeft:
            return self._step(cur, 0, -1)
        if action == A.MoveRight:
            return self._step(cur, 0, 1)
        if action == A.MoveNext:
            nxt = self._step(cur, 0, 1)
            return nxt if nxt != cur else self._wrap(cur, True)
        if action == A.MovePrevious:
            prev = self._step(cur, 0, -1)
            return prev if prev != cur else self._wrap(cur, False)
        return super().moveCursor(action, modifiers)

    def advance(self, direction: str) -> None:
        """Move the current cell after a commit: "down", "right" (wrapping) or "left"."""
        cur = self.currentIndex()
        if not cur.isValid():
            return
        if direction == "right":
            nxt = self._step(cur, 0, 1)
            if nxt == cur:
                nxt = self._wrap(cur, True)
        elif direction == "left":
            nxt = self._step(cur, 0, -1)
        else:
            nxt = self._step(cur, 1, 0)
        self.setCurrentIndex(nxt)

    def focus_first_cell(self) -> None:
        model = self.model()
        if model is None:
            return
        if not self.currentIndex().isValid() or model.ref_at(self.currentIndex()) is None:
            for g in sorted((g for g in model.spec.grid if g.ref), key=lambda g: (g.row, g.col)):
                if not model.cell_spec(g.ref).derived:
                    self.setCurrentIndex(model.index(g.row, g.col))
                    break

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and self.state() != QAbstractItemView.State.EditingState:
            if (event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Paste)
                    or event.matches(QKeySequence.StandardKey.Cut)
                    or event.key() in (_K.Key_Delete, _K.Key_Backspace)):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event):
        self._message.hide()
        if self.state() != QAbstractItemView.State.EditingState and self.model() is not None:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy()
                return
            if event.matches(QKeySequence.StandardKey.Cut):
                self.copy()
                self.clear_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.key() in (_K.Key_Delete, _K.Key_Backspace):
                self.clear_selection()
                return
            if event.key() in (_K.Key_Return, _K.Key_Enter):
                self.advance(settings.enter_direction())
                return
            text = event.text()
            cur = self.currentIndex()
            if (text and text.isprintable() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
                    and cur.isValid() and not self.model().is_editable(cur)):
                ref = self.model().ref_at(cur)
                self.show_message(cur, strings.DERIVED_READONLY if ref else strings.LABEL_READONLY)
                return
        super().keyPressEvent(event)

    # -- clipboard -------------------------------------------------------------------------
    def copy(self) -> str:
        """Copy the selected block as tab-separated text and an HTML table (Excel/WPS keep its shape)."""
        model = self.model()
        indexes = self.selectionModel().selectedIndexes() if model else []
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        block = []
        for r in range(rows[0], rows[-1] + 1):
            line = []
            for c in range(cols[0], cols[-1] + 1):
                g = model.grid_cell(model.index(r, c)) if (r, c) in chosen else None
                line.append(model.index(r, c).data() or "" if g is not None else "")
            block.append(line)
        text = to_tsv(block)
        put_on_clipboard(text, to_html(block))
        return text

    def paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return self.paste_rows([])
        return self.paste_rows(read_clipboard(mime.text(), mime.html() if mime.hasHtml() else ""))

    def paste_text(self, text: str, html: str = "") -> bool:
        """Paste clipboard ``text`` (and its HTML) from the current cell on, as one undo step."""
        return self.paste_rows(read_clipboard(text, html))

    def paste_rows(self, rows: list[list[str]]) -> bool:
        model = self.model()
        if model is None:
            return False
        start = self.currentIndex()
        result = model.paste(start, rows, self.selectionModel().selectedIndexes())
        if result.refs:
            self.select_refs(list(result.refs))
        self._tell(start, result)
        return result.changed

    def clear_selection(self) -> bool:
        """Blank the selected editable cells as one undo step."""
        model = self.model()
        return model is not None and model.clear(self.selectionModel().selectedIndexes()).changed

    def _tell(self, index: QModelIndex, result: EditResult) -> None:
        """Show a refusal or a note at the cell; a plain success goes to the status bar only."""
        if not result.message:
            return
        if not result.changed or result.notable:
            self.show_message(index, result.message)
        else:
            self.last_message = result.message
            self.message_shown.emit(result.message)
