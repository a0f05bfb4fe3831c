"""Terminal subcommands of ``nianbao``; each module has ``add_parser(sub)`` and ``run(args)``."""

# Command name -> module, in the order ``nianbao --help`` shows them. Only the module of the
# command being run is imported, so that each command starts fast.
COMMANDS = {
    "check": "check",
    "import": "import_report",
    "new": "new",
    "export": "export",
    "merge": "merge",
}
