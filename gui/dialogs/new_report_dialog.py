"""新建: ask for the unit and the report year; the format follows from the year."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from core.schema import form_for_year, get_form

from .. import strings, style


class NewReportDialog(QDialog):
    """Returns ``unit()`` and ``year()`` when accepted."""

    def __init__(self, parent=None, unit: str = ""):
        super().__init__(parent)
        self.setWindowTitle(strings.NEW_TITLE)
        self.unit_edit = QLineEdit(unit)
        self.unit_edit.setPlaceholderText(strings.NEW_UNIT_PLACEHOLDER)
        self.unit_edit.setMinimumWidth(320)
        self.year_edit = QSpinBox()
        self.year_edit.setRange(2019, 2100)
        self.year_edit.setValue(_dt.date.today().year - 1)  # in January one reports on last year
        self.form_label = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet(style.ERROR_TEXT)
        form = QFormLayout()
        form.addRow(strings.NEW_UNIT, self.unit_edit)
        form.addRow(strings.NEW_YEAR, self.year_edit)
        form.addRow("", self.form_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.year_edit.valueChanged.connect(self._show_form)
        self._show_form()

    def _show_form(self) -> None:
        form_id = form_for_year(self.year_edit.value())
        self.form_label.setText(strings.new_form_auto(get_form(form_id).name) if form_id
                                else strings.NEW_FORM_NONE)

    def accept(self) -> None:
        if not self.unit().strip():
            self.error.setText(strings.NEW_UNIT_MISSING)
            self.unit_edit.setFocus()
            return
        super().accept()

    def unit(self) -> str:
        return self.unit_edit.text().strip()

    def year(self) -> int:
        return self.year_edit.value()
