"""Each default of the permission matrix, enforced by the operations themselves on a real
database (not by hiding buttons): the logged-in user (``Database.actor``) is checked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain import permissions as rules
from app.domain.complaints import ComplaintInput
from app.domain.errors import DomainError
from app.domain.units import UnitInput
from app.services import accounts, permissions
from app.services import complaints as cs
from app.services.fees import account, billing_run, counter, deposits, reports
from app.services.fees import schedule as fee_schedule
from app.services.inspections import run, templates
from app.services.inspections.common import Target
from app.services.units import create_unit
from app.store.models import STAFF_ROLES, StaffUser

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
ROLES = rules.ROLES


@pytest.fixture
def desk(db, estate_id):
    """An estate with a billed unit in credit and one account per role (made by the system)."""
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        unit = create_unit(
            s,
            estate_id,
            UnitInput(
                building="3栋", entrance="1", room="1502", area_m2="100", handover_date="2020-01-01"
            ),
        )
        staff = {
            role: accounts.create_staff(
                s,
                login=role,
                display_name=role,
                role=role,
                password="s3cret-pass",
                estate_ids=[estate_id],
            ).id
            for role in ROLES
        }
    billing_run.run_billing(db, estate_id, "2026-03", "system", now=NOW)
    counter.take_payment(db, unit.id, "1000.00", "cash", "王伟", "system", now=NOW)
    return db, estate_id, unit.id, staff


def acting(db, staff, role):
    db.actor = staff[role]
    return db


def outcome(action) -> bool:
    try:
        action()
    except DomainError as error:
        assert error.code == "permission.denied"
        return False
    return True


def test_the_roles_of_the_matrix_are_the_staff_roles():
    assert set(STAFF_ROLES) == set(ROLES)
    assert {"finance_lead", "auditor"} <= set(ROLES)


@pytest.mark.parametrize("role", ROLES)
def test_receptionists_and_cashiers_take_payments(desk, role):
    db, _estate, unit, staff = desk
    took = outcome(
        lambda: counter.take_payment(acting(db, staff, role), unit, "10", "cash", "", role, now=NOW)
    )
    assert took == (role in {"receptionist", "cashier", "finance_lead", "director"})


@pytest.mark.parametrize("role", ROLES)
def test_only_finance_leads_and_directors_change_schedules_adjust_and_refund(desk, role):
    db, estate_id, unit, staff = desk
    line = account.account_lines(db, unit, only_open=False)[0].line_id
    deposit = deposits.take_deposit(db, unit, "deposit_renovation", "500", "cash", "", "system")
    acting(db, staff, role)
    results = {
        "schedule": outcome(
            lambda: fee_schedule.set_rate(db, estate_id, "parking_open", "160.00", "2026-04-01")
        ),
        "adjust": outcome(lambda: counter.adjust(db, line, "-5.00", "leak", role, now=NOW)),
        "refund": outcome(lambda: counter.refund_credit(db, unit, "1.00", "cash", role, "move")),
        "deposit_refund": outcome(lambda: deposits.refund_deposit(db, deposit.id, role, now=NOW)),
    }
    expected = role in {"finance_lead", "director"}
    assert results == dict.fromkeys(results, expected)


@pytest.mark.parametrize(
    ("severity", "role", "allowed"),
    [
        ("minor", "supervisor", True),
        ("minor", "director", True),
        ("minor", "receptionist", False),
        ("minor", "team_lead", False),
        ("important", "director", True),
        ("important", "supervisor", False),
        ("major", "director", True),
        ("major", "finance_lead", False),
    ],
)
def test_complaint_extensions_by_the_roles_domain_names(desk, severity, role, allowed):
    """DOMAIN.md: important: overdue needs the director's approval; minor: the
    assistant's (the supervisor/assistant 主管/助理, or the director)."""
    db, estate_id, unit, staff = desk
    data = ComplaintInput(
        unit_id=unit,
        complainant_name="王秀英",
        complainant_phone="13800138000",
        content="楼上卫生间漏水",
        request="尽快维修",
        category="repair",
        severity=severity,
        department="engineering",
    )
    made = cs.record_complaint(db, estate_id, data, now=NOW)
    cs.record_step(db, made.id, "dispatched", now=NOW + timedelta(minutes=5))
    cs.record_step(db, made.id, "extension_requested", note="等配件", now=NOW + timedelta(hours=1))
    due = (NOW + timedelta(days=6)).isoformat()

    def approve():
        cs.record_step(
            acting(db, staff, role),
            made.id,
            "extension_approved",
            actor_id=staff[role],
            actor_role=role,
            data={"due": due},
            now=NOW + timedelta(hours=2),
        )

    assert outcome(approve) is allowed


