"""Reception rows travel through the real sync server (on loopback, SQLite and PostgreSQL):
two desks converge on the register, a work order's derived clock, keys with signatures and
visitors; an open item taken at one desk is closed at the other."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.keys import LendInput
from app.domain.reception import EntryInput, VisitorInput
from app.domain.units import UnitInput
from app.services.reception import keys, queries, register, visitors, workorders
from app.services.units import add_resident, create_unit
from app.store.db import Database
from tests.e2e.conftest import ServerProcess, live_server, propdesk  # noqa: F401
from tests.sync.conftest import pg_url, server_url  # noqa: F401

pytestmark = pytest.mark.e2e
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
SIGN = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6], [0.4, 0.5]]]


def _enroll(server: ServerProcess, db, estate: str) -> None:
    code = server.admin("enroll-code", "--estate", estate)
    done = propdesk(db, "enroll", "--server", server.url, "--code", code, "--name", db.parent.name)
    assert done.returncode == 0, done.stderr


def _sync(db) -> str:
    done = propdesk(db, "sync")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_two_desks_converge_on_reception(live_server, tmp_path):  # noqa: F811
    server = live_server
    estate_id = server.admin("estates", "add", "阳光花园").split("\t")[1]
    a_path, b_path = tmp_path / "a" / "desk.sqlite3", tmp_path / "b" / "desk.sqlite3"
    a_path.parent.mkdir(), b_path.parent.mkdir()
    a = Database(a_path)
    with a.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.5")
        )
        add_resident(s, unit, name="张伟", phone="13800138000")
        unit_id = unit.id
    item = register.save_entry(
        a,
        estate_id,
        EntryInput(
            content="房产证进度？",
            open=True,
            promised_at=NOW + timedelta(hours=3),
            referred_to="estate_office",
        ),
        "desk-a",
        NOW,
    )
    order = workorders.open_order(
        a,
        estate_id,
        workorders.WorkOrderInput(content="水龙头漏水", category="plumbing", unit_id=unit_id),
        "desk-a",
        NOW,
        "w1",
    )
    workorders.act(a, order, "start", "w1", NOW + timedelta(minutes=10))
    workorders.act(a, order, "pause", "w1", NOW + timedelta(hours=1), "等配件", {"reason": "parts"})
    key = keys.register_key(a, estate_id, unit_id, "K-0001", "desk-a", NOW)
    keys.lend_keys(
        a,
        [key.id],
        LendInput("张伟", "owner", "id_card", "取物", NOW + timedelta(hours=2)),
        SIGN,
        "desk-a",
        NOW + timedelta(minutes=5),
    )
    visitors.check_in(
        a,
        estate_id,
        VisitorInput(name="刘洋", id_number="440301199001011234", purpose="探亲"),
        "desk-a",
        NOW,
    )
    a_state = queries.read_order(a, order).state
    a.close()
    _enroll(server, a_path, "阳光花园")
    _sync(a_path)
    _enroll(server, b_path, "阳光花园")
    _sync(b_path)

    b = Database(b_path)
    assert queries.read_order(b, order).state == a_state  # the same clock from the same events
    assert [r.status for r in queries.list_orders(b, estate_id, "open", NOW)] == ["waiting_parts"]
    assert [(k.tag, k.state, k.borrower) for k in keys.list_keys(b, estate_id)] == [
        ("K-0001", "lent", "张伟")
    ]
    assert [v.name for v in visitors.still_in(b, estate_id, NOW + timedelta(hours=1))] == ["刘洋"]
    assert [r.id for r in register.open_items(b, estate_id, "desk-a")] == [item.id]
    register.close_item(b, item.id, "desk-b", "下周可领取", NOW + timedelta(hours=2))
    b.close()
    _sync(b_path)
    _sync(a_path)
    a = Database(a_path)
    try:
        assert register.open_items(a, estate_id, "desk-a") == []
        closed = register.read_entry(a, item.id)
        assert closed.answer == "下周可领取" and closed.closed_at == NOW + timedelta(hours=2)
    finally:
        a.close()
