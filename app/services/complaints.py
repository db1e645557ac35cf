"""Complaints (issue 5): intake, workflow steps, the derived status cache, lists.

Every write goes through the change recorder. The header is a register; each step is an
insert-only event; status and deadlines come from ``app.domain.complaints.derive``. The
local ``complaint_status`` table caches the derivation for fast lists: triggers queue a
complaint in ``complaint_dirty`` whenever its header or events change (also by sync), and
:func:`refresh_status` recomputes the queue before any list is read.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import column, delete, func, literal_column, or_, select, table, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.complaints import (
    DEPARTMENTS,
    DUE_SOON,
    EVENT_KINDS,
    SATISFACTION,
    SEVERITY_LEVEL,
    ComplaintInput,
    ComplaintRules,
    ComplaintState,
    Event,
    Facts,
    WorkflowError,
    allowed_steps,
    check_approver,
    derive,
    needs_auto_major,
    next_action,
    parse_local,
    validate_input,
)
from app.domain.units import (
    ValidationError,
    mask_phone,
    normalise_search,
    unit_code,
    unit_short_code,
)
from app.paths import data_dir
from app.services.units import UnitQuery, natural_id, page_units, residents_of
from app.store.base import new_id
from app.store.complaint_models import (
    Complaint,
    ComplaintAttachment,
    ComplaintDirty,
    ComplaintEvent,
    ComplaintStatus,
)
from app.store.models import Building, Estate, Resident, Setting, StaffUser, Unit
from app.store.recorder import recorder

RULES_KEY = "complaints.rules"
REFRESH_CHUNK = 500


def utcnow() -> datetime:
    return datetime.now(UTC)


# ---- settings ----


def load_rules(session: Session, estate_id: str) -> ComplaintRules:
    """The estate's complaint rules, DOMAIN.md defaults where nothing is set (read once
    per session: a desk session creates many complaints in a row)."""
    cache = session.info.setdefault("complaint_rules", {})
    if estate_id not in cache:
        cache[estate_id] = _read_rules(session, estate_id)
    return cache[estate_id]


def _read_rules(session: Session, estate_id: str) -> ComplaintRules:
    row = session.get(Setting, natural_id(estate_id, "setting", RULES_KEY))
    rules = ComplaintRules() if row is None or row.deleted else ComplaintRules.from_json(row.value)
    estate = session.get(Estate, estate_id)
    if estate is not None and estate.timezone and row is None:
        rules = ComplaintRules(timezone=estate.timezone)
    return rules


def save_rules(session: Session, estate_id: str, rules: ComplaintRules) -> None:
    value = ComplaintRules.from_json(rules.to_json()).to_json()  # validates
    setting_id = natural_id(estate_id, "setting", RULES_KEY)
    row = session.get(Setting, setting_id)
    if row is None:
        recorder(session).create(
            Setting, id=setting_id, estate_id=estate_id, key=RULES_KEY, value=value
        )
    else:
        recorder(session).update(row, value=value, deleted=False)
    session.info.get("complaint_rules", {}).pop(estate_id, None)
    # Deadlines of every complaint may move.
    session.execute(
        text(
            "INSERT OR IGNORE INTO complaint_dirty(complaint_id) "
            "SELECT id FROM complaints WHERE estate_id = :estate"
        ),
        {"estate": estate_id},
    )


# ---- intake ----


def _local_to_utc(text_value: str, tz: str) -> datetime | None:
    if not text_value.strip():
        return None
    return parse_local(text_value).replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def find_repeat_of(
    session: Session,
    estate_id: str,
    unit_id: str | None,
    category: str,
    received_at: datetime,
    rules: ComplaintRules,
) -> str | None:
    """The first complaint this one repeats: same unit and problem, closed within the
    estate's window before it (二次投诉)."""
    if not unit_id:
        return None
    since = received_at - timedelta(days=rules.repeat_window_days)
    row = session.execute(
        select(Complaint.id, Complaint.repeat_of)
        .join(ComplaintStatus, ComplaintStatus.complaint_id == Complaint.id)
        .where(
            Complaint.estate_id == estate_id,
            Complaint.unit_id == unit_id,
            Complaint.category == category,
            Complaint.live(),
            Complaint.valid.is_(True),
            ComplaintStatus.closed_at.is_not(None),
            ComplaintStatus.closed_at >= since,
            ComplaintStatus.closed_at <= received_at,
        )
        .order_by(ComplaintStatus.closed_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return row.repeat_of or row.id


def complaint_number(received_at: datetime, complaint_id: str, tz: str) -> str:
    local = received_at.astimezone(ZoneInfo(tz))
    return f"TS{local:%y%m%d}-{complaint_id[-5:].upper()}"


def create_complaint(
    session: Session,
    estate_id: str,
    data: ComplaintInput,
    *,
    staff_id: str = "",
    staff_role: str = "",
    received_at: datetime | None = None,
) -> Complaint:
    """Record a complaint and its "received" event. Raises ValidationError with messages
    by field (nothing is written then)."""
    rules = load_rules(session, estate_id)
    errors = validate_input(data, rules)
    if errors:
        raise ValidationError(errors)
    received_at = received_at or utcnow()
    repeat_of = find_repeat_of(session, estate_id, data.unit_id, data.category, received_at, rules)
    rec = recorder(session)
    complaint_id = new_id()
    complaint = rec.create(
        Complaint,
        id=complaint_id,
        estate_id=estate_id,
        number=complaint_number(received_at, complaint_id, rules.timezone),
        received_at=received_at,
        received_by=staff_id,
        event_time=_local_to_utc(data.event_time, rules.timezone),
        event_place=data.event_place.strip(),
        unit_id=data.unit_id,
        resident_id=data.resident_id,
        complainant_name=data.complainant_name.strip(),
        complainant_phone=data.complainant_phone.strip(),
        channel=data.channel,
        about=data.about.strip(),
        content=data.content.strip(),
        request=data.request.strip(),
        contact=data.contact.strip(),
        reply_wanted=data.reply_wanted,
        category=data.category,
        valid=data.valid,
        scope=data.scope,
        severity=data.severity,
        suggested_severity=data.suggested_severity,
        department=data.department,
        resident_deadline=_local_to_utc(data.resident_deadline, rules.timezone),
        repeat_of=repeat_of,
        reception_id=data.reception_id,
    )
    received = rec.create(
        ComplaintEvent,
        estate_id=estate_id,
        complaint_id=complaint.id,
        kind="received",
        at=received_at,
        actor_id=staff_id,
        actor_role=staff_role,
        data={"repeat_of": repeat_of} if repeat_of else {},
    )
    # Its only event is known: derive the status here rather than re-reading it.
    state = derive(facts_of(complaint), [as_domain_event(received)], rules)
    _write_status(session, [_status_row(complaint, state)])
    session.execute(delete(ComplaintDirty).where(ComplaintDirty.complaint_id == complaint.id))
    return complaint


# ---- workflow steps ----


def events_of(session: Session, complaint_id: str) -> list[ComplaintEvent]:
    return list(
        session.scalars(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_id == complaint_id)
            .order_by(ComplaintEvent.at, ComplaintEvent.id)
        )
    )


def facts_of(complaint: Complaint) -> Facts:
    return Facts(
        received_at=complaint.received_at,
        valid=complaint.valid,
        severity=complaint.severity,
        resident_deadline=complaint.resident_deadline,
    )


def as_domain_event(row: ComplaintEvent) -> Event:
    return Event(row.id, row.kind, row.at, row.actor_id, dict(row.data or {}))


def complaint_state(
    session: Session, complaint: Complaint, rules: ComplaintRules | None = None
) -> ComplaintState:
    rules = rules or load_rules(session, complaint.estate_id)
    events = [as_domain_event(e) for e in events_of(session, complaint.id)]
    return derive(facts_of(complaint), events, rules)


def add_event(
    session: Session,
    complaint: Complaint,
    kind: str,
    *,
    actor_id: str = "",
    actor_role: str = "",
    at: datetime | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> ComplaintEvent:
    """Append one workflow step after checking it is allowed now and by this role."""
    if kind not in EVENT_KINDS or kind in ("received", "auto_major"):
        raise WorkflowError(f"Unknown step {kind!r}")
    rules = load_rules(session, complaint.estate_id)
    state = complaint_state(session, complaint, rules)
    if kind not in allowed_steps(state):
        raise WorkflowError(f"A {state.status} complaint cannot take the step {kind!r} now")
    data = dict(data or {})
    at = at or utcnow()
    if kind == "dispatched":
        department = data.get("department") or complaint.department
        if department not in DEPARTMENTS:
            raise ValidationError({"department": "Choose the department to dispatch to"})
        data["department"] = department
    elif kind == "escalated":
        if data.get("to") not in ("team_lead", "supervisor", "director"):
            raise ValidationError({"to": "Escalate to the team lead, supervisor or director"})
    elif kind == "return_visit":
        if data.get("satisfaction") not in SATISFACTION:
            raise ValidationError({"satisfaction": "Record the resident's satisfaction"})
    elif kind == "extension_requested":
        data.setdefault("deadline", "resolve")
        if not note.strip():
            raise ValidationError({"note": "Give the reason for the extension"})
    elif kind == "extension_approved":
        check_approver(state.level, actor_role)
        data.setdefault("deadline", state.pending_extension or "resolve")
        new_due = data.get("due")
        if isinstance(new_due, datetime):
            new_due = new_due.astimezone(UTC).isoformat()
            data["due"] = new_due
        if not new_due or datetime.fromisoformat(new_due) <= at:
            raise ValidationError({"due": "The new deadline must be in the future"})
    elif kind in ("progress", "resolved", "reopened") and not note.strip():
        raise ValidationError({"note": "Write what was done"})
    event = recorder(session).create(
        ComplaintEvent,
        estate_id=complaint.estate_id,
        complaint_id=complaint.id,
        kind=kind,
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        note=note.strip(),
        data=data,
    )
    if kind == "dispatched" and complaint.department != data["department"]:
        recorder(session).update(complaint, department=data["department"])
    refresh_status(session, [complaint.id])
    return event


def update_classification(session: Session, complaint: Complaint, **values: Any) -> list[str]:
    """Change severity, validity, scope, category or department of the header."""
    allowed = {"severity", "valid", "scope", "category", "department", "about", "request"}
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    if "severity" in values and values["severity"] not in SEVERITY_LEVEL:
        raise ValidationError({"severity": "Confirm the severity"})
    changed = recorder(session).update(complaint, **values)
    refresh_status(session, [complaint.id])
    return changed


def run_escalations(session: Session, estate_id: str, now: datetime | None = None) -> int:
    """Make every valid complaint unresolved a month after receipt major, with an event.

    The event's id and time are deterministic (the moment it became due), so two offices
    doing this independently write the same row and sync keeps one.
    """
    now = now or utcnow()
    refresh_status(session)
    ids = session.scalars(
        select(ComplaintStatus.complaint_id).where(
            ComplaintStatus.estate_id == estate_id,
            ComplaintStatus.escalate_at.is_not(None),
            ComplaintStatus.escalate_at <= now,
        )
    ).all()
    rules = load_rules(session, estate_id)
    count = 0
    for complaint_id in ids:
        complaint = session.get(Complaint, complaint_id)
        state = complaint_state(session, complaint, rules)
        if not needs_auto_major(state, now):
            continue
        event_id = natural_id(complaint_id, "auto_major")
        if session.get(ComplaintEvent, event_id) is None:
            recorder(session).create(
                ComplaintEvent,
                id=event_id,
                estate_id=estate_id,
                complaint_id=complaint_id,
                kind="auto_major",
                at=state.escalate_at,
                note="Unresolved after one month: now a major complaint",
            )
            count += 1
    refresh_status(session, ids)
    return count


# ---- the derived status cache ----


def refresh_status(session: Session, ids: list[str] | None = None) -> int:
    """Recompute the derived status of the given complaints and of every queued one."""
    session.flush()
    if ids:
        session.execute(
            sqlite_insert(ComplaintDirty.__table__).on_conflict_do_nothing(),
            [{"complaint_id": i} for i in ids],
        )
    total = 0
    rules_by_estate: dict[str, ComplaintRules] = {}
    while True:
        # Events that arrived by sync before their header stay queued until it comes.
        batch = session.scalars(
            select(ComplaintDirty.complaint_id)
            .join(Complaint, Complaint.id == ComplaintDirty.complaint_id)
            .limit(REFRESH_CHUNK)
        ).all()
        if not batch:
            return total
        headers = session.scalars(select(Complaint).where(Complaint.id.in_(batch))).all()
        events: dict[str, list[Event]] = defaultdict(list)
        for row in session.execute(
            select(
                ComplaintEvent.id,
                ComplaintEvent.complaint_id,
                ComplaintEvent.kind,
                ComplaintEvent.at,
                ComplaintEvent.actor_id,
                ComplaintEvent.data,
            ).where(ComplaintEvent.complaint_id.in_(batch))
        ):
            events[row.complaint_id].append(
                Event(row.id, row.kind, row.at, row.actor_id, dict(row.data or {}))
            )
        rows = []
        gone = []
        for complaint in headers:
            if complaint.deleted:
                gone.append(complaint.id)
                continue
            rules = rules_by_estate.get(complaint.estate_id)
            if rules is None:
                rules = rules_by_estate[complaint.estate_id] = load_rules(
                    session, complaint.estate_id
                )
            rows.append(
                _status_row(complaint, derive(facts_of(complaint), events[complaint.id], rules))
            )
        if gone:
            session.execute(delete(ComplaintStatus).where(ComplaintStatus.complaint_id.in_(gone)))
        if rows:
            _write_status(session, rows)
        session.execute(delete(ComplaintDirty).where(ComplaintDirty.complaint_id.in_(batch)))
        total += len(batch)


def _write_status(session: Session, rows: list[dict[str, Any]]) -> None:
    stmt = sqlite_insert(ComplaintStatus.__table__)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["complaint_id"],
            set_={c: stmt.excluded[c] for c in rows[0] if c != "complaint_id"},
        ),
        rows,
    )


