"""Start the window: ``nianbao [FILE] [--page ID]`` or ``nianbao --screenshot OUT.png [FILE] [--page ID]``."""

from __future__ import annotations

import argparse
import os
import sys

from core.schema import PAGES  # plain Python, like strings: safe before Qt is loaded

from . import strings


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="nianbao", description=strings.CLI_DESCRIPTION)
    parser.add_argument("file", nargs="?", help=strings.CLI_FILE)
    parser.add_argument("--page", choices=PAGES, help=strings.CLI_PAGE)
    parser.add_argument("--screenshot", metavar="OUT.png", help=strings.CLI_SCREENSHOT)
    parser.add_argument("--size", default="1366x768", help=strings.CLI_SIZE)
    return parser.parse_known_args(argv)


def run(argv: list[str]) -> int:
    """Run the desktop app; return the exit code."""
    args, qt_args = parse_args(argv)
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed for a screenshot
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    _install_qt_translation(app)
    app.setApplicationName("nianbao")
    app.setOrganizationName("nianbao")
    from . import settings
    from .main_window import MainWindow

    app.setApplicationDisplayName(strings.APP_NAME)
    settings.migrate()
    if args.screenshot:
        return screenshot(args.screenshot, args.file, args.page, args.size)

    window = MainWindow()
    geometry, state = settings.window_state()
    if window.restore_layout(geometry, state):
        window.show()
    else:
        screen = app.primaryScreen().availableGeometry()
        if screen.width() <= 1440 or screen.height() <= 900:
            window.showMaximized()  # a 1366×768 office screen: use all of it
        else:
            window.show()
    probe = bool(os.environ.get("NIANBAO_EXIT_AFTER_PAINT"))

    def start() -> None:
        restored = window.files.offer_recovery() if not probe else False
        if args.file and not restored:
            op = window.files.open_path(args.file, page=args.page)
            if probe and op is not None:  # bench/startup.py: time to the window painted with FILE open
                op.finished.connect(lambda: (_exit_after_paint(window), window.update()))
                return
        elif args.page:
            window.enter_page(args.page)
        if probe:
            _exit_after_paint(window)
            window.update()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, start)  # show the window first, then look at files
    return app.exec()


def _install_qt_translation(app) -> None:
    """Qt's own words (确定, 取消, the text-field menus) in Chinese, from the bundled qtbase_zh_CN."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        app.installTranslator(translator)

    class MissingWords(QTranslator):
        """The few of Qt's words its Chinese catalogue lacks (gui.strings.QT_MISSING_WORDS)."""

        def translate(self, context, source, disambiguation=None, n=-1):
            return strings.QT_MISSING_WORDS.get((context, source))  # None: not ours, ask the next catalogue

        def isEmpty(self) -> bool:
            return False

    app.installTranslator(MissingWords(app))  # searched first; every other word falls through to qtbase


def _exit_after_paint(window) -> None:
    """For bench/startup.py: print "painted" at the first paint of the window and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                window.removeEventFilter(self)
                QTimer.singleShot(0, QApplication.instance().quit)
            return False

    window._paint_probe = Probe(window)
    window.installEventFilter(window._paint_probe)


def screenshot(out: str, file: str | None, page: str | None, size: str = "1366x768") -> int:
    """Render the main window (default 1366×768) to ``out`` (PNG) and return 0, or 1 on failure.

    Without FILE the start page is drawn.
    """
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    window = MainWindow(autosave=False)
    failures: list[str] = []
    window.dialogs.error = lambda title, text: failures.append(f"{title}：{text}")
    window.dialogs.info = lambda title, text: print(f"{title}：{text}", file=sys.stderr)
    width, _, height = size.lower().partition("x")
    window.resize(int(width), int(height))
    window.show()
    if file and not window.files.open_path(file, page=page).wait():
        print("\n".join(failures), file=sys.stderr)
        return 1
    if page:
        window.show_page(page)
    for _ in range(3):
        QApplication.processEvents()
    ok = window.grab().save(out, "PNG")
    window.autosave_timer.stop()  # left unclosed: closing would ask about unsaved imports
    if not ok:
        print(strings.screenshot_failed(out), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
