"""Fact-check matching speed and false-flag rate on real news.

Matches 1,000 VNTC articles against (a) a synthetic 1,000-claim registry (template claims in the four
domains, built from real provinces, foods, diseases and procedures so the index sees realistic words)
and (b) the 24-claim evaluation registry; times the other per-record stages on the same articles to
show what matching adds. Prints a Markdown table.

Run: .venv/bin/python bench/factcheck.py [--n 1000] [--claims 1000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import time
from pathlib import Path

from tinhhinh import config
from tinhhinh.harm import factcheck as fc
from tinhhinh.harm import factcheck_registry as reg
from tinhhinh.item import Item

ROOT = Path(__file__).resolve().parents[1]

PROVINCES = [
    "Hà Nội",
    "TP.HCM",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Huế",
    "Quảng Ninh",
    "Nghệ An",
    "Thanh Hóa",
    "Quảng Ngãi",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Gia Lai",
    "Lào Cai",
    "Sơn La",
    "Điện Biên",
    "Cà Mau",
    "An Giang",
    "Đồng Tháp",
    "Vĩnh Long",
    "Tây Ninh",
    "Đồng Nai",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Phú Thọ",
    "Thái Nguyên",
    "Tuyên Quang",
    "Lạng Sơn",
    "Cao Bằng",
    "Quảng Trị",
    "Hà Tĩnh",
]
FOODS = [
    "trứng gà",
    "sữa đậu nành",
    "mì tôm",
    "nước ngọt",
    "thịt lợn",
    "cá biển",
    "rau muống",
    "gạo",
    "nước mắm",
    "bánh mì",
    "cà phê",
    "trà xanh",
    "mật ong",
    "tỏi",
    "gừng",
    "nghệ",
    "chanh",
    "dừa",
    "sầu riêng",
    "măng",
]
DISEASES = [
    "ung thư",
    "tiểu đường",
    "cao huyết áp",
    "sốt xuất huyết",
    "cúm A",
    "COVID-19",
    "viêm gan B",
    "sởi",
    "tay chân miệng",
    "đột quỵ",
    "suy thận",
    "gout",
    "bệnh tim",
    "vô sinh",
    "mất trí nhớ",
]
PROCEDURES = [
    "đổi căn cước",
    "đăng ký thường trú",
    "cấp hộ chiếu",
    "đăng ký xe",
    "đổi giấy phép lái xe",
    "làm sổ đỏ",
    "kích hoạt định danh điện tử",
    "đăng ký khai sinh",
    "nhận lương hưu",
    "đóng bảo hiểm y tế",
]
BANKS = ["Vietcombank", "BIDV", "Agribank", "VietinBank", "Techcombank", "MB Bank", "ACB", "Sacombank"]


def synthetic_claims(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    makers = [
        lambda: f"Ăn {rnd.choice(FOODS)} mỗi ngày gây {rnd.choice(DISEASES)}",
        lambda: (
            f"Uống nước {rnd.choice(FOODS)} chữa khỏi {rnd.choice(DISEASES)} sau {rnd.randint(2, 30)} ngày"
        ),
        lambda: (
            f"Bão số {rnd.randint(1, 13)} sẽ đổ bộ vào {rnd.choice(PROVINCES)} với sức gió cấp {rnd.randint(12, 17)}"
        ),
        lambda: f"Động đất {rnd.randint(5, 9)} độ richter sắp xảy ra ở {rnd.choice(PROVINCES)}",
        lambda: f"Lũ quét sẽ nhấn chìm {rnd.choice(PROVINCES)} trong đêm nay",
        lambda: (
            f"Người dân {rnd.choice(PROVINCES)} phải nộp phí {rnd.randint(1, 9) * 50}.000 đồng để {rnd.choice(PROCEDURES)}"
        ),
        lambda: f"Từ ngày 1/{rnd.randint(1, 12)} người chưa {rnd.choice(PROCEDURES)} sẽ bị phạt tiền",
        lambda: (
            f"{rnd.choice(BANKS)} sẽ khóa tài khoản của khách hàng chưa {rnd.choice(['cập nhật sinh trắc học', 'xác thực căn cước', 'cài ứng dụng mới'])}"
        ),
        lambda: (
            f"{rnd.choice(FOODS).capitalize()} giả làm từ hóa chất đang được bán ở {rnd.choice(PROVINCES)}"
        ),
    ]
    seen: dict[str, dict] = {}
    while len(seen) < n:
        claim = rnd.choice(makers)()
        if claim not in seen:
            seen[claim] = {
                "id": reg.entry_id(claim, "bench"),
                "claim": claim,
                "rating": "false",
                "verdict": "false",
                "domain": "health",
                "url": "https://example.invalid/",
                "publisher": "bench",
                "status": "approved",
            }
    return list(seen.values())


def vntc(n: int) -> list[Item]:
    path = config.data_dir() / "vntc" / "test.jsonl.gz"
    if not path.exists():
        raise SystemExit(f"VNTC not found at {path} (set TINHHINH_DATA)")
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if len(r.get("text") or "") >= 200:
                out.append(
                    Item(id=r["id"], source=r.get("source", ""), title=r.get("title", ""), text=r["text"])
                )
            if len(out) >= n:
                break
    return out


def time_matcher(matcher: fc.Matcher, docs: list[Item]) -> tuple[list[float], int, int, int]:
    times, flagged, candidates = [], 0, 0
    for d in docs:
        t0 = time.perf_counter()
        found = matcher.match(d.title, d.text)
        times.append(time.perf_counter() - t0)
        flagged += bool(found)
    bounded = 0
    for d in docs:
        words = fc._words_plain(fc._ascii(d.title + "\n" + d.text), ascii_only=True)
        cand = matcher.candidates(set(words))
        candidates += bool(cand)
        bounded += bool(cand and matcher.bounded(cand, words))
    return times, flagged, candidates, bounded


def other_stages_ms(docs: list[Item]) -> float | None:
    """Mean per-article time of the other per-record stages that load in this installation."""
    from tinhhinh.pipeline import PER_RECORD, load_stages

    stages = []
    for spec in PER_RECORD:
        if spec[1] == "FactcheckStage":
            continue
        try:
            (stage,) = load_stages([spec])
            stage(Item(title="thử", text="Một câu thử nghiệm."))
            stages.append(stage)
        except Exception as exc:  # noqa: BLE001 - other stages may be mid-change or lack a model here
            print(f"(stage {spec[1]} not timed: {exc.__class__.__name__})")
    if not stages:
        return None
    t0 = time.perf_counter()
    for d in docs:
        item = Item(title=d.title, text=d.text)
        for s in stages:
            item = s(item)
    return (time.perf_counter() - t0) / len(docs) * 1000, [s.name for s in stages]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--claims", type=int, default=1000)
    args = ap.parse_args()
    docs = vntc(args.n)
    words = sum(len((d.title + " " + d.text).split()) for d in docs) / len(docs)
    t0 = time.perf_counter()
    big = fc.Matcher(synthetic_claims(args.claims))
    build_ms = (time.perf_counter() - t0) * 1000
    small = fc.Matcher(reg.load(ROOT / "tests/harm/data/factcheck_registry.jsonl"))
    rows = []
    for name, m in ((f"synthetic {len(big)} claims", big), (f"eval registry {len(small)} claims", small)):
        fc.Matcher([])  # warm caches
        m.match("", "khởi động")
        times, flagged, cand, bounded = time_matcher(m, docs)
        ms = [t * 1000 for t in times]
        rows.append(
            (
                name,
                statistics.mean(ms),
                statistics.median(ms),
                sorted(ms)[int(0.99 * len(ms)) - 1],
                cand,
                bounded,
                flagged,
            )
        )
    other = other_stages_ms(docs)
    print(f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (timings scale with it)")
    print(
        f"\n{len(docs)} VNTC test articles (≥200 chars, mean {words:.0f} words); index build {build_ms:.0f} ms "
        f"for {len(big)} claims\n"
    )
    print(
        "| registry | mean ms/article | median ms | p99 ms | share a rare claim syllable | "
        "past the whole-text bound | flagged |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, mean, med, p99, cand, bounded, flagged in rows:
        print(f"| {name} | {mean:.3f} | {med:.3f} | {p99:.3f} | {cand} | {bounded} | {flagged} |")
    if other:
        ms, names = other
        share = rows[0][1] / ms * 100
        print(
            f"\nOther per-record stages ({', '.join(names)}): {ms:.2f} ms/article; matching with the "
            f"{len(big)}-claim registry adds {share:.1f}%."
        )


if __name__ == "__main__":
    main()
