"""With no report open the window shows a start page: 新建本年度报告, 从上年报告新建, 打开, recent files."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from gui import settings
from gui.views.start_page import PATH_ROLE

from .conftest import seed


def test_the_window_starts_on_the_start_page_not_on_a_blank_report(window):
    assert window.document is None
    assert window.central.currentWidget() is window.start_page
    assert not window.findings_dock.isVisible()
    assert window.windowTitle() == "政府信息公开年报助手"
    assert window.counts_label.text() == ""  # no 「七个警告」 of an empty report
    save = next(a for a in window.report_actions if a.text() == "保存(&S)")
    assert not save.isEnabled()


def test_new_report_from_the_start_page(window, qtbot):
    qtbot.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
    assert window.document is not None and window.document.report.meta["unit"] == "测试县人民政府办公室"
    assert window.central.currentWidget() is window.editor_area and window.findings_dock.isVisible()
    assert window.current_page() == "meta"
    assert all(a.isEnabled() for a in window.report_actions)


def test_new_from_last_year_and_open_from_the_start_page(window, dialogs, qtbot):
    dialogs.next_file = str(seed(3))
    qtbot.mouseClick(window.start_page.buttons["new_year"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document.report.meta["year"] == 2025 and window.document.path is None
    window.document.undo_stack.setClean()
    window.document._unsaved_origin = False
    window.set_document(None)
    qtbot.mouseClick(window.start_page.buttons["open"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document.path == seed(3)


def test_recent_files_are_listed_and_open_with_one_click(window, qtbot, tmp_path, dialogs):
    mine = tmp_path / "本单位2025年度年报.nianbao"
    shutil.copy(seed(1), mine)
    settings.add_recent_file(mine)
    gone = tmp_path / "已删除.nianbao"
    settings.add_recent_file(gone)  # deleted since
    window.start_page.refresh()
    recent = window.start_page.recent
    items = [recent.item(i) for i in range(recent.count())]
    assert [i.data(PATH_ROLE) for i in items] == [str(gone.resolve()), str(mine.resolve())]
    assert items[1].text().startswith("本单位2025年度年报.nianbao\n")
    assert items[0].text().startswith("已删除.nianbao（找不到此文件）")
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=recent.visualItemRect(items[0]).center())
    assert dialogs.errors and "找不到" in dialogs.errors[-1][1]
    assert str(gone.resolve()) not in settings.recent_files()
    assert window.start_page.recent.count() == 1
    item = window.start_page.recent.item(0)
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=recent.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document.path == mine.resolve() or window.document.path == mine


def test_no_recent_files_says_so(window, qtbot):
    recent = window.start_page.recent
    assert recent.count() == 1 and recent.item(0).text() == "还没有打开过的报告。"
    assert not window.start_page.has_recent()
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=recent.visualItemRect(recent.item(0)).center())
    assert window.document is None  # the note is not a file to open
