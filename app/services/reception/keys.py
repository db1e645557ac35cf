"""Key custody (钥匙托管): the register of keys per unit, lending and return with signatures
(one signature may cover several keys), overdue keys in one daily digest, and the monthly
cabinet count. A key's state is folded from its insert-only movements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.keys import (
    LendInput,
    Movement,
    check_lend,
    check_signature,
    compare_count,
    key_state,
)
from app.domain.reception import EntryInput
from app.services.reception.common import get_live, local_day, staff_names, tz_of, unit_labels
from app.services.reception.register import create_entry
from app.services.units import natural_id
from app.store.base import new_id
from app.store.db import Database
from app.store.reception_models import CustodyKey, KeyCount, KeyDigest, KeyMovement, Signature
from app.store.recorder import recorder


@dataclass(frozen=True)
class KeyRow:
    id: str
    unit_id: str
    unit: str
    tag: str
    description: str
    hook: str
    allowed_people: tuple[str, ...]
    valid_until: date | None
    state: str
    borrower: str
    borrower_kind: str
    expected_back: datetime | None

    def overdue(self, now: datetime) -> bool:
        return self.state == "lent" and self.expected_back is not None and now > self.expected_back


def _movements(s: Session, key_ids: list[str]) -> dict[str, list[Movement]]:
    out: dict[str, list[Movement]] = {}
    for start in range(0, len(key_ids), 500):
        for m in s.scalars(
            select(KeyMovement).where(KeyMovement.key_id.in_(key_ids[start : start + 500]))
        ):
            out.setdefault(m.key_id, []).append(
                Movement(m.id, m.key_id, m.kind, m.at, m.borrower, m.borrower_kind, m.expected_back)
            )
    return out


def _rows(s: Session, keys: list[CustodyKey]) -> list[KeyRow]:
    moves = _movements(s, [k.id for k in keys])
    labels = unit_labels(s, (k.unit_id for k in keys))
    out = []
    for k in keys:
        st = key_state(moves.get(k.id, []))
        out.append(
            KeyRow(
                k.id,
                k.unit_id,
                labels.get(k.unit_id, ("", ""))[0],
                k.tag,
                k.description,
                k.hook,
                tuple(k.allowed_people or ()),
                k.valid_until,
                st.state,
                st.borrower,
                st.borrower_kind,
                st.expected_back,
            )
        )
    return out


def register_key(
    db: Database,
    estate_id: str,
    unit_id: str,
    tag: str,
    staff_id: str,
    now: datetime,
    *,
    description: str = "",
    hook: str = "",
    undertaking_ref: str = "",
    allowed_people: list[str] | None = None,
    valid_until: date | None = None,
) -> KeyRow:
    """A key taken into custody with the owner's undertaking: it goes into the cabinet."""
    if not tag.strip():
        raise DomainError("key.tag_required")
    if not unit_id:
        raise DomainError("key.unit_required")
    with db.session() as s:
        taken = s.scalar(
            select(CustodyKey.id).where(
                CustodyKey.estate_id == estate_id, CustodyKey.tag == tag.strip(), CustodyKey.live()
            )
        )
        if taken:
            raise DomainError("key.tag_taken", tag=tag.strip())
        rec = recorder(s)
        key = rec.create(
            CustodyKey,
            estate_id=estate_id,
            unit_id=unit_id,
            tag=tag.strip(),
            description=description.strip(),
            hook=hook.strip(),
            undertaking_ref=undertaking_ref.strip(),
            allowed_people=[p.strip() for p in allowed_people or [] if p.strip()],
            valid_from=local_day(now, tz_of(s, estate_id)),
            valid_until=valid_until,
        )
        rec.create(
            KeyMovement,
            estate_id=estate_id,
            key_id=key.id,
            kind="deposited",
            at=now,
            actor_id=staff_id,
        )
        return _rows(s, [key])[0]


def list_keys(db: Database, estate_id: str, state: str = "", limit: int = 2000) -> list[KeyRow]:
    with db.session() as s:
        keys = list(
            s.scalars(
                select(CustodyKey)
                .where(CustodyKey.estate_id == estate_id, CustodyKey.live())
                .order_by(CustodyKey.tag)
                .limit(limit)
            )
        )
        rows = _rows(s, keys)
        return [r for r in rows if r.state == state] if state else rows


