"""`propdesk-server`: migrate, serve, and the administration commands."""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from app.paths import data_dir

DEFAULT_PORT = 8470


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'propdesk-server.sqlite3'}"


URL_EXAMPLE = (
    "give a SQLite file path (e.g. /srv/propdesk/server.db) or a SQLAlchemy URL such as "
    "postgresql+psycopg://user:password@host:5432/propdesk"
)


def database_url(text: str | None) -> str:
    """``--db`` as a SQLAlchemy URL: none means the default SQLite file, a plain path a
    SQLite file (``sqlite:///`` + its absolute path), anything with ``://`` is a URL."""
    if not text:
        return default_url()
    if "://" in text:
        return text
    from pathlib import Path

    return f"sqlite:///{Path(text).expanduser().resolve()}"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="a SQLite file path or a SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
        "(default: a SQLite file in the data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="propdesk-server", description="The PropDesk central sync server.", parents=[common]
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sub.add_parser("migrate", parents=[common], help="create or upgrade the server database")
    serve = sub.add_parser("serve", parents=[common], help="run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--certfile", help="TLS certificate (PEM): serve HTTPS (docs/deploy.md)")
    serve.add_argument("--keyfile", help="the certificate's private key (PEM)")

    estates = sub.add_parser("estates", parents=[common], help="estates")
    est_sub = estates.add_subparsers(dest="estates_command", required=True)
    add = est_sub.add_parser("add", parents=[common], help="add an estate")
    add.add_argument("name")
    est_sub.add_parser("list", parents=[common], help="list estates")

    users = sub.add_parser("users", parents=[common], help="staff accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    uadd = users_sub.add_parser("add", parents=[common], help="add a staff account")
    uadd.add_argument("login")
    uadd.add_argument("--role", required=True)
    uadd.add_argument("--estate", action="append", required=True, help="estate name")
    uadd.add_argument("--name", default="", help="display name")
    uadd.add_argument("--password-stdin", action="store_true", help="read the password")

    code = sub.add_parser(
        "enroll-code", parents=[common], help="print a one-time code to enrol a device"
    )
    code.add_argument("--estate", action="append", default=[], help="estate name (repeatable)")
    code.add_argument("--all-estates", action="store_true", help="head office: every estate")
    code.add_argument("--expires", default="24h", help="e.g. 30m, 24h, 7d (default 24h)")
    code.add_argument(
        "--certfile",
        help="the certificate `serve --certfile` uses: its SHA-256 is printed with the code, "
        "for the desk to pin (propdesk enroll --pin)",
    )

    backup = sub.add_parser(
        "backup", parents=[common], help="copy a SQLite server database while it runs"
    )
    backup.add_argument("--out", required=True, help="the backup file to write")
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="replace a SQLite server database by a backup (server stopped); new epoch",
    )
    restore.add_argument("--from", dest="source", required=True, help="the backup file")
    sub.add_parser(
        "new-epoch",
        parents=[common],
        help="after restoring a database by other means (pg_restore): desks pull again",
    )

    devices = sub.add_parser("devices", parents=[common], help="enrolled devices")
    dev_sub = devices.add_subparsers(dest="devices_command", required=True)
    dev_sub.add_parser("list", parents=[common], help="list devices")
    revoke = dev_sub.add_parser("revoke", parents=[common], help="refuse a device from now on")
    revoke.add_argument("device_id")
    from sync.server.permissions_cli import add_parser as add_permissions

    add_permissions(sub, common)
    return parser


# What the `server` extra of pyproject.toml installs (and what FastAPI brings with it).
SERVER_PACKAGES = {"fastapi", "uvicorn", "starlette", "psycopg"}
INSTALL_SERVER = "pip install -e '.[server]'"


