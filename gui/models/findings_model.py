"""The 审核结果 tree: findings grouped by page (table / section) and severity."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel

from core.rules.base import Finding

from .. import strings, style
from ..document import PAGE_ORDER, ReportDocument, page_of

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ROLE = Qt.ItemDataRole.UserRole + 2

_ICONS: dict[str, QIcon] = {}


def severity_icon(is_error: bool) -> QIcon:
    """Return a small round icon: red for errors, amber for warnings."""
    key = "e" if is_error else "w"
    icon = _ICONS.get(key)
    if icon is None:
        pix = QPixmap(14, 14)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.ERROR_COLOR if is_error else style.WARNING_COLOR)
        p.drawEllipse(2, 2, 10, 10)
        p.end()
        icon = _ICONS[key] = QIcon(pix)
    return icon


class FindingsModel(QStandardItemModel):
    """Rebuilt whenever the findings change (a few dozen rows at most)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReportDocument | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_document(self, document: ReportDocument | None) -> None:
        self.document = document
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        if self.document is None:
            return
        groups: dict[tuple[int, bool], list[Finding]] = {}
        for f in self.document.findings():
            page = page_of(f)
            order = PAGE_ORDER.index(page) if page in PAGE_ORDER else len(PAGE_ORDER)
            groups.setdefault((not f.is_error, order), []).append(f)
        root = self.invisibleRootItem()
        if not groups:
            item = QStandardItem(strings.FINDINGS_NONE)
            item.setEditable(False)
            item.setForeground(QBrush(style.OK_COLOR))
            root.appendRow(item)
            return
        for (is_warning, order), found in sorted(groups.items()):  # errors first: they block export
            page = PAGE_ORDER[order] if order < len(PAGE_ORDER) else "meta"
            title = strings.PAGE_TITLES.get(page, strings.GENERAL_GROUP)
            severity = strings.SEVERITY_WARNING if is_warning else strings.SEVERITY_ERROR
            head = QStandardItem(strings.group_title(title, severity, len(found)))
            head.setEditable(False)
            head.setFont(self._bold)
            head.setIcon(severity_icon(not is_warning))
            head.setData(page, PAGE_ROLE)
            for f in found:
                child = QStandardItem(f.message)
                child.setEditable(False)
                child.setToolTip(f.message + (f"\n“{f.quote}”" if f.quote else ""))
                child.setData(f, FINDING_ROLE)
                child.setData(page, PAGE_ROLE)
                child.setForeground(QBrush(QColor("#202124")))
                head.appendRow(child)
            root.appendRow(head)
