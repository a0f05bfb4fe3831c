"""GUI: 导出网页 and 复制网页版, chosen from the 文件 menu as a clerk would."""

from __future__ import annotations

import re

from PySide6.QtGui import QGuiApplication

from .conftest import seed


def _menu_action(window, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if re.sub(r"\(&\w\)", "", action.text()).rstrip("…") == text:
                return action
    raise AssertionError(f"no menu entry {text}")


def test_export_web_page_from_the_menu(window, dialogs, tmp_path, qtbot):
    assert window.files.open_path(seed(3)).wait()
    dialogs.next_file = str(tmp_path / "年报网页")
    _menu_action(window, "导出网页").trigger()
    out = tmp_path / "年报网页.html"
    qtbot.waitUntil(lambda: str(out) in window.statusBar().currentMessage() or bool(dialogs.errors), timeout=10000)
    assert out.is_file(), dialogs.errors
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<table") == 3 and "rowspan" in page
    assert "和田地区" in page and "<script" not in page
    assert str(out) in window.statusBar().currentMessage()


def test_export_web_page_asks_first_when_the_report_has_errors(window, dialogs, tmp_path):
    assert window.files.open_path(seed(0)).wait()  # two wrong totals in 表四
    dialogs.next_file = str(tmp_path / "r")
    dialogs.export_answer = False
    _menu_action(window, "导出网页").trigger()
    assert dialogs.asked_export and not (tmp_path / "r.html").exists()


def test_copy_web_version_puts_html_and_text_on_the_clipboard(window, dialogs):
    assert window.files.open_path(seed(1)).wait()
    QGuiApplication.clipboard().clear()
    _menu_action(window, "复制网页版").trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    html = mime.html()
    assert html.count("<table") == 3 and 'rowspan="' in html and 'colspan="' in html
    assert "平武县人民政府办公室" in html and "<script" not in html
    text = mime.text()
    assert text.startswith("平武县人民政府办公室\n2024年政府信息公开工作年度报告")
    assert "一、本年新收政府信息公开申请数量" in text
    assert "已复制网页版" in window.statusBar().currentMessage()


def test_characters_the_fonts_lack_are_told_before_the_word_export(window, dialogs, tmp_path, qtbot):
    """W-FONT-GB2312 is in the findings panel as the clerk types; the default template's export does not
    repeat it, an office's own template in GB2312 fonts says it again when done."""
    from PySide6.QtCore import Qt

    from core.io.export import default_template

    from .test_main_window import _finding_index

    assert window.files.open_path(seed(1)).wait()
    window.enter_page("meta")
    signer = window.page("meta").signer
    signer.selectAll()
    signer.insert("平武县喆镇人民政府")  # QTest cannot type CJK: an IME commit
    qtbot.keyClick(signer, Qt.Key.Key_Return)
    index, finding, group = _finding_index(window, "W-FONT-GB2312")
    assert finding is not None and group.startswith("基本信息") and "“喆”不在 GB2312 字符集内" in finding.message
    assert "喆" in signer.toolTip()  # the field itself shows it, amber
    window.show_page("t3")
    window.show_finding(finding)
    assert window.current_page() == "meta" and signer.hasFocus()

    dialogs.next_file = str(tmp_path / "r")
    op = window.exports.export("docx")
    assert op.wait() and op.result == tmp_path / "r.docx", dialogs.errors
    assert not any("GB2312" in text for _title, text in dialogs.infos)  # said before, not again

    own = tmp_path / "本局模板.docx"
    own.write_bytes(default_template("gb2021").read_bytes())  # an office template in the same fonts
    dialogs.next_file = str(tmp_path / "r2")
    op = window.exports.export("docx", own)
    assert op.wait() and op.result == tmp_path / "r2.docx", dialogs.errors
    title, text = dialogs.infos[-1]
    assert title == "导出完成" and "“喆”不在 GB2312 字符集内" in text
