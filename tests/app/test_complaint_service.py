"""Complaint services on a real SQLite database: intake, steps, roles, repeats, lists,
events arriving by sync, escalation, statistics and attachments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.domain.calendar import WorkingCalendar
from app.domain.complaints import ComplaintInput, ComplaintRules
from app.domain.errors import DomainError, FieldErrors
from app.domain.units import UnitInput
from app.services import complaints as cs
from app.services.complaints import search
from app.services.complaints.stats import export_xlsx, week_ending, weekly_stats
from app.services.units import add_resident, create_unit
from app.store.blobs import BlobStore
from app.store.complaint_models import ComplaintEvent
from app.store.models import SyncOutbox
from app.store.recorder import bulk_create

T0 = datetime(2026, 11, 16, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


@pytest.fixture
def unit(db, estate_id):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.50")
        )
        add_resident(s, unit, name="王秀英", phone="13800138000")
        return unit.id


def complaint_input(unit_id=None, **overrides) -> ComplaintInput:
    values = dict(
        unit_id=unit_id,
        complainant_name="王秀英",
        complainant_phone="13800138000",
        content="楼上卫生间漏水，天花板发霉",
        request="尽快维修",
        category="repair",
        severity="minor",
        department="engineering",
    )
    values.update(overrides)
    return ComplaintInput(**values)


def test_create_writes_header_event_outbox_and_status(db, estate_id, unit):
    with db.session() as s:
        c = cs.create_complaint(s, estate_id, complaint_input(unit), received_at=T0, staff_id="u1")
        cid, number = c.id, c.number
    assert number.startswith("TS261116-")
    with db.session() as s:
        tables = s.scalars(select(SyncOutbox.table_name).where(SyncOutbox.row_id.in_([cid]))).all()
        assert tables == ["complaints"]
        assert s.scalar(select(func.count()).select_from(ComplaintEvent)) == 1
        rows = cs.page_complaints(s, cs.ComplaintQuery(estate_id=estate_id), 0, 10, now=at(1))
    assert [(r.number, r.status, r.unit, r.phone_masked, r.next_kind) for r in rows] == [
        (number, "received", "3-2-1502", "138****8000", "dispatch")
    ]


def test_bad_input_is_refused_and_nothing_written(db, estate_id):
    with db.session() as s, pytest.raises(FieldErrors) as error:
        cs.create_complaint(s, estate_id, complaint_input(content=" ", complainant_phone="123"))
    assert error.value.errors == {
        "content": DomainError("complaint.content_required"),
        "complainant_phone": DomainError("complaint.phone_invalid"),
    }
    with db.session() as s:
        assert cs.count_complaints(s, cs.ComplaintQuery(estate_id=estate_id)) == 0


def walk(s, c, role="supervisor"):
    cs.add_event(s, c.id, "dispatched", at=at(0.1), data={"department": "engineering"})
    cs.add_event(s, c.id, "signed", at=at(0.2))
    cs.add_event(s, c.id, "progress", at=at(3), note="师傅已上门")
    cs.add_event(s, c.id, "resolved", at=at(20), note="已修好")
    cs.add_event(s, c.id, "informed", at=at(21))
    cs.add_event(s, c.id, "return_visit", at=at(30), data={"satisfaction": "satisfied"})
    cs.add_event(s, c.id, "closed", at=at(31), actor_role=role)


def test_full_workflow_through_the_service(db, estate_id, unit):
    with db.session() as s:
        c = cs.create_complaint(
            s, estate_id, complaint_input(unit, severity="important"), received_at=T0
        )
        cs.add_event(s, c.id, "escalated", at=at(0.5), data={"to": "supervisor"})
        walk(s, c)
        state = cs.complaint_state(s, c)
    assert state.status == "closed"
    assert all(d.met for d in state.deadlines)
    with db.session() as s:
        assert cs.count_complaints(s, cs.ComplaintQuery(estate_id=estate_id, status="open")) == 0
        assert cs.count_complaints(s, cs.ComplaintQuery(estate_id=estate_id, status="closed")) == 1


def test_steps_out_of_order_and_missing_details_are_refused(db, estate_id):
    with db.session() as s:
        c = cs.create_complaint(s, estate_id, complaint_input(), received_at=T0)
        with pytest.raises(DomainError) as refused:
            cs.add_event(s, c.id, "informed", at=at(1))
        assert refused.value == DomainError(
            "complaint.step_not_allowed", step="informed", status="received"
        )
        with pytest.raises(FieldErrors) as refused:
            cs.add_event(s, c.id, "progress", at=at(1), note="")
        assert refused.value.errors == {"note": DomainError("complaint.note_required")}
        cs.add_event(s, c.id, "dispatched", at=at(1))
        cs.add_event(s, c.id, "resolved", at=at(2), note="ok")
        with pytest.raises(FieldErrors) as refused:
            cs.add_event(s, c.id, "return_visit", at=at(3), data={})
        assert refused.value.errors == {
            "satisfaction": DomainError("complaint.satisfaction_required")
        }


@pytest.mark.parametrize(
    ("severity", "role", "allowed"),
    [
        ("minor", "supervisor", True),
        ("minor", "receptionist", False),
        ("important", "supervisor", False),
        ("important", "director", True),
    ],
)
def test_extension_approval_by_role(db, estate_id, severity, role, allowed):
    with db.session() as s:
        c = cs.create_complaint(s, estate_id, complaint_input(severity=severity), received_at=T0)
        cs.add_event(s, c.id, "dispatched", at=at(0.1))
        cs.add_event(s, c.id, "extension_requested", at=at(1), note="等配件")
        new_due = (T0 + timedelta(days=6)).isoformat()
        if allowed:
            cs.add_event(
                s, c.id, "extension_approved", at=at(2), actor_role=role, data={"due": new_due}
            )
            assert cs.complaint_state(s, c).deadline("resolve").due == T0 + timedelta(days=6)
        else:
            with pytest.raises(DomainError) as refused:
                cs.add_event(
                    s, c.id, "extension_approved", at=at(2), actor_role=role, data={"due": new_due}
                )
            code = "minor" if severity == "minor" else "director"
            assert refused.value == DomainError(f"complaint.extension_approver.{code}")


def test_repeat_complaints_within_three_months_of_closing_or_while_open(db, estate_id, unit):
    """Seed 001: "確保 3 個月內不出現二次投訴" (no repeat complaint within 3 months). A
    complaint on the same unit and category is a repeat (二次投诉) within 3 months after
    the earlier one closed, and while the earlier one is still open. Before: a 30-day
    window after closing only, so the 50-day and the still-open cases were missed."""
    with db.session() as s:

        def new(at_, **values):
            return cs.create_complaint(
                s, estate_id, complaint_input(unit, **values), received_at=at_
            )

        first = new(T0)
        walk(s, first)  # closed at(31)
        again = new(at(24 * 5))
        other_problem = new(at(24 * 5), category="noise")
        fifty_days_on = new(at(24 * 50))
        noise_while_open = new(at(24 * 6), category="noise")  # the first noise one is open
        cleaning = new(T0, category="cleaning")
        cs.add_event(s, cleaning.id, "closed", at=at(1), note="已清理")
        within = new(at(1) + timedelta(days=91), category="cleaning")  # 2026-11 + 3 months
        assert within.repeat_of == cleaning.id
        cs.add_event(s, within.id, "closed", at=at(24 * 100), note="已清理")
        # closed at(1) and at(24 * 100): 3 months and a day after the latter is not a repeat
        after = new(at(24 * 100) + timedelta(days=93), category="cleaning")
        repeats = cs.page_complaints(
            s, cs.ComplaintQuery(estate_id=estate_id, repeats_only=True), 0, 10
        )
    assert again.repeat_of == first.id
    assert other_problem.repeat_of is None
    assert fifty_days_on.repeat_of == first.id  # 50 days after closing: within 3 months
    assert noise_while_open.repeat_of == other_problem.id  # the earlier one still open
    assert after.repeat_of is None
    assert {r.id for r in repeats} == {again.id, fifty_days_on.id, noise_while_open.id, within.id}


def test_a_valid_major_complaint_is_not_closed_straight_from_received(db, estate_id):
    """Seed 000 §4.7: "对重要投诉和重大投诉处理完毕后,根据情况安排合适人员进行上门回访。"
    Closing a valid major complaint just received is refused with a code; it stays open
    and its deadlines keep counting (before, it closed and they were settled)."""
    recorded = cs.record_complaint(db, estate_id, complaint_input(severity="major"), now=T0)
    with pytest.raises(DomainError) as refused:
        cs.record_step(db, recorded.id, "closed", note="结案", now=at(1))
    assert refused.value == DomainError("complaint.close_needs_return_visit")
    state = cs.read_complaint(db, recorded.id).state
    assert state.status == "received"
    assert [d.kind for d in state.open_deadlines] == [
        "dispatch",
        "report_director",
        "answer",
        "resolve",
    ]
    overdue = cs.ComplaintQuery(estate_id=estate_id, deadline="overdue")
    assert cs.count(db, overdue, at(1)) == 1  # the dispatch was due at 10:15


def test_escalation_after_a_month_moves_the_deadlines_in_the_list(db, estate_id):
    """Seed 000 §4.10.3: "重大投诉一般在2日给投诉人明确答复,解决时间不宜超过10日。" """
    recorded = cs.record_complaint(db, estate_id, complaint_input(), now=T0)
    cs.record_step(db, recorded.id, "dispatched", now=at(0.1))
    month = datetime(2026, 12, 16, 2, 0, tzinfo=UTC)
    assert cs.escalate_overdue(db, estate_id, now=month + timedelta(hours=1)) == 1
    state = cs.read_complaint(db, recorded.id).state
    assert state.deadline("answer").due == month + timedelta(days=2)
    assert state.deadline("resolve").due == month + timedelta(days=10)
    [row] = cs.read_page(db, cs.ComplaintQuery(estate_id=estate_id), 0, 5, month)
    assert (row.severity, row.next_kind) == ("major", "report_director")


def test_events_arriving_by_sync_update_the_list(db, estate_id):
    """Rows written outside the service (as the sync apply does) still reach the list."""
    with db.session() as s:
        c = cs.create_complaint(s, estate_id, complaint_input(), received_at=T0)
        cid = c.id
    with db.session() as s:
        # out of order: resolved before dispatched
        bulk_create(
            s,
            ComplaintEvent,
            [
                dict(estate_id=estate_id, complaint_id=cid, kind="resolved", at=at(5), data={}),
                dict(
                    estate_id=estate_id,
                    complaint_id=cid,
                    kind="dispatched",
                    at=at(0.1),
                    data={"department": "engineering"},
                ),
            ],
        )
    with db.session() as s:
        [row] = cs.page_complaints(s, cs.ComplaintQuery(estate_id=estate_id), 0, 10, now=at(6))
    assert row.status == "resolved" and row.next_kind == "inform"


def test_events_before_their_header_wait_for_it(db, estate_id):
    with db.session() as s:
        bulk_create(
            s,
            ComplaintEvent,
            [
                dict(
                    estate_id=estate_id,
                    complaint_id="not-yet-here",
                    kind="dispatched",
                    at=at(0.1),
                    data={},
                ),
            ],
        )
    with db.session() as s:
        assert cs.count_complaints(s, cs.ComplaintQuery(estate_id=estate_id)) == 0


def test_list_filters_and_chinese_search(db, estate_id, unit):
    with db.session() as s:
        cs.create_complaint(s, estate_id, complaint_input(unit), received_at=T0)
        b = cs.create_complaint(
            s,
            estate_id,
            complaint_input(
                content="保安态度恶劣",
                category="attitude",
                severity="important",
                department="security",
                complainant_name="李强",
                complainant_phone="",
            ),
            received_at=at(1),
        )
        cs.add_event(s, b.id, "dispatched", at=at(1.1))
    now = at(2.5)

    def ids(**filters):
        with db.session() as s:
            return len(
                cs.page_complaints(s, cs.ComplaintQuery(estate_id=estate_id, **filters), 0, 50, now)
            )

    assert ids() == 2
    assert ids(text="漏水") == 1
    assert ids(text="态度") == 1  # two characters: LIKE fallback
    assert ids(text="3栋2单元1502") == 1
    assert ids(text="李强") == 1
    assert ids(severity="important") == 1
    assert ids(department="security") == 1
    assert ids(status="dispatched") == 1
    assert ids(deadline="overdue") == 1  # the first was never dispatched (due 10:15)
    assert ids(deadline="due_soon") == 1  # hand-over to the supervisor due at 12:00
    assert ids(date_from=at(0.5)) == 1
    assert ids(my_role="receptionist") == 1  # dispatch the first
    assert ids(my_role="team_lead") == 2  # hand over the second (and help the desk)
    assert ids(my_role="engineer") == 0


@pytest.mark.parametrize("few_matches", [1000, 2], ids=["starts-from-matches", "walks-list"])
def test_search_finds_the_same_whether_few_or_many_match(db, estate_id, monkeypatch, few_matches):
    """A rare word starts from its matches, a common one walks the list in order; which
    one is used must not change what is found, counted or how it is ordered."""
    monkeypatch.setattr(search, "FEW_MATCHES", few_matches)
    texts = ["楼上漏水", "电梯故障", "楼上漏水", "噪音扰民", "楼上漏水", "电梯故障"]
    with db.session() as s:
        made = [
            cs.create_complaint(
                s,
                estate_id,
                complaint_input(content=text, complainant_name=f"张伟{i}"),
                received_at=at(i),
            )
            for i, text in enumerate(texts)
        ]
        gone = made[4]
        gone.deleted = True  # a deleted complaint is never found
        s.flush()
        cs.refresh_status(s, [gone.id])

    def found(term):
        with db.session() as s:
            query = cs.ComplaintQuery(estate_id=estate_id, text=term)
            rows = cs.page_complaints(s, query, 0, 50)
            assert cs.count_complaints(s, query) == len(rows)
            assert cs.count_complaints(s, query, cap=1) == min(len(rows), 2)
            return [r.complainant for r in rows]

    assert found("楼上漏水") == ["张伟2", "张伟0"]  # newest first
    assert found("漏水") == ["张伟2", "张伟0"]
    assert found("电梯") == ["张伟5", "张伟1"]
    assert found("张伟") == ["张伟5", "张伟3", "张伟2", "张伟1", "张伟0"]
    assert found("张伟3") == ["张伟3"]
    assert found("邻居") == [] and found("邻居吵闹") == []


def test_a_search_sees_complaints_written_in_the_same_session(db, estate_id):
    """The matches of a search are kept for count and page; a write must not be missed."""
    with db.session() as s:
        query = cs.ComplaintQuery(estate_id=estate_id, text="漏水")
        assert cs.count_complaints(s, query) == 0
        cs.create_complaint(s, estate_id, complaint_input(content="厨房漏水"), received_at=T0)
        assert cs.count_complaints(s, query) == 1
        assert [r.content for r in cs.page_complaints(s, query, 0, 10)] == ["厨房漏水"]
    with db.session() as s:
        assert cs.count_complaints(s, query) == 1


def test_one_month_escalation_writes_one_event(db, estate_id):
    with db.session() as s:
        c = cs.create_complaint(s, estate_id, complaint_input(), received_at=T0)
        cs.add_event(s, c.id, "dispatched", at=at(0.1))
        assert cs.run_escalations(s, estate_id, now=T0 + timedelta(days=29)) == 0
        assert cs.run_escalations(s, estate_id, now=T0 + timedelta(days=31)) == 1
        assert cs.run_escalations(s, estate_id, now=T0 + timedelta(days=32)) == 0
        state = cs.complaint_state(s, c)
        events = [e.kind for e in cs.events_of(s, c.id)]
    assert state.severity == "major"
    assert events[-1] == "auto_major"
    with db.session() as s:
        [row] = cs.page_complaints(
            s, cs.ComplaintQuery(estate_id=estate_id, severity="major"), 0, 5
        )
    assert row.id == c.id


def test_estate_rules_with_working_days_move_deadlines(db, estate_id):
    friday = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    with db.session() as s:
        rules = ComplaintRules(
            working_days=True, calendar=WorkingCalendar(holidays=frozenset({date(2026, 11, 23)}))
        )
        cs.save_rules(s, estate_id, rules)
        c = cs.create_complaint(s, estate_id, complaint_input(), received_at=friday)
        due = cs.complaint_state(s, c).deadline("resolve").due
    assert due == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # Wednesday
    with db.session() as s:
        assert cs.load_rules(s, estate_id) == rules


def test_weekly_statistics_and_xlsx(db, estate_id, unit, tmp_path):
    with db.session() as s:
        a = cs.create_complaint(s, estate_id, complaint_input(unit), received_at=T0)
        walk(s, a)
        cs.create_complaint(
            s, estate_id, complaint_input(channel="letter", category="noise"), received_at=at(30)
        )
        cs.create_complaint(s, estate_id, complaint_input(), received_at=T0 - timedelta(days=7))
    stats = weekly_stats(db, estate_id, week_ending(date(2026, 11, 16)), now=at(100))
    assert stats.week_end == date(2026, 11, 21)
    assert stats.total == 2 and stats.resolved == 1 and stats.still_open == 1
    assert stats.by_channel == {"phone": 1, "letter": 1}
    assert stats.by_category == {"repair": 1, "noise": 1}
    assert stats.satisfaction == {"satisfied": 1}
    assert stats.average_resolve_hours == pytest.approx(20)
    assert stats.on_time["dispatch"] == (1, 2)  # the second was never dispatched
    path = export_xlsx(stats, tmp_path / "week.xlsx", {"repair": "维修"})
    sheet = load_workbook(path).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "维修" in values and 2 in values


def test_attachment_is_content_addressed(db, estate_id, tmp_path):
    blobs = BlobStore(tmp_path / "blobs")
    photo = tmp_path / "leak.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    recorded = cs.record_complaint(db, estate_id, complaint_input(), blobs=blobs)
    files = cs.attach(db, recorded.id, (photo, photo), blobs=blobs)
    assert [f.filename for f in files] == ["leak.jpg", "leak.jpg"]
    assert files[0].sha256 == files[1].sha256
    assert blobs.read(files[0].sha256) == b"\xff\xd8 a photo"
    assert [p.name for p in (tmp_path / "blobs").iterdir()] == [files[0].sha256]
    with pytest.raises(DomainError) as refused:
        cs.attach(db, recorded.id, (tmp_path / "gone.jpg",), blobs=blobs)
    assert refused.value.code == "complaint.attachment_missing"
    assert len(cs.read_complaint(db, recorded.id).attachments) == 2  # nothing kept


def test_lookup_residents_by_room_name_or_phone(db, estate_id, unit):
    for typed in ("3-2-1502", "王秀英", "13800138000"):
        [match] = cs.lookup_residents(db, estate_id, typed)
        assert (match.unit_id, match.name) == (unit, "王秀英")


def test_cli_week_report_and_overdue(db, estate_id, tmp_path, capsys):
    from app.cli import main

    with db.session() as s:
        cs.create_complaint(s, estate_id, complaint_input(), received_at=T0)
    path = db.path
    assert (
        main(
            [
                "complaints",
                "week",
                "--db",
                str(path),
                "--ending",
                "2026-11-18",
                "--xlsx",
                str(tmp_path / "w.xlsx"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "2026-11-15 – 2026-11-21" in out and "total\t1" in out
    assert (tmp_path / "w.xlsx").exists()
    assert main(["complaints", "overdue", "--db", str(path)]) == 0
    assert "dispatch" in capsys.readouterr().out
    assert main(["complaints", "week", "--db", str(path), "--ending", "soon"]) == 1
