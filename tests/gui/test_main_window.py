"""The window as a clerk uses it: live findings, jumping to cells, files, narrative, undo."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton

from core.io import project_file
from core.rules.base import Finding, Severity
from gui.models.findings_model import FINDING_ROLE

from .conftest import seed


def _finding_index(window, rule):
    model = window.findings.model
    for r in range(model.rowCount()):
        head = model.item(r)
        for k in range(head.rowCount()):
            f = head.child(k).data(FINDING_ROLE)
            if f.rule == rule:
                return head.child(k).index(), f, head.text()
    return None, None, None


def test_unbalanced_column_turns_red_appears_in_panel_and_click_selects(seed_window, qtbot):
    window = seed_window
    window.show_page("t3")
    view = window.page("t3").view
    model = view.model()
    assert window.counts_label.text() == "0 个错误 · 1 个警告"  # the 1000-字 limit is a local rule (rule packs)
    assert model.setData(model.index_of("t3.r02.c1"), "5")  # 上年结转 up by 4: column c1 out of balance
    bal_cells = {"t3.r01.c1", "t3.r02.c1", "t3.r24.c1", "t3.r25.c1"}
    for ref in bal_cells:
        assert model.index_of(ref).data(Qt.ItemDataRole.BackgroundRole).name() == "#f7c6c0"
    assert window.counts_label.text().startswith("2 个错误")  # 第一列 and 第七列（总计）
    assert window.nav.counts_of("t3") == (2, 0, 0)
    index, finding, group = _finding_index(window, "E-T3-BAL")
    assert finding is not None and group.startswith("三、依申请公开 · 错误")
    window.show_page("meta")
    tree = window.findings.tree
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    assert window.current_page() == "t3"
    assert set(view.selected_refs()) == set(finding.cells)
    window.undo_action.trigger()
    assert window.counts_label.text() == "0 个错误 · 1 个警告"
    assert _finding_index(window, "E-T3-BAL")[1] is None


def test_text_finding_jumps_to_the_sentence(seed_window):
    window = seed_window
    text = window.document.report.text["other"]
    finding = Finding("W-TEST", Severity.WARNING, (), "测试", quote=text[2:6], section="other", span=(2, 6))
    window.show_finding(finding)
    assert window.current_page() == "other"
    cursor = window.page("other").editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (2, 6)


def test_open_broken_file_shows_message_and_keeps_running(blank_window, tmp_path, dialogs):
    window = blank_window
    before = window.document
    broken = tmp_path / "坏文件.nianbao"
    broken.write_text('{"kind": "nianbao-report", "version": 1, "form": "gb2021", "tables": {', encoding="utf-8")
    assert not window.files.open_path(broken).wait()
    assert dialogs.errors and "坏文件" in dialogs.errors[0][0] and "损坏" in dialogs.errors[0][1]
    unknown = tmp_path / "x.pdfx"
    unknown.write_text("hello")
    assert not window.files.open_path(unknown).wait()
    assert "不支持" in dialogs.errors[1][1]
    assert window.document is before and window.isVisible()


def test_report_with_wrong_totals_offers_recompute_as_one_step(window, tmp_path):
    data = json.loads(seed(3).read_text(encoding="utf-8"))
    data["tables"]["t3"][0][6] = 90  # printed total of 一、本年新收 is wrong (should be 84)
    path = tmp_path / "wrong.nianbao"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.files.open_path(path).wait()
    doc = window.document
    assert doc.report.values["t3.r01.c7"] == 90  # never changed silently
    assert window.totals_notice.isVisible() and not window.findings.totals_bar.isVisible()
    assert window.current_page() == "t3"
    window.totals_notice.closed.emit()  # the clerk closes the notice: the panel keeps the offer
    assert window.findings.totals_bar.isVisible()
    window.findings.recompute_button.click()
    assert doc.report.values["t3.r01.c7"] == 84
    assert not doc.total_errors() and not window.findings.totals_bar.isVisible()
    assert doc.undo_stack.count() == 1
    window.undo_action.trigger()
    assert doc.report.values["t3.r01.c7"] == 90


def test_narrative_typing_counts_and_undoes(blank_window, qtbot):
    window = blank_window
    window.show_page("overview")
    page = window.page("overview")
    page.editor.setFocus()
    page.editor.insertPlainText("全年主动公开")  # QTest cannot type CJK; an IME commit inserts text
    qtbot.keyClicks(page.editor, " 12 tiao")
    assert window.document.report.text["overview"] == "全年主动公开 12 tiao"
    assert page.count.text().startswith("字数：12")
    assert window.document.undo_stack.count() == 1  # one burst of typing, one undo step
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.text["overview"] == ""
    assert page.editor.toPlainText() == ""
    qtbot.keyClick(page.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.toPlainText() == "全年主动公开 12 tiao"


def test_meta_edits_are_undoable_and_checked(blank_window, qtbot):
    window = blank_window
    window.show_page("meta")
    meta = window.page("meta")
    meta.date.setText("2026年1月20日")
    meta.date.editingFinished.emit()
    assert window.document.report.meta["date"] == "2026-01-20"
    meta.date.setText("2026年3月5日")
    meta.date.editingFinished.emit()
    assert any(f.rule == "W-DEADLINE" and "晚于" in f.message for f in window.document.findings())
    assert meta.date.styleSheet()  # the field is marked
    window.undo_action.trigger()
    assert window.document.report.meta["date"] == "2026-01-20" and meta.date.text() == "2026-01-20"
    meta.date.setText("下个月")
    meta.date.editingFinished.emit()
    assert "无法识别" in meta.message.text() and window.document.report.meta["date"] == "2026-01-20"


def test_the_date_in_chinese_numerals_is_understood(blank_window, qtbot):
    """「二〇二六年一月二十日」 (the 成文日期 as many offices write it, and as import reads it) was refused."""
    window = blank_window
    window.enter_page("meta")
    meta = window.page("meta")
    meta.date.setFocus()
    typed = QInputMethodEvent("", [])
    typed.setCommitString("二〇二六年一月二十日")  # as the input method puts it in
    QApplication.sendEvent(meta.date, typed)
    qtbot.keyClick(meta.date, Qt.Key.Key_Tab)
    assert window.document.report.meta["date"] == "2026-01-20" and meta.message.text() == ""
    assert meta.date.text() == "2026-01-20"


def test_format_change_is_one_step(seed_window):
    meta = seed_window.page("meta")
    meta._form_chosen(meta.form.findData("gb2019"))
    assert seed_window.document.report.form.id == "gb2019"
    assert any(f.rule == "E-FORMAT-VERSION" for f in seed_window.document.findings())
    seed_window.undo_action.trigger()
    assert seed_window.document.report.form.id == "gb2021"
    assert seed_window.page("t3").view.model().rowCount() == 28


def test_save_title_mark_and_recent(window, tmp_path, dialogs):
    window.files.open_path(seed(3)).wait()
    assert window.windowTitle().startswith("seed003.nianbao[*]") and not window.isWindowModified()
    model = window.page("t4").view.model()
    model.setData(model.index_of("t4.f1"), "2")
    assert window.isWindowModified()
    out = tmp_path / "保存后.nianbao"
    dialogs.next_file = str(out)
    assert window.files.save_as()
    assert not window.isWindowModified() and window.windowTitle().startswith("保存后.nianbao")
    assert project_file.load(out).values["t4.f5"] == 5
    from gui import settings

    assert settings.recent_files()[0] == str(out.resolve())


def test_close_with_unsaved_changes_asks(blank_window, dialogs):
    window = blank_window
    window.fill_zero()
    dialogs.save_answer = "cancel"
    assert not window.close()
    assert dialogs.asked_save and window.isVisible()
    dialogs.save_answer = "discard"
    assert window.close()


def test_opening_another_file_while_typing_in_a_cell_asks_first(seed_window, qtbot, dialogs):
    """「99」 typed in a cell, then Ctrl+O (or 最近打开, a dropped file) before Enter: the cell was not yet
    a change, so the report was replaced without asking and the 99 was gone."""
    window = seed_window
    window.enter_page("t3")
    view = window.page("t3").view
    view.setCurrentIndex(view.model().index_of("t3.r03.c1"))
    qtbot.keyClicks(view, "9")
    qtbot.keyClicks(QApplication.focusWidget(), "9")  # the cell editor is open
    dialogs.next_file = str(seed(1))
    dialogs.save_answer = "cancel"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.asked_save == ["seed003.nianbao"]
    assert window.document.path.name == "seed003.nianbao" and window.document.report.values["t3.r03.c1"] == 99
    dialogs.save_answer = "discard"  # let teardown close the window


def test_drop_a_file_opens_it(window, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed(1)))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document is not None and window.document.path == seed(1))


def test_new_report_uses_the_format_of_the_year(window):
    window.files.new_report()
    report = window.document.report
    assert report.meta["unit"] == "测试县人民政府办公室" and report.meta["year"] == 2025
    assert report.form.id == "gb2021"


def test_export_asks_when_final_check_has_errors(blank_window, tmp_path, dialogs, monkeypatch):
    window = blank_window
    from core.io import export as exporting

    calls = []
    monkeypatch.setattr(exporting, "export_docx", lambda report, path, template=None, force=False: (
        calls.append((path, force)), path.write_bytes(b"x")))
    monkeypatch.setattr(exporting, "export_xlsx", lambda report, path, force=False: (
        calls.append((path, force)), path.write_bytes(b"x")))
    dialogs.next_file = str(tmp_path / "out")
    dialogs.export_answer = False
    assert window.exports.export("docx") is None and not calls
    assert dialogs.asked_export and any("未填写" in f.message for f in dialogs.asked_export[0])
    dialogs.export_answer = True
    op = window.exports.export("xlsx")
    assert op.wait() and op.result == tmp_path / "out.xlsx" and calls == [(tmp_path / "out.xlsx", True)]
    op = window.exports.export("docx")
    assert op.wait() and op.result == tmp_path / "out.docx" and calls[-1] == (tmp_path / "out.docx", True)


def test_real_export_writes_files(seed_window, tmp_path, dialogs):
    dialogs.next_file = str(tmp_path / "报告")
    op = seed_window.exports.export("xlsx")
    assert op.wait() and op.result.stat().st_size > 0, dialogs.errors
    op = seed_window.exports.export("docx")
    assert op.wait() and op.result.suffix == ".docx" and op.result.stat().st_size > 0, dialogs.errors


def test_merge_two_reports(window, dialogs):
    dialogs.open_files = lambda title, folder="": [str(seed(0)), str(seed(1))]
    assert window.merge_files().wait()
    merged = window.document.report
    a, b = project_file.load(seed(0)), project_file.load(seed(1))
    assert merged.values["t3.r01.c7"] == a.values["t3.r01.c7"] + b.values["t3.r01.c7"]
    assert window.document.is_modified and dialogs.infos


def test_status_counts_follow_findings(blank_window):
    window = blank_window
    errors, pending, warnings = window.document.counts()
    assert (errors, pending) == (0, 3)  # an empty report: three blank tables to fill before export
    assert window.counts_label.text() == f"0 个错误 · 3 项导出前须处理 · {warnings} 个警告"
    QApplication.processEvents()


def test_batch_audit_of_a_folder(window, dialogs, tmp_path):
    import shutil

    folder = tmp_path / "各单位"
    folder.mkdir()
    for n in (0, 1):
        shutil.copy(seed(n), folder)
    (folder / "坏.nianbao").write_text("{", encoding="utf-8")
    dialogs.next_folder = str(folder)
    dialogs.next_file = str(tmp_path / "审核结果.xlsx")
    op = window.batch_audit()
    assert op.wait()
    result = op.result
    assert len(result.rows) == 3 and len(result.unreadable) == 1
    assert (tmp_path / "审核结果.xlsx").stat().st_size > 0
    assert "共审核 3 份报告" in dialogs.infos[-1][1]


def test_delete_and_copy_keys_still_work_in_text_fields(blank_window, qtbot):
    window = blank_window
    window.show_page("problems")
    editor = window.page("problems").editor
    editor.setFocus()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert window.document.report.text["problems"] == "bc"
    window.show_page("meta")
    unit = window.page("meta").unit
    unit.clear()
    unit.setFocus()
    qtbot.keyClicks(unit, "xyz")
    qtbot.keyClick(unit, Qt.Key.Key_Home)
    qtbot.keyClick(unit, Qt.Key.Key_Delete)
    assert unit.text() == "yz"


def test_f2_edits_in_place(seed_window, qtbot):
    seed_window.show_page("t3")
    view = seed_window.page("t3").view
    view.setFocus()
    view.setCurrentIndex(view.model().index_of("t3.r03.c1"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert editor is not view and editor.text() == "47"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert seed_window.document.report.values["t3.r03.c1"] == 471


def test_new_from_last_year_marks_copied_sections(window, dialogs):
    dialogs.next_file = str(seed(3))
    assert window.files.new_from_last_year().wait()
    doc = window.document
    assert doc.report.meta["year"] == 2025 and doc.report.baseline is not None
    assert doc.is_modified and doc.path is None
    window.show_page("overview")
    page = window.page("overview")
    assert "overview" in doc.report.stale and page.stale_bar.isVisible()
    page.stale_bar.findChild(QPushButton).click()  # 已核对，保留
    assert "overview" not in doc.report.stale and not page.stale_bar.isVisible()
    window.undo_action.trigger()
    assert "overview" in doc.report.stale and page.stale_bar.isVisible()
    assert window.page("meta").baseline.text().startswith("2024年度")


def test_save_includes_the_cell_being_typed(seed_window, qtbot, tmp_path, dialogs):
    seed_window.show_page("t4")
    view = seed_window.page("t4").view
    view.setFocus()
    view.setCurrentIndex(view.model().index_of("t4.f3"))
    qtbot.keyClicks(view, "4")
    qtbot.keyClicks(view.focusWidget(), "2")
    dialogs.next_file = str(tmp_path / "typed.nianbao")
    assert seed_window.files.save_as()
    assert project_file.load(tmp_path / "typed.nianbao").values["t4.f3"] == 42


def test_save_and_close_include_the_year_being_typed(blank_window, qtbot, tmp_path, dialogs):
    """The year is a spin box that takes its value when the clerk leaves it: Ctrl+S (or closing the
    window) while still in it saved, or dropped without asking, the year shown before."""
    window = blank_window
    window.enter_page("meta")
    year = window.page("meta").year
    year.setFocus()
    year.lineEdit().selectAll()
    qtbot.keyClicks(year, "2023")
    dialogs.next_file = str(tmp_path / "年份.nianbao")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert project_file.load(tmp_path / "年份.nianbao").meta["year"] == 2023
    year.setFocus()
    year.lineEdit().selectAll()
    qtbot.keyClicks(year, "2022")
    dialogs.save_answer = "cancel"
    assert not window.close() and dialogs.asked_save  # the typed year counts as a change
    assert window.document.report.meta["year"] == 2022


def test_findings_model_passes_model_tester(seed_window, qtmodeltester):
    qtmodeltester.check(seed_window.findings.model)


def test_export_with_the_offices_own_template(window, tmp_path, dialogs):
    from docx import Document

    from core.io.export import default_template

    window.files.open_path(seed(1)).wait()
    # An office template: the default one with a line of the house style added.
    template = tmp_path / "本省模板.docx"
    doc = Document(str(default_template("gb2021")))
    doc.add_paragraph("本省版式 {{ unit }}")
    doc.save(str(template))
    dialogs.next_template = str(template)
    dialogs.next_file = str(tmp_path / "out.docx")
    dialogs.export_answer = True
    op = window.exports.export_with_template()
    assert op.wait() and op.result == tmp_path / "out.docx"
    out = op.result
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "本省版式 平武县人民政府办公室" in text
    dialogs.next_template = ""
    assert window.exports.export_with_template() is None  # cancelled: nothing written, no error
