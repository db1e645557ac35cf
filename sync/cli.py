"""`propdesk enroll` and `propdesk sync`: the headless sync client.

Failures are printed in English from ``sync.client.errors.ENGLISH`` (the command line has
no Qt, hence no ``ui.messages``); the desk shows the same codes in the user's language."""

from __future__ import annotations

import sys
import time

from app.cli import damaged_database, db_path, fail, open_db


def register(sub, common) -> None:
    enroll = sub.add_parser(
        "enroll",
        parents=[common],
        help="enrol this device with a sync server, then receive its estate (the first sync)",
    )
    enroll.add_argument("--server", required=True, help="e.g. https://10.0.0.5:8470")
    enroll.add_argument("--code", required=True, help="the one-time code from the server")
    enroll.add_argument("--name", default="", help="this device's name (default: host name)")
    enroll.add_argument(
        "--pin",
        default="",
        help="the server certificate's SHA-256 fingerprint given with the code (https only): "
        "a server presenting another certificate is refused, now and at every sync",
    )
    enroll.add_argument(
        "--no-sync",
        action="store_true",
        help="only enrol; the first sync waits for `propdesk sync`",
    )
    enroll.set_defaults(handler=enroll_device)

    sync = sub.add_parser("sync", parents=[common], help="one push-pull cycle with the server")
    sync.set_defaults(handler=sync_once)


def enroll_device(args) -> int:
    """Enrol, then the first sync straight away (the estate arrives, with its progress),
    so `import`, `bill` and `snapshot` work next; Ctrl-C stops it and `propdesk sync`
    goes on from where it stopped."""
    from app.domain.errors import DomainError
    from sync.client import english, run_enroll

    db = open_db(args)
    try:
        try:
            answer = run_enroll(db, args.server, args.code, args.name, pin=args.pin)
        except DomainError as exc:
            return fail(damaged_database(exc, db_path(args)) or english(exc.code, exc.params))
        except KeyboardInterrupt:
            return fail(
                "Enrolment interrupted; if `propdesk sync` then says this computer is not "
                "enrolled, enrol it again (with a new code if this one was used).",
                130,
            )
        scope = "every estate" if answer.all_estates else f"{len(answer.estate_ids)} estate(s)"
        if args.no_sync:
            print(f"Enrolled as device {answer.device_id} for {scope}. Run `propdesk sync` next.")
            return 0
        print(f"Enrolled as device {answer.device_id} for {scope}. First sync:", flush=True)
        return _sync_and_say(db, args, first=True)
    finally:
        db.close()


def sync_once(args) -> int:
    db = open_db(args)
    try:
        return _sync_and_say(db, args)
    finally:
        db.close()


def _sync_and_say(db, args, first: bool = False) -> int:
    """One push-pull cycle with its progress on stderr; Ctrl-C cancels it (what was
    received is kept: the next `propdesk sync` resumes)."""
    import asyncio

    from app.domain.errors import DomainError
    from sync.client import SyncClient, english

    progress = Progress(sys.stderr)
    try:
        report = asyncio.run(SyncClient(db).sync(progress=progress.show))
    except KeyboardInterrupt:
        progress.end()
        return fail(
            "Sync cancelled; what was received is kept. Run `propdesk sync` to go on from "
            "where it stopped.",
            130,
        )
    except DomainError as exc:
        progress.end()
        damage = damaged_database(exc, db_path(args))
        if damage is None and first:
            return fail(
                f"The first sync did not finish: {english(exc.code, exc.params)} "
                "Run `propdesk sync` to try again."
            )
        return fail(damage or english(exc.code, exc.params))
    progress.end()
    _say(report)
    return 0


class Progress:
    """What a sync receives, on the terminal: rows of the estate (a first sync) or
    changes, of how many, and at the pace so far how long the rest takes, in the words of
    the desktop's Sync page. On a terminal the line is rewritten in place; into a file or
    a pipe a line is written at most every ``every`` seconds (and the first at once)."""

    def __init__(self, stream, every: float = 1.0) -> None:
        self.stream = stream
        self.every = every
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.shown_at: float | None = None
        self.width = 0

    def show(self, report) -> None:
        text = receiving_text(report)
        if text is None:
            return
        now = time.monotonic()
        done = report.remaining == 0
        recent = self.shown_at is not None and now - self.shown_at < self.every
        if recent and not self.tty and not done:
            return
        self.shown_at = now
        if self.tty:
            self.stream.write("\r" + text.ljust(self.width))
            self.width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def end(self) -> None:
        if self.tty and self.width:
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0


def receiving_text(report) -> str | None:
    """ "Receiving the estate: 40,000 of 100,000 rows, about 12 s left…" (the Sync page's
    words, ui/sync_page/progress.py), or None while the server has not said how much."""
    from sync.client import duration_parts

    if not report.pulled or report.remaining is None:
        return None
    total = f"{report.pulled + report.remaining:,}"
    left = report.seconds_left()
    if report.remaining == 0:
        about = "done"
    elif left is None:
        about = "…"
    else:
        parts = duration_parts(max(1000, round(left * 1000)))
        about = "about " + " ".join(f"{n} {unit}" for n, unit in parts) + " left…"
    if report.first_sync:
        return f"Receiving the estate: {report.pulled:,} of {total} rows, {about}"
    return (
        f"Sent {report.pushed:,} change(s); receiving: {report.pulled:,} of {total} "
        f"changes, {about}"
    )


def _say(report) -> None:
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
