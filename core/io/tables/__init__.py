"""Reading the three statistical tables out of any file's token stream: `parser.build_report` is the entry."""
