"""The reviewer's screens: 批量审核 with 报送情况 (double-click opens the unit's report), the rule pack menu,
and 与上年对比 (jumps marked, double-click goes to the cell)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.io import project_file
from core.model import recompute_all
from core.newyear import new_year_from
from gui import settings, style

from gui.models.compare_model import REF_ROLE
from gui.views.nav_panel import PAGE_ROLE

from .conftest import seed


def _double_click(qtbot, table, row, col=0):
    item = table.item(row, col)
    table.scrollToItem(item)
    rect = table.visualItemRect(item)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_batch_audit_with_an_expected_list_shows_submissions_and_opens_a_report(window, dialogs, tmp_path, qtbot):
    folder = tmp_path / "收件箱"
    folder.mkdir()
    for n in (0, 1, 2):
        shutil.copy(seed(n), folder / f"报告{n}.nianbao")
    units = tmp_path / "应报单位.txt"
    units.write_text("左贡县人民政府\n平武县人民政府办公室\n岚皋县佐龙镇人民政府\n洪泽区教育局\n", encoding="utf-8")
    dialogs.next_folder, dialogs.next_file, dialogs.next_expect = str(folder), str(tmp_path / "结果.xlsx"), str(units)
    op = window.batch_audit()
    assert op.wait()
    qtbot.waitUntil(lambda: window.review.submissions_dialog is not None)
    dlg = window.review.submissions_dialog
    assert dlg.isVisible() and dlg.windowTitle() == "报送情况"
    t = dlg.table
    rows = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
    assert [r[:2] for r in rows] == [["左贡县人民政府", "已报送"], ["平武县人民政府办公室", "已报送"],
                                     ["岚皋县佐龙镇人民政府", "已报送"], ["洪泽区教育局", "未报送"]]
    assert rows[0][3] == "2" and rows[0][6] == "报告0.nianbao"
    _double_click(qtbot, t, 1)
    qtbot.waitUntil(lambda: window.document is not None and window.document.report.meta["unit"] == "平武县人民政府办公室",
                    timeout=10000)
    assert window.document.path.name == "报告1.nianbao"


def test_rule_pack_menu_rechecks_the_open_report(window, dialogs, qtbot):
    assert window.files.open_path(seed(0)).wait()  # 左贡县人民政府: a 本级政府
    doc = window.document
    assert not [f for f in doc.findings() if f.rule == "W-LOCAL-KEYWORD"]
    window.rule_pack_actions["local-example"].trigger()
    assert settings.rule_pack() == "local-example" and window.rule_pack_actions["local-example"].isChecked()
    assert [f for f in doc.findings() if f.rule == "W-LOCAL-KEYWORD"]
    assert "示例地方规则" in window.statusBar().currentMessage()
    window.rule_pack_actions["national"].trigger()
    assert settings.rule_pack() == "" and not [f for f in doc.findings() if f.rule == "W-LOCAL-KEYWORD"]


def test_a_broken_pack_file_is_refused_with_its_reason(window, dialogs, tmp_path):
    bad = tmp_path / "坏.toml"
    bad.write_text("[jump]\nfactor = 0.5\n", encoding="utf-8")
    dialogs.next_rule_pack = str(bad)
    window.rule_pack_actions["from-file"].trigger()
    assert dialogs.errors and "jump.factor" in dialogs.errors[-1][1]
    assert settings.rule_pack() == "" and window.rule_pack_actions["national"].isChecked()


def _report_with_a_jump(tmp_path):
    """2025 started from seed 1's 2024 report, every figure as last year but 自然人新收 11 -> 200."""
    last = project_file.load(seed(1))
    now = new_year_from(last)
    for spec in now.form.cells:
        if now.values[spec.ref] is None and not spec.derived:
            now.values[spec.ref] = last.values[spec.ref]
    now.values["t3.r01.c1"] = 200
    now.values.update(recompute_all(now))
    path = tmp_path / "2025.nianbao"
    project_file.save(now, path)
    return path


def _compare_row(page, ref) -> int:
    proxy = page.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(REF_ROLE) == ref)


def _nav_item(window, page):
    nav = window.nav
    return next(nav.item(i) for i in range(nav.count()) if nav.item(i).data(PAGE_ROLE) == page)


