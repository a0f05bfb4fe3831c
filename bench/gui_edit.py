"""Cost of typing a number and Enter in 表三, next to a plain QTableView + QStandardItemModel of the same size.

Both tables sit in a 1366×768 window and get the same keystrokes through QTest (two digits, then
Enter), timed from the first key to the repaint having been drawn. The two are measured in the
same run, in alternating blocks, and the ratio is printed (goal: p50 ≤ 1.5× the plain table,
p99 ≤ 33 ms offscreen).

    .venv/bin/python bench/gui_edit.py [-n 300]
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python bench/gui_edit.py   # a real X11 window
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "tests" / "data" / "seeds" / "seed003.nianbao"
BLOCK = 20  # edits per block; blocks alternate between the two tables


def _settle(app) -> None:
    """Let every posted event run, the repaint included (it is a posted UpdateRequest)."""
    app.processEvents()
    app.processEvents()


def _type_and_enter(app, view, index, text: str) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view.setCurrentIndex(index)
    _settle(app)
    start = time.perf_counter()
    QTest.keyClicks(view, text[0])
    editor = app.focusWidget()
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    _settle(app)
    return (time.perf_counter() - start) * 1000


def _editor_window(app):
    from core.io import project_file
    from gui.document import ReportDocument
    from gui.main_window import MainWindow

    window = MainWindow(autosave=False)
    window.resize(1366, 768)
    window.set_document(ReportDocument(project_file.load(SEED), SEED))
    window.show_page("t3")
    window.show()
    view = window.page("t3").view
    model = view.model()
    targets = [model.index_of(c.ref) for c in model.spec.cells if not c.derived]
    view.setFocus()
    return window, view, targets


def _plain_window(app, rows: int, cols: int):
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    model = QStandardItemModel(rows, cols)
    for r in range(rows):
        for c in range(cols):
            model.setItem(r, c, QStandardItem(str((r * 7 + c) % 50)))
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    window.show()
    view.setFocus()
    targets = [model.index(r, c) for r in range(3, rows) for c in range(3, cols - 1)]
    window._model = model  # keep it alive
    return window, view, targets


def _activate(app, window, view, other) -> None:
    """Show ``window`` alone (a real display paints only what is visible), with focus in ``view``."""
    other.hide()
    window.show()
    if app.platformName() != "offscreen":  # offscreen windows cannot be raised (and need not be)
        window.raise_()
        window.activateWindow()
    view.setFocus()
    for _ in range(5):
        _settle(app)


def _pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(len(s) * q))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="edits per table (default 300)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.mkdtemp()
    os.environ["NIANBAO_SETTINGS_DIR"] = tmp
    os.environ["NIANBAO_DATA_DIR"] = tmp
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    editor, editor_view, editor_cells = _editor_window(app)
    rows, cols = editor_view.model().rowCount(), editor_view.model().columnCount()
    plain, plain_view, plain_cells = _plain_window(app, rows, cols)
    _settle(app)

    runs = {"editor": (editor, editor_view, editor_cells, []), "plain": (plain, plain_view, plain_cells, [])}
    others = {"editor": plain, "plain": editor}
    for name in runs:  # warm-up: first edits build editors, fonts and caches
        window, view, cells, _ = runs[name]
        _activate(app, window, view, others[name])
        for i in range(10):
            _type_and_enter(app, view, cells[i % len(cells)], str(10 + i % 80))
    done = 0
    while done < args.n:
        for name in ("editor", "plain"):
            window, view, cells, samples = runs[name]
            _activate(app, window, view, others[name])
            for i in range(done, done + BLOCK):
                samples.append(_type_and_enter(app, view, cells[(i * 7) % len(cells)], str(10 + i % 80)))
        done += BLOCK

    ed, pl = runs["editor"][3], runs["plain"][3]
    platform = app.platformName()
    print(f"type two digits + Enter in 表三 ({rows}×{cols} grid, {len(ed)} edits each, {platform}, "
          f"1366×768 window; ms from first key to repaint)")
    print(f"  editor (ReportTableModel):        p50 {_pct(ed, .5):6.2f}   p99 {_pct(ed, .99):6.2f}   "
          f"max {max(ed):6.2f}")
    print(f"  plain QTableView + QStandardItem: p50 {_pct(pl, .5):6.2f}   p99 {_pct(pl, .99):6.2f}   "
          f"max {max(pl):6.2f}")
    ratio50 = _pct(ed, .5) / _pct(pl, .5)
    ratio99 = _pct(ed, .99) / _pct(pl, .99)
    print(f"  ratio editor / plain:             p50 {ratio50:5.2f}×  p99 {ratio99:5.2f}×   "
          f"(goal p50 ≤ 1.5×, p99 ≤ 33 ms offscreen)")
    print(f"  load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    editor.document.undo_stack.setClean()
    return 0


if __name__ == "__main__":
    sys.exit(main())
