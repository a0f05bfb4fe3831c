"""Spreadsheet behaviour of the table view: clipboard, keyboard, messages at the cell."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from core.io import project_file
from gui import settings
from gui.paste import read_clipboard as parse_clipboard, to_tsv

from .conftest import seed

EXCEL_3x7 = "5\t1\t0\t0\t0\t0\t6\r\n2\t0\t0\t1\t0\t0\t3\r\n40\t1\t0\t0\t0\t0\t41\r\n"


def test_parse_excel_text_with_crlf_and_trailing_line_end():
    assert parse_clipboard(EXCEL_3x7) == [
        ["5", "1", "0", "0", "0", "0", "6"], ["2", "0", "0", "1", "0", "0", "3"],
        ["40", "1", "0", "0", "0", "0", "41"]]


def test_parse_quoted_cells_and_single_values():
    text = '"1,234"\t"a\tb"\t"say ""hi"""\r\n"two\nlines"\t7\r\n'
    assert parse_clipboard(text) == [["1,234", "a\tb", 'say "hi"'], ["two\nlines", "7"]]
    assert parse_clipboard("42\r\n") == [["42"]]
    assert parse_clipboard("12 3  0\u30000 1 0 16\n") == [["12", "3", "0", "0", "1", "0", "16"]]
    assert parse_clipboard("1\n2\n3\n") == [["1"], ["2"], ["3"]]
    assert parse_clipboard("") == []


def test_tsv_round_trip():
    rows = [["1", "a\tb"], ['x"y', "two\nlines"]]
    text = to_tsv(rows)
    assert text.endswith("\r\n")
    assert parse_clipboard(text) == rows


def _table(window, table="t3"):
    window.show_page(table)
    return window.pages[table].view


def test_paste_3x7_block_lands_and_undoes_in_one_step(seed_window, qtbot):
    view = _table(seed_window)
    doc = seed_window.document
    before = dict(doc.report.values)
    steps = doc.undo_stack.count()
    view.setCurrentIndex(view.model().index_of("t3.r03.c1"))
    QGuiApplication.clipboard().setText(EXCEL_3x7)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    values = doc.report.values
    assert [values[f"t3.r03.c{i}"] for i in range(1, 8)] == [5, 1, 0, 0, 0, 0, 6]
    assert [values[f"t3.r04.c{i}"] for i in range(1, 8)] == [2, 0, 0, 1, 0, 0, 3]
    assert [values[f"t3.r05.c{i}"] for i in range(1, 8)] == [40, 1, 0, 0, 0, 0, 41]
    assert values["t3.r06.c1"] == before["t3.r06.c1"]  # the trailing line end pasted nothing
    assert values["t3.r24.c1"] != before["t3.r24.c1"]  # the column total followed
    assert doc.undo_stack.count() == steps + 1
    assert sorted(view.selected_refs()) == sorted(f"t3.r0{r}.c{i}" for r in (3, 4, 5) for i in range(1, 8))
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.report.values == before
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [doc.report.values[f"t3.r03.c{i}"] for i in range(1, 8)] == [5, 1, 0, 0, 0, 0, 6]


def test_paste_with_text_in_a_number_cell_is_refused_whole(seed_window):
    view = _table(seed_window)
    doc = seed_window.document
    before = dict(doc.report.values)
    view.setCurrentIndex(view.model().index_of("t3.r03.c1"))
    assert not view.paste_text("5\t1\r\n2\t三件\r\n")
    assert doc.report.values == before
    assert doc.undo_stack.count() == 0
    assert view.message_visible() and "三件" in view.last_message and "取消粘贴" in view.last_message


def test_paste_one_row_of_space_separated_numbers(seed_window):
    view = _table(seed_window)
    view.setCurrentIndex(view.model().index_of("t3.r13.c1"))
    assert view.paste_text("30 1 0 0 0 0 31")
    values = seed_window.document.report.values
    assert [values[f"t3.r13.c{i}"] for i in range(1, 8)] == [30, 1, 0, 0, 0, 0, 31]


def test_copy_gives_tab_separated_text(seed_window):
    view = _table(seed_window)
    view.select_refs(["t3.r01.c1", "t3.r01.c2", "t3.r02.c1", "t3.r02.c2"])
    assert view.copy() == "83\t1\r\n1\t0\r\n"
    assert QGuiApplication.clipboard().text() == "83\t1\r\n1\t0\r\n"


