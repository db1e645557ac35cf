"""The installed `propdesk` entry point: core commands, sync commands and the GUI.

With no subcommand it opens the desktop application.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _only_gui_options(args):
        args = ["gui", *args]
    if args[:1] == ["gui"] and not {"-h", "--help"} & set(args):
        return _gui(args)
    from app.cli import main as cli_main
    from sync.cli import register as sync_commands
    from ui.commands import register as ui_commands

    return cli_main(args, extensions=[sync_commands, ui_commands], describe_error=_words)


def _gui(args: list[str]) -> int:
    """`propdesk gui ...`: the window, without building every other command's parser first
    (14 ms of the window's start); the same options as there."""
    import argparse

    from app.cli import common_options, fail
    from app.domain.errors import DomainError
    from ui.commands import register

    parser = argparse.ArgumentParser(prog="propdesk")
    register(parser.add_subparsers(dest="command"), common_options())
    parsed = parser.parse_args(args)
    try:
        return int(parsed.handler(parsed) or 0)
    except DomainError as error:  # a refusal, in words, as app.cli.main says it
        return fail(_words(error))


def _words(error: BaseException) -> str:
    """A refusal on the terminal in the user's language, from the one catalogue."""
    from ui.messages import describe

    return describe(error)


GUI_OPTIONS = ("--db", "--lang", "--page")  # `propdesk --lang zh_CN` opens the window


def _only_gui_options(args: list[str]) -> bool:
    """No subcommand, only options of `propdesk gui` (with their values)."""
    index = 0
    while index < len(args):
        option = args[index].split("=", 1)[0]
        if option not in GUI_OPTIONS:
            return False
        index += 1 if "=" in args[index] else 2
    return True


if __name__ == "__main__":
    sys.exit(main())
