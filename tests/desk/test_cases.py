"""Users, agencies and cases: roles, the case state machine, optimistic locking, attachments, links."""

from __future__ import annotations

import json

import pytest

from tinhhinh.desk import cases, people
from tinhhinh.desk.access import can
from tinhhinh.desk.errors import Conflict, Forbidden, Invalid, InvalidTransition
from tinhhinh.store import desk as store

BOTH_BACKENDS = {
    "test_every_case_transition_and_refusals",
    "test_second_writer_gets_conflict",
    "test_attachments_limited_by_size_and_type",
    "test_case_from_item_carries_no_author_data",
}


def test_passwords_are_argon2_and_checked(desk):
    with desk.engine.connect() as conn:
        row = store.get_user(conn, username="coord")
    assert row["password_hash"].startswith("$argon2id$")
    assert desk.PASSWORD not in row["password_hash"]
    with pytest.raises(Forbidden):
        people.authenticate(desk.engine, "coord", "wrong password!!")
    with pytest.raises(Forbidden):
        people.authenticate(desk.engine, "nobody", desk.PASSWORD)
    people.set_active(desk.engine, desk.admin, "coord2", False)
    with pytest.raises(Forbidden):
        people.authenticate(desk.engine, "coord2", desk.PASSWORD)


def test_only_admin_manages_accounts(desk):
    for actor in (desk.coord, desk.officer_a, desk.viewer):
        with pytest.raises(Forbidden):
            people.add_user(desk.engine, actor, "x", "viewer", desk.PASSWORD)
        with pytest.raises(Forbidden):
            people.add_agency(desk.engine, actor, "X", "X")
    with pytest.raises(Forbidden):  # bootstrap only while no users exist
        people.add_user(desk.engine, None, "second_admin", "admin", desk.PASSWORD)
    with pytest.raises(Invalid):
        people.add_user(desk.engine, desk.admin, "o", "officer", desk.PASSWORD)  # officer without agency
    with pytest.raises(Invalid):
        people.add_user(desk.engine, desk.admin, "o", "boss", desk.PASSWORD)


def test_admin_reads_no_case_data(desk):
    cid = cases.open_case(desk.engine, desk.coord, title="Khói từ bãi rác", sector="environment")
    with pytest.raises(Forbidden):
        cases.get_case(desk.engine, desk.admin, cid)
    with pytest.raises(Forbidden):
        cases.list_cases(desk.engine, desk.admin)
    with pytest.raises(Forbidden):
        cases.open_case(desk.engine, desk.admin, title="x")
    with pytest.raises(Forbidden):
        cases.list_cases(desk.engine, desk.viewer)


def test_officer_sees_only_own_agency_cases(desk):
    ca = cases.open_case(desk.engine, desk.coord, title="Ô nhiễm kênh", sector="environment")
    cb = cases.open_case(desk.engine, desk.coord, title="Ngộ độc thực phẩm", agency_id=desk.agency_b)
    assert [c["id"] for c in cases.list_cases(desk.engine, desk.officer_a)] == [ca]
    assert [c["id"] for c in cases.list_cases(desk.engine, desk.officer_b)] == [cb]
    assert {c["id"] for c in cases.list_cases(desk.engine, desk.coord)} == {ca, cb}
    with pytest.raises(Forbidden):
        cases.get_case(desk.engine, desk.officer_b, ca)
    with pytest.raises(Forbidden):
        cases.comment(desk.engine, desk.officer_b, ca, "xem giúp")
    # an officer's own case goes to their agency whatever they ask
    own = cases.open_case(desk.engine, desk.officer_b, title="Thuốc giả", agency_id=desk.agency_a)
    assert cases.get_case(desk.engine, desk.officer_b, own)["agency_id"] == desk.agency_b


def _walk(desk, cid, steps):
    version = cases.get_case(desk.engine, desk.coord, cid)["version"]
    for to, kw in steps:
        version = cases.transition(desk.engine, desk.coord, cid, to, expected_version=version, **kw)[
            "version"
        ]
    return version


