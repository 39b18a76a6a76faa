"""A database whose copies signatures were stored by an older scheme keeps linking near copies.

Scheme 1 (until 27 Nov 2026) stored 528 bytes: the exact hash and datasketch's MinHash of SHA-1-hashed
shingle strings. Comparing those with today's values would find nothing; the store recomputes them
from the item's text when the detector loads, and saves them back.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from sqlalchemy import select, update

from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import ingest
from tinhhinh.nlp import copies
from tinhhinh.nlp.normalize import folded_tokens
from tinhhinh.ordered import ordered_for_store
from tinhhinh.store.db import dispose_all, engine_for
from tinhhinh.store.schema import items

TITLE = "Đà Nẵng tổng kết phòng chống bão lụt"
BODY = (
    "Sáng nay, Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị tổng kết công tác phòng chống "
    "bão lụt năm 2025. Theo báo cáo, mưa lớn kéo dài trong tháng mười đã làm ngập hơn ba nghìn ngôi nhà "
    "ở các quận Hải Châu, Thanh Khê và Cẩm Lệ. Lực lượng cứu hộ đã sơ tán gần mười nghìn người dân đến "
    "nơi an toàn trước khi bão đổ bộ. Thành phố đề nghị trung ương hỗ trợ kinh phí sửa chữa đê kè và "
    "trường học bị hư hỏng. Chủ tịch thành phố yêu cầu các sở ngành rà soát lại phương án ứng phó thiên tai "
    "cho mùa mưa bão năm sau, đặc biệt là các khu dân cư ven sông Hàn."
)
OTHER = (
    "Đội tuyển bóng đá Việt Nam đã có buổi tập đầu tiên tại sân Mỹ Đình chuẩn bị cho trận gặp Thái Lan. "
    "Huấn luyện viên trưởng cho biết các cầu thủ đều có thể lực tốt sau kỳ nghỉ."
)
# what a re-posting site does: a sentence dropped, two words changed, a new headline
NEAR = (
    BODY.replace(
        " Lực lượng cứu hộ đã sơ tán gần mười nghìn người dân đến nơi an toàn trước khi bão đổ bộ.", ""
    )
    .replace("Chủ tịch", "Lãnh đạo")
    .replace("ba nghìn", "3.000")
)


def scheme1(text: str) -> bytes:
    """The 528 bytes scheme 1 stored (datasketch MinHash, affine32, seed 1, SHA-1 of each shingle)."""
    words = folded_tokens(text)
    sh = {" ".join(words[i : i + 3]).encode("utf-8") for i in range(len(words) - 2)}
    hv = np.array([int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in sh], dtype=np.uint32)
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    gen = np.random.RandomState(1)  # datasketch's permutations (seed 1)
    a = gen.randint(0, 1 << 31, 128, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, 128, dtype=np.uint32)
    values = (hv.reshape(-1, 1) * a + b).min(axis=0)
    exact = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    return exact + values.astype("<u4").tobytes()


def _ingest(engine, jsonl, name, records):
    return ingest(read_file(jsonl(name, records)), engine, ordered=ordered_for_store(engine))


def _rows(engine):
    with engine.connect() as conn:
        return {r["key"]: r for r in conn.execute(select(items)).mappings()}


def scheme2_like(text: str) -> bytes:
    """529 bytes tagged scheme 2 (one commit's MinHash of mixed shingle hashes): values unlike today's."""
    sig = copies.signature(text)
    return sig[:16] + sig[16:-1][::-1] + b"\x02"


@pytest.mark.parametrize("old_scheme", [scheme1, scheme2_like], ids=["scheme1", "scheme2"])
def test_near_copy_links_to_an_item_stored_with_an_older_signature(tmp_path, jsonl, old_scheme):
    path = str(tmp_path / "old.db")
    engine = engine_for(path)
    _ingest(
        engine,
        jsonl,
        "a.jsonl",
        [
            {
                "id": "orig",
                "source": "a.vn",
                "title": TITLE,
                "text": BODY,
                "published_at": "2026-03-01T08:00:00",
            },
            {
                "id": "other",
                "source": "a.vn",
                "title": "Bóng đá",
                "text": OTHER,
                "published_at": "2026-03-01T09:00:00",
            },
        ],
    )
    new_sig = {k: bytes.fromhex(r["minhash"]) for k, r in _rows(engine).items()}
    assert all(copies.is_current(s) for s in new_sig.values())
    # the database as the older code left it: scheme-1 bytes and version
    with engine.begin() as conn:
        for key, r in _rows(engine).items():
            old = old_scheme(f"{r['title']}\n{r['text']}")
            assert old[:16] == new_sig[key][:16]  # the exact hash did not change
            conn.execute(
                update(items)
                .where(items.c.key == key)
                .values(minhash=old.hex(), model_version={**r["model_version"], "copies": "minhash-128/j0.4"})
            )
    assert not any(copies.is_current(bytes.fromhex(r["minhash"])) for r in _rows(engine).values())
    dispose_all()

    engine = engine_for(path)  # a new run of the new code on the old file
    _ingest(
        engine,
        jsonl,
        "b.jsonl",
        [
            {
                "id": "near",
                "source": "b.vn",
                "title": "Đà Nẵng: họp tổng kết mùa mưa bão",
                "text": NEAR,
                "published_at": "2026-03-01T11:00:00",
            }
        ],
    )
    r = _rows(engine)
    assert r["b.vn:near"]["dup_of"] == r["a.vn:orig"]["pk"]
    assert r["a.vn:other"]["dup_of"] is None and r["a.vn:orig"]["dup_of"] is None
    assert r["b.vn:near"]["model_version"]["copies"] == copies.VERSION
    # the old signatures were recomputed from the stored text and saved: what the new code stores
    assert {k: bytes.fromhex(r[k]["minhash"]) for k in new_sig} == new_sig
    dispose_all()


def test_scheme_1_values_would_not_match_todays():
    """Why the store must recompute: the same text's values differ between the schemes."""
    text = f"{TITLE}\n{BODY}"
    _, v2 = copies._unpack(copies.signature(text))
    v1 = np.frombuffer(scheme1(text)[16:], dtype="<u4")
    assert np.count_nonzero(v1 == v2) < 10