def _status_row(complaint: Complaint, state: ComplaintState) -> dict[str, Any]:
    upcoming = state.next_deadline
    action, role = next_action(state)
    return {
        "complaint_id": complaint.id,
        "estate_id": complaint.estate_id,
        "received_at": complaint.received_at,
        "status": state.status,
        "severity": state.severity,
        "level": state.level,
        "department": complaint.department,
        "category": complaint.category,
        "channel": complaint.channel,
        "next_due": upcoming.due if upcoming else None,
        "next_kind": upcoming.kind if upcoming else "",
        "next_action": action,
        "action_role": role,
        "resolved_at": state.resolved_at,
        "closed_at": state.closed_at,
        "escalate_at": state.escalate_at,
        "is_repeat": complaint.repeat_of is not None,
    }


# ---- lists ----

# "My work": the next actions each role does (DOMAIN.md "Who uses it").
ROLE_WORK = {
    "receptionist": ("receptionist",),
    "team_lead": ("team_lead", "receptionist"),
    "supervisor": ("supervisor", "team_lead"),
    "director": ("director",),
    "engineer": ("department",),
    "admin": ("receptionist", "team_lead", "supervisor", "director", "department"),
}
ROLE_DEPARTMENT = {"engineer": "engineering"}


@dataclass(frozen=True)
class ComplaintQuery:
    estate_id: str
    text: str = ""
    status: str = ""  # one status, "open" (not closed) or "" for all
    severity: str = ""
    department: str = ""
    category: str = ""
    deadline: str = ""  # "overdue", "due_soon" or ""
    date_from: datetime | None = None
    date_to: datetime | None = None  # exclusive
    repeats_only: bool = False
    my_role: str = ""  # "my work" for this role: soonest deadline first


