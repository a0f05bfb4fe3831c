"""Texts of the workbooks core writes itself (core.io.xlsx_stream): the font, the style name, the page footer."""

FONT = "宋体"  # the sheets' font: every Chinese Windows and WPS has it
NORMAL_STYLE = "常规"  # Excel's name for the Normal cell style in Chinese
PAGE_FOOTER = "&C第 &P 页，共 &N 页"  # centred: 第 1 页，共 3 页
