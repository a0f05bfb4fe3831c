"""The collecting office's side (审核): audit rows, duplicates, who has reported, the workbook, feedback."""