def missing_server_package(error: BaseException | None) -> str | None:
    """The server package whose absence ``error`` (or what caused it) comes from."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, ModuleNotFoundError):
            root = (error.name or "").split(".")[0]
            if root in SERVER_PACKAGES:
                return root
        error = error.__cause__ or error.__context__
    return None


def server_not_installed(package: str) -> int:
    return fail(
        f"the server's packages are not installed ({package} is missing): "
        f"install the server with `{INSTALL_SERVER}`"
    )


def fail(message: str, code: int = 1) -> int:
    print(f"propdesk-server: {message}", file=sys.stderr)
    return code


def parse_duration(text: str) -> timedelta:
    match = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", text)
    if not match:
        raise ValueError(f"cannot read duration {text!r}; write e.g. 30m, 24h or 7d")
    number, unit = int(match[1]), match[2]
    return {
        "m": timedelta(minutes=number),
        "h": timedelta(hours=number),
        "d": timedelta(days=number),
    }[unit]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from sync.server.db import make_engine

    url = database_url(getattr(args, "db", None))
    try:
        engine = make_engine(url)
    except Exception as error:  # an unknown driver, a driver not installed, a malformed URL
        if package := missing_server_package(error):
            return server_not_installed(package)
        return fail(f"cannot use --db {getattr(args, 'db', '')!r}: {URL_EXAMPLE}")
    try:
        handler = {
            "migrate": cmd_migrate,
            "serve": cmd_serve,
            "estates": cmd_estates,
            "users": cmd_users,
            "enroll-code": cmd_code,
            "devices": cmd_devices,
            "backup": cmd_backup,
            "restore": cmd_restore,
            "new-epoch": cmd_new_epoch,
            "permissions": cmd_permissions,
        }[args.command]
        return handler(args, engine)
    except ImportError as error:  # a plain `pip install -e .` is the desk only
        if package := missing_server_package(error):
            return server_not_installed(package)
        raise
    except (DBAPIError, ArgumentError) as error:  # cannot connect, or not a database
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        shown = engine.url.render_as_string(hide_password=True)
        return fail(f"cannot open the database {shown} ({reason}); {URL_EXAMPLE}")
    finally:
        engine.dispose()


def _ready(engine) -> str | None:
    from sync.server.db import schema_problems

    problems = schema_problems(engine)
    if problems:
        return (
            "the database is not migrated (" + "; ".join(problems[:3]) + "). "
            "Run `propdesk-server migrate"
            + (f" --db {engine.url.render_as_string(hide_password=True)}`" if engine else "`")
            + " first."
        )
    return None


def cmd_migrate(args, engine) -> int:
    from sync.server.db import migrate

    done = migrate(engine)
    for line in done:
        print(line)
    print("database is current" if not done else "migrated")
    return 0


def cmd_serve(args, engine) -> int:
    problem = _ready(engine) or tls_problem(args)
    if problem:
        return fail(problem, 2)
    import uvicorn

    from sync.server.main import create_app

    tls = {"ssl_certfile": args.certfile, "ssl_keyfile": args.keyfile} if args.certfile else {}
    uvicorn.run(create_app(engine), host=args.host, port=args.port, log_level="info", **tls)
    return 0


def tls_problem(args) -> str | None:
    """Both files or neither; each readable. Plain HTTP off loopback is for a trusted LAN
    behind a TLS reverse proxy only (docs/deploy.md)."""
    certfile, keyfile = getattr(args, "certfile", None), getattr(args, "keyfile", None)
    if bool(certfile) != bool(keyfile):
        return "give both --certfile and --keyfile for HTTPS"
    for path in (certfile, keyfile):
        if path and not Path(path).is_file():
            return f"cannot read {path}"
    return None


def _session(engine):
    from sync.server.crud import new_session

    return new_session(engine)


def _estate_ids(session, names: list[str]) -> list[str]:
    from app.services.units import find_estate

    ids = []
    for name in names:
        estate = find_estate(session, name)
        if estate is None:
            raise LookupError(f"no estate {name!r}; add it with `propdesk-server estates add`")
        ids.append(estate.id)
    return ids


def cmd_estates(args, engine) -> int:
    from app.services.units import create_estate, list_estates
    from sync.server.crud import server_writes

    if problem := _ready(engine):
        return fail(problem, 2)
    with _session(engine) as s, s.begin():
        if args.estates_command == "add":
            with server_writes(s):
                estate = create_estate(s, args.name)
            print(f"{estate.name}\t{estate.id}")
        else:
            for estate in list_estates(s):
                print(f"{estate.name}\t{estate.id}")
    return 0


def cmd_users(args, engine) -> int:
    from app.services.accounts import AccountError, create_staff
    from sync.server.crud import server_writes

    if problem := _ready(engine):
        return fail(problem, 2)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
    try:
        with _session(engine) as s, s.begin():
            ids = _estate_ids(s, args.estate)
            with server_writes(s):
                user = create_staff(
                    s,
                    login=args.login,
                    display_name=args.name,
                    role=args.role,
                    password=password,
                    estate_ids=ids,
                )
            print(f"{user.login}\t{user.role}\t{user.id}")
    except (AccountError, LookupError) as exc:
        return fail(str(exc))
    return 0


def cmd_code(args, engine) -> int:
    from sync.server.crud import create_code

    if problem := _ready(engine):
        return fail(problem, 2)
    if not args.estate and not args.all_estates:
        return fail("say which estates: --estate NAME (repeatable) or --all-estates")
    try:
        pin = certificate_fingerprint(args.certfile) if args.certfile else ""
        expires = parse_duration(args.expires)
        with _session(engine) as s, s.begin():
            ids = _estate_ids(s, args.estate)
            code = create_code(s, ids, args.all_estates, expires)
    except (ValueError, LookupError, OSError) as exc:
        return fail(str(exc))
    print(code)
    if pin:
        print(f"pin {pin}")
        print(f"on the desk: propdesk enroll --server https://HOST:PORT --code {code} --pin {pin}")
    return 0


def certificate_fingerprint(certfile: str) -> str:
    """SHA-256 of the PEM file's first certificate, as ``AB:CD:…`` (what a desk pins and
    what ``openssl x509 -noout -fingerprint -sha256`` prints)."""
    import hashlib
    import ssl

    text = Path(certfile).read_text(encoding="ascii", errors="replace")
    begin, end = "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----"
    start = text.find(begin)
    stop = text.find(end, start)
    if start < 0 or stop < 0:
        raise ValueError(f"{certfile} holds no PEM certificate")
    der = ssl.PEM_cert_to_DER_cert(text[start : stop + len(end)])
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def cmd_devices(args, engine) -> int:
    from sqlalchemy import select

    from sync.server.models import Device

    if problem := _ready(engine):
        return fail(problem, 2)
    with _session(engine) as s, s.begin():
        if args.devices_command == "revoke":
            device = s.get(Device, args.device_id)
            if device is None:
                return fail(f"no device {args.device_id}")
            device.revoked = True
            print(f"revoked {device.id} {device.name}")
            return 0
        for d in s.scalars(select(Device).order_by(Device.enrolled_at)):
            scope = "all estates" if d.all_estates else ",".join(d.estate_ids)
            state = "revoked" if d.revoked else "active"
            print(f"{d.id}\t{d.name}\t{state}\t{scope}\t{d.changes_applied} changes")
    return 0


def cmd_permissions(args, engine) -> int:
    from sync.server.permissions_cli import cmd_permissions as run

    return run(args, engine)


def cmd_backup(args, engine) -> int:
    from sync.server.backup import BackupError, backup

    try:
        backup(engine, args.out)
    except BackupError as exc:
        return fail(str(exc))
    print(f"backed up to {args.out}")
    return 0


def cmd_restore(args, engine) -> int:
    from sync.server.backup import BackupError, restore

    try:
        epoch = restore(engine, args.source)
    except BackupError as exc:
        return fail(str(exc))
    print(f"restored from {args.source}; new epoch {epoch}: desks will pull again")
    return 0


def cmd_new_epoch(args, engine) -> int:
    from sync.server.backup import bump_epoch

    if problem := _ready(engine):
        return fail(problem, 2)
    print(f"new epoch {bump_epoch(engine)}: desks will pull again")
    return 0


if __name__ == "__main__":
    sys.exit(main())
