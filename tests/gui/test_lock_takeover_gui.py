"""仍要编辑: a lock another computer left is taken over only after the clerk is told whose it is and confirms;
the window that lost it is told before it saves over the other's work."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox

from core.io import project_file
from core.io.doclock import lock_path
from core.io.process_info import host_name
from gui.dialogs.questions import Dialogs

from .conftest import seed
from .test_file_safety import _forget, _window

OTHER = {"user": "li", "host": "科室电脑-2", "pid": 4242, "since": "2026-01-06T10:30:00", "token": "abcd"}


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "本县年报.nianbao"
    shutil.copy(seed(3), path)
    return path


def _left_there(path):
    lock_path(path).write_text(json.dumps(OTHER, ensure_ascii=False), encoding="utf-8")


def test_taking_over_after_confirming_makes_the_file_editable(qtbot, mine):
    _left_there(mine)
    w = _window(qtbot)
    w.dialogs.locked_answer = "takeover"
    w.dialogs.take_over_answers = [True]
    assert w.files.open_path(mine).wait()
    assert w.dialogs.take_over_offered == [True]
    (name, left_by, computer), = w.dialogs.asked_take_over
    assert name == mine.name and computer == "科室电脑-2"
    assert left_by == "电脑 科室电脑-2 上的用户 li 于 2026年1月6日 10:30"
    doc = w.document
    assert not doc.read_only and doc.lock.held and doc.lock.taken_from.host == "科室电脑-2"
    assert json.loads(lock_path(mine).read_text(encoding="utf-8"))["host"] == host_name()
    assert "已接管" in w.statusBar().currentMessage() and "科室电脑-2" in w.statusBar().currentMessage()
    doc.set_text("other", "接管后的修改")
    assert w.files.save()
    assert project_file.load(mine).text["other"] == "接管后的修改"
    w.close()
    assert not lock_path(mine).exists()


def test_not_confirming_asks_the_first_question_again(qtbot, mine):
    _left_there(mine)
    w = _window(qtbot)
    w.dialogs.locked_answer = "takeover"
    w.dialogs.take_over_answers = [False]  # then 取消 (the recorder answers "cancel" the second time)
    w.files.open_path(mine).wait()
    assert len(w.dialogs.asked_locked) == 2 and len(w.dialogs.asked_take_over) == 1
    assert w.document is None
    assert json.loads(lock_path(mine).read_text(encoding="utf-8"))["token"] == "abcd"  # never silently


def test_a_window_on_this_computer_is_never_taken_over(qtbot, mine):
    first = _window(qtbot)
    assert first.files.open_path(mine).wait()
    second = _window(qtbot)
    second.dialogs.locked_answer = "takeover"  # not offered: whatever it says, nothing is broken
    second.files.open_path(mine).wait()
    assert second.dialogs.take_over_offered == [False] and second.dialogs.asked_take_over == []
    assert second.document is None and first.document.lock.lost_to() is None
    _forget(first)


def test_the_window_that_lost_its_lock_is_asked_before_saving(qtbot, mine):
    w = _window(qtbot)
    assert w.files.open_path(mine).wait()
    w.document.set_text("other", "这边的修改")
    _left_there(mine)  # the other computer took it over (what its window writes)
    w.dialogs.lock_lost_answer = "cancel"
    assert not w.files.save()
    (name, owner), = w.dialogs.asked_lock_lost
    assert name == mine.name and "科室电脑-2" in owner
    assert project_file.load(mine).text["other"] != "这边的修改"
    w.dialogs.lock_lost_answer = "save_as"
    w.dialogs.next_file = str(mine.with_name("这边的版本.nianbao"))
    assert w.files.save()
    assert project_file.load(mine.with_name("这边的版本.nianbao")).text["other"] == "这边的修改"
    _forget(w)


def _answer_box(check: bool, click: str, seen: list):
    """Look at the open message box, tick its check box if asked, and click the button ``click``."""
    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(30, act)
            return
        buttons = {b.text(): b for b in box.buttons()}
        sure = box.findChild(QCheckBox)
        seen.append((box.text(), sure.text() if sure else "", {t: b.isEnabled() for t, b in buttons.items()}))
        if check and sure is not None:
            sure.setChecked(True)
            seen.append({t: b.isEnabled() for t, b in buttons.items()})
        buttons[click].click()
    QTimer.singleShot(30, act)


def test_the_real_questions_name_the_owner_and_need_the_tick(qtbot):
    dialogs = Dialogs(None)
    seen: list = []
    _answer_box(False, "仍要编辑…", seen)
    assert dialogs.ask_locked("本县年报.nianbao", "用户 li（电脑 科室电脑-2）自 2026年1月6日 10:30 起",
                              can_take_over=True) == "takeover"
    text, _, buttons = seen[0]
    assert "正由用户 li（电脑 科室电脑-2）" in text and "死机或断电" in text
    assert set(buttons) == {"只读打开", "打开副本", "仍要编辑…", "取消"}  # the order is the platform's

    seen.clear()
    _answer_box(False, "只读打开", seen)
    assert dialogs.ask_locked("a.nianbao", "用户 zhang（本机）") == "readonly"
    assert "仍要编辑…" not in seen[0][2]

    seen.clear()
    _answer_box(True, "接管并编辑", seen)
    assert dialogs.confirm_take_over("本县年报.nianbao", "电脑 科室电脑-2 上的用户 li 于 2026年1月6日 10:30",
                                     "科室电脑-2")
    text, tick, before = seen[0]
    assert "锁是电脑 科室电脑-2 上的用户 li 于 2026年1月6日 10:30 打开这个文件时留下的" in text
    assert "修改就会丢失" in text and tick == "我已确认电脑 科室电脑-2 上没有打开这个文件"
    assert before["接管并编辑"] is False and seen[1]["接管并编辑"] is True  # only once ticked

    seen.clear()
    _answer_box(False, "取消", seen)
    assert not dialogs.confirm_take_over("本县年报.nianbao", "电脑 科室电脑-2 上的用户 li", "科室电脑-2")
