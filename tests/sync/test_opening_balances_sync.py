"""Opening balances (期初余额) through the real sync server: the entries a finance lead
imports on one desk reach the server and another desk, which shows the same balances,
ageing and credit; the same file imported on two desks offline is one set of entries.

Issue 11: "They are recorded as opening entries, never as invented bills."
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from openpyxl import Workbook
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.fees import account, reports
from app.services.fees.opening_import import import_opening_balances, preview_opening_file
from app.services.units import create_unit
from app.store.fee_models import BillLine
from app.store.models import SyncConflict
from app.store.opening_models import OpeningEntry
from sync.server import crud

D = Decimal
AS_OF = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


def _file(path, arrears="380.00"):
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["楼栋", "单元", "房号", "期初欠费", "欠费账期", "期初预收", "期初押金", "押金类别"]
    )
    sheet.append(["1", "1", "101", arrears, "2026-09", "", "500.00", "装修押金"])
    sheet.append(["1", "1", "102", "", "", "600.00", "", ""])
    book.save(path)
    return path


def _import(desk, estate, path):
    preview = preview_opening_file(desk.db, estate, path, AS_OF)
    assert preview.ok, [(e.line, e.error.code) for e in preview.errors]
    return import_opening_balances(desk.db, estate, preview, "lead", NOW)


def test_opening_entries_sync_to_the_server_and_another_desk(server, make_device, tmp_path):
    estate = server.add_estate("阳光花园")
    lead = server.add_user("lead", [estate], role="finance_lead")
    a = make_device("a", [estate])
    with a.db.session() as s:
        units = [
            create_unit(
                s, estate, UnitInput(building="1栋", entrance="1", room=r, area_m2="100")
            ).id
            for r in ("101", "102")
        ]
    a.sync()  # the units go up; the lead's account comes down
    a.db.actor = lead
    _import(a, estate, _file(tmp_path / "opening.xlsx"))
    report = a.sync()
    assert report.rejected == []
    with crud.new_session(server.engine) as s:
        kinds = sorted(s.scalars(select(OpeningEntry.kind)))
        assert kinds == ["arrears", "deposit", "prepayment"]
        assert s.scalar(select(func.count()).select_from(BillLine)) == 0
    b = make_device("b", [estate])
    b.sync()
    for desk in (a, b):
        assert account.unit_account(desk.db, units[0]).balance == D("380.00")
        assert account.unit_account(desk.db, units[1]).balance == D("-600.00")
        row = {r.unit_id: r for r in reports.arrears(desk.db, estate, AS_OF)}[units[0]]
        assert row.buckets["31-90"] == D("380.00")
        lines = account.account_lines(desk.db, units[0])
        assert [(ln.fee_code, ln.open_amount) for ln in lines] == [("opening_arrears", D("380.00"))]


def test_the_same_file_imported_on_two_desks_offline_is_one_set(server, make_device, tmp_path):
    """Deterministic ids: two desks importing the estate's file before they sync end with
    the same three entries, not six, and the same balances."""
    estate = server.add_estate("阳光花园")
    lead = server.add_user("lead", [estate], role="finance_lead")
    a = make_device("a", [estate])
    with a.db.session() as s:
        unit = create_unit(
            s, estate, UnitInput(building="1栋", entrance="1", room="101", area_m2="100")
        ).id
        create_unit(s, estate, UnitInput(building="1栋", entrance="1", room="102", area_m2="100"))
    a.sync()
    b = make_device("b", [estate])
    b.sync()
    path = _file(tmp_path / "opening.xlsx")
    for desk in (a, b):
        desk.db.actor = lead
        _import(desk, estate, path)
    for _ in range(2):
        for desk in (a, b):
            assert desk.sync().rejected == []
    with crud.new_session(server.engine) as s:
        assert s.scalar(select(func.count()).select_from(OpeningEntry)) == 3
    for desk in (a, b):
        with desk.db.session() as s:
            assert s.scalar(select(func.count()).select_from(OpeningEntry)) == 3
            # copies that differ only in who imported them and when are one document
            assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0
        assert account.unit_account(desk.db, unit).balance == D("380.00")


def test_two_desks_importing_different_amounts_keep_the_first_and_the_conflict(
    server, make_device, tmp_path
):
    """An opening entry is a document like a bill: the copy the server accepted first
    stands on every desk, the other amount is kept as a conflict for finance to see."""
    estate = server.add_estate("阳光花园")
    lead = server.add_user("lead", [estate], role="finance_lead")
    a = make_device("a", [estate])
    with a.db.session() as s:
        unit = create_unit(
            s, estate, UnitInput(building="1栋", entrance="1", room="101", area_m2="100")
        ).id
        create_unit(s, estate, UnitInput(building="1栋", entrance="1", room="102", area_m2="100"))
    a.sync()
    b = make_device("b", [estate])
    b.sync()
    a.db.actor = b.db.actor = lead
    _import(a, estate, _file(tmp_path / "opening.xlsx"))
    other = _file(tmp_path / "other.xlsx", arrears="390.00")
    _import(b, estate, other)
    for _ in range(2):
        for desk in (a, b):
            assert desk.sync().rejected == []
    for desk in (a, b):
        assert account.unit_account(desk.db, unit).balance == D("380.00")
    with b.db.session() as s:
        kept = s.execute(
            select(SyncConflict.field, SyncConflict.kept_value, SyncConflict.lost_value)
        ).all()
    assert ("amount", "380.00", "390.00") in kept
