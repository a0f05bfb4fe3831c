"""Check that the system libraries Qt's plugins link are installed (ldd of every plugin the bundle keeps).

Qt loads its platform plugin (xcb, wayland, offscreen) only when the window opens, so a missing
``libxcb-icccm.so.4`` shows up late, as "could not load the Qt platform plugin". .ci/run calls this
right after installing the venv and stops with one line naming what is missing.
Usage: python build_scripts/qt_system_libs.py    (exit 0: all found; 1: some missing; Linux only)
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_contents import is_denied  # noqa: E402


# Plugin folders a Qt Widgets window loads from (PyInstaller collects these for QtGui and QtWidgets; the
# others, e.g. printsupport or sqldrivers, belong to Qt modules the app does not use).
WINDOW_PLUGIN_DIRS = ("platforms", "platforminputcontexts", "platformthemes", "iconengines", "imageformats",
                      "styles", "wayland-decoration-client", "wayland-shell-integration",
                      "wayland-graphics-integration-client", "xcbglintegrations", "egldeviceintegrations", "generic")


def kept_plugins() -> list[Path]:
    """The window's Qt plugins of the installed PySide6 that the bundle carries (located, not imported)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("qt_system_libs: PySide6 is not installed in this Python")
    package = Path(spec.origin).parent
    return sorted(p for folder in WINDOW_PLUGIN_DIRS for p in (package / "Qt" / "plugins" / folder).glob("*.so")
                  if not is_denied(p.relative_to(package.parent).as_posix()))


def missing_libraries(plugin: Path) -> list[str]:
    """Sonames that ``ldd`` cannot resolve for ``plugin``."""
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    return sorted(set(re.findall(r"^\s*(\S+) => not found", out, re.M)))


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    missing: dict[str, list[str]] = {}
    for plugin in kept_plugins():
        for name in missing_libraries(plugin):
            missing.setdefault(name, []).append(f"{plugin.parent.name}/{plugin.name}")
    if not missing:
        return 0
    needed = "; ".join(f"{name} (for {', '.join(users[:3])})" for name, users in sorted(missing.items()))
    print(f"Qt's plugins lack system libraries: {needed} - add their Debian packages to .ci/run's DEB_PACKAGES",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
