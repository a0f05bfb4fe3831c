"""The Chinese texts core shows the clerk, as functions, one module per part: reading, cli, audit.

Domain labels live in core.schema and rule messages beside their rules; every other text core prints,
writes or raises comes from here (tests/test_strings.py keeps it so).
"""
