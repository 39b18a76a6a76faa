"""Build src/tinhhinh/data/places.json from the administrative mapping shipped in underthesea.

Source: underthesea 9.5.0 (Apache-2.0) ``underthesea/address/data/mapping.json``, itself generated from
vietnamadminunits 1.0.4 (MIT; data from danhmuchanhchinh.gso.gov.vn and sapnhap.bando.com.vn), effective
2025-07-01: 34 provinces/cities, 3,3xx communes, and the mapping from the 63 former provinces and their
former districts/communes. See src/tinhhinh/data/places.md.

Usage: .venv/bin/python bench/stories_build_places.py
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import underthesea

SRC = Path(underthesea.__file__).parent / "address" / "data" / "mapping.json"
OUT = Path(__file__).resolve().parent.parent / "src" / "tinhhinh" / "data" / "places.json"

# Names people write that the administrative list does not carry.
EXTRA_ALIASES = {
    "thanhphohochiminh": [
        "TP.HCM",
        "TPHCM",
        "TP HCM",
        "Tp.HCM",
        "Sài Gòn",
        "Thành phố Sài Gòn",
        "TP Hồ Chí Minh",
    ],
    # "Thừa Thiên" alone (a team, "tỉnh Thừa Thiên xưa") is the same province
    "thanhphohue": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên", "Cố đô Huế", "TP Huế"],
    # "HN": 185 uses in 92 VNTC train articles, all Hà Nội except "hôn nhân" (marriage; blocked below)
    "thanhphohanoi": ["Thủ đô Hà Nội", "TP Hà Nội", "HN"],
    "thanhphodanang": ["TP Đà Nẵng"],
    "thanhphohaiphong": ["TP Hải Phòng"],
    "thanhphocantho": ["TP Cần Thơ"],
    "tinhdaklak": ["Đắc Lắc", "Daklak", "Đăk Lăk", "Đắk Lắc"],
}
FORMER_EXTRA = {
    "tinhdaknong": ["Đăk Nông", "Đắc Nông"],
    "tinhbariavungtau": ["Bà Rịa Vũng Tàu", "BR-VT"],
    "tinhkontum": ["Kontum"],
    "tinhbackan": ["Bắc Cạn"],  # a common spelling (6 VNTC train articles, all the province)
    "tinhninhbinh": ["Hà Nam Ninh"],  # the 1975-1991 province, still in place names
    # merged into Hà Nội on 2008-08-01; common in older news (VNTC is 2005-2007). Other pre-1997 provinces
    # are left out: split between today's provinces (Hà Sơn Bình, Nghệ Tĩnh, Sông Bé) or mostly something
    # else in text (Minh Hải a given name, Cửu Long the Mekong, Hà Bắc also China's Hebei).
    "thanhphohanoi": ["Hà Tây", "Tỉnh Hà Tây"],
}
# Numbered urban districts ("quận 8", "Q.1") existed only in Hồ Chí Minh City (quận 2 and 9 until 2021).
NUMBERED_DISTRICTS = {"thanhphohochiminh": [str(n) for n in range(1, 13)]}
# ... also written in Roman numerals ("TT Y tế quận I"), only after the full word "quận" ("Q.V" is a person's
# initials); "quận X" is left out: it is the usual placeholder ("TAND quận X").
ROMAN_DISTRICTS = {"thanhphohochiminh": "I II III IV V VI VII VIII IX XI XII".split()}
# A few places written bare that the lists only carry with a prefix, or not at all (a ward's old name):
# in VNTC train every occurrence read meant the place (25 of 145 articles naming Mỹ Đình, 12 of 15 Mộc Châu,
# 12 of 33 Sa Pa; docs/stories.md §3).
# places-4 (docs/stories.md §3): Hà Nội's West Lake and Hoàn Kiếm lake, Văn Miếu - Quốc Tử Giám (not "Văn Miếu"
# or "Quốc Tử Giám" alone: Huế and other provinces have theirs), the Bến Thành market (not "Bến Thành" alone:
# 8 of 13 VNTC train articles it would add are firms or a resort in Đà Nẵng; not "Cổ Loa": its 3 additions were
# song titles). Leading lower-case words are a prefix ("hồ Tây" matches "Hồ Tây" too).
LANDMARKS = {
    "Mỹ Đình": "thanhphohanoi",
    "Mộc Châu": "tinhsonla",
    "Sa Pa": "tinhlaocai",
    "hồ Tây": "thanhphohanoi",
    "hồ Gươm": "thanhphohanoi",
    "Hoàn Kiếm": "thanhphohanoi",
    "Văn Miếu - Quốc Tử Giám": "thanhphohanoi",
    "chợ Bến Thành": "thanhphohochiminh",
}
# Bare names that mostly mean something else: only their prefixed forms count.
NEEDS_PREFIX = {"Hồ Chí Minh"}
# Names that are also common words ("hòa bình" = peace): only matched when capitalised, even in lower-case text.
COMMON_WORDS = [
    "Hòa Bình",
    "Thái Bình",
    "Bình Định",
    "Long An",
    "Phú Yên",
    "Bình Dương",
    "Vĩnh Long",
    "Hưng Yên",
    "HN",  # "hn" in lower-case text is mostly an e-mail domain ("@hn.vnn.vn")
]
# Longer phrases that contain a place name but are not that place.
BLOCKERS = [
    "Thái Bình Dương",
    "Chủ tịch Hồ Chí Minh",
    "Bác Hồ Chí Minh",
    "tư tưởng Hồ Chí Minh",
    "Lăng Hồ Chí Minh",
    "giờ Hà Nội",  # a time zone ("12h giờ Hà Nội"), not the city
    "giờ HN",
    # "HN" is also "hôn nhân" (marriage): "Luật HN & GĐ", "TY-HN-GĐ"
    "Luật HN",
    "HN GĐ",
    # the former southern regime, not the city
    "chính quyền Sài Gòn",
    "ngụy quyền Sài Gòn",
    "chế độ Sài Gòn",
    "chính phủ Sài Gòn",
    "quân đội Sài Gòn",
    "bán đảo Cà Mau",  # a region (Cà Mau, Bạc Liêu, Kiên Giang, ...), not the province
    # a stadium in Hồ Chí Minh City named after the old capital Hoa Lư (Ninh Bình)
    "sân vận động Hoa Lư",
    "sân Hoa Lư",
    "SVĐ Hoa Lư",
]
# A clock time right before these names makes them a time zone ("(tức 6h30 Hà Nội)"), as "giờ Hà Nội" does.
TIME_ZONES = ["Hà Nội", "HN"]
# Cities abroad with numbered districts: a numbered district that is a text's only sign of Hồ Chí Minh City, in
# a text naming one of them, is that city's ("Cháy khách sạn ở Paris ... nằm ở quận 9").
NUMBERED_ABROAD = ["Paris", "Lyon", "Marseille"]
# Names that are also a foreign province: not counted when they are a text's only place and the text names
# that country ("tỉnh Hà Nam" = Henan in news about China).
FOREIGN_TWINS = {"Hà Nam": ["Trung Quốc", "TQ"], "Tỉnh Hà Nam": ["Trung Quốc", "TQ"]}
# A blocker with one more word before it that is a place after all ("bây giờ Hà Nội" = "now Hà Nội").
BLOCKER_EXCEPTIONS = ["bây giờ Hà Nội"]


def short_of(name: str) -> str:
    for prefix in (
        "Thành phố ",
        "Tỉnh ",
        "Quận ",
        "Huyện ",
        "Thị xã ",
        "Phường ",
        "Xã ",
        "Đặc khu ",
        "Thị trấn ",
    ):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def main() -> None:
    data = json.loads(SRC.read_text(encoding="utf-8"))
    meta = data["metadata"]
    provinces = {}
    for key, info in data["province_names"].items():
        provinces[key] = {
            "code": info["code"],
            "name": info["short"],
            "full_name": info["name"],
            "aliases": sorted({info["name"], *EXTRA_ALIASES.get(key, [])} - {info["short"]}),
            "former": [],
        }
    for old_key, new_key in data["province_mapping"].items():
        info = data["old_province_names"][old_key]
        if old_key != new_key:
            provinces[new_key]["former"].append(info["short"])
            provinces[new_key]["former"].append(info["name"])
        provinces[new_key]["former"].extend(FORMER_EXTRA.get(old_key, []))
    for p in provinces.values():
        p["former"] = sorted(set(p["former"]) - {p["name"], *p["aliases"]})

    # Former districts: keep those whose every commune went to one new province and whose name is unique.
    district_prov: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rec in data["ward_mapping"]:
        district_prov[(rec["old_district"], rec["old_province_key"])].add(rec["new_province_key"])
    by_short: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (district, _old_prov), news in district_prov.items():
        by_short[short_of(district)].append((district, news))
    province_names = {p["name"] for p in provinces.values()} | {
        n for p in provinces.values() for n in p["former"] + p["aliases"]
    }
    districts = []
    for short, entries in sorted(by_short.items()):
        if len(entries) != 1 or short in province_names or len(short.split()) < 2:
            continue
        district, news = entries[0]
        if len(news) != 1:
            continue
        districts.append(
            {
                "name": short,
                "kind": district[: len(district) - len(short)].strip().lower(),
                "province": provinces[next(iter(news))]["code"],
            }
        )

    for key, numbers in NUMBERED_DISTRICTS.items():
        districts += [{"name": n, "kind": "quận", "province": provinces[key]["code"]} for n in numbers]
    for key, numbers in ROMAN_DISTRICTS.items():
        districts += [{"name": n, "kind": "quận La Mã", "province": provinces[key]["code"]} for n in numbers]

    # Current communes (since 2025-07-01): unique names only; matched with their "xã/phường/đặc khu" prefix.
    commune_prov: dict[str, set[str]] = defaultdict(set)
    for rec in data["ward_mapping"]:
        if rec["new_ward"]:
            commune_prov[rec["new_ward"]].add(rec["new_province_key"])
    short_count: dict[str, int] = defaultdict(int)
    for ward in commune_prov:
        short_count[short_of(ward)] += 1
    communes = []
    for ward, provs in sorted(commune_prov.items()):
        short = short_of(ward)
        if len(provs) != 1 or short_count[short] != 1 or ward == short:
            continue
        communes.append({"name": ward, "province": provinces[next(iter(provs))]["code"]})

    out = {
        "version": f"{meta['effective_date']}+vietnamadminunits-{meta['version']}",
        "source": "underthesea 9.5.0 address/data/mapping.json (Apache-2.0) from vietnamadminunits 1.0.4 (MIT)",
        "effective_date": meta["effective_date"],
        "needs_prefix": sorted(NEEDS_PREFIX),
        "blockers": BLOCKERS,
        "blocker_exceptions": BLOCKER_EXCEPTIONS,
        "foreign_twins": FOREIGN_TWINS,
        "common_words": COMMON_WORDS,
        "time_zones": TIME_ZONES,
        "numbered_abroad": NUMBERED_ABROAD,
        "landmarks": [{"name": n, "province": provinces[k]["code"]} for n, k in LANDMARKS.items()],
        "provinces": sorted(provinces.values(), key=lambda p: p["code"]),
        "districts": districts,
        "communes": communes,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print("| provinces | former provinces | former districts (unique) | communes (unique) |")
    print("|---|---|---|---|")
    n_former = sum(1 for k, v in data["province_mapping"].items() if k != v)
    print(
        f"| {len(provinces)} | {n_former} merged + {len(provinces)} kept | {len(districts)} | {len(communes)} |"
    )


if __name__ == "__main__":
    main()
