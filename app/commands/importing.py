"""`propdesk import units FILE` and `propdesk demo --units N`."""

from __future__ import annotations

import argparse
import time

from app.cli import fail, open_db

DEMO_ESTATE = "阳光花园"
DEMO_LOGIN = "admin"
DEMO_PASSWORD = "admin1234"


def register(sub, common) -> None:
    importing = sub.add_parser("import", parents=[common], help="import data from a file")
    what = importing.add_subparsers(dest="import_command", required=True)
    units = what.add_parser(
        "units",
        parents=[common],
        help="import units and owners from CSV or XLSX (all or nothing)",
        description=(
            "Import units and their owners from a CSV (UTF-8, GBK/GB18030 or UTF-16) or XLSX "
            "file whose first row names the columns in English or Chinese: building/楼栋, "
            "entrance/单元 (optional), room/房号, floor/楼层, area_m2/建筑面积, kind/类型, "
            "owner_name/业主姓名, owner_phone/联系电话, handover_date/交房日期, "
            "vacant_since/空置起始, vacancy_approved/空置减免. Every row is checked first; if "
            "any is bad, they are all listed (line, column, reason) and nothing is written. "
            "Rows match existing units on building + entrance + room, so importing the same "
            "file again changes nothing."
        ),
    )
    units.add_argument("file", type=argparse.FileType("rb"), metavar="FILE")
    units.add_argument(
        "--estate",
        metavar="NAME",
        help="estate to import into (default: the only estate of the database). "
        "A database without estates gets this one created; otherwise it must exist",
    )
    units.set_defaults(handler=import_units)
    from app.commands.opening import register_opening

    register_opening(what, common)

    demo = sub.add_parser(
        "demo",
        parents=[common],
        help="fill the database with a realistic demo estate",
        description=(
            "Fill the database with a realistic demo estate: buildings, units, owners, "
            "co-owners and tenants with Chinese names and mobile numbers (plus the demo data "
            "of the other modules). Creates the estate if missing and, when the database has "
            f"no staff yet, the account {DEMO_LOGIN!r} with password {DEMO_PASSWORD!r}. "
            "Refuses a database that already has units unless --force."
        ),
    )
    demo.add_argument("--units", type=int, default=2000, help="how many units (default 2000)")
    demo.add_argument("--estate", metavar="NAME", default=DEMO_ESTATE)
    demo.add_argument("--seed", type=int, default=0, help="same seed, same data")
    demo.add_argument("--force", action="store_true", help="add to a database that has units")
    demo.set_defaults(handler=fill_demo_command)


def _choose_estate(session, name: str | None):
    from app.services.units import create_estate, find_estate, list_estates

    estates = list_estates(session)
    if name:
        estate = find_estate(session, name.strip())
        if estate is None and estates:
            known = ", ".join(e.name for e in estates)
            raise LookupError(f"no estate named {name!r} (estates: {known})")
        return estate or create_estate(session, name)
    if len(estates) == 1:
        return estates[0]
    if not estates:
        from app.services.status import NO_ESTATE_ENROLLED, enrolled

        if enrolled(session):
            raise LookupError(f"the database has no estate yet; {NO_ESTATE_ENROLLED}")
        raise LookupError("the database has no estate yet; name one with --estate NAME")
    known = ", ".join(e.name for e in estates)
    raise LookupError(f"the database has several estates ({known}); choose one with --estate")


def import_units(args) -> int:
    from app.commands.units import error_text
    from app.services.importer import apply_units_import, read_units_file

    path = args.file.name
    args.file.close()
    preview = read_units_file(path)
    if preview.errors:
        print(f"{path}: {len(preview.errors)} problem(s); nothing was imported.")
        for error in preview.errors:
            column = f" [{error.column}]" if error.column else ""
            print(f"  line {error.line}{column}: {error_text(error.error)}")
        return 1
    if not preview.rows:
        return fail(f"{path}: no rows to import")
    db = open_db(args)
    try:
        with db.session() as session:
            estate = _choose_estate(session, args.estate)
            result = apply_units_import(session, estate.id, preview)
            name = estate.name
    except LookupError as error:
        return fail(str(error))
    finally:
        db.close()
    print(
        f"{name}: {len(preview.rows)} row(s) imported — created {result.created}, "
        f"updated {result.updated}, unchanged {result.unchanged}"
    )
    return 0


def fill_demo_command(args) -> int:
    from app.services.accounts import create_staff, has_staff
    from app.services.demo import fill_demo
    from app.services.units import UnitQuery, count_units, create_estate, list_estates

    if args.units < 1:
        return fail("--units must be at least 1")
    db = open_db(args)
    try:
        with db.session() as session:
            have = sum(count_units(session, UnitQuery(e.id)) for e in list_estates(session))
            if have and not args.force:
                return fail(
                    f"the database already has {have} units; pass --force to add demo data anyway"
                )
            estate = create_estate(session, args.estate)
            if not has_staff(session):
                create_staff(
                    session,
                    login=DEMO_LOGIN,
                    display_name="演示管理员",
                    role="admin",
                    password=DEMO_PASSWORD,
                    estate_ids=[estate.id],
                )
                print(f"Created the demo account: login {DEMO_LOGIN}, password {DEMO_PASSWORD}")
                # the administrator manages accounts only (docs/security.md): the desk's
                # work is tried as the estate director, who may do nearly all of it
                create_staff(
                    session,
                    login="director",
                    display_name="演示主任",
                    role="director",
                    password=DEMO_PASSWORD,
                    estate_ids=[estate.id],
                )
                print(f"and the director's: login director, password {DEMO_PASSWORD}")
            print(f"Writing {args.units} demo units to {estate.name}…", flush=True)
            started = time.perf_counter()
            fill_demo(session, estate.id, units=args.units, seed=args.seed)
        print(f"Done in {time.perf_counter() - started:.1f} s ({db.path}).")
    finally:
        db.close()
    return 0
