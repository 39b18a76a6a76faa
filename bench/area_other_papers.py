"""The area models on news the training data never came from: VN-MDS 200 (baomoi.com, 2013, many papers).

VNTC, which the area models learn from, is four papers of the 2000s. Its held-out split measures the
model on unseen articles of the same papers; this measures how far that carries to other papers and
years. VN-MDS keeps each article's baomoi section (``baomoi_category``); the sections that name one of
our areas are mapped to it, and the rest (education, which VNTC files under several areas, and
numeric ``catid:NN`` sections) are left out. The mapping is fixed here, before scoring:

    TheGioi → world; BongDa, QuanVot, TheThao → sports; AmNhac, SanKhau → culture;
    KinhTe, TaiChinh, ChungKhoan, ThiTruong → business; AnNinh, HinhSu, PhapLuat → law;
    ThoiSu, XaHoi, DoiNoi-DoiNgoai → politics_society; CNTT, ThietBi-PhanCung → technology

Scores the four readings ``analyze`` uses (whole article; marks stripped; three short readings of each;
both), through ``eval_area``, the code behind ``tinhhinh eval area``, and prints one Markdown table.
No health, lifestyle or science section exists in VN-MDS: macro-F1 is over the seven areas present.

Usage: .venv/bin/python bench/area_other_papers.py [--data ../shared/data] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tinhhinh.config import data_dir
from tinhhinh.nlp.area import AreaModel, eval_area, read_vntc

SECTION_AREA = {
    "TheGioi": "world",
    "BongDa": "sports",
    "QuanVot": "sports",
    "TheThao": "sports",
    "AmNhac": "culture",
    "SanKhau": "culture",
    "KinhTe": "business",
    "TaiChinh": "business",
    "ChungKhoan": "business",
    "ThiTruong": "business",
    "AnNinh": "law",
    "HinhSu": "law",
    "PhapLuat": "law",
    "ThoiSu": "politics_society",
    "XaHoi": "politics_society",
    "DoiNoi-DoiNgoai": "politics_society",
    "CNTT": "technology",
    "ThietBi-PhanCung": "technology",
}


def labelled_records(docs: Path, out: Path) -> int:
    """VN-MDS articles whose section maps to an area, as VNTC-format records (title; sapo and body)."""
    n = 0
    with docs.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            doc = json.loads(line)
            area = SECTION_AREA.get(doc.get("baomoi_category") or "")
            if area is None:
                continue
            text = "\n".join(part for part in (doc.get("sapo"), doc.get("text")) if part)
            record = {"id": str(doc["doc_id"]), "title": doc.get("title") or "", "text": text, "label": area}
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None, help="The data folder (default: TINHHINH_DATA).")
    ap.add_argument("--errors", action="store_true", help="List the whole-article errors on stderr.")
    args = ap.parse_args()
    docs = (args.data or data_dir()) / "vn-mds-200" / "docs.jsonl"
    if not docs.exists():
        raise SystemExit(f"{docs} not found; pass --data with the folder that holds vn-mds-200/")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vnmds-areas.jsonl"
        n = labelled_records(docs, path)
        print(f"{n} VN-MDS articles whose baomoi section names one area\n")
        print("| reading | model | texts | accuracy | macro-F1 (7 areas) |")
        print("|---|---|---:|---:|---:|")
        for label, plain, short in (
            ("whole article", False, False),
            ("whole article, marks stripped", True, False),
            ("short readings (title; start of body; both)", False, True),
            ("short readings, marks stripped", True, True),
        ):
            m = eval_area(None, path, without_marks=plain, short=short)
            print(
                f"| {label} | `{m['model_version']}` | {m['n']} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |"
            )
        if args.errors:
            model = AreaModel.load(None)
            wrong: Counter[tuple[str, str]] = Counter()
            for r in read_vntc([path], []):
                got = model.predict(r.title, r.text)
                if got != r.label:
                    wrong[(r.label, got)] += 1
                    print(f"{r.label} -> {got}: {r.title[:100]}", file=sys.stderr)
            print(f"\nconfusions: {dict(wrong.most_common())}", file=sys.stderr)


if __name__ == "__main__":
    main()
