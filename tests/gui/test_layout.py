"""Old screens: at 1024×768 every column of 表三 and 表四 is on screen with the findings panel open;
at 1366×768 the panel sits beside the page as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics


def _fit(window, qtbot, width, height=768):
    window.showNormal()
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    for _ in range(3):
        qtbot.wait(10)


@pytest.mark.parametrize("table", ["t3", "t4"])
@pytest.mark.parametrize("width", [1024, 1366])
def test_every_column_is_on_screen_with_the_findings_panel_open(seed_window, qtbot, width, table):
    _fit(seed_window, qtbot, width)
    seed_window.show_page(table)
    view = seed_window.page(table).view
    qtbot.wait(20)
    assert seed_window.findings_dock.isVisible()
    total = sum(view.columnWidth(c) for c in range(view.model().columnCount()))
    assert total <= view.viewport().width() and not view.horizontalScrollBar().isVisible()
    right = view.columnViewportPosition(view.model().columnCount() - 1) + view.columnWidth(view.model().columnCount() - 1)
    assert right <= view.viewport().width()
    if table == "t3":  # the item labels stay readable: no label wraps to more than two lines
        fm = QFontMetrics(view.font())
        two_lines = fm.boundingRect(QRect(0, 0, 100, 1000), int(Qt.TextFlag.TextWordWrap), "国\n国").height()
        for g in view.model().spec.grid:
            if g.role == "label" and g.rowspan == 1 and g.ref is None:
                assert view.rowHeight(g.row) <= two_lines + 8, g.text


def test_the_panel_docks_under_the_page_on_a_narrow_screen_and_beside_it_on_a_wide_one(seed_window, qtbot):
    _fit(seed_window, qtbot, 1024)
    assert seed_window.dockWidgetArea(seed_window.findings_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    _fit(seed_window, qtbot, 1366)
    assert seed_window.dockWidgetArea(seed_window.findings_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_panel_the_clerk_placed_stays_where_it_is(seed_window, qtbot):
    seed_window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, seed_window.findings_dock)  # dragged there
    _fit(seed_window, qtbot, 1024)
    assert seed_window.dockWidgetArea(seed_window.findings_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_a_narrow_grid_keeps_its_label_column_readable_and_scrolls(seed_window, qtbot):
    _fit(seed_window, qtbot, 800, 600)
    seed_window.show_page("t3")
    view = seed_window.page("t3").view
    qtbot.wait(20)
    fm = QFontMetrics(view.font())
    assert view.columnWidth(2) >= fm.horizontalAdvance("国" * 12)  # 12 characters of the item labels
    assert min(view.columnWidth(c) for c in range(3, 10)) >= 50


# saveGeometry() of a 1366×768 window on a 1366×768 X11 screen (Qt 6.11, openbox)
_SAVED_AT_1366 = ("01d9d0cb0003000000000000000000000000055700000318000000010000001400000556000003130000000000000000"
                  "055600000001000000140000055600000313")


def test_a_window_saved_on_a_bigger_screen_fits_this_one(qtbot):
    """Settings written at 1366×768 and the program started on a smaller screen (a 1024×768 monitor, a
    remote session): Qt refuses the saved geometry and the window used to come back 1366 wide, shown
    as it was, with 总计 and the findings panel past the screen's edge."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    screen = QApplication.primaryScreen().availableGeometry()  # 800×800 on the offscreen platform
    assert screen.width() < 1366
    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    assert window.restore_layout(QByteArray.fromHex(_SAVED_AT_1366.encode()), None) is False  # start maximized
    assert window.width() <= screen.width() and window.height() <= screen.height()
    window.resize(700, 500)
    small = MainWindow(autosave=False)
    qtbot.addWidget(small)
    assert small.restore_layout(window.saveGeometry(), window.saveState()) is True
    assert small.size() == window.size()
