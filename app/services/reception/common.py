"""What the reception operations share: the estate's time zone and work-order rules,
numbers, unit and staff labels, looked up inside a caller's unit of work."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.units import unit_code, unit_short_code
from app.domain.workorders import WorkOrderRules
from app.services.units import natural_id
from app.store.models import Building, Estate, Setting, StaffUser, Unit
from app.store.recorder import recorder

RULES_KEY = "workorders.rules"
DISPATCH_KEY = "workorders.dispatch"


def tz_of(session: Session, estate_id: str) -> str:
    cache = session.info.setdefault("reception_tz", {})
    if estate_id not in cache:
        estate = session.get(Estate, estate_id)
        cache[estate_id] = (estate.timezone if estate else "") or "Asia/Shanghai"
    return cache[estate_id]


def local_day_bounds(day: date, tz: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(tz)
    start = datetime.combine(day, time(0), zone).astimezone(UTC)
    return start, start + timedelta(days=1)


def local_day(moment: datetime, tz: str) -> date:
    return moment.astimezone(ZoneInfo(tz)).date()


def number(prefix: str, moment: datetime, row_id: str, tz: str) -> str:
    """A readable number: prefix, local date, the row id's random tail (unique per device)."""
    return f"{prefix}{moment.astimezone(ZoneInfo(tz)):%y%m%d}-{row_id[-5:].upper()}"


def setting(session: Session, estate_id: str, key: str):
    row = session.get(Setting, natural_id(estate_id, "setting", key))
    return None if row is None or row.deleted else row.value


def save_setting(session: Session, estate_id: str, key: str, value) -> None:
    setting_id = natural_id(estate_id, "setting", key)
    row = session.get(Setting, setting_id)
    if row is None:
        recorder(session).create(Setting, id=setting_id, estate_id=estate_id, key=key, value=value)
    else:
        recorder(session).update(row, value=value, deleted=False)


def load_rules(session: Session, estate_id: str) -> WorkOrderRules:
    """The estate's work-order rules; defaults (DOMAIN.md, issue 13) where nothing is set."""
    cache = session.info.setdefault("workorder_rules", {})
    if estate_id not in cache:
        value = setting(session, estate_id, RULES_KEY)
        data = dict(value or {})
        data.setdefault("timezone", tz_of(session, estate_id))
        cache[estate_id] = WorkOrderRules.from_json(data)
    return cache[estate_id]


def staff_names(session: Session, ids=None) -> dict[str, str]:
    """Staff id -> display name, of ``ids`` only when given (cached per session)."""
    cache = session.info.setdefault("reception_staff", {})
    wanted = None if ids is None else {i for i in ids if i and i not in cache}
    if wanted is None:
        cache.update(session.execute(select(StaffUser.id, StaffUser.display_name)).all())
    elif wanted:
        cache.update(
            session.execute(
                select(StaffUser.id, StaffUser.display_name).where(StaffUser.id.in_(list(wanted)))
            ).all()
        )
        cache.update({i: cache.get(i, "") for i in wanted})
    return cache


def unit_labels(session: Session, unit_ids) -> dict[str, tuple[str, str]]:
    """unit id -> (full code "3栋 2单元 1502", short code "3-2-1502")."""
    ids = [u for u in set(unit_ids) if u]
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Unit.id, Building.name, Unit.entrance, Unit.room)
            .join(Building, Building.id == Unit.building_id)
            .where(Unit.id.in_(ids[start : start + 500]))
        )
        for unit_id, building, entrance, room in rows:
            out[unit_id] = (
                unit_code(building, entrance, room),
                unit_short_code(building, entrance, room),
            )
    return out


def building_of(session: Session, unit_id: str | None) -> str | None:
    if not unit_id:
        return None
    return session.scalar(select(Unit.building_id).where(Unit.id == unit_id))


def get_live(session: Session, model, row_id: str, code: str):
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise DomainError(code)
    return row
