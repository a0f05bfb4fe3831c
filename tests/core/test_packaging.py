"""Cheap static checks of the PyInstaller bundle set-up; the frozen app itself is tested by smoke_frozen.sh."""

from __future__ import annotations

import ast
import struct
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build_scripts"
sys.path.insert(0, str(BUILD))
sys.path.insert(0, str(ROOT / "bench"))

import archive  # noqa: E402
import bundle_contents as bc  # noqa: E402
import bundle_size  # noqa: E402

SPEC = BUILD / "nianbao.spec"


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == name]


def _keywords(tree: ast.AST, name: str) -> list[ast.AST]:
    return [k.value for n in ast.walk(tree) if isinstance(n, ast.Call) for k in n.keywords if k.arg == name]


def test_spec_is_onedir_without_upx():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    assert len(_calls(tree, "Analysis")) == 1 and len(_calls(tree, "COLLECT")) == 1
    assert _calls(tree, "EXE"), "no executable"
    upx = _keywords(tree, "upx")
    assert upx and all(isinstance(v, ast.Constant) and v.value is False for v in upx)
    onedir = _keywords(tree, "exclude_binaries")
    assert onedir and all(isinstance(v, ast.Constant) and v.value is True for v in onedir)
    analysis = _calls(tree, "Analysis")[0]
    used = {k.arg: ast.unparse(k.value) for k in analysis.keywords}
    assert used["excludes"] == "list(EXCLUDED_MODULES)"
    assert used["datas"] == "data_files(ROOT)"
    launcher = ast.unparse(analysis.args[0])
    assert "launcher.py" in launcher and (BUILD / "launcher.py").is_file()


def test_launcher_runs_the_console_entry_point():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'nianbao = "gui.main:main"' in pyproject
    assert "from gui.main import main" in (BUILD / "launcher.py").read_text(encoding="utf-8")


def test_data_files_cover_templates_and_resources():
    datas = bc.data_files(ROOT)
    dests = {(Path(src).name, dest.replace("\\", "/")) for src, dest in datas}
    assert ("gb2021.docx", "templates") in dests
    assert ("gb2019.docx", "templates") in dests
    assert ("icon.ico", "resources") in dests and ("icon.png", "resources") in dests
    for src, dest in datas:
        assert Path(src).is_file()
        assert Path(src).parent == ROOT / dest  # same relative place frozen (sys._MEIPASS) and from source
    for folder in bc.DATA_DIRS:
        on_disk = {p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        assert on_disk <= {Path(src) for src, _ in datas}


def test_unused_qt_modules_are_excluded():
    for module in ("QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtWebEngineCore", "QtWebEngineWidgets",
                   "QtMultimedia", "Qt3DCore", "QtPdf", "QtDesigner"):
        assert f"PySide6.{module}" in bc.EXCLUDED_MODULES
    assert "tkinter" in bc.EXCLUDED_MODULES


def _imported_modules(folder: Path) -> set[str]:
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_app_code_imports_no_excluded_module():
    used = _imported_modules(ROOT / "gui") | _imported_modules(ROOT / "core")
    assert not used & set(bc.EXCLUDED_MODULES)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/plugins/imageformats/qico.dll",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt6Widgets.dll",
    "PySide6/Qt/lib/libicudata.so.73",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/translations/qt_zh_CN.qm",
    "templates/gb2021.docx",
    "resources/icon.png",
    "libxcb-cursor.so.0",
    "docx/templates/default.docx",
])
def test_deny_list_keeps(dest):
    assert not bc.is_denied(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/translations/qt_help_zh_CN.qm",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/plugins/tls/qschannelbackend.dll",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt6Network.dll",
    "PySide6/Qt6Qml.dll",
    "PySide6/opengl32sw.dll",
    "libdbus-1.so.3",
    "docx/templates/default-docx-template/word/styles.xml",
])
def test_deny_list_drops(dest):
    assert bc.is_denied(dest)


def test_required_qt_plugins_are_never_denied():
    for key in bc.REQUIRED_QT:
        assert not bc.plugin_denied(key), key


def test_deny_list_against_the_installed_qt():
    import importlib.util

    found = importlib.util.find_spec("PySide6")  # located, not imported: core tests stay Qt-free
    if found is None:
        pytest.skip("PySide6 is not installed")
    package = Path(found.origin).parent
    plugins = package / "Qt" / "plugins" if (package / "Qt").is_dir() else package / "plugins"
    kept = {bc.plugin_key(p.relative_to(package.parent).as_posix()) for p in plugins.rglob("*")
            if p.suffix in (".so", ".dll") and not bc.is_denied(p.relative_to(package.parent).as_posix())}
    platform = "platforms/qwindows" if sys.platform == "win32" else "platforms/qxcb"
    assert {platform, "platforms/qoffscreen", "iconengines/qsvgicon"} <= kept
    translations = {p.name for p in package.rglob("*.qm")}
    assert bc.KEPT_TRANSLATIONS <= translations  # the names kept are real files


