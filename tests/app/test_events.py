"""Change events: a commit publishes the tables and rows it wrote; a rollback publishes nothing."""

import threading

import pytest

from app.events import ChangeNotifier, Changes
from app.services.units import create_estate, ensure_building
from app.store.db import mark_changed, mark_source


def collect(db):
    seen: list[Changes] = []
    db.events.subscribe(seen.append)
    return seen


def test_a_commit_publishes_the_rows_it_wrote(db):
    seen = collect(db)
    with db.session() as s:
        estate = create_estate(s, "月亮湾")
        building = ensure_building(s, estate.id, "1栋")
    assert len(seen) == 1
    assert estate.id in seen[0].ids("estates")
    assert building.id in seen[0].ids("buildings")
    assert seen[0].touches("buildings") and not seen[0].touches("units")
    assert seen[0].source == "local"


def test_a_rollback_publishes_nothing(db):
    seen = collect(db)
    with pytest.raises(RuntimeError), db.session() as s:
        create_estate(s, "月亮湾")
        s.flush()
        raise RuntimeError("boom")
    assert seen == []
    with db.session():
        pass  # the next, empty unit of work publishes nothing either (no leftovers)
    assert seen == []


def test_bulk_writes_are_marked_by_hand_and_keep_their_source(db):
    seen = collect(db)
    with db.session() as s:
        mark_changed(s, "bill_lines")
        mark_source(s, "sync")
    assert seen[0].touches("bill_lines")
    assert seen[0].ids("bill_lines") == frozenset()  # which rows: unknown
    assert seen[0].source == "sync"


def test_a_broken_listener_does_not_stop_the_others():
    notifier = ChangeNotifier()
    got = []

    def broken(_changes):
        raise ValueError("listener bug")

    notifier.subscribe(broken)
    unsubscribe = notifier.subscribe(got.append)
    notifier.publish(Changes({"units": frozenset({"u1"})}))
    assert [c.ids("units") for c in got] == [frozenset({"u1"})]
    unsubscribe()
    notifier.publish(Changes({"units": frozenset({"u2"})}))
    assert len(got) == 1


def test_commits_on_another_thread_publish_there(db):
    threads = []
    db.events.subscribe(lambda _c: threads.append(threading.current_thread().name))

    def write():
        with db.session() as s:
            create_estate(s, "星河湾")

    worker = threading.Thread(target=write, name="worker")
    worker.start()
    worker.join()
    assert threads == ["worker"]
