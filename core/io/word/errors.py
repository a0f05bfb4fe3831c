"""Why a Word template cannot be used (raised by the docx_* modules, shown to the clerk as is)."""

from __future__ import annotations

from ...errors import ReportError


class TemplateError(ReportError):
    """The template cannot be used; the message names the problem and where it is."""


class TemplateFileError(TemplateError):
    """The template file cannot be opened as a Word document."""
