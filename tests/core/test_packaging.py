"""The packaging helpers and the installed package, by their behaviour.

The bundle itself is run by build_scripts/smoke_frozen.sh and the installed wheel by smoke_wheel.sh (both in CI).
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build_scripts"
sys.path.insert(0, str(BUILD))
sys.path.insert(0, str(ROOT / "bench"))

import archive  # noqa: E402
import build_wheel  # noqa: E402
import bundle_contents as bc  # noqa: E402
import bundle_size  # noqa: E402
import qt_system_libs  # noqa: E402

import core  # noqa: E402
from core.resources import resource_path, template_path  # noqa: E402


def test_resource_locator_finds_the_shipped_files():
    for path in (template_path("gb2021.docx"), template_path("gb2019.docx"), template_path("README.md"),
                 resource_path("icon.png"), resource_path("icon.ico"), resource_path("icon.svg")):
        assert path.is_file(), path
    assert template_path("gb2021.docx").read_bytes()[:2] == b"PK"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    return zipfile.ZipFile(build_wheel.build_wheel(tmp_path_factory.mktemp("wheel")))


@pytest.mark.slow
def test_wheel_carries_every_module_of_core_and_gui(wheel):
    names = set(wheel.namelist())
    for package in ("core", "gui"):
        for path in (ROOT / package).rglob("*.py"):
            name = path.relative_to(ROOT).as_posix()
            assert name in names, f"{name} is not in the wheel: add its package to pyproject.toml's packages"


@pytest.mark.slow
def test_wheel_carries_the_data_under_its_own_package_names(wheel):
    names = set(wheel.namelist())
    for package, folder in bc.DATA_PACKAGES.items():
        for path in (ROOT / folder).iterdir():
            if path.is_file():
                assert f"{package}/{path.name}" in names
    top = {name.split("/", 1)[0] for name in names}
    assert top == {"core", "gui", *bc.DATA_PACKAGES, f"nianbao-{core.__version__}.dist-info"}
    entry_points = wheel.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "nianbao = gui.main:main" in entry_points


def _launcher():
    spec = importlib.util.spec_from_file_location("launcher", BUILD / "launcher.py")
    launcher = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(launcher)
    return launcher


def test_launcher_runs_the_console_entry_point():
    from gui.main import main

    assert _launcher().main is main


def test_launcher_diverts_only_multiprocessing_children():
    divert = _launcher().divert_multiprocessing_children
    for argv in (["nianbao"], ["nianbao", "--version"], ["nianbao", "check", "-c", "x.nianbao"], ["nianbao", "-c"]):
        assert divert(argv) is None  # the app runs
    with pytest.raises(SystemExit):
        divert(["nianbao", "-B", "-c", "from multiprocessing.resource_tracker import main; main = print"])


def test_data_files_cover_templates_and_resources():
    datas = bc.data_files(ROOT)
    dests = {(Path(src).name, dest.replace("\\", "/")) for src, dest in datas}
    assert {("gb2021.docx", "nianbao_templates"), ("gb2019.docx", "nianbao_templates"),
            ("icon.ico", "nianbao_resources"), ("icon.png", "nianbao_resources")} <= dests
    for package, folder in bc.DATA_PACKAGES.items():
        on_disk = {p for p in (ROOT / folder).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"}
        assert on_disk == {Path(src) for src, dest in datas if dest.startswith(package)}


def test_the_runtime_hook_sets_qt_paths_without_importing_qt(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("QT_PLUGIN_PATH", raising=False)
    before = set(sys.modules)
    exec(compile((BUILD / "rthook_qt_paths.py").read_text(encoding="utf-8"), "rthook", "exec"), {})
    plugins = Path(__import__("os").environ["QT_PLUGIN_PATH"])
    assert plugins.name == "plugins" and tmp_path in plugins.parents
    assert not {m for m in set(sys.modules) - before if m.startswith(("PySide6", "shiboken6"))}


def test_qt_system_libs_reports_what_ldd_cannot_find(monkeypatch, tmp_path, capsys):
    ldd = ("\tlibQt6Core.so.6 => /x/libQt6Core.so.6 (0x1)\n\tlibxcb-icccm.so.4 => not found\n"
           "\tlibxcb-keysyms.so.1 => not found\n")
    monkeypatch.setattr(qt_system_libs.subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=ldd, stderr=""))
    assert qt_system_libs.missing_libraries(tmp_path / "libqxcb.so") == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    monkeypatch.setattr(qt_system_libs, "kept_plugins", lambda: [tmp_path / "platforms" / "libqxcb.so"])
    assert qt_system_libs.main() == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "libxcb-icccm.so.4" in err and "platforms/libqxcb.so" in err


def test_qt_plugins_kept_in_the_bundle_find_their_system_libraries():
    assert qt_system_libs.main() == 0  # .ci/run installs them; on failure it names what is missing


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


# Every feature, run from source in a fresh interpreter, and the modules it loaded: none may be one the
# bundle leaves out (nianbao.spec excludes them, so the frozen app would fail where the source run works).
_FEATURES = r"""
import contextlib, io, os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from gui.main import main
d = Path(sys.argv[1])
runs = [["check", d / f] for f in ("s.nianbao", "gbk.txt", "big5.txt", "utf16.txt", "s.docx", "s.xlsx", "s.html", "s.pdf")]
runs += [["export", d / "s.nianbao", "-o", d / f"o.{k}", "--force"] for k in ("docx", "xlsx", "html")]
runs += [["merge", d / "s.nianbao", d / "s.docx", "--allow-duplicates", "-o", d / "m.nianbao", "--breakdown", d / "b.xlsx"],
         ["new", "--from", d / "s.nianbao", "-o", d / "n.nianbao"], ["import", d / "s.pdf", "-o", d / "i.nianbao"],
         ["check", d, "--report", d / "audit.xlsx"],
         ["--screenshot", d / "x.png", d / "s.pdf", "--page", "t3"]]
