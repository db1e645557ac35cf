"""Personal data: file modes, masking in lists and exports, the device token at rest, and
exports safe to open in a spreadsheet program (formula injection)."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.privacy import mask_id_number, mask_phone
from app.domain.spreadsheet import neutralise_sheet, safe_cell
from app.domain.units import UnitInput
from app.filemodes import mode_of
from app.services.complaints.stats import WeeklyStats, export_xlsx
from app.services.fees import reports
from app.services.units import UnitQuery, add_resident, create_unit, page_units
from app.store.blobs import BlobStore
from app.store.db import Database
from app.store.recorder import get_state, set_state

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
EVIL = ('=HYPERLINK("http://x","点我")', "+SUM(1,2)", "-2+3", "@cmd", "\t=1")


@posix
def test_database_its_log_and_folder_are_readable_by_their_user_only(tmp_path):
    old = os.umask(0o022)  # a usual umask would give 0644
    try:
        folder = tmp_path / "data"
        db = Database(folder / "propdesk.sqlite3")
        with db.session() as s:
            set_state(s, "probe", "1")
        assert mode_of(folder) == 0o700
        assert mode_of(db.path) == 0o600
        wal = db.path.with_name(db.path.name + "-wal")
        assert wal.exists() and mode_of(wal) == 0o600
        db.close()
    finally:
        os.umask(old)


@posix
def test_an_existing_database_is_closed_to_others_when_opened(tmp_path):
    path = tmp_path / "propdesk.sqlite3"
    Database(path).close()
    os.chmod(path, 0o644)
    Database(path).close()
    assert mode_of(path) == 0o600


@posix
def test_the_backup_before_a_migration_is_readable_by_its_user_only(tmp_path):
    path = tmp_path / "propdesk.sqlite3"
    Database(path).close()
    from alembic import command

    from app.store.db import alembic_config, make_engine

    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0006")  # an older schema: the next open migrates
    engine.dispose()
    old = os.umask(0o022)
    try:
        db = Database(path)
    finally:
        os.umask(old)
    assert db.backup is not None and mode_of(db.backup) == 0o600
    db.close()


@posix
def test_the_blob_folder_and_blobs_are_readable_by_their_user_only(tmp_path):
    old = os.umask(0o022)
    try:
        store = BlobStore(tmp_path / "blobs")
        sha = store.put(b"signature strokes")
    finally:
        os.umask(old)
    assert mode_of(store.root) == 0o700
    assert mode_of(store.path(sha)) == 0o600


@posix
def test_the_device_token_at_rest_is_in_a_file_only_its_user_reads(tmp_path):
    """No OS keyring package here: the token is kept in the database, whose file (and
    log) only its user may read or write, and never in a file of its own."""
    db = Database(tmp_path / "propdesk.sqlite3")
    with db.session() as s:
        set_state(s, "token", "device-secret-token")
    with db.session() as s:
        assert get_state(s, "token") == "device-secret-token"
    for path in tmp_path.iterdir():
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    db.close()


def test_phones_and_id_numbers_are_masked():
    assert mask_phone("13800138001") == "138****8001"
    assert mask_id_number("440106199001011234") == "4401**********1234"
    assert mask_phone("020-87654321") == "020-****4321"
    assert "8001" in mask_phone("8001") or mask_phone("8001") == "***1"
    assert mask_phone("12345") != "12345"  # a short number never shows whole
    assert mask_id_number("") == "" and mask_phone(None) == ""


def test_the_unit_list_shows_the_phone_masked(db, estate_id):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="1", room="1502", area_m2="90")
        )
        add_resident(s, unit, name="王秀英", phone="13800138001", id_number="440106199001011234")
    with db.session() as s:
        rows = page_units(s, UnitQuery(estate_id), 0, 10)
    assert [r.phone_masked for r in rows] == ["138****8001"]
    assert "13800138001" not in repr(rows[0])


def test_the_command_line_export_masks_personal_data_and_says_so(db, estate_id, tmp_path):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="1", room="1502", area_m2="90")
        )
        add_resident(
            s, unit, name="=cmd|' /C calc'!A0", phone="13800138001", id_number="440106199001011234"
        )
    db.close()
    out = tmp_path / "residents.csv"
    propdesk = str(Path(sys.executable).with_name("propdesk"))
    run = [propdesk, "export", "residents", "--db", str(db.path), "--out"]
    masked = subprocess.run([*run, str(out)], capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["phone"] == "138****8001" and rows[0]["id_number"] == "4401**********1234"
    assert rows[0]["name"].startswith("'=")  # neutralised
    assert "masked" in masked.stdout
    whole = subprocess.run(
        [*run, str(out), "--unmasked"], capture_output=True, text=True, check=True
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["id_number"] == "440106199001011234" and "unmasked" in whole.stdout


@pytest.mark.parametrize("value", EVIL)
def test_a_cell_that_would_be_a_formula_is_neutralised(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("-20.00") == "-20.00" and safe_cell(-20) == -20 and safe_cell("王伟") == "王伟"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_fee_exports_neutralise_formulas(tmp_path, suffix):
    target = tmp_path / f"bills{suffix}"
    rows = [(v, "1", "1502", "mgmt", "2026-03", "1.00", "1.90", "-20.00") for v in EVIL]
    reports.write_table(target, reports.EXPORT_COLUMNS, rows)
    if suffix == ".csv":
        read = list(csv.reader(target.open(encoding="utf-8-sig")))[1:]
    else:
        read = [
            list(r) for r in load_workbook(target).active.iter_rows(min_row=2, values_only=True)
        ]
    assert [r[0] for r in read] == ["'" + v for v in EVIL]
    assert {r[7] for r in read} == {"-20.00"}  # an amount as text stays as it was


def test_complaint_statistics_export_neutralises_formulas(tmp_path):
    stats = WeeklyStats(
        date(2026, 3, 2), date(2026, 3, 7), total=1, by_category=Counter({EVIL[0]: 1})
    )
    path = export_xlsx(stats, tmp_path / "week.xlsx")
    cells = [c for row in load_workbook(path).active.iter_rows(values_only=True) for c in row]
    assert "'" + EVIL[0] in cells and EVIL[0] not in cells


def test_neutralise_sheet_covers_every_text_cell():
    sheet = Workbook().active
    sheet.append(["ok", *EVIL, 5, -3])
    neutralise_sheet(sheet)
    assert [c.value for c in sheet[1]] == ["ok", *("'" + v for v in EVIL), 5, -3]


def test_the_audit_export_neutralises_formulas(db, estate_id, tmp_path):
    from app.services import audit
    from app.store.audit_models import write_entry

    with db.session() as s:
        write_entry(s, estate_id=estate_id, action="=cmd", after={"note": "x"})
    audit.export_xlsx(db, audit.AuditQuery(estate_id), tmp_path / "a.xlsx", ("@h",) * 9)
    rows = list(load_workbook(tmp_path / "a.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "'@h" and rows[1][4] == "'=cmd"


def test_paths_module_makes_the_data_folder_private(tmp_path, monkeypatch):
    from app.paths import data_dir

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "fresh"))
    folder = data_dir()
    if os.name == "posix":
        assert mode_of(folder) == 0o700
    assert Path(folder).is_dir()


@posix
def test_the_desks_backups_are_readable_by_their_user_only(db):
    from app.services import backups

    old = os.umask(0o022)
    try:
        made = backups.make_backup(db.path)
    finally:
        os.umask(old)
    assert mode_of(made.path) == 0o600
    assert mode_of(made.path.parent) == 0o700
