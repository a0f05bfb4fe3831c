"""What goes into the frozen bundle and what is left out; read by nianbao.spec and the packaging tests."""

from __future__ import annotations

import fnmatch
import re
import subprocess
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parents[1]

APP_NAME = "nianbao"
DISPLAY_NAME = "政府信息公开年报助手"

# Data folders of the checkout and the package each is installed as (pyproject.toml's package-dir);
# frozen, they sit in sys._MEIPASS under the package name, where importlib.resources finds them.
DATA_PACKAGES = {"nianbao_templates": "templates", "nianbao_resources": "resources"}

# Python modules the app never uses. The Qt ones matter most: each pulls in its Qt library,
# plugins and translations (engineering-notes §6).
EXCLUDED_MODULES = (
    "tkinter", "_tkinter", "test", "idlelib", "lib2to3", "pydoc_data", "ensurepip", "pip",
    "setuptools", "distutils", "pytest", "_pytest", "hypothesis", "pytestqt", "PyInstaller",
    # pypdf is a test dependency now (reading exported PDFs back); the app reads PDFs through PDFium's
    # raw bindings (pypdfium2_raw), not pypdfium2's helper layer.
    "pypdf", "pypdfium2", "pypdfium2_cli",
    # The standard library's test, debugging and server tools; asyncio only serves Jinja2's async mode.
    "unittest", "doctest", "pdb", "pydoc", "xmlrpc", "http.server", "socketserver", "asyncio",
    "concurrent", "_pydecimal",  # decimal uses the C _decimal
    # No network: ssl/_hashlib bring OpenSSL (5 MB); hashlib falls back to its built-in digests.
    "ssl", "_ssl", "_hashlib", "readline",
    # lxml's hook takes every submodule; python-docx, docxtpl, openpyxl and the importers use etree
    # (with _elementpath) and html. HTML diffing, SAX, the builders and the other parsers are 1.3 MB.
    "lxml.objectify", "lxml.isoschematron", "lxml.sax", "lxml.builder", "lxml.ElementInclude",
    "lxml.cssselect", "lxml.doctestcompare", "lxml.usedoctest",
    "lxml.html.diff", "lxml.html._difflib", "lxml.html._diffcommand", "lxml.html.builder",
    "lxml.html.formfill", "lxml.html.html5parser", "lxml.html._html5builder", "lxml.html.soupparser",
    "lxml.html.ElementSoup", "lxml.html.usedoctest", "lxml.html.clean",
    # Codecs of other CJK languages. Chinese text is UTF-8, GB18030 (_codecs_cn) or Big5 (_codecs_tw:
    # the text importer tries Big5 for every file that is not UTF-8, core/io/importers/encoding.py).
    "_codecs_jp", "_codecs_kr", "_codecs_hk", "_codecs_iso2022",
    "PySide6.QtNetwork", "PySide6.QtNetworkAuth", "PySide6.QtHttpServer", "PySide6.QtWebSockets",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest", "PySide6.QtQuick3D", "PySide6.QtQmlFeatures", "PySide6.QtLabsStyleKit",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebView",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput", "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "PySide6.QtGraphs", "PySide6.QtGraphsWidgets", "PySide6.QtBluetooth", "PySide6.QtNfc",
    "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSensors", "PySide6.QtSerialPort",
    "PySide6.QtSerialBus", "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine",
    "PySide6.QtAxContainer", "PySide6.QtConcurrent", "PySide6.QtXml", "PySide6.QtDBus",
)

# Excluded modules that the standard library tries to import and does without: http.client and
# urllib.request try ssl (no https here), hashlib tries OpenSSL's _hashlib before its own digests.
EXCLUDED_WITH_FALLBACK = frozenset({"ssl", "_ssl", "_hashlib"})

# Qt translations: the app is Chinese only. qt_zh_CN is the catalogue that pulls in qtbase_zh_CN.
KEPT_TRANSLATIONS = frozenset({"qt_zh_CN.qm", "qtbase_zh_CN.qm"})

ALL = "*"
# Qt plugins never loaded by a widgets app on a desktop: plugin directory -> plugin names
# (without "lib" prefix and suffix, so one list serves Linux and Windows). Guarded by the frozen
# smoke test (build_scripts/smoke_frozen.sh).
DENIED_PLUGINS: dict[str, object] = {
    "egldeviceintegrations": ALL,  # EGLFS: embedded boards without a window system
    "generic": ALL,  # evdev/tslib/tuio input for framebuffer setups
    "networkinformation": ALL,  # QtNetwork is not used
    "tls": ALL,
    "qmltooling": ALL,
    "designer": ALL,
    "sqldrivers": ALL,
    "multimedia": ALL,
    "position": ALL,
    "virtualkeyboard": ALL,
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"},
    # GTK3 theme: drags in cairo/pango/gdk-pixbuf of the build machine and would mix them with the
    # target's GTK; Qt's own dialogs are used instead.
    "platformthemes": {"qgtk3"},
    # The app reads no pictures: PNG is built into QtGui; icons are PNG, SVG or ICO.
    "imageformats": {"qtiff", "qwebp", "qicns", "qtga", "qwbmp", "qpdf", "qjpeg", "qgif"},
    # OpenGL buffer integrations: widgets paint with the raster engine (no QOpenGLWidget/Quick).
    "xcbglintegrations": ALL,
    "wayland-graphics-integration-client": ALL,
    "wayland-graphics-integration-server": ALL,  # for Wayland compositors, not for applications
    # Qt's on-screen keyboard: its libraries (QtVirtualKeyboard, QML) are not in the PySide6 wheels used.
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},
    "wayland-shell-integration": {"fullscreen-shell-v1", "ivi-shell", "qt-shell", "wl-shell-plugin"},
}

