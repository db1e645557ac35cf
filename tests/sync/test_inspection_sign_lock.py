"""Signing locks, through the real server on loopback (`propdesk-server serve` in a
subprocess, SQLite and PostgreSQL).

Issue 14: "A change to its results arriving by sync after the signature is refused by the
server and kept as a conflict on the desk, not merged."

Desk A signs; desk B, offline with its unsigned copy, changes an answer and syncs: the
server refuses that change (B sets it aside and pushes the rest), B keeps it as a
conflict and shows the signed content again, and the signed content stays the same on
A, on B and on the server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.services.inspections import due, run, signing, templates
from app.services.inspections.common import Target
from app.store.db import Database
from app.store.inspection_models import Inspection, InspectionAnswer
from app.store.models import SyncConflict, SyncRejected
from sync.server import crud
from tests.e2e.conftest import ServerProcess, live_server  # noqa: F401
from tests.sync.conftest import pg_url, server_url  # noqa: F401
from tests.sync.loopback_desk import LoopbackDesk

pytestmark = pytest.mark.e2e
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
STROKES = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6], [0.4, 0.5]]]


def answer_everything(db: Database, inspection_id: str) -> None:
    for item in run.run_view(db, inspection_id).content.items():
        if item.type == "pass_fail":
            run.answer(db, inspection_id, item.id, "", NOW, value="pass")
        elif item.type == "number":
            run.answer(db, inspection_id, item.id, "", NOW, value="5")
        elif item.type == "choice":
            run.answer(db, inspection_id, item.id, "", NOW, value=item.options[0].id)


def answers(db_or_session, inspection_id: str) -> dict[str, tuple[str, str]]:
    query = select(InspectionAnswer).where(InspectionAnswer.inspection_id == inspection_id)
    if isinstance(db_or_session, Database):
        with db_or_session.session() as s:
            return {a.item_id: (a.value, a.note) for a in s.scalars(query)}
    return {a.item_id: (a.value, a.note) for a in db_or_session.scalars(query)}


def test_a_late_change_to_a_signed_inspection_is_refused_and_kept(live_server, tmp_path):  # noqa: F811
    server = live_server
    estate_name = "阳光花园"
    estate = server.admin("estates", "add", estate_name).split("\t")[1]
    a = LoopbackDesk(server, tmp_path / "a", estate_name)
    b = LoopbackDesk(server, tmp_path / "b", estate_name)
    with a.db.session() as s:
        templates.ensure_default_templates_in(s, estate, NOW)
    tpl = next(t for t in templates.list_templates(a.db, estate) if t.code == "quality.cleaning")
    iid = run.start(a.db, tpl.id, Target("area", "", "南区"), "", NOW)
    answer_everything(a.db, iid)
    a.sync()
    b.sync()  # B holds the walk unsigned, still in progress
    first = run.run_view(a.db, iid).content.items()[0].id
    assert answers(b.db, iid)[first] == ("pass", "")

    run.finalise(a.db, iid, "", NOW, a.blobs)
    assert signing.sign(a.db, iid, "inspector", "李工", STROKES, NOW, a.blobs) == "signed"
    a.sync()
    signed = answers(a.db, iid)

    # B, offline, changes an answer of its unsigned copy, and writes something else too
    run.answer(b.db, iid, first, "", NOW, value="fail", note="墙面污渍")
    other = run.start(b.db, tpl.id, Target("area", "", "北区"), "", NOW)
    report = b.sync()

    assert len(report.rejected) == 1 and "signed" in report.rejected[0][1]
    with b.db.session() as s:
        aside = s.scalars(select(SyncRejected)).one()
        assert aside.table_name == "inspection_answers" and aside.fields["value"] == "fail"
        lost = {
            c.field: c.lost_value
            for c in s.scalars(select(SyncConflict).where(SyncConflict.row_id == aside.row_id))
        }
        assert lost == {"value": "fail", "note": "墙面污渍"}  # kept, visibly, not merged
    assert answers(b.db, iid) == signed
    assert signing.verify_signed(b.db, iid)
    [listed] = [r for r in due.list_inspections(b.db, estate) if r.id == iid]
    assert listed.kept_aside == 2  # shown on the inspection: the refused change, the conflict

    b.sync()  # B's write-back of the signed values is taken; the rest of B's work went up
    a.sync()
    assert answers(a.db, iid) == signed and signing.verify_signed(a.db, iid)
    assert run.run_view(a.db, other).header.target_label == "北区"
    from sync.server.db import make_engine

    engine = make_engine(server.db_url)
    try:
        with crud.new_session(engine) as s:
            assert answers(s, iid) == signed
            row = s.get(Inspection, iid)
            assert row.status == "signed" and row.content_hash == signed_hash(a.db, iid)
    finally:
        engine.dispose()


def signed_hash(db: Database, inspection_id: str) -> str:
    with db.session() as s:
        return s.get(Inspection, inspection_id).content_hash
