"""Demo desk: FICTIONAL agencies, users, cases and petitions over the demo's 30-day replay.

Everything goes through the desk's own API (people, cases, petitions), so access checks run and the audit
chain is real and verifies. The API stamps records with the clock; the demo runs it on a replay clock (the
same idea as the replayed article dates) so cases and petitions fall across the 30 days. Every agency name
ends in "(hư cấu)" (fictional) and every petitioner is "[DEMO] …" with an example.invalid e-mail.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from tinhhinh import clock
from tinhhinh.desk import audit, cases, people, petitions
from tinhhinh.desk.access import Actor
from tinhhinh.store import desk as store
from tinhhinh.store import report_queries
from tinhhinh.timefmt import LOCAL_TZ

SEED = 20261126
FICTIONAL = "(hư cấu)"
AGENCIES: list[tuple[str, str, list[str]]] = [
    ("CA", "Công an tỉnh", ["public_order", "transport"]),
    ("SYT", "Sở Y tế", ["health"]),
    ("SGDDT", "Sở Giáo dục và Đào tạo", ["education"]),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", ["land", "environment", "agriculture"]),
    ("SXD", "Sở Xây dựng", ["construction", "transport"]),
    ("SCT", "Sở Công Thương", ["industry_trade"]),
    ("STC", "Sở Tài chính", ["finance"]),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", ["culture_tourism", "information"]),
    ("SNV", "Sở Nội vụ", ["labour", "social_welfare", "officials"]),
    ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh", ["admin_procedures", "other"]),
]
# news area of a story -> sector of the case opened from it
AREA_SECTOR = {
    "health": "health",
    "law": "public_order",
    "business": "industry_trade",
    "politics_society": "social_welfare",
    "lifestyle": "other",
    "culture": "culture_tourism",
    "sports": "culture_tourism",
    "technology": "information",
    "science": "education",
    "world": "other",
}
SUBJECTS: dict[str, list[tuple[str, str]]] = {
    "kien_nghi_phan_anh": [
        ("Phản ánh đèn chiếu sáng hỏng trên tuyến đường liên xã", "transport"),
        ("Kiến nghị sửa chữa cống thoát nước gây ngập", "construction"),
        ("Phản ánh tiếng ồn công trình xây dựng ban đêm", "environment"),
        ("Phản ánh thực phẩm không rõ nguồn gốc tại chợ", "industry_trade"),
        ("Kiến nghị bố trí thêm lớp học bán trú", "education"),
        ("Phản ánh thời gian chờ khám tại bệnh viện tuyến huyện", "health"),
        ("Phản ánh chậm trả kết quả thủ tục hành chính", "admin_procedures"),
        ("Phản ánh rác thải tồn đọng tại khu dân cư", "environment"),
    ],
    "khieu_nai": [
        ("Khiếu nại mức bồi thường khi thu hồi đất", "land"),
        ("Khiếu nại quyết định xử phạt vi phạm hành chính", "public_order"),
        ("Khiếu nại việc cấp giấy phép xây dựng", "construction"),
        ("Khiếu nại chế độ bảo hiểm xã hội", "labour"),
        ("Khiếu nại kết quả xét tuyển viên chức", "officials"),
    ],
    "to_cao": [
        ("Tố cáo hành vi lợi dụng chức vụ trong cấp phép", "officials"),
        ("Tố cáo cơ sở kinh doanh gian lận đo lường", "industry_trade"),
        ("Tố cáo hành vi lấn chiếm đất công", "land"),
    ],
}
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc", "Phúc", "Quân", "Thảo")


def _utc(local: dt.datetime) -> dt.datetime:
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _person(rng: random.Random, n: int) -> dict[str, str]:
    name = f"[DEMO] {rng.choice(FAMILY)} {rng.choice(('Văn', 'Thị', 'Minh', 'Đức'))} {rng.choice(GIVEN)}"
    return {
        "name": name,
        "address": f"[DEMO] Số {n} đường Hư Cấu, xã Minh Họa",
        "phone": f"0900{n:06d}",
        "email": f"demo{n}@example.invalid",
    }


def _password() -> str:
    return secrets.token_urlsafe(12)


def seed_desk(engine: Engine, end: dt.datetime) -> str:
    """Seed the demo desk for the 30 days before ``end`` (aware, local). Returns one line for the summary."""
    with engine.connect() as conn:
        if store.count_users(conn):
            return (
                "desk: accounts exist already, nothing seeded (run `tinhhinh demo` with --fresh to rebuild)"
            )
        candidates = report_queries.story_candidates(conn, 12)
    rng = random.Random(SEED)
    start = end - dt.timedelta(days=30)
    events: list[tuple[dt.datetime, int, Callable[[], None]]] = []
    order = {"n": 0}

    def at(when: dt.datetime, fn: Callable[[], None]) -> None:
        order["n"] += 1
        if when < end - dt.timedelta(minutes=5):  # later steps have not happened yet at the replay's end
            events.append((when, order["n"], fn))

    coord_password = _password()
    with clock.replay(_utc(start - dt.timedelta(days=2))) as replay:
        admin_password = _password()
        people.add_user(engine, None, "demo-admin", "admin", admin_password, full_name="[DEMO] Quản trị")
        admin = people.actor_for(engine, "demo-admin")
        agency_ids: dict[str, int] = {}
        for code, name, sectors in AGENCIES:
            agency_ids[code] = people.add_agency(engine, admin, code, f"{name} {FICTIONAL}", sectors)
        people.add_user(
            engine, admin, "demo-coord", "coordinator", coord_password, full_name="[DEMO] Điều phối"
        )
        people.add_user(
            engine, admin, "demo-viewer", "viewer", _password(), full_name="[DEMO] Lãnh đạo xem số liệu"
        )
        for code, _name, _sectors in AGENCIES:
            people.add_user(engine, admin, f"demo-{code.lower()}", "officer", _password(), agency_code=code,
                            full_name=f"[DEMO] Cán bộ {code}")  # fmt: skip
        coord = people.actor_for(engine, "demo-coord")
        officer = {code: people.actor_for(engine, f"demo-{code.lower()}") for code, _, _ in AGENCIES}
        by_id = {v: k for k, v in agency_ids.items()}
        _plan_cases(engine, rng, at, start, end, coord, officer, by_id, candidates)
        _plan_petitions(engine, rng, at, start, end, coord, officer, by_id)
        for when, _, fn in sorted(events, key=lambda e: (e[0], e[1])):
            replay.now = _utc(when)
            fn()
    # what was created, not what was planned: steps planned after the replay's end are not done
    n_cases = len(cases.list_cases(engine, coord))
    n_pet = len(petitions.list_petitions(engine, coord))
    check = audit.verify(engine, coord)
    stats = petitions.stats(engine, people.actor_for(engine, "demo-viewer"))
    return (
        f"desk: {len(AGENCIES)} fictional agencies, {3 + len(AGENCIES)} users, {n_cases} cases, {n_pet} petitions "
        f"({stats['overdue']} overdue today); audit chain {'verified' if check['ok'] else 'BROKEN'} "
        f"({check['rows']} rows). Sign in as demo-coord with the one-time password {coord_password} "
        f"(shown only now); the administrator demo-admin has the password {admin_password}, which gives the "
        "other demo users theirs: tinhhinh users passwd demo-viewer --user demo-admin (likewise demo-ca, "
        "demo-syt, …)"
    )


def _plan_cases(engine, rng, at, start, end, coord: Actor, officer: dict[str, Actor], by_id: dict[int, str],
                candidates: list[dict[str, Any]]) -> int:  # fmt: skip
    """Cases: some opened from the demo's biggest stories, the rest by hand; most handled, some late."""
    plans: list[dict[str, Any]] = []
    for s in candidates[:8]:
        first = s["first_seen"].replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ) if s["first_seen"] else start
        opened = max(first, start) + dt.timedelta(hours=rng.randint(2, 20))
        plans.append({"title": (s["label"] or s["id"])[:200], "story": s["id"],
                      "sector": AREA_SECTOR.get(s["area"] or "", "other"), "opened": opened})  # fmt: skip
    manual = [
        ("Theo dõi thông tin sai về dịch bệnh trên mạng xã hội", "health"),
        ("Tin nhắn giả mạo cơ quan thuế đề nghị cập nhật thông tin", "finance"),
        ("Phản ánh ùn tắc giao thông tại nút giao cửa ngõ", "transport"),
        ("Thông tin về sạt lở bờ sông cần xác minh", "environment"),
        ("Bài viết phản ánh chất lượng bữa ăn bán trú", "education"),
        ("Quảng cáo thực phẩm chức năng sai sự thật", "industry_trade"),
        ("Phản ánh thu phí trông giữ xe sai quy định", "construction"),
        ("Thông tin tuyển dụng lao động đi nước ngoài có dấu hiệu lừa đảo", "labour"),
    ]
    for title, sector in manual:
        plans.append({"title": f"[DEMO] {title}", "story": None, "sector": sector,
                      "opened": start + dt.timedelta(days=rng.uniform(0.5, 27), hours=rng.randint(0, 8))})  # fmt: skip
    plans.sort(key=lambda p: p["opened"])
    for i, p in enumerate(plans):
        state: dict[str, Any] = {"id": None, "version": 1, "agency": None}
        due = (p["opened"] + dt.timedelta(days=rng.choice((5, 7, 10)))).date()
        fate = ("late_open", "open", "rejected", "transfer")[i % 4] if i % 3 == 0 else "done"

        def open_it(p=p, state=state, due=due) -> None:
            if p["story"]:
                cid = cases.open_from_story(engine, coord, p["story"], title=p["title"], sector=p["sector"],
                                            due_date=due, priority="normal")  # fmt: skip
            else:
                cid = cases.open_case(engine, coord, title=p["title"], sector=p["sector"], due_date=due,
                                      description="[DEMO] Vụ việc hư cấu để minh họa.")  # fmt: skip
            row = cases.get_case(engine, coord, cid)
            state.update(id=cid, version=row["version"], agency=row["agency_id"], status=row["status"])

        at(p["opened"], open_it)

        def move(to: str, actor_for: Callable[[dict], Actor], state=state, **kw: Any) -> Callable[[], None]:
            def run() -> None:
                if state["id"] is None:
                    return
                res = cases.transition(engine, actor_for(state), state["id"], to, expected_version=state["version"],
                                       **kw)  # fmt: skip
                state["version"] = res["version"]
                state["status"] = to
                if "agency_id" in kw:
                    state["agency"] = kw["agency_id"]

            return run

        def own(state: dict) -> Actor:
            code = by_id.get(state["agency"])
            return officer[code] if code else coord

        t0 = p["opened"]
        if fate == "rejected":
            at(
                t0 + dt.timedelta(hours=20),
                move("rejected", lambda s: coord, reason="[DEMO] Không thuộc thẩm quyền"),
            )
            continue
        if fate == "transfer":
            at(t0 + dt.timedelta(hours=6), move("transferred", lambda s: coord, reason="[DEMO] Chuyển đúng cơ quan",
                                                agency_id=_other_agency(by_id, p["sector"])))  # fmt: skip
        at(t0 + dt.timedelta(days=rng.uniform(0.3, 2)), move("in_progress", own))
        if fate in ("late_open", "open"):
            continue  # still being handled at the end of the replay: late when its due date has passed
        took = rng.uniform(2, 12)
        at(t0 + dt.timedelta(days=took), move("responded", own))
        at(t0 + dt.timedelta(days=took + rng.uniform(0.5, 2)), move("closed", lambda s: coord))
    return len(plans)


