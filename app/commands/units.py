"""`propdesk estates`, `propdesk users`: set-up commands for a local database."""

from __future__ import annotations

import getpass
import sys

from app import cli
from app.cli import fail, open_db
from app.domain.errors import DomainError, FieldErrors


def error_text(error: DomainError) -> str:
    """A refusal for the terminal, in the words the entry point gave ``app.cli``."""
    if isinstance(error, FieldErrors):
        return "; ".join(f"{name}: {error_text(e)}" for name, e in error.errors.items())
    return cli.describe(error)


def register(sub, common) -> None:
    estates = sub.add_parser("estates", parents=[common], help="list or add estates")
    estates_sub = estates.add_subparsers(dest="estates_command", required=True)
    add = estates_sub.add_parser("add", parents=[common], help="add an estate")
    add.add_argument("name")
    add.set_defaults(handler=add_estate)
    listing = estates_sub.add_parser("list", parents=[common], help="list estates")
    listing.set_defaults(handler=list_estates)

    users = sub.add_parser("users", parents=[common], help="local staff accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add_user = users_sub.add_parser("add", parents=[common], help="add a staff account")
    add_user.add_argument("login")
    add_user.add_argument("--role", required=True)
    add_user.add_argument("--estate", action="append", required=True, help="estate name")
    add_user.add_argument("--name", default="", help="display name")
    add_user.add_argument("--password-stdin", action="store_true")
    add_user.set_defaults(handler=add_staff)


def add_estate(args) -> int:
    from app.services.units import create_estate

    db = open_db(args)
    with db.session() as s:
        estate = create_estate(s, args.name)
        print(f"{estate.name}\t{estate.id}")
    return 0


def list_estates(args) -> int:
    from app.services.units import list_estates as estates

    db = open_db(args)
    with db.session() as s:
        for estate in estates(s):
            print(f"{estate.name}\t{estate.id}")
    return 0


def add_staff(args) -> int:
    from app.services.accounts import create_staff
    from app.services.units import find_estate

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    db = open_db(args)
    try:
        with db.session() as s:
            ids = []
            for name in args.estate:
                estate = find_estate(s, name)
                if estate is None:
                    return fail(f"no estate named {name!r}")
                ids.append(estate.id)
            user = create_staff(
                s,
                login=args.login,
                display_name=args.name,
                role=args.role,
                password=password,
                estate_ids=ids,
            )
            print(f"{user.login}\t{user.role}\t{user.id}")
    except DomainError as error:
        return fail(error_text(error))
    return 0