@dataclass(frozen=True)
class ComplaintRow:
    id: str
    number: str
    received_at: datetime
    status: str
    severity: str
    category: str
    department: str
    channel: str
    unit: str
    complainant: str
    phone_masked: str
    about: str
    content: str
    next_due: datetime | None
    next_kind: str
    next_action: str
    is_repeat: bool

    def deadline_state(self, now: datetime) -> str:
        if self.next_due is None:
            return "done"
        if self.next_due < now:
            return "overdue"
        return "due_soon" if self.next_due - now <= DUE_SOON else "on_time"


def _selective(clause):
    clause.selective = True
    return clause


# A text search matching fewer complaints than this starts from its matches (and sorts
# them); a commoner word walks the list in its order and stops once the page is full.
FEW_MATCHES = 2000

# The bodies the trigram index was built from, in storage order (FTS5's content table).
SEARCH_CONTENT = table("complaint_search_content", column("id"), column("c0"))

_NUMBER = re.compile(r"^TS\d{2,6}(-[0-9A-F]{0,5})?$", re.IGNORECASE)
_ROOM = re.compile(r"^[0-9A-Za-z]+(-[0-9A-Za-z]+){1,2}$")


def _search_clause(session: Session, estate_id: str, raw: str):
    """The search as one SQL condition: a complaint number by prefix, a room code through
    the units it names, any other words through the trigram index (LIKE below 3 chars)."""
    term = normalise_search(raw)
    if not term:
        return None
    if _NUMBER.match(term):
        prefix = term.upper()
        # IN (subquery) so SQLite starts from the few matching numbers, not the estate
        return _selective(
            ComplaintStatus.complaint_id.in_(
                select(Complaint.id).where(Complaint.number.between(prefix, prefix + "\uffff"))
            )
        )
    if _ROOM.match(term):
        units = page_units(session, UnitQuery(estate_id=estate_id, text=term), 0, 50)
        exact = [u.id for u in units if u.short_code == term]
        if units:
            return _selective(
                ComplaintStatus.complaint_id.in_(
                    select(Complaint.id).where(
                        Complaint.unit_id.in_(exact or [u.id for u in units])
                    )
                )
            )
    if len(term) >= 3:
        phrase = '"' + term.replace('"', '""') + '"'
        matching = "SELECT rowid FROM complaint_search WHERE complaint_search MATCH :term"
        params = {"term": phrase}
        many = text(f"complaints.rowid IN ({matching})").bindparams(**params)
        many.indexed = True
    else:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params = {"term": f"%{escaped}%"}
        # One or two characters: trigrams cannot index them, so read the bodies in
        # storage order (the FTS table's own content table) ...
        matching = "SELECT id FROM complaint_search_content WHERE c0 LIKE :term ESCAPE '\\'"
        # ... or, for a common word, check row by row so a page stops early.
        many = text(
            "EXISTS (SELECT 1 FROM complaint_search "
            "WHERE complaint_search.rowid = complaints.rowid "
            "AND complaint_search.body LIKE :term ESCAPE '\\')"
        ).bindparams(**params)
        many.like_term = params["term"]
    # SQLite cannot tell how many rows a search gives. A name or phone is in a handful of
    # complaints: start from those (walking the whole estate to find them takes a second).
    rowids = _few_matches(session, matching, params)
    if rowids is not None:
        return _selective(literal_column("complaints.rowid").in_(rowids))
    return many


