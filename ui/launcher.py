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
    if not args or all(a.startswith("--db") or _is_db_value(args, i) for i, a in enumerate(args)):
        args = ["gui", *args]
    return cli_main(args, extensions=[sync_commands, ui_commands])


def _is_db_value(args: list[str], index: int) -> bool:
    return index > 0 and args[index - 1] == "--db"


if __name__ == "__main__":
    sys.exit(main())
