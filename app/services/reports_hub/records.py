"""Where a report row's record is, so the screen that shows it can open it: its estate and,
for a visitor, the day (the estate's) they came in; for a work log, whose day. One read on
the runner, before the page switches tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from app.services.reception.common import tz_of
from app.services.reports_hub import parse_staff_day
from app.store.db import Database
from app.store.models import Estate
from app.store.reception_models import CustodyKey, Visitor

KINDS = ("visitor", "key", "worklog")


@dataclass(frozen=True)
class Place:
    kind: str
    record_id: str
    found: bool  # False: deleted since the report was made (or never there)
    estate_id: str = ""
    estate_name: str = ""
    day: date | None = None  # visitor: the day they came in; worklog: the day
    staff_id: str = ""  # worklog: whose day


def locate(db: Database, kind: str, record_id: str) -> Place:
    """Where the record a row names is (``kind`` one of KINDS)."""
    with db.session() as s:
        if kind == "visitor":
            visitor = s.get(Visitor, record_id)
            if visitor is None or visitor.deleted:
                return Place(kind, record_id, False)
            day = visitor.time_in.astimezone(ZoneInfo(tz_of(s, visitor.estate_id))).date()
            return Place(kind, record_id, True, visitor.estate_id, _name(s, visitor.estate_id), day)
        if kind == "key":
            key = s.get(CustodyKey, record_id)
            if key is None or key.deleted:
                return Place(kind, record_id, False)
            return Place(kind, record_id, True, key.estate_id, _name(s, key.estate_id))
        if kind == "worklog":
            estate_id, staff_id, day = parse_staff_day(record_id)
            return Place(kind, record_id, True, estate_id, _name(s, estate_id), day, staff_id)
    raise KeyError(kind)


def _name(s, estate_id: str) -> str:
    estate = s.get(Estate, estate_id)
    return estate.name if estate else ""
