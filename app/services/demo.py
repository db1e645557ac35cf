"""Demo data: a realistic estate of buildings, units and residents, written as real synced rows.

Used by `propdesk demo`, by the first start of an empty database, and by the benchmarks.
Other areas add their own demo rows (complaints, fees...) by appending to ``EXTRA_STEPS``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.progress import Progress
from app.services.complaint_demo import add_demo_complaints
from app.services.fees.bill_conflicts import add_demo_bill_conflict
from app.services.fees.demo import fill_fee_demo
from app.services.inspections.demo import add_inspection_demo
from app.services.reception.demo import add_reception_demo
from app.services.units.records import building_sort_key, unit_id_for
from app.store.base import new_id
from app.store.db import mark_changed
from app.store.ids import natural_id
from app.store.models import Building, Resident, Unit
from app.store.recorder import bulk_create
from app.store.unit_search import search_index_deferred

if TYPE_CHECKING:
    from app.store.db import Database

# Each step runs once the units and residents exist: (session, estate_id, rng).
EXTRA_STEPS: list[Callable[[Session, str, random.Random], None]] = []
EXTRA_STEPS.append(add_demo_complaints)
EXTRA_STEPS.append(fill_fee_demo)
EXTRA_STEPS.append(add_demo_bill_conflict)  # two desks' copies of one bill
EXTRA_STEPS.append(add_reception_demo)
EXTRA_STEPS.append(add_inspection_demo)

# The most common surnames, weighted roughly by how often they occur.
_SURNAMES = (
    "王" * 8
    + "李" * 8
    + "张" * 7
    + "刘" * 6
    + "陈" * 5
    + "杨" * 4
    + "黄" * 3
    + "赵" * 3
    + "吴" * 2
    + "周" * 2
    + "徐" * 2
    + "孙" * 2
    + "马" * 2
    + "朱" * 2
    + "胡" * 2
    + "郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文斌晓东海燕"
    "红梅玉兰秀珍春梅丹丹子涵浩然梓萱欣怡宇轩一诺雨桐博文思远嘉怡俊杰佳琪晨曦凯瑞"
    "德明国庆淑珍宏伟立新永刚秀云玉梅桂芳丽娟亚楠婷婷鹏飞志明晓燕慧敏"
)
_MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "170",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "193",
    "198",
    "199",
]

_BATCH = 5000


def demo_name(rng: random.Random) -> str:
    given = rng.choice(_GIVEN)
    if rng.random() < 0.55:
        given += rng.choice(_GIVEN)
    return rng.choice(_SURNAMES) + given


def demo_phone(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def _area(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low * 100, high * 100 + 1)) / 100


def write_demo(
    db: Database, estate_id: str, *, units: int, seed: int = 0, progress: Progress | None = None
) -> None:
    """Operation: ``fill_demo`` in a unit of work of its own (cancellable between batches)."""
    with db.session() as session:
        fill_demo(session, estate_id, units=units, seed=seed, progress=progress)


def fill_demo(
    session: Session,
    estate_id: str,
    *,
    units: int,
    seed: int = 0,
    progress: Progress | None = None,
) -> None:
    """Add ``units`` units with owners (some co-owners, tenants, family) to the estate.

    Deterministic for a seed. Buildings are numbered after the estate's existing ones, so
    calling it twice adds more buildings rather than clashing with the first batch.
    ``progress`` hears of each batch written and may cancel between them.
    """
    progress = progress or Progress()
    rng = random.Random(seed)
    first_number = _next_building_number(session, estate_id)
    buildings: list[dict] = []
    unit_rows: list[dict] = []
    resident_rows: list[dict] = []
    today = date.today()
    number = first_number
    made = 0
    while made < units:
        name = f"{number}栋"
        building_id = natural_id(estate_id, "building", name)
        buildings.append(
            {
                "id": building_id,
                "estate_id": estate_id,
                "name": name,
                "sort_key": building_sort_key(name),
            }
        )
        entrances = rng.randint(2, 4)
        floors = rng.randint(18, 33)
        per_floor = rng.randint(2, 4)
        handover = today - timedelta(days=rng.randint(200, 12 * 365))
        layout = [_area(rng, 60, 145) for _ in range(per_floor)]  # the same plan on every floor
        shops_floors = 2 if rng.random() < 0.6 else 0  # 商铺 on the ground floors
        for entrance in range(1, entrances + 1):
            for floor in range(1, floors + 1):
                for position in range(1, per_floor + 1):
                    if made >= units:
                        break
                    made += 1
                    room = f"{floor}{position:02d}"
                    commercial = floor <= shops_floors
                    area = _area(rng, 40, 250) if commercial else layout[position - 1]
                    if not commercial and rng.random() < 0.15:
                        area = _area(rng, 40, 250)  # merged or top-floor flats differ
                    vacant_since = None
                    approved = False
                    if rng.random() < 0.08:
                        vacant_since = handover + timedelta(days=rng.randint(0, 600))
                        vacant_since = min(vacant_since, today)
                        approved = rng.random() < 0.4
                    unit_id = unit_id_for(estate_id, name, str(entrance), room)
                    unit_rows.append(
                        {
                            "id": unit_id,
                            "estate_id": estate_id,
                            "building_id": building_id,
                            "entrance": str(entrance),
                            "room": room,
                            "floor": floor,
                            "area_m2": area,
                            "kind": "commercial" if commercial else "residential",
                            "handover_date": handover + timedelta(days=rng.randint(0, 90)),
                            "vacant_since": vacant_since,
                            "vacancy_approved": approved,
                        }
                    )
                    resident_rows.extend(_residents(rng, estate_id, unit_id, vacant_since))
        number += 1

    steps = len(unit_rows) + len(resident_rows) + len(EXTRA_STEPS) * _BATCH
    done = 0
    with search_index_deferred(session):
        bulk_create(session, Building, buildings)
        mark_changed(session, "buildings", [b["id"] for b in buildings])
        for model, rows in ((Unit, unit_rows), (Resident, resident_rows)):
            for start in range(0, len(rows), _BATCH):
                progress.step(done, steps)
                batch = rows[start : start + _BATCH]
                bulk_create(session, model, batch)
                mark_changed(session, model.__tablename__, [r["id"] for r in batch])
                done += len(batch)
    for step in EXTRA_STEPS:
        progress.step(done, steps)
        step(session, estate_id, rng)
        done += _BATCH
    progress.step(steps, steps)


def _residents(rng: random.Random, estate_id: str, unit_id: str, vacant_since) -> list[dict]:
    owner = demo_name(rng)
    people = [("owner", owner)]
    if rng.random() < 0.2:
        people.append(("co_owner", owner[0] if rng.random() < 0.3 else ""))
    if vacant_since is None:
        if rng.random() < 0.1:
            people.append(("tenant", ""))
        elif rng.random() < 0.15:
            people.append(("family", owner[0]))
    rows = []
    for role, surname in people:
        name = (surname + demo_name(rng)[1:]) if surname else demo_name(rng)
        rows.append(
            {
                "id": new_id(),
                "estate_id": estate_id,
                "unit_id": unit_id,
                "role": role,
                "name": owner if role == "owner" else name,
                "phone": demo_phone(rng) if role != "family" or rng.random() < 0.5 else "",
                "id_number": _id_number(rng) if role in ("owner", "co_owner") else "",
                "note": "",
            }
        )
    return rows


def _id_number(rng: random.Random) -> str:
    """An 18-character resident ID number (shape only; never a real person's)."""
    born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 50 * 365))
    body = f"44030{rng.randint(0, 9)}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + rng.choice("0123456789X")


def _next_building_number(session: Session, estate_id: str) -> int:
    keys = session.scalars(
        select(Building.sort_key).where(
            Building.estate_id == estate_id, Building.sort_key < 1_000_000
        )
    ).all()
    return max(keys, default=0) + 1
