"""The audit trail records every sensitive change (table-driven): who, when, which device,
what, before -> after; insert-only and synced; read and exported by auditors and directors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.units import UnitInput
from app.services import accounts, audit, permissions
from app.services.fees import account, billing_run, counter, deposits
from app.services.fees import schedule as fee_schedule
from app.services.units import add_resident, create_unit
from app.services.units.operations import remove_resident
from app.store.audit_models import AuditEntry
from app.store.db import mark_source
from app.store.models import SyncOutbox
from app.store.recorder import device_id, recorder

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def desk(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        unit = create_unit(
            s,
            estate_id,
            UnitInput(
                building="3栋", entrance="1", room="1502", area_m2="100", handover_date="2020-01-01"
            ),
        )
        resident = add_resident(
            s, unit, name="王秀英", phone="13800138001", id_number="440106199001011234"
        )
        staff = {
            role: accounts.create_staff(
                s,
                login=role,
                display_name=f"{role}-name",
                role=role,
                password="s3cret-pass",
                estate_ids=[estate_id],
            ).id
            for role in ("finance_lead", "director", "admin", "auditor", "receptionist")
        }
    db.actor = staff["director"]
    return db, estate_id, unit.id, resident.id, staff


def entries(db, after_id: str = "") -> list[AuditEntry]:
    with db.session() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.updated_hlc)).all()
    return [r for r in rows if r.id > after_id]


def newest_id(db) -> str:
    rows = entries(db)
    return rows[-1].id if rows else ""


def _billed_line(db, unit):
    billing_run.run_billing(db, db_estate(db), "2026-03", "x", now=NOW)
    return account.account_lines(db, unit, only_open=False)[0].line_id


def db_estate(db) -> str:
    with db.session() as s:
        return s.scalar(select(SyncOutbox.estate_id).limit(1))


def _payment(db, unit):
    return counter.take_payment(db, unit, "500.00", "cash", "王伟", "c", now=NOW).payment.id


CASES = {
    # name: (what the operation does, expected action, the field seen after, table)
    "fee schedule": (
        lambda db, e, u, r, st: fee_schedule.set_rate(
            db, e, "parking_open", "160.00", "2026-04-01"
        ),
        "fee_schedule.create",
        "rate",
        "fee_items",
    ),
    "fee rules": (
        lambda db, e, u, r, st: fee_schedule.update_rules(
            db,
            e,
            due_day=10,
            vacancy_ratio="0.7",
            vacancy_months=6,
            late_enabled=True,
            late_rate_per_day="0.0003",
            grace_days=0,
            cap_ratio="1",
        ),
        "settings.",
        "value",
        "settings",
    ),
    "bills": (
        lambda db, e, u, r, st: billing_run.run_billing(db, e, "2026-03", "x", now=NOW),
        "bills.issue",
        "rows",
        "bill_lines",
    ),
    "adjustment": (
        lambda db, e, u, r, st: counter.adjust(
            db, _billed_line(db, u), "-5.00", "leak", "d", now=NOW
        ),
        "fees.adjust",
        "amount",
        "fee_adjustments",
    ),
    "payment": (lambda db, e, u, r, st: _payment(db, u), "payments.take", "amount", "payments"),
    "reversal": (
        lambda db, e, u, r, st: counter.reverse_payment(
            db, _payment(db, u), "d", "wrong unit", NOW
        ),
        "payments.reverse",
        "reverses_id",
        "payments",
    ),
    "refund": (
        lambda db, e, u, r, st: (
            _payment(db, u),
            counter.refund_credit(db, u, "100.00", "cash", "d", "moving out", NOW),
        ),
        "fees.refund",
        "amount",
        "payments",
    ),
    "deposit": (
        lambda db, e, u, r, st: deposits.take_deposit(
            db, u, "deposit_renovation", "2000", "cash", "", "c"
        ),
        "deposits.take",
        "amount",
        "fee_deposits",
    ),
    "deposit refund": (
        lambda db, e, u, r, st: deposits.refund_deposit(
            db, deposits.take_deposit(db, u, "deposit_renovation", "2000", "cash", "", "c").id, "d"
        ),
        "deposits.refund",
        "refund_of",
        "fee_deposits",
    ),
    "permission change": (
        lambda db, e, u, r, st: (
            setattr(db, "actor", st["admin"]),
            permissions.set_cell(db, e, "cashier", "fees.adjust", True),
        ),
        "permissions.change",
        "allowed",
        "role_permissions",
    ),
    "account created": (
        lambda db, e, u, r, st: (
            setattr(db, "actor", st["admin"]),
            _new_account(db, e),
        ),
        "accounts.create",
        "role",
        "staff",
    ),
    "password changed": (
        lambda db, e, u, r, st: accounts.set_password(
            db, st["director"], "s3cret-pass", "another-pass-2"
        ),
        "accounts.change",
        "password_hash",
        "staff",
    ),
    "deletion": (
        lambda db, e, u, r, st: remove_resident(db, r),
        "record.delete",
        "deleted",
        "residents",
    ),
    "reveal phone": (
        lambda db, e, u, r, st: audit.reveal(db, r, "phone"),
        "personal.reveal.phone",
        "field",
        "residents",
    ),
    "reveal ID number": (
        lambda db, e, u, r, st: audit.reveal(db, r, "id_number"),
        "personal.reveal.id_number",
        "field",
        "residents",
    ),
}


def _new_account(db, estate_id):
    with db.session() as s:
        accounts.create_staff(
            s,
            login="new",
            display_name="新人",
            role="cashier",
            password="long-enough-1",
            estate_ids=[estate_id],
        )


@pytest.mark.parametrize("case", list(CASES))
def test_every_sensitive_change_is_in_the_trail(desk, case):
    db, estate_id, unit, resident, staff = desk
    operation, action, seen_field, table = CASES[case]
    before = newest_id(db)
    operation(db, estate_id, unit, resident, staff)
    found = [
        e for e in entries(db, before) if e.action.startswith(action) and e.table_name == table
    ]
    assert found, f"{case}: no {action} entry among {[e.action for e in entries(db, before)]}"
    entry = found[-1]
    assert entry.actor_id == db.actor and entry.actor_role in ("director", "admin")
    with db.session() as s:
        assert entry.device_id == device_id(s)
        # synced: the entry waits in the outbox as an insert of the log
        assert (
            s.scalar(
                select(SyncOutbox.kind).where(
                    SyncOutbox.row_id == entry.id, SyncOutbox.table_name == "audit_entries"
                )
            )
            == "insert"
        )
    assert entry.at is not None and entry.estate_id == estate_id
    assert seen_field in (entry.after or {}) or seen_field in (entry.before or {})


def test_an_update_keeps_before_and_after_and_never_a_password_hash(desk):
    db, _estate, _unit, _resident, staff = desk
    before = newest_id(db)
    accounts.set_password(db, staff["director"], "s3cret-pass", "another-pass-2")
    entry = next(e for e in entries(db, before) if e.action == "accounts.change")
    assert entry.before == {"password_hash": "***"} and entry.after == {"password_hash": "***"}


def test_a_deletion_keeps_the_whole_row_with_personal_data_masked(desk):
    db, _estate, _unit, resident, _staff = desk
    before = newest_id(db)
    remove_resident(db, resident)
    entry = next(e for e in entries(db, before) if e.action == "record.delete")
    assert entry.before["name"] == "王秀英" and entry.before["deleted"] is False
    assert entry.before["phone"] == "138****8001"
    assert entry.before["id_number"] == "4401**********1234"
    assert entry.after == {"deleted": True}


def test_a_reveal_names_the_record_and_field_but_not_the_value(desk):
    db, _estate, _unit, resident, staff = desk
    assert audit.reveal(db, resident, "id_number") == "440106199001011234"
    entry = entries(db)[-1]
    assert (entry.action, entry.row_id, entry.after) == (
        "personal.reveal.id_number",
        resident,
        {"field": "id_number"},
    )
    assert "440106199001011234" not in str(entry.before) + str(entry.after)
    db.actor = staff["auditor"]  # may read the trail, may not reveal
    with pytest.raises(DomainError) as refused:
        audit.reveal(db, resident, "phone")
    assert refused.value.code == "permission.denied"


def test_entries_are_insert_only(desk):
    db, *_ = desk
    audit.reveal(db, desk[3], "phone")
    with db.session() as s, pytest.raises(TypeError):
        recorder(s).update(s.get(AuditEntry, entries(db)[-1].id), action="nothing")


def test_a_pulled_change_is_not_audited_again(desk):
    db, estate_id, *_ = desk
    before = newest_id(db)
    with db.session() as s:
        mark_source(s, "sync")
        permissions.set_cell_in(s, estate_id, "cashier", "fees.adjust", True)
    assert entries(db, before) == []


def test_only_auditors_and_directors_read_and_export_the_trail(desk, tmp_path):
    db, estate_id, unit, resident, staff = desk
    _payment(db, unit)
    audit.reveal(db, resident, "phone")
    query = audit.AuditQuery(estate_id)
    for role in ("auditor", "director"):
        db.actor = staff[role]
        assert audit.count(db, query) == len(entries(db))
    paid = audit.read_page(db, audit.AuditQuery(estate_id, action="payments."))
    assert [r.action for r in paid] == ["payments.take"]
    assert paid[0].actor_name == "director-name"
    by_row = audit.read_page(db, audit.AuditQuery(estate_id, row_id=resident))
    assert [r.action for r in by_row] == ["personal.reveal.phone"]
    headers = ("when", "who", "role", "device", "what", "table", "record", "before", "after")
    written = audit.export_xlsx(db, query, tmp_path / "audit.xlsx", headers)
    sheet = load_workbook(tmp_path / "audit.xlsx").active
    assert written == len(entries(db)) and sheet.max_row == written + 1
    db.actor = staff["receptionist"]
    with pytest.raises(DomainError) as refused:
        audit.read_page(db, query)
    assert refused.value.params["permission"] == "audit.view"


def test_every_recorded_change_names_its_author(desk):
    """The outbox keeps who made each change (the server checks the author's role)."""
    db, estate_id, unit, _resident, staff = desk
    db.actor = staff["finance_lead"]
    _billed_line(db, unit)  # a bulk insert of bill lines
    _payment(db, unit)  # ORM rows
    with db.session() as s:
        authors = {
            (table, author)
            for table, author in s.execute(
                select(SyncOutbox.table_name, SyncOutbox.author).where(
                    SyncOutbox.table_name.in_(("bill_lines", "payments"))
                )
            )
        }
        paid = s.scalar(select(AuditEntry.id).where(AuditEntry.action == "payments.take"))
        entry_author = s.scalar(select(SyncOutbox.author).where(SyncOutbox.row_id == paid))
    assert authors == {("bill_lines", staff["finance_lead"]), ("payments", staff["finance_lead"])}
    assert entry_author == staff["finance_lead"]
    with db.session() as s:  # what the system made (the fixture's accounts) names nobody
        assert s.scalar(select(SyncOutbox.author).where(SyncOutbox.table_name == "staff")) == ""
