"""Terminal subcommands of ``nianbao``; each module has ``add_parser(sub)`` and ``run(args)``.

Only the module of the command being run is imported (by :func:`load`), so that each command
starts fast: ``nianbao check`` never loads docx, openpyxl or Qt.
"""

from __future__ import annotations

from types import ModuleType

# In the order ``nianbao --help`` shows them.
COMMAND_NAMES = ("check", "import", "new", "export", "merge")


def load(name: str) -> ModuleType:
    """Import and return the module of the command ``name``."""
    if name == "check":
        from . import check as module
    elif name == "import":
        from . import import_report as module
    elif name == "new":
        from . import new as module
    elif name == "export":
        from . import export as module
    elif name == "merge":
        from . import merge as module
    else:
        raise KeyError(name)
    return module
