"""``nianbao --screenshot`` renders the window to a PNG without a display and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from .conftest import ROOT, seed


def _run(*args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NIANBAO_SETTINGS_DIR=str(tmp_path / "s"),
               NIANBAO_DATA_DIR=str(tmp_path / "d"))
    return subprocess.run([sys.executable, "-m", "gui.main", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


UNBALANCED = Path(__file__).parent / "data" / "t3_unbalanced.nianbao"  # 上年结转 c1 = 3 instead of 1


def _has_colour(image: QImage, colour: str) -> bool:
    rgb = QColor(colour).rgb()
    return any(image.pixel(x, y) == rgb for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))


@pytest.mark.slow
def test_screenshot_writes_a_png(tmp_path):
    out = tmp_path / "t3.png"
    proc = _run("--screenshot", str(out), str(seed(3)), "--page", "t3", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert not _has_colour(image, "#f7c6c0")  # a clean report: no red cell


@pytest.mark.slow
def test_screenshot_shows_a_live_error_in_red(tmp_path):
    out = tmp_path / "err.png"
    proc = _run("--screenshot", str(out), str(UNBALANCED), "--page", "t3", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert _has_colour(QImage(str(out)), "#f7c6c0")


@pytest.mark.slow
def test_screenshot_of_a_broken_file_fails_with_a_message(tmp_path):
    bad = tmp_path / "bad.nianbao"
    bad.write_text("not json", encoding="utf-8")
    proc = _run("--screenshot", str(tmp_path / "x.png"), str(bad), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "无法打开" in proc.stderr and not Path(tmp_path / "x.png").exists()


def test_qt_standard_buttons_are_in_chinese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.app import _install_qt_translation

    _install_qt_translation(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert any("确定" in t for t in texts) and any("取消" in t for t in texts), texts



def test_the_file_dialog_qt_draws_itself_is_in_chinese(qapp, qtbot, tmp_path):
    """On a Linux desktop without a native dialog, Qt draws its own: 「Look in:」「Files of type:」 and the
    type 「Folder」 are missing from Qt's Chinese catalogue (Qt renamed them), so they came out English."""
    from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QLabel

    from gui.app import _install_qt_translation

    _install_qt_translation(qapp)
    (tmp_path / "各单位").mkdir()
    dialog = QFileDialog(None, "打开", str(tmp_path), "年报文件 (*.nianbao)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)：" and labels["fileTypeLabel"] == "文件类型(&T)："
    files = QFileSystemModel()
    files.setRootPath(str(tmp_path))
    qtbot.waitUntil(lambda: files.index(str(tmp_path / "各单位")).isValid())
    assert files.type(files.index(str(tmp_path / "各单位"))) == "文件夹"
