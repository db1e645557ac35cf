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
            return fail(error)
    finally:
        _describe = previous
