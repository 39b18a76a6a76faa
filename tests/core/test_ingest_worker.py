"""Large dumps are read, checked and folded in a worker process: the database must be exactly what reading
them in-process stores (same rows, same copies, same index, same rejections, same errors)."""

from __future__ import annotations

import sqlite3

import pytest
from dbdump import items_dump

from tinhhinh.ingest import run as ingest_run
from tinhhinh.ingest.readers import read_all
from tinhhinh.ingest.records import read_file
from tinhhinh.store.db import dispose_all, engine_for
from tinhhinh.store.search import search

BODY = "Sáng nay, mưa lớn gây ngập nhiều tuyến phố ở Đà Nẵng. Người dân phải di chuyển chậm."


def _records() -> list[dict]:
    recs = []
    for n in range(60):
        recs.append(
            {
                "id": str(n),
                "source": "a.vn" if n % 3 else "b.vn",
                "title": f"Tin số {n} về Đà Nẵng và hoà bình",
                "text": f"{BODY} Đoạn {n}.",
                "published_at": f"2026-03-{1 + n % 28:02d}T08:00:00",
                "author": "Nguyễn Văn A",
                "topic": "thời sự",
            }
        )
    recs.append(
        {
            "id": "copy",
            "source": "c.vn",
            "title": "Tin số 5 về Đà Nẵng và hoà bình",
            "text": f"{BODY} Đoạn 5.",
        }
    )
    recs.append({"id": "1", "source": "a.vn", "title": "again", "text": "same key in one file"})
    recs.append({"source": "a.vn", "title": "no identity"})
    recs.append({"id": "empty", "title": "", "text": ""})
    recs.append({"url": "https://x.vn/bai?utm_source=fb", "title": "Chỉ có URL", "text": "Đường sắt"})
    return recs


def _dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        key_of = dict(conn.execute("SELECT pk, key FROM items"))
        _, rows = items_dump(conn)
        sizes = {
            t: sorted((key_of[i], s) for i, s in conn.execute(f"SELECT id, sz FROM fts_{t}_docsize"))
            for t in ("title_x", "title_a", "doc_x", "doc_a")
        }
        # title and text cross the pipe as UTF-8 bytes and are cast on insert: stored as TEXT all the same
        types = sorted(set(conn.execute("SELECT typeof(title), typeof(text), typeof(url) FROM items")))
        return [rows, sizes, types]
    finally:
        conn.close()


def _ingest(tmp_path, name, src, monkeypatch, worker: str, batch_size=7):
    monkeypatch.setenv("TINHHINH_INGEST_WORKER", worker)
    engine = engine_for(str(tmp_path / name))
    summary = ingest_run.ingest(read_file(src), engine, batch_size=batch_size)
    hits = [h.id for h in search(engine, "da nang hoa binh", limit=100, audit=False)]
    dispose_all()
    return summary, hits


def test_worker_process_stores_exactly_what_in_process_reading_stores(tmp_path, jsonl, monkeypatch):
    src = jsonl("big.jsonl", _records())
    with (tmp_path / "big.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    a, hits_a = _ingest(tmp_path, "worker.db", src, monkeypatch, "1")
    b, hits_b = _ingest(tmp_path, "inproc.db", src, monkeypatch, "0")
    assert (a.new, a.copies, a.present, a.rejected) == (b.new, b.copies, b.present, b.rejected)
    # the second record with id 1 of a.vn has another text: named, not stored (and not "present")
    assert (a.new, a.copies, a.present, a.rejected, len(a.conflicts)) == (61, 1, 0, 3, 1)
    assert [str(r) for r in a.rejections] == [str(r) for r in b.rejections]
    assert (
        [str(c) for c in a.conflicts]
        == [str(c) for c in b.conflicts]
        == [
            f"{src}:62: id '1' of source 'a.vn' already stored with different text: kept the stored one; "
            "give --source (or a source field) to keep both"
        ]
    )
    assert _dump(tmp_path / "worker.db") == _dump(tmp_path / "inproc.db")
    assert _dump(tmp_path / "worker.db")[2] == [("text", "text", "null"), ("text", "text", "text")]
    assert hits_a == hits_b and len(hits_a) == 61
    # re-ingest through the worker adds nothing
    again, _ = _ingest(tmp_path, "worker.db", src, monkeypatch, "1")
    assert (again.new, again.copies, again.present, len(again.conflicts)) == (0, 0, 62, 1)


def test_worker_is_used_for_large_dumps_only(tmp_path, jsonl, monkeypatch):
    monkeypatch.delenv("TINHHINH_INGEST_WORKER", raising=False)
    small = jsonl("small.jsonl", _records())
    assert not ingest_run._use_worker(read_file(small))
    assert not ingest_run._use_worker(iter([]))  # a plain iterable cannot be re-read elsewhere
    monkeypatch.setattr(ingest_run, "WORKER_MIN_BYTES", 100)
    assert ingest_run._use_worker(read_file(small)) == ((__import__("os").cpu_count() or 1) > 1)
    assert not ingest_run._use_worker(read_all([str(small), "https://x.vn/feed.rss"]))


def test_worker_passes_reader_errors_on(tmp_path, monkeypatch):
    monkeypatch.setenv("TINHHINH_INGEST_WORKER", "1")
    engine = engine_for(str(tmp_path / "t.db"))
    with pytest.raises(FileNotFoundError):
        ingest_run.ingest(read_file(tmp_path / "missing.jsonl"), engine)
    with pytest.raises(ValueError, match="unknown file type"):
        ingest_run.ingest(read_file(tmp_path / "x.txt"), engine)
    dispose_all()


def test_worker_path_on_both_backends(jsonl, db, monkeypatch):
    """The worker hands index texts over as UTF-8 bytes; PostgreSQL's word lists must get the same words."""
    monkeypatch.setenv("TINHHINH_INGEST_WORKER", "1")
    summary = ingest_run.ingest(read_file(jsonl("w.jsonl", _records())), db, batch_size=7)
    assert (summary.new, summary.copies, summary.present, summary.rejected) == (61, 1, 0, 2)
    assert len(summary.conflicts) == 1
    assert len(search(db, "Đà Nẵng", limit=100, audit=False)) == 61
    assert len(search(db, "da nang hoa binh", limit=100, audit=False)) == 61
    assert [h.id for h in search(db, "đường sắt", audit=False)] == ["https://x.vn/bai"]