def _signature(s: Session, estate_id: str, signer: str, role: str, strokes, now) -> Signature:
    check_signature(strokes)
    return recorder(s).create(
        Signature,
        estate_id=estate_id,
        signer=signer.strip(),
        role=role,
        strokes=[
            [[round(float(x), 4), round(float(y), 4)] for x, y in stroke] for stroke in strokes
        ],
        signed_at=now,
    )


def lend_keys(
    db: Database,
    key_ids: list[str],
    data: LendInput,
    strokes: list,
    staff_id: str,
    now: datetime,
) -> list[KeyRow]:
    """Lend one or more keys to one borrower, who signs once for all of them."""
    if not key_ids:
        raise DomainError("key.none_chosen")
    with db.session() as s:
        keys = [get_live(s, CustodyKey, k, "key.gone") for k in key_ids]
        estate_id = keys[0].estate_id
        allowed = {p for k in keys for p in (k.allowed_people or [])}
        check_lend(data, allowed, now)
        today = local_day(now, tz_of(s, estate_id))
        for key, row in zip(keys, _rows(s, keys), strict=True):
            if row.state != "in_cabinet":
                raise DomainError("key.not_in_cabinet", tag=key.tag)
            if key.valid_until is not None and key.valid_until < today:
                raise DomainError("key.undertaking_expired", tag=key.tag)
        signature = _signature(s, estate_id, data.borrower, "borrower", strokes, now)
        batch = new_id()
        rec = recorder(s)
        for key in keys:
            rec.create(
                KeyMovement,
                estate_id=estate_id,
                key_id=key.id,
                kind="lent",
                at=now,
                actor_id=staff_id,
                borrower=data.borrower.strip(),
                borrower_kind=data.borrower_kind,
                id_check=data.id_check,
                owner_confirmed=data.owner_confirmed,
                site_lead=data.site_lead.strip(),
                purpose=data.purpose.strip(),
                expected_back=data.expected_back,
                signature_id=signature.id,
                batch=batch,
            )
        return _rows(s, keys)


@dataclass(frozen=True)
class ReturnResult:
    keys: tuple[KeyRow, ...]
    acceptance_entry_id: str | None  # a contractor's return opens the acceptance check


def return_keys(
    db: Database,
    key_ids: list[str],
    returned_by: str,
    strokes: list,
    staff_id: str,
    now: datetime,
) -> ReturnResult:
    """Keys brought back, countersigned: back in the cabinet. A contractor's return opens
    an item in the register for the acceptance check of the work, owned by the receiver."""
    if not key_ids:
        raise DomainError("key.none_chosen")
    with db.session() as s:
        keys = [get_live(s, CustodyKey, k, "key.gone") for k in key_ids]
        estate_id = keys[0].estate_id
        rows = _rows(s, keys)
        for key, row in zip(keys, rows, strict=True):
            if row.state != "lent":
                raise DomainError("key.not_lent", tag=key.tag)
        signature = _signature(s, estate_id, returned_by, "countersign", strokes, now)
        batch = new_id()
        for key in keys:
            recorder(s).create(
                KeyMovement,
                estate_id=estate_id,
                key_id=key.id,
                kind="back",
                at=now,
                actor_id=staff_id,
                borrower=returned_by.strip(),
                signature_id=signature.id,
                batch=batch,
            )
        entry_id = None
        contractor = [r for r in rows if r.borrower_kind == "contractor"]
        if contractor:
            tags = "、".join(r.tag for r in contractor)
            entry = create_entry(
                s,
                estate_id,
                EntryInput(
                    channel="in_person",
                    category="key",
                    caller_name=contractor[0].borrower,
                    unit_id=contractor[0].unit_id,
                    content=f"验收：施工方归还钥匙 {tags}，请验收施工内容",
                    open=True,
                    promised_at=now + timedelta(days=1),
                    referred_to="engineering",
                ),
                staff_id,
                now,
            )
            entry_id = entry.id
        return ReturnResult(tuple(_rows(s, keys)), entry_id)


def mark_key(db: Database, key_id: str, kind: str, staff_id: str, now: datetime, note: str = ""):
    """Returned to the owner (custody ends), lost, or found again."""
    if kind not in ("returned_to_owner", "lost", "found"):
        raise DomainError("key.movement_unknown")
    with db.session() as s:
        key = get_live(s, CustodyKey, key_id, "key.gone")
        state = _rows(s, [key])[0].state
        allowed = {
            "returned_to_owner": ("in_cabinet", "lent"),
            "lost": ("in_cabinet", "lent"),
            "found": ("lost",),
        }
        if state not in allowed[kind]:
            raise DomainError("key.movement_not_allowed", tag=key.tag)
        recorder(s).create(
            KeyMovement,
            estate_id=key.estate_id,
            key_id=key.id,
            kind=kind,
            at=now,
            actor_id=staff_id,
            note=note,
        )
        return _rows(s, [key])[0]


