"""The note under each table: typed under the table, undone as one step, checked, saved, found by a click."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.io import project_file

from .conftest import seed
from .test_main_window import _finding_index


def test_note_under_the_table_is_typed_undone_and_saved(seed_window, qtbot, tmp_path, dialogs):
    window = seed_window
    window.show_page("t4")
    note = window.page("t4").note
    assert note.isVisible() and note.editor.isEnabled()
    assert "表下说明" in note.findChild(type(window.counts_label)).text()
    note.editor.setFocus()
    note.editor.insertPlainText("本年度因政府信息公开被申请行政复议")  # QTest cannot type CJK: an IME commit
    qtbot.keyClicks(note.editor, "9")
    note.editor.insertPlainText("件。")
    assert window.document.report.text["t4"] == "本年度因政府信息公开被申请行政复议9件。"
    # seed 003's 表四: 行政复议 总计 3 — the note is checked against the table
    index, finding, _ = _finding_index(window, "W-TXT-T4")
    assert finding is not None and finding.section == "t4" and "表四下的说明写行政复议9件" in finding.message
    window.show_page("overview")
    window.show_finding(finding)
    assert window.current_page() == "t4"
    cursor = note.editor.textCursor()
    assert note.editor.toPlainText()[cursor.selectionStart():cursor.selectionEnd()] == finding.quote
    qtbot.keyClick(note.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.text["t4"] == "" and note.editor.toPlainText() == ""
    qtbot.keyClick(note.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert note.editor.toPlainText() == "本年度因政府信息公开被申请行政复议9件。"
    path = tmp_path / "noted.nianbao"
    dialogs.next_file = str(path)
    assert window.files.save_as()
    assert project_file.load(path).text["t4"] == "本年度因政府信息公开被申请行政复议9件。"


def test_each_table_page_has_its_own_note(seed_window):
    window = seed_window
    notes = {t: window.page(t).note for t in ("t2", "t3", "t4")}
    window.document.set_text("t3", "2024年共收到政府信息公开申请85件。")
    assert notes["t3"].editor.toPlainText() == "2024年共收到政府信息公开申请85件。"
    assert notes["t2"].editor.toPlainText() == notes["t4"].editor.toPlainText() == ""


def test_exporting_deals_with_the_imported_files_section_order(window, qtbot, tmp_path, dialogs):
    from core.rules.section_rules import in_order
    from tests.core.test_section_rules import write_docx

    from .conftest import seed as seed_file

    source = write_docx(project_file.load(seed_file(1)), tmp_path / "乱序.docx",
                        order=("overview", "t3", "t2", "t4", "problems", "other"))
    assert window.files.open_path(source).wait()
    document = window.document
    assert [f.rule for f in document.validator.findings()].count("E-STRUCT-SECTIONS") == 1
    dialogs.next_file = str(tmp_path / "导出")
    op = window.exports.export("docx")
    assert op.wait() and dialogs.asked_export == []  # not an error that stops the export that fixes it
    qtbot.waitUntil(lambda: document.report.imported["sections"] == in_order(document.report.imported["sections"]))
    assert "E-STRUCT-SECTIONS" not in [f.rule for f in document.validator.findings()]
    document.undo_stack.undo()
    assert [f.rule for f in document.validator.findings()].count("E-STRUCT-SECTIONS") == 1


def test_the_note_examples_name_no_year(window):
    """A 2020 report's 表三 suggested 「如：2024年我单位…」: the examples say 本年度, whatever the year."""
    assert window.files.open_path(seed(4)).wait()  # a 2020 report
    for t in ("t2", "t3", "t4"):
        example = window.page(t).note.editor.placeholderText()
        assert example.startswith("如：") and not any(str(y) in example for y in range(2019, 2031))
