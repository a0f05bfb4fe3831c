"""The 审核结果 tree: findings grouped by class (错误, 导出前须处理, 警告) and page.

Updated in place: an edit usually changes one message or one count, so only those rows change
(rebuilding the tree on every keystroke cost more than the edit itself).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QFont, QIcon, QPainter, QPixmap, QPolygonF, QStandardItem, QStandardItemModel

from core.rules.base import Finding
from core.rules.explained import explanation_of

from .. import strings, style
from ..document import CLASSES, EXPLAINED, EXPORT, PAGE_ORDER, finding_class, page_of

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
EXPLANATION_ROLE = Qt.ItemDataRole.UserRole + 4

_ICONS: dict[str, QIcon] = {}


def class_icon(kind: str) -> QIcon:
    """A small mark per class: red and amber dots, a violet diamond for 导出前须处理."""
    icon = _ICONS.get(kind)
    if icon is None:
        pix = QPixmap(14, 14)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.CLASS_COLORS[kind])
        if kind == EXPORT:
            p.drawPolygon(QPolygonF([QPointF(7, 1), QPointF(13, 7), QPointF(7, 13), QPointF(1, 7)]))
        else:
            p.drawEllipse(2, 2, 10, 10)
        p.end()
        icon = _ICONS[kind] = QIcon(pix)
    return icon


def grouped(findings: list[Finding], explanations=None) -> list[tuple[tuple[int, int], list[Finding]]]:
    """Return ((class order, page order), findings) groups, errors first: they block export;
    explained warnings (已说明) last."""
    groups: dict[tuple[int, int], list[Finding]] = {}
    for f in findings:
        page = page_of(f)
        order = PAGE_ORDER.index(page) if page in PAGE_ORDER else len(PAGE_ORDER)
        groups.setdefault((CLASSES.index(finding_class(f, explanations)), order), []).append(f)
    return sorted(groups.items())


class FindingsModel(QStandardItemModel):
    """Call :meth:`show` with the current findings; rows that did not change are left alone."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)
        self._text_brush = QBrush(style.TEXT)
        self._explained_brush = QBrush(style.EXPLAINED_COLOR)
        self._explanations = None
        self.show([])

    def show(self, findings: list[Finding], explanations=None) -> None:
        self._explanations = explanations
        groups = grouped(findings, explanations)
        root = self.invisibleRootItem()
        if not groups:
            if self.rowCount() == 1 and self.item(0).data(KEY_ROLE) is None:
                return
            self.removeRows(0, self.rowCount())
            item = QStandardItem(strings.FINDINGS_NONE)
            item.setEditable(False)
            item.setForeground(QBrush(style.OK_COLOR))
            root.appendRow(item)
            return
        wanted = {key for key, _ in groups}
        for r in range(self.rowCount() - 1, -1, -1):  # groups that went away (and the 「没有发现问题」 line)
            if self.item(r).data(KEY_ROLE) not in wanted:
                self.removeRow(r)
        for pos, (key, found) in enumerate(groups):
            head = self.item(pos) if pos < self.rowCount() else None
            if head is None or head.data(KEY_ROLE) != key:
                head = self._head(key)
                self.insertRow(pos, head)
            self._fill(head, key, found)

    def _head(self, key: tuple[int, int]) -> QStandardItem:
        head = QStandardItem()
        head.setEditable(False)
        head.setFont(self._bold)
        head.setIcon(class_icon(CLASSES[key[0]]))
        head.setData(key, KEY_ROLE)
        head.setData(PAGE_ORDER[key[1]] if key[1] < len(PAGE_ORDER) else "meta", PAGE_ROLE)
        return head

    def _fill(self, head: QStandardItem, key: tuple[int, int], found: list[Finding]) -> None:
        page = head.data(PAGE_ROLE)
        title = strings.group_title(strings.PAGE_TITLES.get(page, strings.GENERAL_GROUP),
                                    strings.CLASS_NAMES[CLASSES[key[0]]], len(found))
        if head.text() != title:
            head.setText(title)
        if head.rowCount() > len(found):
            head.removeRows(len(found), head.rowCount() - len(found))
        explained = CLASSES[key[0]] == EXPLAINED
        for k, f in enumerate(found):
            child = head.child(k) if k < head.rowCount() else None
            why = explanation_of(f, self._explanations) if explained else None
            if child is None:
                child = QStandardItem()
                child.setEditable(False)
                child.setData(page, PAGE_ROLE)
                head.appendRow(child)
            elif child.data(FINDING_ROLE) == f and child.data(EXPLANATION_ROLE) == why:
                continue
            child.setForeground(self._explained_brush if explained else self._text_brush)
            child.setText(strings.explained_row(f.message, why) if explained else f.message)
            child.setToolTip(f.message + (f"\n“{f.quote}”" if f.quote else "")
                             + (f"\n{strings.explanation_tip(why)}" if why else ""))
            child.setData(f, FINDING_ROLE)
            child.setData(why, EXPLANATION_ROLE)
