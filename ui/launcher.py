"""The installed `propdesk` entry point: core commands, sync commands and the GUI.

With no subcommand it opens the desktop application.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli import main as cli_main
    from sync.cli import register as sync_commands
    from ui.commands import register as ui_commands

    args = list(sys.argv[1:] if argv is None else argv)
    if _only_gui_options(args):
        args = ["gui", *args]
    return cli_main(args, extensions=[sync_commands, ui_commands], describe_error=_words)


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
