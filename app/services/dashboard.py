"""The home dashboard (工作台): what needs doing today, for the logged-in user and role.

Each number is counted by the very operation, with the very filter, that the list it
opens reads: the complaint list's ``ComplaintQuery`` (counted in SQL like the list's own
count), the work-order filter bar's ``count_orders``, the keys tab's ``list_keys``, the
inspection desk's due list and open corrective actions, the register's open items
(``count_open`` shares ``open_items``' WHERE), and for finance roles the collection-rate
and arrears reports' totals as of today (counted by ``report_totals`` with the reports'
own sums, without building their rows). A number therefore always equals the rows its
list shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

from app.domain.collection import COLLECTION_TARGET
from app.domain.errors import DomainError
from app.services import complaints
from app.services.complaints import ComplaintQuery
from app.services.fees import report_totals
from app.services.inspections import actions as action_ops
from app.services.inspections import due as due_ops
from app.services.reception import keys as key_ops
from app.services.reception import queries as order_queries
from app.services.reception import register
from app.store.db import Database

# the tiles, in the order the page shows them
COMPLAINTS_OVERDUE = "complaints.overdue"
COMPLAINTS_DUE_TODAY = "complaints.due_today"
VISITS_DUE = "workorders.visits"
KEYS_OUT = "keys.lent"
INSPECTIONS_DUE = "inspections.due"
ACTIONS_OVERDUE = "actions.overdue"
MY_OPEN_ITEMS = "reception.mine"
TILES = (
    COMPLAINTS_OVERDUE,
    COMPLAINTS_DUE_TODAY,
    VISITS_DUE,
    KEYS_OUT,
    INSPECTIONS_DUE,
    ACTIONS_OVERDUE,
    MY_OPEN_ITEMS,
)
_DESK = (COMPLAINTS_OVERDUE, COMPLAINTS_DUE_TODAY, VISITS_DUE, KEYS_OUT, MY_OPEN_ITEMS)
_QUALITY = (INSPECTIONS_DUE, ACTIONS_OVERDUE)

# What each role sees (DOMAIN.md "Who uses it"); a role not listed sees every tile.
ROLE_TILES: dict[str, tuple[str, ...]] = {
    "receptionist": _DESK,
    "archivist": (KEYS_OUT, MY_OPEN_ITEMS),
    "engineer": (VISITS_DUE, *_QUALITY),
    "inspector": _QUALITY,
    "cashier": (MY_OPEN_ITEMS,),
    "finance_lead": (),
    "auditor": (),
}
# Roles that see this month's management-fee collection rate and the arrears.
FINANCE_ROLES = frozenset({"cashier", "finance_lead", "director", "auditor"})

# the inspection due list's occurrences to do now (its "Due now only" filter)
DUE_NOW = ("due", "overdue")


@dataclass(frozen=True)
class Finance:
    period: str  # YYYY-MM, this month at the estate
    receivable: Decimal  # the management fee's 应收 this month
    collected: Decimal  # its 实收
    rate: Decimal | None  # unrounded; None when nothing was billed
    target: Decimal
    target_met: bool | None
    as_of: date
    debtors: int  # units with anything overdue (the arrears report's rows)
    net_owed: Decimal


@dataclass(frozen=True)
class Dashboard:
    at: datetime
    today: date
    counts: dict[str, int]  # tile -> number, in TILES order, only the role's tiles
    finance: Finance | None  # for finance roles
    finance_refused: bool = False  # a finance role whose permissions exclude the reports


def tiles_for(role: str) -> tuple[str, ...]:
    return ROLE_TILES.get(role, TILES)


def zone_of(db: Database, estate_id: str) -> ZoneInfo:
    return ZoneInfo(complaints.read_rules(db, estate_id).timezone)


def end_of_day(now: datetime, zone: ZoneInfo) -> datetime:
    today = now.astimezone(zone).date()
    return datetime.combine(today + timedelta(days=1), time(0), zone).astimezone(UTC)


def complaint_query(estate_id: str, tile: str, now: datetime, zone: ZoneInfo) -> ComplaintQuery:
    """The complaint list's query behind a tile: all open complaints, one deadline filter
    (what the list shows after ``ComplaintsPage.show_filtered``)."""
    if tile == COMPLAINTS_OVERDUE:
        return ComplaintQuery(estate_id=estate_id, status="open", deadline="overdue")
    return ComplaintQuery(
        estate_id=estate_id,
        status="open",
        deadline="due_today",
        due_before=end_of_day(now, zone),
    )


def count_tile(
    db: Database, estate_id: str, user_id: str, tile: str, now: datetime, zone: ZoneInfo
) -> int:
    """One tile's number, from the operation its list reads."""
    if tile in (COMPLAINTS_OVERDUE, COMPLAINTS_DUE_TODAY):
        return complaints.count(db, complaint_query(estate_id, tile, now, zone), now)
    if tile == VISITS_DUE:
        return order_queries.count_orders(db, estate_id, now, user_id, ("visits",))["visits"]
    if tile == KEYS_OUT:
        return len(key_ops.list_keys(db, estate_id, "lent"))
    if tile == MY_OPEN_ITEMS:
        return register.count_open(db, estate_id, user_id)
    if tile == INSPECTIONS_DUE:
        return sum(r.status in DUE_NOW for r in due_ops.due_rows(db, estate_id, now))
    if tile == ACTIONS_OVERDUE:
        return action_ops.count_open_actions(db, estate_id, now, overdue_only=True)
    raise ValueError(tile)


