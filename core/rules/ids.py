"""Rule ids that code outside the rules keys on (domain.md §3 lists every rule)."""

CELL_BLANK = "E-CELL-BLANK"  # a warning while editing, an error for check and export
T3_TOTAL = "E-T3-TOTAL"
T3_ROWSUM = "E-T3-ROWSUM"
T4_SUM = "E-T4-SUM"
STRUCT_TABLES = "E-STRUCT-TABLES"  # the imported tables differ from the official format

# A derived total differs from the sum of its parts: 「按分项重新计算合计」 fixes these.
TOTAL_RULES = frozenset({T3_TOTAL, T3_ROWSUM, T4_SUM})