for run in runs:
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main([str(a) for a in run])
        except SystemExit as exc:
            code = exc.code
    if code not in (0, 1):
        sys.exit(f"{run}: exit code {code}")
print("\n".join(sorted(sys.modules)))
"""


@pytest.mark.slow
def test_no_feature_loads_a_module_the_bundle_leaves_out(tmp_path, seed_export, office, seeds_dir):
    from core.io.importers.encoding import _T2S

    from .helpers import seed
    from .import_samples import pdf_copy_text

    shutil.copy(ROOT / "tests" / "data" / "seeds" / "seed001.nianbao", tmp_path / "s.nianbao")
    for suffix in (".docx", ".xlsx", ".html"):
        shutil.copy(seed_export(1, suffix), tmp_path / f"s{suffix}")
    shutil.copy(office.convert([tmp_path / "s.docx"], "pdf")[0], tmp_path / "s.pdf")
    text = pdf_copy_text(seed(1))
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16-le"))
    traditional = {v if isinstance(v, str) else chr(v): chr(k) for k, v in _T2S.items()}
    (tmp_path / "big5.txt").write_bytes("".join(traditional.get(c, c) for c in text).encode("big5", "ignore"))
    result = subprocess.run([sys.executable, "-c", _FEATURES, str(tmp_path)], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = set(result.stdout.split())
    assert {"pypdfium2_raw", "lxml.html", "_codecs_cn", "_codecs_tw", "PySide6.QtWidgets"} <= loaded  # it ran
    left_out = sorted(name for name in loaded - bc.EXCLUDED_WITH_FALLBACK
                      if any(name == x or name.startswith(f"{x}.") for x in bc.EXCLUDED_MODULES))
    assert not left_out


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
    "nianbao_templates/gb2021.docx",
    "nianbao_resources/icon.png",
    "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0",
    # what the terminal commands load (zlib, ctypes for PDFium, lzma, uuid) and the C++ runtime Qt needs
    "libz.so.1", "libffi.so.8", "liblzma.so.5", "libuuid.so.1", "libstdc++.so.6", "libzstd.so.1",
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
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/wayland-graphics-integration-server/libqt-wayland-compositor-wayland-egl.so",
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


_NEEDS = {  # DT_NEEDED of a bundle like the one Debian's python3 gives (its libpython links libexpat)
    "/lib/libpython3.11.so.1.0": ["libexpat.so.1", "libz.so.1"],
    "/lib/lxml/etree.so": ["libz.so.1"],
    "/lib/libQt6Gui.so.6": ["libfontconfig.so.1", "libX11.so.6", "libglib-2.0.so.0", "libQt6Core.so.6"],
    "/lib/libQt6Core.so.6": ["libglib-2.0.so.0", "libstdc++.so.6"],
    "/lib/libfontconfig.so.1": ["libfreetype.so.6", "libexpat.so.1"],
    "/lib/libglib-2.0.so.0": ["libpcre2-8.so.0"],
}
_BINARIES = [("libpython3.11.so.1.0", "/lib/libpython3.11.so.1.0"), ("lxml/etree.so", "/lib/lxml/etree.so"),
             ("PySide6/Qt/lib/libQt6Gui.so.6", "/lib/libQt6Gui.so.6"),
             ("PySide6/Qt/lib/libQt6Core.so.6", "/lib/libQt6Core.so.6"),
             *((name, f"/lib/{name}") for name in ("libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1",
                                                   "libX11.so.6", "libglib-2.0.so.0", "libpcre2-8.so.0",
                                                   "libz.so.1", "libstdc++.so.6"))]


def test_libraries_only_qt_needs_are_left_to_the_desktop():
    left = bc.left_to_the_desktop(_BINARIES, lambda src: _NEEDS.get(src, []))
    assert left == {"libfontconfig.so.1", "libfreetype.so.6", "libX11.so.6", "libglib-2.0.so.0", "libpcre2-8.so.0"}


def test_a_desktop_library_the_terminal_path_needs_stays():
    # libexpat stays while libpython needs it, and goes with fontconfig where Python has its own (pyenv's).
    assert "libexpat.so.1" not in bc.left_to_the_desktop(_BINARIES, lambda src: _NEEDS.get(src, []))
    own_expat = {**_NEEDS, "/lib/libpython3.11.so.1.0": ["libz.so.1"]}
    assert "libexpat.so.1" in bc.left_to_the_desktop(_BINARIES, lambda src: own_expat.get(src, []))
    # A Qt library never counts as the terminal path's, wherever it sits.
    assert "libX11.so.6" in bc.left_to_the_desktop(
        [*_BINARIES, ("PySide6/QtGui.abi3.so", "/lib/QtGui.so")],
        lambda src: {**_NEEDS, "/lib/QtGui.so": ["libX11.so.6"]}.get(src, []))


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("objdump"), reason="Linux and binutils")
def test_elf_needed_reads_what_qt_links():
    gui = next((Path(importlib.util.find_spec("PySide6").origin).parent / "Qt" / "lib").glob("libQt6Gui.so.6"))
    assert {"libQt6Core.so.6", "libfontconfig.so.1"} <= set(bc.elf_needed(str(gui)))
    assert bc.is_desktop_library("libfontconfig.so.1") and not bc.is_desktop_library("libxcb-icccm.so.4")


def test_required_qt_plugins_are_never_denied():
    for key in bc.REQUIRED_QT:
        assert not bc.plugin_denied(key), key


def test_deny_list_against_the_installed_qt():
    found = importlib.util.find_spec("PySide6")  # located, not imported: core tests stay Qt-free
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


@pytest.mark.skipif(not (shutil.which("tar") and shutil.which("xz")), reason="tar or xz is not installed")
def test_archive_unpacks_with_the_systems_tar(tmp_path):
    # An office unpacks with tar (and xz), not Python: the BCJ filter chain must be one they decode.
    bundle = tmp_path / "nianbao"
    (bundle / "_internal").mkdir(parents=True)
    code = Path(sys.executable).resolve().read_bytes()[:200_000]  # machine code, for the BCJ filter
    (bundle / "_internal" / "libfoo.so.1").write_bytes(code)
    out = archive.write_archive(bundle, tmp_path / "nianbao-test.tar.xz")
    assert archive.xz_filters("x86_64")[0] == {"id": __import__("lzma").FILTER_X86}
    assert len(archive.xz_filters("aarch64")) == 1
    (tmp_path / "unpacked").mkdir()
    subprocess.run(["tar", "-xJf", str(out), "-C", str(tmp_path / "unpacked")], check=True)
    assert (tmp_path / "unpacked" / "nianbao" / "_internal" / "libfoo.so.1").read_bytes() == code


def test_bundle_size_report(tmp_path, capsys):
    bundle = tmp_path / "nianbao"
    (bundle / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libicudata.so.73").write_bytes(b"x" * 3000)
    (bundle / "nianbao").write_bytes(b"x" * 10)
    (tmp_path / "nianbao-0.1.0-linux-x86_64.tar.xz").write_bytes(b"x" * 100)
    assert bundle_size.main([str(bundle), "--check"]) == 0
    out = capsys.readouterr().out
    assert "libicudata.so.73" in out and "ICU" in out and "nianbao-0.1.0-linux-x86_64.tar.xz" in out


def test_pyinstaller_still_collects_qt_plugins_through_the_patched_method():
    # nianbao.spec filters denied plugins by wrapping this method; a PyInstaller upgrade must keep it.
    import inspect

    from PyInstaller.utils.hooks import qt

    assert list(inspect.signature(qt.QtLibraryInfo.collect_plugins).parameters) == ["self", "plugin_type"]
    assert "self.collect_plugins(" in inspect.getsource(qt.QtLibraryInfo.collect_module)


@pytest.mark.parametrize("script", ["build.sh", "smoke_frozen.sh", "smoke_wheel.sh", "../.ci/run"])
def test_shell_scripts_parse(script):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    result = subprocess.run([bash, "-n", str(BUILD / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _qt_answers(icu_dir: Path | None = None) -> str:
    """What Qt answers through ICU (build_scripts/icu_probe.py), with the full data or the libicudata in icu_dir."""
    env = {k: v for k, v in __import__("os").environ.items() if k != "LD_LIBRARY_PATH"}
    if icu_dir is not None:
        env["LD_LIBRARY_PATH"] = str(icu_dir)  # searched before QtCore's RUNPATH
    result = subprocess.run([sys.executable, str(BUILD / "icu_probe.py")], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("icupkg") or not shutil.which("objcopy"),
                    reason="icu-devtools or binutils is not installed")
def test_filtered_icu_data_gives_qt_the_same_answers(tmp_path, monkeypatch):
    import icu_data

    package = Path(importlib.util.find_spec("PySide6").origin).parent
    full = next((package / "Qt" / "lib").glob("libicudata.so.*"))
    small = icu_data.build(full, tmp_path / "small")
    assert small.stat().st_size < full.stat().st_size / 5
    assert _qt_answers(small.parent) == _qt_answers()
    # The probe notices a missing piece: without the Chinese collation, 县 and 乡 no longer sort by pinyin.
    monkeypatch.setattr(icu_data, "KEPT_ITEMS", tuple(p for p in icu_data.KEPT_ITEMS if not p.startswith("coll/zh")))
    broken = icu_data.build(full, tmp_path / "broken")
    assert _qt_answers(broken.parent) != _qt_answers()


@pytest.mark.slow  # nm over Qt's libraries
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle filters ICU data on Linux only")
@pytest.mark.skipif(not shutil.which("nm"), reason="binutils is not installed")
def test_qt_calls_only_the_icu_functions_whose_data_the_bundle_keeps():
    # icu_data.py keeps converters, case mapping, collation and time-zone data, and drops the rest
    # (character names, IDNA, break iteration ...): a Qt that called more would need a new KEPT_ITEMS.
    import re

    lib = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt" / "lib"
    called = set()
    for path in [*lib.glob("libQt6*.so.6"), *lib.parent.parent.glob("Qt*.abi3.so")]:
        out = subprocess.run(["nm", "-D", "--undefined-only", str(path)], capture_output=True, text=True).stdout
        called |= set(re.findall(r"\s(u\w*|U\w*)_\d+$", out, re.M))
    assert called, "no ICU function found: is QtCore still linked with ICU?"
    assert all(re.match(r"(ucnv_|UCNV_|ucol_|ucal_|u_strTo(Upper|Lower)$)", name) for name in called), sorted(called)