def finance_figures(db: Database, estate_id: str, now: datetime, zone: ZoneInfo) -> Finance:
    """This month's management-fee collection rate (the collection tab's month) and the
    arrears as of today (the arrears tab's default day): the reports' totals, counted
    without building the reports' rows (``app.services.fees.report_totals``)."""
    today = now.astimezone(zone).date()
    period = today.strftime("%Y-%m")
    management = report_totals.month_management_collection(db, estate_id, period)
    debtors = report_totals.arrears_summary(db, estate_id, today)
    return Finance(
        period=period,
        receivable=management.receivable,
        collected=management.collected,
        rate=management.rate,
        target=COLLECTION_TARGET,
        target_met=management.target_met,
        as_of=today,
        debtors=debtors.debtors,
        net_owed=debtors.net_owed,
    )


def read_finance(
    db: Database, estate_id: str, role: str, now: datetime
) -> tuple[Finance | None, bool]:
    """The fee figures of a finance role: (figures, refused). None for other roles; refused
    when the estate's permissions keep the fee reports from this role."""
    if role not in FINANCE_ROLES:
        return None, False
    try:
        return finance_figures(db, estate_id, now, zone_of(db, estate_id)), False
    except DomainError as error:
        if error.code != "permission.denied":
            raise
        return None, True


class Counts(NamedTuple):
    today: date  # at the estate
    counts: dict[str, int]  # tile -> number, in TILES order


def read_counts(
    db: Database, estate_id: str, user_id: str, role: str, now: datetime, progress=None
) -> Counts:
    """The role's tiles and their numbers at ``now``."""
    zone = zone_of(db, estate_id)
    tiles = tiles_for(role)
    counts = {}
    for done, tile in enumerate(tiles):
        if progress is not None:
            progress.step(done, len(tiles))
        counts[tile] = count_tile(db, estate_id, user_id, tile, now, zone)
    return Counts(now.astimezone(zone).date(), counts)


def read_dashboard(
    db: Database, estate_id: str, user_id: str, role: str, now: datetime, progress=None
) -> Dashboard:
    """Every number of the logged-in user's dashboard at ``now`` (the page reads the
    counts and the fee figures as two operations, so the counts show first)."""
    today, counts = read_counts(db, estate_id, user_id, role, now, progress)
    finance, refused = read_finance(db, estate_id, role, now)
    return Dashboard(now, today, counts, finance, refused)
