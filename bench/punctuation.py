"""Punctuation lost at line ends, characters per body line and pages, per DOCX body setting.

Run: ``.venv/bin/python bench/punctuation.py [--fonts tests|system] [variant ...]``. Each seed
and a planted corpus (a mark of 「，。；：、」 every 28 characters, at every offset) is exported
with the default template, the variant's change is made to the DOCX, LibreOffice prints it to
PDF, and the PDF text is compared with the DOCX paragraphs character by character (whitespace
ignored). ``--fonts tests`` (the default) lays out with the fonts the tests and CI use
(tests/office.py); ``--fonts system`` with every font of this machine (URW's Nimbus Roman in
place of Times New Roman where ghostscript's fonts are installed). Prints one row per variant:
characters lost (and which), full body lines by characters held, and the page count per seed.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.io.export import export_docx  # noqa: E402
from tests.core.helpers import seed  # noqa: E402
from tests.core.pdf_layout import (body_line_counts, docx_paragraphs, lines, lost_characters,  # noqa: E402
                                   page_count, pdf_text, planted_paragraphs)
from tests.office import Office  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NORMAL = re.compile(r'(<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>)', re.S)


# -- changes to a DOCX: part name -> text -> text -------------------------------------------
def normal_style(change):
    return {"word/styles.xml": lambda xml: NORMAL.sub(lambda m: change(m.group(1)), xml, count=1)}


def condense(twentieths: int):
    return normal_style(lambda s: re.sub(r'<w:spacing w:val="-?\d+"/>', f'<w:spacing w:val="{twentieths}"/>', s))


def normal_ppr(fragment: str):
    return normal_style(lambda s: s.replace("<w:pPr>", "<w:pPr>" + fragment, 1))


def every_ppr(fragment: str):
    """``fragment`` in the Normal style and in every paragraph of the document."""
    def doc(xml: str) -> str:
        xml = re.sub(r"<w:p>(?!<w:pPr>)", "<w:p><w:pPr></w:pPr>", xml)
        return re.sub(r"<w:pPr>", "<w:pPr>" + fragment, xml)
    return {**normal_ppr(fragment), "word/document.xml": doc}


def defaults_ppr(fragment: str):
    return {"word/styles.xml": lambda xml: xml.replace("<w:pPrDefault><w:pPr>", "<w:pPrDefault><w:pPr>" + fragment, 1)}


def spacing_control(value: str):
    return {"word/settings.xml": lambda xml: re.sub(r'<w:characterSpacingControl w:val="\w+"/>',
                                                    f'<w:characterSpacingControl w:val="{value}"/>', xml)}


def doc_grid(grid: str):
    return {"word/document.xml": lambda xml: re.sub(r"<w:docGrid [^>]*/>", grid, xml)}


def jc(value: str):
    return normal_style(lambda s: s.replace('<w:jc w:val="both"/>', f'<w:jc w:val="{value}"/>'))


def latin_uncondensed(xml: str) -> str:
    """Split each body run into East-Asian and other characters; the others get no condensing."""
    def split_run(m: re.Match) -> str:
        rpr, text = m.group(1) or "", m.group(2)
        if "<w:spacing" in rpr or not re.search(r"[\x21-\x7e]", text):
            return m.group(0)
        parts = re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text)
        out = []
        for part in parts:
            if re.match(r"[\x20-\x7e]", part):
                inner = rpr[len("<w:rPr>"):-len("</w:rPr>")] if rpr else ""
                out.append(f'<w:r><w:rPr>{inner}<w:spacing w:val="0"/></w:rPr><w:t xml:space="preserve">{part}</w:t></w:r>')
            else:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{part}</w:t></w:r>')
        return "".join(out)
    return re.sub(r'<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)</w:t></w:r>',
                  split_run, xml)


def merge(*changes):
    out: dict = {}
    for change in changes:
        for part, fn in change.items():
            prev = out.get(part)
            out[part] = fn if prev is None else (lambda xml, a=prev, b=fn: b(a(xml)))
    return out


def chars_grid(char_space: int, kind: str = "linesAndChars"):
    return doc_grid(f'<w:docGrid w:type="{kind}" w:linePitch="579" w:charSpace="{char_space}"/>')


# The template before the fix: no overflowPunct, so LibreOffice hangs a line-end mark.
HANGING = {"word/styles.xml": lambda xml: xml.replace('<w:overflowPunct w:val="1"/>', "")}

CHANGES = {
    "before: -0.5 pt, hanging": {},
    "no condensing": condense(0),
    "-0.25 pt": condense(-5),
    "-0.4 pt": condense(-8),
    "-0.6 pt": condense(-12),
    "-0.75 pt": condense(-15),
    "-0.5 pt, Latin not condensed": {"word/document.xml": latin_uncondensed},
    "overflowPunct=0 in every pPr": every_ppr('<w:overflowPunct w:val="0"/>'),
    "overflowPunct=0 in docDefaults": defaults_ppr('<w:overflowPunct w:val="0"/>'),
    "overflowPunct=1 in every pPr": every_ppr('<w:overflowPunct w:val="1"/>'),
    "kinsoku=0 in every pPr": every_ppr('<w:kinsoku w:val="0"/>'),
    "topLinePunct in every pPr": every_ppr('<w:topLinePunct/>'),
    "autoSpaceDE/DN=0 in every pPr": every_ppr('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'),
    "compressPunctuation": spacing_control("compressPunctuation"),
    "compressPunctuationAndJapaneseKana": spacing_control("compressPunctuationAndJapaneseKana"),
    "jc=left": jc("left"),
    "grid linesAndChars -845 (15.79 pt), no condensing": merge(condense(0), chars_grid(-845)),
    "grid linesAndChars -845, -0.5 pt": chars_grid(-845),
    "grid snapToChars -845, -0.5 pt": chars_grid(-845, "snapToChars"),
    "grid linesAndChars -845, -0.25 pt": merge(condense(-5), chars_grid(-845)),
    "grid linesAndChars -2048 (15.5 pt), -0.5 pt": chars_grid(-2048),
    "jc=distribute": jc("distribute"),
}
# Every change is made to the template as it was before the fix; the last row is the template as built.
VARIANTS = {name: merge(HANGING, change) for name, change in CHANGES.items()}
VARIANTS["shipped: -0.5 pt, overflowPunct=1 (no hanging in LibreOffice)"] = {}
VARIANTS["overflowPunct=1, no condensing"] = condense(0)
VARIANTS["overflowPunct=1, -0.25 pt"] = condense(-5)


def apply(docx: Path, change: dict, out: Path) -> None:
    src = zipfile.ZipFile(docx)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename in change:
                blob = change[info.filename](blob.decode("utf-8")).encode("utf-8")
            dst.writestr(info, blob)
    out.write_bytes(buf.getvalue())


def reports():
    out = {f"seed{n}": seed(n) for n in range(5)}
    planted = seed(1)
    planted.text["overview"] = "\n".join(planted_paragraphs())
    out["planted"] = planted
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fonts", choices=("tests", "system"), default="tests")
    ap.add_argument("variants", nargs="*", help="names of VARIANTS (default: all)")
    args = ap.parse_args()
    names = args.variants or list(VARIANTS)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        office = Office("soffice", tmp / "office")
        if args.fonts == "system":
            office.env.pop("FONTCONFIG_FILE")
        base = {}
        for name, report in reports().items():
            base[name] = tmp / f"{name}.docx"
            export_docx(report, base[name], force=True)
        docs = {}
        for v, variant in enumerate(names):
            for name, path in base.items():
                docs[variant, name] = tmp / f"v{v}-{name}.docx"
                apply(path, VARIANTS[variant], docs[variant, name])
        t0 = time.perf_counter()
        pdfs = {}
        for variant in names:  # one LibreOffice run per variant: a grid's hundreds of pages take minutes
            keys = [(variant, name) for name in base]
            pdfs.update(zip(keys, office.convert([docs[k] for k in keys], "pdf")))
        print(f"LibreOffice: {len(docs)} files in {time.perf_counter() - t0:.1f} s, fonts: {args.fonts}")
        print("variant | lost (seeds) | lost (planted) | full lines by chars (seeds + planted; k = 27 by 禁则) | pages seed0-4, planted")
        for variant in names:
            lost_seeds, lost_planted, per_line, kinsoku, pages, examples = 0, 0, Counter(), 0, [], []
            for name in base:
                pdf = pdfs[variant, name]
                lost = lost_characters(docx_paragraphs(docs[variant, name]), pdf_text(pdf))
                if name == "planted":
                    lost_planted += len(lost)
                else:
                    lost_seeds += len(lost)
                examples += [f"{name}:{where}" for _, where in lost[:2]]
                counts, k = body_line_counts(lines(pdf))
                per_line.update(counts)
                kinsoku += k
                pages.append(page_count(pdf))
            shape = " ".join(f"{n}:{c}" for n, c in sorted(per_line.items()))
            print(f"{variant} | {lost_seeds} | {lost_planted} | {shape} k:{kinsoku} | {pages}")
            for ex in examples[:4]:
                print("    lost", ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