def test_compare_page_marks_jumps_and_goes_to_the_cell(window, qtbot, tmp_path):
    assert window.files.open_path(_report_with_a_jump(tmp_path)).wait()
    assert any(f.rule == "W-X-JUMP" for f in window.document.findings())
    item = _nav_item(window, "compare")
    assert not item.isHidden() and item.text() == "与上年对比"
    nav = window.nav
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    page = window.page("compare")
    assert window.current_page() == "compare" and page.isVisible() and page.table.hasFocus()
    assert "2024年度" in page.heading.text() and "2025年度" in page.heading.text()
    heads = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert heads == ["单元格", "2024年", "2025年", "变化"]
    assert len(page.model.rows) == len(window.document.report.form.cells)  # every cell, side by side
    assert "t3.r01.c7" in page.jump_refs()
    row = _compare_row(page, "t3.r01.c7")
    cells = [page.proxy.index(row, c) for c in range(4)]
    assert [c.data() for c in cells[1:3]] == ["16", "205"] and "为上年的" in cells[3].data()
    assert cells[0].data(Qt.ItemDataRole.BackgroundRole) == style.WARNING_BG
    calm = page.proxy.index(_compare_row(page, "t3.r02.c7"), 0)
    assert calm.data(Qt.ItemDataRole.BackgroundRole) is None

    page.only_jumps.click()  # 只看变化超过 5 倍的单元格
    assert page.proxy.rowCount() == len(page.jump_refs()) < len(page.model.rows)
    assert "（" + str(len(page.jump_refs())) + " 个）" in page.only_jumps.text()
    row = _compare_row(page, "t3.r01.c7")
    rect = page.table.visualRect(page.proxy.index(row, 0))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_page() == "t3")
    view = window.page("t3").view
    assert view.model().ref_at(view.currentIndex()) == "t3.r01.c7" and view.hasFocus()

    # fixing the figure in 表三 is seen on the page when the clerk comes back
    model = view.model()
    assert model.setData(model.index_of("t3.r01.c1"), "12")
    window.enter_page("compare")
    assert "t3.r01.c7" not in page.jump_refs() and page.proxy.rowCount() == len(page.jump_refs())
    page.only_jumps.click()
    row = _compare_row(page, "t3.r01.c7")
    assert page.proxy.index(row, 2).data() == "17"
    page.table.setCurrentIndex(page.proxy.index(row, 0))
    QTest.keyClick(page.table, Qt.Key.Key_Return)  # Enter goes to the cell too
    assert window.current_page() == "t3"


def test_compare_page_is_in_the_page_cycle_only_with_last_year(window, qtbot, tmp_path, dialogs):
    assert window.files.open_path(seed(3)).wait()  # no last year's figures
    assert _nav_item(window, "compare").isHidden()
    window.enter_page("other")
    window.step_page(1)
    assert window.current_page() == "meta"  # 与上年对比 skipped
    window.review.compare_with_last_year()  # 工具 → 与上年对比
    assert dialogs.infos[-1][0] == "与上年对比" and "从上年报告新建" in dialogs.infos[-1][1]
    assert window.current_page() == "meta"

    assert window.files.open_path(_report_with_a_jump(tmp_path)).wait()
    assert not _nav_item(window, "compare").isHidden()
    window.enter_page("other")
    window.step_page(1)
    assert window.current_page() == "compare"
    window.document.run_whole(lambda r: r.set_baseline(None), "去掉上年")  # whole-report change
    assert _nav_item(window, "compare").isHidden() and window.current_page() == "meta"
    window.document.undo_stack.undo()
    assert not _nav_item(window, "compare").isHidden()


def test_merge_asks_before_counting_a_unit_twice(window, dialogs, tmp_path):
    import shutil as sh

    sh.copy(seed(1), tmp_path / "平武.nianbao")
    again = project_file.load(seed(1))
    again.meta["unit"] = "绵阳市平武县人民政府办公室"
    again.apply({"text.other": again.text["other"] + "修改稿。"})
    project_file.save(again, tmp_path / "平武（修改稿）.nianbao")
    dialogs.open_files = lambda title, folder="": [str(tmp_path / "平武.nianbao"), str(tmp_path / "平武（修改稿）.nianbao")]
    dialogs.duplicates_answer = False
    assert window.merge_files().wait()
    (asked,) = dialogs.asked_duplicates
    assert "平武.nianbao 与 平武（修改稿）.nianbao" in asked and "同一单位同一年度" in asked
    assert window.document is None  # nothing merged
    dialogs.duplicates_answer = True
    assert window.merge_files().wait()
    assert window.document.report.values["t3.r01.c7"] == 2 * 16


