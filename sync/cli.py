"""`propdesk enroll` and `propdesk sync`: the headless sync client.

Failures are printed in English from ``sync.client.errors.ENGLISH`` (the command line has
no Qt, hence no ``ui.messages``); the desk shows the same codes in the user's language."""

from __future__ import annotations

import sys

from app.cli import fail, open_db


def register(sub, common) -> None:
    enroll = sub.add_parser("enroll", parents=[common], help="enrol this device with a sync server")
    enroll.add_argument("--server", required=True, help="e.g. https://10.0.0.5:8470")
    enroll.add_argument("--code", required=True, help="the one-time code from the server")
    enroll.add_argument("--name", default="", help="this device's name (default: host name)")
    enroll.add_argument(
        "--pin",
        default="",
        help="the server certificate's SHA-256 fingerprint given with the code (https only): "
        "a server presenting another certificate is refused, now and at every sync",
    )
    enroll.set_defaults(handler=enroll_device)

    sync = sub.add_parser("sync", parents=[common], help="one push-pull cycle with the server")
    sync.set_defaults(handler=sync_once)


def enroll_device(args) -> int:
    from app.domain.errors import DomainError
    from sync.client import english, run_enroll

    db = open_db(args)
    try:
        answer = run_enroll(db, args.server, args.code, args.name, pin=args.pin)
    except DomainError as exc:
        return fail(english(exc.code, exc.params))
    finally:
        db.close()
    scope = "every estate" if answer.all_estates else f"{len(answer.estate_ids)} estate(s)"
    print(f"Enrolled as device {answer.device_id} for {scope}. Run `propdesk sync` next.")
    return 0


def sync_once(args) -> int:
    from app.domain.errors import DomainError
    from sync.client import english, run_sync

    db = open_db(args)
    try:
        report = run_sync(db)
    except DomainError as exc:
        return fail(english(exc.code, exc.params))
    finally:
        db.close()
    print(
        f"Pushed {report.pushed} change(s), pulled {report.pulled}; "
        f"{report.conflicts} conflict(s) kept for review; cursor {report.cursor}."
    )
    if report.set_aside:
        print(
            f"{report.set_aside} pulled change(s) this PropDesk cannot apply were set aside.",
            file=sys.stderr,
        )
    if report.blobs_up or report.blobs_down:
        print(f"Attachments: {report.blobs_up} uploaded, {report.blobs_down} downloaded.")
    for change_id, reason in report.rejected:
        print(f"Set aside (refused by the server): {change_id}: {reason}", file=sys.stderr)
    warning = report.clock_warning()
    if warning:
        print(f"Warning: {warning}", file=sys.stderr)
        if report.restamped:
            print(f"{report.restamped} waiting change(s) were re-stamped.", file=sys.stderr)
    return 0