@pytest.mark.parametrize("role", ["inspector", "engineer", "cashier", "receptionist"])
def test_inspectors_edit_inspections_not_bills(desk, role):
    db, estate_id, unit, staff = desk
    templates.ensure_default_templates(db, estate_id, NOW)
    template = next(t for t in templates.list_templates(db, estate_id) if t.code == "night")
    acting(db, staff, role)
    inspected = outcome(
        lambda: run.start(db, template.id, Target("area", "", "北门"), staff[role], NOW)
    )
    billed = outcome(lambda: billing_run.run_billing(db, estate_id, "2026-04", role, now=NOW))
    adjusted = outcome(
        lambda: counter.adjust(
            db, account.account_lines(db, unit, False)[0].line_id, "-1", "x", role, now=NOW
        )
    )
    assert inspected is (role in {"inspector", "engineer"})
    assert billed is (role == "cashier")
    assert adjusted is False


@pytest.mark.parametrize("role", ROLES)
def test_receptionists_do_not_see_arrears_reports(desk, role):
    db, estate_id, _unit, staff = desk
    seen = outcome(lambda: reports.arrears(acting(db, staff, role), estate_id, date(2026, 4, 30)))
    assert seen is rules.allowed_by_default(role, "fees.arrears.view")
    if role == "receptionist":
        assert seen is False


@pytest.mark.parametrize("role", ROLES)
def test_only_the_administrator_manages_accounts(desk, role):
    db, estate_id, _unit, staff = desk
    acting(db, staff, role)

    def add():
        with db.session() as s:
            accounts.create_staff(
                s,
                login=f"new-{role}",
                display_name="新人",
                role="receptionist",
                password="long-enough-1",
                estate_ids=[estate_id],
            )

    assert outcome(add) is (role == "admin")


def test_the_refusal_names_the_permission_and_the_role(desk):
    db, _estate, unit, staff = desk
    line = account.account_lines(db, unit, only_open=False)[0].line_id
    with pytest.raises(DomainError) as refused:
        counter.adjust(acting(db, staff, "cashier"), line, "-5.00", "leak", "cashier", now=NOW)
    assert refused.value == DomainError(
        "permission.denied", permission="fees.adjust", role="cashier"
    )


def test_an_estate_override_synced_down_changes_the_outcome(desk):
    db, estate_id, unit, staff = desk
    line = account.account_lines(db, unit, only_open=False)[0].line_id
    acting(db, staff, "cashier")
    assert not outcome(lambda: counter.adjust(db, line, "-1.00", "x", "c", now=NOW))
    db.actor = None  # the cell arrives from the server (system), not from the cashier
    with db.session() as s:
        permissions.set_cell_in(s, estate_id, "cashier", "fees.adjust", True)
    acting(db, staff, "cashier")
    assert outcome(lambda: counter.adjust(db, line, "-1.00", "x", "c", now=NOW))
    assert ("cashier", "fees.adjust") in permissions.matrix(db, estate_id).changed
    assert "fees.adjust" in permissions.granted(db, staff["cashier"])