def _few_matches(session: Session, matching: str, params: dict[str, Any]) -> list[int] | None:
    """The rowids a search matches, or None when there are FEW_MATCHES or more. A list
    reads count and page in one session: the answer is kept until a row changes."""
    # total_changes counts this connection's writes (triggers too), data_version others'.
    stamp = tuple(
        session.execute(
            text("SELECT total_changes(), (SELECT data_version FROM pragma_data_version)")
        ).one()
    )
    key = (matching, params["term"], stamp)
    cache = session.info.setdefault("complaint_search", {})
    if key not in cache:
        cache.clear()
        rowids = session.scalars(
            text(f"{matching} LIMIT :cap"), {**params, "cap": FEW_MATCHES}
        ).all()
        cache[key] = list(rowids) if len(rowids) < FEW_MATCHES else None
    return cache[key]


def _conditions(
    session: Session, query: ComplaintQuery, now: datetime, *, unordered: bool = False
) -> list:
    """The WHERE of a list query; ``unordered`` (a count) may start from any indexed
    search, since no order has to be kept."""
    s = ComplaintStatus
    search = _search_clause(session, query.estate_id, query.text)
    if unordered and getattr(search, "like_term", None):
        # A common short word: reading the bodies in storage order finds the capped
        # number of matches sooner than walking the estate and checking each one.
        search = _selective(SEARCH_CONTENT.c.c0.like(search.like_term, escape="\\"))
        search.scans_content = True
    start_from_search = getattr(search, "selective", False) or (
        unordered and getattr(search, "indexed", False)
    )
    if start_from_search:
        # A number or a room picks a handful of rows: the unary + keeps SQLite from
        # walking the whole estate index and makes it start from those rows.
        where = [literal_column("+complaint_status.estate_id") == query.estate_id]
    else:
        where = [s.estate_id == query.estate_id]
    if query.status == "open":
        where.append(s.status != "closed")
    elif query.status:
        where.append(s.status == query.status)
    if query.severity:
        where.append(s.severity == query.severity)
    if query.department:
        where.append(s.department == query.department)
    if query.category:
        where.append(s.category == query.category)
    if query.deadline == "overdue":
        where.append(s.next_due < now)
    elif query.deadline == "due_soon":
        where.append(s.next_due >= now)
        where.append(s.next_due <= now + DUE_SOON)
    if query.date_from:
        where.append(s.received_at >= query.date_from)
    if query.date_to:
        where.append(s.received_at < query.date_to)
    if query.repeats_only:
        where.append(s.is_repeat.is_(True))
    if query.my_role:
        roles = ROLE_WORK.get(query.my_role, ())
        where.append(s.action_role.in_(roles))
        if query.my_role in ROLE_DEPARTMENT:
            where.append(
                or_(s.action_role != "department", s.department == ROLE_DEPARTMENT[query.my_role])
            )
    if search is not None:
        where.append(search)
    return where


