"""The result store: one SQLite file that makes a batch resumable and incremental.

Documents are keyed by their content hash plus everything that changes what reading and
auditing them gives (program and checklist versions, read options, display path, forced type);
dossiers by their name plus the keys of their documents. WAL mode with a commit per document:
a run killed with ``kill -9`` loses at most the document it was busy with, and a result that
was reported done is on disk (https://www.sqlite.org/wal.html). Only the parent process writes.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY, display TEXT, sha256 TEXT, pages INTEGER, seconds REAL,
    peak_rss_kb INTEGER, error TEXT, result BLOB, created REAL);
CREATE TABLE IF NOT EXISTS dossiers (
    name TEXT PRIMARY KEY, key TEXT, status TEXT, error TEXT, report_json TEXT, report BLOB,
    findings_json TEXT, summary_json TEXT, updated REAL);
CREATE TABLE IF NOT EXISTS outputs (
    path TEXT PRIMARY KEY, key TEXT);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL, finished REAL, stats_json TEXT);
"""


@dataclass(frozen=True)
class StoredDossier:
    name: str
    key: str
    status: str  # "ok" | "failed"
    error: str | None
    report_json: str  # one line of canonical JSON (or the failure row)
    findings: dict[str, list[dict[str, Any]]]  # CSV rows per report language
    summary: dict[str, Any]


def _create_private(path: Path) -> None:
    """Create the database file 0600 before SQLite does; its -wal and -shm files copy the mode."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


class Store:
    def __init__(self, path: Path):
        self.path = path
        _create_private(path)
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    # ---------------------------------------------------------------- documents
    def known_documents(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found |= {r[0] for r in self.db.execute(f"SELECT key FROM documents WHERE key IN ({marks})", chunk)}
        return found

    def put_document(self, key: str, display: str, sha256: str, pages: int, seconds: float,
                     peak_rss_kb: int, error: str | None, result: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                        (key, display, sha256, pages, seconds, peak_rss_kb, error, result, time.time()))
        self.db.commit()

    def document_result(self, key: str) -> tuple[bytes, str | None] | None:
        row = self.db.execute("SELECT result, error FROM documents WHERE key=?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    # ---------------------------------------------------------------- dossiers
    def dossier_key(self, name: str) -> str | None:
        row = self.db.execute("SELECT key FROM dossiers WHERE name=?", (name,)).fetchone()
        return row[0] if row else None

    def put_dossier(self, name: str, key: str, status: str, error: str | None, report_json: str,
                    report: bytes, findings: dict, summary: dict) -> None:
        self.db.execute("INSERT OR REPLACE INTO dossiers VALUES (?,?,?,?,?,?,?,?,?)",
                        (name, key, status, error, report_json, report,
                         json.dumps(findings, ensure_ascii=False), json.dumps(summary, ensure_ascii=False),
                         time.time()))
        self.db.commit()

    def dossier(self, name: str) -> StoredDossier | None:
        row = self.db.execute("SELECT name, key, status, error, report_json, findings_json, summary_json "
                              "FROM dossiers WHERE name=?", (name,)).fetchone()
        if row is None:
            return None
        return StoredDossier(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), json.loads(row[6]))

    def dossier_report(self, name: str) -> bytes | None:
        row = self.db.execute("SELECT report FROM dossiers WHERE name=?", (name,)).fetchone()
        return row[0] if row and row[0] else None

    # ---------------------------------------------------------------- outputs and runs
    def output_key(self, path: str) -> str | None:
        row = self.db.execute("SELECT key FROM outputs WHERE path=?", (path,)).fetchone()
        return row[0] if row else None

    def put_output(self, path: str, key: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO outputs VALUES (?,?)", (path, key))
        self.db.commit()

    def record_run(self, started: float, stats: dict[str, Any]) -> None:
        self.db.execute("INSERT INTO runs (started, finished, stats_json) VALUES (?,?,?)",
                        (started, time.time(), json.dumps(stats)))
        self.db.commit()

    def last_run(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT stats_json FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row else None
