"""Rule ids that code outside the rules keys on (domain.md §3 lists every rule)."""

CELL_BLANK = "E-CELL-BLANK"  # a warning while editing, an error for check and export
T3_TOTAL = "E-T3-TOTAL"
T3_ROWSUM = "E-T3-ROWSUM"
T4_SUM = "E-T4-SUM"
STRUCT_TABLES = "E-STRUCT-TABLES"  # the imported tables differ from the official format
STRUCT_SECTIONS = "E-STRUCT-SECTIONS"  # an imported report lacks a section, or has them out of order

# A derived total differs from the sum of its parts: 「按分项重新计算合计」 fixes these.
TOTAL_RULES = frozenset({T3_TOTAL, T3_ROWSUM, T4_SUM})
FONT_GB2312 = "W-FONT-GB2312"  # characters outside GB2312 in text set in a _GB2312 font (checked before export)
