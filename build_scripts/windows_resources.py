"""Windows executable resources: the application icon (.ico) and the version information."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from bundle_contents import APP_NAME, DISPLAY_NAME

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Return (width, height) from a PNG's IHDR chunk."""
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def ico_from_pngs(pngs: list[bytes]) -> bytes:
    """Pack square PNG images (at most 256 px) into one .ico; Windows Vista and later read PNG entries."""
    images = sorted(((png_size(p), p) for p in pngs), key=lambda item: item[0])
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for (width, height), data in images:
        if width > 256 or height > 256:
            raise ValueError(f"icon image {width}x{height} is larger than 256 px")
        entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def make_icon(resources: Path, out_dir: Path) -> Path | None:
    """Return the .ico for the executable: resources/icon.ico, else one packed from resources/icon.png."""
    ico, png = resources / "icon.ico", resources / "icon.png"
    if ico.is_file():
        return ico
    if not png.is_file():
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{APP_NAME}.ico"
    out.write_bytes(ico_from_pngs([png.read_bytes()]))
    return out


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Turn "1.2.3" (or "1.2.3rc1") into the four numbers Windows wants."""
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in version.split(".")[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_file_text(version: str, exe_name: str) -> str:
    """Return the version information of an executable in PyInstaller's version-file syntax.

    Simplified Chinese (0x0804) with Unicode strings (code page 1200); PyInstaller reads the file
    with ``eval`` on Windows, so the text is built only from repr() of plain values.
    """
    numbers = version_tuple(version)
    strings = {
        "CompanyName": DISPLAY_NAME,
        "FileDescription": DISPLAY_NAME,
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": f"{DISPLAY_NAME}（MIT 许可）",
        "OriginalFilename": exe_name,
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
    }
    structs = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""# -*- coding: utf-8 -*-
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3F, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
{structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])]),
  ]
)
"""


def write_version_file(version: str, exe_name: str, out_dir: Path) -> Path:
    """Write the version file for ``exe_name`` into ``out_dir`` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"version-{Path(exe_name).stem}.txt"
    out.write_text(version_file_text(version, exe_name), encoding="utf-8")
    return out
