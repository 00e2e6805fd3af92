"""The SQLite result store: private file, survives a reopen, keyed lookups."""
from __future__ import annotations

import stat

from audit.batch.store import Store


def test_store_is_private_and_persists(tmp_path):
    path = tmp_path / "out" / "store.sqlite"
    store = Store(path)
    store.put_document("k1", "a.docx", "abc", 3, 0.5, 1000, None, b"payload")
    store.put_document("k2", "b.pdf", "def", 0, 0.1, 900, "kapot", b"")
    store.put_dossier("d1", "dk", "ok", None, '{"dossier": "d1"}', b"r", {"nl": [{"id": "x"}]}, {"risk": "low"})
    store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    again = Store(path)
    assert again.known_documents(["k1", "k2", "k3"]) == {"k1", "k2"}
    assert again.document_result("k1") == (b"payload", None)
    assert again.document_result("k2") == (b"", "kapot")
    row = again.dossier("d1")
    assert (row.key, row.status, row.findings, row.summary) == ("dk", "ok", {"nl": [{"id": "x"}]}, {"risk": "low"})
    assert again.dossier_key("nope") is None
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for extra in path.parent.glob("store.sqlite-*"):
        assert stat.S_IMODE(extra.stat().st_mode) == 0o600, extra
    again.close()


def test_many_keys_are_looked_up_in_chunks(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    for i in range(1200):
        store.db.execute("INSERT INTO documents (key) VALUES (?)", (f"k{i}",))
    store.db.commit()
    wanted = [f"k{i}" for i in range(0, 2400, 2)]
    assert store.known_documents(wanted) == {f"k{i}" for i in range(0, 1200, 2)}
    store.close()
