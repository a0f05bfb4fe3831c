"""GUI fixtures: settings and recovery folders in tmp, a main window whose dialogs are recorded."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "tests" / "data" / "seeds"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Never touch the developer's own settings or recovery folder."""
    monkeypatch.setenv("NIANBAO_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))


class RecordingDialogs:
    """Stands in for the window's modal dialogs: records what was shown, answers as told."""

    def __init__(self):
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.save_answer = "discard"
        self.restore_answer = True
        self.recovery_offered: list = []
        self.locked_answer = "readonly"
        self.asked_locked: list[tuple[str, str]] = []
        self.take_over_offered: list[bool] = []
        self.take_over_answers: list[bool] = []  # 仍要编辑's confirmation, one answer per time asked
        self.asked_take_over: list[tuple[str, str, str]] = []
        self.lock_lost_answer = "cancel"
        self.asked_lock_lost: list[tuple[str, str]] = []
        self.changed_answer = "overwrite"
        self.asked_changed: list[str] = []
        self.export_answer = True
        self.asked_save: list[str] = []
        self.asked_export: list[list] = []
        self.next_file = ""
        self.next_template = ""
        self.next_folder = ""
        self.suggested: list[str] = []  # where each file dialog started (folder or proposed file)
        self.asked_explanation: list[tuple[str, str]] = []
        self.explanation_answer: str | None = None
        self.next_expect = ""
        self.asked_duplicates: list[str] = []
        self.duplicates_answer = False
        self.next_rule_pack = ""
        self.feedback_format = "xlsx"

    def error(self, title, text):
        self.errors.append((title, text))

    def info(self, title, text):
        self.infos.append((title, text))

    def ask_save(self, name):
        self.asked_save.append(name)
        return self.save_answer

    def choose_recovery(self, entries):
        """``restore_answer``: True restores every copy that can be, False discards all, or a callable."""
        self.recovery_offered = list(entries)
        if callable(self.restore_answer):
            return self.restore_answer(entries)
        if self.restore_answer:
            return {e.key: "restore" if e.problem() is None else "keep" for e in entries}
        return {e.key: "discard" for e in entries}

    def ask_locked(self, name, owner, can_take_over=False):
        self.asked_locked.append((name, owner))
        self.take_over_offered.append(can_take_over)
        return self.locked_answer

    def confirm_take_over(self, name, owner, computer):
        self.asked_take_over.append((name, owner, computer))
        answer = self.take_over_answers.pop(0) if self.take_over_answers else False
        if not answer:
            self.locked_answer = "cancel"  # asked again: then do not open it
        return answer

    def ask_lock_lost(self, name, owner):
        self.asked_lock_lost.append((name, owner))
        return self.lock_lost_answer

    def ask_overwrite_changed(self, name):
        self.asked_changed.append(name)
        return self.changed_answer

    def confirm_export(self, errors):
        self.asked_export.append(errors)
        return self.export_answer

    def export_done(self, path):
        return False

    def export_done_text(self, title, text):
        self.infos.append((title, text))
        return False

    def ask_merge_duplicates(self, text):
        self.asked_duplicates.append(text)
        return self.duplicates_answer

    def ask_feedback_format(self):
        return self.feedback_format

    def ask_explanation(self, message, current):
        self.asked_explanation.append((message, current))
        return self.explanation_answer

    def open_files(self, title, folder=""):
        self.suggested.append(folder)
        return []

    def open_folder(self, title, folder=""):
        self.suggested.append(folder)
        return self.next_folder

    def open_file(self, title, folder=""):
        self.suggested.append(folder)
        return self.next_file

    def open_expect(self, title, folder=""):
        return self.next_expect

    def open_rule_pack(self, title, folder=""):
        return self.next_rule_pack

    def open_template(self, title, folder=""):
        self.suggested.append(folder)
        return self.next_template

    def save_file(self, title, suggested, file_filter):
        self.suggested.append(suggested)
        return self.next_file

    def new_report(self, unit=""):
        return ("测试县人民政府办公室", 2025)


def right_click_menu(widget, pos) -> list[str]:
    """Right-click ``widget`` at ``pos`` and return the texts of the menu that opens (then close it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    seen: list[str] = []

    def look():
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            seen.extend(a.text() for a in popup.actions())
            popup.close()

    QTimer.singleShot(50, look)
    QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos)))
    return seen


def seed(n: int) -> Path:
    """Seed ``n``'s project file, as this test process's own copy: a window writes its lock file
    beside the file it opens, and a window in another test process (``pytest -n``) would find the
    file in use, or a lock left in tests/data."""
    return _seed_copies() / f"seed00{n}.nianbao"


@functools.cache
def _seed_copies() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="nianbao-seeds-"))
    atexit.register(shutil.rmtree, folder, True)
    for path in SEED_DIR.glob("seed00*.nianbao"):
        shutil.copy2(path, folder)
    return folder


@pytest.fixture
def dialogs():
    return RecordingDialogs()


@pytest.fixture
def window(qtbot, dialogs):
    """The main window as it starts: the start page, no report open."""
    from gui.main_window import MainWindow

    w = MainWindow(autosave=False)
    w.dialogs = dialogs
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.document is not None:
        w.document.undo_stack.setClean()
        w.document._unsaved_origin = False  # let teardown close the window without asking
    w.recovery.discard()


@pytest.fixture
def blank_window(window):
    """The window with a new, empty report (新建本年度报告)."""
    assert window.files.new_report()
    return window


@pytest.fixture
def seed_window(window):
    assert window.files.open_path(seed(3)).wait()
    return window
