"""The batch's own files: atomic and private, the overview ranked, escaped and self-contained."""
from __future__ import annotations

import re
import stat

from audit.batch.outputs import csv_bytes, index_html, rank_rows, report_filename, write_atomic


def _row(name, risk, high=0, medium=0, low=0, top=(), error=None, href=None):
    return {"name": name, "risk": risk, "high": high, "medium": medium, "low": low, "documents": 2,
            "doc_errors": 0, "top": list(top), "error": error, "href": href, "pages": 3}


def test_write_atomic_is_private_and_leaves_no_temp(tmp_path):
    target = tmp_path / "new" / "results.jsonl"
    write_atomic(target, b"one\n")
    write_atomic(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["results.jsonl"]


def test_rank_puts_failed_then_high_first():
    rows = [_row("b", "low", low=5), _row("a", "high", high=1), _row("c", "high", high=2, medium=1),
            _row("z", "failed", error="kapot"), _row("d", "none")]
    assert [r["name"] for r in rank_rows(rows)] == ["z", "c", "a", "b", "d"]


def test_index_is_escaped_self_contained_and_ranked():
    evil = "<script>alert(1)</script>"
    rows = [_row("rustig", "none"),
            _row(evil, "high", high=1, top=[{"id": "x", "severity": "high", "message": evil, "message_en": "e"}],
                 href="reports/x.html")]
    html = index_html(rows, "nl", "2026-01-01").decode()
    assert evil not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.index("&lt;script&gt;") < html.index("rustig")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html
    assert html.count("<script>") == 1  # only the sorting script
    english = index_html(rows, "en", "2026-01-01").decode()
    assert "Dossier overview" in english and 'lang="en"' in english


def test_csv_has_contract_columns_and_is_formula_safe():
    data = csv_bytes([{"dossier": "d", "document": "a.pdf", "id": "x", "severity": "high", "week": 3,
                       "message": "m, met komma", "page": 1, "quote": "=SUM(A1)"}]).decode("utf-8-sig")
    header, line = data.splitlines()
    assert header == "dossier,document,id,severity,week,message,page,quote"
    assert '"m, met komma"' in line and ",=SUM" not in line


def test_report_filenames_are_safe_and_unique():
    a, b = report_filename("../x y", "html"), report_filename("../x_y", "html")
    assert "/" not in a and a != b and a.endswith(".html")
