"""Errors whose message is meant for the clerk (Chinese, one line, no traceback)."""


class ReportError(Exception):
    """A problem the user must be told about; ``str(err)`` is the Chinese message."""


class FileReadError(ReportError):
    """A file could not be read as a report."""


class FileWriteError(ReportError):
    """A file could not be written."""