def test_every_case_transition_and_refusals(desk):
    e = desk.engine
    cid = cases.open_case(e, desk.coord, title="Phản ánh đường hỏng")  # no sector, no agency -> new
    assert cases.get_case(e, desk.coord, cid)["status"] == "new"
    _walk(
        desk,
        cid,
        [
            ("assigned", {"agency_id": desk.agency_a}),
            ("in_progress", {}),
            ("transferred", {"agency_id": desk.agency_b, "reason": "thuộc ngành y tế"}),
            ("in_progress", {}),
            ("responded", {}),
            ("in_progress", {}),
            ("responded", {}),
            ("closed", {}),
            ("reopened", {"reason": "người dân phản ánh lại"}),
            ("assigned", {"agency_id": desk.agency_a}),
            ("rejected", {"reason": "trùng vụ việc #1"}),
            ("reopened", {"reason": "không trùng"}),
            ("transferred", {"agency_id": desk.agency_b, "reason": "đúng thẩm quyền"}),
            ("assigned", {}),
            ("in_progress", {}),
        ],
    )
    c2 = cases.open_case(e, desk.coord, title="Khác")
    _walk(desk, c2, [("rejected", {"reason": "không thuộc phạm vi"})])
    # every (from, to) pair not in the table is refused
    refused = 0
    for src, allowed in cases.TRANSITIONS.items():
        for to in cases.STATUSES:
            if to in allowed:
                continue
            cid3 = cases.open_case(e, desk.coord, title=f"{src}->{to}")
            row_version = 1
            with e.begin() as conn:  # put the case straight into `src`
                row_version = store.update_case(conn, cid3, 1, status=src)
            with pytest.raises(InvalidTransition):
                cases.transition(
                    e, desk.coord, cid3, to, expected_version=row_version, reason="r", agency_id=desk.agency_a
                )
            refused += 1
    assert refused == len(cases.STATUSES) * len(cases.STATUSES) - sum(
        len(v) for v in cases.TRANSITIONS.values()
    )


def test_reasons_and_agency_rules(desk):
    e = desk.engine
    cid = cases.open_case(e, desk.coord, title="x", sector="land")  # default agency SNNMT -> assigned
    assert cases.get_case(e, desk.coord, cid)["status"] == "assigned"
    with pytest.raises(InvalidTransition, match="reason"):
        cases.transition(e, desk.coord, cid, "rejected", expected_version=1)
    with pytest.raises(InvalidTransition, match="another agency"):
        cases.transition(
            e, desk.coord, cid, "transferred", expected_version=1, agency_id=desk.agency_a, reason="r"
        )
    # officers work their case but do not move it between agencies
    v = cases.transition(e, desk.officer_a, cid, "in_progress", expected_version=1)["version"]
    with pytest.raises(Forbidden):
        cases.transition(
            e, desk.officer_a, cid, "transferred", expected_version=v, agency_id=desk.agency_b, reason="r"
        )


def test_second_writer_gets_conflict(desk):
    e = desk.engine
    cid = cases.open_case(e, desk.coord, title="x", sector="land")
    seen = cases.get_case(e, desk.officer_a, cid)["version"]
    cases.update_case(e, desk.officer_a, cid, expected_version=seen, priority="high")
    with pytest.raises(Conflict, match="changed by someone else"):
        cases.update_case(e, desk.officer_a2, cid, expected_version=seen, priority="low")
    with pytest.raises(Conflict):
        cases.transition(e, desk.coord, cid, "in_progress", expected_version=seen)
    assert cases.get_case(e, desk.coord, cid)["priority"] == "high"


def test_update_refuses_blank_titles_and_a_no_op_changes_nothing(desk):
    # A whitespace title was stored as is (a blank line in `case list`), null hit the NOT NULL constraint,
    # and an edit that changed nothing still moved the version and wrote an empty audit row.
    e = desk.engine
    cid = cases.open_case(e, desk.coord, title="Sạt lở bờ sông", sector="land")
    v = cases.get_case(e, desk.coord, cid)["version"]
    for title in ("   ", None, ""):
        with pytest.raises(Invalid, match="needs a title"):
            cases.update_case(e, desk.coord, cid, expected_version=v, title=title)

    def audit_rows():
        with e.connect() as conn:
            return len(list(store.iter_audit(conn)))

    before = audit_rows()
    assert cases.update_case(e, desk.coord, cid, expected_version=v) == v
    assert (
        cases.update_case(e, desk.coord, cid, expected_version=v, title=" Sạt lở bờ sông ", sector="land")
        == v
    )
    assert audit_rows() == before and cases.get_case(e, desk.coord, cid)["version"] == v
    with pytest.raises(Conflict):  # a stale version is still refused, even for a no-op
        cases.update_case(e, desk.coord, cid, expected_version=v - 1 if v > 1 else v + 1)
    v2 = cases.update_case(e, desk.coord, cid, expected_version=v, title="Sạt lở bờ sông xã A", sector="land")
    assert v2 == v + 1 and audit_rows() == before + 1
    with e.connect() as conn:
        assert json.loads(list(store.iter_audit(conn))[-1]["data"]) == {"title": "Sạt lở bờ sông xã A"}


