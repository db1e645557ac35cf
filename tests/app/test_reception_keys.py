"""Keys: who may borrow, lending and return with signatures (one for several keys),
the daily overdue digest, a contractor's return, the monthly count; visitors and slips;
every reception table is synced and its writes reach the outbox."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.domain.errors import DomainError, FieldErrors
from app.domain.keys import LendInput
from app.domain.reception import SlipInput, VisitorInput
from app.domain.units import UnitInput
from app.services.reception import keys, register, visitors
from app.services.units import create_unit
from app.store.base import SYNCED_TABLES
from app.store.models import SyncOutbox
from app.store.reception_models import KeyMovement, Signature

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=SH).astimezone(UTC)
SIGN = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6], [0.4, 0.5]]]


@pytest.fixture
def unit_id(db, estate_id):
    with db.session() as s:
        return create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.5")
        ).id


@pytest.fixture
def two_keys(db, estate_id, unit_id):
    a = keys.register_key(
        db, estate_id, unit_id, "K-001", "desk", NOW, description="入户门", allowed_people=["李四"]
    )
    b = keys.register_key(db, estate_id, unit_id, "K-002", "desk", NOW, description="信箱")
    return a.id, b.id


def lend(**values):
    values.setdefault("borrower", "张伟")
    values.setdefault("borrower_kind", "owner")
    values.setdefault("id_check", "id_card")
    values.setdefault("purpose", "取物")
    values.setdefault("expected_back", NOW + timedelta(hours=4))
    return LendInput(**values)


def test_two_keys_lent_with_one_signature_and_returned_countersigned(db, estate_id, two_keys):
    lent = keys.lend_keys(db, list(two_keys), lend(), SIGN, "desk", NOW)
    assert [k.state for k in lent] == ["lent", "lent"]
    with db.session() as s:
        moves = s.scalars(select(KeyMovement).where(KeyMovement.kind == "lent")).all()
        assert len({m.signature_id for m in moves}) == 1 and len({m.batch for m in moves}) == 1
        assert s.get(Signature, moves[0].signature_id).signer == "张伟"
    with pytest.raises(DomainError) as again:
        keys.lend_keys(db, [two_keys[0]], lend(), SIGN, "desk", NOW)
    assert again.value.code == "key.not_in_cabinet"
    with pytest.raises(DomainError):
        keys.return_keys(db, list(two_keys), "张伟", [], "desk", NOW + timedelta(hours=1))
    back = keys.return_keys(db, list(two_keys), "张伟", SIGN, "desk", NOW + timedelta(hours=1))
    assert [k.state for k in back.keys] == [
        "in_cabinet",
        "in_cabinet",
    ] and back.acceptance_entry_id is None
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Signature)) == 2


def test_who_may_borrow(db, estate_id, two_keys):
    with pytest.raises(FieldErrors) as stranger:
        keys.lend_keys(
            db, [two_keys[0]], lend(borrower="王五", borrower_kind="authorised"), SIGN, "desk", NOW
        )
    assert set(stranger.value.errors) == {"borrower", "owner_confirmed"}
    keys.lend_keys(
        db,
        [two_keys[0]],
        lend(
            borrower="李四", borrower_kind="authorised", owner_confirmed=True, id_check="owner_call"
        ),
        SIGN,
        "desk",
        NOW,
    )
    with pytest.raises(FieldErrors) as contractor:
        keys.lend_keys(
            db,
            [two_keys[1]],
            lend(
                borrower="装修队",
                borrower_kind="contractor",
                expected_back=NOW - timedelta(minutes=1),
            ),
            SIGN,
            "desk",
            NOW,
        )
    assert set(contractor.value.errors) == {"site_lead", "expected_back"}


def test_contractor_return_opens_the_acceptance_check(db, estate_id, two_keys):
    keys.lend_keys(
        db,
        [two_keys[0]],
        lend(borrower="装修队", borrower_kind="contractor", site_lead="工长刘"),
        SIGN,
        "desk",
        NOW,
    )
    back = keys.return_keys(db, [two_keys[0]], "工长刘", SIGN, "desk2", NOW + timedelta(hours=2))
    assert back.acceptance_entry_id is not None
    items = register.open_items(db, estate_id, "desk2")
    assert [i.id for i in items] == [back.acceptance_entry_id] and "验收" in items[0].content


def test_overdue_key_listed_once_a_day_in_one_digest(db, estate_id, two_keys):
    keys.lend_keys(
        db, [two_keys[0]], lend(expected_back=NOW + timedelta(hours=2)), SIGN, "desk", NOW
    )
    keys.lend_keys(
        db, [two_keys[1]], lend(expected_back=NOW + timedelta(hours=10)), SIGN, "desk", NOW
    )
    later = NOW + timedelta(hours=3)
    digest = keys.overdue_digest(db, estate_id, later)
    assert (
        digest.new and [k.tag for k in digest.keys] == ["K-001"] and digest.day == date(2026, 12, 1)
    )
    again = keys.overdue_digest(db, estate_id, later + timedelta(hours=1))
    assert not again.new and [k.tag for k in again.keys] == ["K-001"]  # one digest a day
    tomorrow = keys.overdue_digest(db, estate_id, NOW + timedelta(days=1))
    assert tomorrow.new and [k.tag for k in tomorrow.keys] == ["K-001", "K-002"]


def test_monthly_count_against_the_register(db, estate_id, two_keys, unit_id):
    third = keys.register_key(db, estate_id, unit_id, "K-003", "desk", NOW)
    keys.lend_keys(db, [two_keys[1]], lend(), SIGN, "desk", NOW)
    keys.mark_key(db, third.id, "lost", "desk", NOW, "遗失")
    assert keys.count_due(db, estate_id, NOW)
    result = keys.record_count(db, estate_id, [two_keys[1]], "desk", NOW + timedelta(hours=1))
    assert result.missing == ("K-001",) and result.unexpected == ("K-002",) and result.matched == 0
    assert not keys.count_due(db, estate_id, NOW)
    assert keys.counts(db, estate_id)[0].missing == ("K-001",)
    with pytest.raises(DomainError):
        keys.register_key(db, estate_id, unit_id, "K-001", "desk", NOW)


def test_visitors_checked_in_and_out_with_masked_id(db, estate_id, unit_id):
    with pytest.raises(FieldErrors) as bad:
        visitors.check_in(
            db, estate_id, VisitorInput(name="", id_number="123", plate="XX"), "desk", NOW
        )
    assert set(bad.value.errors) == {"name", "id_number", "purpose", "plate"}
    v = visitors.check_in(
        db,
        estate_id,
        VisitorInput(
            name="刘洋",
            id_number="440301199001011234",
            unit_id=unit_id,
            purpose="探亲",
            plate="粤B12345",
        ),
        "desk",
        NOW,
    )
    assert v.id_masked == "4403**********1234" and v.unit == "3栋 2单元 1502"
    closing = datetime(2026, 12, 1, 17, 30, tzinfo=SH).astimezone(UTC)
    assert visitors.past_closing(db, estate_id, closing)
    assert [x.name for x in visitors.still_in(db, estate_id, closing)] == ["刘洋"]
    visitors.check_out(db, v.id, closing - timedelta(minutes=5))
    assert visitors.still_in(db, estate_id, closing) == []
    with pytest.raises(DomainError):
        visitors.check_out(db, v.id, closing)
    assert [x.id for x in visitors.visitors_of_day(db, estate_id, date(2026, 12, 1))] == [v.id]


def test_release_slip(db, estate_id, unit_id):
    with pytest.raises(FieldErrors):
        visitors.issue_slip(db, estate_id, SlipInput(None, "", ""), "desk", NOW)
    slip = visitors.issue_slip(
        db, estate_id, SlipInput(unit_id, "旧沙发一套", "搬家公司王师傅", "保安李"), "desk", NOW
    )
    assert slip.number.startswith("FX261201-")
    assert [s.id for s in visitors.slips(db, estate_id)] == [slip.id]


def test_every_reception_table_is_synced_through_the_outbox(db, estate_id, two_keys):
    import app.store.all_models  # noqa: F401

    names = {
        "reception_entries",
        "work_log_days",
        "building_notices",
        "work_orders",
        "work_order_events",
        "visitors",
        "release_slips",
        "custody_keys",
        "key_movements",
        "signatures",
        "key_counts",
        "key_digests",
    }
    assert names <= set(SYNCED_TABLES)
    assert SYNCED_TABLES["key_movements"].sync_kind == "log"
    assert SYNCED_TABLES["work_order_events"].sync_kind == "log"
    with db.session() as s:
        tables = set(s.scalars(select(SyncOutbox.table_name)))
    assert {"custody_keys", "key_movements"} <= tables
