"""The unit list: filtering, search and paging in SQL, inside a caller's unit of work."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.units import mask_phone, normalise_search, unit_code, unit_short_code


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