def test_attachments_limited_by_size_and_type(desk, _isolated_home):
    e = desk.engine
    cid = cases.open_case(e, desk.coord, title="x", sector="land")
    pdf = b"%PDF-1.4\n" + b"0" * 100
    aid = cases.attach(e, desk.officer_a, cid, "bien-ban.pdf", pdf)
    assert cases.get_attachment(e, desk.officer_a, aid)["data"] == pdf
    with pytest.raises(Forbidden):
        cases.get_attachment(e, desk.officer_b, aid)
    with pytest.raises(Invalid, match="not a .pdf"):
        cases.attach(e, desk.coord, cid, "fake.pdf", b"MZ\x90\x00 executable")
    with pytest.raises(Invalid, match="type not accepted"):
        cases.attach(e, desk.coord, cid, "run.exe", b"MZ")
    (_isolated_home / "settings.toml").write_text("[desk.attachments]\nmax_bytes = 50\n")
    with pytest.raises(Invalid, match="limit"):
        cases.attach(e, desk.coord, cid, "big.pdf", pdf)
    view = cases.get_case(e, desk.coord, cid)
    assert [a["filename"] for a in view["attachments"]] == ["bien-ban.pdf"]
    assert "data" not in view["attachments"][0]


def test_case_from_item_carries_no_author_data(desk):
    e = desk.engine
    from sqlalchemy import insert

    from tinhhinh.store.schema import items

    with e.begin() as conn:
        pk = conn.execute(
            insert(items).values(
                key="t:1",
                source="forum",
                kind="post",
                title="Lừa đảo tuyển cộng tác viên online",
                text="...",
                url="https://example.vn/p/1",
                author_hash="a" * 64,
                provenance={"author": "someone"},
                harm=[
                    {"type": "scam", "score": 0.9, "evidence": "", "status": "confirmed"},
                    {"type": "x", "status": "pending"},
                ],
            )
        ).inserted_primary_key[0]
    cid = cases.open_from_item(e, desk.coord, pk, sector="public_order")
    hid = cases.open_from_item(e, desk.coord, pk, harm_index=0)
    with pytest.raises(Invalid, match="confirmed"):
        cases.open_from_item(e, desk.coord, pk, harm_index=1)
    for c in (cid, hid):
        view = cases.get_case(e, desk.coord, c)
        flat = repr(view)
        assert "a" * 64 not in flat and "someone" not in flat
        assert view["links"][0]["url"] == "https://example.vn/p/1"
    assert cases.get_case(e, desk.coord, hid)["origin"] == "harm"
    sid = cases.open_from_story(e, desk.coord, "story-42", title="Sạt lở ở xã A")
    assert cases.get_case(e, desk.coord, sid)["links"][0]["kind"] == "story"


def test_access_is_one_function(desk):
    row = {"id": 1, "agency_id": desk.agency_a, "kind": "khieu_nai", "resolver_id": None}
    assert can(desk.officer_a, "petition.read", row)
    assert not can(desk.officer_b, "petition.read", row)
    assert not can(desk.admin, "petition.read", row)
    assert not can(desk.viewer, "petition.read", row)
    assert can(desk.viewer, "stats.read") and not can(desk.admin, "stats.read")


def test_links_between_cases_stories_items_and_petitions(desk):
    from tinhhinh.desk import petitions

    e = desk.engine
    cid = cases.open_case(e, desk.coord, title="Sạt lở", sector="land")
    cases.link(e, desk.officer_a, cid, "story", "story-7", title="Sạt lở ở xã B")
    cases.link(e, desk.officer_a, cid, "story", "story-7")  # idempotent
    with pytest.raises(Invalid):
        cases.link(e, desk.coord, cid, "person", "x")
    with pytest.raises(Forbidden):
        cases.link(e, desk.officer_b, cid, "story", "story-8")
    assert [lk["ref"] for lk in cases.get_case(e, desk.coord, cid)["links"]] == ["story-7"]
    pid = desk.petition(case_id=cid)
    assert petitions.show(e, desk.coord, pid)["case_id"] == cid
    other = cases.open_case(e, desk.coord, title="y", agency_id=desk.agency_b)
    with pytest.raises(Forbidden):  # an officer cannot attach a petition to a case they cannot read
        desk.petition(actor=desk.officer_a, case_id=other)
