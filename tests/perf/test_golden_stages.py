"""Per-record stages give exactly the outputs they gave before the speed work (tests/perf/data).

The golden file holds, for 50 VNTC test articles (by id; texts read from the data folder) every stage's
output, and for the committed scam and fact-check evaluation texts the harm stages' outputs. A stage
whose model or rules changed on purpose (another ``model_version``) is skipped with a note: regenerate
with ``python tests/perf/stages.py golden`` after checking the change is intended.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import stages as S  # noqa: E402


def _golden() -> list[dict]:
    with gzip.open(S.GOLDEN, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _compare(golden: list[dict], rows: list[dict], only=None) -> tuple[list[str], set[str]]:
    stages = {k: v for k, v in S.make_stages(str(S.GOLDEN_REGISTRY)).items() if k != "toxicity"}
    got = {r["id"]: r for r in S.golden_records(rows, stages, only)}
    diffs, changed = [], set()
    for g in golden:
        if g["id"] not in got:
            continue
        for name, want in g.items():
            if name == "id" or name not in got[g["id"]]:
                continue
            have = got[g["id"]][name]
            if "model_version" in want and want["model_version"] != have.get("model_version"):
                changed.add(name)
                continue
            d = S.same(want, have, f"{g['id']}.{name}")
            if d:
                diffs.append(d)
    return diffs, changed


def test_harm_stages_match_golden_on_committed_texts():
    golden = [g for g in _golden() if ":" in g["id"] and g["id"].split(":")[0].endswith(".jsonl")]
    assert len(golden) > 300
    diffs, changed = _compare(golden, S.extra_texts(), S.GOLDEN_EXTRA_STAGES)
    assert not diffs, diffs[:5]
    if changed:
        pytest.skip(f"model/rules version changed for {sorted(changed)}: regenerate the golden file")


@pytest.mark.data
def test_all_stages_match_golden_on_vntc(data_dir):
    golden = [g for g in _golden() if g["id"].startswith(("test/", "train/"))]
    assert len(golden) == 50
    rows = S.vntc_articles(0, ids={g["id"] for g in golden})
    assert len(rows) == 50
    diffs, changed = _compare(golden, rows)
    assert not diffs, diffs[:5]
    if changed:
        pytest.skip(f"model/rules version changed for {sorted(changed)}: regenerate the golden file")
