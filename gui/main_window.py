"""The main window: pages, findings panel, menus, files, autosave."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMessageBox,
    QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from core import __version__
from core.errors import ReportError
from core.io import project_file
from core.io.reader import read_any, supported_suffixes
from core.model import Report
from core.resources import resource_path
from core.rules.base import Finding

from . import settings, strings, style
from .document import PAGE_ORDER, ReportDocument, page_of
from .recovery import RecoveryEntry, RecoveryStore
from .views.findings_panel import FindingsPanel
from .views.meta_form import MetaPage
from .views.nav_panel import NavigationPanel
from .views.narrative_editor import NarrativePage
from .views.table_page import TablePage

AUTOSAVE_MS = 60_000
TABLES = ("t2", "t3", "t4")
EXPORT_LIST_MAX = 8


class Dialogs:
    """Every modal question the window asks, in one place (tests replace these methods)."""

    def __init__(self, parent: QWidget):
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def ask_save(self, name: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, strings.ASK_SAVE_TITLE, strings.ASK_SAVE.format(name=name),
                          parent=self.parent)
        save = box.addButton(strings.BTN_SAVE, QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(strings.BTN_DISCARD, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(strings.BTN_CANCEL, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return "save" if box.clickedButton() is save else "discard" if box.clickedButton() is discard else "cancel"

    def ask_restore(self, entry: RecoveryEntry) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, strings.RECOVERY_TITLE,
                          strings.RECOVERY_ASK.format(when=entry.when(), name=entry.name), parent=self.parent)
        restore = box.addButton(strings.BTN_RESTORE, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(strings.BTN_DISCARD_RECOVERY, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def confirm_export(self, errors: list[Finding]) -> bool:
        items = "\n".join(f"· {f.message}" for f in errors[:EXPORT_LIST_MAX])
        if len(errors) > EXPORT_LIST_MAX:
            items += "\n" + strings.EXPORT_MORE.format(n=len(errors) - EXPORT_LIST_MAX)
        box = QMessageBox(QMessageBox.Icon.Warning, strings.EXPORT_ERRORS_TITLE,
                          strings.EXPORT_ERRORS.format(n=len(errors), items=items), parent=self.parent)
        go = box.addButton(strings.BTN_EXPORT_ANYWAY, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(strings.BTN_CANCEL, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    def export_done(self, path: Path) -> bool:
        return self.export_done_text(strings.EXPORT_DONE_TITLE, strings.EXPORT_DONE.format(path=path))

    def export_done_text(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.parent)
        folder = box.addButton(strings.BTN_OPEN_FOLDER, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(strings.BTN_CLOSE, QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is folder

    def open_file(self, title: str, folder: str = "") -> str:
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        filters = ";;".join([strings.ALL_REPORTS_FILTER.format(patterns=patterns), strings.PROJECT_FILTER,
                             strings.ALL_FILES_FILTER])
        return QFileDialog.getOpenFileName(self.parent, title, folder, filters)[0]

    def open_files(self, title: str, folder: str = "") -> list[str]:
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        return QFileDialog.getOpenFileNames(self.parent, title, folder,
                                            strings.ALL_REPORTS_FILTER.format(patterns=patterns))[0]

    def open_template(self, title: str, folder: str = "") -> str:
        return QFileDialog.getOpenFileName(self.parent, title, folder, strings.DOCX_FILTER)[0]

    def open_folder(self, title: str, folder: str = "") -> str:
        return QFileDialog.getExistingDirectory(self.parent, title, folder)

    def save_file(self, title: str, suggested: str, file_filter: str) -> str:
        return QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)[0]

    def new_report(self, unit: str = "") -> tuple[str, int] | None:
        from .dialogs.new_report_dialog import NewReportDialog

        dialog = NewReportDialog(self.parent, unit)
        if dialog.exec() != NewReportDialog.DialogCode.Accepted:
            return None
        return dialog.unit(), dialog.year()


class MainWindow(QMainWindow):
    """The editor window. ``autosave=False`` for screenshots and tests that do not want the timer."""

    def __init__(self, *, autosave: bool = True, recovery: RecoveryStore | None = None):
        super().__init__()
        self.dialogs = Dialogs(self)
        self.document: ReportDocument | None = None
        self.recovery = recovery or RecoveryStore()
        self.undo_group = QUndoGroup(self)
        icon = resource_path("icon.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)
        self.setStyleSheet("QLabel#pageTitle { font-size: 14pt; font-weight: bold; color: #1d2733; }")

        self.nav = NavigationPanel()
        self.pages: dict[str, QWidget] = {}  # built on first visit: start-up stays fast
        self.stack = QStackedWidget()

        self.totals_bar = QFrame()
        self.totals_bar.setStyleSheet(f"QFrame#totalsBar {{ background: {style.ERROR_BG.name()}; }}")
        self.totals_bar.setObjectName("totalsBar")
        bar = QHBoxLayout(self.totals_bar)
        bar.setContentsMargins(10, 4, 10, 4)
        self.totals_text = QLabel()
        self.totals_text.setWordWrap(True)
        bar.addWidget(self.totals_text, 1)
        recompute = QPushButton(strings.ACT_RECOMPUTE)
        recompute.clicked.connect(self.recompute_totals)
        bar.addWidget(recompute)
        close = QPushButton("×")
        close.setFlat(True)
        close.setFixedWidth(28)
        close.clicked.connect(self._hide_totals_bar)
        bar.addWidget(close)
        self.totals_bar.hide()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.totals_bar)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self.findings = FindingsPanel()
        self.findings_dock = QDockWidget(strings.FINDINGS_TITLE, self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [300], Qt.Orientation.Horizontal)

        self.counts_label = QLabel()
        self.form_label = QLabel()
        self.statusBar().addPermanentWidget(self.form_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.nav.page_chosen.connect(self._page_chosen)
        self.nav.page_entered.connect(self.enter_page)
        self.findings.finding_activated.connect(self.show_finding)
        self.findings.page_activated.connect(self.show_page)
        self.findings.recompute_requested.connect(self.recompute_totals)
        self._build_menus()

        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.autosave_now)
        if autosave:
            self.autosave_timer.start()
        self.set_document(ReportDocument(Report.new("", _dt.date.today().year - 1)))
        self.resize(1366, 768)
        self.show_page("meta")

    # -- menus -----------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(strings.MENU_FILE)
        self._action(strings.ACT_NEW, self.new_report, QKeySequence.StandardKey.New, file_menu)
        self._action(strings.ACT_NEW_YEAR, self.new_from_last_year, None, file_menu)
        self._action(strings.ACT_OPEN, self.open_dialog, QKeySequence.StandardKey.Open, file_menu)
        self.recent_menu = file_menu.addMenu(strings.MENU_RECENT)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(strings.ACT_SAVE, self.save, QKeySequence.StandardKey.Save, file_menu)
        self._action(strings.ACT_SAVE_AS, self.save_as, QKeySequence.StandardKey.SaveAs, file_menu)
        file_menu.addSeparator()
        self._action(strings.ACT_EXPORT_DOCX, lambda: self.export("docx"), None, file_menu)
        self._action(strings.ACT_EXPORT_DOCX_TEMPLATE, self.export_with_template, None, file_menu)
        self._action(strings.ACT_EXPORT_XLSX, lambda: self.export("xlsx"), None, file_menu)
        from . import batch

        file_menu.addSeparator()
        self._action(strings.ACT_MERGE, lambda: batch.merge_files(self), None, file_menu)
        self._action(strings.ACT_AUDIT, lambda: batch.batch_audit(self), None, file_menu)
        file_menu.addSeparator()
        self._action(strings.ACT_QUIT, self.close, QKeySequence.StandardKey.Quit, file_menu)

        edit = bar.addMenu(strings.MENU_EDIT)
        undo = self.undo_group.createUndoAction(self, strings.ACT_UNDO)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, strings.ACT_REDO)
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        edit.addSeparator()
        self._action(strings.ACT_COPY, self._copy, QKeySequence.StandardKey.Copy, edit)
        self._action(strings.ACT_PASTE, self._paste, QKeySequence.StandardKey.Paste, edit)
        self._action(strings.ACT_CLEAR, self._clear, QKeySequence.StandardKey.Delete, edit)
        edit.addSeparator()
        self._action(strings.ACT_RECOMPUTE, self.recompute_totals, None, edit)
        self._action(strings.ACT_FILL_ZERO, self.fill_zero, None, edit)

        view = bar.addMenu(strings.MENU_VIEW)
        toggle = self.findings_dock.toggleViewAction()
        toggle.setText(strings.ACT_FINDINGS)
        view.addAction(toggle)

        tools = bar.addMenu(strings.MENU_TOOLS)
        enter = tools.addMenu(strings.MENU_ENTER)
        group = QActionGroup(self)
        for value, text in (("down", strings.ACT_ENTER_DOWN), ("right", strings.ACT_ENTER_RIGHT)):
            action = QAction(text, self, checkable=True)
            action.setChecked(settings.enter_direction() == value)
            action.triggered.connect(lambda _=False, v=value: settings.set_enter_direction(v))
            group.addAction(action)
            enter.addAction(action)

        help_menu = bar.addMenu(strings.MENU_HELP)
        self._action(strings.ACT_ABOUT, self._about, None, help_menu)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        if not files:
            self.recent_menu.addAction(strings.NO_RECENT).setEnabled(False)
            return
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p, ask=True))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(strings.ACT_CLEAR_RECENT).triggered.connect(settings.clear_recent_files)

    def _about(self) -> None:
        self.dialogs.info(strings.ACT_ABOUT.replace("(&A)", ""),
                          strings.ABOUT.format(app=strings.APP_NAME, version=__version__))

    # -- the document ----------------------------------------------------------------------
    def set_document(self, document: ReportDocument) -> None:
        old = self.document
        if old is not None:
            old.findings_changed.disconnect(self._update_counts)
            old.modified_changed.disconnect(self._update_title)
            old.changed.disconnect(self._on_changed)
            self.undo_group.removeStack(old.undo_stack)
            old.close()
            old.deleteLater()
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        for page in self.pages.values():
            page.set_document(document)
        self.findings.set_document(document)
        document.findings_changed.connect(self._update_counts)
        document.modified_changed.connect(self._update_title)
        document.changed.connect(self._on_changed)
        self._hide_totals_bar()
        self._update_counts()
        self._update_title()

    def page(self, page: str) -> QWidget:
        """Return the widget of ``page``, building it on first use."""
        widget = self.pages.get(page)
        if widget is None:
            if page in TABLES:
                widget = TablePage(page)
                widget.view.message_shown.connect(self._flash)
            elif page == "meta":
                widget = MetaPage()
            else:
                widget = NarrativePage(page)
            if self.document is not None:
                widget.set_document(self.document)
            self.pages[page] = widget
            self.stack.addWidget(widget)
        return widget

    def _hide_totals_bar(self) -> None:
        self.totals_bar.hide()
        self.findings.set_offer_recompute(True)

    def _on_changed(self, refs) -> None:
        if "*" in refs:
            self.form_label.setText(strings.form_label(self.document.report.form.name))

    def _update_counts(self) -> None:
        doc = self.document
        errors, warnings = doc.counts()
        self.counts_label.setText(strings.counts(errors, warnings))
        self.counts_label.setStyleSheet(f"color: {style.ERROR_COLOR.name()}; font-weight: bold;" if errors
                                        else "")
        self.nav.set_counts(doc.page_counts())
        self.form_label.setText(strings.form_label(doc.report.form.name))
        if not self.totals_bar.isHidden() and not doc.total_errors():
            self._hide_totals_bar()

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(strings.dirty_title(self.document.display_name()))
        self.setWindowModified(self.document.is_modified)

    def _flash(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    # -- navigation ------------------------------------------------------------------------
    def _page_chosen(self, page: str) -> None:
        self.stack.setCurrentWidget(self.page(page))
        if page in TABLES:
            self.page(page).view.focus_first_cell()

    def enter_page(self, page: str) -> None:
        """Show ``page`` with keyboard focus in it (a table: its grid, on the current cell)."""
        self.show_page(page)
        self.page(page).focus_content()

    def show_page(self, page: str) -> None:
        if page not in PAGE_ORDER:
            return
        self.nav.select_page(page)
        self.stack.setCurrentWidget(self.page(page))

    def current_page(self) -> str:
        for page, widget in self.pages.items():
            if widget is self.stack.currentWidget():
                return page
        return "meta"

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
        elif page == "meta":
            widget.focus_field(next((c for c in finding.cells if c.startswith("meta.")), None))
        elif isinstance(widget, NarrativePage):
            widget.select_span(finding.span)

    def _table_view(self):
        page = self.current_page()
        return self.pages[page].view if page in TABLES else None

    def _copy(self) -> None:
        view = self._table_view()
        if view is not None:
            view.copy()

    def _paste(self) -> None:
        view = self._table_view()
        if view is not None:
            view.paste()

    def _clear(self) -> None:
        view = self._table_view()
        if view is not None:
            view.clear_selection()

    def recompute_totals(self) -> None:
        if self.document.recompute_totals():
            self._flash(strings.ACT_RECOMPUTE)
        self._hide_totals_bar()

    def fill_zero(self) -> None:
        self.document.fill_blank_with_zero()

    # -- files -----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; return False when the user cancels."""
        if self.document is None or not self.document.is_modified:
            return True
        answer = self.dialogs.ask_save(self.document.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def start_folder(self) -> str:
        """Where file dialogs start: the open report's folder, the last one used, or Documents."""
        if self.document is not None and self.document.path is not None and self.document.path.parent.is_dir():
            return str(self.document.path.parent)
        return settings.last_folder()

    def _replace_document(self, document: ReportDocument) -> None:
        self.recovery.discard()
        self.set_document(document)

    def new_report(self) -> None:
        if not self.maybe_save():
            return
        answer = self.dialogs.new_report()
        if answer is None:
            return
        unit, year = answer
        self._replace_document(ReportDocument(Report.new(unit, year)))
        self.show_page("meta")

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self.dialogs.open_file(strings.OPEN_TITLE, self.start_folder())
        if path:
            settings.remember_folder(path)
            self.open_path(path)

    def open_path(self, path: str | Path, *, ask: bool = False, page: str | None = None) -> bool:
        """Open a report file; on failure tell the user and keep the current report."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            result = read_any(path)
        except ReportError as exc:
            self.dialogs.error(strings.OPEN_FAILED.format(name=path.name), str(exc))
            return False
        except (OSError, ValueError, KeyError, TypeError) as exc:  # a reader bug must not kill the window
            self.dialogs.error(strings.OPEN_FAILED.format(name=path.name), f"{type(exc).__name__}: {exc}")
            return False
        is_project = result.source_kind == "project"
        document = ReportDocument(result.report, path if is_project else None,
                                  source_name=None if is_project else path.name, unsaved=not is_project)
        self._replace_document(document)
        if is_project:
            settings.add_recent_file(path)
        self._show_total_errors()
        wrong = document.total_errors()
        self.show_page(page or (page_of(wrong[0]) if wrong else "meta"))
        if result.notes:
            self.dialogs.info(strings.READ_NOTES_TITLE,
                              strings.READ_NOTES_INTRO.format(name=path.name) + "\n\n"
                              + "\n".join(f"· {n.message}" for n in result.notes))
        return True

    def _show_total_errors(self) -> None:
        wrong = self.document.total_errors()
        if wrong:
            self.totals_text.setText(strings.TOTALS_BAR.format(n=len(wrong)))
            self.totals_bar.show()
            self.findings.set_offer_recompute(False)  # one offer on screen at a time

    def commit_pending_edits(self) -> None:
        """Finish a cell or field being typed in, so that save and export include it."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.clearFocus()  # cell editors and meta fields commit when they lose focus
            view = self._table_view()
            if view is not None and focus.parent() is view.viewport():
                view.setFocus()

    def save(self) -> bool:
        self.commit_pending_edits()
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        self.commit_pending_edits()
        meta = self.document.report.meta
        suggested = self.document.path or Path(self.start_folder()) / (
            strings.project_file_name(meta.get("unit"), meta.get("year")) + project_file.EXTENSION)
        path = self.dialogs.save_file(strings.SAVE_TITLE, str(suggested), strings.PROJECT_FILTER)
        if not path:
            return False
        path = Path(path)
        settings.remember_folder(path)
        if path.suffix.lower() != project_file.EXTENSION:
            path = path.with_name(path.name + project_file.EXTENSION)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            project_file.save(self.document.report, path)
        except (ReportError, OSError) as exc:
            self.dialogs.error(strings.SAVE_FAILED.format(name=path.name), str(exc))
            return False
        self.document.mark_saved(path)
        self.recovery.discard()
        settings.add_recent_file(path)
        self._update_title()
        self._flash(strings.SAVED.format(path=path))
        return True

    def new_from_last_year(self) -> None:
        from core.newyear import new_year_from

        if not self.maybe_save():
            return
        path = self.dialogs.open_file(strings.NEW_YEAR_TITLE, self.start_folder())
        if not path:
            return
        settings.remember_folder(path)
        try:
            result = read_any(path)
            last = result.report
            report = new_year_from(last)
        except ReportError as exc:
            self.dialogs.error(strings.OPEN_FAILED.format(name=Path(path).name), str(exc))
            return
        self._replace_document(ReportDocument(report, unsaved=True))
        self.show_page("meta")
        self._flash(strings.NEW_YEAR_DONE.format(year=last.meta.get("year") or ""))
        if result.notes:  # what could not be read from last year's file: tell, never hide
            self.dialogs.info(strings.READ_NOTES_TITLE,
                              strings.READ_NOTES_INTRO.format(name=Path(path).name) + "\n\n"
                              + "\n".join(f"· {n.message}" for n in result.notes))

    def export_with_template(self) -> Path | None:
        """Export to Word from the office's own template (a province's house style)."""
        template = self.dialogs.open_template(strings.TEMPLATE_TITLE, self.start_folder())
        return self.export("docx", template=Path(template)) if template else None

    def export(self, kind: str, template: Path | None = None) -> Path | None:
        """Export to Word ("docx") or Excel ("xlsx") through core.io.export."""
        from core.io import export as exporting
        from core.rules.engine import check_report

        exporter = exporting.export_docx if kind == "docx" else exporting.export_xlsx

        self.commit_pending_edits()
        report = self.document.report
        errors = [f for f in check_report(report, final=True) if f.is_error]
        if errors and not self.dialogs.confirm_export(errors):
            return None
        meta = report.meta
        name = f"{strings.export_file_name(meta.get('unit'), meta.get('year'))}.{kind}"
        chosen = self.dialogs.save_file(strings.EXPORT_TITLE, str(Path(self.start_folder()) / name),
                                        strings.DOCX_FILTER if kind == "docx" else strings.XLSX_FILTER)
        if not chosen:
            return None
        out = Path(chosen)
        settings.remember_folder(out)
        if out.suffix.lower() != f".{kind}":
            out = out.with_name(out.name + f".{kind}")
        try:
            self._call_exporter(exporter, kind, report, out, template)
        except (ReportError, OSError) as exc:
            self.dialogs.error(strings.EXPORT_FAILED, str(exc))
            return None
        if self.dialogs.export_done(out):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))
        return out

    @staticmethod
    def _call_exporter(exporter, kind: str, report: Report, out: Path, template: Path | None) -> None:
        """Call the exporter; the user already confirmed any errors, so it must not refuse."""
        if template is not None:
            exporter(report, out, template, force=True)
        else:
            exporter(report, out, force=True)

    # -- autosave and recovery -------------------------------------------------------------
    def autosave_now(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes not yet in it."""
        doc = self.document
        if doc is None or not doc.needs_autosave():
            return None
        try:
            path = self.recovery.write(doc.report, doc.path, doc.display_name())
        except (ReportError, OSError) as exc:
            self._flash(str(exc))
            return None
        doc.mark_autosaved()
        self.statusBar().showMessage(strings.AUTOSAVED, 3000)
        return path

    def offer_recovery(self) -> bool:
        """Offer to restore work left by a session that crashed; return whether one was restored."""
        restored = False
        for entry in self.recovery.orphans():
            if not restored and self.dialogs.ask_restore(entry):
                try:
                    report = entry.load()
                except ReportError as exc:
                    self.dialogs.error(strings.RECOVERY_TITLE, str(exc))
                else:
                    original = Path(entry.original) if entry.original else None
                    self.set_document(ReportDocument(report, original, unsaved=True))
                    self._flash(strings.RECOVERED)
                    restored = True
                    self.autosave_now()  # the copy now belongs to this session
            entry.remove()
        return restored

    # -- window events ---------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.commit_pending_edits()
        if not self.maybe_save():
            event.ignore()
            return
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
            QTimer.singleShot(0, lambda: self.open_path(files[0], ask=True))
