"""The citizen's status page: a right code shows status/dates/level only; a wrong one reveals nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from tinhhinh import clock
from tinhhinh.desk import petitions, receipts
from tinhhinh.desk.errors import Forbidden


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_receipt_code_shape_and_hash_only_at_rest(desk):
    pid = desk.petition()
    code = pid.receipt
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert not set(code.replace("-", "")) & set("01OILUV")
    with desk.engine.connect() as conn:
        rows = conn.execute(text("SELECT petition_id, code_hash FROM public_receipts")).all()
    assert rows == [(int(pid), receipts.code_hash(code))]
    raw = Path(desk.engine.url.database)
    wal = raw.with_name(raw.name + "-wal")
    data = raw.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert code.encode() not in data and code.replace("-", "").encode() not in data
    # the hash is keyed: plain SHA-256 of the code is not what is stored
    assert hashlib.sha256(code.replace("-", "").encode()).hexdigest() != rows[0][1]
    # codes differ between petitions
    assert desk.petition().receipt != code


def test_right_code_shows_status_dates_level_and_nothing_personal(desk):
    pid = desk.petition(kind="khieu_nai", actor="officer_a")
    petitions.add_note(desk.engine, desk.users["officer_a"], pid, "Đã gọi điện cho ông Trần Văn Bình An")
    petitions.transition(desk.engine, desk.users["officer_a"], pid, "accepted", expected_version=1)
    c = desk.client()
    r = c.post("/tra-cuu", data={"code": pid.receipt.lower().replace("-", " ")})  # as typed from paper
    assert r.status_code == 200
    page = _main(r.text)
    assert "Đã thụ lý, đang giải quyết" in page
    assert "Cơ quan chuyên môn cấp tỉnh" in page
    assert "Hạn giải quyết dự kiến" in page
    body = r.text
    for secret in [*desk.personal.values(), desk.content, desk.subject, "Bình An", "Đã gọi điện"]:
        assert secret not in body
    for staff in ("officer_a", "coord", "Cán bộ", "Sở Nông nghiệp", "SNNMT"):
        assert staff not in body
    assert f"#{int(pid)}" not in page  # no internal id either


def test_last_updated_is_the_office_day_not_the_utc_date(desk):
    """Updated at 20:30 UTC on 29/11 = 03:30 on 30/11 in Vietnam: the citizen reads 30/11/2026."""
    pid = desk.petition(kind="khieu_nai", received_on=dt.date(2026, 11, 20))
    with clock.replay(dt.datetime(2026, 11, 29, 20, 30)):
        petitions.transition(desk.engine, desk.users["coord"], pid, "accepted", expected_version=1)
    page = _main(desk.client().post("/tra-cuu", data={"code": pid.receipt}).text)
    assert re.search(r"Ngày thụ lý</dt><dd>30/11/2026<", page)
    assert re.search(r"Cập nhật lần cuối</dt><dd>30/11/2026<", page)
    assert "29/11/2026" not in page


def test_a_received_complaint_shows_when_acceptance_is_due(desk):
    """Luật Khiếu nại Art. 27: 10 days from receipt (20/11 -> 30/11), labelled as the acceptance decision."""
    pid = desk.petition(kind="khieu_nai", received_on=dt.date(2026, 11, 20))
    page = _main(desk.client().post("/tra-cuu", data={"code": pid.receipt}).text)
    assert re.search(r"Hạn xem xét thụ lý</dt><dd>30/11/2026<", page)
    assert "Hạn giải quyết dự kiến" not in page


def test_wrong_code_same_status_template_and_size(desk):
    pid = desk.petition()
    c = desk.client()
    right = c.post("/tra-cuu", data={"code": pid.receipt})
    wrong = c.post("/tra-cuu", data={"code": "ABCD-EFGH-JKMN"})
    garbage = c.post("/tra-cuu", data={"code": "'; DROP TABLE x; --" * 20})
    empty = c.post("/tra-cuu", data={})
    for r in (right, wrong, garbage, empty):
        assert r.status_code == 200
        assert len(r.content) == len(right.content) == 8192
        assert '<form method="post" action="/tra-cuu"' in r.text
    assert "Không tìm thấy hoặc chưa có thông tin" in wrong.text
    assert "Không tìm thấy hoặc chưa có thông tin" not in right.text


def test_reissue_kills_old_code_and_erased_petition_is_not_found(desk):
    pid = desk.petition()
    old = pid.receipt
    new = receipts.reissue(desk.engine, desk.users["officer_a"], pid)
    assert receipts.public_status(desk.engine, old) is None
    assert receipts.public_status(desk.engine, new).state == "received"
    with desk.engine.begin() as conn:
        conn.execute(
            text("UPDATE desk_petitions SET erased_at = CURRENT_TIMESTAMP WHERE id = :i"), {"i": int(pid)}
        )
    assert receipts.public_status(desk.engine, new) is None


def test_reissue_needs_access(desk):

    pid = desk.petition()
    with pytest.raises(Forbidden):
        receipts.reissue(desk.engine, desk.users["officer_b"], pid)
    with pytest.raises(Forbidden):
        receipts.reissue(desk.engine, desk.users["admin"], pid)


def test_rate_limit_per_client(desk):
    (desk.home / "settings.toml").write_text("[public]\nlookups_per_minute = 3\n")
    pid = desk.petition()
    app = desk.app()
    c = TestClient(app, client=("192.0.2.1", 5000))
    codes = [c.post("/tra-cuu", data={"code": f"WRONG{i}"}).status_code for i in range(3)]
    assert codes == [200, 200, 200]
    blocked = c.post("/tra-cuu", data={"code": pid.receipt})  # even the right code, once over the limit
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    assert "Đã tiếp nhận" not in blocked.text
    assert c.get(f"/open311/v2/requests/{pid.receipt}.json").status_code == 429
    # another client is not affected
    other = TestClient(app, client=("192.0.2.2", 5000)).post("/tra-cuu", data={"code": pid.receipt})
    assert other.status_code == 200 and "Đã tiếp nhận" in other.text


def test_public_page_needs_no_login_and_has_security_headers(desk):
    r = desk.client().get("/tra-cuu")
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]


def test_right_and_wrong_codes_cost_the_same_queries(desk):
    """A deterministic stand-in for "same response time": the same statements run for a right and a wrong
    code (one HMAC, one indexed query), so the database does not tell them apart by work done."""
    from sqlalchemy import event

    pid = desk.petition()
    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(desk.engine, "before_cursor_execute", count)
    try:
        assert receipts.public_status(desk.engine, pid.receipt) is not None
        right, seen[:] = list(seen), []
        assert receipts.public_status(desk.engine, "ZZZZ-ZZZZ-ZZZZ") is None
        wrong = list(seen)
    finally:
        event.remove(desk.engine, "before_cursor_execute", count)
    assert right == wrong and len(right) == 1


def test_cli_intake_shows_the_receipt_once_on_stderr(desk):
    import os
    import subprocess
    import sys

    env = {**os.environ, "TINHHINH_PASSWORD": "correct horse battery"}
    proc = subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", "petition", "intake", "--db", desk.engine.url.database,
         "--user", "coord", "--kind", "kien_nghi_phan_anh", "--subject", "Đèn đường hỏng", "--received",
         "2026-11-02", "--name", "Phạm Thị Dung", "--sector", "land", "--privacy-notice-given"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().isdigit()  # stdout stays the id, for scripts
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", proc.stderr).group(0)
    assert receipts.public_status(desk.engine, code).state == "received"
