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


def test_compare_with_last_year_marks_jumps_and_goes_to_the_cell(window, qtbot, tmp_path):
    last = project_file.load(seed(1))
    now = new_year_from(last)
    for spec in now.form.cells:
        if now.values[spec.ref] is None and not spec.derived:
            now.values[spec.ref] = last.values[spec.ref]
    now.values["t3.r01.c1"] = 200  # 自然人新收: 11 last year
    now.values.update(recompute_all(now))
    path = tmp_path / "2025.nianbao"
    project_file.save(now, path)
    assert window.files.open_path(path).wait()
    assert any(f.rule == "W-X-JUMP" for f in window.document.findings())
    window.review.compare_with_last_year()
    dlg = window.review.compare_dialog
    assert dlg.isVisible() and "2024年度" in dlg.heading.text() and "2025年度" in dlg.heading.text()
    assert "t3.r01.c7" in dlg.jump_refs()
    t = dlg.table
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).data(Qt.ItemDataRole.UserRole) == "t3.r01.c7")
    assert (t.item(row, 1).text(), t.item(row, 2).text()) == ("16", "205")
    assert t.item(row, 0).background().color() == style.WARNING_BG
    calm = next(r for r in range(t.rowCount()) if t.item(r, 0).data(Qt.ItemDataRole.UserRole) == "t3.r02.c7")
    assert t.item(calm, 0).background().color() != style.WARNING_BG
    _double_click(qtbot, t, row)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.page("t3"))
    view = window.page("t3").view
    assert view.model().ref_at(view.currentIndex()) == "t3.r01.c7"


def test_compare_without_last_year_says_how_to_get_it(seed_window):
    seed_window.review.compare_with_last_year()
    assert "从上年报告新建" in seed_window.review.compare_dialog.heading.text()
    assert seed_window.review.compare_dialog.table.rowCount() == 0


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
