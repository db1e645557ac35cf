"""Importing units and owners: what the user sees in the preview, and what is written."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.commands.importing import import_units
from app.services.importer import ImportRefused, apply_units_import, read_units_file
from app.services.units import UnitQuery, count_units, page_units, unit_id_for
from app.store.models import Resident, SyncOutbox, Unit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def words(error) -> str:
    """What the user reads for a row's problem (English)."""
    from ui.messages import describe

    return describe(error.error, "en")


def _count(session, model):
    return session.scalar(select(func.count()).select_from(model))


def _units(session):
    return {
        (u.entrance, u.room): u
        for u in session.scalars(select(Unit).where(Unit.deleted.is_(False)))
    }


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("units_zh_utf8.csv", "utf-8"),
        ("units_zh_utf8_bom.csv", "utf-8"),
        ("units_zh_gbk.csv", "gb18030"),
    ],
)
def test_chinese_headers_in_every_office_encoding(name, encoding):
    preview = read_units_file(FIXTURES / name)
    assert preview.ok, preview.errors
    assert preview.encoding == encoding
    assert [r.line for r in preview.rows] == [2, 3, 4, 5]
    first = preview.rows[0]
    assert (first.building, first.room, first.owner_name) == ("3栋", "1501", "张伟")
    assert first.values.area_m2 == Decimal("89.50")
    second = preview.rows[1].values
    assert second.vacant_since == date(2023, 1, 1) and second.vacancy_approved is True
    shop = preview.rows[3].values
    assert (shop.building, shop.entrance, shop.kind) == ("5栋", "", "commercial")


def test_english_headers_tolerate_spaces_full_width_digits_and_other_date_forms():
    preview = read_units_file(FIXTURES / "units_en.csv")
    assert preview.ok, preview.errors
    row = preview.rows[0]
    assert row.values.building == "3栋"
    assert row.values.room == "1501"  # typed as full-width １５０１
    assert row.values.handover_date == date(2019, 6, 30)  # typed 2019/6/30
    assert row.owner_phone == "13800138001"  # typed with spaces
    assert preview.rows[1].values.kind == "commercial"


def test_xlsx_with_numbers_and_excel_dates(tmp_path):
    preview = read_units_file(FIXTURES / "units.xlsx")
    assert preview.ok, preview.errors
    assert [r.line for r in preview.rows] == [2, 3, 5]  # the blank row 4 is skipped
    first = preview.rows[0]
    assert first.room == "1501" and first.owner_phone == "13800138001"
    assert first.values.handover_date == date(2019, 6, 30)
    assert preview.rows[2].values.room == "0801"


def test_every_bad_row_is_reported_with_line_column_and_reason(db, estate_id):
    preview = read_units_file(FIXTURES / "units_bad.csv")
    assert not preview.ok
    found = {(e.line, e.column): words(e) for e in preview.errors}
    assert found[(3, "房号")] == "Room number is required"
    assert found[(4, "建筑面积")] == "Area must be greater than 0"
    assert "residential or commercial" in found[(5, "类型")]
    assert "whole number" in found[(5, "楼层")]
    assert "YYYY-MM-DD" in found[(5, "交房日期")]
    assert "mobile number" in found[(5, "联系电话")]
    assert "yes or no" in found[(5, "空置减免")]
    assert found[(6, "房号")] == "Same unit as line 2"
    assert "two decimals" in found[(7, "建筑面积")]
    assert "Owner name is required" in found[(7, "业主姓名")]
    assert {e.line for e in preview.errors} == {3, 4, 5, 6, 7}  # line 2 is fine
    with db.session() as s:
        before = _count(s, SyncOutbox)
        with pytest.raises(ImportRefused):
            apply_units_import(s, estate_id, preview)
    with db.session() as s:
        assert _count(s, Unit) == 0 and _count(s, SyncOutbox) == before


def test_missing_required_header_is_named():
    preview = read_units_file(FIXTURES / "units_missing_header.csv")
    messages = [(e.line, e.column, words(e)) for e in preview.errors]
    assert (1, "room", "Missing column room / 房号; the first row must name it") in messages
    assert any(column == "area_m2" and "建筑面积" in m for _, column, m in messages)


