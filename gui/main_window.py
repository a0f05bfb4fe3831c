"""The main window: the start page or the report's pages, the findings panel, the status bar.

Files are handled by :mod:`gui.file_actions`, exports by :mod:`gui.export_actions`, 汇总 and
批量审核 by :mod:`gui.batch`, the menu bar by :mod:`gui.menus`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QStackedWidget,
    QVBoxLayout, QWidget,
)

from core import __version__
from core.resources import resource_path
from core.model.money_unit import REF as MONEY_UNIT_REF
from core.rules.base import Finding

from . import batch, settings, strings, style
from .background import cancel_all
from .dialogs.questions import Dialogs
from .document import PAGE_ORDER, ReportDocument, page_of
from .export_actions import ExportActions
from .review_actions import COMPARE_PAGE, ReviewActions
from .file_actions import FileActions
from .menus import build_menus
from .recovery import RecoveryStore
from .recovery_actions import AUTOSAVE_IDLE_MS, AUTOSAVE_MS
from .views.compare_page import ComparePage
from .views.findings_panel import FindingsPanel
from .views.meta_form import MetaPage
from .views.narrative_editor import NarrativePage
from .views.nav_panel import NavigationPanel
from .views.notices import TotalsNotice
from .views.start_page import StartPage
from .views.table_page import TablePage

_WINDOWS: set = set()  # windows opened by spawn_window, kept alive until closed
TABLES = ("t2", "t3", "t4")
_DOCK = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    """The editor window. ``autosave=False`` for screenshots and tests that do not want the timer."""

    def __init__(self, *, autosave: bool = True, recovery: RecoveryStore | None = None):
        super().__init__()
        self.dialogs = Dialogs(self)
        self.document: ReportDocument | None = None
        self.recovery = recovery or RecoveryStore()
        self.files = FileActions(self)
        self.exports = ExportActions(self)
        self.review = ReviewActions(self)
        self.undo_group = QUndoGroup(self)
        icon = resource_path("icon.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)

        self.nav = NavigationPanel()
        self.pages: dict[str, QWidget] = {}  # built on first visit: start-up stays fast
        self.stack = QStackedWidget()
        self.totals_notice = TotalsNotice()
        self.totals_notice.recompute_requested.connect(self.recompute_totals)
        self.totals_notice.closed.connect(self._hide_totals_notice)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.totals_notice)
        right_layout.addWidget(self.stack, 1)
        editor = QWidget()
        layout = QHBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.files.new_report)
        self.start_page.new_year_requested.connect(self.files.new_from_last_year)
        self.start_page.open_requested.connect(self.files.open_dialog)
        self.start_page.recent_chosen.connect(self._open_recent)
        self.central = QStackedWidget()
        self.central.addWidget(self.start_page)
        self.central.addWidget(editor)
        self.editor_area = editor
        self.setCentralWidget(self.central)

        self.findings = FindingsPanel()
        self.findings_dock = QDockWidget(strings.FINDINGS_TITLE, self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(_DOCK.RightDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [style.FINDINGS_WIDTH], Qt.Orientation.Horizontal)
        self._dock_auto = True  # placed by the window width until the clerk moves it
        self._placing = False
        self.findings_dock.dockLocationChanged.connect(self._dock_moved)

        self.counts_label = QLabel()
        self.counts_label.setToolTip(strings.COUNTS_TIP)
        self.form_label = QLabel()
        self.statusBar().addPermanentWidget(self.form_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.nav.page_chosen.connect(self._page_chosen)
        self.nav.page_entered.connect(self.enter_page)
        self.findings.finding_activated.connect(self.show_finding)
        self.findings.page_activated.connect(self.show_page)
        self.findings.recompute_requested.connect(self.recompute_totals)
        self.findings.ask_explanation = lambda message, current: self.dialogs.ask_explanation(message, current)
        self.report_actions = build_menus(self)

        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.files.autosave_now)
        # A few seconds after the last change; the tick above saves while changes keep coming.
        self.autosave_idle = QTimer(self, singleShot=True, interval=AUTOSAVE_IDLE_MS, timeout=self.files.autosave_now)
        self.autosave = autosave
        if autosave:
            self.autosave_timer.start()
        self.resize(1366, 768)
        self.set_document(None)

    # -- the document ----------------------------------------------------------------------
    def set_document(self, document: ReportDocument | None) -> None:
        """Show ``document`` (None: the start page)."""
        old = self.document
        if old is not None:
            old.findings_changed.disconnect(self.update_counts)
            old.modified_changed.disconnect(self.update_title)
            old.changed.disconnect(self._on_changed)
            self.undo_group.removeStack(old.undo_stack)
            old.close()
            old.deleteLater()
        self.document = document
        self.review.sync_compare_entry()
        for action in self.report_actions:
            action.setEnabled(document is not None)
        self._hide_totals_notice()
        if document is None:
            for page in self.pages.values():
                page.set_document(None)
            self.findings.set_document(None)
            self.start_page.refresh()
            self.central.setCurrentWidget(self.start_page)
            self.findings_dock.hide()
            self.counts_label.clear()
            self.form_label.clear()
            self.update_title()
            return
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        for page in self.pages.values():
            page.set_document(document)
        self.findings.set_document(document)
        document.findings_changed.connect(self.update_counts)
        document.modified_changed.connect(self.update_title)
        document.changed.connect(self._on_changed)
        if self.central.currentWidget() is self.start_page:
            self.central.setCurrentWidget(self.editor_area)
            self.findings_dock.show()
        self.update_counts()
        self.update_title()

    def page(self, page: str) -> QWidget:
        """Return the widget of ``page``, building it on first use."""
        widget = self.pages.get(page)
        if widget is None:
            if page in TABLES:
                widget = TablePage(page)
                widget.view.message_shown.connect(self.flash)
                widget.view.recompute_requested.connect(self.recompute_totals)
            elif page == "meta":
                widget = MetaPage()
            elif page == COMPARE_PAGE:
                widget = ComparePage()
                widget.cell_activated.connect(self.review.show_finding_cells)
            else:
                widget = NarrativePage(page)
            if self.document is not None:
                widget.set_document(self.document)
            self.pages[page] = widget
            self.stack.addWidget(widget)
        return widget

    def _on_changed(self, refs) -> None:
        if self.autosave:
            self.autosave_idle.start()  # (re)started by every change: saves once typing pauses
        if "*" in refs:
            self.form_label.setText(strings.form_label(self.document.report.form.name))
            self.review.sync_compare_entry()

    def update_counts(self) -> None:
        doc = self.document
        errors, pending, warnings = doc.counts()
        self.counts_label.setText(strings.counts(errors, pending, warnings, doc.explained_count()))
        self.counts_label.setStyleSheet(style.counts_style(errors, pending))
        self.nav.set_counts(doc.page_counts())
        self.form_label.setText(strings.form_label(doc.report.form.name))
        if not self.totals_notice.isHidden() and not doc.total_errors():
            self._hide_totals_notice()

    def update_title(self, *_args) -> None:
        if self.document is None:
            self.setWindowTitle(strings.APP_NAME)
            self.setWindowModified(False)
            return
        self.setWindowTitle(strings.dirty_title(self.document.display_name()))
        self.setWindowModified(self.document.is_modified)

    def flash(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    def show_total_errors(self) -> None:
        """After opening a report whose totals do not add up: say so above the page (numbers unchanged)."""
        wrong = self.document.total_errors() if self.document is not None else []
        if wrong:
            self.totals_notice.show_count(len(wrong))
            self.findings.set_offer_recompute(False)  # one offer on screen at a time

    def _hide_totals_notice(self) -> None:
        self.totals_notice.hide()
        self.findings.set_offer_recompute(True)

    def commit_pending_edits(self) -> None:
        """Finish a cell or field being typed in, so that save and export include it."""
        focus = QApplication.focusWidget()
        if isinstance(focus, (QLineEdit, QAbstractSpinBox)):
            focus.clearFocus()  # cell editors and meta fields (the year too) commit when they lose focus
            view = self.current_table_view()
            if view is not None and focus.parent() is view.viewport():
                view.setFocus()

    # -- pages and focus -------------------------------------------------------------------
    def _page_chosen(self, page: str) -> None:
        self.stack.setCurrentWidget(self.page(page))
        if page in TABLES:
            self.page(page).view.focus_first_cell()

    def show_page(self, page: str) -> None:
        if page not in PAGE_ORDER or self.document is None:
            return
        self.nav.select_page(page)
        self.stack.setCurrentWidget(self.page(page))

    def enter_page(self, page: str) -> None:
        """Show ``page`` with keyboard focus in it (a table: its grid, on the current cell)."""
        if self.document is None:
            return
        self.show_page(page)
        self.page(page).focus_content()

    def current_page(self) -> str:
        for page, widget in self.pages.items():
            if widget is self.stack.currentWidget():
                return page
        return "meta"

    def step_page(self, step: int) -> None:
        """Ctrl+PgDn / Ctrl+PgUp: the next or previous page, focus in it."""
        pages = [p for p in PAGE_ORDER if self.nav.is_page_shown(p)]
        here = self.current_page()
        i = pages.index(here) if here in pages else 0
        self.enter_page(pages[(i + step) % len(pages)])

    def cycle_focus(self, step: int) -> None:
        """F6 / Shift+F6: page → findings panel → page list → page."""
        if self.document is None:
            return
        panes = ["page", "findings", "nav"] if self.findings_dock.isVisible() else ["page", "nav"]
        focus = QApplication.focusWidget()
        here = ("findings" if focus is not None and self.findings_dock.isAncestorOf(focus)
                else "nav" if focus is self.nav else "page")
        target = panes[(panes.index(here) + step) % len(panes)]
        if target == "page":
            self.page(self.current_page()).focus_content()
        elif target == "findings":
            self.findings.tree.setFocus()
        else:
            self.nav.setFocus()

    def current_table_view(self):
        page = self.current_page()
        return self.pages[page].view if page in TABLES and page in self.pages and self.document else None

    def show_finding(self, finding: Finding) -> None:
        """Go to where ``finding`` is fixed and select all its cells (or its sentence)."""
        page = page_of(finding)
        if page not in PAGE_ORDER:
            return
        self.show_page(page)
        widget = self.page(page)
        if page in TABLES:
            widget.view.select_refs([c for c in finding.cells if c.startswith(page + ".")])
            widget.view.setFocus()
            if widget.money_unit is not None and MONEY_UNIT_REF in finding.cells and widget.money_unit.unit() is None:
                widget.money_unit.focus_choice()  # W-A9-UNIT: the unit is to be chosen
            if finding.span is not None and finding.section == page:
                widget.note.select_span(finding.span)  # a sentence of the note under the table
        elif page == "meta":
            widget.focus_field(next((c for c in finding.cells if c.startswith("meta.")), None))
        elif isinstance(widget, NarrativePage):
            widget.select_span(finding.span)

    # -- report-wide edits and tools -------------------------------------------------------
    def recompute_totals(self) -> None:
        if self.document is not None and self.document.recompute_totals():
            self.flash(strings.RECOMPUTE)
        self._hide_totals_notice()

    def fill_zero(self) -> None:
        if self.document is not None:
            self.document.fill_blank_with_zero()

    def merge_files(self):
        if self.files.maybe_save():
            return batch.merge_files(self, self.dialogs, self.files.start_folder(), self.files.replace_document)
        return None

    def batch_audit(self):
        return batch.batch_audit(self, self.dialogs, self.files.start_folder(), self.review.audit_finished)

    def about(self) -> None:
        self.dialogs.info(strings.ABOUT_TITLE, strings.about(__version__))

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            settings.remove_recent_file(path)
            self.start_page.refresh()
            self.dialogs.error(strings.open_failed(Path(path).name), strings.recent_missing(path))
            return
        self.files.open_path(path, ask=True)

    # -- layout: the findings panel beside the page, or under it on narrow screens ----------
    def restore_layout(self, geometry, state) -> bool:
        """Restore the last session's window; False: Qt refused its size (saved on a bigger screen), it fits now."""
        if state is not None:
            self._placing = True
            self.restoreState(state)
            self._placing = False
        if geometry is not None and self.restoreGeometry(geometry):
            return True
        self.resize(self.size().boundedTo(self.screen().availableGeometry().size()))
        return False

    def _dock_moved(self, _area) -> None:
        if not self._placing:
            self._dock_auto = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._dock_auto:
            return
        narrow = self.width() < style.NARROW_WINDOW
        area = _DOCK.BottomDockWidgetArea if narrow else _DOCK.RightDockWidgetArea
        if self.dockWidgetArea(self.findings_dock) != area:
            self._placing = True
            self.addDockWidget(area, self.findings_dock)
            if narrow:
                self.resizeDocks([self.findings_dock], [max(140, self.height() // 5)], Qt.Orientation.Vertical)
            else:
                self.resizeDocks([self.findings_dock], [style.FINDINGS_WIDTH], Qt.Orientation.Horizontal)
            self._placing = False

    # -- window events ---------------------------------------------------------------------
    def spawn_window(self) -> "MainWindow":
        """Open another window of this process (restoring a second recovery copy, say)."""
        other = MainWindow(autosave=self.autosave)
        _WINDOWS.add(other)
        other.destroyed.connect(lambda *_: _WINDOWS.discard(other))
        other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        other.show()
        return other

    def closeEvent(self, event) -> None:
        cancel_all()  # an open or export under way must not keep the questions below from being answered
        self.commit_pending_edits()
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosave_idle.stop()
        if self.document is not None and self.document.lock is not None:
            self.document.lock.release()
        self.recovery.discard()
        settings.save_window_state(self.saveGeometry(), self.saveState())
        event.accept()

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.files.open_path(files[0], ask=True))
