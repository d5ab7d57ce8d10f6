"""The gradebook's database: SQL with named parameters (``:name``), on SQLite or any server.

A SQLite gradebook is reached through the standard library's ``sqlite3``: importing
SQLAlchemy alone takes about half of the second a ``course grade`` with nothing to grade
may take. Any other URL (PostgreSQL) goes through SQLAlchemy, which nbgrader uses too.
The two write the same values: timestamps as SQLAlchemy stores them, booleans as 0/1 on
SQLite.

A transaction (``Database.transaction``) is redone when it lost a race with another
writer (two trainers adding the same submission: a unique-constraint error; a deadlock);
on SQLite it takes the write lock first (``BEGIN IMMEDIATE``), so a second writer waits
for the first instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

__all__ = ["Database", "connect"]

_SQLITE_URL = re.compile(r"^sqlite(\+pysqlite)?:///(?P<path>[^?]+)$")
_RACE_STATES = {"40001", "40P01"}  # PostgreSQL: serialization failure, deadlock detected
BUSY_TIMEOUT = 60.0  # seconds a SQLite writer waits for another one's transaction


class Database(Protocol):
    def rows(self, sql: str, **params) -> list[tuple]: ...
    def execute_many(self, sql: str, rows: list[dict]) -> None: ...
    def transaction(self, work: Callable[[], None], *, retries: int) -> None: ...
    def has_table(self, name: str) -> bool: ...
    def timestamp(self, when: datetime | None) -> object: ...  # a DateTime value as this database stores it
    def close(self) -> None: ...


def connect(db_url: str) -> Database:
    match = _SQLITE_URL.match(db_url)
    return _Sqlite(match["path"]) if match else _Server(db_url)


class _Sqlite:
    def __init__(self, path: str):
        import sqlite3

        self._errors = (sqlite3.IntegrityError,)
        # autocommit: transactions are begun and ended here, explicitly
        self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)

    def rows(self, sql: str, **params) -> list[tuple]:
        return self._db.execute(sql, params).fetchall()

    def execute_many(self, sql: str, rows: list[dict]) -> None:
        if rows:
            self._db.executemany(sql, rows)

    def transaction(self, work: Callable[[], None], *, retries: int) -> None:
        for attempt in range(retries + 1):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                work()
            except self._errors:
                self._db.execute("ROLLBACK")
                if attempt == retries:
                    raise
                continue
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            return

    def has_table(self, name: str) -> bool:
        return bool(self.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name", name=name))

    def timestamp(self, when: datetime | None) -> str | None:
        """SQLAlchemy's SQLite DateTime storage format (what nbgrader's rows hold)."""
        return None if when is None else when.strftime("%Y-%m-%d %H:%M:%S.%f")

    def close(self) -> None:
        self._db.close()


class _Server:
    def __init__(self, db_url: str):
        from sqlalchemy import create_engine, exc, text

        self._text, self._exc = text, exc
        self._engine = create_engine(db_url)
        self._db = self._engine.connect()
        self._in_transaction = False

    def rows(self, sql: str, **params) -> list[tuple]:
        found = [tuple(row) for row in self._db.execute(self._text(sql), params)]
        if not self._in_transaction:
            self._db.commit()  # a read holds nothing open between statements
        return found

    def execute_many(self, sql: str, rows: list[dict]) -> None:
        if rows:
            self._db.execute(self._text(sql), rows)

    def transaction(self, work: Callable[[], None], *, retries: int) -> None:
        for attempt in range(retries + 1):
            self._db.rollback()  # start clean
            self._in_transaction = True
            try:
                work()
                self._db.commit()
                return
            except self._exc.DBAPIError as err:
                self._db.rollback()
                if attempt == retries or not self._lost_race(err):
                    raise
            except BaseException:
                self._db.rollback()
                raise
            finally:
                self._in_transaction = False

    def _lost_race(self, err) -> bool:
        state = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)
        return isinstance(err, self._exc.IntegrityError) or state in _RACE_STATES

    def has_table(self, name: str) -> bool:
        from sqlalchemy import inspect

        found = inspect(self._db).has_table(name)
        self._db.commit()
        return found

    def timestamp(self, when: datetime | None) -> datetime | None:
        return when

    def close(self) -> None:
        self._db.close()
        self._engine.dispose()