def _other_agency(by_id: dict[int, str], sector: str) -> int:
    # A transfer goes to the sector's second listed agency (else VPUB, else CA): never the one holding it.
    listed = people.sectors().get(sector, {}).get("agencies", [])
    holder = listed[0] if listed else None
    code = next(c for c in [*listed[1:], "VPUB", "CA"] if c != holder)
    return next(i for i, c in by_id.items() if c == code)


def _plan_petitions(engine, rng, at, start, end, coord: Actor, officer: dict[str, Actor],
                    by_id: dict[int, str]) -> int:  # fmt: skip
    """Petitions of all three kinds, received across the 30 days; outcomes follow the legal state machine."""
    plans = []
    n = 0
    for kind, count in (("kien_nghi_phan_anh", 16), ("khieu_nai", 12), ("to_cao", 6)):
        for j in range(count):
            n += 1
            subject, sector = SUBJECTS[kind][j % len(SUBJECTS[kind])]
            day = rng.randint(0, 28)
            plans.append({"n": n, "kind": kind, "subject": subject, "sector": sector,
                          "received": (start + dt.timedelta(days=day)).replace(hour=9) + dt.timedelta(minutes=n),
                          "fate": rng.random()})  # fmt: skip
    plans.sort(key=lambda p: (p["received"], p["n"]))
    # petitions of each kind in order of intake: a duplicate is merged into the first one still being handled
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in plans:
        state: dict[str, Any] = {"id": None, "version": 1, "agency": None, "state": "received"}

        def intake(p=p, state=state) -> None:
            pid = petitions.intake(
                engine, coord, kind=p["kind"], subject=p["subject"], sector=p["sector"],
                received_on=p["received"].date(), petitioner=_person(rng, p["n"]),
                content=f"[DEMO] Nội dung đơn hư cấu số {p['n']}: {p['subject'].lower()}.",
                privacy_notice_given=True, remote=False, complex=False,
            )  # fmt: skip
            # a new petition is version 1 with the sector's default agency (no read: a read of personal data
            # would be audited as a disclosure)
            state.update(id=pid, version=1, agency=people.default_agency_for(engine, p["sector"]))
            by_kind[p["kind"]].append(state)

        at(p["received"], intake)

        def move(to: str, when: dt.datetime, state=state, kind=p["kind"], **kw: Any) -> None:
            def run() -> None:
                if state["id"] is None:
                    return
                code = by_id.get(state["agency"])
                actor = officer[code] if code and to not in ("merged_duplicate",) else coord
                if to == "merged_duplicate":
                    kw["merged_into"] = next(
                        (
                            o["id"]
                            for o in by_kind[kind]
                            if o is not state and o["state"] in petitions.LIVE_STATES
                        ),
                        None,
                    )
                    if kw["merged_into"] is None:
                        return
                res = petitions.transition(engine, actor, state["id"], to, expected_version=state["version"],
                                           on=when.date(), **kw)  # fmt: skip
                state["version"] = res["version"]
                state["state"] = to

            at(when, run)

        r, f = p["received"], p["fate"]
        if p["kind"] != "kien_nghi_phan_anh" and f < 0.2:
            other = ("not_accepted", "forwarded", "guided", "merged_duplicate")[p["n"] % 4]
            reasons = {"not_accepted": "[DEMO] Đơn không đủ điều kiện thụ lý", "forwarded": "[DEMO] Chuyển UBND cấp xã",
                       "guided": "[DEMO] Hướng dẫn gửi đúng cơ quan có thẩm quyền", "merged_duplicate": None}  # fmt: skip
            move(other, r + dt.timedelta(days=2), reason=reasons[other])
            move("closed", r + dt.timedelta(days=3))
            continue
        move("accepted", r + dt.timedelta(days=rng.randint(1, 6)))
        if p["kind"] == "to_cao" and f > 0.8:
            move("extended", r + dt.timedelta(days=8), reason="[DEMO] Quyết định gia hạn số 01/QĐ-DEMO")
        if f < 0.55:
            took = rng.randint(8, 24)
            move("resolved", r + dt.timedelta(days=took))
            if f < 0.35:
                move("closed", r + dt.timedelta(days=took + 2))
    return len(plans)
