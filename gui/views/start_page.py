"""The start page shown while no report is open: 新建本年度报告, 从上年报告新建, 打开, and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from .. import settings, strings, style

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_WIDTH = 760


class StartPage(QWidget):
    """Emits what the clerk chose; the window does the work."""

    new_requested = Signal()
    new_year_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(style.START_PAGE)
        title = QLabel(strings.START_TITLE)
        title.setObjectName("startTitle")
        subtitle = QLabel(strings.START_SUBTITLE)
        subtitle.setObjectName("startSubtitle")
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, tip, signal in (("new", strings.START_NEW, strings.START_NEW_TIP, self.new_requested),
                                       ("new_year", strings.START_NEW_YEAR, strings.START_NEW_YEAR_TIP,
                                        self.new_year_requested),
                                       ("open", strings.START_OPEN, strings.START_OPEN_TIP, self.open_requested)):
            button = QPushButton(text)
            button.setObjectName("startButton")
            button.setToolTip(tip)
            button.setMinimumHeight(48)
            button.clicked.connect(signal)
            actions.addWidget(button, 1)
            self.buttons[key] = button
        heading = QLabel(strings.START_RECENT)
        heading.setObjectName("startHeading")
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setWordWrap(True)
        self.recent.itemClicked.connect(self._chosen)  # one click opens, as on other start pages
        self.recent.installEventFilter(self)
        hint = QLabel(strings.START_DROP_HINT)
        hint.setStyleSheet(style.NOTE_TEXT)

        column = QWidget()
        column.setMaximumWidth(MAX_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(24, 32, 24, 24)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(16)
        inner.addLayout(actions)
        inner.addSpacing(16)
        inner.addWidget(heading)
        inner.addWidget(self.recent, 1)
        inner.addWidget(hint)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Show the recent files (newest first) as name and folder."""
        self.recent.clear()
        files = settings.recent_files()
        for path in files:
            p = Path(path)
            missing = not p.exists()
            item = QListWidgetItem(strings.recent_entry(p.name, str(p.parent), missing))
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            if missing:
                item.setForeground(style.NOTE_FG)
            self.recent.addItem(item)
        if not files:
            item = QListWidgetItem(strings.START_NO_RECENT)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def has_recent(self) -> bool:
        return any(self.recent.item(i).data(PATH_ROLE) for i in range(self.recent.count()))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.recent and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.recent.currentItem() is not None:
            self._chosen(self.recent.currentItem())
            return True
        return super().eventFilter(obj, event)

    def _chosen(self, item: QListWidgetItem) -> None:
        if item.data(PATH_ROLE):
            self.recent_chosen.emit(item.data(PATH_ROLE))

    def focus_content(self) -> None:
        self.buttons["new"].setFocus()
