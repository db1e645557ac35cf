"""Search and filters of the complaint list as SQL conditions on ``complaint_status``.

A complaint number is found by prefix, a room code through the units it names, any other
words through the trigram index (LIKE below three characters). A rare word starts from
its matches; a common one walks the list in its order and stops once a page is full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import column, literal_column, or_, select, table, text
from sqlalchemy.orm import Session

from app.domain.complaints import DUE_SOON
from app.domain.units import normalise_search
from app.services.units import UnitQuery, page_units
from app.store.complaint_models import Complaint, ComplaintStatus

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
    deadline: str = ""  # "overdue", "due_soon", "due_today" (before ``due_before``) or ""
    date_from: datetime | None = None
    date_to: datetime | None = None  # exclusive
    repeats_only: bool = False
    my_role: str = ""  # "my work" for this role: soonest deadline first
    due_before: datetime | None = None  # "due_today": the end of the estate's local day


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


def search_clause(session: Session, estate_id: str, raw: str):
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


def conditions(
    session: Session, query: ComplaintQuery, now: datetime, *, unordered: bool = False
) -> list:
    """The WHERE of a list query; ``unordered`` (a count) may start from any indexed
    search, since no order has to be kept."""
    s = ComplaintStatus
    search = search_clause(session, query.estate_id, query.text)
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
    elif query.deadline == "due_today" and query.due_before is not None:
        where.append(s.next_due >= now)
        where.append(s.next_due < query.due_before)
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
