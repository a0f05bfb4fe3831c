"""The 「插入表格数字」 chooser: a popup to search and pick a table figure to bind into the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from core.fields import SEP, Field, field_choices, field_text

from .. import strings, style

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class FieldChooser(QFrame):
    """A popup: search box over a tree 表 → 行 → 列 with each figure's current value; emits ``chosen``."""

    chosen = Signal(object)  # Field

    def __init__(self, report, parent=None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.search = QLineEdit()
        self.search.setPlaceholderText(strings.FIELD_SEARCH)
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([strings.FIELD_HEAD_NAME, strings.FIELD_HEAD_VALUE])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(1, self.fontMetrics().horizontalAdvance(strings.FIELD_HEAD_VALUE) + 24)
        self.tree.header().setStretchLastSection(False)
        self.tree.setUniformRowHeights(True)
        self.empty = QLabel(strings.FIELD_NO_MATCH)
        self.empty.setStyleSheet(style.NOTE_TEXT)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self._fill(report)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.tree.itemActivated.connect(self._activated)
        self.resize(460, 420)

    def _fill(self, report) -> None:
        tables: dict[str, QTreeWidgetItem] = {}
        rows: dict[tuple[str, str], QTreeWidgetItem] = {}
        for field in field_choices(report.form):
            table = tables.get(field.table)
            if table is None:
                table = tables[field.table] = QTreeWidgetItem(self.tree, [strings.FIELD_TABLES[field.table]])
                table.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = table.font(0)
                font.setBold(True)
                table.setFont(0, font)
            row_name, _, col_name = field.name.partition(SEP)
            row = rows.get((field.table, row_name))
            if row is None:
                row = rows[(field.table, row_name)] = QTreeWidgetItem(table, [row_name])
                row.setFlags(Qt.ItemFlag.ItemIsEnabled)
                row.setToolTip(0, field.description.rsplit("：", 1)[0])
            leaf = QTreeWidgetItem(row, [col_name, field_text(report, field)])
            leaf.setData(0, FIELD_ROLE, field)
            leaf.setData(0, SEARCH_ROLE, f"{field.name} {field.description}".lower())
            leaf.setToolTip(0, f"{field.marker}\n{field.description}")
            leaf.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for table in tables.values():
            table.setExpanded(True)
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            first.child(0).setExpanded(True)  # 本年新收: the usual figure, ready to pick
            self.tree.setCurrentItem(first.child(0).child(0))

    def leaves(self, visible_only: bool = False) -> list[QTreeWidgetItem]:
        """Return the choosable items in tree order."""
        out = []
        for t in range(self.tree.topLevelItemCount()):
            table = self.tree.topLevelItem(t)
            for r in range(table.childCount()):
                row = table.child(r)
                for c in range(row.childCount()):
                    leaf = row.child(c)
                    if not (visible_only and leaf.isHidden()):
                        out.append(leaf)
        return out

    def filter(self, query: str) -> None:
        """Show only the figures whose name or description holds every typed word."""
        words = query.lower().replace(SEP, " ").split()
        first = None
        for t in range(self.tree.topLevelItemCount()):
            table = self.tree.topLevelItem(t)
            table_any = False
            for r in range(table.childCount()):
                row = table.child(r)
                row_any = False
                for c in range(row.childCount()):
                    leaf = row.child(c)
                    hay = leaf.data(0, SEARCH_ROLE)
                    ok = all(w in hay for w in words)
                    leaf.setHidden(not ok)
                    if ok and first is None:
                        first = leaf
                    row_any |= ok
                row.setHidden(not row_any)
                if words:
                    row.setExpanded(row_any)
                table_any |= row_any
            table.setHidden(not table_any)
        self.empty.setVisible(first is None)
        if first is not None and (words or self.tree.currentItem() is None):
            self.tree.setCurrentItem(first)
            self.tree.scrollToItem(first)

    def current_field(self) -> Field | None:
        item = self.tree.currentItem()
        if item is None or item.isHidden() or item.childCount():  # tables and rows hold no field
            return None
        return item.data(0, FIELD_ROLE)

    def choose_current(self) -> bool:
        """Emit the highlighted figure and close; return False when nothing is highlighted."""
        field = self.current_field()
        if field is None:
            return False
        self.chosen.emit(field)
        self.close()
        return True

    def _activated(self, item: QTreeWidgetItem) -> None:
        # Only leaves carry a field: asking a table or row item for it would read an empty QVariant,
        # which PySide6 6.12 on Python 3.11 turns into a None with one reference too few.
        if item.childCount() == 0:
            self.tree.setCurrentItem(item)
            self.choose_current()
        else:
            item.setExpanded(not item.isExpanded())

    def eventFilter(self, obj, event) -> bool:
        # Typing goes to the search box; arrows and Enter drive the list below it.
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_current()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._step(key)
                return True
        return super().eventFilter(obj, event)

    def _step(self, key) -> None:
        leaves = self.leaves(visible_only=True)
        if not leaves:
            return
        current = self.tree.currentItem()
        i = leaves.index(current) if current in leaves else -1
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}[key]
        item = leaves[max(0, min(len(leaves) - 1, i + step))]
        item.parent().setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def popup(self, where: QPoint) -> None:
        """Show at global ``where`` (kept on screen) with the search box focused."""
        screen = QGuiApplication.screenAt(where) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            x = min(max(area.left(), where.x()), area.right() - self.width())
            y = where.y() if where.y() + self.height() <= area.bottom() else where.y() - self.height() - 24
            where = QPoint(x, max(area.top(), y))
        self.move(where)
        self.show()
        self.search.setFocus()
