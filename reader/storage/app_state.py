"""Small key/value records the app keeps between runs (the last view and article)."""

from __future__ import annotations

from reader.storage.connection import ConnectionPool, write_transaction


class AppStateStore:
    def __init__(self, pool: ConnectionPool):
        self._pool = pool

    def get(self, key: str) -> str | None:
        row = self._pool.get().execute("SELECT value FROM app_state WHERE key = ?", (key,))
        found = row.fetchone()
        return None if found is None else str(found[0])

    def set(self, key: str, value: str) -> None:
        conn = self._pool.get()
        with write_transaction(conn):
            conn.execute(
                "INSERT INTO app_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
