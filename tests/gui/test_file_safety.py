"""Two windows on one file, files changed on disk, failing saves, damaged copies, hostile files — in the window."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from core.io import import_worker, project_file
from core.io.doclock import lock_path
from core.io.process_info import host_name
from gui.dialogs.recovery_dialog import KEEP, SALVAGE
from gui.main_window import MainWindow
from gui.recovery import RecoveryStore, recovery_dir

from .conftest import RecordingDialogs, seed

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot) -> MainWindow:
    w = MainWindow(autosave=False)
    qtbot.addWidget(w)
    w.dialogs = RecordingDialogs()
    return w


def _forget(w: MainWindow) -> None:
    """Let teardown close the window without asking."""
    if w.document is not None:
        w.document._unsaved_origin = False
        w.document.undo_stack.setClean()
    w.recovery.discard()


@pytest.fixture
def mine(tmp_path) -> Path:
    path = tmp_path / "本县年报.nianbao"
    shutil.copy(seed(3), path)
    return path


def test_a_second_window_is_told_the_file_is_in_use_and_opens_it_read_only(qtbot, mine):
    first = _window(qtbot)
    assert first.files.open_path(mine).wait()
    assert lock_path(mine).exists() and first.document.lock.held
    second = _window(qtbot)
    second.dialogs.locked_answer = "readonly"
    assert second.files.open_path(mine).wait()
    (name, owner), = second.dialogs.asked_locked
    assert name == mine.name and "本机" in owner
    doc = second.document
    assert doc.read_only and doc.path == mine and "只读" in doc.display_name()
    doc.set_text("other", "第二个窗口的修改")
    second.dialogs.next_file = str(mine.with_name("另存.nianbao"))
    assert second.files.save()  # Ctrl+S on a read-only file: 另存为
    assert project_file.load(mine.with_name("另存.nianbao")).text["other"] == "第二个窗口的修改"
    assert project_file.load(mine).text["other"] != "第二个窗口的修改"
    assert not second.document.read_only and second.document.lock.held  # it owns the new file
    first.close()
    assert not lock_path(mine).exists()
    _forget(second)


def test_reopening_the_file_this_window_has_open_is_not_told_it_is_in_use(qtbot, mine):
    """最近打开 on the file already open, to go back to its saved version after 不保存: the window's own
    lock made it 「正在被 用户…（本机）使用」 and the report came back read-only."""
    w = _window(qtbot)
    assert w.files.open_path(mine).wait()
    w.document.push_changes({"t3.r03.c1": 5}, "试填")
    w.dialogs.save_answer = "discard"
    assert w.files.open_path(mine, ask=True).wait()
    assert w.dialogs.asked_save and w.dialogs.asked_locked == []
    doc = w.document
    assert not doc.read_only and doc.lock.held and lock_path(mine).exists()
    assert doc.report.values["t3.r03.c1"] == project_file.load(mine).values["t3.r03.c1"] != 5
    doc.set_text("other", "重新打开后的修改")
    assert w.files.save() and project_file.load(mine).text["other"] == "重新打开后的修改"
    second = _window(qtbot)  # another window still finds it in use
    second.dialogs.locked_answer = "cancel"
    second.files.open_path(mine).wait()
    assert second.dialogs.asked_locked
    w.close()
    assert not lock_path(mine).exists()


def test_a_second_window_can_open_a_copy_instead(qtbot, mine):
    first = _window(qtbot)
    first.files.open_path(mine).wait()
    second = _window(qtbot)
    second.dialogs.locked_answer = "copy"
    assert second.files.open_path(mine).wait()
    assert second.document.path is None and second.document.is_modified
    second.dialogs.locked_answer = "cancel"
    third = _window(qtbot)
    third.dialogs.locked_answer = "cancel"
    third.files.open_path(mine).wait()
    assert third.document is None  # nothing opened, nothing changed
    for w in (first, second):
        _forget(w)


def test_a_file_locked_on_another_computer_names_it(qtbot, mine):
    lock_path(mine).write_text(json.dumps({"user": "li", "host": "科室电脑-2", "pid": 4242,
                                           "since": "2026-01-06T10:30:00"}), encoding="utf-8")
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    (_, owner), = w.dialogs.asked_locked
    assert "用户 li" in owner and "电脑 科室电脑-2" in owner and "2026年1月6日 10:30" in owner
    _forget(w)


def test_save_as_over_a_file_open_elsewhere_is_refused(qtbot, mine, tmp_path):
    other = tmp_path / "别人的.nianbao"
    shutil.copy(seed(1), other)
    holder = _window(qtbot)
    holder.files.open_path(other).wait()
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    w.dialogs.next_file = str(other)
    before = other.read_bytes()
    assert not w.files.save_as()
    assert "正由" in w.dialogs.errors[-1][1] and other.read_bytes() == before
    for x in (holder, w):
        _forget(x)


def test_saving_over_a_file_changed_on_disk_asks_first(qtbot, mine):
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    w.document.set_text("other", "窗口里的修改")
    theirs = project_file.load(mine)
    theirs.text["problems"] = "别处保存的修改"
    project_file.save(theirs, mine, backup=False)  # another program saves meanwhile
    w.dialogs.changed_answer = "cancel"
    assert not w.files.save()
    assert w.dialogs.asked_changed == [mine.name]
    assert project_file.load(mine).text["problems"] == "别处保存的修改"
    w.dialogs.changed_answer = "save_as"
    w.dialogs.next_file = str(mine.with_name("核对后.nianbao"))
    assert w.files.save()
    assert project_file.load(mine).text["problems"] == "别处保存的修改"  # still theirs
    w.files.open_path(mine).wait()
    w.document.set_text("other", "再改")
    assert w.files.save()  # unchanged on disk since this open: no question
    assert len(w.dialogs.asked_changed) == 2  # asked for the two saves above, not for this one
    _forget(w)


@pytest.mark.parametrize("failure", [RuntimeError("unexpected"), UnicodeEncodeError("utf-8", "x", 0, 1, "bad"),
                                     OSError(28, "No space left on device")])
def test_ctrl_s_that_fails_says_so_in_chinese_and_keeps_the_document(qtbot, mine, monkeypatch, failure):
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    w.document.set_text("other", "不能丢的文字")

    def boom(*a, **k):
        raise failure

    monkeypatch.setattr(project_file, "save", boom)
    assert not w.files.save()
    title, text = w.dialogs.errors[-1]
    assert "无法保存" in title and any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert "No space" not in text and "Errno" not in text
    assert w.document.is_modified and w.document.report.text["other"] == "不能丢的文字"
    monkeypatch.undo()
    assert w.files.autosave_now() is not None  # the work is still there to autosave
    _forget(w)


def test_autosave_that_fails_keeps_the_editor_going(qtbot, mine, monkeypatch):
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    w.document.set_text("other", "文字")
    monkeypatch.setattr(w.recovery, "write", lambda *a, **k: (_ for _ in ()).throw(ValueError("deep keys")))
    assert w.files.autosave_now() is None
    assert "出现意外错误" in w.statusBar().currentMessage()
    assert w.document.needs_autosave()  # tried again at the next tick
    _forget(w)


def test_export_excel_with_words_vertical_tab_works(qtbot, mine, tmp_path):
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    w.document.set_text("overview", "第一行\x0b第二行")  # Word's manual line break, pasted
    out = tmp_path / "导出.xlsx"
    w.dialogs.next_file = str(out)
    op = w.exports.export("xlsx")
    assert op.wait() and out.exists()
    assert not w.dialogs.errors
    _forget(w)


def test_suggested_file_names_are_valid_on_windows(qtbot, tmp_path):
    w = _window(qtbot)
    w.files.new_report()
    w.document.report.meta["unit"] = '某县/办公室:"一"<二>|*?'
    w.files.save_as()
    name = Path(w.dialogs.suggested[-1]).name
    assert not any(c in name for c in '/:?"<>|*') and name.endswith(".nianbao") and name.startswith("某县_办公室_")
    w.exports.export("docx")
    assert not any(c in Path(w.dialogs.suggested[-1]).name for c in '/:?"<>|*')
    _forget(w)


def test_a_damaged_recovery_copy_is_kept_and_its_text_offered(qtbot):
    store = RecoveryStore()
    report = project_file.load(seed(1))
    store.write(report, None, "断电时的报告")
    store.abandon()
    raw = store.path.read_bytes()
    store.path.write_bytes(raw[: len(raw) * 2 // 3])
    (recovery_dir() / f"{store.key}.json").unlink()  # and its sidecar lost too
    w = _window(qtbot)
    assert not w.files.offer_recovery()  # RecordingDialogs: restores what can be, keeps the rest
    (entry,) = w.dialogs.recovery_offered
    assert entry.problem() and "恢复副本" in entry.problem() and "不是年报助手" not in entry.problem()
    assert store.path.exists()  # kept
    w.dialogs.restore_answer = lambda entries: {e.key: SALVAGE for e in entries}
    w.files.offer_recovery()
    assert w.document.report.text["preface"] == report.text["preface"]
    assert w.document.report.meta["unit"] == report.meta["unit"] and w.document.is_modified
    assert store.path.exists()  # still kept until the clerk discards it
    w.dialogs.restore_answer = lambda entries: {e.key: KEEP for e in entries}
    _forget(w)


def test_a_window_opened_with_a_relative_path_is_restored_to_the_right_file(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "年报"
    folder.mkdir()
    shutil.copy(seed(2), folder / "r.nianbao")
    monkeypatch.chdir(folder)
    crashed = _window(qtbot)
    crashed.files.open_path("r.nianbao").wait()
    crashed.document.set_text("other", "崩溃前")
    assert crashed.files.autosave_now() is not None
    crashed.recovery.abandon()
    crashed.document.lock.release()  # the process "dies"
    crashed.document.undo_stack.setClean()
    crashed.document._unsaved_origin = False
    monkeypatch.chdir(tmp_path)  # restarted from elsewhere
    w = _window(qtbot)
    assert w.files.offer_recovery()
    assert w.document.path.is_absolute() and w.document.path == folder / "r.nianbao"
    assert w.files.save()
    assert project_file.load(folder / "r.nianbao").text["other"] == "崩溃前"
    assert not (tmp_path / "r.nianbao").exists()
    _forget(w)


def test_restoring_over_a_file_changed_after_the_crash_asks_before_saving(qtbot, mine):
    crashed = _window(qtbot)
    crashed.files.open_path(mine).wait()
    crashed.document.set_text("other", "崩溃前的修改")
    crashed.files.autosave_now()
    crashed.recovery.abandon()
    crashed.document.lock.release()
    crashed.document.undo_stack.setClean()
    crashed.document._unsaved_origin = False
    later = project_file.load(mine)
    later.text["problems"] = "崩溃后别人保存的"
    project_file.save(later, mine)
    w = _window(qtbot)
    assert w.files.offer_recovery()
    w.dialogs.changed_answer = "cancel"
    assert not w.files.save()
    assert w.dialogs.asked_changed == [mine.name]
    _forget(w)


def test_bad_project_files_open_with_a_message_quickly(qtbot, tmp_path):
    from tests.core.hostile_projects import write_all, write_out_of_range

    w = _window(qtbot)
    for name, path in write_all(tmp_path).items():
        t0 = time.perf_counter()
        assert not w.files.open_path(path).wait(), name
        assert time.perf_counter() - t0 < 5, name
        title, text = w.dialogs.errors[-1]
        assert path.name in title and "Traceback" not in text and any("\u4e00" <= c <= "\u9fff" for c in text)
    for name, (path, ref) in write_out_of_range(tmp_path).items():
        assert w.files.open_path(path).wait(), name
        assert any(ref in f.cells and f.rule == "E-CELL-INT" for f in w.document.findings()), name
    _forget(w)


def test_a_hostile_document_cannot_freeze_the_window(qtbot, tmp_path, monkeypatch):
    from tests.core import hostile_samples as h

    slow = h.write(tmp_path, "网上下载的.txt", h.slow_text())  # within every cap, seconds to read
    monkeypatch.setattr(import_worker, "READ_SECONDS", 1.0)
    w = _window(qtbot)
    t0 = time.perf_counter()
    op = w.files.open_path(slow)
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer(interval=50, timeout=lambda: ticks.append(time.perf_counter()))
    timer.start()
    assert not op.wait()
    timer.stop()
    assert time.perf_counter() - t0 < 10
    assert "读取超时" in w.dialogs.errors[-1][1]
    assert len(ticks) >= 5 and max(b - a for a, b in zip(ticks, ticks[1:])) < 1.0  # the window kept running
    assert w.document is None


def test_lock_files_name_this_computer_and_go_when_the_window_closes(qtbot, mine):
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    data = json.loads(lock_path(mine).read_text(encoding="utf-8"))
    assert data["host"] == host_name() and data["pid"] == os.getpid()
    w.close()
    assert not lock_path(mine).exists()


def test_export_that_fails_before_writing_says_so(qtbot, mine, monkeypatch):
    w = _window(qtbot)
    w.files.open_path(mine).wait()
    monkeypatch.setattr(w.document, "report_copy", lambda: (_ for _ in ()).throw(RecursionError("deep keys")))
    w.dialogs.next_file = str(mine.with_name("x.xlsx"))
    assert w.exports.export("xlsx") is None
    title, text = w.dialogs.errors[-1]
    assert title == "导出失败" and "RecursionError" in text and w.document is not None
    _forget(w)
