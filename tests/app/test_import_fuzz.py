"""Fuzzing what files bring to the units import: malformed CSV and XLSX, wrong encodings,
a 50 MB file, a zip bomb. Each gets a clear error (a code the catalogue words) or a clean
preview, never an exception, and a refused file writes nothing. The number of files tried
is printed."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.services.importer import ImportRefused, import_units, read_units_file
from app.store.models import SyncOutbox
from ui.messages import CATALOGUE

TRIED = {"files": 0}


@pytest.fixture(autouse=True, scope="module")
def _count():
    yield
    print(f"\nimport fuzzing: {TRIED['files']} files tried, each a clear error or a clean preview")


GOOD_HEADER = "楼栋,单元,房号,楼层,建筑面积,类型\n"


def _outcome(db, estate_id, path) -> None:
    TRIED["files"] += 1
    preview = read_units_file(path)  # never raises
    for problem in preview.errors:
        assert problem.error.code in CATALOGUE, problem.error.code
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(SyncOutbox))
    if preview.errors:
        with pytest.raises(ImportRefused):
            import_units(db, estate_id, preview)
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncOutbox)) == before


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40
)  # control characters, emoji, right-to-left marks included


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    rows=st.lists(st.lists(cells, max_size=8), max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1", "big5"]),
    header=st.booleans(),
)
def test_malformed_csv_in_any_encoding(db, estate_id, tmp_path, rows, encoding, header):
    text = (GOOD_HEADER if header else "") + "\n".join(",".join(r) for r in rows)
    path = tmp_path / "units.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _outcome(db, estate_id, path)


@settings(
    max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(data=st.binary(max_size=4000), as_xlsx=st.booleans())
def test_random_bytes_as_csv_or_xlsx(db, estate_id, tmp_path, data, as_xlsx):
    path = tmp_path / ("units.xlsx" if as_xlsx else "units.csv")
    path.write_bytes((b"PK\x03\x04" if as_xlsx else b"") + data)
    _outcome(db, estate_id, path)


def test_a_broken_workbook(db, estate_id, tmp_path):
    path = tmp_path / "units.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types>not a workbook")
    path.write_bytes(buffer.getvalue())
    _outcome(db, estate_id, path)
    assert read_units_file(path).errors


def test_a_50_mb_file_is_refused_before_it_is_read(db, estate_id, tmp_path):
    path = tmp_path / "units.csv"
    with path.open("wb") as out:
        out.write(GOOD_HEADER.encode())
        out.truncate(50 * 2**20)
    _outcome(db, estate_id, path)
    assert [e.error.code for e in read_units_file(path).errors] == ["import.file.too_large"]


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(db, estate_id, tmp_path):
    path = tmp_path / "units.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(500):  # 500 MB of zeros: about 0.5 MB packed
                member.write(block)
    assert path.stat().st_size < 5 * 2**20
    _outcome(db, estate_id, path)
    assert [e.error.code for e in read_units_file(path).errors] == ["import.file.zip_bomb"]
