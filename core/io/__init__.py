"""Reading and writing reports: project files, and (elsewhere in this package) import and export."""
