"""The `propdesk` command: the parser and the headless commands of the core.

Other layers add their commands through ``extensions`` (callables that receive the
subparsers), so this module stays free of Qt and of the network; ``ui.launcher`` composes
them into the installed ``propdesk`` entry point.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from app import __version__
from app.domain.errors import DomainError
from app.paths import default_db_path

Extension = Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]
Describe = Callable[[BaseException], str]

# How a refusal is worded on the terminal. The core has only codes; the installed entry
# point (ui.launcher) passes the catalogue's words, in the user's language.
_describe: Describe = str


def describe(error: BaseException) -> str:
    return _describe(error)


def common_options() -> argparse.ArgumentParser:
    """Options every command takes (``--db PATH``)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="local database file (default: the user's data folder)",
    )
    return parent


def db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def open_db(args: argparse.Namespace):
    from app.store.db import Database

    return Database(db_path(args))


def fail(message: str | BaseException, code: int = 1) -> int:
    text = describe(message) if isinstance(message, BaseException) else message
    print(f"propdesk: {text}", file=sys.stderr)
    return code


def damaged_database(error: BaseException, path: Path) -> str | None:
    """When ``error`` (or what caused it) is SQLite finding the database file damaged:
    one sentence saying so and where to recover it, as the desktop's recovery dialog
    offers (the latest good backup, the damaged file kept beside it). None otherwise."""
    import sqlite3

    from app.services import backups

    found, seen = None, set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        cause = getattr(error, "orig", None)  # SQLAlchemy's wrapper of the sqlite3 error
        for candidate in (error, cause):
            if isinstance(candidate, sqlite3.Error) and backups.is_damage(candidate):
                found = candidate
        if found is not None:
            break
        error = error.__cause__ or error.__context__
    if found is None:
        return None
    what = str(found) or type(found).__name__
    backup = backups.latest_good_backup(path)
    if backup is not None:
        offer = (
            f"open PropDesk (`propdesk --db {path}`) to restore the latest good backup, made "
            f"on {backup.made_at:%Y-%m-%d %H:%M} (in {backup.path.parent}); the damaged "
            "file is kept beside it and changes not yet synced are sent again"
        )
    else:
        offer = (
            f"no good backup of it was found in {backups.backup_dir(path)}: open PropDesk "
            f"(`propdesk --db {path}`) to start with an empty database (the damaged file "
            "is kept beside it) and enrol this computer for sync again, or ask your "
            "administrator"
        )
    return f"PropDesk's database {path} is damaged or unreadable ({what}); {offer}."


def build_parser(extensions: Iterable[Extension] = ()) -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="propdesk",
        description="PropDesk: the property-management customer-service desk.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"PropDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for extension in _core_extensions():
        extension(sub, common)
    for extension in extensions:
        extension(sub, common)
    return parser


def _core_extensions() -> list[Extension]:
    from app import commands

    return commands.EXTENSIONS


def main(
    argv: Sequence[str] | None = None,
    extensions: Iterable[Extension] = (),
    describe_error: Describe | None = None,
) -> int:
    global _describe
    previous = _describe
    _describe = describe_error or previous  # for this command only
    try:
        parser = build_parser(extensions)
        args = parser.parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 2
        try:
            return int(handler(args) or 0)
        except DomainError as error:  # a refusal, in words, never a traceback
            if (damage := damaged_database(error, db_path(args))) is not None:
                return fail(damage)
            return fail(error)
        except Exception as error:
            # a damaged database file: where to recover it, never a traceback
            if (damage := damaged_database(error, db_path(args))) is None:
                raise
            return fail(damage)
    finally:
        _describe = previous
