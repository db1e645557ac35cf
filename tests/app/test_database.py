"""The local database file: big writes reach the main file without the writer waiting."""

import sqlite3

from sqlalchemy import text

from app.store.db import CHECKPOINT_AFTER_BYTES, Database


def rows_in_main_file(path, table):
    # immutable=1 reads the database file alone, ignoring the write-ahead log
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def write_scratch_rows(db, count):
    """About 1 KB a row: 6,000 of them make a log larger than the checkpoint threshold."""
    with db.session() as s:
        s.execute(text("CREATE TABLE scratch (body TEXT)"))
        s.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
                "INSERT INTO scratch SELECT hex(randomblob(500)) FROM n"
            ),
            {"count": count},
        )


def test_a_big_write_is_copied_into_the_database_file_after_its_commit(tmp_path):
    path = tmp_path / "desk.sqlite3"
    db = Database(path)
    write_scratch_rows(db, 6000)
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > CHECKPOINT_AFTER_BYTES  # the commit did not checkpoint
    assert db.checkpoints.wait(timeout=30)
    assert db.checkpoints.completed >= 1
    assert rows_in_main_file(path, "scratch") == 6000

    # the log restarts and is cut back: small commits leave it at the limit
    with db.session() as s:
        s.execute(text("INSERT INTO scratch VALUES ('one more')"))
    assert wal.stat().st_size <= CHECKPOINT_AFTER_BYTES
    db.close()
    assert not db.checkpoints._thread.is_alive()
    assert rows_in_main_file(path, "scratch") == 6001  # closing copies the rest


def test_small_commits_leave_checkpoints_to_later(tmp_path):
    db = Database(tmp_path / "desk.sqlite3")
    for n in range(20):
        with db.session() as s:
            s.execute(text("CREATE TABLE IF NOT EXISTS scratch (n INTEGER)"))
            s.execute(text("INSERT INTO scratch VALUES (:n)"), {"n": n})
    assert db.checkpoints.completed == 0
    db.close()


def test_a_database_opened_through_a_link_is_checkpointed_too(tmp_path):
    # an office may keep the file elsewhere and link to it; SQLite logs beside the real file
    real = tmp_path / "data" / "desk.sqlite3"
    real.parent.mkdir()
    link = tmp_path / "desk-link.sqlite3"
    Database(real).close()
    link.symlink_to(real)
    db = Database(link)
    write_scratch_rows(db, 6000)
    assert db.checkpoints.wait(timeout=30)
    assert db.checkpoints.completed >= 1
    assert rows_in_main_file(real, "scratch") == 6000
    db.close()
