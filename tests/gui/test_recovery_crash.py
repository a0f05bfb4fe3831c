"""Nothing typed is lost: two windows killed with kill -9 are both restored; autosave keeps the latest text."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.io import project_file
from gui import main_window
from gui.dialogs.recovery_dialog import KEEP, RESTORE
from gui.main_window import MainWindow
from gui.recovery import RecoveryStore, recovery_dir

from .conftest import ROOT, RecordingDialogs, seed

# A window in its own process: open FILE, type TEXT into 五、问题及改进 as a clerk does, let the
# autosave write its recovery copy, say so, and wait to be killed.
_TYPIST = r"""
import sys, time
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
w = MainWindow(autosave=False)
w.show()
w.files.open_path(sys.argv[1]).wait()
w.enter_page("problems")
page = w.page("problems")
page.editor.setFocus()
for ch in sys.argv[2]:  # as a pinyin IME commits them
    event = QInputMethodEvent()
    event.setCommitString(ch)
    QApplication.sendEvent(page.editor, event)
app.processEvents()
assert w.files.autosave_now() is not None
print("autosaved", flush=True)
time.sleep(120)
"""


def _typist(path, text, env):
    proc = subprocess.Popen([sys.executable, "-c", _TYPIST, str(path), text], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    return proc


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_two_windows_killed_are_both_restored(qtbot, tmp_path):
    first, second = tmp_path / "甲县.nianbao", tmp_path / "乙县.nianbao"
    shutil.copy(seed(1), first)
    shutil.copy(seed(3), second)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # NIANBAO_DATA_DIR: the test's own (conftest)
    procs = [_typist(first, "甲县断电前写的问题", env), _typist(second, "乙县断电前写的问题", env)]
    try:
        for proc in procs:
            line = proc.stdout.readline()
            assert line.strip() == "autosaved", proc.stderr.read()
    finally:
        for proc in procs:
            os.kill(proc.pid, signal.SIGKILL)  # a power cut for both windows
            proc.communicate()
    assert len(list(recovery_dir().glob("*.nianbao"))) == 2

    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    window.dialogs = RecordingDialogs()
    assert window.files.offer_recovery()
    assert len(window.dialogs.recovery_offered) == 2  # both in one list
    others = [w for w in main_window._WINDOWS if w is not window]
    assert len(others) == 1
    restored = {w.document.path: w.document for w in (window, *others)}
    assert set(restored) == {first, second}
    assert restored[first].report.text["problems"].endswith("甲县断电前写的问题")
    assert restored[second].report.text["problems"].endswith("乙县断电前写的问题")
    assert all(d.is_modified and not d.read_only for d in restored.values())  # locks of dead windows: stale
    # Each copy now lives in its new window's recovery copy; the dead sessions' copies are gone.
    keys = {p.stem for p in recovery_dir().glob("*.nianbao")}
    assert keys == {window.recovery.key, others[0].recovery.key}
    for w in (window, *others):
        w.document._unsaved_origin = False
        w.document.undo_stack.setClean()
        w.close()


def test_restoring_one_copy_keeps_the_others(qtbot):
    crashed = []
    for unit in ("甲县", "乙县", "丙县"):
        store = RecoveryStore()
        store.write(project_file.loads(project_file.dumps(project_file.load(seed(1)))), None, unit)
        store.abandon()
        crashed.append(store)
    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    window.dialogs = RecordingDialogs()
    window.dialogs.restore_answer = lambda entries: {e.key: RESTORE if e.name == "乙县" else KEEP for e in entries}
    assert window.files.offer_recovery()
    left = sorted(p.stem for p in recovery_dir().glob("*.nianbao"))
    assert left == sorted([crashed[0].key, crashed[2].key, window.recovery.key])
    window.document._unsaved_origin = False
    window.recovery.discard()
    again = MainWindow(autosave=False)
    qtbot.addWidget(again)
    again.dialogs = RecordingDialogs()
    again.dialogs.restore_answer = lambda entries: {}
    assert not again.files.offer_recovery()
    assert {e.name for e in again.dialogs.recovery_offered} == {"甲县", "丙县"}  # offered again, never lost


def ime_type(widget, text: str) -> None:
    """Type ``text`` as an input method commits it (QTest cannot type CJK keys)."""
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


@pytest.mark.slow
def test_typing_across_an_autosave_keeps_the_latest_text(qtbot, monkeypatch, tmp_path):
    mine = tmp_path / "mine.nianbao"
    shutil.copy(seed(3), mine)
    window = MainWindow(autosave=True)
    qtbot.addWidget(window)
    window.dialogs = RecordingDialogs()
    window.autosave_timer.setInterval(300)  # the backstop tick, shortened for the test
    window.autosave_idle.setInterval(600)
    window.show()
    window.files.open_path(mine).wait()
    window.enter_page("problems")
    editor = window.page("problems").editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = window.document.report.text["problems"]
    copy = window.recovery.path
    seen_while_typing = []
    typed = ""
    for ch in "我们继续输入这一段文字而且中间从不停顿超过半秒钟" * 2:
        ime_type(editor, ch)
        typed += ch
        QTest.qWait(40)
        if copy.exists():
            seen_while_typing.append(project_file.load(copy).text["problems"])
    assert window.document.undo_stack.count() <= 2  # keystrokes merged: the undo index barely moved
    # The tick saved a state in the middle of the typing (not only the end: a tick may also land
    # right after the last character).
    middle = [s for s in seen_while_typing if s.startswith(before) and len(before) < len(s) < len(before + typed)]
    assert middle, "the tick saved nothing while the clerk typed"
    qtbot.waitUntil(lambda: project_file.load(copy).text["problems"] == before + typed, timeout=5000)
    # Undo, then type the same number of characters again: same undo index, new text.
    window.document.undo_stack.undo()
    ime_type(editor, "改")
    qtbot.waitUntil(lambda: project_file.load(copy).text["problems"] == window.document.report.text["problems"],
                    timeout=5000)
    assert project_file.load(copy).text["problems"].endswith("改")
    assert project_file.load(mine).text["problems"] == before  # the user's own file is untouched
    window.document._unsaved_origin = False
    window.document.undo_stack.setClean()
    window.recovery.discard()


@pytest.mark.slow
def test_idle_autosave_writes_a_few_seconds_after_the_last_change(qtbot):
    window = MainWindow(autosave=True)
    qtbot.addWidget(window)
    window.dialogs = RecordingDialogs()
    window.autosave_timer.stop()  # only the idle save
    assert 1000 <= window.autosave_idle.interval() <= 10_000  # a few seconds by default …
    window.autosave_idle.setInterval(800)  # … shortened for the test
    window.files.open_path(seed(2)).wait()
    window.enter_page("other")
    editor = window.page("other").editor
    editor.setFocus()
    ime_type(editor, "补充")
    assert not window.recovery.path.exists()
    qtbot.waitUntil(window.recovery.path.exists, timeout=window.autosave_idle.interval() + 3000)
    assert project_file.load(window.recovery.path).text["other"] == window.document.report.text["other"]
    window.document.undo_stack.undo()  # back to what is saved: the copy holds nothing unsaved now
    qtbot.waitUntil(lambda: not window.recovery.path.exists(), timeout=window.autosave_idle.interval() + 3000)
    window.document.undo_stack.setClean()
