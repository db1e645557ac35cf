"""Fuzzing what people type into a form (a resident's name): very long text, control
characters, emoji, right-to-left marks. Each is saved exactly as typed or refused with a
clear message (a code the catalogue words), never an exception, and a refusal writes
nothing. The number of values tried is printed."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.errors import FieldErrors
from app.domain.units import UnitInput
from app.services.units import create_unit
from app.services.units.operations import read_residents, save_resident
from app.store.models import SyncOutbox
from ui.messages import CATALOGUE

TRIED = {"values": 0}
NASTY = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=("Cc", "Cf", "So", "Zs", "Lo")), max_size=30),
    st.sampled_from(
        ["王秀英\u202e1502", "李\u200f娜", "张伟\x00", "😀 王 👍", "x" * 101, "x" * 5000, "\ud800"]
    ),
)


@pytest.fixture(autouse=True, scope="module")
def _count():
    yield
    print(f"\nform fuzzing: {TRIED['values']} names tried, each saved as typed or refused clearly")


@pytest.fixture
def unit_id(db, estate_id):
    with db.session() as s:
        return create_unit(s, estate_id, UnitInput(building="3栋", room="1502", area_m2="90")).id


@settings(
    max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(name=NASTY)
def test_a_resident_name_is_saved_as_typed_or_refused_clearly(db, unit_id, name):
    TRIED["values"] += 1
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(SyncOutbox))
    invisible = any(
        unicodedata.category(c) in ("Cc", "Cs") or c in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        for c in name
    )
    must_refuse = not name.strip() or len(name) > 100 or invisible
    try:
        saved = save_resident(db, unit_id, None, {"name": name, "role": "tenant"})
    except FieldErrors as refused:
        assert all(e.code in CATALOGUE for e in refused.errors.values()), refused.errors
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncOutbox)) == before
        return
    assert not must_refuse, f"{name!r} was saved"
    assert saved.name == name.strip()
    assert any(r.id == saved.id and r.name == name.strip() for r in read_residents(db, unit_id))
