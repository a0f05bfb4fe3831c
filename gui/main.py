"""Entry point of the ``nianbao`` command: subcommands go to the core CLI, otherwise the window opens."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # Frozen, audit worker processes never get here: build_scripts/launcher.py diverts them.
    argv = list(sys.argv[1:] if argv is None else argv)
    from core.cli import command_names, main as cli_main

    if argv and (argv[0] in command_names() or argv[0] in ("-h", "--help", "--version")):
        return cli_main(argv)
    try:
        from . import app  # Qt is imported only now: terminal commands stay fast
    except ImportError as exc:
        print(f"nianbao: 无法启动图形界面（{exc}）；命令行用法见 nianbao --help", file=sys.stderr)
        return 2
    return app.run(argv)


if __name__ == "__main__":
    sys.exit(main())
