"""Long work runs off the GUI thread through one helper: the window keeps painting, input waits,
progress shows, 取消 answers at once, callbacks come back on the GUI thread."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from gui.background import SHOW_AFTER_MS, run_in_background

from .conftest import seed


def _press_cancel(op, qtbot) -> None:
    """Click 取消 in the progress dialog, as the clerk does."""
    from PySide6.QtWidgets import QPushButton

    qtbot.waitUntil(lambda: op.dialog.isVisible(), timeout=3000)
    qtbot.mouseClick(op.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)


def _ticks(qtbot, op) -> int:
    """Count GUI timer ticks while ``op`` runs (a frozen window would count none)."""
    ticks = []
    timer = QTimer(interval=20, timeout=lambda: ticks.append(1))
    timer.start()
    op.wait()
    timer.stop()
    return len(ticks)


def test_work_runs_off_the_gui_thread_and_calls_back_on_it(seed_window, qtbot):
    seen = {}

    def work(progress):
        seen["work_thread"] = threading.current_thread() is threading.main_thread()
        for i in range(5):
            progress.update(i, 5, f"第 {i} 步")
            time.sleep(0.15)
        return 42

    op = run_in_background(seed_window, work, title="测试", label="正在测试……",
                           on_success=lambda r: seen.update(result=r, gui=threading.current_thread()
                                                            is threading.main_thread()))
    assert op.state == "running"
    assert _ticks(qtbot, op) > 10  # the GUI thread went on while the work slept
    assert op.state == "done" and seen == {"work_thread": False, "result": 42, "gui": True}
    assert not op.dialog.isVisible()


@pytest.mark.slow
def test_the_progress_dialog_appears_only_for_slow_work_and_shows_the_steps(seed_window, qtbot):
    quick = run_in_background(seed_window, lambda p: 1, title="快", label="快")
    assert quick.wait() and not quick.dialog.isVisible()
    labels = []

    def work(progress):
        for i in range(1, 4):
            progress.update(i, 3, f"已审核 {i} / 3 份")
            time.sleep(SHOW_AFTER_MS / 1000)
        progress.phase("正在写入……")
        time.sleep(0.3)

    op = run_in_background(seed_window, work, title="批量审核", label="正在查找……")
    qtbot.waitUntil(lambda: op.dialog.isVisible(), timeout=3000)
    assert op.dialog.windowTitle() == "批量审核"
    while op.state == "running":
        labels.append(op.dialog.labelText())
        qtbot.wait(30)
    assert "已审核 2 / 3 份" in labels and "正在写入……" in labels


def test_cancel_answers_at_once_even_when_the_work_does_not_listen(seed_window, qtbot):
    called = []
    op = run_in_background(seed_window, lambda p: time.sleep(3), title="慢", label="慢",
                           on_success=called.append, on_failure=called.append)
    qtbot.waitUntil(lambda: op.dialog.isVisible(), timeout=3000)
    start = time.perf_counter()
    _press_cancel(op, qtbot)
    assert op.state == "cancelled" and time.perf_counter() - start < 0.5
    assert not op.dialog.isVisible() and QApplication.overrideCursor() is None
    qtbot.wait(50)
    assert called == []  # its outcome, whenever it comes, is dropped


def test_failure_is_reported_on_the_gui_thread(seed_window):
    seen = []

    def work(progress):
        raise ValueError("坏了")

    op = run_in_background(seed_window, work, title="t", label="l",
                           on_failure=lambda e: seen.append((str(e), threading.current_thread() is threading.main_thread())))
    assert not op.wait() and op.state == "failed" and seen == [("坏了", True)]


def test_typing_while_work_runs_changes_nothing(seed_window, qtbot):
    seed_window.enter_page("t3")
    view = seed_window.page("t3").view
    view.setCurrentIndex(view.model().index_of("t3.r03.c1"))
    before = dict(seed_window.document.report.values)
    op = run_in_background(seed_window, lambda p: time.sleep(0.6), title="t", label="l")
    qtbot.keyClicks(view, "99")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    op.wait()
    assert seed_window.document.report.values == before


def test_a_slow_file_does_not_freeze_the_window_and_cancel_keeps_the_report(seed_window, qtbot, monkeypatch):
    from core.io import reader

    def stuck(path):  # a hostile file that keeps a reader busy
        time.sleep(2)
        return reader.read_project(Path(path))

    monkeypatch.setattr(reader, "read_any", stuck)
    before = seed_window.document
    op = seed_window.files.open_path(seed(1))
    qtbot.waitUntil(lambda: op.dialog.isVisible(), timeout=3000)
    assert op.dialog.windowTitle() == "打开报告" and "seed001" in op.dialog.labelText()
    _press_cancel(op, qtbot)
    assert op.state == "cancelled" and seed_window.document is before
    qtbot.wait(100)


def _record_progress(monkeypatch) -> list[str]:
    """Record every progress text a background op reports, from the moment it starts."""
    from gui import background

    texts: list[str] = []
    real_update, real_phase = background.Progress.update, background.Progress.phase
    monkeypatch.setattr(background.Progress, "update",
                        lambda self, done, total, text="": (texts.append(text), real_update(self, done, total, text)))
    monkeypatch.setattr(background.Progress, "phase", lambda self, text: (texts.append(text), real_phase(self, text)))
    return texts


def _folder(tmp_path, n):
    folder = tmp_path / "各单位"
    folder.mkdir()
    for i in range(n):
        shutil.copy(seed(i % 5), folder / f"单位{i:03d}.nianbao")
    return folder


@pytest.mark.slow
def test_batch_audit_shows_counts_and_the_writing_phase(window, dialogs, tmp_path, monkeypatch):
    from core import audit

    folder = _folder(tmp_path, 6)
    dialogs.next_folder, dialogs.next_file = str(folder), str(tmp_path / "结果.xlsx")
    real_write = audit.write_audit_xlsx
    monkeypatch.setattr(audit, "write_audit_xlsx", lambda result, path: (time.sleep(0.6), real_write(result, path)))
    seen = _record_progress(monkeypatch)
    op = window.batch_audit()
    assert op.dialog.windowTitle() == "批量审核"  # plain text, not 「批量审核(&B)…」
    assert op.wait()
    assert "已审核 6 / 6 份" in seen and "已审核 6 份，正在写入审核结果……" in seen
    assert (tmp_path / "结果.xlsx").stat().st_size > 0
    assert "共审核 6 份报告" in dialogs.infos[-1][1]


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["checking", "writing"])
def test_batch_audit_cancel_stops_within_half_a_second_and_writes_nothing(window, dialogs, tmp_path, monkeypatch,
                                                                          qtbot, phase):
    from core import audit

    folder = _folder(tmp_path, 8)
    out = tmp_path / "结果.xlsx"
    dialogs.next_folder, dialogs.next_file = str(folder), str(out)
    if phase == "checking":
        real = audit.audit_file
        monkeypatch.setattr(audit, "audit_file", lambda path, baseline=None: (time.sleep(0.3), real(path))[1])
    else:
        real_write = audit.write_audit_xlsx
        monkeypatch.setattr(audit, "write_audit_xlsx",
                            lambda result, path: (time.sleep(1.5), real_write(result, path)))
    texts = _record_progress(monkeypatch)
    op = window.batch_audit()
    wanted = "已审核 1 / 8 份" if phase == "checking" else "已审核 8 份，正在写入审核结果……"
    qtbot.waitUntil(lambda: wanted in texts and op.dialog.isVisible(), timeout=10000)
    start = time.perf_counter()
    _press_cancel(op, qtbot)
    assert op.state == "cancelled" and time.perf_counter() - start < 0.5
    time.sleep(2.0 if phase == "writing" else 0.7)  # let the worker notice and wind down
    qtbot.wait(50)
    assert not out.exists() and not list(tmp_path.glob("*.part.xlsx"))
    assert not dialogs.errors and not dialogs.infos


def test_cancelled_raised_by_the_work_ends_quietly(seed_window):
    def work(progress):
        progress.request_cancel()  # as if 取消 had been pressed: the work stops at its next check
        progress.check()

    op = run_in_background(seed_window, work, title="t", label="l", on_failure=lambda e: pytest.fail(str(e)))
    assert not op.wait() and op.state == "cancelled"


def test_closing_the_window_during_work_stops_waiting_for_it(blank_window, qtbot, dialogs):
    blank_window.fill_zero()  # unsaved: closing asks, and the question must take input
    op = run_in_background(blank_window, lambda p: time.sleep(2), title="t", label="l")
    dialogs.save_answer = "discard"
    assert blank_window.close()
    assert op.state == "cancelled" and QApplication.overrideCursor() is None
    assert dialogs.asked_save


@pytest.mark.slow  # waits out the 4 s after which the dialog used to come back
def test_a_finished_operation_never_shows_its_dialog_again(seed_window, qtbot):
    """Qt arms its own 4-second timer when the progress dialog is made; an operation that ended
    before it (a 从上年报告新建 that took a second) used to bring back a modal 「正在读取……」 that
    blocked the window, long after the report was shown."""
    from PySide6.QtWidgets import QProgressDialog

    op = run_in_background(seed_window, lambda p: time.sleep(SHOW_AFTER_MS / 1000 + 0.3), title="读", label="读")
    qtbot.waitUntil(lambda: op.dialog.isVisible(), timeout=3000)
    assert op.wait() and not op.dialog.isVisible()
    qtbot.wait(4500 - SHOW_AFTER_MS - 300)  # past Qt's own 4 s since the dialog was made
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    assert shown == []
