"""Inspection operations on a real SQLite database: shipped templates, a walk that survives
a new version, answers saved as given, finalise -> corrective work orders, closing with an
after photo and a second person, repeat marking, photos (downscale, stamp, 20 MB refusal,
10 per item), signing locks (locally and against a late sync change)."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from app.domain.errors import DomainError
from app.services.inspections import actions, due, photos, run, signing, templates
from app.services.inspections.common import Target
from app.store.apply import Change, apply_changes
from app.store.blobs import BlobStore
from app.store.inspection_models import InspectionAnswer, InspectionPhoto
from app.store.models import SyncConflict
from app.store.reception_models import WorkOrder, WorkOrderPhoto

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def blobs(tmp_path):
    return BlobStore(tmp_path / "blobs")


@pytest.fixture
def staff(db, estate_id):
    from app.services.accounts import create_staff

    with db.session() as s:
        a = create_staff(
            s,
            login="li",
            display_name="李工",
            role="engineer",
            password="correct horse",
            estate_ids=[estate_id],
        )
        b = create_staff(
            s,
            login="zhou",
            display_name="周主管",
            role="admin",
            password="correct horse",
            estate_ids=[estate_id],
        )
        return a.id, b.id


@pytest.fixture
def shipped(db, estate_id):
    templates.ensure_default_templates(db, estate_id, NOW)
    return {t.code: t for t in templates.list_templates(db, estate_id)}


def photo_file(path: Path, size=(4000, 3000), exif_time="2026:03:01 09:15:00") -> Path:
    image = Image.new("RGB", size, (120, 160, 200))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = exif_time
    image.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


def test_shipped_templates_load_once_with_both_names(db, estate_id, shipped):
    assert {
        "handover",
        "quality.cleaning",
        "quality.security",
        "quality.control_room",
        "quality.repair",
        "quality.customer_service",
        "quality.estate_office",
        "night",
        "landscaping",
        "monthly",
    } <= set(shipped)
    assert all(t.name_zh and t.name_en and t.version == 1 for t in shipped.values())
    assert templates.ensure_default_templates(db, estate_id, NOW) == 0


def walk(db, template, staff_id, label="3栋 1502", target_kind="unit"):
    return run.start(db, template.id, Target(target_kind, "", label), staff_id, NOW)


def answer_all(db, inspection_id, staff_id, fail=(), skip=()):
    view = run.run_view(db, inspection_id)
    for item in view.content.items():
        if item.id in skip:
            continue
        if item.type == "number":
            value = "5"
        elif item.type == "choice":
            value = "fail" if item.id in fail else "full"
        elif item.type in ("pass_fail",):
            value = "fail" if item.id in fail else "pass"
        else:
            continue
        run.answer(db, inspection_id, item.id, staff_id, NOW, value=value)


def test_in_progress_walk_keeps_its_version_and_each_answer_is_saved(db, estate_id, shipped, staff):
    inspector, _ = staff
    tpl = shipped["quality.cleaning"]
    iid = walk(db, tpl, inspector, "南区", "area")
    run.answer(db, iid, "lanes", inspector, NOW, value="pass")
    detail = templates.template_detail(db, tpl.id)
    draft = detail.draft
    draft["sections"][0]["items"] = draft["sections"][0]["items"][1:]  # "lanes" removed
    templates.save_draft(db, tpl.id, draft)
    assert templates.publish(db, tpl.id, inspector, NOW).version == 2
    view = run.run_view(db, iid)
    assert view.header.version == 1 and view.content.item("lanes") is not None
    assert view.answers["lanes"].value == "pass"
    # each answer is its own unit of work, the last one given stands (its speed is
    # bench/inspections.py's figure, not a test's)
    for i in range(5):
        run.answer(db, iid, "roads", inspector, NOW, value="pass" if i % 2 else "fail")
    assert run.run_view(db, iid).answers["roads"].value == "fail"
    with pytest.raises(DomainError) as bad:
        run.answer(db, iid, "roads", inspector, NOW, value="maybe")
    assert bad.value.code == "inspection.answer.pass_fail"


def test_finalise_refuses_missing_evidence_then_makes_one_action_per_failure(
    db, estate_id, shipped, staff, tmp_path, blobs
):
    inspector, checker = staff
    iid = walk(db, shipped["quality.cleaning"], inspector, "南区", "area")
    answer_all(db, iid, inspector, fail={"roads", "roof"})
    run.answer(db, iid, "roads", inspector, NOW, value="pass")  # changed before finalise
    with pytest.raises(DomainError) as refused:
        run.finalise(db, iid, inspector, NOW, blobs)
    assert refused.value.code == "inspection.cannot_finalise"
    run.answer(db, iid, "roof", inspector, NOW, note="车场有垃圾")
    photos.add_photo(db, iid, "roof", photo_file(tmp_path / "a.jpg"), inspector, NOW, blobs)
    view = run.finalise(db, iid, inspector, NOW, blobs)
    assert view.header.status == "finalised" and view.result.failed_items == ("roof",)
    rows = actions.actions_of(db, iid, NOW)
    assert len(rows) == 1 and rows[0].department == "cleaning"
    assert rows[0].due_at == NOW + timedelta(hours=72)  # medium severity
    with db.session() as s:
        order = s.get(WorkOrder, rows[0].work_order_id)
        assert order.kind == "corrective" and "车场有垃圾" in order.content
        shas = s.scalars(
            select(WorkOrderPhoto.sha256).where(WorkOrderPhoto.work_order_id == order.id)
        ).all()
        assert len(shas) == 1 and blobs.has(shas[0])
    # closing: the after photo is required, and the worker cannot verify their own work
    with pytest.raises(DomainError):
        actions.rectified(db, rows[0].id, None, inspector, NOW)
    actions.rectified(db, rows[0].id, photo_file(tmp_path / "b.jpg"), inspector, NOW, blobs=blobs)
    with pytest.raises(DomainError) as own:
        actions.verify(db, rows[0].id, inspector, NOW, ok=True)
    assert own.value.code == "workorder.visitor_did_the_work"
    assert actions.verify(db, rows[0].id, checker, NOW, ok=True) == "closed"
    assert due.list_inspections(db, estate_id)[0].open_actions == 0


def test_repeat_failure_marked_on_the_second_consecutive_fail(db, shipped, staff, tmp_path, blobs):
    inspector, _ = staff
    tpl = shipped["quality.security"]
    for n in range(3):
        iid = walk(db, tpl, inspector, "东门", "area")
        fail = {"booth"} if n < 2 else {"patrol"}
        answer_all(db, iid, inspector, fail=fail)
        for item in fail:
            run.answer(db, iid, item, inspector, NOW, note="问题")
            photos.add_photo(
                db, iid, item, photo_file(tmp_path / f"{n}.jpg"), inspector, NOW, blobs
            )
        view = run.finalise(db, iid, inspector, NOW + timedelta(days=n), blobs)
        assert view.header.repeat_items == (("booth",) if n == 1 else ())


def test_photo_import_downscales_stamps_keeps_capture_time_and_limits(
    db, shipped, staff, tmp_path, blobs
):
    inspector, _ = staff
    iid = walk(db, shipped["handover"], inspector)
    got = photos.add_photo(
        db, iid, "walls.living", photo_file(tmp_path / "p.jpg"), inspector, NOW, blobs
    )
    assert max(got.width, got.height) == 1920 and got.size < 500_000
    assert got.captured_at == datetime(2026, 3, 1, 1, 15, tzinfo=UTC)  # 09:15 in Shanghai
    with Image.open(blobs.path(got.sha256)) as stored:
        assert stored.format == "JPEG"
        assert stored.getpixel((30, stored.height - 30)) == (0, 0, 0)  # the stamp's band
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8" + b"\0" * (25 * 1024 * 1024))  # not even an image
    with pytest.raises(DomainError) as too_big:
        photos.add_photo(db, iid, "walls.living", big, inspector, NOW, blobs)
    assert too_big.value.code == "inspection.photo.too_large"
    for n in range(9):
        photos.add_photo(
            db,
            iid,
            "walls.living",
            photo_file(tmp_path / f"s{n}.jpg", (200, 100)),
            inspector,
            NOW,
            blobs,
        )
    with pytest.raises(DomainError) as eleventh:
        photos.add_photo(
            db,
            iid,
            "walls.living",
            photo_file(tmp_path / "x.jpg", (200, 100)),
            inspector,
            NOW,
            blobs,
        )
    assert eleventh.value.code == "inspection.too_many_photos"


STROKES = [[(0.1, 0.5), (0.3, 0.2), (0.6, 0.8)], [(0.7, 0.3), (0.9, 0.6)]]


def test_signing_locks_locally_and_against_a_late_sync_change(db, shipped, staff, blobs):
    inspector, _ = staff
    iid = walk(db, shipped["handover"], inspector)
    answer_all(db, iid, inspector)
    run.finalise(db, iid, inspector, NOW, blobs)
    assert signing.sign(db, iid, "inspector", "李工", STROKES, NOW, blobs) == "finalised"
    assert signing.sign(db, iid, "owner", "张三", STROKES, NOW, blobs) == "signed"
    assert signing.verify_signed(db, iid)
    with pytest.raises(DomainError) as locked:
        run.answer(db, iid, "walls.living", inspector, NOW, value="fail")
    assert locked.value.code == "inspection.signed_locked"
    # another desk changed the answer offline; its change arrives after the signature
    with db.session() as s:
        row = s.scalars(
            select(InspectionAnswer).where(InspectionAnswer.item_id == "walls.living")
        ).one()
        late = Change(
            "c-late",
            "inspection_answers",
            row.id,
            row.estate_id,
            "upsert",
            {"value": "fail", "note": "后补"},
            "9999999999999-0000-01a23220-0d17-7002-a67f-000000000000",
        )
        apply_changes(s, [late])
    with db.session() as s:
        assert s.get(InspectionAnswer, row.id).value == "pass"
        lost = {c.field: c.lost_value for c in s.query(SyncConflict).all()}
        assert lost == {"value": "fail", "note": "后补"}
    assert signing.verify_signed(db, iid)
    new_id = run.amend(db, iid, inspector, NOW)
    assert run.run_view(db, new_id).answers["walls.living"].value == "pass"
    run.answer(db, new_id, "walls.living", inspector, NOW, value="fail")  # the revision is open


def test_due_list_from_the_shipped_schedules(db, estate_id, shipped, staff, blobs):
    inspector, _ = staff
    rows = due.due_rows(db, estate_id, NOW)
    cleaning = [r for r in rows if r.template_id == shipped["quality.cleaning"].id]
    assert cleaning[0].status == "due"
    iid = due.start_due(db, cleaning[0].schedule_id, cleaning[0].due_on, inspector, NOW)
    assert due.start_due(db, cleaning[0].schedule_id, cleaning[0].due_on, inspector, NOW) == iid
    answer_all(db, iid, inspector)
    run.finalise(db, iid, inspector, NOW, blobs)
    later = due.due_rows(db, estate_id, NOW + timedelta(days=2))
    mine = {r.due_on: r.status for r in later if r.template_id == shipped["quality.cleaning"].id}
    assert mine[cleaning[0].due_on] == "on_time"
    assert mine[cleaning[0].due_on + timedelta(days=1)] == "missed"
    with db.session() as s:
        assert s.query(InspectionPhoto).count() == 0


def test_monthly_quality_report_and_its_workbook(db, estate_id, shipped, staff, tmp_path, blobs):
    from openpyxl import load_workbook

    from app.services.inspections import reports

    inspector, _ = staff
    tpl = shipped["quality.cleaning"]
    feb = datetime(2026, 2, 10, 2, 0, tzinfo=UTC)
    march = [NOW + timedelta(days=d) for d in (0, 1)]
    for when, fail in [(feb, set()), (march[0], {"roof"}), (march[1], {"roof", "stairs"})]:
        iid = run.start(db, tpl.id, Target("area", "", "南区"), inspector, when)
        answer_all(db, iid, inspector, fail=fail)
        for item in fail:
            run.answer(db, iid, item, inspector, when, note="问题")
            photos.add_photo(
                db,
                iid,
                item,
                photo_file(tmp_path / f"{item}.jpg", (300, 200)),
                inspector,
                when,
                blobs,
            )
        run.finalise(db, iid, inspector, when, blobs)
    report = reports.quality_report(db, estate_id, "2026-03", NOW + timedelta(days=3))
    cleaning = next(d for d in report.departments if d.department == "cleaning")
    assert cleaning.inspections == 2 and cleaning.previous == Decimal("100.0")
    assert cleaning.average == Decimal("75.0")  # 5/6 and 4/6 -> 83.3 and 66.7
    assert cleaning.change == Decimal("-25.0")
    assert report.top_failed[0][:2] == ("roof", "天台、车场整洁") and report.top_failed[0][2] == 2
    assert report.actions == 3 and report.actions_closed == 0 and report.actions_overdue == 0
    assert [r[2] for r in report.repeats] == ["天台、车场整洁"]
    path = reports.export_quality_xlsx(report, tmp_path / "m.xlsx", {"cleaning": "保洁"})
    cells = [
        c
        for row in load_workbook(path).active.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    assert "保洁" in cells and "天台、车场整洁" in cells
