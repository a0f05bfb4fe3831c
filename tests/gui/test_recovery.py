"""Autosave to a recovery copy and restore after a crash; the user's own file is never touched."""

from __future__ import annotations

import shutil

from core.io import project_file
from gui.main_window import MainWindow
from gui.recovery import recovery_dir

from .conftest import RecordingDialogs, seed


def test_autosave_writes_a_recovery_copy_not_the_users_file(window, tmp_path):
    mine = tmp_path / "mine.nianbao"
    shutil.copy(seed(3), mine)
    original = mine.read_bytes()
    window.files.open_path(mine).wait()
    assert window.files.autosave_now() is None  # nothing unsaved yet
    model = window.page("t4").view.model()
    model.setData(model.index_of("t4.f1"), "7")
    path = window.files.autosave_now()
    assert path is not None and path.parent == recovery_dir()
    assert mine.read_bytes() == original
    assert project_file.load(path).values["t4.f1"] == 7
    assert window.files.autosave_now() is None  # unchanged since: not written again
    window.files.save()
    assert not path.exists()  # saved: the recovery copy has served its purpose


def test_restore_after_a_crash(qtbot, tmp_path):
    mine = tmp_path / "mine.nianbao"
    shutil.copy(seed(3), mine)
    crashed = MainWindow(autosave=False)
    qtbot.addWidget(crashed)
    crashed.dialogs = RecordingDialogs()
    crashed.files.open_path(mine).wait()
    crashed.document.set_text("problems", "断电前写的内容")
    assert crashed.files.autosave_now() is not None
    crashed.recovery.abandon()  # the process "dies": lock released, copy left behind
    crashed.document.undo_stack.setClean()

    nxt = MainWindow(autosave=False)
    qtbot.addWidget(nxt)
    nxt.dialogs = RecordingDialogs()
    assert nxt.files.offer_recovery()
    doc = nxt.document
    assert doc.report.text["problems"] == "断电前写的内容"
    assert doc.is_modified and doc.path == mine  # saving goes to the user's file, when they choose
    assert project_file.load(mine).text["problems"] != "断电前写的内容"
    # the copy now belongs to the new session; a third start finds nothing to offer
    third = MainWindow(autosave=False)
    qtbot.addWidget(third)
    third.dialogs = RecordingDialogs()
    assert not third.files.offer_recovery()
    assert third.document is None  # nothing restored: the start page
    nxt.document.undo_stack.setClean()
    nxt.document._unsaved_origin = False
    for w in (nxt, third):
        w.recovery.discard()


def test_declining_restore_removes_the_copy(qtbot):
    crashed = MainWindow(autosave=False)
    qtbot.addWidget(crashed)
    crashed.dialogs = RecordingDialogs()
    crashed.files.new_report()
    crashed.fill_zero()
    crashed.files.autosave_now()
    crashed.recovery.abandon()
    crashed.document.undo_stack.setClean()
    nxt = MainWindow(autosave=False)
    qtbot.addWidget(nxt)
    nxt.dialogs = RecordingDialogs()
    nxt.dialogs.restore_answer = False
    assert not nxt.files.offer_recovery()
    assert not list(recovery_dir().glob("*.nianbao"))


def test_a_running_window_keeps_its_copy(qtbot):
    alive = MainWindow(autosave=False)
    qtbot.addWidget(alive)
    alive.dialogs = RecordingDialogs()
    alive.files.new_report()
    alive.fill_zero()
    alive.files.autosave_now()
    other = MainWindow(autosave=False)
    qtbot.addWidget(other)
    other.dialogs = RecordingDialogs()
    assert other.recovery.orphans() == []  # still locked by a live session
    alive.document.undo_stack.setClean()
    alive.recovery.discard()
