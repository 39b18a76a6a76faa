"""What the make scripts of the later scam sets share (scam_fresh2, scam_fresh3): rows written as ``P(...)``
(a scam, with the key of its published source) and ``N(...)`` (a hard negative), each optionally also
without diacritics (``nd=True``) or in a teencode spelling typed by hand (``teen=...``), written as JSONL
with ids ``<prefix><number>[-nd|-tc]``."""

import collections
import json
from pathlib import Path

from tinhhinh.nlp.normalize import strip_diacritics

KEYS = ["id", "label", "category", "kind", "title", "text", "variant", "source"]


class ScamSet:
    def __init__(self, sources: dict[str, tuple[str, str, str]]) -> None:
        self.sources = sources  # key -> (publisher, title, url)
        self.rows: list[dict] = []

    def P(self, cat, src, text, kind="comment", variant="plain", nd=False, teen=None):  # noqa: N802
        self.rows.append(
            dict(
                label="scam",
                category=cat,
                kind=kind,
                text=text,
                source=src,
                variant=variant,
                nd=nd,
                teen=teen,
            )
        )

    def N(self, cat, text, kind="post", variant="plain", nd=False, teen=None):  # noqa: N802
        self.rows.append(
            dict(
                label="ok", category=cat, kind=kind, text=text, source=None, variant=variant, nd=nd, teen=teen
            )
        )

    def write(self, path: Path, scam_prefix: str, ok_prefix: str) -> None:
        out = []
        counter = {"scam": 0, "ok": 0}
        for r in self.rows:
            r = dict(r)
            want_nd, teen_text, variant = r.pop("nd"), r.pop("teen"), r.pop("variant")
            counter[r["label"]] += 1
            base_id = f"{scam_prefix if r['label'] == 'scam' else ok_prefix}{counter[r['label']]:03d}"
            if r["source"]:
                pub, title, url = self.sources[r["source"]]
                r["source"] = {"publisher": pub, "title": title, "url": url}
            out.append({"id": base_id, **r, "title": "", "variant": variant})
            if want_nd:
                no_marks = strip_diacritics(r["text"]).lower() if r["text"] else r["text"]
                out.append(
                    {"id": base_id + "-nd", **r, "title": "", "text": no_marks, "variant": "no_diacritics"}
                )
            if teen_text:
                out.append(
                    {"id": base_id + "-tc", **r, "title": "", "text": teen_text, "variant": "teencode"}
                )
        with open(path, "w", encoding="utf-8") as fh:
            for o in out:
                fh.write(json.dumps({k: o[k] for k in KEYS}, ensure_ascii=False) + "\n")
        print(
            len(out),
            collections.Counter(o["label"] for o in out),
            collections.Counter((o["label"], o["variant"]) for o in out),
            len({o["source"]["url"] for o in out if o["source"]}),
        )
