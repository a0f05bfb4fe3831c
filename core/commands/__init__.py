"""Terminal subcommands of ``nianbao``; each module has ``add_parser(sub)`` and ``run(args)``."""

# Order shown in ``nianbao --help``.
COMMANDS = ("check", "import_report", "new", "export", "merge")
