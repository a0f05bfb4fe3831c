"""恢复未保存的内容: every orphaned recovery copy in one list, as Word's and LibreOffice's recovery panes.

The clerk ticks the copies to restore; a copy is deleted only on 丢弃所选 (after a question).
Copies left unticked stay for the next start. A damaged copy cannot be ticked for restoring,
but its readable text can be looked at, copied, or used to start a new report.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout,
)

from .. import strings

RESTORE, DISCARD, KEEP, SALVAGE = "restore", "discard", "keep", "salvage"


class RecoveryTextDialog(QDialog):
    """The readable text of a (damaged) recovery copy, to copy or to start a new report from."""

    def __init__(self, entry, parent=None):
        super().__init__(parent)
        self.setWindowTitle(strings.RECOVERY_TEXT_TITLE)
        self.salvaged = entry.readable()
        text = (strings.recovery_text(self.salvaged.unit, self.salvaged.year, self.salvaged.sections)
                if not self.salvaged.empty else strings.RECOVERY_NO_TEXT)
        self.view = QPlainTextEdit(text)
        self.view.setReadOnly(True)
        self.view.setMinimumSize(640, 420)
        copy = QPushButton(strings.BTN_COPY_ALL)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.view.toPlainText()))
        self.use = QPushButton(strings.BTN_NEW_FROM_TEXT)
        self.use.setEnabled(bool(self.salvaged.sections))
        self.use.clicked.connect(self.accept)  # accepted: start a new report from the text
        close = QPushButton(strings.BTN_CLOSE)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addWidget(self.use)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        if entry.problem():
            note = QLabel(entry.problem())
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)


class RecoveryDialog(QDialog):
    """Lists ``entries``; after ``exec()``, :attr:`decisions` maps each entry's key to restore/discard/
    keep/salvage."""

    def __init__(self, entries, parent=None):
        super().__init__(parent)
        self.setWindowTitle(strings.RECOVERY_TITLE)
        self.entries = list(entries)
        self.decisions: dict[str, str] = {e.key: KEEP for e in self.entries}
        intro = QLabel(strings.RECOVERY_INTRO)
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(strings.RECOVERY_COLUMNS))
        self.tree.setHeaderLabels(list(strings.RECOVERY_COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumWidth(760)
        self.items: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            broken = entry.problem() is not None
            item = QTreeWidgetItem([entry.name, entry.original or strings.RECOVERY_NO_FILE, entry.when(),
                                    strings.RECOVERY_BROKEN if broken else strings.RECOVERY_OK])
            item.setToolTip(1, entry.original or "")
            item.setToolTip(3, entry.problem() or "")
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(0, Qt.CheckState.Unchecked if broken else Qt.CheckState.Checked)
            self.tree.addTopLevelItem(item)
            self.items[entry.key] = item
        for col, width in enumerate((220, 300, 150)):
            self.tree.setColumnWidth(col, width)
        if self.entries:
            self.tree.setCurrentItem(self.items[self.entries[0].key])
        self.restore_button = QPushButton(strings.BTN_RESTORE_CHOSEN)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button = QPushButton(strings.BTN_DISCARD_CHOSEN)
        self.discard_button.clicked.connect(self._discard)
        self.text_button = QPushButton(strings.BTN_SHOW_TEXT)
        self.text_button.clicked.connect(self._show_text)
        later = QPushButton(strings.BTN_LATER)
        later.clicked.connect(self.reject)
        box = QDialogButtonBox()
        box.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton(self.text_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(box)

    def checked(self) -> list:
        return [e for e in self.entries
                if e.key in self.items and self.items[e.key].checkState(0) == Qt.CheckState.Checked]

    def _restore(self) -> None:
        chosen = [e for e in self.checked() if e.problem() is None]
        if not chosen:
            QMessageBox.information(self, strings.RECOVERY_TITLE, strings.RECOVERY_NOTHING_CHOSEN)
            return
        for e in chosen:
            self.decisions[e.key] = RESTORE
        self.accept()

    def _discard(self) -> None:
        chosen = self.checked()
        if not chosen:
            QMessageBox.information(self, strings.RECOVERY_TITLE, strings.RECOVERY_NOTHING_CHOSEN)
            return
        answer = QMessageBox.question(self, strings.RECOVERY_TITLE, strings.recovery_confirm_discard(len(chosen)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        for e in chosen:
            self.decisions[e.key] = DISCARD
            item = self.items.pop(e.key)
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        if not self.items:
            self.accept()

    def _show_text(self) -> None:
        item = self.tree.currentItem()
        entry = next((e for e in self.entries if self.items.get(e.key) is item), None)
        if entry is None:
            return
        if RecoveryTextDialog(entry, self).exec() == QDialog.DialogCode.Accepted:
            self.decisions[entry.key] = SALVAGE
            self.accept()
