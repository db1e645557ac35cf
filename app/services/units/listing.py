"""Estates, buildings, units and residents: browsing, search and every write."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import uuid_utils
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.domain.units import (
    UnitInput,
    UnitValues,
    ValidationError,
    building_short,
    mask_phone,
    normalise_search,
    unit_code,
    unit_short_code,
    validate_resident,
    validate_unit,
)
from app.store.models import Building, Estate, Resident, Unit
from app.store.recorder import recorder

# Deterministic ids (DESIGN.md "Data rules"): two offices that register the same building or
# room independently make the same row, so sync merges it instead of duplicating it.
_NAMESPACE = uuid_utils.UUID("6f1c1d1e-8f43-4d0e-9c1a-5f2b6b1f0a11")


def natural_id(*parts: str) -> str:
    """uuid5 of the parts; uuid_utils' uuid5 gives the standard library's ids 7x faster
    (a billing run makes one per bill line)."""
    return str(uuid_utils.uuid5(_NAMESPACE, "\x1f".join(parts)))


def building_sort_key(name: str) -> int:
    """Buildings list in numeric order: "2栋" before "10栋"; named ones ("A座") last."""
    digits = re.match(r"\d+", building_short(name))
    return int(digits.group()) if digits else 1_000_000


# ---- estates and buildings ----


def list_estates(session: Session) -> list[Estate]:
    return list(session.scalars(select(Estate).where(Estate.live()).order_by(Estate.name)))


def find_estate(session: Session, name: str) -> Estate | None:
    return session.scalar(select(Estate).where(Estate.name == name, Estate.live()))


def create_estate(session: Session, name: str) -> Estate:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Estate name is required"})
    existing = find_estate(session, name)
    if existing is not None:
        return existing
    estate_id = natural_id("estate", name)
    return recorder(session).create(Estate, id=estate_id, estate_id=estate_id, name=name)


def ensure_building(session: Session, estate_id: str, name: str) -> Building:
    building_id = natural_id(estate_id, "building", name)
    building = session.get(Building, building_id)
    if building is None:
        building = recorder(session).create(
            Building,
            id=building_id,
            estate_id=estate_id,
            name=name,
            sort_key=building_sort_key(name),
        )
    elif building.deleted:
        recorder(session).update(building, deleted=False)
    return building


@dataclass
class BuildingNode:
    id: str
    name: str
    entrances: list[str]
    unit_count: int


def building_tree(session: Session, estate_id: str) -> list[BuildingNode]:
    """Buildings of an estate with their entrances (单元) and unit counts."""
    buildings = session.execute(
        select(Building.id, Building.name)
        .where(Building.estate_id == estate_id, Building.live())
        .order_by(Building.sort_key, Building.name)
    ).all()
    # Counted per building on the units' own index (no join, no temporary sort): this
    # query decides how fast the units page opens on a 100,000-unit estate.
    live_buildings = (
        select(Building.id)
        .where(Building.estate_id == estate_id, Building.live())
        .scalar_subquery()
    )
    counts = session.execute(
        select(Unit.building_id, Unit.entrance, func.count())
        .where(Unit.building_id.in_(live_buildings), Unit.live())
        .group_by(Unit.building_id, Unit.entrance)
    ).all()
    nodes = {b.id: BuildingNode(b.id, b.name, [], 0) for b in buildings}
    for building_id, entrance, count in counts:
        node = nodes[building_id]
        if entrance:
            node.entrances.append(entrance)
        node.unit_count += count
    for node in nodes.values():
        node.entrances.sort(key=lambda e: (len(e), e))  # "2" before "10"
    return [node for node in nodes.values() if node.unit_count]


# ---- units ----


def unit_id_for(estate_id: str, building: str, entrance: str, room: str) -> str:
    return natural_id(estate_id, "unit", building, entrance, room)


def create_unit(session: Session, estate_id: str, data: UnitInput) -> Unit:
    values = validate_unit(data)
    unit_id = unit_id_for(estate_id, values.building, values.entrance, values.room)
    existing = session.get(Unit, unit_id)
    if existing is not None and not existing.deleted:
        raise ValidationError(
            {"room": f"{unit_code(values.building, values.entrance, values.room)} already exists"}
        )
    building = ensure_building(session, estate_id, values.building)
    fields = unit_fields(values, building.id)
    if existing is not None:  # re-create over a tombstone: revive the same row
        recorder(session).update(existing, deleted=False, **fields)
        return existing
    return recorder(session).create(Unit, id=unit_id, estate_id=estate_id, **fields)


def unit_fields(values: UnitValues, building_id: str) -> dict:
    return {
        "building_id": building_id,
        "entrance": values.entrance,
        "room": values.room,
        "floor": values.floor,
        "area_m2": values.area_m2,
        "kind": values.kind,
        "handover_date": values.handover_date,
        "vacant_since": values.vacant_since,
        "vacancy_approved": values.vacancy_approved,
    }


def update_unit(session: Session, unit: Unit, data: UnitInput) -> list[str]:
    values = validate_unit(data)
    building = ensure_building(session, unit.estate_id, values.building)
    return recorder(session).update(unit, **unit_fields(values, building.id))


def delete_unit(session: Session, unit: Unit) -> None:
    rec = recorder(session)
    for resident in residents_of(session, unit.id):
        rec.delete(resident)
    rec.delete(unit)


def unit_input(session: Session, unit: Unit) -> UnitInput:
    """A unit as form text, for editing."""
    building = session.get(Building, unit.building_id)
    return UnitInput(
        building=building.name if building else "",
        entrance=unit.entrance,
        room=unit.room,
        floor="" if unit.floor is None else str(unit.floor),
        area_m2=f"{unit.area_m2:.2f}",
        kind=unit.kind,
        handover_date=unit.handover_date.isoformat() if unit.handover_date else "",
        vacant_since=unit.vacant_since.isoformat() if unit.vacant_since else "",
        vacancy_approved=unit.vacancy_approved,
    )


# ---- residents ----


def residents_of(session: Session, unit_id: str) -> list[Resident]:
    order = {"owner": 0, "co_owner": 1, "tenant": 2, "family": 3}
    rows = session.scalars(select(Resident).where(Resident.unit_id == unit_id, Resident.live()))
    return sorted(rows, key=lambda r: (order.get(r.role, 9), r.name))


def add_resident(
    session: Session,
    unit: Unit,
    *,
    name: str,
    phone: str = "",
    role: str = "owner",
    id_number: str = "",
    note: str = "",
) -> Resident:
    errors = validate_resident(name, phone, role, id_number)
    if errors:
        raise ValidationError(errors)
    return recorder(session).create(
        Resident,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        name=name.strip(),
        phone=phone.strip(),
        role=role,
        id_number=id_number.strip(),
        note=note,
    )


def update_resident(session: Session, resident: Resident, **values: str) -> list[str]:
    merged = {
        k: values.get(k, getattr(resident, k)) for k in ("name", "phone", "role", "id_number")
    }
    errors = validate_resident(**merged)
    if errors:
        raise ValidationError(errors)
    cleaned = {k: v.strip() if isinstance(v, str) and k != "note" else v for k, v in values.items()}
    return recorder(session).update(resident, **cleaned)


def delete_resident(session: Session, resident: Resident) -> None:
    recorder(session).delete(resident)


# ---- the unit list: filtering and paging in SQL ----


@dataclass(frozen=True)
class UnitQuery:
    estate_id: str
    building_id: str | None = None
    entrance: str | None = None
    text: str = ""


@dataclass(frozen=True)
class UnitRow:
    id: str
    code: str
    short_code: str
    floor: int | None
    area_m2: Decimal
    kind: str
    owner: str
    phone_masked: str
    vacant: bool


_CODE_TERM = re.compile(r"^[0-9A-Za-z]+(?:-[0-9A-Za-z]*)+$")
_BUILDING_SUFFIXES = ("", "栋", "号楼", "幢", "座")


def _phrase(text_: str) -> str:
    return '"' + text_.replace('"', '""') + '"'


def _word_hits(word: str, name: str) -> tuple[str, dict]:
    """A SELECT of the unit rowids that one search word finds; parameters prefixed ``name``.

    The index is FTS5 trigram over "building entrance room short-codes names phones", every
    token preceded by a space. Trigram needs three characters, so shorter words borrow the
    space: a two-character word matches the start or the end of a token ("张伟", "晓东" in
    王晓东), and one character is a surname (residents' names by prefix, on an index) or a
    building number. A room code matches from the start of a code ("3-15" finds 3-1502, not
    13-1502).
    """
    fts = f"SELECT rowid FROM unit_search WHERE unit_search MATCH :{name}"
    if _CODE_TERM.match(word):
        return fts, {name: _phrase(" " + word)}
    if len(word) >= 3:
        return fts, {name: _phrase(word)}
    if len(word) == 2:
        return fts, {name: f"{_phrase(' ' + word)} OR {_phrase(word + ' ')}"}
    if word.isascii():
        names = {f"{name}_{i}": word + suffix for i, suffix in enumerate(_BUILDING_SUFFIXES)}
        listed = ", ".join(f":{key}" for key in names)
        return (
            "SELECT x.rowid FROM buildings xb JOIN units x ON x.building_id = xb.id"
            f" WHERE xb.estate_id = :estate AND xb.name IN ({listed})",
            names,
        )
    return (
        "SELECT x.rowid FROM units x WHERE x.id IN (SELECT unit_id FROM residents"
        " WHERE deleted = 0 AND estate_id = :estate"
        f" AND name >= :{name}_lo AND name < :{name}_hi)",
        {f"{name}_lo": word, f"{name}_hi": chr(ord(word) + 1)},
    )


def _hits(raw: str) -> tuple[str, dict]:
    """``WITH hits(rid) AS (...)`` for the search text (every word must match), or ""."""
    words = normalise_search(raw).split()
    selects, params = [], {}
    for i, word in enumerate(words[:5]):
        select_, extra = _word_hits(word, f"w{i}")
        selects.append(select_)
        params.update(extra)
    if not selects:
        return "", {}
    return f"WITH hits(rid) AS MATERIALIZED ({' INTERSECT '.join(selects)})", params


def _filters(query: UnitQuery) -> tuple[str, dict]:
    clauses = ["u.deleted = 0"]
    params: dict = {"estate": query.estate_id}
    if query.building_id:
        clauses.append("u.building_id = :building")
        params["building"] = query.building_id
    if query.entrance is not None:
        clauses.append("u.entrance = :entrance")
        params["entrance"] = query.entrance
    return " AND ".join(clauses), params


def _matching(query: UnitQuery, for_page: bool = False) -> tuple[str, str, dict]:
    """(WITH clause, "FROM ... WHERE ..." over units u and buildings b, parameters).

    With search text the matches drive the query (CROSS JOIN keeps them the outer loop);
    without it, buildings in order are the outer loop (ix_buildings_order) and each
    building's live units are walked in ix_units_order, so the estate is never sorted whole.
    """
    where, params = _filters(query)
    with_, extra = _hits(query.text)
    params.update(extra)
    words = normalise_search(query.text).split()
    if for_page and len(words) == 1 and len(words[0]) == 1 and not words[0].isascii():
        # a surname matches thousands of units: walking the list order and keeping the
        # matches finds a page sooner than sorting every match
        source = (
            "buildings b CROSS JOIN units u ON u.building_id = b.id"
            f" WHERE b.estate_id = :estate AND {where} AND u.id IN (SELECT unit_id"
            " FROM residents WHERE deleted = 0 AND estate_id = :estate"
            " AND name >= :w0_lo AND name < :w0_hi)"
        )
        return "", source, params
    elif with_:
        source = (
            "hits CROSS JOIN units u ON u.rowid = hits.rid"
            " JOIN buildings b ON b.id = u.building_id"
            f" WHERE u.estate_id = :estate AND {where}"
        )
    else:
        source = (
            "buildings b CROSS JOIN units u ON u.building_id = b.id"
            f" WHERE b.estate_id = :estate AND {where}"
        )
    return with_, source, params


def count_units(session: Session, query: UnitQuery) -> int:
    with_, source, params = _matching(query)
    words = normalise_search(query.text).split()
    if (
        len(words) == 1
        and len(words[0]) == 1
        and not words[0].isascii()
        and not query.building_id
        and query.entrance is None
    ):
        # a surname: count on the residents' covering index alone (deleting a unit
        # tombstones its residents, so live residents belong to live units)
        return session.execute(
            text(
                "SELECT count(DISTINCT unit_id) FROM residents WHERE deleted = 0"
                " AND name >= :w0_lo AND name < :w0_hi AND estate_id = :estate"
            ),
            params,
        ).scalar_one()
    if not with_ and not query.building_id and query.entrance is None:
        source = "units u WHERE u.estate_id = :estate AND u.deleted = 0"  # ix_units_live only
    return session.execute(text(f"{with_} SELECT count(*) FROM {source}"), params).scalar_one()


_ORDER = "b.sort_key, b.name, b.id, u.entrance, length(u.room), u.room"


def page_units(session: Session, query: UnitQuery, offset: int, limit: int) -> list[UnitRow]:
    """One page of the list, ordered by building (numeric), entrance, room."""
    with_, source, params = _matching(query, for_page=True)
    # pick the page's rowids on the indexes alone, then read the columns of those rows only
    sql = f"""
        {with_}
        SELECT u.id, b.name, u.entrance, u.room, u.floor, u.area_m2, u.kind, u.vacant_since,
               (SELECT r.name || char(31) || r.phone FROM residents r
                 WHERE r.unit_id = u.id AND r.deleted = 0 AND r.role = 'owner'
                 ORDER BY r.name LIMIT 1) AS owner
        FROM (SELECT rid, row_number() OVER () AS n FROM (
                SELECT u.rowid AS rid FROM {source} ORDER BY {_ORDER}
                LIMIT :limit OFFSET :offset)) page
        JOIN units u ON u.rowid = page.rid JOIN buildings b ON b.id = u.building_id
        ORDER BY page.n
    """
    rows = session.execute(text(sql), {**params, "limit": limit, "offset": offset}).all()
    result = []
    for uid, bname, entrance, room, floor, area_hundredths, kind, vacant_since, owner in rows:
        owner_name, _, phone = (owner or "").partition("\x1f")
        result.append(
            UnitRow(
                id=uid,
                code=unit_code(bname, entrance, room),
                short_code=unit_short_code(bname, entrance, room),
                floor=floor,
                area_m2=(Decimal(area_hundredths) / 100).quantize(Decimal("0.01")),
                kind=kind,
                owner=owner_name,
                phone_masked=mask_phone(phone),
                vacant=vacant_since is not None,
            )
        )
    return result
