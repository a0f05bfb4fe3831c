"""Print where the megabytes of the frozen bundle go: folder and archive size, the largest files, groups.

Goals (issue 10): folder < 95 MB, archive < 30 MB. ``--check`` exits 1 when a goal is missed.
Usage: python bench/bundle_size.py [--check] [dist/nianbao]   (run build_scripts/build.sh first)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
FOLDER_GOAL_MB = 95
ARCHIVE_GOAL_MB = 30

# First match wins; patterns are substrings of the path inside the bundle.
GROUPS = (
    ("ICU (Unicode data that QtCore links)", ("libicu", "icudt", "icuuc", "icuin")),
    ("Qt plugins", ("/plugins/",)),
    ("Qt translations", ("/translations/",)),
    ("Qt libraries", ("Qt6", "libQt6")),
    ("PySide6/shiboken bindings", ("PySide6/", "shiboken6", "pyside6")),
    ("Python (interpreter, stdlib, extension modules)", ("python3", "libpython", "base_library.zip",
                                                         "lib-dynload", "_internal/_", ".pyd")),
    ("lxml", ("lxml/",)),
    ("PDFium (PDF import)", ("pypdfium2_raw/",)),
    ("templates and resources", ("nianbao_templates/", "nianbao_resources/")),
    ("system libraries (xcb extensions, xkbcommon, C++ runtime, zlib/lzma/ffi ...)", (".so", ".dll")),
)


def files(bundle: Path) -> list[tuple[int, str]]:
    """(size, path inside bundle) of every regular file; symbolic links are not counted twice."""
    return [(p.stat().st_size, p.relative_to(bundle).as_posix())
            for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]


def group_of(path: str) -> str:
    probe = f"/{path}"
    for name, needles in GROUPS:
        if any(n in probe for n in needles):
            return name
    return "other (PYZ archive with the code, executable, data)"


def glibc_floor(bundle: Path) -> tuple[str, str] | None:
    """Return (newest GLIBC_x.y version any bundled ELF file asks for, that file); None off Linux."""
    newest = None
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
            data = fh.read()
        for match in set(re.findall(rb"GLIBC_(2\.\d+)", data)):
            version = tuple(int(n) for n in match.split(b"."))
            if newest is None or version > newest[0]:
                newest = (version, path.relative_to(bundle).as_posix())
    return None if newest is None else (".".join(map(str, newest[0])), newest[1])


def find_archive(bundle: Path) -> Path | None:
    candidates = [p for p in bundle.parent.glob(f"{bundle.name}-*") if p.suffix in (".xz", ".zip")]
    return max(candidates, key=lambda p: p.stat().st_mtime, default=None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "nianbao"))
    parser.add_argument("--check", action="store_true", help="exit 1 when a size goal is missed")
    args = parser.parse_args(argv)
    bundle = Path(args.bundle)
    if not bundle.is_dir():
        print(f"bundle_size: no bundle at {bundle} (run build_scripts/build.sh)", file=sys.stderr)
        return 2
    entries = files(bundle)
    total = sum(size for size, _ in entries) / MB
    archive = find_archive(bundle)
    archive_mb = archive.stat().st_size / MB if archive else None

    ok = total < FOLDER_GOAL_MB and (archive_mb is None or archive_mb < ARCHIVE_GOAL_MB)
    print(f"bundle folder  {total:6.1f} MB  (goal < {FOLDER_GOAL_MB} MB)  {len(entries)} files  {bundle}")
    if archive is None:
        print("archive        (none beside the bundle; run build_scripts/archive.py)")
    else:
        print(f"archive        {archive_mb:6.1f} MB  (goal < {ARCHIVE_GOAL_MB} MB)  {archive.name}")

    floor = glibc_floor(bundle)
    if floor:
        print(f"needs glibc >= {floor[0]} (newest symbol version asked for, e.g. by {floor[1]}):"
              " build on the oldest Linux the offices run")

    print("\nlargest ten files:")
    for size, path in sorted(entries, reverse=True)[:10]:
        print(f"  {size / MB:6.1f} MB  {path}")

    groups = Counter()
    for size, path in entries:
        groups[group_of(path)] += size
    print("\nby group:")
    for name, size in groups.most_common():
        print(f"  {size / MB:6.1f} MB  {name}")

    if args.check and not ok:
        print("\nbundle_size: a size goal is missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
