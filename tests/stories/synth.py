"""A small synthetic news stream: distinct events, each reported several times in different words."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from tinhhinh.item import Item

EVENTS = [
    ("Lũ quét ở Lào Cai", ["lũ quét", "mưa lớn", "sạt lở", "Bát Xát", "người mất tích", "cứu hộ"]),
    ("Cháy chợ Phùng Khoang", ["cháy", "chợ Phùng Khoang", "lính cứu hỏa", "tiểu thương", "thiệt hại"]),
    ("Tăng giá xăng dầu", ["giá xăng", "Petrolimex", "liên bộ Công Thương", "điều chỉnh", "quỹ bình ổn"]),
    ("Dịch sốt xuất huyết", ["sốt xuất huyết", "muỗi vằn", "Sở Y tế", "ca mắc", "phun hóa chất"]),
    ("Tai nạn cao tốc Nội Bài", ["xe khách", "cao tốc Nội Bài Lào Cai", "lật", "hành khách", "CSGT"]),
    ("Lừa đảo qua mạng", ["lừa đảo", "tài khoản ngân hàng", "mạo danh công an", "chuyển tiền", "Zalo"]),
    ("Bão số 5 đổ bộ", ["bão số 5", "gió giật cấp 12", "Quảng Ngãi", "sơ tán", "tàu thuyền"]),
    ("Tuyển sinh lớp 10", ["tuyển sinh lớp 10", "điểm chuẩn", "Sở Giáo dục", "thí sinh", "nguyện vọng"]),
    ("Ô nhiễm sông Tô Lịch", ["sông Tô Lịch", "ô nhiễm", "nước thải", "mùi hôi", "JEBO"]),
    ("Hội chợ nông sản Đà Lạt", ["hội chợ", "nông sản", "Đà Lạt", "dâu tây", "atiso"]),
]
FILLER = (
    "theo thông tin từ cơ quan chức năng cho biết hiện nay tình hình đang được theo dõi chặt chẽ "
    "người dân địa phương bày tỏ lo ngại chính quyền đã có văn bản chỉ đạo các đơn vị liên quan "
    "phóng viên ghi nhận tại hiện trường nhiều người đến xem trong ngày hôm qua và sáng nay"
).split()
SOURCES = ["vnexpress.net", "tuoitre.vn", "thanhnien.vn", "dantri.com.vn", "vov.vn", "nld.com.vn"]
T0 = datetime(2025, 8, 1, 6, 0, tzinfo=UTC)


def stream(per_event: int = 5, seed: int = 0) -> list[tuple[Item, str]]:
    """(item, gold event) pairs in time order: each event is reported within a day, events a day apart."""
    rng = random.Random(seed)
    out = []
    for e, (name, words) in enumerate(EVENTS):
        for k in range(per_event):
            picked = rng.sample(words, k=min(4, len(words)))
            sentences = []
            for _ in range(6):
                w = rng.sample(words, 2)
                fill = rng.sample(FILLER, 8)
                sentences.append(f"{' '.join(fill[:4])} {w[0]} {' '.join(fill[4:])} {w[1]}.")
            item = Item(
                id=f"e{e}-{k}",
                source=SOURCES[(e + k) % len(SOURCES)],
                title=f"{name}: {picked[0]} và {picked[1]}",
                text=" ".join(sentences),
                published_at=T0 + timedelta(days=e, hours=rng.uniform(0, 20)),
            )
            out.append((item, f"event{e}"))
    out.sort(key=lambda p: p[0].published_at)
    return out
