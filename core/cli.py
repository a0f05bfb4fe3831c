"""The terminal side of ``nianbao``: subcommands that do the GUI's work without a window."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .commands import COMMAND_NAMES, load
from .errors import ReportError
from .schema import PAGES

PROG = "nianbao"
DESCRIPTION = "政府信息公开年报助手：编写、检查、导入导出政府信息公开工作年度报告。不带参数运行时打开图形界面。"
EPILOG = ("图形界面：nianbao [文件] [--page 页面]；无显示器截图：nianbao --screenshot OUT.png [文件] [--page 页面]"
          f"（页面：{' '.join(PAGES)}）")


class _ChineseHelp(argparse.HelpFormatter):
    """argparse's own words (usage, section titles) in Chinese, as the rest of the help is."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="用法：")


def _localise(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = _ChineseHelp
    parser._positionals.title = "参数"  # noqa: SLF001 - argparse has no public setter
    parser._optionals.title = "选项"  # noqa: SLF001
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._HelpAction):  # noqa: SLF001
            action.help = "显示本帮助并退出"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the parser; with ``only``, just that subcommand's module is imported."""
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令")
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
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: 已中断", file=sys.stderr)
        return 130
    except MemoryError:
        print(f"{PROG}: 内存不足，文件过大", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
