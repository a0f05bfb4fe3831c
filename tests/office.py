"""LibreOffice for the tests: one profile per test process, each file converted once.

LibreOffice's start-up dominates a conversion (about 3 s here, then about 0.5 s per file), and
a new profile costs another second. So the profile is made once per test process, several files
go through one ``soffice`` run, and a conversion is remembered by the source's bytes and the
target: a test that asks again for the same file gets the same output without a new run.

Every run sees the same fonts, whatever else the machine has installed: only the fonts ``.ci/run``
installs (Noto CJK for the Chinese text, DejaVu for the Latin runs, OpenSymbol). A machine that
also had URW's base-35 fonts (ghostscript's) laid the Latin runs out in Nimbus Roman, lines broke
elsewhere, and LibreOffice dropped a line-end 「；」 from the page.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path


# The fonts the tests lay documents out with: the files of Debian's fonts-noto-cjk, fonts-dejavu-core and
# LibreOffice's fonts-opensymbol (all installed by .ci/run), file by file, so that another package's fonts in the
# same folder (fonts-dejavu-extra beside -core) cannot change a layout either.
FONT_FILES = tuple(f"/usr/share/fonts/opentype/noto/Noto{face}CJK-{weight}.ttc"
                   for face in ("Sans", "Serif") for weight in ("Regular", "Bold")) + tuple(
    f"/usr/share/fonts/truetype/dejavu/DejaVu{face}{weight}.ttf"
    for face in ("Sans", "SansMono", "Serif") for weight in ("", "-Bold")) + (
    "/usr/share/fonts/truetype/libreoffice/opens___.ttf",)


class Office:
    """``soffice --headless --convert-to`` with a profile and a cache of its own, under ``root``."""

    def __init__(self, soffice: str, root: Path):
        self.soffice = soffice
        self.root = root
        self.runs = 0  # soffice start-ups so far (the cost that counts)
        self._done: dict[tuple[str, str], Path] = {}
        self.env = {**os.environ, "FONTCONFIG_FILE": str(self._fonts_conf())}

    def _fonts_conf(self) -> Path:
        dirs = "".join(f"<dir>{d}</dir>" for d in sorted({str(Path(f).parent) for f in FONT_FILES}))
        accept = "".join(f"<glob>{f}</glob>" for f in FONT_FILES)
        conf = self.root / "fonts.conf"
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                        f"<fontconfig>{dirs}<cachedir>{self.root / 'fontcache'}</cachedir>"
                        f"<selectfont><acceptfont>{accept}</acceptfont><rejectfont><glob>*</glob></rejectfont></selectfont>"
                        # the system's rules (aliases, language preferences), as on a fresh machine
                        '<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>',
                        encoding="utf-8")
        return conf

    def convert(self, sources: list[Path], to: str = "pdf", *, check: bool = True) -> list[Path]:
        """Return the conversion of each source to ``to`` (``pdf``, ``odt``, ``html``,
        ``docx:MS Word 2007 XML``...), converting those not seen before in one run.

        The outputs are shared with every test that converts the same bytes: read them, or copy
        them before changing them. With ``check=False`` an output LibreOffice did not make is
        returned as a path that does not exist instead of failing the test.
        """
        keys = [(hashlib.sha256(Path(s).read_bytes()).hexdigest()[:24], to) for s in sources]
        ext = to.split(":", 1)[0]
        outdir = self.root / ext.replace("/", "_")
        todo: dict[tuple[str, str], Path] = {}
        for src, key in zip(sources, keys):
            if key not in self._done and key not in todo:
                copy = self.root / "in" / f"{key[0]}{Path(src).suffix}"
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, copy)
                todo[key] = copy
        if todo:
            self.runs += 1
            proc = subprocess.run([self.soffice, f"-env:UserInstallation={(self.root / 'profile').as_uri()}",
                                   "--headless", "--convert-to", to, "--outdir", str(outdir), *map(str, todo.values())],
                                  capture_output=True, text=True, timeout=600, env=self.env)
            for key, copy in todo.items():
                out = outdir / f"{copy.stem}.{ext}"
                if check:
                    assert out.exists(), f"LibreOffice made no {ext} of {copy.name}: {proc.stderr[-500:]}"
                if out.exists():
                    self._done[key] = out
        return [self._done.get(key, outdir / f"{key[0]}.{ext}") for key in keys]

    def pdf(self, source: Path) -> Path:
        (out,) = self.convert([source], "pdf")
        return out
