"""Headless commands, one module each: `add_parser(subparsers)` and `run(args) -> exit code`."""