def count_complaints(
    session: Session, query: ComplaintQuery, now: datetime | None = None, cap: int | None = None
) -> int:
    """How many complaints match; with ``cap``, counting stops at cap + 1 (lists show
    "1000+" rather than spend the time to count every match of 100,000)."""
    refresh_status(session)
    now = now or utcnow()
    where = _conditions(session, query, now, unordered=True)
    if any(getattr(condition, "scans_content", False) for condition in where):
        # The unary + stops SQLite from looking bodies up by id, so it starts from them.
        inner = (
            select(ComplaintStatus.complaint_id)
            .select_from(SEARCH_CONTENT)
            .join(
                Complaint,
                literal_column("complaints.rowid")
                == literal_column("+complaint_search_content.id"),
            )
            .join(ComplaintStatus, ComplaintStatus.complaint_id == Complaint.id)
        )
    else:
        inner = select(ComplaintStatus.complaint_id)
        if query.text:
            inner = inner.join(Complaint, Complaint.id == ComplaintStatus.complaint_id)
    inner = inner.where(*where)
    if cap is not None:
        inner = inner.limit(cap + 1)
    return session.scalar(select(func.count()).select_from(inner.subquery())) or 0


def page_complaints(
    session: Session,
    query: ComplaintQuery,
    offset: int,
    limit: int,
    now: datetime | None = None,
) -> list[ComplaintRow]:
    refresh_status(session)
    now = now or utcnow()
    s = ComplaintStatus
    if query.deadline:
        order = [s.next_due, s.received_at]  # no NULLs here, and the index gives this order
    elif query.my_role:
        order = [s.next_due.is_(None), s.next_due, s.received_at]  # soonest first
    else:
        order = [s.received_at.desc(), s.complaint_id.desc()]
    # Pick the page's ids first, so sorting many matches (e.g. "my work") moves only the
    # sort keys; the texts, unit and building are read for the page's rows alone.
    page_ids = select(s.complaint_id)
    if query.text:
        page_ids = page_ids.join(Complaint, Complaint.id == s.complaint_id)
    page_ids = (
        page_ids.where(*_conditions(session, query, now))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
        .subquery()
    )
    stmt = (
        select(
            s,
            Complaint.number,
            Complaint.complainant_name,
            Complaint.complainant_phone,
            Complaint.about,
            Complaint.content,
            Building.name,
            Unit.entrance,
            Unit.room,
        )
        .select_from(page_ids)
        .join(s, s.complaint_id == page_ids.c.complaint_id)
        .join(Complaint, Complaint.id == s.complaint_id)
        .outerjoin(Unit, Unit.id == Complaint.unit_id)
        .outerjoin(Building, Building.id == Unit.building_id)
        .order_by(*order)
    )
    result = []
    for st, number, name, phone, about, content, bname, entrance, room in session.execute(stmt):
        result.append(
            ComplaintRow(
                id=st.complaint_id,
                number=number,
                received_at=st.received_at,
                status=st.status,
                severity=st.severity,
                category=st.category,
                department=st.department,
                channel=st.channel,
                unit=unit_short_code(bname, entrance, room) if bname else "",
                complainant=name,
                phone_masked=mask_phone(phone),
                about=about,
                content=content,
                next_due=st.next_due,
                next_kind=st.next_kind,
                next_action=st.next_action,
                is_repeat=st.is_repeat,
            )
        )
    return result


