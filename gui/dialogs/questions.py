"""Every modal question the window asks, in one place (tests replace these methods)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.io.reader import supported_suffixes
from core.rules.base import Finding

from .. import strings

EXPORT_LIST_MAX = 8


def _reports_filter() -> str:
    return strings.all_reports_filter(" ".join(f"*{s}" for s in supported_suffixes()))


class Dialogs:
    """Message boxes and file dialogs, parented to the window."""

    def __init__(self, parent: QWidget):
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def _ask(self, icon, title: str, text: str, buttons, default: int) -> int:
        """Show ``buttons`` ((text, role) pairs); return the index of the one clicked (-1: closed)."""
        box = QMessageBox(icon, title, text, parent=self.parent)
        made = [box.addButton(label, role) for label, role in buttons]
        box.setDefaultButton(made[default])
        box.exec()
        return made.index(box.clickedButton()) if box.clickedButton() in made else -1

    def ask_save(self, name: str) -> str:
        R = QMessageBox.ButtonRole
        i = self._ask(QMessageBox.Icon.Question, strings.ASK_SAVE_TITLE, strings.ask_save(name),
                      [(strings.BTN_SAVE, R.AcceptRole), (strings.BTN_DISCARD, R.DestructiveRole),
                       (strings.BTN_CANCEL, R.RejectRole)], 0)
        return {0: "save", 1: "discard"}.get(i, "cancel")

    def choose_recovery(self, entries) -> dict[str, str]:
        """Show every orphaned recovery copy in one list; return key -> restore/discard/keep/salvage."""
        from .recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(entries, self.parent)
        dialog.exec()
        return dialog.decisions

    def ask_locked(self, name: str, owner: str, can_take_over: bool = False) -> str:
        """The file is open elsewhere: return "readonly", "copy", "takeover" (offered for a lock
        another computer left) or "cancel"."""
        R = QMessageBox.ButtonRole
        buttons = [(strings.BTN_OPEN_READONLY, R.AcceptRole), (strings.BTN_OPEN_COPY, R.AcceptRole)]
        if can_take_over:
            buttons.append((strings.BTN_TAKE_OVER, R.DestructiveRole))
        buttons.append((strings.BTN_CANCEL, R.RejectRole))
        text = strings.locked(name, owner) + (strings.LOCKED_ELSEWHERE if can_take_over else "")
        i = self._ask(QMessageBox.Icon.Warning, strings.LOCKED_TITLE, text, buttons, 0)
        answers = ["readonly", "copy"] + (["takeover"] if can_take_over else [])
        return answers[i] if 0 <= i < len(answers) else "cancel"

    def confirm_take_over(self, name: str, left_by: str, computer: str) -> bool:
        """仍要编辑: take over a lock another computer left, only once the clerk ticks that it is not open there.

        ``left_by`` is 「电脑 PC-01 上的用户 li 于 2026年1月6日 10:30」 (LockOwner.left_by)."""
        from PySide6.QtWidgets import QCheckBox

        box = QMessageBox(QMessageBox.Icon.Warning, strings.TAKE_OVER_TITLE, strings.take_over(name, left_by, computer),
                          parent=self.parent)
        sure = QCheckBox(strings.take_over_sure(computer))
        box.setCheckBox(sure)
        take = box.addButton(strings.BTN_TAKE_OVER_CONFIRM, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(strings.BTN_CANCEL, QMessageBox.ButtonRole.RejectRole)
        take.setEnabled(False)
        sure.toggled.connect(take.setEnabled)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is take and sure.isChecked()

    def ask_lock_lost(self, name: str, owner: str) -> str:
        """Before saving: another computer took this file's lock over; return "save_as", "overwrite" or "cancel"."""
        R = QMessageBox.ButtonRole
        i = self._ask(QMessageBox.Icon.Warning, strings.LOCK_LOST_TITLE, strings.lock_lost(name, owner),
                      [(strings.BTN_SAVE_AS_INSTEAD, R.AcceptRole), (strings.BTN_OVERWRITE, R.DestructiveRole),
                       (strings.BTN_CANCEL, R.RejectRole)], 0)
        return {0: "save_as", 1: "overwrite"}.get(i, "cancel")

    def ask_overwrite_changed(self, name: str) -> str:
        """The file changed on disk since it was opened: return "overwrite", "save_as" or "cancel"."""
        R = QMessageBox.ButtonRole
        i = self._ask(QMessageBox.Icon.Warning, strings.CHANGED_TITLE, strings.changed_on_disk(name),
                      [(strings.BTN_SAVE_AS_INSTEAD, R.AcceptRole), (strings.BTN_OVERWRITE, R.DestructiveRole),
                       (strings.BTN_CANCEL, R.RejectRole)], 0)
        return {0: "save_as", 1: "overwrite"}.get(i, "cancel")

    def confirm_export(self, blockers: list[Finding]) -> bool:
        items = "\n".join(f"· {f.message}" for f in blockers[:EXPORT_LIST_MAX])
        if len(blockers) > EXPORT_LIST_MAX:
            items += "\n" + strings.export_more(len(blockers) - EXPORT_LIST_MAX)
        errors = sum(1 for f in blockers if f.is_error)
        R = QMessageBox.ButtonRole
        return self._ask(QMessageBox.Icon.Warning, strings.EXPORT_ERRORS_TITLE,
                         strings.export_blocked(errors, len(blockers) - errors, items),
                         [(strings.BTN_EXPORT_ANYWAY, R.AcceptRole), (strings.BTN_CANCEL, R.RejectRole)], 1) == 0

    def export_done(self, path: Path) -> bool:
        return self.export_done_text(strings.EXPORT_DONE_TITLE, strings.export_done(path))

    def export_done_text(self, title: str, text: str) -> bool:
        R = QMessageBox.ButtonRole
        return self._ask(QMessageBox.Icon.Information, title, text,
                         [(strings.BTN_OPEN_FOLDER, R.AcceptRole), (strings.BTN_CLOSE, R.RejectRole)], 1) == 0

    def ask_merge_duplicates(self, text: str) -> bool:
        R = QMessageBox.ButtonRole
        return self._ask(QMessageBox.Icon.Warning, strings.MERGE_OP_TITLE, text,
                         [(strings.BTN_MERGE_ANYWAY, R.AcceptRole), (strings.BTN_CANCEL, R.RejectRole)], 1) == 0

    def ask_feedback_format(self) -> str:
        """Ask whether 审核意见 are written as Excel or Word files: "xlsx", "docx" or "" (cancelled)."""
        R = QMessageBox.ButtonRole
        i = self._ask(QMessageBox.Icon.Question, strings.FEEDBACK_TITLE, strings.FEEDBACK_FORMAT_TEXT,
                      [(strings.BTN_FEEDBACK_XLSX, R.AcceptRole), (strings.BTN_FEEDBACK_DOCX, R.AcceptRole),
                       (strings.BTN_CANCEL, R.RejectRole)], 0)
        return {0: "xlsx", 1: "docx"}.get(i, "")

    def ask_explanation(self, message: str, current: str) -> str | None:
        """Ask for the explanation of a warning; None when cancelled ("" removes it)."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getMultiLineText(self.parent, strings.EXPLAIN_TITLE, strings.explain_prompt(message),
                                                 current)
        return text if ok else None

    def open_file(self, title: str, folder: str = "") -> str:
        filters = ";;".join([_reports_filter(), strings.PROJECT_FILTER, strings.ALL_FILES_FILTER])
        return QFileDialog.getOpenFileName(self.parent, title, folder, filters)[0]

    def open_files(self, title: str, folder: str = "") -> list[str]:
        return QFileDialog.getOpenFileNames(self.parent, title, folder, _reports_filter())[0]

    def open_expect(self, title: str, folder: str = "") -> str:
        return QFileDialog.getOpenFileName(self.parent, title, folder, strings.EXPECT_FILTER)[0]

    def open_rule_pack(self, title: str, folder: str = "") -> str:
        return QFileDialog.getOpenFileName(self.parent, title, folder, strings.RULES_FILTER)[0]

    def open_template(self, title: str, folder: str = "") -> str:
        return QFileDialog.getOpenFileName(self.parent, title, folder, strings.DOCX_FILTER)[0]

    def open_folder(self, title: str, folder: str = "") -> str:
        return QFileDialog.getExistingDirectory(self.parent, title, folder)

    def save_file(self, title: str, suggested: str, file_filter: str) -> str:
        return QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)[0]

    def new_report(self, unit: str = "") -> tuple[str, int] | None:
        from .new_report_dialog import NewReportDialog

        dialog = NewReportDialog(self.parent, unit)
        if dialog.exec() != NewReportDialog.DialogCode.Accepted:
            return None
        return dialog.unit(), dialog.year()