def test_unreadable_file_is_an_error_not_a_crash(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is not a workbook")
    preview = read_units_file(broken)
    assert not preview.ok and words(preview.errors[0]).startswith("Cannot read the file")
    assert preview.errors[0].error.code == "import.file.unreadable"


def test_import_creates_units_owners_and_search_finds_them(db, estate_id):
    preview = read_units_file(FIXTURES / "units_zh_gbk.csv")
    with db.session() as s:
        result = apply_units_import(s, estate_id, preview)
    assert (result.created, result.updated, result.unchanged) == (4, 0, 0)
    with db.session() as s:
        units = _units(s)
        assert units[("1", "1502")].vacancy_approved is True
        owner = s.scalar(select(Resident).where(Resident.name == "陈强"))
        assert owner.role == "owner" and owner.phone == "0755-12345678"
        assert owner.unit_id == unit_id_for(estate_id, "5栋", "", "101")
        found = page_units(s, UnitQuery(estate_id, text="李娜"), 0, 10)
        assert [r.code for r in found] == ["3栋 1单元 1502"]
        assert count_units(s, UnitQuery(estate_id, text="3-1-1501")) == 1


def test_reimporting_the_same_file_changes_nothing(db, estate_id):
    preview = read_units_file(FIXTURES / "units_zh_utf8.csv")
    with db.session() as s:
        apply_units_import(s, estate_id, preview)
    with db.session() as s:
        outbox, residents = _count(s, SyncOutbox), _count(s, Resident)
        clocks = {u.id: u.updated_hlc for u in s.scalars(select(Unit))}
    # the same data saved as GBK and as XLSX is the same data
    for again in ("units_zh_utf8.csv", "units_zh_gbk.csv", "units_zh_utf8_bom.csv"):
        with db.session() as s:
            result = apply_units_import(s, estate_id, read_units_file(FIXTURES / again))
        assert (result.created, result.updated, result.unchanged) == (0, 0, 4)
    with db.session() as s:
        assert _count(s, SyncOutbox) == outbox
        assert _count(s, Resident) == residents
        assert {u.id: u.updated_hlc for u in s.scalars(select(Unit))} == clocks


def test_one_changed_field_records_just_that_field(db, estate_id, tmp_path):
    with db.session() as s:
        apply_units_import(s, estate_id, read_units_file(FIXTURES / "units_zh_utf8.csv"))
    text = (FIXTURES / "units_zh_utf8.csv").read_text(encoding="utf-8")
    changed = tmp_path / "changed.csv"
    changed.write_text(text.replace("3栋,1,1501,15,89.50", "3栋,1,1501,15,90.25"), "utf-8")
    with db.session() as s:
        last = s.scalar(select(func.max(SyncOutbox.seq)))
        result = apply_units_import(s, estate_id, read_units_file(changed))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    with db.session() as s:
        changes = s.scalars(select(SyncOutbox).where(SyncOutbox.seq > last)).all()
        assert [(c.table_name, c.fields) for c in changes] == [("units", {"area_m2": "90.25"})]
        unit = _units(s)[("1", "1501")]
        assert unit.area_m2 == Decimal("90.25")
        assert unit.field_clocks["area_m2"] == unit.updated_hlc > unit.field_clocks["room"]


def test_new_owner_name_adds_a_resident_and_a_new_phone_updates_the_owner(db, estate_id, tmp_path):
    with db.session() as s:
        apply_units_import(s, estate_id, read_units_file(FIXTURES / "units_zh_utf8.csv"))
    text = (FIXTURES / "units_zh_utf8.csv").read_text(encoding="utf-8")
    edited = tmp_path / "edited.csv"
    edited.write_text(
        text.replace("张伟,13800138001", "张伟,13700137001").replace("王芳", "赵敏"), "utf-8"
    )
    with db.session() as s:
        result = apply_units_import(s, estate_id, read_units_file(edited))
    assert (result.created, result.updated, result.unchanged) == (0, 2, 2)
    with db.session() as s:
        assert s.scalar(select(Resident.phone).where(Resident.name == "张伟")) == "13700137001"
        assert count_units(s, UnitQuery(estate_id, text="赵敏")) == 1
        assert count_units(s, UnitQuery(estate_id, text="13700137001")) == 1
        assert count_units(s, UnitQuery(estate_id, text="13800138001")) == 0


def test_twenty_thousand_rows_import_in_one_go(db, estate_id, tmp_path):
    lines = ["building,entrance,room,floor,area_m2,owner_name,owner_phone"]
    for n in range(20_000):
        building, rest = divmod(n, 400)
        floor, position = divmod(rest, 4)
        lines.append(
            f"{building + 1}栋,1,{floor + 1}{position + 1:02d},{floor + 1},{80 + n % 50},"
            f"业主{n},139{n:08d}"
        )
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines), encoding="gb18030")
    preview = read_units_file(path)
    assert preview.ok, preview.errors[:3]
    with db.session() as s:
        result = apply_units_import(s, estate_id, preview)
    assert result.created == 20_000
    with db.session() as s:
        assert _count(s, Unit) == 20_000 and _count(s, Resident) == 20_000
        assert count_units(s, UnitQuery(estate_id, text="业主19999")) == 1
        assert page_units(s, UnitQuery(estate_id), 0, 1)[0].short_code == "1-1-101"
    with db.session() as s:
        before = _count(s, SyncOutbox)
        again = apply_units_import(s, estate_id, preview)
    assert again.unchanged == 20_000
    with db.session() as s:
        assert _count(s, SyncOutbox) == before


