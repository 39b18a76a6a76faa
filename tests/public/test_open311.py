"""Open311 GeoReport v2: field names of the standard, its error format, and the desk's privacy rules."""

from __future__ import annotations

import datetime as dt
import os

from tinhhinh.desk import petitions
from tinhhinh.desk.people import sectors

SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
}
REPORT = {
    "service_code": "health",
    "lat": "16.4637",
    "long": "107.5909",
    "address_string": "Kiệt 12 Nguyễn Huệ, Huế",
    "description": "Rác thải y tế đổ ra kênh gần trạm y tế phường",
    "first_name": "Lê",
    "last_name": "Thị Cúc",
    "email": "cuc.le@example.vn",
    "phone": "0905123456",
    "attribute[privacy_notice_ack]": "true",
}


def _is_error_list(body, code):
    return (
        isinstance(body, list)
        and body
        and all(set(e) == {"code", "description"} and e["code"] == code for e in body)
    )


def test_services_are_the_sectors(desk):
    r = desk.client().get("/open311/v2/services.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    services = r.json()
    assert [s["service_code"] for s in services] == list(sectors())
    for s in services:
        assert set(s) == SERVICE_FIELDS
        assert s["metadata"] is False and s["type"] == "realtime"
    land = next(s for s in services if s["service_code"] == "land")
    assert land["service_name"] == sectors()["land"]["vi"]


def test_service_definition_and_formats(desk):
    c = desk.client()
    d = c.get("/open311/v2/services/land.json").json()
    assert d["service_code"] == "land"
    attr = d["attributes"][0]
    assert attr["code"] == "privacy_notice_ack" and attr["required"] is True
    assert {
        "variable",
        "code",
        "datatype",
        "required",
        "datatype_description",
        "order",
        "description",
    } <= set(attr)
    missing = c.get("/open311/v2/services/nope.json")
    assert missing.status_code == 404 and _is_error_list(missing.json(), 404)
    other = c.get("/open311/v2/services/land.csv")
    assert other.status_code == 400 and _is_error_list(other.json(), 400)


def test_post_request_goes_through_desk_intake_sealed(desk):
    c = desk.client()
    r = c.post("/open311/v2/requests.json", data=REPORT)
    assert r.status_code == 201, r.text
    [created] = r.json()
    assert set(created) == {"service_request_id", "service_notice", "account_id"}
    code = created["service_request_id"]
    # The desk sees a kiến nghị/phản ánh for the sector's agency, personal data sealed and shown per access.
    [row] = petitions.list_petitions(desk.engine, desk.users["coord"])
    assert row["kind"] == "kien_nghi_phan_anh" and row["sector"] == "health"
    assert row["agency_id"] == desk.agency_b  # SYT handles health
    assert "Lê" not in row["subject"] and "Nguyễn Huệ" not in row["subject"]
    shown = petitions.show(desk.engine, desk.users["officer_b"], row["id"])
    assert shown["petitioner"] == {
        "name": "Lê Thị Cúc", "address": REPORT["address_string"], "email": REPORT["email"], "phone": REPORT["phone"],
    }  # fmt: skip
    assert REPORT["description"] in shown["content"] and "16.4637" in shown["content"]
    path = desk.engine.url.database
    raw = open(path, "rb").read() + (
        open(path + "-wal", "rb").read() if os.path.exists(path + "-wal") else b""
    )
    for value in ("Thị Cúc", "cuc.le@example.vn", "0905123456", "Nguyễn Huệ", "Rác thải y tế"):
        assert value.encode() not in raw
    # And the citizen reads it back by the code, status and dates only.
    got = c.get(f"/open311/v2/requests/{code}.json")
    assert got.status_code == 200
    [status] = got.json()
    assert set(status) == REQUEST_FIELDS
    assert status["service_request_id"] == code and status["status"] == "open"
    for key in ("requested_datetime", "updated_datetime", "expected_datetime"):
        parsed = dt.datetime.fromisoformat(status[key])
        assert parsed.tzinfo is not None  # ISO 8601 with a zone, as GeoReport v2 requires
    assert "Cúc" not in got.text and "Rác" not in got.text


def test_closed_status_and_lookup_of_desk_petitions(desk):
    pid = desk.petition()
    coord = desk.users["coord"]
    v = petitions.transition(
        desk.engine, coord, pid, "guided", expected_version=1, reason="hướng dẫn gửi UBND xã"
    )
    petitions.transition(desk.engine, coord, pid, "closed", expected_version=v["version"])
    [status] = desk.client().get(f"/open311/v2/requests/{pid.receipt.replace('-', '')}.json").json()
    assert status["status"] == "closed" and status["expected_datetime"] is None


def test_privacy_rules_win(desk):
    c = desk.client()
    listing = c.get("/open311/v2/requests.json")
    assert listing.status_code == 405 and _is_error_list(listing.json(), 405)
    assert "not listed" in listing.json()[0]["description"]
    wrong = c.get("/open311/v2/requests/ABCD-EFGH-JKMN.json")
    assert wrong.status_code == 404 and wrong.json() == [
        {"code": 404, "description": "not found or not yet available"}
    ]
    no_ack = c.post(
        "/open311/v2/requests.json", data={k: v for k, v in REPORT.items() if "attribute" not in k}
    )
    assert no_ack.status_code == 400 and _is_error_list(no_ack.json(), 400)
    assert any("privacy_notice_ack" in e["description"] for e in no_ack.json())
    assert petitions.list_petitions(desk.engine, desk.users["coord"]) == []


def test_post_validation_errors_list_every_problem(desk):
    c = desk.client()
    r = c.post(
        "/open311/v2/requests.json",
        data={
            "service_code": "nope",
            "lat": "north",
            "email": "not-an-address",
            "attribute[privacy_notice_ack]": "true",
        },
    )
    assert r.status_code == 400
    text = " ".join(e["description"] for e in r.json())
    for word in ("service_code", "lat and long", "description", "first_name", "email"):
        assert word in text
    junk = c.post(
        "/open311/v2/requests.json",
        content=b"\xff\xfe{not a form",
        headers={"content-type": "application/json"},
    )
    assert junk.status_code == 400


def test_reports_are_rate_limited(desk):
    (desk.home / "settings.toml").write_text("[public]\nreports_per_hour = 2\n")
    c = desk.client()
    assert [c.post("/open311/v2/requests.json", data=REPORT).status_code for _ in range(3)] == [201, 201, 429]


def test_api_key_when_configured(desk):
    (desk.home / "settings.toml").write_text('[public]\nopen311_api_keys = ["k-123"]\n')
    c = desk.client()
    assert c.post("/open311/v2/requests.json", data=REPORT).status_code == 403
    assert c.post("/open311/v2/requests.json", data={**REPORT, "api_key": "k-123"}).status_code == 201


def test_receipt_codes_do_not_reach_the_access_log(desk, caplog):
    import logging

    pid = desk.petition()
    with caplog.at_level(logging.INFO, logger="tinhhinh.web.access"):
        assert desk.client().get(f"/open311/v2/requests/{pid.receipt}.json").status_code == 200
    lines = [r.getMessage() for r in caplog.records if r.name == "tinhhinh.web.access"]
    assert any("/open311/v2/requests/***" in line for line in lines), lines
    assert not any(pid.receipt in line for line in lines)


def test_xml_format(desk):
    import xml.etree.ElementTree as ET

    c = desk.client()
    services = ET.fromstring(c.get("/open311/v2/services.xml").content)
    assert services.tag == "services" and services[0].tag == "service"
    assert {e.tag for e in services[0]} == SERVICE_FIELDS and services[0].find("metadata").text == "false"
    definition = ET.fromstring(c.get("/open311/v2/services/land.xml").content)
    assert definition.find("attributes/attribute/code").text == "privacy_notice_ack"
    created = c.post("/open311/v2/requests.xml", data=REPORT)
    assert created.status_code == 201 and created.headers["content-type"].startswith("text/xml")
    code = ET.fromstring(created.content).find("request/service_request_id").text
    got = ET.fromstring(c.get(f"/open311/v2/requests/{code}.xml").content)
    assert got.tag == "service_requests" and {e.tag for e in got.find("request")} == REQUEST_FIELDS
    assert got.find("request/status").text == "open"
    missing = c.get("/open311/v2/requests/ABCD-EFGH-JKMN.xml")
    assert missing.status_code == 404
    err = ET.fromstring(missing.content)
    assert err.tag == "errors" and err.find("error/code").text == "404"
    assert c.get("/open311/v2/requests.xml").status_code == 405
