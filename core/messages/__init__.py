"""The Chinese texts core shows the clerk, one module per part: reading, cli, audit, merge, newyear, install.

A text with blanks to fill is a function taking them (``row_missing(table, label)``); a fixed text is
a constant. Domain labels live in core.schema and rule messages beside their rules; every other
text core prints, writes or raises comes from here (tests/core/test_strings.py keeps it so).
"""
