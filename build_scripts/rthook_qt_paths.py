"""Runtime hook replacing PyInstaller's pyi_rth_pyside6: point Qt at the bundle without importing Qt.

PyInstaller's own hook imports PySide6.QtCore (and with it ICU) in every frozen process, the terminal
commands and the audit workers included, only to register a qt.conf that the PySide6 wheel registers
itself on import. Setting the paths is all that is needed; Qt then loads only on the window's path.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform == "win32" else os.path.join(sys._MEIPASS, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
del _qt
