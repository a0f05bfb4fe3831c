"""Pack dist/nianbao into the archive handed to offices (tar.xz on Linux, zip on Windows); print both sizes.

Usage: python build_scripts/archive.py [dist/nianbao]
"""

from __future__ import annotations

import lzma
import os
import platform
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import __version__  # noqa: E402

MB = 1_000_000


def folder_bytes(folder: Path) -> int:
    """Size of the files under ``folder``; symbolic links count as the few bytes they take."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_symlink() or p.is_file())


def platform_tag() -> str:
    machine = platform.machine().lower().replace("amd64", "x86_64")
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    return f"{system}-{machine}"


def archive_path(bundle: Path) -> Path:
    suffix = ".zip" if sys.platform == "win32" else ".tar.xz"
    return bundle.parent / f"{bundle.name}-{__version__}-{platform_tag()}{suffix}"


def xz_filters(machine: str | None = None) -> list[dict]:
    """xz's filter chain: LZMA2 at its strongest, after the BCJ filter on x86 (most of the bundle is machine
    code, whose relative call addresses BCJ makes absolute, so repeated calls look alike: 29.1 -> 27.3 MB).
    Every xz and tar decodes it; other processors get LZMA2 alone."""
    machine = (machine or platform.machine()).lower()
    bcj = [{"id": lzma.FILTER_X86}] if machine in ("x86_64", "amd64", "i386", "i686") else []
    return [*bcj, {"id": lzma.FILTER_LZMA2, "preset": 9}]


def _reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def write_archive(bundle: Path, out: Path) -> Path:
    """Write ``out`` with the folder ``bundle`` at its top level (unpacks to one folder)."""
    tmp = out.with_name(out.name + ".part")
    if out.suffix == ".zip":
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(bundle.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(bundle.parent).as_posix())
    else:
        with lzma.open(tmp, "wb", format=lzma.FORMAT_XZ, filters=xz_filters()) as xz, \
                tarfile.open(fileobj=xz, mode="w") as tf:
            tf.add(bundle, arcname=bundle.name, filter=_reset)
    os.replace(tmp, out)
    return out


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "nianbao").resolve()
    if not bundle.is_dir():
        print(f"archive: no bundle at {bundle}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    out = write_archive(bundle, archive_path(bundle))
    seconds = time.perf_counter() - started
    print(f"bundle  {bundle}  {folder_bytes(bundle) / MB:.1f} MB")
    print(f"archive {out}  {out.stat().st_size / MB:.1f} MB  ({seconds:.0f} s to pack)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