class _Args:
    def __init__(self, path, db_path, estate=None):
        self.file = open(path, "rb")  # noqa: SIM115 - argparse.FileType hands over an open file
        self.db = db_path
        self.estate = estate


def test_command_prints_bad_rows_and_writes_nothing(tmp_path, capsys):
    from ui.launcher import main  # the installed `propdesk` command, with its words

    db_path = tmp_path / "cli.sqlite3"
    file = str(FIXTURES / "units_bad.csv")
    with _english():
        code = main(["--db", str(db_path), "import", "units", file, "--estate", "阳光花园"])
    out = capsys.readouterr().out
    assert code == 1
    assert "nothing was imported" in out
    assert "line 4 [建筑面积]: Area must be greater than 0" in out
    assert not db_path.exists()


def _english():
    from contextlib import contextmanager

    from PySide6.QtCore import QLocale

    @contextmanager
    def english():
        before = QLocale()
        QLocale.setDefault(QLocale(QLocale.Language.English))
        try:
            yield
        finally:
            QLocale.setDefault(before)

    return english()


def test_command_imports_and_creates_the_first_estate(tmp_path, capsys):
    db_path = tmp_path / "cli.sqlite3"
    assert import_units(_Args(FIXTURES / "units.xlsx", db_path, "阳光花园")) == 0
    assert "created 3, updated 0, unchanged 0" in capsys.readouterr().out
    # now the estate is the only one: no --estate needed
    assert import_units(_Args(FIXTURES / "units.xlsx", db_path)) == 0
    assert "created 0, updated 0, unchanged 3" in capsys.readouterr().out
    # an unknown estate is refused rather than created by a typo
    assert import_units(_Args(FIXTURES / "units.xlsx", db_path, "阳光花苑")) == 1
    assert "no estate named '阳光花苑'" in capsys.readouterr().err


def test_an_import_stops_between_batches_when_cancelled_and_keeps_nothing(db, estate_id, tmp_path):
    from app.domain.errors import Cancelled
    from app.progress import Progress
    from app.services.importer import BATCH, import_units

    header = "楼栋,房号,建筑面积,业主姓名\n"
    rows = "".join(f"6栋,{n:05d},80,业主{n}\n" for n in range(1, 3 * BATCH + 1))
    path = tmp_path / "big.csv"
    path.write_text(header + rows, encoding="utf-8")
    preview = read_units_file(path)
    assert preview.ok
    steps = []

    def cancel_after_two_batches(done, total):
        steps.append(done)
        if len(steps) == 3:
            progress.cancel()  # the user pressed Cancel while the third batch was read

    progress = Progress(cancel_after_two_batches)
    with pytest.raises(Cancelled):
        import_units(db, estate_id, preview, progress)
    assert steps[:3] == [0, 0, BATCH]  # it did report batches before stopping
    with db.session() as s:
        assert _count(s, Unit) == 0 and _count(s, Resident) == 0
