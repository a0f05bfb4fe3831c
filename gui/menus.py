"""The window's menu bar: every action with its accelerator letter and shortcut."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from . import settings, strings

_K = QKeySequence.StandardKey


def _action(window, text: str, slot, shortcuts=(), menu=None) -> QAction:
    action = QAction(text, window)
    action.triggered.connect(lambda _=False: slot())
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if menu is not None:
        menu.addAction(action)
    return action


def build_menus(window) -> list[QAction]:
    """Fill ``window``'s menu bar; return the actions that need an open report."""
    bar = window.menuBar()
    files, exports = window.files, window.exports
    needs_report: list[QAction] = []

    file_menu = bar.addMenu(strings.MENU_FILE)
    _action(window, strings.ACT_NEW, files.new_report, [_K.New], file_menu)
    _action(window, strings.ACT_NEW_YEAR, files.new_from_last_year, (), file_menu)
    _action(window, strings.ACT_OPEN, files.open_dialog, [_K.Open], file_menu)
    window.recent_menu = file_menu.addMenu(strings.MENU_RECENT)
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window))
    file_menu.addSeparator()
    needs_report += [_action(window, strings.ACT_SAVE, files.save, [_K.Save], file_menu),
                     _action(window, strings.ACT_SAVE_AS, files.save_as, [_K.SaveAs], file_menu)]
    file_menu.addSeparator()
    needs_report += [_action(window, strings.ACT_EXPORT_DOCX, lambda: exports.export("docx"), (), file_menu),
                     _action(window, strings.ACT_EXPORT_DOCX_TEMPLATE, exports.export_with_template, (), file_menu),
                     _action(window, strings.ACT_EXPORT_XLSX, lambda: exports.export("xlsx"), (), file_menu),
                     _action(window, strings.ACT_EXPORT_HTML, lambda: exports.export("html"), (), file_menu),
                     _action(window, strings.ACT_COPY_HTML, exports.copy_web_version, (), file_menu)]
    file_menu.addSeparator()
    _action(window, strings.ACT_MERGE, window.merge_files, (), file_menu)
    _action(window, strings.ACT_AUDIT, window.batch_audit, (), file_menu)
    _action(window, strings.ACT_FEEDBACK, window.review.write_feedback, (), file_menu)
    file_menu.addSeparator()
    _action(window, strings.ACT_QUIT, window.close, [_K.Quit], file_menu)

    edit = bar.addMenu(strings.MENU_EDIT)
    undo = window.undo_group.createUndoAction(window, strings.ACT_UNDO)
    undo.setShortcut(QKeySequence(_K.Undo))
    redo = window.undo_group.createRedoAction(window, strings.ACT_REDO)
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    edit.addAction(undo)
    edit.addAction(redo)
    window.undo_action, window.redo_action = undo, redo
    edit.addSeparator()
    grid = window.current_table_view
    needs_report += [
        _action(window, strings.ACT_COPY, lambda: grid() and grid().copy(), [_K.Copy], edit),
        _action(window, strings.ACT_PASTE, lambda: grid() and grid().paste(), [_K.Paste], edit),
        _action(window, strings.ACT_CLEAR, lambda: grid() and grid().clear_selection(), [_K.Delete], edit),
        _action(window, strings.ACT_FILL_DOWN, lambda: grid() and grid().fill_down(),
                ["Ctrl+D"], edit)]
    edit.addSeparator()
    needs_report += [_action(window, strings.ACT_RECOMPUTE, window.recompute_totals, (), edit),
                     _action(window, strings.ACT_FILL_ZERO, window.fill_zero, (), edit)]

    view = bar.addMenu(strings.MENU_VIEW)
    toggle = window.findings_dock.toggleViewAction()
    toggle.setText(strings.ACT_FINDINGS)
    view.addAction(toggle)
    view.addSeparator()
    needs_report += [
        _action(window, strings.ACT_NEXT_PAGE, lambda: window.step_page(1), ["Ctrl+PgDown", "Ctrl+Tab"], view),
        _action(window, strings.ACT_PREVIOUS_PAGE, lambda: window.step_page(-1), ["Ctrl+PgUp", "Ctrl+Shift+Tab"],
                view),
        _action(window, strings.ACT_NEXT_PANE, lambda: window.cycle_focus(1), ["F6"], view)]
    previous_pane = _action(window, "", lambda: window.cycle_focus(-1), ["Shift+F6"])
    window.addAction(previous_pane)  # no menu entry of its own: Shift+F6 goes the other way

    tools = bar.addMenu(strings.MENU_TOOLS)
    enter = tools.addMenu(strings.MENU_ENTER)
    group = QActionGroup(window)
    for value, text in (("down", strings.ACT_ENTER_DOWN), ("right", strings.ACT_ENTER_RIGHT)):
        action = QAction(text, window, checkable=True)
        action.setChecked(settings.enter_direction() == value)
        action.triggered.connect(lambda _=False, v=value: settings.set_enter_direction(v))
        group.addAction(action)
        enter.addAction(action)
    rules = tools.addMenu(strings.RULES_MENU)
    packs = QActionGroup(window)
    window.rule_pack_actions = {}
    from core.rules.packs import builtin_packs

    for i, pack in enumerate(builtin_packs(), 1):
        action = QAction(strings.rules_item(pack.name, i), window, checkable=True)
        action.setToolTip(pack.description)
        action.setStatusTip(pack.description)
        action.triggered.connect(lambda _=False, p=pack.id: window.review.choose_rule_pack(p))
        packs.addAction(action)
        rules.addAction(action)
        window.rule_pack_actions[pack.id] = action
    rules.addSeparator()
    from_file = QAction(strings.RULES_FROM_FILE, window, checkable=True)
    from_file.triggered.connect(lambda _=False: window.review.choose_rule_pack("from-file"))
    packs.addAction(from_file)
    rules.addAction(from_file)
    window.rule_pack_actions["from-file"] = from_file
    sync_rule_pack(window)
    tools.addSeparator()
    needs_report.append(_action(window, strings.ACT_COMPARE, window.review.compare_with_last_year, (), tools))

    help_menu = bar.addMenu(strings.MENU_HELP)
    _action(window, strings.ACT_ABOUT, window.about, (), help_menu)
    return needs_report


def sync_rule_pack(window) -> None:
    """Check the rule pack menu entry of the current setting (a file: 「从文件选择」, named in its tip)."""
    chosen = settings.rule_pack() or "national"
    action = window.rule_pack_actions.get(chosen) or window.rule_pack_actions["from-file"]
    action.setChecked(True)
    if action is window.rule_pack_actions["from-file"]:
        action.setToolTip(chosen)


def _fill_recent(window) -> None:
    menu = window.recent_menu
    menu.clear()
    files = settings.recent_files()
    if not files:
        menu.addAction(strings.NO_RECENT).setEnabled(False)
        return
    for i, path in enumerate(files, 1):
        name = path.replace("\\", "/").rsplit("/", 1)[-1].replace("&", "&&")
        action = menu.addAction(f"&{i} {name}" if i < 10 else name)
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _=False, p=path: window.files.open_path(p, ask=True))
    menu.addSeparator()
    menu.addAction(strings.ACT_CLEAR_RECENT).triggered.connect(settings.clear_recent_files)
