"""Keyboard focus follows the page the clerk picks; file dialogs start in Documents or the last folder used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui import settings

from .conftest import seed


def type_keys(qtbot, keys) -> None:
    """Type as a clerk does: each key goes to whatever widget has keyboard focus now."""
    for key in keys:
        for k in (key if isinstance(key, str) else [key]):
            target = QApplication.focusWidget()
            assert target is not None, "no widget has keyboard focus"
            qtbot.keyClick(target, k)


def click_nav(window, qtbot, page: str) -> None:
    nav = window.nav
    item = next(nav.item(i) for i in range(nav.count()) if nav.item(i).data(Qt.ItemDataRole.UserRole + 1) == page)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())


def test_clicking_a_table_page_puts_typed_numbers_in_its_grid(blank_window, qtbot):
    window = blank_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    click_nav(window, qtbot, "t3")
    assert window.current_page() == "t3"
    view = window.page("t3").view
    assert QApplication.focusWidget() is view
    type_keys(qtbot, ["11", Qt.Key.Key_Tab, "5", Qt.Key.Key_Tab])
    values = window.document.report.values
    assert values["t3.r01.c1"] == 11 and values["t3.r01.c2"] == 5
    type_keys(qtbot, [Qt.Key.Key_Down])  # moves down in the grid, not to the next page
    assert window.current_page() == "t3"
    assert view.model().ref_at(view.currentIndex()) == "t3.r02.c3"


def test_clicking_narrative_and_basic_info_pages_focuses_their_fields(blank_window, qtbot):
    window = blank_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    click_nav(window, qtbot, "overview")
    assert QApplication.focusWidget() is window.page("overview").editor
    type_keys(qtbot, ["abc"])
    assert window.document.report.text["overview"] == "abc"
    click_nav(window, qtbot, "meta")
    assert QApplication.focusWidget() is window.page("meta").unit


def test_arrow_keys_in_the_page_list_still_walk_the_pages(blank_window, qtbot):
    window = blank_window
    window.nav.setFocus()
    window.show_page("meta")
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page() == "preface" and window.nav.hasFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Return)  # Enter goes into the page
    assert window.page("preface").editor.hasFocus()


def test_first_save_proposes_documents_not_the_program_folder(window, dialogs, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    program = tmp_path / "nianbao-program"
    program.mkdir()
    monkeypatch.chdir(program)
    documents = Path(settings.documents_folder())
    assert documents == home / "Documents"
    window.files.new_report()
    dialogs.next_file = ""
    window.files.save_as()
    assert Path(dialogs.suggested[-1]).parent == documents
    window.files.open_dialog()
    window.files.new_from_last_year()
    assert [Path(p) for p in dialogs.suggested[-2:]] == [documents, documents]
    # after saving somewhere, that folder is proposed next time, also for a new report
    elsewhere = tmp_path / "年报"
    elsewhere.mkdir()
    dialogs.next_file = str(elsewhere / "a.nianbao")
    assert window.files.save_as()
    window.files.new_report()
    dialogs.next_file = ""
    window.files.save_as()
    assert Path(dialogs.suggested[-1]).parent == elsewhere
    window.exports.export("xlsx")
    assert Path(dialogs.suggested[-1]).parent == elsewhere


def test_open_remembers_the_folder(window, dialogs):
    dialogs.next_file = str(seed(1))
    window.files.open_dialog().wait()
    assert window.document.path == seed(1)
    window.files.new_report()
    window.files.open_dialog().wait()
    assert Path(dialogs.suggested[-1]) == seed(1).parent.resolve()
