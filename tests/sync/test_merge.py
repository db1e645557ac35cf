"""The pure merge rules (app.domain.merge)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.merge import merge_register


def h(ms: int, device: str = "a", counter: int = 0) -> str:
    return f"{ms:013d}-{counter:04x}-{device}"


def test_a_newer_field_wins_and_an_older_one_is_reported_lost():
    stored = {"phone": "1", "note": "x", "deleted": False}
    clocks = {"phone": h(10), "note": h(10), "deleted": h(10)}
    newer = merge_register(stored, clocks, {"phone": "2"}, h(20, "b"))
    assert newer.changes == {"phone": "2"} and newer.clocks["phone"] == h(20, "b")
    assert [(x.lost_value, x.incoming_lost) for x in newer.losses] == [("1", False)]
    older = merge_register(stored, clocks, {"phone": "0"}, h(5, "b"))
    assert older.changes == {} and older.clocks == clocks
    assert [(x.kept_value, x.lost_value, x.incoming_lost) for x in older.losses] == [
        ("1", "0", True)
    ]


def test_a_repeat_changes_nothing():
    stored = {"phone": "2"}
    clocks = {"phone": h(20, "b")}
    again = merge_register(stored, clocks, {"phone": "2"}, h(20, "b"))
    assert not again.changed and not again.losses


def test_an_edit_meeting_a_tombstone_keeps_the_row_deleted_and_reports_the_edit():
    stored = {"phone": "1", "deleted": True}
    clocks = {"phone": h(10), "deleted": h(30)}
    edit = merge_register(stored, clocks, {"phone": "9"}, h(40, "b"))
    assert edit.changes == {"phone": "9"}  # kept in the row, which stays deleted
    (loss,) = [x for x in edit.losses if x.field == "deleted"]
    assert loss.lost_value == {"phone": "9"} and loss.incoming_lost


def test_a_delete_meeting_later_edits_reports_them():
    stored = {"phone": "9", "note": "", "deleted": False}
    clocks = {"phone": h(40, "b"), "note": h(10), "deleted": h(10)}
    delete = merge_register(stored, clocks, {"deleted": True}, h(30))
    assert delete.changes == {"deleted": True}
    (loss,) = delete.losses
    assert loss.field == "deleted" and loss.lost_value == {"phone": "9"}
    assert loss.lost_hlc == h(40, "b") and not loss.incoming_lost


def test_only_an_explicit_newer_restore_revives():
    stored = {"phone": "1", "deleted": True}
    clocks = {"phone": h(10), "deleted": h(30)}
    restore = merge_register(stored, clocks, {"deleted": False}, h(50, "b"))
    assert restore.changes == {"deleted": False} and not restore.losses


writes = st.lists(
    st.tuples(
        st.sampled_from(["phone", "note", "deleted"]),
        st.integers(0, 3),
        st.integers(1, 50),
        st.sampled_from("abc"),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda w: (w[2], w[3]),
)


@given(writes, st.randoms(use_true_random=False))
def test_any_order_gives_the_same_row(ws, rnd):
    changes = [({f: v if f != "deleted" else bool(v % 2)}, h(ms, d)) for f, v, ms, d in ws]

    def run(order):
        stored = {"phone": "", "note": "", "deleted": False}
        clocks = dict.fromkeys(stored, h(0, "z"))
        for fields, hlc in order:
            m = merge_register(stored, clocks, fields, hlc)
            stored = {**stored, **m.changes}
            clocks = m.clocks
        return stored, clocks

    shuffled = list(changes)
    rnd.shuffle(shuffled)
    assert run(changes) == run(shuffled) == run(shuffled + changes)
