"""The web queue and the API list scam and fact-check flags (toxic language is reported as rates, never
queued item by item: issue #7, docs/web.md), say when a fact-check was retired, and give times in Vietnam
time with the offset."""

from __future__ import annotations

import datetime as dt
import re

from tinhhinh.harm import factcheck_registry as reg
from tinhhinh.harm import flags
from tinhhinh.item import Item
from tinhhinh.store import items as item_store

from .conftest import form_post

EVIDENCE = {
    "sentence": "Uống nước chanh nóng chữa khỏi ung thư.", "field": "text", "span": [0, 40],
    "claim": "Nước chanh nóng chữa khỏi ung thư", "claim_id": "fc-old", "verdict": "Sai", "rating": "false",
    "domain": "health", "source": "https://example.org/kiem-chung/1", "publisher": "Báo Sức khỏe",
}  # fmt: skip


def _add(site, **kw) -> None:
    item_store.add_items(site.engine, [Item(source="facebook.com", kind="comment", **kw)])


def _api_flag(api, item_id_text: str, status: str = "unconfirmed") -> dict:
    items = api.get("/api/v1/flags", params={"status": status, "per_page": 100}).json()["items"]
    return next(i for i in items if item_id_text in (i["snippet"] or ""))


def test_toxic_flags_are_not_queued_on_the_web_or_the_api_and_never_open_a_case(site):
    # The queue listed toxic flags one by one with Confirm/Dismiss, against issue #7 ("not as queues of
    # individual commenters") and docs/web.md ("scam and fact-check flags only").
    _add(site, id="t1", text="Đồ ngu như chó", published_at=dt.datetime(2026, 11, 27, 6),
         harm=[{"type": "toxic", "score": 0.9, "evidence": [], "status": "unconfirmed"}])  # fmt: skip
    _add(site, id="f0", text="Uống nước chanh nóng chữa khỏi ung thư.", published_at=dt.datetime(2026, 11, 27, 6),
         harm=[{"type": "factcheck", "score": 0.9, "evidence": {**EVIDENCE, "claim_id": "fc-live"},
                "status": "unconfirmed"}])  # fmt: skip
    api = site.api("officer_a")
    listed = api.get("/api/v1/flags", params={"per_page": 100}).json()["items"]
    assert {f["type"] for f in listed} == {"scam", "factcheck"}
    fc = _api_flag(api, "Uống nước chanh")
    assert fc["published_at"] == "2026-11-27T13:00:00+07:00"
    page = site.client("officer_a").get("/flags").text
    assert "Đồ ngu" not in page and "Ngôn từ độc hại" not in page.split("<h2")[1]
    assert "được báo cáo dưới dạng tỷ lệ" in page  # the intro says where toxic language goes
    # a person can still correct a wrong toxic flag on an item they are looking at, by its id
    toxic = flags.list_flags(site.engine, type="toxic")[0]
    decided = api.post(f"/api/v1/flags/{toxic['id']}", json={"decision": "dismiss", "version": 1})
    assert decided.status_code == 200 and decided.json()["decided_at"].endswith("+07:00")
    assert "Đồ ngu" not in site.client("officer_a").get("/flags").text
    refused = api.post(f"/api/v1/flags/{toxic['id']}/case", json={})
    assert refused.status_code == 422 and "never open a case" in refused.text


def test_a_retired_fact_check_is_shown_and_cannot_be_confirmed_on_the_web(site):
    reg.save(
        [{"id": "fc-old", "claim": EVIDENCE["claim"], "status": "retired", "retire_reason": "đã gỡ bài"}]
    )
    _add(site, id="f1", text="Uống nước chanh nóng chữa khỏi ung thư.", published_at=dt.datetime(2026, 11, 27, 6),
         harm=[{"type": "factcheck", "score": 0.9, "evidence": EVIDENCE, "status": "unconfirmed"}])  # fmt: skip
    api = site.api("officer_a")
    flag = _api_flag(api, "Uống nước chanh")
    assert flag["factcheck_retired"] is True and flag["factcheck_retire_reason"] == "đã gỡ bài"
    c = site.client("officer_a")
    page = c.get("/flags").text
    assert "Nội dung kiểm chứng này đã bị thu hồi" in page and "(đã gỡ bài)" in page
    block = page[page.index(f'action="/flags/{flag["id"]}"') :].split("</form>")[0]
    assert 'value="confirm"' not in block and 'value="dismiss"' in block
    refused = api.post(
        f"/api/v1/flags/{flag['id']}", json={"decision": "confirm", "version": flag["version"]}
    )
    assert refused.status_code == 422 and "was retired" in refused.text
    ok = form_post(
        c, "/flags", f"/flags/{flag['id']}", {"decision": "dismiss", "note": "bài đã gỡ", "version": "1"}
    )
    assert ok.status_code == 303
    assert not re.search(rf'action="/flags/{flag["id"]}"', c.get("/flags").text)