# Shared libraries left out wherever they come from (glob on the file name, case-insensitive).
DENIED_LIBRARIES = (
    "*qt6network*", "*qt6qml*", "*qt6quick*", "*qt6pdf*", "*qt6webengine*", "*qt6multimedia*",
    "*qt63d*", "*qt6designer*", "*qt6virtualkeyboard*", "*qt6eglfs*",
    "opengl32sw.dll",  # 20 MB software OpenGL; widgets paint with the raster engine
    # Linux: the D-Bus client library and what Debian links into it (systemd, gcrypt, lz4, libcap).
    # Every desktop has its own, matching its D-Bus daemon; bundling the build machine's is 3 MB.
    "libdbus-1.so*", "libsystemd.so*", "libgcrypt.so*", "libgpg-error.so*", "liblz4.so*", "libcap.so*",
)

# Linux: the X11 client, font and GLib libraries, left to the desktop where only Qt needs them (5.2 MB).
# Every desktop that can show a window has them, as it has libxcb, libGL and libwayland-client, which
# PyInstaller itself never bundles; the bundle needs glibc >= 2.36 (the build machine's), and distributions
# of that age ship these in the build machine's versions or newer. The desktop's own fontconfig also reads
# its fonts.conf without surprises. One that the terminal path needs stays (Debian's libpython links
# libexpat): a server without a desktop runs the terminal commands (smoke_frozen.sh checks they load none).
DESKTOP_LIBRARIES = (
    "libx11.so*", "libx11-xcb.so*", "libxau.so*", "libxdmcp.so*", "libbsd.so*", "libmd.so*",  # (lower case)
    "libfontconfig.so*", "libfreetype.so*", "libpng16.so*", "libbrotlidec.so*", "libbrotlicommon.so*",
    "libexpat.so*", "libglib-2.0.so*", "libgthread-2.0.so*", "libpcre2-8.so*",
)

# Binaries of Qt and its bindings: only the window's path loads them.
QT_FOLDERS = ("PySide6", "shiboken6")

# Data files left out (glob on the path inside the bundle).
DENIED_DATA = (
    "docx/templates/default-docx-template/*",  # unpacked source of python-docx's default.docx
)

# Qt files that must stay: a deny-list that catches one of these is a bug (tests check it).
REQUIRED_QT = (
    "platforms/qxcb", "platforms/qoffscreen", "platforms/qwayland", "platforms/qwindows",
    "platforminputcontexts/ibusplatforminputcontextplugin",
    "platforminputcontexts/composeplatforminputcontextplugin",
    "imageformats/qsvg", "imageformats/qico", "iconengines/qsvgicon", "styles/qmodernwindowsstyle",
)


def plugin_key(dest: str) -> str | None:
    """Return "dir/name" for a Qt plugin destination path, None for anything else."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6" or "plugins" not in parts[:-1]:
        return None
    i = len(parts) - 1 - parts[::-1].index("plugins")
    if i + 2 != len(parts) - 1:
        return None
    name = re.sub(r"\.(so|dll|dylib)$", "", parts[-1].lower())
    if name.startswith("lib") and not parts[-1].lower().endswith(".dll"):
        name = name[3:]
    return f"{parts[i + 1]}/{name}"


def plugin_denied(key: str) -> bool:
    group, _, name = key.partition("/")
    denied = DENIED_PLUGINS.get(group)
    return denied == ALL or (isinstance(denied, (set, frozenset)) and name in denied)


def is_denied(dest: str) -> bool:
    """Whether a file at ``dest`` (path inside the bundle) is left out of the bundle."""
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    key = plugin_key(dest)
    if key is not None and plugin_denied(key):
        return True
    if name.endswith(".qm") and "/translations/" in f"/{dest}" and name not in KEPT_TRANSLATIONS:
        return True
    if any(fnmatch.fnmatch(dest, pattern) for pattern in DENIED_DATA):
        return True
    return any(fnmatch.fnmatch(name.lower(), pattern) for pattern in DENIED_LIBRARIES)


def _file_name(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def is_desktop_library(dest: str) -> bool:
    return any(fnmatch.fnmatch(_file_name(dest).lower(), pattern) for pattern in DESKTOP_LIBRARIES)


def left_to_the_desktop(binaries: list[tuple[str, str]], needed) -> set[str]:
    """The destinations of the DESKTOP_LIBRARIES among ``binaries`` ((destination, source) pairs) that
    nothing outside Qt needs: the libraries reached from libpython and the extension modules of the other
    packages (``needed(source)`` lists a binary's DT_NEEDED sonames) stay in the bundle."""
    by_name = {_file_name(dest): src for dest, src in binaries}
    folder = {dest: dest.replace("\\", "/").split("/")[0] if "/" in dest.replace("\\", "/") else ""
              for dest, _ in binaries}
    roots = [src for dest, src in binaries
             if folder[dest] not in QT_FOLDERS and (folder[dest] or dest.startswith("libpython"))]
    reached: set[str] = set()
    while roots:
        for name in needed(roots.pop()):
            if name in by_name and name not in reached:
                reached.add(name)
                roots.append(by_name[name])
    return {dest for dest, _ in binaries if is_desktop_library(dest) and _file_name(dest) not in reached}


def elf_needed(path: str) -> list[str]:
    """The sonames an ELF file names as DT_NEEDED (``objdump -p``; binutils, which PyInstaller needs too)."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)", out, re.M)


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """Return PyInstaller ``datas`` (source, destination folder) for the data files of DATA_PACKAGES."""
    datas = []
    for package, folder in DATA_PACKAGES.items():
        for path in sorted((root / folder).rglob("*")):
            if (path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts
                    and not path.name.startswith("~$")):
                datas.append((str(path), str(Path(package, path.parent.relative_to(root / folder)))))
    return datas
