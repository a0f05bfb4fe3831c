"""The terminal side of ``nianbao``: subcommands that do the GUI's work without a window."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .commands import COMMAND_NAMES, load
from .errors import ReportError
from .messages import cli as msg
from .schema import PAGES

PROG = msg.PROG


class _ChineseHelp(argparse.HelpFormatter):
    """argparse's own words (usage, section titles) in Chinese, as the rest of the help is."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix=msg.USAGE)


def _localise(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = _ChineseHelp
    parser._positionals.title = msg.POSITIONALS  # noqa: SLF001 - argparse has no public setter
    parser._optionals.title = msg.OPTIONALS  # noqa: SLF001
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._HelpAction):  # noqa: SLF001
            action.help = msg.HELP_HELP


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the parser; with ``only``, just that subcommand's module is imported."""
    parser = argparse.ArgumentParser(prog=PROG, description=msg.DESCRIPTION, epilog=msg.epilog(PAGES))
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}", help=msg.VERSION_HELP)
    sub = parser.add_subparsers(dest="command", metavar=msg.COMMAND)
    runners = {}
    for name in COMMAND_NAMES if only is None else (only,):
        module = load(name)
        module.add_parser(sub)
        runners[name] = module.run
        _localise(sub.choices[name])
    _localise(parser)
    parser.set_defaults(_runners=runners)
    return parser


def command_names() -> set[str]:
    """Return the names of the terminal subcommands."""
    return set(COMMAND_NAMES)


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; return its exit status (0 ok, 1 findings with errors, 2 unreadable input)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv[0] if argv and argv[0] in COMMAND_NAMES else None)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return args._runners[args.command](args)
    except ReportError as exc:
        print(msg.failed(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(msg.failed(msg.INTERRUPTED), file=sys.stderr)
        return 130
    except MemoryError:
        print(msg.failed(msg.OUT_OF_MEMORY), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
