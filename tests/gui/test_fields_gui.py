"""Bound fields in the narrative editor: inserted through the chooser, shown inline as chips with their live
value (the binding kept), unknown markers marked, DOCX round trip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from core.io.project_file import save
from gui import style
from gui.views import field_chips
from gui.views.field_menu import FieldChooser

from .conftest import right_click_menu, seed

MARKER = "【本年新收·总计】"
CHIP = field_chips.OBJECT_CHAR


def _overview(window, text: str | None = None):
    window.show_page("overview")
    page = window.page("overview")
    if text is not None:
        page.editor.setPlainText(text)  # as the clerk would have typed it
    page.editor.setFocus()
    return page


def _cursor_at(page, pos: int) -> None:
    cursor = page.editor.textCursor()
    cursor.setPosition(pos)
    page.editor.setTextCursor(cursor)


def _choose(chooser: FieldChooser, query: str, qtbot) -> None:
    chooser.search.setText(query)  # QTest cannot type CJK; an IME commit sets the text
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)


def test_shortcut_chooser_inserts_marker_as_one_undo_step(seed_window, qtbot):
    doc = seed_window.document
    page = _overview(seed_window)
    page.editor.setPlainText("")
    page.editor.insertPlainText("全年共收到政府信息公开申请件。")
    typed = doc.report.text["overview"]
    steps = doc.undo_stack.count()
    _cursor_at(page, typed.index("件"))
    qtbot.keyClick(page.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chooser = page.chooser
    assert chooser is not None and chooser.isVisible()
    # every choice shows its current value; 本年新收·总计 of seed 003 is 84
    (leaf,) = [lf for lf in chooser.leaves() if lf.data(0, Qt.ItemDataRole.UserRole + 1).name == "本年新收·总计"]
    assert leaf.text(1) == "84"
    _choose(chooser, "新收 总计", qtbot)
    assert doc.report.text["overview"] == f"全年共收到政府信息公开申请{MARKER}件。"  # the report keeps the binding
    assert page.editor.toPlainText() == f"全年共收到政府信息公开申请{CHIP}件。"  # the editor shows one chip …
    assert page.chip_values() == ["84"]  # … drawing the live value
    assert page.editor.textCursor().position() == typed.index("件") + 1
    assert doc.undo_stack.count() == steps + 1
    assert not chooser.isVisible()
    seed_window.undo_action.trigger()
    assert doc.report.text["overview"] == typed and page.editor.toPlainText() == typed
    seed_window.redo_action.trigger()
    assert page.chip_values() == ["84"] and page.text() == doc.report.text["overview"]


def test_button_chooser_filters_and_replaces_selection(seed_window, qtbot):
    page = _overview(seed_window, "行政复议共3件。")
    cursor = page.editor.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)  # the typed 「3」
    page.editor.setTextCursor(cursor)
    qtbot.mouseClick(page.insert_button, Qt.MouseButton.LeftButton)
    chooser = page.chooser
    chooser.search.setText("复议 总计")
    shown = [lf.data(0, Qt.ItemDataRole.UserRole + 1).name for lf in chooser.leaves(visible_only=True)]
    assert shown == ["行政复议·总计", "未经复议直接起诉·总计", "复议后起诉·总计", "行政诉讼·总计"]
    qtbot.keyClick(chooser.search, Qt.Key.Key_Down)  # arrows in the search box move through the list
    assert chooser.current_field().name == "未经复议直接起诉·总计"
    qtbot.keyClick(chooser.search, Qt.Key.Key_Up)
    chooser.search.setText("没有这个数")
    assert chooser.current_field() is None and chooser.empty.isVisible()
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)  # nothing to insert: the text is untouched
    assert seed_window.document.report.text["overview"] == "行政复议共3件。"
    chooser.search.setText("行政复议 总计")
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)
    assert seed_window.document.report.text["overview"] == "行政复议共【行政复议·总计】件。"
    assert page.chip_values() == ["3"]


def test_context_menu_offers_insert(seed_window, qtbot):
    page = _overview(seed_window, "正文")
    seen = right_click_menu(page.editor.viewport(), page.editor.viewport().rect().center())
    assert seen and seen[0] == "插入表格数字(&I)…"


def _formats(page, block_no=0):
    block = page.editor.document().findBlockByNumber(block_no)
    return [(r.start, r.length, r.format.background().color()) for r in block.layout().formats()]


def test_chips_follow_the_table_and_redraw_only_when_needed(seed_window, monkeypatch):
    page = _overview(seed_window, f"收到申请{MARKER}件，自然人【本年新收·自然人】件，复议【行政复议·总计】件，【乱写的】。")
    assert page.chip_values() == ["84", "83", "3"]  # the unknown marker stays text
    assert page.editor.toPlainText().count(CHIP) == 3 and "【乱写的】" in page.editor.toPlainText()
    calls = []
    real = page._refresh_chips
    monkeypatch.setattr(page, "_refresh_chips", lambda: calls.append(1) or real())
    t2 = seed_window.page("t2").view.model()
    t2.setData(t2.index_of("t2.a1.gz.zf"), "7")  # a cell no chip reads
    assert calls == []
    model = seed_window.page("t3").view.model()
    model.setData(model.index_of("t3.r01.c1"), "90")  # 83 → 90: 本年新收·总计 follows to 91
    assert seed_window.document.report.values["t3.r01.c7"] == 91
    assert calls == [1] and page.chip_values() == ["91", "90", "3"]
    assert seed_window.document.report.text["overview"].startswith(f"收到申请{MARKER}件")
    model.setData(model.index_of("t3.r01.c1"), "")
    assert page.chip_values()[1] == "未填"


def test_chips_are_drawn_in_the_text(seed_window, qtbot):
    page = _overview(seed_window, f"收到申请{MARKER}件。")
    qtbot.waitExposed(page.editor)
    image = page.editor.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for y in range(0, 40) for x in range(0, 300)}
    assert style.FIELD_BG.name() in colours


def test_a_marker_typed_or_pasted_as_text_becomes_a_chip(seed_window, qtbot):
    page = _overview(seed_window, "")
    page.editor.insertPlainText("新收【本年新收·总计")  # an IME commit inserts text; not complete yet
    assert page.chip_values() == []
    page.editor.insertPlainText("】")  # QTest cannot type CJK: the IME commits it
    assert page.chip_values() == ["84"] and seed_window.document.report.text["overview"] == f"新收{MARKER}"
    qtbot.keyClick(page.editor, Qt.Key.Key_Backspace)  # a chip is deleted as one character
    assert seed_window.document.report.text["overview"] == "新收"


def test_copying_a_chip_keeps_its_binding(seed_window, qtbot):
    page = _overview(seed_window, f"收到{MARKER}件")
    page.editor.selectAll()
    page.editor.copy()
    assert QApplication.clipboard().text() == f"收到{MARKER}件"
    other = seed_window.page("other")
    seed_window.show_page("other")
    other.editor.setFocus()
    other.editor.paste()
    assert seed_window.document.report.text["other"].endswith(f"收到{MARKER}件")
    assert other.chip_values() == ["84"]


def test_unknown_markers_look_wrong_and_chips_tell_their_binding(seed_window, qtbot):
    text = f"收到{MARKER}件，【乱写的】。"
    page = _overview(seed_window, text)
    shown = page.editor.toPlainText()
    backgrounds = {(s, n): c for s, n, c in _formats(page)}
    assert backgrounds == {(shown.index("【乱"), len("【乱写的】")): style.ERROR_BG}
    assert any(f.rule == "W-TXT-FIELD" for f in seed_window.document.findings())
    # hovering a chip shows its value and what it is bound to
    viewport = page.editor.viewport()
    cursor = page.editor.textCursor()
    cursor.setPosition(3)  # just after the chip
    pos = page.editor.cursorRect(cursor).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    assert QToolTip.text().startswith(f"表格数字 {MARKER}＝84")
    assert "一、本年新收政府信息公开申请数量" in QToolTip.text()
    # …and over the unknown marker, why it is wrong
    cursor.setPosition(shown.index("【乱") + 2)
    pos = page.editor.cursorRect(cursor).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    assert "不是可识别的表格数字" in QToolTip.text()


def test_opening_and_format_change_keep_the_markers(window, tmp_path):
    from core.io.project_file import load

    report = load(seed(1))
    text = f"全年收到申请{MARKER}件，其中自然人【本年新收·自然人】件。"
    report.apply({"text.overview": text})
    path = tmp_path / "字段.nianbao"
    save(report, path)
    assert window.files.open_path(path, page="overview").wait()
    page = window.page("overview")
    assert window.document.report.text["overview"] == text and page.text() == text
    assert page.chip_values() == ["16", "11"]
    assert window.document.undo_stack.count() == 0
    meta = window.page("meta")
    meta._form_chosen(meta.form.findData("gb2019"))
    assert window.document.report.text["overview"] == text and window.document.undo_stack.count() == 1
    assert page.editor.toPlainText().count(CHIP) == 2


def test_inserted_field_prints_the_new_number_in_docx(seed_window, qtbot, tmp_path):
    import docx

    from core.io.export import export_docx

    page = _overview(seed_window, "全年共收到政府信息公开申请件。")
    _cursor_at(page, len("全年共收到政府信息公开申请"))
    chooser = page.open_field_chooser()
    _choose(chooser, "本年新收 总计", qtbot)
    model = seed_window.page("t3").view.model()
    model.setData(model.index_of("t3.r01.c1"), "100")  # 本年新收·总计 84 → 101
    out = tmp_path / "报告.docx"
    export_docx(seed_window.document.report, out, force=True)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("全年共收到政府信息公开申请101件" in p for p in paragraphs)
    assert not any("【" in p for p in paragraphs)


def test_characters_outside_the_bmp_keep_positions_right(seed_window, qtbot):
    # Rare 汉字 of names (CJK Extension B) are two UTF-16 units in Qt but one character in Python.
    text = "𠀾村申请件，【乱写的】"
    page = _overview(seed_window, text)
    assert {(s, n) for s, n, _ in _formats(page)} == {(len(text.encode("utf-16-le")) // 2 - 5, 5)}
    _cursor_at(page, len("𠀾村申请".encode("utf-16-le")) // 2)
    _choose(page.open_field_chooser(), "本年新收 总计", qtbot)
    assert seed_window.document.report.text["overview"] == f"𠀾村申请{MARKER}件，【乱写的】"
    # a finding's span in the report text selects the same characters in the editor
    start = seed_window.document.report.text["overview"].index("【乱")
    page.select_span((start, start + 5))
    assert page.editor.textCursor().selectedText() == "【乱写的】"
