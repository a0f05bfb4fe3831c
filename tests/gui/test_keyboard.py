"""Keyboard habits from Excel/WPS: page keys, F6, Enter/Tab past totals, Ctrl+Home, F2, Ctrl+D, Ctrl+Enter,
the right-click menu and an accelerator letter on every menu item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import right_click_menu
from .test_focus_and_folders import type_keys

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _grid(window, page="t3"):
    window.enter_page(page)
    window.activateWindow()
    view = window.page(page).view
    view.setFocus()
    return view


def _at(view, ref):
    view.setCurrentIndex(view.model().index_of(ref))


def _ref(view):
    return view.model().ref_at(view.currentIndex())


def test_ctrl_page_keys_and_ctrl_tab_change_page_with_focus_in_it(seed_window, qtbot):
    view = _grid(seed_window)
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)
    assert seed_window.current_page() == "t4"
    assert QApplication.focusWidget() is seed_window.page("t4").view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert seed_window.current_page() == "t2"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL)
    assert seed_window.current_page() == "t3"
    seed_window.enter_page("overview")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)  # from a text editor as well
    assert seed_window.current_page() == "t2"


def test_f6_moves_between_grid_findings_and_page_list(seed_window, qtbot):
    view = _grid(seed_window)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is seed_window.findings.tree
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is seed_window.nav
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_F6, SHIFT)
    assert QApplication.focusWidget() is seed_window.nav


def test_enter_and_tab_skip_the_read_only_totals(seed_window, qtbot):
    view = _grid(seed_window)
    _at(view, "t3.r01.c6")
    type_keys(qtbot, ["5", Qt.Key.Key_Tab])  # past 总计 to the next row
    assert seed_window.document.report.values["t3.r01.c6"] == 5 and _ref(view) == "t3.r02.c1"
    _at(view, "t3.r23.c1")
    type_keys(qtbot, ["2", Qt.Key.Key_Return])  # past （七）总计 to 四、结转下年度
    assert _ref(view) == "t3.r25.c1"
    type_keys(qtbot, [Qt.Key.Key_Up])  # the arrow keys still visit the totals (to read or copy them)
    assert _ref(view) == "t3.r24.c1"
    _at(view, "t3.r05.c6")
    type_keys(qtbot, [Qt.Key.Key_Tab])  # not editing: Tab moves the same way
    assert _ref(view) == "t3.r06.c1"
    type_keys(qtbot, [Qt.Key.Key_Backtab])
    assert _ref(view) == "t3.r05.c6"


def test_ctrl_home_goes_to_the_first_cell_to_fill(seed_window, qtbot):
    view = _grid(seed_window, "t4")
    _at(view, "t4.h3")
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    assert _ref(view) == "t4.f1"
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    assert _ref(view) == "t4.h4"  # the last cell to fill, not the 总计 after it


def test_f2_puts_the_caret_at_the_end(seed_window, qtbot):
    view = _grid(seed_window)
    _at(view, "t3.r03.c1")
    type_keys(qtbot, [Qt.Key.Key_F2, "1", Qt.Key.Key_Return])  # Excel: F2 then typing appends
    assert seed_window.document.report.values["t3.r03.c1"] == 471


def test_ctrl_d_fills_down_and_ctrl_enter_fills_the_selection(seed_window, qtbot):
    view = _grid(seed_window)
    doc = seed_window.document
    view.select_refs(["t3.r03.c2", "t3.r04.c2", "t3.r05.c2"])
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert [doc.report.values[f"t3.r0{r}.c2"] for r in (3, 4, 5)] == [1, 1, 1]
    assert doc.report.values["t3.r05.c7"] == 2  # totals follow
    steps = doc.undo_stack.count()
    view.select_refs(["t3.r06.c1", "t3.r06.c2", "t3.r06.c3"])
    type_keys(qtbot, ["4"])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert [doc.report.values[f"t3.r06.c{i}"] for i in (1, 2, 3)] == [4, 4, 4]
    assert doc.undo_stack.count() == steps + 1  # one step for the whole selection
    seed_window.undo_action.trigger()
    assert doc.report.values["t3.r06.c1"] == 0


def test_right_click_menu_copies_pastes_clears_fills_zero_and_recomputes(window, qtbot):
    window.files.new_report()
    view = _grid(window)
    view.select_refs(["t3.r03.c1", "t3.r03.c2"])
    menu = view.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["复制(&C)", "粘贴(&P)", "清除(&D)", "向下填充(&F)", "所选空白格填 0(&0)", "按分项重新计算合计(&J)"]
    next(a for a in menu.actions() if a.text().startswith("所选空白格填 0")).trigger()
    values = window.document.report.values
    assert values["t3.r03.c1"] == 0 and values["t3.r03.c2"] == 0 and values["t3.r03.c3"] is None
    # the menu really opens on a right click
    seen = right_click_menu(view.viewport(), view.visualRect(view.model().index_of("t3.r04.c1")).center())
    assert "复制(&C)" in seen
    assert _ref(view) == "t3.r04.c1"  # a right click outside the selection moves to that cell


def test_every_menu_item_has_an_accelerator_letter(seed_window):
    def walk(menu, path):
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            assert "&" in action.text(), " › ".join(path + [action.text()])
            if sub is not None:
                sub.aboutToShow.emit()  # 最近打开 fills itself when opened
                walk(sub, path + [action.text()])

    for top in seed_window.menuBar().actions():
        assert "&" in top.text()
        walk(top.menu(), [top.text()])


def test_menu_shortcuts_are_unique(seed_window):
    seen = {}
    for action in seed_window.findChildren(type(seed_window.undo_action)):
        for key in action.shortcuts():
            name = key.toString()
            assert name not in seen or seen[name] is action, f"{name}: {seen.get(name).text()} / {action.text()}"
            seen[name] = action




def _commit(text: str) -> None:
    """What an input method in 全角 mode sends for a key: the text committed at once, no composition."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(QApplication.focusWidget(), event)


def test_full_width_digits_from_an_input_method_are_typed_into_the_cell(seed_window, qtbot):
    """Qt opened the editor on the old value and dropped the committed 「１」: 「１」「２」 then Enter left
    47 in the cell, or put 472 there."""
    view = _grid(seed_window)
    values = seed_window.document.report.values
    _at(view, "t3.r03.c1")
    _commit("１")
    _commit("２")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert values["t3.r03.c1"] == 12
    _at(view, "t3.r03.c2")
    _commit("３０")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert values["t3.r03.c2"] == 30
    _at(view, "t3.r03.c7")  # 总计: computed
    _commit("９")
    assert "自动计算" in view.last_message and QApplication.focusWidget() is view
