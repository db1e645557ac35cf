"""Key custody (钥匙托管): who may borrow, a key's state folded from its insert-only
movements, overdue keys and the monthly cabinet count. Pure; no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.errors import DomainError, FieldErrors

STATES = ("in_cabinet", "lent", "returned", "lost")
BORROWERS = ("owner", "authorised", "contractor")
# a synced JSON value holds at most 10,000 values (sync/server/validate.py): 2,000 points
# are 6,000 with their lists
MAX_SIGNATURE_POINTS = 2000
ID_CHECKS = ("id_card", "owner_call", "authorisation_letter", "site_lead", "known")
# movement kind -> the state it leaves the key in, and the states it may follow
MOVEMENTS: dict[str, tuple[str, frozenset[str]]] = {
    "deposited": ("in_cabinet", frozenset({"returned", ""})),
    "lent": ("lent", frozenset({"in_cabinet"})),
    "back": ("in_cabinet", frozenset({"lent"})),
    "returned_to_owner": ("returned", frozenset({"in_cabinet", "lent"})),
    "lost": ("lost", frozenset({"in_cabinet", "lent"})),
    "found": ("in_cabinet", frozenset({"lost"})),
}


@dataclass(frozen=True)
class Movement:
    id: str
    key_id: str
    kind: str
    at: datetime
    borrower: str = ""
    borrower_kind: str = ""
    expected_back: datetime | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class KeyState:
    state: str
    since: datetime | None
    borrower: str
    borrower_kind: str
    expected_back: datetime | None
    lend_id: str  # the movement that lent it (for the countersigned return)

    def overdue(self, now: datetime) -> bool:
        return self.state == "lent" and self.expected_back is not None and now > self.expected_back


def key_state(movements: Iterable[Movement]) -> KeyState:
    """Fold a key's movements in (at, id) order; a movement that does not follow from the
    state (two desks offline) is ignored, the first by time wins."""
    state, since, borrower, kind, back, lend = "", None, "", "", None, ""
    for move in sorted(movements, key=lambda m: (m.at, m.id)):
        spec = MOVEMENTS.get(move.kind)
        if spec is None or state not in spec[1]:
            continue
        state, since = spec[0], move.at
        if move.kind == "lent":
            borrower, kind, back, lend = (
                move.borrower,
                move.borrower_kind,
                move.expected_back,
                move.id,
            )
        else:
            borrower, kind, back, lend = "", "", None, ""
    return KeyState(state or "in_cabinet", since, borrower, kind, back, lend)


@dataclass(frozen=True)
class LendInput:
    borrower: str
    borrower_kind: str
    id_check: str
    purpose: str
    expected_back: datetime | None
    owner_confirmed: bool = False
    site_lead: str = ""


def check_lend(data: LendInput, allowed: Iterable[str], now: datetime) -> None:
    """Who may borrow (DOMAIN.md): the owner; an authorised person named on the custody
    undertaking and confirmed with the owner; a contractor only through the site lead."""
    errors: dict[str, DomainError] = {}
    name = data.borrower.strip()
    if not name:
        errors["borrower"] = DomainError("key.borrower_required")
    if data.borrower_kind not in BORROWERS:
        errors["borrower_kind"] = DomainError("key.borrower_kind_required")
    elif data.borrower_kind == "authorised":
        if name and name not in {a.strip() for a in allowed}:
            errors["borrower"] = DomainError("key.not_authorised", name=name)
        if not data.owner_confirmed:
            errors["owner_confirmed"] = DomainError("key.owner_confirmation_required")
    elif data.borrower_kind == "contractor" and not data.site_lead.strip():
        errors["site_lead"] = DomainError("key.site_lead_required")
    if data.id_check not in ID_CHECKS:
        errors["id_check"] = DomainError("key.id_check_required")
    if not data.purpose.strip():
        errors["purpose"] = DomainError("key.purpose_required")
    if data.expected_back is None:
        errors["expected_back"] = DomainError("key.expected_back_required")
    elif data.expected_back <= now:
        errors["expected_back"] = DomainError("key.expected_back_past")
    if errors:
        raise FieldErrors(errors)


def check_signature(strokes: list[list[list[float]]]) -> None:
    """A signature is at least one stroke of a few points, and small enough to sync."""
    points = sum(len(s) for s in strokes)
    if not strokes or points < 3:
        raise DomainError("key.signature_required")
    if points > MAX_SIGNATURE_POINTS:
        raise DomainError("key.signature_too_large")


@dataclass(frozen=True)
class CountResult:
    missing: tuple[str, ...]  # the register says in the cabinet; not on its hook
    unexpected: tuple[str, ...]  # on a hook; the register says lent, returned or lost
    matched: int


def compare_count(expected_in: Iterable[str], present: Iterable[str]) -> CountResult:
    want, have = set(expected_in), set(present)
    return CountResult(tuple(sorted(want - have)), tuple(sorted(have - want)), len(want & have))
