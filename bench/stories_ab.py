"""``analyze --stories``' two story parts, this tree against another, in one process on the same items.

Usage: .venv/bin/python bench/stories_ab.py --other /path/to/other/src [--n 5000]
       [--input /tmp/tinhhinh-bench/articles-5000.jsonl]

- Workers' part: ``stories.prepare.story_vectors`` of this tree against ``stories.index.vectorize`` (the
  definition it must equal), each item's text view made first as the other stages leave it; arrays,
  floats and out-of-table terms compared for every item.
- Parent's part: ``StoryIndex.assign`` of this tree's ``stories/index.py`` and of the other tree's, on
  the vectors as the parent gets them (pickled and unpickled), with ``dup_of`` from the copies stage
  set first, alternating which goes first item by item so both see the same machine state; story ids
  compared for every item (both number stories as analyze does: s0000001, ...).

CPU time (``time.process_time``); the machine is shared, so only the ratio within one run means much.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import importlib.util
import pickle
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--other", required=True, help="the other tree's src directory")
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--input", default="/tmp/tinhhinh-bench/articles-5000.jsonl")
    args = ap.parse_args()

    from tinhhinh.analyze import _parse_lines, to_item
    from tinhhinh.item import Item
    from tinhhinh.nlp.copies import item_signature
    from tinhhinh.nlp.textview import text_view
    from tinhhinh.ordered import CopiesStage, Entry
    from tinhhinh.stories import index as this
    from tinhhinh.stories.features import Idf
    from tinhhinh.stories.prepare import story_vectors, warm_up

    path = Path(args.other) / "tinhhinh" / "stories" / "index.py"  # inside its tree: its model file
    spec = importlib.util.spec_from_file_location("other_story_index", path)
    other = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = other  # dataclasses look their module up
    spec.loader.exec_module(other)

    lines = []
    with open(args.input, "rb") as fh:
        for i, raw in enumerate(fh):
            if i >= args.n:
                break
            lines.append((i + 1, raw))
    warm_up()
    idf = Idf.shipped()
    idf.terms()
    pc = time.process_time
    t_new = t_def = 0.0
    vec_diff = 0
    entries = []
    for lineno, record in _parse_lines(lines):
        it = to_item(record, where=f"line:{lineno}", require_identity=False, keep_authors=False)
        _ = text_view(it.title, it.text).folded_words  # as area/keywords leave it in a worker
        e = Entry(lineno=lineno, record=None, added={"model_version": {}}, item=it)
        e.signature = item_signature(it)
        if lineno % 2:
            c0 = pc()
            got = story_vectors(it)
            c1 = pc()
            want = this.vectorize(it, idf)
            c2 = pc()
            t_new, t_def = t_new + c1 - c0, t_def + c2 - c1
        else:
            c0 = pc()
            want = this.vectorize(it, idf)
            c1 = pc()
            got = story_vectors(it)
            c2 = pc()
            t_def, t_new = t_def + c1 - c0, t_new + c2 - c1
        back = pickle.loads(pickle.dumps(got))  # as the pool's pipe carries it
        vec_diff += not all(
            back.arrays[v][0].tolist() == want.arrays[v][0].tolist()
            and back.arrays[v][1].tobytes() == want.arrays[v][1].tobytes()
            and back.unseen(v) == want.unseen(v)
            for v in range(4)
        )
        e.extra["story_vectors"] = back
        e.item = Item(id=it.id, source=it.source, url=it.url, published_at=it.published_at, title=it.title)
        entries.append(e)
    n = len(entries)
    copies = CopiesStage(50_000)
    for e in entries:
        copies.add(e)  # dup_of as the stories stage sees it (copies does not depend on stories)
    a = this.StoryIndex(id_factory=lambda k: f"s{k:07d}")
    b = other.StoryIndex(id_factory=lambda k: f"s{k:07d}")
    ta = tb = 0.0
    id_diff = 0
    for k, e in enumerate(entries):
        v = e.extra["story_vectors"]
        if k % 2:
            c0 = pc()
            sa = a.assign(e.item, v)
            c1 = pc()
            sb = b.assign(e.item, v)
            c2 = pc()
            ta, tb = ta + c1 - c0, tb + c2 - c1
        else:
            c0 = pc()
            sb = b.assign(e.item, v)
            c1 = pc()
            sa = a.assign(e.item, v)
            c2 = pc()
            tb, ta = tb + c1 - c0, ta + c2 - c1
        id_diff += sa != sb
    print(
        f"| part ({n:,} articles) | this tree ms/article (CPU) | reference ms/article (CPU) | ratio | differing |"
    )
    print("|---|---:|---:|---:|---:|")
    print(
        f"| workers: story_vectors vs vectorize | {t_new / n * 1000:.3f} | {t_def / n * 1000:.3f} "
        f"| {t_new / t_def:.2f} | {vec_diff} vectors |"
    )
    print(
        f"| parent: assign, this index.py vs {path.parent.parent.parent} | {ta / n * 1000:.3f} "
        f"| {tb / n * 1000:.3f} | {ta / tb:.2f} | {id_diff} story ids |"
    )


if __name__ == "__main__":
    main()