def _inbox(tmp_path):
    folder = tmp_path / "收件箱"
    folder.mkdir()
    for n in (0, 1, 2):
        shutil.copy(seed(n), folder / f"报告{n}.nianbao")
    return folder


def _menu_action(window, text):
    return next(a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == text)


def test_feedback_from_the_submissions_dialog_one_word_file_per_unit(window, dialogs, tmp_path, qtbot):
    folder = _inbox(tmp_path)
    units = tmp_path / "应报单位.txt"
    units.write_text("左贡县人民政府\n平武县人民政府办公室\n岚皋县佐龙镇人民政府\n洪泽区教育局\n", encoding="utf-8")
    dialogs.next_folder, dialogs.next_file, dialogs.next_expect = str(folder), str(tmp_path / "结果.xlsx"), str(units)
    assert window.batch_audit().wait()
    qtbot.waitUntil(lambda: window.review.submissions_dialog is not None)
    button = window.review.submissions_dialog.feedback_button
    assert button.isVisible() and button.text() == "写出各单位审核意见(&J)…"
    out = tmp_path / "审核意见"
    dialogs.next_folder, dialogs.feedback_format = str(out), "docx"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialogs.suggested[-1] == str(folder / "审核意见")  # beside the audited folder
    assert window.review.feedback_op.wait()
    qtbot.waitUntil(lambda: any(t == "写出审核意见" for t, _ in dialogs.infos))
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{u}-审核意见.docx" for u in
                           ("左贡县人民政府", "平武县人民政府办公室", "岚皋县佐龙镇人民政府", "洪泽区教育局"))
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out / "左贡县人民政府-审核意见.docx")).paragraphs)
    assert "左贡县人民政府" in text and "报告0.nianbao" in text
    assert ("写出审核意见", "已为 4 个单位写出审核意见，保存在：\n" + str(out)) in dialogs.infos
    assert dialogs.errors == []


def test_feedback_from_the_menu_after_an_audit_without_a_list(window, dialogs, tmp_path):
    action = _menu_action(window, "写出审核意见(&J)…")
    action.trigger()  # nothing audited yet: says what to do first
    assert dialogs.infos[-1] == ("写出审核意见", "请先用“批量审核”审核一个文件夹，再为各单位写出审核意见。")
    folder = _inbox(tmp_path)
    dialogs.next_folder, dialogs.next_file, dialogs.next_expect = str(folder), str(tmp_path / "结果.xlsx"), ""
    assert window.batch_audit().wait()
    assert window.review.submissions_dialog is None  # no list of units: no 报送情况
    out = tmp_path / "意见"
    dialogs.next_folder = str(out)
    action.trigger()
    assert window.review.feedback_op.wait()
    import openpyxl

    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{u}-审核意见.xlsx" for u in ("左贡县人民政府", "平武县人民政府办公室", "岚皋县佐龙镇人民政府"))
    ws = openpyxl.load_workbook(out / "左贡县人民政府-审核意见.xlsx").active
    cells = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "须更正" in cells  # seed 0 has two 表四 errors


def test_feedback_into_a_folder_that_cannot_be_made_says_why(window, dialogs, tmp_path, qtbot):
    folder = _inbox(tmp_path)
    dialogs.next_folder, dialogs.next_file, dialogs.next_expect = str(folder), str(tmp_path / "结果.xlsx"), ""
    assert window.batch_audit().wait()
    blocker = tmp_path / "是文件"
    blocker.write_text("x", encoding="utf-8")
    dialogs.next_folder = str(blocker / "意见")
    _menu_action(window, "写出审核意见(&J)…").trigger()
    window.review.feedback_op.wait()
    qtbot.waitUntil(lambda: dialogs.errors != [])
    title, text = dialogs.errors[-1]
    assert title == "写出审核意见" and text.startswith("无法在") and not any("a" <= ch <= "z" for ch in text.split("：", 1)[1])
