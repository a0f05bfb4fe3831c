"""The 基本信息 page: unit, year, format, date, signing unit, deadline; every edit undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from core.model.dates import parse_date, parse_month_day
from core.rules.base import Severity
from core.schema import DEFAULT_DEADLINE, FORMS

from .. import strings, style
from ..document import ReportDocument

YEAR_MIN, YEAR_MAX = 2018, 2100  # YEAR_MIN shows as 未填写


class MetaPage(QWidget):
    """Edits ``report.meta`` through the document's undo stack."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReportDocument | None = None
        title = QLabel(strings.META_TITLE)
        style.page_title(title)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(strings.NEW_UNIT_PLACEHOLDER)
        self.year = QSpinBox()
        self.year.setRange(YEAR_MIN, YEAR_MAX)
        self.year.setSpecialValueText(strings.META_YEAR_BLANK)
        self.year.setKeyboardTracking(False)
        self.year.setMaximumWidth(140)
        self.form = QComboBox()
        for form_id, form in FORMS.items():
            self.form.addItem(strings.form_option(form.name, strings.FORM_YEARS[form_id]), form_id)
        self.date = QLineEdit()
        self.date.setPlaceholderText(strings.META_DATE_PLACEHOLDER)
        self.signer = QLineEdit()
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(strings.META_DEADLINE_PLACEHOLDER)
        self.deadline.setMaximumWidth(140)
        self.baseline = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(style.ERROR_TEXT)
        help_text = QLabel(strings.META_HELP)
        help_text.setWordWrap(True)
        help_text.setStyleSheet(style.NOTE_TEXT)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(strings.META_UNIT, self.unit)
        form.addRow(strings.META_YEAR, self.year)
        form.addRow(strings.META_FORM, self.form)
        form.addRow(strings.META_DATE, self.date)
        form.addRow(strings.META_SIGNER, self.signer)
        form.addRow(strings.META_DEADLINE, self.deadline)
        form.addRow(strings.META_BASELINE, self.baseline)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(help_text)
        layout.addStretch(1)
        self.setMaximumWidth(900)
        self.fields = {"unit": self.unit, "year": self.year, "date": self.date, "signer": self.signer,
                       "deadline": self.deadline}

        self.unit.editingFinished.connect(lambda: self._set("unit", self.unit.text().strip()))
        self.signer.editingFinished.connect(lambda: self._set("signer", self.signer.text().strip()))
        self.year.valueChanged.connect(self._year_changed)
        self.date.editingFinished.connect(self._date_changed)
        self.deadline.editingFinished.connect(self._deadline_changed)
        self.form.activated.connect(self._form_chosen)

    def set_document(self, document: ReportDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
            self.document.findings_changed.disconnect(self._show_findings)
        self.document = document
        if document is not None:
            document.changed.connect(self._on_changed)
            document.findings_changed.connect(self._show_findings)
            self.refresh()
            self._show_findings()

    # -- from the report -------------------------------------------------------------------
    def refresh(self) -> None:
        report = self.document.report
        meta = report.meta
        for name, widget in (("unit", self.unit), ("signer", self.signer)):
            if widget.text() != (meta.get(name) or ""):
                widget.setText(meta.get(name) or "")
        self.year.blockSignals(True)
        self.year.setValue(meta["year"] if isinstance(meta.get("year"), int) else YEAR_MIN)
        self.year.blockSignals(False)
        date = meta.get("date")
        self.date.setText(str(date) if date else "")
        self.deadline.setText(meta.get("deadline") or "")
        self.form.setCurrentIndex(self.form.findData(report.form.id))
        b = report.baseline
        self.baseline.setText(strings.baseline_text(b.year, b.unit, b.file) if b else strings.META_NO_BASELINE)

    def _on_changed(self, refs) -> None:
        if "*" in refs or any(r.startswith("meta.") for r in refs):
            self.refresh()

    def _show_findings(self) -> None:
        validator = self.document.validator
        for name, widget in self.fields.items():
            found = validator.findings_for(f"meta.{name}")
            sheet, tip = "", ""
            if found:
                color = style.ERROR_BG if any(f.severity is Severity.ERROR for f in found) else style.WARNING_BG
                sheet, tip = style.field_background(color), "\n".join(f.message for f in found)
            if widget.styleSheet() != sheet:  # restyling is not free; most edits change nothing here
                widget.setStyleSheet(sheet)
                widget.setToolTip(tip)

    # -- to the report ---------------------------------------------------------------------
    def _set(self, name: str, value) -> None:
        if self.document is None:
            return
        self.message.clear()
        label = strings.META_FIELD_NAMES[name]
        self.document.push_changes({f"meta.{name}": value}, strings.undo_meta(label))

    def _year_changed(self, value: int) -> None:
        self._set("year", None if value == YEAR_MIN else value)

    def _date_changed(self) -> None:
        text = self.date.text()
        try:
            value = parse_date(text)
        except ValueError:
            self.message.setText(strings.date_bad(text.strip()))
            return
        if value is not None and value != text:
            self.date.setText(value)
        self._set("date", value)

    def _deadline_changed(self) -> None:
        text = self.deadline.text()
        try:
            value = parse_month_day(text) if text.strip() else DEFAULT_DEADLINE
        except ValueError:
            self.message.setText(strings.deadline_bad(text.strip()))
            return
        self.deadline.setText(value)
        self._set("deadline", value)

    def _form_chosen(self, index: int) -> None:
        form_id = self.form.itemData(index)
        if self.document is None or form_id == self.document.report.form.id:
            return
        self.document.run_whole(lambda report: report.change_form(form_id), strings.UNDO_FORMAT)

    def focus_field(self, ref: str | None) -> None:
        widget = self.fields.get((ref or "").partition(".")[2]) or self.year
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def focus_content(self) -> None:
        self.unit.setFocus()