# ---- intake helpers: residents and attachments ----


@dataclass(frozen=True)
class ResidentMatch:
    unit_id: str
    unit: str
    resident_id: str | None
    name: str
    phone: str


def lookup_residents(
    session: Session, estate_id: str, typed: str, limit: int = 10
) -> list[ResidentMatch]:
    """Units and their residents matching a room code, name or phone as typed."""
    if not typed.strip():
        return []
    matches: list[ResidentMatch] = []
    for unit in page_units(session, UnitQuery(estate_id=estate_id, text=typed), 0, limit):
        people: list[Resident] = residents_of(session, unit.id)
        if not people:
            matches.append(ResidentMatch(unit.id, unit.code, None, "", ""))
        for person in people:
            matches.append(ResidentMatch(unit.id, unit.code, person.id, person.name, person.phone))
    needle = typed.strip()
    # The person typed for first: a name or phone match before the rest of the household.
    matches.sort(key=lambda m: 0 if needle and (needle in m.name or needle in m.phone) else 1)
    return matches[:limit]


def blob_dir() -> Path:
    path = data_dir() / "blobs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def add_attachment(
    session: Session, complaint: Complaint, source: Path | str
) -> ComplaintAttachment:
    """Copy a photo or scan into the content-addressed store and record it."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError({"attachment": f"File not found: {source}"})
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = blob_dir() / sha
    if not target.exists():
        partial = target.with_suffix(".part")
        shutil.copyfile(source, partial)
        partial.replace(target)  # never a half-written blob under its final name
    return recorder(session).create(
        ComplaintAttachment,
        estate_id=complaint.estate_id,
        complaint_id=complaint.id,
        sha256=sha,
        filename=source.name,
        size=source.stat().st_size,
    )


def attachments_of(session: Session, complaint_id: str) -> list[ComplaintAttachment]:
    return list(
        session.scalars(
            select(ComplaintAttachment)
            .where(ComplaintAttachment.complaint_id == complaint_id)
            .order_by(ComplaintAttachment.id)
        )
    )


def staff_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(StaffUser.id, StaffUser.display_name)).all())


def unit_label(session: Session, unit_id: str | None) -> str:
    if not unit_id:
        return ""
    row = session.execute(
        select(Building.name, Unit.entrance, Unit.room)
        .join(Unit, Unit.building_id == Building.id)
        .where(Unit.id == unit_id)
    ).first()
    return "" if row is None else unit_code(*row)


def complaints_for_reception(session: Session, reception_id: str) -> list[Complaint]:
    """Complaints opened from one reception record (the two stay linked both ways)."""
    return list(
        session.scalars(
            select(Complaint)
            .where(Complaint.reception_id == reception_id, Complaint.live())
            .order_by(Complaint.received_at)
        )
    )
