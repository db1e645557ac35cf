"""The home dashboard's numbers are the counts of the lists they open, on a demo estate,
at any moment; the reports hub's reports run over one or several estates."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.calendar import DEFAULT_TIMEZONE
from app.services import complaints, dashboard
from app.services import reports_hub as hub
from app.services.fees import reports as fee_reports
from app.services.inspections import actions as action_ops
from app.services.inspections import due as due_ops
from app.services.reception import keys as key_ops
from app.services.reception import queries as order_queries
from app.services.reception import register
from app.store.db import Database

EVERYTHING = 10**6  # no list limit: every row the filter matches


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """A demo estate (every desk's demo rows) made once; each test works on a copy."""
    from app.services.accounts import create_staff
    from app.services.demo import fill_demo
    from app.services.units import create_estate

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database(path)
    with db.session() as s:
        estate = create_estate(s, "阳光花园").id
        user = create_staff(
            s,
            login="lead",
            display_name="刘主管",
            role="admin",
            password="Desk-2026-strong",
            estate_ids=[estate],
        ).id
    with db.session() as s:
        fill_demo(s, estate, units=400, seed=7)
    db.close()
    return path, estate, user


@pytest.fixture
def demo(demo_file, tmp_path):
    path, estate, user = demo_file
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(path, copy)
    db = Database(copy)
    yield db, estate, user
    db.close()


def listed(db, estate, user, tile, now) -> int:
    """How many rows the list behind ``tile`` shows, read through the list's operation."""
    zone = dashboard.zone_of(db, estate)
    if tile in (dashboard.COMPLAINTS_OVERDUE, dashboard.COMPLAINTS_DUE_TODAY):
        query = dashboard.complaint_query(estate, tile, now, zone)
        return len(complaints.read_page(db, query, 0, EVERYTHING, now))
    if tile == dashboard.VISITS_DUE:
        return len(order_queries.list_orders(db, estate, "visits", now, user, EVERYTHING))
    if tile == dashboard.KEYS_OUT:
        return sum(r.state == "lent" for r in key_ops.list_keys(db, estate))
    if tile == dashboard.MY_OPEN_ITEMS:
        return len(register.open_items(db, estate, user, EVERYTHING))
    if tile == dashboard.INSPECTIONS_DUE:
        return sum(r.status in ("due", "overdue") for r in due_ops.due_rows(db, estate, now))
    if tile == dashboard.ACTIONS_OVERDUE:
        return sum(r.overdue for r in action_ops.open_actions(db, estate, now))
    raise AssertionError(tile)


def test_every_number_is_the_count_of_its_list_now_and_a_day_later(demo):
    db, estate, user = demo
    now = datetime.now(UTC)
    for moment in (now, now + timedelta(hours=5), now + timedelta(days=1)):
        data = dashboard.read_dashboard(db, estate, user, "admin", moment)
        assert list(data.counts) == list(dashboard.TILES)
        for tile, number in data.counts.items():
            assert number == listed(db, estate, user, tile, moment), (tile, moment)
    # the demo gives every tile something to count, so the equality above means something
    first = dashboard.read_dashboard(db, estate, user, "admin", now).counts
    assert all(first[t] > 0 for t in dashboard.TILES if t != dashboard.COMPLAINTS_DUE_TODAY)
    assert first[dashboard.COMPLAINTS_DUE_TODAY] + first[dashboard.COMPLAINTS_OVERDUE] > 0


def test_a_complaint_due_today_is_overdue_once_its_deadline_passes(demo):
    db, estate, user = demo
    now = datetime.now(UTC)
    zone = dashboard.zone_of(db, estate)
    soon = None
    for hours in range(0, 48, 2):  # the first moment with something still due today
        moment = now + timedelta(hours=hours)
        query = dashboard.complaint_query(estate, dashboard.COMPLAINTS_DUE_TODAY, moment, zone)
        rows = complaints.read_page(db, query, 0, 5, moment)
        if rows:
            soon, now = rows[0], moment
            break
    assert soon is not None
    before = dashboard.read_dashboard(db, estate, user, "receptionist", now).counts
    later = soon.next_due + timedelta(minutes=1)
    after = dashboard.read_dashboard(db, estate, user, "receptionist", later).counts
    overdue = complaints.read_page(
        db,
        dashboard.complaint_query(estate, dashboard.COMPLAINTS_OVERDUE, later, zone),
        0,
        EVERYTHING,
        later,
    )
    assert soon.id in {r.id for r in overdue}
    assert after[dashboard.COMPLAINTS_OVERDUE] >= before[dashboard.COMPLAINTS_OVERDUE] + 1


def test_each_role_sees_its_tiles_and_finance_roles_the_fee_figures(demo):
    db, estate, user = demo
    now = datetime.now(UTC)
    desk = dashboard.read_dashboard(db, estate, user, "receptionist", now)
    assert dashboard.INSPECTIONS_DUE not in desk.counts and desk.finance is None
    inspector = dashboard.read_dashboard(db, estate, user, "inspector", now)
    assert set(inspector.counts) == {dashboard.INSPECTIONS_DUE, dashboard.ACTIONS_OVERDUE}
    cashier = dashboard.read_dashboard(db, estate, user, "cashier", now)
    finance = cashier.finance
    assert finance is not None
    point = fee_reports.collection(db, estate, finance.period, months=1)[0]
    assert (finance.receivable, finance.collected, finance.rate) == (
        point.receivable,
        point.collected,
        point.rate,
    )
    assert finance.target_met == (finance.collected >= finance.receivable * finance.target)
    debtors = fee_reports.arrears(db, estate, finance.as_of)
    assert finance.debtors == len(debtors) > 0
    assert finance.net_owed == sum(r.net for r in debtors)


def test_closing_my_open_item_takes_one_off_my_number(demo):
    db, estate, user = demo
    now = datetime.now(UTC)
    before = dashboard.read_dashboard(db, estate, user, "receptionist", now).counts
    item = register.open_items(db, estate, user)[0]
    register.close_item(db, item.id, user, "已电话答复业主", now)
    after = dashboard.read_dashboard(db, estate, user, "receptionist", now).counts
    assert after[dashboard.MY_OPEN_ITEMS] == before[dashboard.MY_OPEN_ITEMS] - 1


def test_every_report_runs_for_two_estates_side_by_side(demo):
    from app.services.demo import fill_demo
    from app.services.units import create_estate

    db, estate, _user = demo
    with db.session() as s:
        second = create_estate(s, "海景苑").id
    with db.session() as s:
        fill_demo(s, second, units=60, seed=3)
    # the estates' own day: the demo's visitors came in today there (UTC is a day behind
    # Beijing from 16:00 UTC on)
    today = datetime.now(ZoneInfo(DEFAULT_TIMEZONE)).date()
    period = hub.Period(today - timedelta(days=62), today)
    ids = {spec.id for spec in hub.catalogue()}
    assert ids == {
        "complaints.weekly",
        "workorders.visits",
        "inspections.quality",
        "fees.collection",
        "fees.arrears",
        "reception.visitors",
        "reception.keys",
        "reception.worklogs",
        "staff.kpis",
    }
    for report_id in sorted(ids):
        report = hub.run_report(db, report_id, [estate, second], period, datetime.now(UTC))
        assert [p.estate_name for p in report.parts] == ["阳光花园", "海景苑"]
        first = report.parts[0]
        assert first.rows, report_id  # the demo estate has something in every report
        for row in first.rows:
            assert len(row) == len(first.columns)
    arrears = hub.run_report(db, "fees.arrears", [estate], period, datetime.now(UTC)).parts[0]
    assert all(link.kind == "unit" for link in arrears.links)
    assert len(arrears.links) == len(arrears.rows)
