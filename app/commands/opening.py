"""`propdesk import opening-balances FILE`: an estate's opening balances (期初余额), once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cli import fail, open_db


def register_opening(what, common) -> None:
    opening = what.add_parser(
        "opening-balances",
        parents=[common],
        help="import each unit's opening arrears, prepayment and deposits (once, all or nothing)",
        description=(
            "Import the estate's opening balances (期初余额) from XLSX or CSV: one row per unit "
            "(or per unit and arrears month/fee), the unit as 房屋编号 (3-1-1302) or as "
            "楼栋/单元/房号 columns, then 期初欠费 (arrears) with optional 欠费项目 and "
            "欠费账期 (YYYY-MM), 期初预收 (prepayment), 期初押金 (deposit) with 押金类别. "
            "Every row is checked first; if any is bad, all problems are listed and nothing "
            "is written. An estate's opening balances are imported once; a second import is "
            "refused. --template FILE writes an empty template instead."
        ),
    )
    opening.add_argument("file", metavar="FILE")
    opening.add_argument("--estate", metavar="NAME", help="estate (default: the only one)")
    opening.add_argument("--as-of", metavar="YYYY-MM-DD", help="the opening day (default: today)")
    opening.add_argument("--by", default="propdesk import", help="who imports them")
    opening.add_argument(
        "--template", action="store_true", help="write an empty template to FILE and stop"
    )
    opening.set_defaults(handler=import_opening)


def import_opening(args) -> int:
    from app.commands.fees import _estate, _refusal
    from app.domain.errors import DomainError
    from app.services.fees.opening import write_template
    from app.services.fees.opening_import import import_opening_balances, preview_opening_file

    if args.template:
        write_template(Path(args.file))
        print(f"{args.file}: template written")
        return 0
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        return fail(f"--as-of wants YYYY-MM-DD, not {args.as_of!r}")
    db = open_db(args)
    try:
        estate_id, name = _estate(db, args.estate)
        preview = preview_opening_file(db, estate_id, args.file, as_of)
        if preview.errors:
            print(f"{args.file}: {len(preview.errors)} problem(s); nothing was imported.")
            for error in preview.errors:
                column = f" [{error.column}]" if error.column else ""
                print(f"  line {error.line}{column}: {_refusal(error.error)}")
            return 1
        if not preview.drafts:
            return fail(f"{args.file}: no amounts to import")
        result = import_opening_balances(db, estate_id, preview, args.by)
    except LookupError as error:
        return fail(str(error))
    except DomainError as error:
        return fail(_refusal(error))
    finally:
        db.close()
    print(
        f"{name}: {result.entries} opening entries of {result.units} units imported "
        f"(as of {as_of}): arrears {result.arrears:.2f}, prepayments "
        f"{result.prepayments:.2f}, deposits {result.deposits:.2f}"
    )
    return 0