def test_typing_replaces_and_enter_moves_down(seed_window, qtbot):
    view = _table(seed_window)
    model = view.model()
    view.setFocus()
    view.setCurrentIndex(model.index_of("t3.r03.c1"))
    qtbot.keyClicks(view, "1")
    editor = view.focusWidget()
    qtbot.keyClicks(editor, "2")
    assert isinstance(editor, QLineEdit) and editor.text() == "12"  # typing replaced the old "47"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert seed_window.document.report.values["t3.r03.c1"] == 12
    assert seed_window.document.report.values["t3.r03.c7"] == 13
    assert model.ref_at(view.currentIndex()) == "t3.r04.c1"
    settings.set_enter_direction("right")
    qtbot.keyClicks(view, "3")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Enter)
    assert seed_window.document.report.values["t3.r04.c1"] == 3
    assert model.ref_at(view.currentIndex()) == "t3.r04.c2"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert model.ref_at(view.currentIndex()) == "t3.r04.c3"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert model.ref_at(view.currentIndex()) == "t3.r03.c2"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # labels are not cells to land on
    assert model.ref_at(view.currentIndex()) == "t3.r03.c1"


def test_typing_text_is_refused_at_the_cell(seed_window, qtbot):
    view = _table(seed_window)
    view.setFocus()
    view.setCurrentIndex(view.model().index_of("t3.r03.c2"))
    qtbot.keyClicks(view, "abc")
    editor = view.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert view.message_visible() and "不是数字" in view.last_message
    assert view.state() == view.State.EditingState  # the editor stays open with the text
    assert seed_window.document.report.values["t3.r03.c2"] == 1
    assert "不是数字" in seed_window.statusBar().currentMessage()


def test_typing_on_a_total_says_it_is_computed(seed_window, qtbot):
    view = _table(seed_window)
    view.setFocus()
    view.setCurrentIndex(view.model().index_of("t3.r03.c7"))
    qtbot.keyClicks(view, "9")
    assert "自动计算" in view.last_message
    assert seed_window.document.report.values["t3.r03.c7"] == 48


def test_delete_clears_selection_in_one_step(seed_window, qtbot):
    view = _table(seed_window)
    doc = seed_window.document
    view.select_refs(["t3.r03.c1", "t3.r03.c2", "t3.r03.c7"])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert doc.report.values["t3.r03.c1"] is None and doc.report.values["t3.r03.c2"] is None
    assert doc.report.values["t3.r03.c7"] == 0  # the total follows; c3..c6 still hold 0
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.report.values["t3.r03.c1"] == 47 and doc.report.values["t3.r03.c7"] == 48


def test_fill_blank_with_zero_is_one_step(blank_window):
    window = blank_window
    doc = window.document
    window.fill_zero()
    assert all(v is not None for v in doc.report.values.values())
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert all(v is None for v in doc.report.values.values())


def test_rows_sized_once_not_per_edit(seed_window, qtbot, monkeypatch):
    view = _table(seed_window)
    calls = []
    from gui.views import table_view

    monkeypatch.setattr(table_view, "row_heights", lambda *a: calls.append(1) or [])
    view.model().setData(view.model().index_of("t3.r03.c1"), "46")
    assert calls == []


def test_project_seed_loaded(seed_window):
    assert seed_window.document.report.values == project_file.load(seed(3)).values


class _PaintedArea(QObject):
    """Adds up the area the grid repaints (the cost of an edit is mostly painting)."""

    def __init__(self):
        super().__init__()
        self.area = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.area += sum(r.width() * r.height() for r in event.region())
        return False


def _painted_share(view, action) -> float:
    """Return how much of the visible grid ``action`` repaints (1.0: all of it)."""
    for _ in range(3):
        QApplication.processEvents()
    probe = _PaintedArea()
    view.viewport().installEventFilter(probe)
    action()
    for _ in range(3):
        QApplication.processEvents()
    view.viewport().removeEventFilter(probe)
    return probe.area / (view.viewport().width() * view.viewport().height())


def test_typing_a_number_repaints_only_the_cells_it_changes(seed_window, qtbot):
    view = _table(seed_window)
    view.setFocus()
    model = view.model()
    view.setCurrentIndex(model.index_of("t3.r05.c2"))

    def type_and_enter():
        qtbot.keyClicks(view, "7")
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)

    assert _painted_share(view, type_and_enter) < 0.1  # it was the whole grid, twice
    assert seed_window.document.report.values["t3.r05.c2"] == 7
    # …also when moving on scrolls the grid
    visible = [g for g in model.spec.grid if g.ref and g.col == 3 and model.is_editable(model.index(g.row, 3))
               and view.viewport().rect().contains(view.visualRect(model.index(g.row, 3)))]
    view.setCurrentIndex(model.index(max(g.row for g in visible), 3))
    before = view.verticalScrollBar().value()
    assert _painted_share(view, type_and_enter) < 0.25
    assert view.verticalScrollBar().value() != before
