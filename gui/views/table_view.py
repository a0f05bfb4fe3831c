"""The official table as a spreadsheet: Excel/WPS keys, clipboard, right-click menu, messages at the cell.

Edits of several cells (paste, clear, fill) are operations of the model; the view only says where.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QItemSelection, QItemSelectionModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLineEdit, QMenu, QTableView

from .. import settings, strings, style
from ..clipboard import put_on_clipboard
from ..models.report_table_model import EditResult, ReportTableModel
from ..paste import read_clipboard, to_html, to_tsv
from .cell_delegate import CellDelegate, CellMessage
from .table_layout import column_widths, row_heights

_K = Qt.Key
_CTRL, _NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
_A = QAbstractItemView.CursorAction
_CARET_AT_END = (QAbstractItemView.EditTrigger.EditKeyPressed, QAbstractItemView.EditTrigger.DoubleClicked)


class ReportTableView(QTableView):
    """Shows a :class:`ReportTableModel` as the printed table, with spreadsheet editing.

    Enter, Tab and the moves after typing skip the read-only totals; the arrow keys visit them.
    """

    message_shown = Signal(str)
    recompute_requested = Signal()

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
        style.grid_lines(self)
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
        width = self.viewport().width()
        if model is None or width == self._laid_out_width:
            return
        self._laid_out_width = width
        widths = column_widths(model.spec, self.font(), width)
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
        for r, h in enumerate(row_heights(model.spec, self.font(), widths)):
            self.setRowHeight(r, h)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._resize_sections()

    def sizeHintForColumn(self, column):  # never measure cell contents (keeps edits cheap)
        return self.columnWidth(column)

    # -- focus: the grid looks the same with or without it, so nothing needs repainting --------
    def focusInEvent(self, event):
        cur = self.currentIndex()
        model = self.model()
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled,
                          bool(model is not None and cur.isValid() and model.is_editable(cur)))
        if model is not None and not cur.isValid() and event.reason() != Qt.FocusReason.MouseFocusReason:
            self.focus_first_cell()

    def focusOutEvent(self, event):
        pass  # QAbstractItemView would repaint the whole viewport (twice per typed number)

    # -- selection helpers -----------------------------------------------------------------
    def select_refs(self, refs) -> None:
        """Select the data cells ``refs`` (those in this table) and scroll to the first."""
        model = self.model()
        indexes = [i for i in (model.index_of(r) for r in refs) if i.isValid()]
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

    # -- moving ----------------------------------------------------------------------------
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

    def _step(self, index: QModelIndex, dr: int, dc: int, editable: bool = False) -> QModelIndex:
        """Return the next data cell from ``index`` in direction (dr, dc), or ``index`` at the edge.

        Sideways moves stop at labels; ``editable`` skips read-only totals.
        """
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
                if editable and model.cell_spec(g.ref).derived:
                    continue
                return model.index(g.row, g.col)
            if dc:
                return index

    def _editable_order(self) -> list[QModelIndex]:
        model = self.model()
        cells = sorted((g.row, g.col) for g in model.spec.grid if g.ref and not model.cell_spec(g.ref).derived)
        return [model.index(r, c) for r, c in cells]

    def _wrap(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """Return the next (previous) editable cell in reading order, or ``index`` at the end."""
        key = (index.row(), index.column())
        order = self._editable_order()
        later = [i for i in order if ((i.row(), i.column()) > key) == forward and (i.row(), i.column()) != key]
        if not later:
            return index
        return later[0] if forward else later[-1]

    def moveCursor(self, action, modifiers):
        model = self.model()
        cur = self.currentIndex()
        if model is None or not cur.isValid():
            return super().moveCursor(action, modifiers)
        moves = {_A.MoveUp: (-1, 0), _A.MoveDown: (1, 0), _A.MoveLeft: (0, -1), _A.MoveRight: (0, 1)}
        if action in moves:
            return self._step(cur, *moves[action])
        if action == _A.MoveNext:
            return self._next_editable(cur, "right")
        if action == _A.MovePrevious:
            return self._next_editable(cur, "left")
        if action == _A.MoveHome and modifiers & _CTRL:
            order = self._editable_order()
            return order[0] if order else cur
        if action == _A.MoveEnd and modifiers & _CTRL:
            order = self._editable_order()
            return order[-1] if order else cur
        return super().moveCursor(action, modifiers)

    def _next_editable(self, cur: QModelIndex, direction: str) -> QModelIndex:
        if direction == "down":
            return self._step(cur, 1, 0, editable=True)
        forward = direction == "right"
        nxt = self._step(cur, 0, 1 if forward else -1, editable=True)
        return nxt if nxt != cur else self._wrap(cur, forward)

    def advance(self, direction: str) -> None:
        """Move on after a commit: "down", "right" or "left" (wrapping), skipping read-only totals."""
        cur = self.currentIndex()
        if not cur.isValid():
            return
        nxt = self._next_editable(cur, direction)
        if not self.viewport().rect().contains(self.visualRect(nxt)):
            # The move scrolls. Scrolling while the closed editor's area still waits to be
            # painted makes Qt repaint the whole grid; painting that small area first lets the
            # scroll move the picture and paint only the strip it uncovers. User input waits.
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.setCurrentIndex(nxt)

    def focus_first_cell(self) -> None:
        """Make the first cell to fill current, unless a data cell already is."""
        model = self.model()
        if model is None:
            return
        if not self.currentIndex().isValid() or model.ref_at(self.currentIndex()) is None:
            order = self._editable_order()
            if order:
                self.setCurrentIndex(order[0])

    def edit(self, index, trigger=None, event=None):
        """F2 and double-click edit with the caret at the end, as in Excel (typing still replaces)."""
        if trigger is None:
            return super().edit(index)
        ok = super().edit(index, trigger, event)
        if ok and trigger in _CARET_AT_END:
            editor = self.indexWidget(index)
            if isinstance(editor, QLineEdit):
                editor.deselect()
                editor.end(False)
        return ok

    def inputMethodEvent(self, event):
        """Text an input method commits at once (「全角」 digits) is typed as keys (Qt dropped it)."""
        if self.state() != QAbstractItemView.State.EditingState and event.commitString() and not event.preeditString():
            for ch in event.commitString():  # the first opens the editor, which has the focus for the rest
                key = QKeyEvent(QEvent.Type.KeyPress, 0, _NONE, ch)
                QApplication.sendEvent(QApplication.focusWidget() or self, key)
            return
        super().inputMethodEvent(event)

    # -- keys ------------------------------------------------------------------------------
    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and self.state() != QAbstractItemView.State.EditingState:
            if (event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Paste)
                    or event.matches(QKeySequence.StandardKey.Cut)
                    or event.key() in (_K.Key_Delete, _K.Key_Backspace)
                    or (event.modifiers() & _CTRL and event.key() in (_K.Key_D, _K.Key_Return, _K.Key_Enter))):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event):
        self._message.hide()
        if self.state() != QAbstractItemView.State.EditingState and self.model() is not None:
            if self._handle_key(event):
                return
        super().keyPressEvent(event)

    def _handle_key(self, event) -> bool:
        key, ctrl = event.key(), bool(event.modifiers() & _CTRL)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.copy()
            self.clear_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif key in (_K.Key_Delete, _K.Key_Backspace):
            self.clear_selection()
        elif ctrl and key == _K.Key_D:
            self.fill_down()
        elif key in (_K.Key_Return, _K.Key_Enter):
            if ctrl:
                self.fill_selection(self.currentIndex().data() or "")
            else:
                self.advance(settings.enter_direction())
        else:
            text = event.text()
            cur = self.currentIndex()
            if not (text and text.isprintable() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
                    and cur.isValid() and not self.model().is_editable(cur)):
                return False
            self.show_message(cur, strings.DERIVED_READONLY if self.model().ref_at(cur) else strings.LABEL_READONLY)
        return True

    # -- the right-click menu --------------------------------------------------------------
    def contextMenuEvent(self, event):
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The grid's right-click menu: 复制、粘贴、清除、填 0、按分项重新计算合计."""
        menu = QMenu(self)
        entries = ((strings.ACT_COPY, self.copy, QKeySequence.StandardKey.Copy),
                   (strings.ACT_PASTE, self.paste, QKeySequence.StandardKey.Paste),
                   (strings.ACT_CLEAR_SHORT, self.clear_selection, QKeySequence.StandardKey.Delete),
                   (strings.ACT_FILL_DOWN, self.fill_down, "Ctrl+D"),
                   (strings.ACT_FILL_SELECTION_ZERO, self.fill_zero_selection, None),
                   None,
                   (strings.ACT_RECOMPUTE, self.recompute_requested.emit, None))
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            text, slot, keys = entry
            action = menu.addAction(text)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=slot: s())
        return menu

    def fill_down(self) -> None:
        """Ctrl+D: copy the top selected cell of each column down the selection."""
        self._tell(self.currentIndex(), self.model().fill_down(self.selectionModel().selectedIndexes()))

    def fill_zero_selection(self) -> None:
        self._tell(self.currentIndex(), self.model().fill_blank(self.selectionModel().selectedIndexes(), "0"))

    def fill_selection(self, text: str) -> bool:
        """Put ``text`` into every selected editable cell as one step (Ctrl+Enter)."""
        result = self.model().fill(self.selectionModel().selectedIndexes(), text)
        self._tell(self.currentIndex(), result)
        return result.changed

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
        block = [[(model.index(r, c).data() or "") if (r, c) in chosen else ""
                  for c in range(cols[0], cols[-1] + 1)] for r in range(rows[0], rows[-1] + 1)]
        text = to_tsv(block)
        put_on_clipboard(text, to_html(block))
        return text

    def paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return self.paste_rows([])
        return self.paste_rows(read_clipboard(mime.text(), mime.html() if mime.hasHtml() else ""))

    def paste_text(self, text: str, html: str = "") -> bool:
        """Paste clipboard ``text`` (and its HTML) at the current cell, as one undo step."""
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
