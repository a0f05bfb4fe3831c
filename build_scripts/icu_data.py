"""Build a smaller libicudata for the Linux bundle: the ICU data Qt can use for a Chinese app, 32 MB -> ~3 MB.

PySide6's QtCore links ICU for only four things (``nm -D --undefined-only libQt6Core.so.6``): converters
(``ucnv_*``), case mapping (``u_strToUpper/Lower``), collation (``ucol_*``) and time-zone names (``ucal_*``).
So the data keeps the Unicode properties (not character names), the converter alias table and GB18030 (UTF-8/16/32, ASCII and
Latin-1 are built into ICU's code), the root/zh/en locales with their zone and region names, zoneinfo and
the root and zh collations; it drops other languages' locales, collations, converters, break-iteration
dictionaries, transliteration, units and currencies.

Tools: binutils (objcopy, ld: also needed by PyInstaller) and Debian's icu-devtools (icupkg).
Usage: python build_scripts/icu_data.py LIBICUDATA OUT_DIR   (writes OUT_DIR/<same name>, prints sizes)
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Item names inside the package (without the "icudt73l/" prefix), as fnmatch patterns.
KEPT_ITEMS = (
    # Unicode properties, normalisation, case mapping, converter aliases. Not character names (unames.icu,
    # 0.3 MB) nor IDNA (uts46.nrm): Qt calls neither u_charName nor uidna_ (Qt 6 maps domain names itself).
    "uprops.icu", "ucase.icu", "ubidi.icu", "pnames.icu", "ulayout.icu", "uemoji.icu",
    "nfc.nrm", "nfkc.nrm", "nfkc_cf.nrm", "cnvalias.icu",
    "gb18030.cnv",
    # locales and the data every locale lookup reads
    "res_index.res", "pool.res", "root.res", "en.res", "en_*.res", "zh.res", "zh_*.res",
    "likelySubtags.res", "supplementalData.res", "metadata.res", "keyTypeData.res", "numberingSystems.res",
    "plurals.res", "dayPeriods.res", "icustd.res", "icuver.res",
    # time zones: rules and names (region names make "中国时间")
    "zoneinfo64.res", "timezoneTypes.res", "metaZones.res", "windowsZones.res",
    "zone/res_index.res", "zone/pool.res", "zone/root.res", "zone/en.res", "zone/en_*.res", "zone/zh.res",
    "zone/zh_*.res", "region/res_index.res", "region/pool.res", "region/root.res", "region/en.res",
    "region/en_*.res", "region/zh.res", "region/zh_*.res",
    # collation: root (UCA) and Chinese (pinyin, stroke)
    "coll/ucadata.icu", "coll/res_index.res", "coll/root.res", "coll/en.res", "coll/en_*.res", "coll/zh.res",
    "coll/zh_*.res",
)


def kept(item: str) -> bool:
    return any(fnmatch.fnmatchcase(item, pattern) for pattern in KEPT_ITEMS)


def _run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"icu_data: {' '.join(args[:2])} failed: {result.stderr.strip()[:500]}")
    return result.stdout


def require_tools() -> None:
    missing = [tool for tool in ("objcopy", "objdump", "readelf", "nm", "ld", "icupkg") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"icu_data: {', '.join(missing)} not found; install Debian's binutils and icu-devtools")


def data_symbol(lib: Path) -> str:
    """The exported data symbol, e.g. ``icudt73_dat`` (its section, .rodata, is the whole package)."""
    names = re.findall(r"\s(icudt\d+_dat)$", _run("nm", "-D", "--defined-only", str(lib)), re.M)
    if len(names) != 1:
        raise SystemExit(f"icu_data: {lib.name} does not export one icudtNN_dat symbol: {names}")
    return names[0]


def build(lib: Path, out_dir: Path) -> Path:
    """Write ``out_dir/<lib.name>``: the same library (soname, symbol) holding only the KEPT_ITEMS."""
    require_tools()
    symbol = data_symbol(lib)
    header = _run("objdump", "-f", str(lib))
    bfd_format = re.search(r"file format (\S+)", header).group(1)
    arch = re.search(r"architecture: ([^,]+),", header).group(1)
    soname = re.search(r"SONAME\s+(\S+)", _run("objdump", "-p", str(lib))).group(1)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # icupkg wants the file named as the package (icudt73l: ICU 73, little-endian ASCII).
        package = symbol.removesuffix("_dat") + ("l" if "little endian" in _run("readelf", "-h", str(lib)) else "b")
        (work / "full").mkdir()
        (work / "small").mkdir()
        full, small = work / "full" / f"{package}.dat", work / "small" / f"{package}.dat"
        _run("objcopy", "-O", "binary", "--only-section=.rodata", str(lib), str(full))
        items = _run("icupkg", "-l", str(full)).split()
        dropped = [item for item in items if not kept(item)]
        if len(dropped) == len(items) or not any(item == "root.res" for item in items):
            raise SystemExit(f"icu_data: {lib.name} does not look like ICU data ({len(items)} items)")
        (work / "drop.txt").write_text("\n".join(dropped) + "\n", encoding="ascii")
        _run("icupkg", "-r", str(work / "drop.txt"), str(full), str(small))
        # The package becomes the .rodata of an object whose only symbol is the one ICU's code looks up.
        obj = work / "data.o"
        start = "_binary_" + re.sub(r"[^A-Za-z0-9]", "_", str(small)) + "_start"
        _run("objcopy", "-I", "binary", "-O", bfd_format, "-B", arch,
             "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
             "--set-section-alignment", ".rodata=16", "--redefine-sym", f"{start}={symbol}",
             "--strip-symbol", start.replace("_start", "_end"), "--strip-symbol", start.replace("_start", "_size"),
             str(small), str(obj))
        out = out_dir / lib.name
        _run("ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), str(obj))
    if data_symbol(out) != symbol:
        raise SystemExit(f"icu_data: {out} lost the symbol {symbol}")
    return out


def main(argv: list[str]) -> int:
    lib, out_dir = Path(argv[0]), Path(argv[1])
    out = build(lib, out_dir)
    print(f"icu_data: {lib.name} {lib.stat().st_size / 1e6:.1f} MB -> {out.stat().st_size / 1e6:.1f} MB ({out})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