@dataclass(frozen=True)
class Digest:
    day: date
    keys: tuple[KeyRow, ...]
    new: bool  # made by this call (the day's first)


def overdue_digest(db: Database, estate_id: str, now: datetime) -> Digest:
    """The day's one digest of overdue keys: made once per day, the same list after."""
    with db.session() as s:
        day = local_day(now, tz_of(s, estate_id))
        digest_id = natural_id(estate_id, "key-digest", day.isoformat())
        existing = s.get(KeyDigest, digest_id)
        if existing is not None:
            keys = [s.get(CustodyKey, k) for k in existing.key_ids]
            return Digest(day, tuple(_rows(s, [k for k in keys if k is not None])), False)
        keys = list(
            s.scalars(
                select(CustodyKey).where(CustodyKey.estate_id == estate_id, CustodyKey.live())
            )
        )
        overdue = [r for r in _rows(s, keys) if r.overdue(now)]
        try:
            with s.begin_nested():  # another window may make the day's digest first
                recorder(s).create(
                    KeyDigest,
                    id=digest_id,
                    estate_id=estate_id,
                    day=day,
                    made_at=now,
                    key_ids=[r.id for r in overdue],
                )
        except IntegrityError:
            made = s.get(KeyDigest, digest_id)
            keys = [k for k in (s.get(CustodyKey, k) for k in made.key_ids) if k is not None]
            return Digest(day, tuple(_rows(s, keys)), False)
        return Digest(day, tuple(overdue), True)


@dataclass(frozen=True)
class CountRow:
    month: str
    counted_at: datetime
    counted_by_name: str
    matched: int
    missing: tuple[str, ...]  # tags
    unexpected: tuple[str, ...]  # tags


def record_count(
    db: Database, estate_id: str, present_ids: list[str], staff_id: str, now: datetime
) -> CountRow:
    """The monthly cabinet count: the keys found on the hooks against the register."""
    with db.session() as s:
        keys = list(
            s.scalars(
                select(CustodyKey).where(CustodyKey.estate_id == estate_id, CustodyKey.live())
            )
        )
        rows = _rows(s, keys)
        tags = {r.id: r.tag for r in rows}
        result = compare_count([r.id for r in rows if r.state == "in_cabinet"], present_ids)
        month = f"{local_day(now, tz_of(s, estate_id)):%Y-%m}"
        recorder(s).create(
            KeyCount,
            estate_id=estate_id,
            month=month,
            counted_at=now,
            counted_by=staff_id,
            present=sorted(present_ids),
            missing=list(result.missing),
            unexpected=list(result.unexpected),
        )
        return CountRow(
            month,
            now,
            staff_names(s).get(staff_id, ""),
            result.matched,
            tuple(tags.get(k, k) for k in result.missing),
            tuple(tags.get(k, k) for k in result.unexpected),
        )


def counts(db: Database, estate_id: str, limit: int = 24) -> list[CountRow]:
    with db.session() as s:
        tags = dict(
            s.execute(
                select(CustodyKey.id, CustodyKey.tag).where(CustodyKey.estate_id == estate_id)
            ).all()
        )
        names = staff_names(s)
        return [
            CountRow(
                c.month,
                c.counted_at,
                names.get(c.counted_by, ""),
                len(c.present) - len([k for k in c.present if k in c.unexpected]),
                tuple(tags.get(k, k) for k in c.missing),
                tuple(tags.get(k, k) for k in c.unexpected),
            )
            for c in s.scalars(
                select(KeyCount)
                .where(KeyCount.estate_id == estate_id)
                .order_by(KeyCount.counted_at.desc())
                .limit(limit)
            )
        ]


def count_due(db: Database, estate_id: str, now: datetime) -> bool:
    """Whether this month's cabinet count is still to do."""
    with db.session() as s:
        month = f"{local_day(now, tz_of(s, estate_id)):%Y-%m}"
        return (
            s.scalar(
                select(KeyCount.id).where(KeyCount.estate_id == estate_id, KeyCount.month == month)
            )
            is None
        )
