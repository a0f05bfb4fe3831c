"""表二 of a 2019 report: the clerk states 采购总金额's unit above the table; the header, the finding and undo follow."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from core.io import project_file
from core.model.money_unit import money_unit

from .conftest import seed
from .test_main_window import _finding_index

HEAD = "采购总金额（万元）"


def _unstated(tmp_path):
    """Seed 004 (2019 format, 采购总金额 2359.4197) as a file that does not say 万元 or 元."""
    d = json.loads(seed(4).read_text(encoding="utf-8"))
    d["meta"].pop("money_unit", None)
    path = tmp_path / "2020年报.nianbao"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return path


def _header(window) -> str:
    model = window.page("t2").view.model()
    g = next(g for g in model.spec.grid if g.chosen_unit)
    return model.index(g.row, g.col).data(Qt.ItemDataRole.DisplayRole)


def test_choosing_the_unit_prints_it_clears_the_warning_and_undoes(window, qtbot, tmp_path, dialogs):
    assert window.files.open_path(_unstated(tmp_path)).wait()
    index, finding, group = _finding_index(window, "W-A9-UNIT")
    assert finding is not None and group.startswith("二、主动公开")
    tree = window.findings.tree
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    assert window.current_page() == "t2"
    picker = window.page("t2").money_unit
    assert picker.isVisible() and picker.hint.isVisible() and picker.unit() is None
    qtbot.waitUntil(picker.buttons["万元"].hasFocus, timeout=3000)  # the finding takes the clerk to the choice
    assert _header(window) == "采购总金额"

    qtbot.mouseClick(picker.buttons["万元"], Qt.MouseButton.LeftButton)
    assert money_unit(window.document.report) == "万元" and not picker.hint.isVisible()
    assert _header(window) == HEAD
    assert _finding_index(window, "W-A9-UNIT")[1] is None

    qtbot.keyClick(picker.buttons["元"], Qt.Key.Key_Space)  # 元: 2359.4197 元 has fractions of a fen
    assert money_unit(window.document.report) == "元" and _header(window) == "采购总金额（元）"
    assert "4 位小数" in _finding_index(window, "W-A9-UNIT")[1].message

    window.undo_action.trigger()
    assert picker.buttons["万元"].isChecked() and _header(window) == HEAD
    window.undo_action.trigger()
    assert picker.unit() is None and picker.hint.isVisible() and _header(window) == "采购总金额"
    window.redo_action.trigger()
    assert picker.unit() == "万元"

    dialogs.next_file = str(tmp_path / "已选单位.nianbao")
    assert window.files.save_as()
    assert money_unit(project_file.load(tmp_path / "已选单位.nianbao")) == "万元"


def test_a_2021_report_has_no_unit_to_choose(seed_window):
    seed_window.show_page("t2")
    assert not seed_window.page("t2").money_unit.isVisible()


def test_changing_the_format_shows_or_hides_the_choice(window, tmp_path):
    assert window.files.open_path(_unstated(tmp_path)).wait()
    window.show_page("t2")
    picker = window.page("t2").money_unit
    assert picker.isVisible()
    window.document.run_whole(lambda r: r.change_form("gb2021"), "更改报表格式")
    assert not picker.isVisible()
    window.document.undo_stack.undo()
    assert picker.isVisible() and picker.unit() is None