def test_only_the_administrator_edits_the_matrix(desk):
    db, estate_id, _unit, staff = desk
    acting(db, staff, "director")
    assert not outcome(lambda: permissions.set_cell(db, estate_id, "cashier", "fees.adjust", True))
    acting(db, staff, "admin")
    assert outcome(lambda: permissions.set_cell(db, estate_id, "cashier", "fees.adjust", True))
    with pytest.raises(DomainError):
        permissions.set_cell(db, estate_id, "cashier", "no.such.permission", True)


def test_a_disabled_or_unknown_account_may_do_nothing(desk):
    db, _estate, unit, staff = desk
    with db.session() as s:
        s.get(StaffUser, staff["cashier"]).active = False
    assert not outcome(
        lambda: counter.take_payment(acting(db, staff, "cashier"), unit, "1", "cash", "", "c")
    )
    db.actor = "not-an-account"
    assert not outcome(lambda: counter.take_payment(db, unit, "1", "cash", "", "c"))


def test_logging_in_makes_the_user_the_actor(desk):
    db, _estate, unit, staff = desk
    assert accounts.log_in(db, "inspector", "s3cret-pass") is not None
    assert db.actor == staff["inspector"]
    assert not outcome(lambda: counter.take_payment(db, unit, "1", "cash", "", "x"))


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short", "account.password.too_short"),
        ("x" * 129, "account.password.too_long"),
        ("Newbie01", "account.password.is_login"),
        ("12345678", "account.password.too_common"),
        ("aaaaaaaaaa", "account.password.too_common"),
    ],
)
def test_password_rules_refuse_weak_passwords(db, estate_id, password, code):
    from app.domain.errors import FieldErrors

    with db.session() as s, pytest.raises(FieldErrors) as refused:
        accounts.create_staff(
            s,
            login="newbie01",
            display_name="新人",
            role="cashier",
            password=password,
            estate_ids=[estate_id],
        )
    assert refused.value.errors["password"].code == code


@pytest.mark.parametrize(
    ("table", "fields", "level", "needed"),
    [
        ("payments", {"kind": "payment"}, "", "payments.take"),
        ("payments", {"kind": "reversal"}, "", "payments.reverse"),
        ("payments", {"kind": "refund"}, "", "fees.refund"),
        ("fee_deposits", {"refund_of": None}, "", "deposits.take"),
        ("fee_deposits", {"refund_of": "d1"}, "", "fees.refund"),
        ("fee_adjustments", {}, "", "fees.adjust"),
        ("fee_items", {}, "", "fees.schedule"),
        ("settings", {"key": "fees.rules"}, "", "fees.schedule"),
        ("settings", {"key": "complaints.rules"}, "", None),
        ("complaint_events", {"kind": "extension_approved"}, "minor", "complaints.extend.minor"),
        (
            "complaint_events",
            {"kind": "extension_approved"},
            "important",
            "complaints.extend.important",
        ),
        ("complaint_events", {"kind": "progress"}, "minor", None),
        ("inspection_answers", {}, "", "inspections.edit"),
        ("units", {}, "", None),
    ],
)
def test_the_permission_a_synced_change_needs(table, fields, level, needed):
    assert rules.permission_for_change(table, fields, level) == needed


def test_an_account_disabled_at_head_office_is_refused_after_the_pull(desk):
    """The staff row arrives disabled by sync: offline log-in refuses it, and a window still
    open under that account can do nothing more."""
    from app.store.db import mark_source
    from app.store.recorder import recorder

    db, _estate, unit, staff = desk
    assert accounts.log_in(db, "cashier", "s3cret-pass") is not None
    db.actor = None
    with db.session() as s:
        mark_source(s, "sync")
        recorder(s).update(s.get(StaffUser, staff["cashier"]), active=False)
    db.actor = staff["cashier"]  # the window that was open
    assert not outcome(lambda: counter.take_payment(db, unit, "1", "cash", "", "c"))
    db.actor = None
    assert accounts.log_in(db, "cashier", "s3cret-pass") is None
