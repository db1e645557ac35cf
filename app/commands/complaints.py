"""`propdesk complaints week|escalate|overdue`: the Saturday report and the checks a
scheduled task can run without the desktop."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from app.cli import fail, open_db


def register(sub, common) -> None:
    complaints = sub.add_parser("complaints", parents=[common], help="complaint reports and checks")
    what = complaints.add_subparsers(dest="complaints_command", required=True)
    week = what.add_parser(
        "week",
        parents=[common],
        help="weekly statistics (default: the week ending this Saturday)",
    )
    week.add_argument("--estate", metavar="NAME", help="estate (default: the only one)")
    week.add_argument("--ending", metavar="YYYY-MM-DD", help="any day of the week to report")
    week.add_argument("--xlsx", type=Path, metavar="FILE", help="also write the workbook here")
    week.set_defaults(handler=week_report)
    escalate = what.add_parser(
        "escalate",
        parents=[common],
        help="make valid complaints unresolved for a month major (with an event saying so)",
    )
    escalate.add_argument("--estate", metavar="NAME")
    escalate.set_defaults(handler=escalate_overdue)
    overdue = what.add_parser("overdue", parents=[common], help="list overdue open complaints")
    overdue.add_argument("--estate", metavar="NAME")
    overdue.set_defaults(handler=list_overdue)


def _estate(db, name: str | None) -> tuple[str, str]:
    """(id, name) of the estate named, or of the only one."""
    with db.session() as s:
        estate = _find_estate(s, name)
        return estate.id, estate.name


def _find_estate(session, name: str | None):
    from app.services.units import find_estate, list_estates

    if name:
        estate = find_estate(session, name)
        if estate is None:
            raise LookupError(f"no estate named {name!r}")
        return estate
    estates = list_estates(session)
    if len(estates) != 1:
        names = ", ".join(e.name for e in estates) or "none"
        raise LookupError(f"choose an estate with --estate (estates: {names})")
    return estates[0]


def week_report(args) -> int:
    from app.services.complaints.stats import export_xlsx, week_ending, weekly_stats

    try:
        day = date.fromisoformat(args.ending) if args.ending else date.today()
    except ValueError:
        return fail(f"--ending wants a date YYYY-MM-DD, not {args.ending!r}")
    db = open_db(args)
    try:
        estate_id, estate_name = _estate(db, args.estate)
        stats = weekly_stats(db, estate_id, week_ending(day))
    except LookupError as error:
        return fail(str(error))
    print(f"{estate_name}\t{stats.week_start} – {stats.week_end}")
    print(f"total\t{stats.total}\nvalid\t{stats.valid}\ninvalid\t{stats.invalid}")
    print(f"resolved\t{stats.resolved}\nstill open\t{stats.still_open}\nrepeats\t{stats.repeats}")
    if stats.average_resolve_hours is not None:
        print(f"average hours to resolve\t{stats.average_resolve_hours:.1f}")
    for title, counter in (
        ("category", stats.by_category),
        ("severity", stats.by_severity),
        ("department", stats.by_department),
        ("channel", stats.by_channel),
        ("satisfaction", stats.satisfaction),
    ):
        for code, count in counter.most_common():
            print(f"{title}\t{code}\t{count}")
    for kind, (met, due) in stats.on_time.items():
        print(f"on time\t{kind}\t{met}/{due}\t{met / due:.0%}")
    if args.xlsx:
        export_xlsx(stats, args.xlsx)
        print(f"wrote\t{args.xlsx}")
    return 0


def escalate_overdue(args) -> int:
    from app.services.complaints import escalate_overdue

    db = open_db(args)
    try:
        estate_id, _name = _estate(db, args.estate)
        count = escalate_overdue(db, estate_id)
    except LookupError as error:
        return fail(str(error))
    print(f"{count} complaint(s) became major")
    return 0


def list_overdue(args) -> int:
    from app.services.complaints import ComplaintQuery, read_page

    db = open_db(args)
    try:
        estate_id, _name = _estate(db, args.estate)
    except LookupError as error:
        return fail(str(error))
    query = ComplaintQuery(estate_id=estate_id, status="open", deadline="overdue")
    now = datetime.now(UTC)  # one moment for every page, so no row moves between pages
    offset = 0
    while True:
        rows = read_page(db, query, offset, 500, now)
        for row in rows:
            print(
                f"{row.number}\t{row.next_due:%Y-%m-%d %H:%M}Z\t{row.next_kind}\t"
                f"{row.severity}\t{row.unit}\t{row.complainant}\t{row.phone_masked}"
            )
        if len(rows) < 500:
            break
        offset += 500
    return 0
