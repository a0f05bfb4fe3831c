"""Build the nianbao wheel from a copy of the sources, so the checkout gets no build/ or stale files.

Usage: python build_scripts/build_wheel.py OUT_DIR   (prints the wheel's path; needs setuptools, offline)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "core", "gui", "templates", "resources")


def build_wheel(out_dir: Path) -> Path:
    """Return the path of the wheel built into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name in SOURCES:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "~$*"))
            else:
                shutil.copy2(ROOT / name, src / name)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check", "--no-deps",
             "--no-build-isolation", "-w", str(out_dir), str(src)], capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"build_wheel: pip wheel failed\n{result.stdout}{result.stderr}")
    return max(out_dir.glob("nianbao-*.whl"), key=lambda p: p.stat().st_mtime)


if __name__ == "__main__":
    print(build_wheel(Path(sys.argv[1])))
