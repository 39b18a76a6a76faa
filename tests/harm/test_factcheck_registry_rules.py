"""The registry's line on officials, and the lifecycle of an entry (approve, retire, import again),
through real processes where the CLI is what a person uses."""

from __future__ import annotations

import os
import subprocess
import sys

from tinhhinh.harm import factcheck_registry as reg

HEADER = "claim,verdict,domain,url,publisher,date\n"
BRIBE = (
    "Chủ tịch UBND tỉnh nhận hối lộ 5 tỷ đồng của doanh nghiệp,sai sự thật,public_service,"
    "https://chinhphu.vn/tin/9,Cổng thông tin điện tử Chính phủ,2026-11-20\n"
)
CCCD = (
    "Từ 1/7 phải đổi CCCD mất phí 500 nghìn,sai sự thật,public_service,"
    "https://chinhphu.vn/tin/10,Cổng thông tin điện tử Chính phủ,2026-11-20\n"
)
VACCINE = "Tiêm vắc xin COVID-19 gây vô sinh,sai sự thật,health,https://moh.gov.vn/tin/1,Bộ Y tế,2026-11-01\n"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )


def test_a_claim_about_an_official_is_refused_whatever_its_domain(tmp_path):
    src = tmp_path / "fc.csv"
    src.write_text(HEADER + BRIBE + CCCD, encoding="utf-8")
    done = _run("factchecks", "import", str(src))
    assert done.returncode == 2, done.stderr
    refused = [x for x in done.stderr.splitlines() if "fc.csv:2:" in x]
    assert len(refused) == 1 and "this product does not act for or against officials" in refused[0]
    # the genuine public-service claim goes in
    assert [e["claim"] for e in reg.load()] == ["Từ 1/7 phải đổi CCCD mất phí 500 nghìn"]


def test_about_officials_reads_names_and_conduct_with_and_without_marks():
    refused = [
        "Chủ tịch UBND tỉnh nhận hối lộ 5 tỷ đồng của doanh nghiệp",
        "Lãnh đạo tỉnh không nhận hối lộ",  # a denial is refused as the allegation is
        "Chu tich UBND tinh nhan hoi lo 5 ty",
        "Bí thư tỉnh ủy bị khởi tố vì tham nhũng",
        "Bộ trưởng Bộ Y tế qua đời",
        "Đảng viên được miễn phí khám bệnh",
    ]
    kept = [
        "Từ 1/7 phải đổi CCCD mất phí 500 nghìn",
        "UBND phường thu phí làm CCCD 500 nghìn",
        "Công an gọi điện yêu cầu chuyển tiền để điều tra rửa tiền",
        "Bộ Y tế thông báo tiêm vắc xin gây vô sinh",
        "Siêu bão cấp 17 sẽ đổ bộ vào Quảng Ngãi đêm nay",
        "Người dân đang phải nộp phí đăng ký tạm trú",
    ]
    assert [c for c in refused if not reg.about_officials(c)] == []
    assert [c for c in kept if reg.about_officials(c)] == []


def test_a_retired_entry_imported_again_is_back_for_review(tmp_path):
    path = tmp_path / "registry.jsonl"
    src = tmp_path / "fc.csv"
    src.write_text(HEADER + VACCINE, encoding="utf-8")
    (entry,) = reg.import_file(src, path).added
    reg.set_status(entry["id"], "approved", "coord", path)
    reg.set_status(entry["id"], "retired", "coord", path, reason="publisher withdrew it")
    again = reg.import_file(src, path)
    assert again.revived == [entry["id"]] and again.duplicates == []
    (now,) = reg.load(path)
    assert now["status"] == "pending" and "approved_by" not in now
    assert now["retire_reason"] == "publisher withdrew it"  # the record stays
    assert reg.set_status(entry["id"], "approved", "coord", path)["status"] == "approved"
    # a live entry imported again is still only "already present"
    assert reg.import_file(src, path).duplicates == [entry["id"]]


def test_approving_an_approved_entry_is_refused(tmp_path):
    path = tmp_path / "registry.jsonl"
    src = tmp_path / "fc.csv"
    src.write_text(HEADER + VACCINE, encoding="utf-8")
    (entry,) = reg.import_file(src, path).added
    first = reg.set_status(entry["id"], "approved", "coord", path)
    try:
        reg.set_status(entry["id"], "approved", "other", path)
    except ValueError as exc:
        assert "already approved (by coord" in str(exc)
    else:
        raise AssertionError("approved twice")
    assert reg.load(path)[0]["approved_at"] == first["approved_at"]
    assert reg.load(path)[0]["approved_by"] == "coord"


def test_an_entry_about_officials_approved_before_the_rule_is_never_matched():
    base = {"verdict": "sai", "rating": "false", "domain": "public_service", "status": "approved"}
    entries = [
        {**base, "id": "fc-a", "claim": "Chủ tịch UBND tỉnh nhận hối lộ 5 tỷ đồng của doanh nghiệp"},
        {**base, "id": "fc-b", "claim": "Từ 1/7 phải đổi CCCD mất phí 500 nghìn"},
    ]
    assert [e["id"] for e in reg.active(entries)] == ["fc-b"]