def test_windows_version_file(tmp_path):
    import windows_resources as wr

    assert wr.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert wr.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    path = wr.write_version_file("1.2.3", "nianbao.exe", tmp_path)
    text = path.read_bytes().decode("utf-8")
    # PyInstaller eval()s the file with its version-info classes; stand-ins record the structure.
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    stand_ins = {name: (lambda name: lambda *a, **k: (name, a, k))(name) for name in names}
    kind, _, parts = eval(compile(text, str(path), "eval"), stand_ins)  # noqa: S307 - our own file
    assert kind == "VSVersionInfo"
    assert parts["ffi"][2]["filevers"] == (1, 2, 3, 0)
    string_file, var_file = parts["kids"]
    table = string_file[1][0][0]
    assert table[1][0] == "080404B0"  # Simplified Chinese, Unicode
    strings = {s[1][0]: s[1][1] for s in table[1][1]}
    assert strings["ProductName"] == strings["FileDescription"] == "政府信息公开年报助手"
    assert strings["OriginalFilename"] == "nianbao.exe" and strings["ProductVersion"] == "1.2.3"
    assert var_file[1][0][0][1] == ("Translation", [0x0804, 1200])


def test_icon_is_a_multi_size_ico():
    import windows_resources as wr

    icon = wr.make_icon(ROOT / "resources", ROOT / "build" / "unused")
    data = icon.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 3
    widths = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48} <= widths


def test_ico_from_png(tmp_path):
    import windows_resources as wr

    png = (ROOT / "resources" / "icon.png").read_bytes()
    (tmp_path / "icon.png").write_bytes(png)
    ico = wr.make_icon(tmp_path, tmp_path / "out").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 1)
    width, _, _, _, planes, bits, size, offset = struct.unpack("<BBBBHHII", ico[6:22])
    assert (planes, bits, size, offset) == (1, 32, len(png), 22)
    assert width == wr.png_size(png)[0] % 256
    assert ico[offset:] == png
    with pytest.raises(ValueError):
        wr.png_size(b"GIF89a" + bytes(30))


def test_archive_keeps_one_top_folder_and_symlinks(tmp_path):
    bundle = tmp_path / "nianbao"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "libfoo.so.1").write_bytes(b"x" * 1000)
    (bundle / "libfoo.so.1").symlink_to("_internal/libfoo.so.1")
    out = archive.write_archive(bundle, tmp_path / "nianbao-test.tar.xz")
    with tarfile.open(out) as tf:
        members = {m.name: m for m in tf.getmembers()}
    assert set(members) == {"nianbao", "nianbao/_internal", "nianbao/_internal/libfoo.so.1", "nianbao/libfoo.so.1"}
    assert members["nianbao/libfoo.so.1"].issym()
    assert all(m.uid == 0 and m.uname == "" for m in members.values())
    assert not (tmp_path / "nianbao-test.tar.xz.part").exists()
    assert archive.archive_path(bundle).name.startswith("nianbao-")


def test_bundle_size_report(tmp_path, capsys):
    bundle = tmp_path / "nianbao"
    (bundle / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libicudata.so.73").write_bytes(b"x" * 3000)
    (bundle / "nianbao").write_bytes(b"x" * 10)
    (tmp_path / "nianbao-0.1.0-linux-x86_64.tar.xz").write_bytes(b"x" * 100)
    assert bundle_size.main([str(bundle), "--check"]) == 0
    out = capsys.readouterr().out
    assert "libicudata.so.73" in out and "ICU" in out and "nianbao-0.1.0-linux-x86_64.tar.xz" in out


def test_ci_runs_the_frozen_smoke_test():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "build_scripts/smoke_frozen.sh" in ci
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8").lower()
    assert "pyinstaller==" in constraints


def test_pyinstaller_still_collects_qt_plugins_through_the_patched_method():
    # nianbao.spec filters denied plugins by wrapping this method; a PyInstaller upgrade must keep it.
    qt = pytest.importorskip("PyInstaller.utils.hooks.qt")
    import inspect

    assert list(inspect.signature(qt.QtLibraryInfo.collect_plugins).parameters) == ["self", "plugin_type"]
    assert "self.collect_plugins(" in inspect.getsource(qt.QtLibraryInfo.collect_module)


@pytest.mark.parametrize("script", ["build.sh", "smoke_frozen.sh"])
def test_shell_scripts_parse(script):
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    result = subprocess.run([bash, "-n", str(BUILD / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
