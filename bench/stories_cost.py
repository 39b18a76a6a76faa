"""CPU cost per article of story detection inside `analyze --stories`, per part. Prints a Markdown table.

    python bench/stories_cost.py [--n 2000] [--base-src DIR] [--rounds 3]

Parts: the story vectors (computed in analyze's workers), pickling them (worker) and unpickling them
(the ordered parent process), and the ordered assign step (candidate search + decision + update), on N bench
articles (``bench/_corpus.articles``) in input order; CPU time (``time.process_time``), min over rounds.
``--base-src`` also runs the stories code of another source tree (e.g. ``git archive <commit> src | tar -x
-C /tmp/base`` then ``--base-src /tmp/base/src``) interleaved with this one, and checks the story ids agree.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _corpus import write_jsonl  # noqa: E402
from ingest import CACHE  # noqa: E402

from tinhhinh.ingest.records import to_item  # noqa: E402
from tinhhinh.item import Item  # noqa: E402
from tinhhinh.stories import features as cur_features  # noqa: E402
from tinhhinh.stories import index as cur_index  # noqa: E402


def load_base(src: Path):
    """The features and index modules of another tree, importable side by side with this one."""

    def load(name: str, path: Path, text: str | None = None):
        if text is not None:
            path = CACHE / f"{name}.py"
            path.write_text(text, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
        return mod

    stories = src / "tinhhinh" / "stories"
    feats = load("base_story_features", stories / "features.py")
    text = (stories / "index.py").read_text(encoding="utf-8")
    index = load(
        "base_story_index", stories / "index.py", text.replace("tinhhinh.stories.features", feats.__name__)
    )
    index.MODEL_PATH = cur_index.MODEL_PATH  # the same shipped model for both
    feats.IDF_PATH = cur_features.IDF_PATH
    return feats, index


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--base-src", type=Path)
    args = ap.parse_args()
    src = write_jsonl(CACHE / f"articles-{args.n}.jsonl", args.n)
    recs = [json.loads(line) for line in src.open(encoding="utf-8")]
    items = [to_item(r, where="bench", require_identity=False, keep_authors=False) for r in recs]
    slim = [
        Item(id=i.id, source=i.source, url=i.url, published_at=i.published_at, title=i.title) for i in items
    ]
    codes = {"this tree": (cur_features, cur_index)}
    if args.base_src:
        codes = {"base": load_base(args.base_src), **codes}
    pt = time.process_time
    res: dict[str, dict] = {}
    for name, (feats, _) in codes.items():
        t = pt()
        idf = feats.Idf.shipped()
        if hasattr(idf, "table"):
            idf.table()
        res[name] = {"idf_s": pt() - t}
    for _ in range(args.rounds):
        for name, (feats, index) in codes.items():
            idf = feats.Idf.shipped()
            t = pt()
            vecs = [index.vectorize(it, idf) for it in items]
            a = pt() - t
            t = pt()
            blobs = [pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for v in vecs]
            b = pt() - t
            t = pt()
            back = [pickle.loads(x) for x in blobs]
            c = pt() - t
            ix = index.StoryIndex(id_factory=lambda k: f"s{k:07d}")
            t = pt()
            sids = [ix.resolve(ix.assign(it, v)) for it, v in zip(slim, back, strict=True)]
            d = pt() - t
            r = res[name]
            for key, v in zip(("vectors", "dumps", "loads", "assign"), (a, b, c, d), strict=True):
                r[key] = min(r.get(key, 1e9), v / len(items) * 1000)
            r["kb"] = sum(map(len, blobs)) / len(blobs) / 1024
            r["sids"] = sids
    print(f"{args.n:,} bench articles, CPU ms per article, min of {args.rounds} rounds\n")
    print(
        "| code | vectors (worker) | pickle dumps (worker) | pickle loads (parent) | assign (parent) | KB/article | IDF load s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in res.items():
        print(
            f"| {name} | {r['vectors']:.3f} | {r['dumps']:.3f} | {r['loads']:.3f} | {r['assign']:.3f} | "
            f"{r['kb']:.1f} | {r['idf_s']:.2f} |"
        )
    if len(res) == 2:
        same = res["base"]["sids"] == res["this tree"]["sids"]
        print(f"\nstory ids identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
