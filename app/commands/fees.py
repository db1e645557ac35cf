"""`propdesk bill`: issue a month's bills; and the "bills" table of `propdesk export`."""

from __future__ import annotations

from pathlib import Path

from app.cli import fail, open_db


def register(sub, common) -> None:
    bill = sub.add_parser(
        "bill", parents=[common], help="issue a month's bills for every unit of an estate"
    )
    bill.add_argument("--period", required=True, help="the month, YYYY-MM")
    bill.add_argument("--estate", help="estate name (may be left out when there is only one)")
    bill.add_argument(
        "--shared-cost", help="also apportion this month's shared water and electricity (yuan)"
    )
    bill.add_argument("--by", default="propdesk bill", help="who issues the bills")
    bill.set_defaults(handler=run_bill)
    _offer_export()


def _offer_export() -> None:
    """Register "bills" with `propdesk export` when that command exists."""
    try:
        from app.commands import export
    except ImportError:
        return
    specials = getattr(export, "SPECIAL_EXPORTS", None)
    if isinstance(specials, dict):
        specials.setdefault("bills", export_bills)


def _estate(db, name: str | None):
    """(id, name) of the estate named, or the only one."""
    from app.services.units import find_estate, list_estates

    with db.session() as session:
        if name:
            estate = find_estate(session, name)
            if estate is None:
                raise LookupError(f"no estate named {name!r}; see `propdesk estates list`")
            return estate.id, estate.name
        estates = list_estates(session)
        if not estates:
            from app.services.status import NO_ESTATE_ENROLLED, enrolled

            if enrolled(session):
                raise LookupError(f"the database has no estate yet; {NO_ESTATE_ENROLLED}")
        if len(estates) != 1:
            raise LookupError("name the estate with --estate (this database holds several or none)")
        return estates[0].id, estates[0].name


def _refusal(error) -> str:
    """A refusal for the terminal, in the words the entry point gave ``app.cli``."""
    from app.cli import describe
    from app.domain.errors import FieldErrors

    if isinstance(error, FieldErrors):
        return "; ".join(f"{name}: {_refusal(e)}" for name, e in error.errors.items())
    return describe(error)


def run_bill(args) -> int:
    from app.domain.errors import DomainError
    from app.domain.fees import parse_period
    from app.services.fees import billing_run

    db = open_db(args)
    try:
        parse_period(args.period)
        estate_id, estate_name = _estate(db, args.estate)
        result = billing_run.run_billing(db, estate_id, args.period, args.by)
        print(
            f"{estate_name} {result.period}: {result.created} bill lines issued, "
            f"{result.already_issued} already issued, total {result.total:,.2f} yuan"
            + (
                f", {result.credits_applied:,.2f} of credit applied"
                if result.credits_applied
                else ""
            )
        )
        if args.shared_cost:
            shared = billing_run.bill_shared_utilities(
                db, estate_id, args.period, args.shared_cost, args.by
            )
            print(f"shared utilities: {shared.created} units, {shared.total:,.2f} yuan")
    except LookupError as error:
        return fail(str(error))
    except DomainError as error:
        return fail(_refusal(error))
    finally:
        db.close()
    return 0


def export_bills(args, out: Path | None = None) -> int:
    """`propdesk export bills --period YYYY-MM --out FILE.csv|FILE.xlsx [--estate NAME]`."""
    from app.domain.fees import PeriodError, parse_period
    from app.services.fees.reports import EXPORT_COLUMNS, export_rows, write_table

    period = getattr(args, "period", None)
    target = Path(out or getattr(args, "out", None) or "")
    if not period:
        return fail("export bills needs --period YYYY-MM")
    if not target.name or target.suffix.lower() not in (".csv", ".xlsx"):
        return fail("export bills needs --out FILE.csv or FILE.xlsx")
    try:
        parse_period(period)
    except PeriodError as error:
        return fail(_refusal(error))
    db = open_db(args)
    try:
        estate_id, _ = _estate(db, getattr(args, "estate", None))
        rows = export_rows(db, estate_id, period)
    except LookupError as error:
        return fail(str(error))
    finally:
        db.close()
    write_table(target, EXPORT_COLUMNS, rows)
    print(f"{len(rows)} bill lines of {period} written to {target}")
    return 0
