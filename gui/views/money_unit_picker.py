"""「采购总金额的单位：○万元 ○元」 above 表二 of a 2019 report, whose table prints no unit (domain.md §2.2)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from core.model.money_unit import REF, asks_unit, money_unit
from core.schema import MONEY_UNITS

from .. import strings, style
from ..document import ReportDocument


class MoneyUnitPicker(QWidget):
    """Shows and sets ``meta.money_unit``; each choice is one undo step. Hidden for 2021 reports."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReportDocument | None = None
        self.buttons = {unit: QRadioButton(unit) for unit in MONEY_UNITS}
        self.group = QButtonGroup(self)
        self.hint = QLabel(strings.MONEY_UNIT_UNSET)
        self.hint.setStyleSheet(style.WARNING_TEXT)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(strings.MONEY_UNIT_LABEL)
        layout.addWidget(label)
        for unit, button in self.buttons.items():
            button.setToolTip(strings.MONEY_UNIT_TIP)
            self.group.addButton(button)
            layout.addWidget(button)
            button.clicked.connect(lambda _checked=False, u=unit: self._chosen(u))
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.setToolTip(strings.MONEY_UNIT_TIP)
        self.hide()

    def set_document(self, document: ReportDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._on_changed)
        self._load()

    def unit(self) -> str | None:
        return next((u for u, b in self.buttons.items() if b.isChecked()), None)

    def focus_choice(self) -> None:
        """Put keyboard focus on the choice (a finding asks for the unit)."""
        (self.buttons.get(self.unit() or "") or next(iter(self.buttons.values()))).setFocus()

    def _load(self) -> None:
        report = self.document.report if self.document is not None else None
        self.setVisible(report is not None and asks_unit(report))
        unit = money_unit(report) if report is not None else None
        self.group.setExclusive(False)  # an exclusive group cannot go back to nothing chosen
        for u, button in self.buttons.items():
            button.setChecked(u == unit)
        self.group.setExclusive(True)
        self.hint.setVisible(unit is None)

    def _on_changed(self, refs) -> None:
        if "*" in refs or REF in refs:
            self._load()

    def _chosen(self, unit: str) -> None:
        if self.document is not None and money_unit(self.document.report) != unit:
            self.document.push_changes({REF: unit}, strings.undo_money_unit(unit))
