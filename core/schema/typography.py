"""The fonts of a published report (GB/T 9704-2012 §7, domain.md §5), and what stands in for them.

The default Word templates (``build_scripts/make_templates.py``), the web page and the Excel
tables set text in these; the GB2312-only faces are why rare characters are checked before
export (``core/io/font_coverage.py``). templates/README.md lists the fallbacks.
"""

from __future__ import annotations

BODY_FONT = "仿宋_GB2312"  # 正文, tables: 3号仿宋
TITLE_FONT = "方正小标宋简体"  # 标题: 2号小标宋
H1_FONT = "黑体"  # 「一、」
H2_FONT = "楷体_GB2312"  # 「（一）」 and run-in leads
PAGE_FONT = "宋体"  # page numbers; the Excel tables
LATIN = "Times New Roman"  # digits and Latin letters

# Faces Word and WPS substitute (the fonts' altName), and the GBK faces with the rare characters.
FALLBACKS = {BODY_FONT: "仿宋", H2_FONT: "楷体", TITLE_FONT: "方正小标宋_GBK", H1_FONT: "SimHei",
             PAGE_FONT: "SimSun"}
# CSS font stacks of the web page: the same faces, then what Windows, macOS and Linux have.
CSS_STACKS = {
    BODY_FONT: "'仿宋_GB2312', 'FangSong', 'STFangsong', '仿宋', serif",
    TITLE_FONT: "'方正小标宋简体', '方正小标宋_GBK', 'STZhongsong', '华文中宋', 'SimSun', serif",
    H1_FONT: "'黑体', 'SimHei', 'Heiti SC', sans-serif",
    H2_FONT: "'楷体_GB2312', 'KaiTi', 'STKaiti', '楷体', serif",
}
