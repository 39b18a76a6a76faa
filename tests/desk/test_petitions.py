"""Petitions: intake, the state machine, deadlines on acceptance, roles, denouncer pseudonymity, conflicts."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest

from tinhhinh import clock
from tinhhinh.desk import digest, petitions, receipts
from tinhhinh.desk.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from tinhhinh.store import desk as store

D = dt.date.fromisoformat
BOTH_BACKENDS = {
    "test_happy_paths_through_every_state",
    "test_officer_of_b_never_reads_a",
    "test_denouncer_identity_only_for_named_resolver",
    "test_second_writer_conflict",
    "test_audit_chain_verifies_after_the_flow",
}


def _state(d, pid, state, version):
    with d.engine.begin() as conn:
        return store.update_petition(conn, pid, version, state=state)


def test_intake_refused_without_privacy_notice(desk):
    with pytest.raises(Invalid, match="privacy notice"):
        desk.petition(privacy_notice_given=False)
    assert petitions.list_petitions(desk.engine, desk.coord) == []


def test_intake_records_notice_and_seals_personal_data(desk):
    pid = desk.petition()
    view = petitions.show(desk.engine, desk.coord, pid)
    assert view["privacy_notice_at"] and view["privacy_notice_version"] == "1"
    assert view["petitioner"]["name"] == desk.PETITIONER["name"]
    assert view["state"] == "received" and view["version"] == 1
    with desk.engine.connect() as conn:
        sealed = store.get_personal(conn, pid)
    assert desk.PETITIONER["name"].encode() not in sealed and desk.PETITIONER["phone"].encode() not in sealed


def test_happy_paths_through_every_state(desk):
    e, c = desk.engine, desk.coord
    # khiếu nại: received -> accepted -> extended (complex) -> resolved -> closed
    p = desk.petition()
    r = petitions.transition(e, c, p, "accepted", expected_version=1, on=D("2026-03-02"))
    assert r["due_on"] == "2026-04-01"  # Luật Khiếu nại Art. 28, 30 days
    r = petitions.transition(
        e, c, p, "extended", expected_version=r["version"], on=D("2026-03-20"), reason="QĐ gia hạn số 5"
    )
    assert r["due_on"] == "2026-04-16"  # complex: 45 days
    r = petitions.transition(e, c, p, "resolved", expected_version=r["version"], on=D("2026-04-10"))
    r = petitions.transition(e, c, p, "closed", expected_version=r["version"], on=D("2026-04-15"))
    assert petitions.show(e, c, p)["closed_on"] == "2026-04-15"
    # tố cáo: accepted -> extended -> extended (very complex) -> resolved
    t = desk.petition(kind="to_cao", complex=True)
    r = petitions.transition(e, c, t, "accepted", expected_version=1, on=D("2026-06-04"))
    assert r["due_on"] == "2026-07-06"  # 30 days = Sat 4/7 -> Mon 6/7
    r = petitions.transition(
        e, c, t, "extended", expected_version=r["version"], on=D("2026-07-01"), reason="QĐ 1"
    )
    assert r["due_on"] == "2026-08-03"  # 60 days = Mon 3/8
    with pytest.raises(InvalidTransition, match="not allowed"):
        petitions.transition(
            e, c, t, "extended", expected_version=r["version"], reason="QĐ 2"
        )  # complex: one only
    r = petitions.transition(
        e,
        c,
        t,
        "extended",
        expected_version=r["version"],
        on=D("2026-07-30"),
        reason="QĐ 2",
        very_complex=True,
    )
    assert r["due_on"] == "2026-09-03"  # 90 days = 2/9 (Quốc khánh) -> 3/9
    r = petitions.transition(e, c, t, "resolved", expected_version=r["version"], on=D("2026-08-20"))
    # the four other outcomes of intake, each then closed (a duplicate into a live complaint: p is closed)
    live = desk.petition()
    for to, kw in [
        ("not_accepted", {"reason": "hết thời hiệu"}),
        ("forwarded", {"reason": "chuyển UBND xã A"}),
        ("guided", {"reason": "hướng dẫn gửi Tòa án"}),
        ("merged_duplicate", {"merged_into": live}),
    ]:
        q = desk.petition()
        r = petitions.transition(e, c, q, to, expected_version=1, **kw)
        assert r["state"] == to
        petitions.transition(e, c, q, "closed", expected_version=r["version"])
    assert petitions.show(e, c, q)["merged_into_id"] == live


def test_every_illegal_transition_refused(desk):
    e, c = desk.engine, desk.coord
    refused = 0
    for src, allowed in petitions.TRANSITIONS.items():
        for to in petitions.STATES:
            if to in allowed:
                continue
            pid = desk.petition()
            v = _state(desk, pid, src, 1) if src != "received" else 1
            with pytest.raises(InvalidTransition):
                petitions.transition(e, c, pid, to, expected_version=v, reason="r", merged_into=1)
            refused += 1
    assert refused == sum(len(petitions.STATES) - len(a) for a in petitions.TRANSITIONS.values())


def test_required_reasons_and_links(desk):
    e, c = desk.engine, desk.coord
    pid = desk.petition()
    for to in ("not_accepted", "forwarded", "guided"):
        with pytest.raises(InvalidTransition, match="--reason"):
            petitions.transition(e, c, pid, to, expected_version=1)
    with pytest.raises(InvalidTransition, match="--into"):
        petitions.transition(e, c, pid, "merged_duplicate", expected_version=1)
    with pytest.raises(InvalidTransition, match="before"):
        petitions.transition(e, c, pid, "accepted", expected_version=1, on=D("2026-01-01"))
    kpa = desk.petition(kind="kien_nghi_phan_anh")
    petitions.transition(e, c, kpa, "accepted", expected_version=1, on=D("2026-03-03"))
    with pytest.raises(InvalidTransition, match="no extension"):
        petitions.transition(e, c, kpa, "extended", expected_version=2, reason="r")


def test_duplicate_merged_only_into_a_live_petition_of_its_kind(desk):
    # Merging used to accept another kind, a merged or closed target and cycles, so both petitions of a
    # cycle dropped out of every queue.
    e, c = desk.engine, desk.coord
    a, b, c3 = desk.petition(), desk.petition(), desk.petition()
    denunciation = desk.petition(kind="to_cao", subject="Tố cáo cán bộ địa chính")
    with pytest.raises(InvalidTransition, match="same kind"):
        petitions.transition(e, c, a, "merged_duplicate", expected_version=1, merged_into=denunciation)
    petitions.transition(e, c, a, "merged_duplicate", expected_version=1, merged_into=b)
    with pytest.raises(InvalidTransition, match="is merged_duplicate: a duplicate is merged only into"):
        petitions.transition(e, c, b, "merged_duplicate", expected_version=1, merged_into=a)  # a cycle
    with pytest.raises(InvalidTransition, match="is merged_duplicate"):
        petitions.transition(e, c, c3, "merged_duplicate", expected_version=1, merged_into=a)  # a chain
    petitions.transition(e, c, b, "guided", expected_version=1, reason="hướng dẫn gửi Tòa án")
    with pytest.raises(InvalidTransition, match="is guided"):
        petitions.transition(e, c, c3, "merged_duplicate", expected_version=1, merged_into=b)
    petitions.transition(e, c, b, "closed", expected_version=2)
    with pytest.raises(InvalidTransition, match="is closed"):
        petitions.transition(e, c, c3, "merged_duplicate", expected_version=1, merged_into=b)
    assert petitions.show(e, c, b)["state"] == "closed" and petitions.show(e, c, c3)["state"] == "received"


def test_merge_target_of_another_agency_reads_as_missing(desk):
    # A 403 for another agency's petition and a 404 for a missing one told officers which ids exist.
    e = desk.engine
    theirs = desk.petition(sector="health")  # agency B
    mine = desk.petition(actor=desk.officer_a)
    for target in (theirs, 9999):
        with pytest.raises(NotFound, match=f"^no petition #{target}$"):
            petitions.transition(
                e, desk.officer_a, mine, "merged_duplicate", expected_version=1, merged_into=target
            )


def test_second_time_complaint_links_first_and_uses_art37(desk):
    e, c = desk.engine, desk.coord
    first = desk.petition()
    second = desk.petition(first_petition_id=first, received_on=D("2026-10-20"))
    view = petitions.show(e, c, second)
    assert view["first_petition_id"] == first and view["second"] is True
    r = petitions.transition(e, c, second, "accepted", expected_version=1, on=D("2026-11-02"))
    assert r["due_on"] == "2026-12-17"  # Art. 37: 45 days
    with pytest.raises(Invalid, match="second-time"):
        desk.petition(kind="to_cao", first_petition_id=first)


def test_kien_nghi_due_at_intake(desk):
    pid = desk.petition(kind="kien_nghi_phan_anh", received_on=D("2026-08-24"))
    assert (
        petitions.show(desk.engine, desk.coord, pid)["due_on"] == "2026-09-17"
    )  # office default, 15 working days


def test_officer_of_b_never_reads_a(desk):
    e = desk.engine
    pa = desk.petition(sector="land")  # -> SNNMT (agency A)
    assert petitions.show(e, desk.officer_a, pa)["petitioner"]["phone"] == desk.PETITIONER["phone"]
    with pytest.raises(Forbidden):
        petitions.show(e, desk.officer_b, pa)
    assert petitions.list_petitions(e, desk.officer_b) == []
    with pytest.raises(Forbidden):
        petitions.transition(e, desk.officer_b, pa, "accepted", expected_version=1)
    with pytest.raises(Forbidden):
        petitions.add_note(e, desk.officer_b, pa, "x")
    # an officer's intake goes to their own agency
    pb = desk.petition(actor=desk.officer_b, sector="land")
    assert petitions.show(e, desk.officer_b, pb)["agency_id"] == desk.agency_b
    assert [p["id"] for p in petitions.list_petitions(e, desk.officer_b)] == [pb]


def test_admin_never_reads_petition_data(desk):
    e = desk.engine
    pid = desk.petition()
    for call in (
        lambda: petitions.show(e, desk.admin, pid),
        lambda: petitions.list_petitions(e, desk.admin),
        lambda: petitions.stats(e, desk.admin),
        lambda: desk.petition(actor=desk.admin),
        lambda: petitions.transition(e, desk.admin, pid, "accepted", expected_version=1),
    ):
        with pytest.raises(Forbidden):
            call()


def test_viewer_sees_aggregates_only(desk):
    e = desk.engine
    desk.petition()
    desk.petition(kind="to_cao")
    with pytest.raises(Forbidden):
        petitions.list_petitions(e, desk.viewer)
    with pytest.raises(Forbidden):
        petitions.show(e, desk.viewer, 1)
    s = petitions.stats(e, desk.viewer)
    assert s["total"] == 2 and s["kind"] == {"khieu_nai": 1, "to_cao": 1}
    flat = repr(s)
    for value in desk.PETITIONER.values():
        assert value not in flat


def test_denouncer_identity_only_for_named_resolver(desk):
    e = desk.engine
    tid = desk.petition(kind="to_cao", subject="Tố cáo cán bộ địa chính nhận tiền")
    # before a resolver is named, nobody sees the identity, coordinators included
    for actor in (desk.coord, desk.coord2, desk.officer_a):
        view = petitions.show(e, actor, tid)
        assert set(view["petitioner"]) == {"pseudonym"}
        assert view["petitioner"]["pseudonym"].startswith("NTC-")
        assert desk.PETITIONER["name"] not in repr(view)
    v = petitions.assign(e, desk.coord, tid, expected_version=1, resolver_id=desk.officer_a.id)
    resolver_view = petitions.show(e, desk.officer_a, tid)
    assert resolver_view["petitioner"]["name"] == desk.PETITIONER["name"]
    assert "Hoa Mai" in resolver_view["content"]
    for actor in (desk.coord, desk.coord2, desk.officer_a2):
        assert desk.PETITIONER["name"] not in repr(petitions.show(e, actor, tid))
    listed = petitions.list_petitions(e, desk.coord, kind="to_cao")
    assert listed[0]["pseudonym"] == resolver_view.get("pseudonym", listed[0]["pseudonym"])
    assert desk.PETITIONER["name"] not in repr(listed)
    # a resolver must be able to read the petition (officer of another agency cannot be named)
    with pytest.raises(Invalid):
        petitions.assign(e, desk.coord, tid, expected_version=v, resolver_id=desk.officer_b.id)
    # pseudonyms differ between petitions of the same person (no stable per-person key)
    other = desk.petition(kind="to_cao")
    assert petitions.show(e, desk.coord, other)["petitioner"]["pseudonym"] != listed[0]["pseudonym"]


def test_coordinator_cannot_name_themself_resolver_of_a_denunciation(desk):
    # Naming oneself would lift the pseudonym with no second person involved (and it could be handed back).
    e = desk.engine
    tid = desk.petition(kind="to_cao", subject="Tố cáo cán bộ địa chính nhận tiền")
    with pytest.raises(Invalid, match="cannot name yourself resolver of a denunciation"):
        petitions.assign(e, desk.coord, tid, expected_version=1, resolver_id=desk.coord.id)
    with pytest.raises(Invalid, match="cannot name yourself"):
        desk.petition(kind="to_cao", subject="Tố cáo khác", resolver_id=desk.coord.id)
    assert set(petitions.show(e, desk.coord, tid)["petitioner"]) == {"pseudonym"}
    # another coordinator may name them; a complaint has no identity to protect
    petitions.assign(e, desk.coord2, tid, expected_version=1, resolver_id=desk.coord.id)
    assert petitions.show(e, desk.coord, tid)["petitioner"]["name"] == desk.PETITIONER["name"]
    pid = desk.petition(kind="khieu_nai")
    petitions.assign(e, desk.coord, pid, expected_version=1, resolver_id=desk.coord.id)


def test_moving_a_petition_to_another_agency_clears_its_old_resolver(desk):
    e = desk.engine
    tid = desk.petition(kind="to_cao", subject="Tố cáo cán bộ địa chính nhận tiền")
    v = petitions.assign(e, desk.coord, tid, expected_version=1, resolver_id=desk.officer_a.id)
    v = petitions.assign(e, desk.coord, tid, expected_version=v, agency_id=desk.agency_b)
    moved = petitions.show(e, desk.officer_b, tid)
    assert (moved["agency_id"], moved["resolver_id"]) == (desk.agency_b, None)
    with pytest.raises(Forbidden):
        petitions.show(e, desk.officer_a, tid)
    with e.connect() as conn:
        last = [r for r in store.iter_audit(conn) if r["action"] == "petition.assign"][-1]
    assert json.loads(last["data"]) == {
        "agency_id": desk.agency_b,
        "resolver_id": None,
        "resolver_cleared": desk.officer_a.id,
    }
    # the new agency's officer can then be named; a coordinator resolver stays through a move
    v = petitions.assign(e, desk.coord, tid, expected_version=v, resolver_id=desk.officer_b.id)
    assert petitions.show(e, desk.officer_b, tid)["petitioner"]["name"] == desk.PETITIONER["name"]
    v = petitions.assign(e, desk.coord2, tid, expected_version=v, resolver_id=desk.coord.id)
    petitions.assign(e, desk.coord, tid, expected_version=v, agency_id=desk.agency_a)
    assert petitions.show(e, desk.coord, tid)["resolver_id"] == desk.coord.id


def test_contact_visible_to_coordinator_and_assigned_agency_only(desk):
    e = desk.engine
    pid = desk.petition(kind="kien_nghi_phan_anh", sector="land")
    assert petitions.show(e, desk.coord, pid)["petitioner"]["email"] == desk.PETITIONER["email"]
    assert petitions.show(e, desk.officer_a2, pid)["petitioner"]["email"] == desk.PETITIONER["email"]
    v = petitions.assign(e, desk.coord, pid, expected_version=1, agency_id=desk.agency_b)
    with pytest.raises(Forbidden):
        petitions.show(e, desk.officer_a, pid)
    assert petitions.show(e, desk.officer_b, pid)["petitioner"]["email"] == desk.PETITIONER["email"]
    with pytest.raises(Forbidden):
        petitions.assign(e, desk.officer_b, pid, expected_version=v, agency_id=desk.agency_a)


def test_second_writer_conflict(desk):
    e = desk.engine
    pid = desk.petition()
    seen = petitions.show(e, desk.officer_a, pid)["version"]
    petitions.transition(e, desk.officer_a, pid, "accepted", expected_version=seen, on=D("2026-03-02"))
    with pytest.raises(Conflict, match="changed by someone else"):
        petitions.transition(e, desk.coord, pid, "not_accepted", expected_version=seen, reason="x")


def test_notes_are_sealed_and_scoped(desk):
    e = desk.engine
    pid = desk.petition()
    petitions.add_note(e, desk.officer_a, pid, "Đã gọi cho bà Mai lúc 9h")
    assert petitions.show(e, desk.coord, pid)["notes"][0]["note"] == "Đã gọi cho bà Mai lúc 9h"
    with desk.engine.connect() as conn:
        (note,) = store.list_notes(conn, pid)
    assert b"Mai" not in note["sealed"]


def test_audit_chain_verifies_after_the_flow(desk):
    from tinhhinh.desk import audit

    pid = desk.petition(kind="to_cao")
    petitions.assign(desk.engine, desk.coord, pid, expected_version=1, resolver_id=desk.officer_a.id)
    petitions.add_note(desk.engine, desk.officer_a, pid, "ghi chú")
    petitions.transition(desk.engine, desk.officer_a, pid, "accepted", expected_version=2, on=D("2026-06-10"))
    result = audit.verify(desk.engine, desk.admin)
    assert result["ok"] and result["rows"] >= 12, result
    trail = audit.entries_for(desk.engine, desk.officer_a, pid)
    assert trail[0]["personal"]["name"] == desk.PETITIONER["name"]


def test_subject_and_reasons_must_not_repeat_personal_data(desk):
    # They outlive erasure, so they are checked against the petitioner's sealed data.
    with pytest.raises(Invalid, match="name"):
        desk.petition(subject="Đơn của bà nguyễn thị hoa mai về đất")
    with pytest.raises(Invalid, match="phone"):
        desk.petition(subject="Gọi lại 0912.345.678")
    pid = desk.petition()
    with pytest.raises(InvalidTransition, match="email"):
        petitions.transition(
            desk.engine,
            desk.coord,
            pid,
            "guided",
            expected_version=1,
            reason="Đã gửi hướng dẫn tới hoamai.nguyen@example.vn",
        )
    petitions.transition(
        desk.engine, desk.coord, pid, "guided", expected_version=1, reason="Hướng dẫn gửi đơn tới Tòa án"
    )


@pytest.mark.parametrize(
    "subject",
    [
        "Don cua ba Nguyen Thi Hoa Mai ve dat",  # typed without marks
        "Đơn của NGUYỄN   THỊ  HOA-MAI về đất",  # other case, spacing, a hyphen
        unicodedata.normalize("NFD", "Đơn của Nguyễn Thị Hoa Mai về đất"),  # decomposed
        "Đơn của Nguyễn Thị Hòa Mài về đất",  # marks typed wrong
        "Duong Le Loi phuong Quyet Thang: so 12 duong le loi phuong quyet thang",  # the address, no marks
    ],
)
def test_subject_repeating_a_name_without_marks_is_refused(desk, subject):
    # The guard used to compare with the marks kept, so the usual unmarked typing passed and the name
    # stayed in lists, exports and the audit trail after erasure.
    with pytest.raises(Invalid, match="repeats the petitioner"):
        desk.petition(subject=subject)


def test_denouncer_name_without_marks_in_a_reason_is_refused(desk):
    pid = desk.petition(kind="to_cao", subject="Tố cáo cán bộ địa chính")
    with pytest.raises(InvalidTransition, match="reason repeats the petitioner's name"):
        petitions.transition(
            desk.engine,
            desk.coord,
            pid,
            "guided",
            expected_version=1,
            reason="Da huong dan ba nguyen thi hoa mai",
        )


def test_everyday_words_that_share_a_name_part_pass(desk):
    # Whole words only, and all of the name: "Mai" or "Hoa" alone, "mai" inside a word, a one-word name
    # against words that differ by their marks, are not the petitioner.
    desk.petition(subject="Hoa màu bị thiệt hại, mai táng phí chưa trả")
    desk.petition(subject="Hoang mang vì thu hồi đất", petitioner={"name": "Hoàng"})
    desk.petition(subject="Bồi thường cho ông Nguyễn Thị về đất", petitioner={"name": "Nguyễn Thị Hoa Mai"})
    with pytest.raises(Invalid, match="name"):
        desk.petition(subject="Đơn của Hoàng về đất", petitioner={"name": "Hoàng"})


def test_a_transition_at_0330_vietnam_time_is_dated_the_vietnam_day(desk):
    """20:30 UTC on 29/11 is 03:30 on 30/11 in Vietnam: the decision, its deadline and "today" for overdue
    are the office's day, not the server's UTC date (which is still 29/11)."""
    e, c = desk.engine, desk.coord
    pid = desk.petition(received_on=D("2026-11-20"))
    # server clock in UTC, as in containers: 20:30 UTC is 03:30 the next day in Vietnam
    with clock.replay(dt.datetime(2026, 11, 29, 20, 30)):
        assert clock.office_today() == D("2026-11-30") == digest.today()
        r = petitions.transition(e, c, pid, "accepted", expected_version=1)
        view = petitions.show(e, c, pid)
    late = desk.petition(kind="kien_nghi_phan_anh", received_on=D("2026-11-06"))
    assert petitions.show(e, c, late)["due_on"] == "2026-11-27"  # 15 working days: Fri 27/11
    with clock.replay(dt.datetime(2026, 11, 27, 20, 30)):  # Sat 28/11 03:30 in Vietnam: 27/11 has passed
        assert petitions.stats(e, c)["overdue"] == 1
    with clock.replay(dt.datetime(2026, 11, 27, 16, 30)):  # Fri 27/11 23:30 in Vietnam: still due today
        assert petitions.stats(e, c)["overdue"] == 0
    assert view["accepted_on"] == "2026-11-30"
    assert r["due_on"] == "2026-12-30"  # Art. 28: 30 days from 30/11 (29/12 from the UTC date)
    with e.connect() as conn:
        data = (
            conn.execute(store.audit.select().where(store.audit.c.action == "petition.transition"))
            .mappings()
            .one()["data"]
        )
    assert '"on": "2026-11-30"' in data


def test_clocks_from_receipt_give_a_due_date_while_received(desk):
    """Tố cáo initial handling (Art. 24(1), 7 working days) and khiếu nại acceptance (Art. 27, 10 days) run
    from receipt: a petition waiting in `received` is due, and overdue once they pass."""
    e, c = desk.engine, desk.coord
    t = desk.petition(kind="to_cao", received_on=D("2026-10-15"))
    assert petitions.show(e, c, t)["due_on"] == "2026-10-26"  # petition-law.md worked example 5
    k = desk.petition(kind="khieu_nai", received_on=D("2026-10-01"))
    assert petitions.show(e, c, k)["due_on"] == "2026-10-12"  # 10 days = Sun 11/10 -> Mon 12/10
    several = desk.petition(kind="to_cao", received_on=D("2026-10-15"), complex=True)
    assert petitions.show(e, c, several)["due_on"] == "2026-10-29"  # several places: 10 working days
    with clock.replay(dt.datetime(2026, 11, 28, 3, 0)):
        assert petitions.stats(e, c)["overdue"] == 3
        overdue = {x.id for d in digest.build(e, c) for x in d.overdue}
    assert {int(t), int(k), int(several)} == overdue
    assert receipts.public_status(e, t.receipt).expected_on == D("2026-10-26")  # /tra-cuu shows it
    # accepting starts the resolution clock; leaving `received` any other way stops the receipt clock
    r = petitions.transition(e, c, k, "accepted", expected_version=1, on=D("2026-10-09"))
    assert r["due_on"] == "2026-11-09"  # Art. 28: 30 days from 9/10 (Sun 8/11 -> Mon 9/11)
    r = petitions.transition(
        e, c, t, "forwarded", expected_version=1, on=D("2026-10-20"), reason="chuyển UBND xã A"
    )
    assert r["due_on"] is None


def test_dates_after_the_office_today_or_before_the_previous_decision_are_refused(desk):
    e, c = desk.engine, desk.coord
    with clock.replay(dt.datetime(2026, 11, 29, 20, 30)):  # 30/11 03:30 in Vietnam
        with pytest.raises(Invalid, match="after today"):
            desk.petition(received_on=D("2026-12-01"))
        pid = desk.petition(received_on=D("2026-11-30"))  # today in Vietnam (tomorrow by the UTC date)
        with pytest.raises(InvalidTransition, match="after today"):
            petitions.transition(e, c, pid, "accepted", expected_version=1, on=D("2026-12-01"))
    # a year typed wrong on a closing date would block erasure for decades
    g = desk.petition(received_on=D("2026-09-01"))
    r = petitions.transition(e, c, g, "guided", expected_version=1, on=D("2026-09-05"), reason="hướng dẫn")
    with pytest.raises(InvalidTransition, match="after today"):
        petitions.transition(e, c, g, "closed", expected_version=r["version"], on=D("2099-01-01"))
    with pytest.raises(InvalidTransition, match=r"before the petition became guided \(2026-09-05\)"):
        petitions.transition(e, c, g, "closed", expected_version=r["version"], on=D("2026-09-04"))
    # received <= accepted <= extended <= resolved <= closed; the same day is fine
    p = desk.petition(received_on=D("2026-09-01"))
    r = petitions.transition(e, c, p, "accepted", expected_version=1, on=D("2026-09-10"))
    with pytest.raises(InvalidTransition, match="before the petition became accepted"):
        petitions.transition(e, c, p, "resolved", expected_version=r["version"], on=D("2026-09-09"))
    r = petitions.transition(
        e, c, p, "extended", expected_version=r["version"], on=D("2026-09-20"), reason="QĐ 7"
    )
    with pytest.raises(InvalidTransition, match="before the petition became extended"):
        petitions.transition(e, c, p, "resolved", expected_version=r["version"], on=D("2026-09-15"))
    r = petitions.transition(e, c, p, "resolved", expected_version=r["version"], on=D("2026-09-20"))
    with pytest.raises(InvalidTransition, match="before the petition became resolved"):
        petitions.transition(e, c, p, "closed", expected_version=r["version"], on=D("2026-09-19"))
    petitions.transition(e, c, p, "closed", expected_version=r["version"], on=D("2026-09-21"))
    view = petitions.show(e, c, p)
    assert (view["accepted_on"], view["closed_on"], view["state"]) == ("2026-09-10", "2026-09-21", "closed")
