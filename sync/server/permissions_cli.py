"""`propdesk-server permissions show|grant|revoke|reset`: an estate's permission matrix
from the server's command line. The change is the server's own (its audit entries name no
person but the server's device) and every desk of the estate pulls it at its next sync."""

from __future__ import annotations

import argparse


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    perms = sub.add_parser(
        "permissions", parents=[common], help="who may do what (an estate's permission matrix)"
    )
    perm_sub = perms.add_subparsers(dest="permissions_command", required=True)
    show = perm_sub.add_parser(
        "show", parents=[common], help="the matrix in force (* differs from the default)"
    )
    show.add_argument("--estate", required=True, help="estate name")
    for name, what in (
        ("grant", "let a role do something"),
        ("revoke", "stop a role doing something"),
        ("reset", "back to the default for that role and permission"),
    ):
        cell = perm_sub.add_parser(name, parents=[common], help=what)
        cell.add_argument("role", help="e.g. cashier, finance_lead (see `show`)")
        cell.add_argument("permission", help="e.g. fees.adjust (see `show`)")
        cell.add_argument("--estate", action="append", required=True, help="estate name")


def cmd_permissions(args, engine) -> int:
    from app.domain import permissions as rules
    from app.domain.errors import DomainError
    from app.services.permissions import overrides_in, set_cells_in
    from sync.server.cli import _estate_ids, _ready, _session, fail
    from sync.server.crud import server_writes

    if problem := _ready(engine):
        return fail(problem, 2)
    try:
        with _session(engine) as s, s.begin():
            if args.permissions_command == "show":
                (estate_id,) = _estate_ids(s, [args.estate])
                print(show(overrides_in(s, estate_id)))
                return 0
            ids = _estate_ids(s, args.estate)
            role, permission = args.role, args.permission
            if args.permissions_command == "reset":
                allowed = rules.allowed_by_default(role, permission)
            else:
                allowed = args.permissions_command == "grant"
            with server_writes(s):
                changed = sum(set_cells_in(s, e, [(role, permission, allowed)]) for e in ids)
    except LookupError as exc:
        return fail(str(exc))
    except DomainError as exc:
        return fail(_words(exc))
    state = "may" if allowed else "may not"
    print(f"{role} {state} {permission} ({changed} estate(s) changed)")
    return 0


def show(overrides) -> str:
    """One line per permission: the roles that hold it, ``*`` on a cell set for the estate."""
    from app.domain import permissions as rules

    lines = []
    for permission, roles in rules.matrix(overrides).items():
        held = []
        for role, allowed in roles.items():
            mark = (
                "*"
                if (role, permission) in overrides
                and (allowed != rules.allowed_by_default(role, permission))
                else ""
            )
            if allowed:
                held.append(role + mark)
            elif mark:
                held.append(f"-{role}*")
        lines.append(f"{permission}\t{' '.join(held) or '(nobody)'}")
    return "\n".join(lines)


def _words(error) -> str:
    if error.code == "account.role.unknown":
        return f"no role {error.params.get('role')!r}; roles: " + ", ".join(_roles())
    if error.code == "permission.unknown":
        return f"no permission {error.params.get('permission')!r}; see `permissions show`"
    if error.code == "permission.keep_admin":
        return "the administrator keeps permissions.manage (else nobody could change it)"
    return str(error)


def _roles():
    from app.domain.permissions import ROLES

    return ROLES
