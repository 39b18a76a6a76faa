"""Deadline rules: the 7 worked examples of petition-law.md plus our own, each citing the rule it checks."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from tinhhinh.console import UserError
from tinhhinh.desk.calendar import load_calendar
from tinhhinh.desk.deadlines import compute

D = dt.date.fromisoformat

# (label, kind, events, flags, expected rule id, expected due)
WORKED = [
    # petition-law.md worked examples 1-7
    (
        "pl1 KN first ordinary, Art.28",
        "khieu_nai",
        {"accepted": "2026-03-02"},
        {},
        "khieu_nai.first.resolution",
        "2026-04-01",
    ),
    (
        "pl2 KN first complex remote, Art.28; 1/5 + weekend",
        "khieu_nai",
        {"accepted": "2026-03-02"},
        {"complex": True, "remote": True},
        "khieu_nai.first.resolution.remote_complex",
        "2026-05-04",
    ),
    (
        "pl3 TC ordinary, Art.30(1)",
        "to_cao",
        {"accepted": "2026-06-10"},
        {},
        "to_cao.resolution",
        "2026-07-10",
    ),
    (
        "pl4 TC complex +1 extension, Art.30(2); Sunday",
        "to_cao",
        {"accepted": "2026-06-10"},
        {"complex": True, "extensions": 1},
        "to_cao.resolution+to_cao.extensionx1",
        "2026-08-10",
    ),
    (
        "pl5 TC initial handling 7 working days, Art.24(1)",
        "to_cao",
        {"received": "2026-10-15"},
        {},
        "to_cao.initial_handling",
        "2026-10-26",
    ),
    (
        "pl6 KN second ordinary, Art.37",
        "khieu_nai",
        {"accepted": "2026-11-02"},
        {"second": True},
        "khieu_nai.second.resolution",
        "2026-12-17",
    ),
    (
        "pl7 KN first ordinary over Tết 2027, Art.28",
        "khieu_nai",
        {"accepted": "2027-01-15"},
        {},
        "khieu_nai.first.resolution",
        "2027-02-15",
    ),
    # our own
    (
        "KN first complex, Art.28 (45 days)",
        "khieu_nai",
        {"accepted": "2026-03-02"},
        {"complex": True},
        "khieu_nai.first.resolution.complex",
        "2026-04-16",
    ),
    (
        "KN first remote, Art.28; lands on Giỗ Tổ swap day 27/4",
        "khieu_nai",
        {"accepted": "2026-03-13"},
        {"remote": True},
        "khieu_nai.first.resolution.remote",
        "2026-04-28",
    ),
    (
        "KN second complex, Art.37; lands on 1/1/2027 then weekend",
        "khieu_nai",
        {"accepted": "2026-11-02"},
        {"second": True, "complex": True},
        "khieu_nai.second.resolution.complex",
        "2027-01-04",
    ),
    (
        "KN second remote, Art.37 (60 days)",
        "khieu_nai",
        {"accepted": "2026-06-01"},
        {"second": True, "remote": True},
        "khieu_nai.second.resolution.remote",
        "2026-07-31",
    ),
    (
        "KN second remote complex, Art.37 (70 days)",
        "khieu_nai",
        {"accepted": "2026-06-01"},
        {"second": True, "remote": True, "complex": True},
        "khieu_nai.second.resolution.remote_complex",
        "2026-08-10",
    ),
    (
        "KN first ordinary lands on Saturday, Art.28 + BLDS Art.148",
        "khieu_nai",
        {"accepted": "2026-07-02"},
        {},
        "khieu_nai.first.resolution",
        "2026-08-03",
    ),
    (
        "TC very complex +2 extensions, Art.30(3); lands on 2/9",
        "to_cao",
        {"accepted": "2026-06-04"},
        {"very_complex": True, "extensions": 2},
        "to_cao.resolution+to_cao.extensionx2",
        "2026-09-03",
    ),
    (
        "TC initial handling across Tết 2026, Art.24(1)",
        "to_cao",
        {"received": "2026-02-13"},
        {},
        "to_cao.initial_handling",
        "2026-03-03",
    ),
    (
        "TC initial handling several places 10 working days, Art.24(1)",
        "to_cao",
        {"received": "2026-10-15"},
        {"complex": True},
        "to_cao.initial_handling.several_places",
        "2026-10-29",
    ),
    (
        "TC forward 5 working days across 27/4, 30/4, 1/5, Art.24(2)",
        "to_cao",
        {"received": "2026-04-24"},
        {},
        "to_cao.forward",
        "2026-05-06",
    ),
    (
        "KN acceptance 10 days lands on 30/4 then 1/5 and weekend, Art.27",
        "khieu_nai",
        {"received": "2026-04-20"},
        {},
        "khieu_nai.acceptance",
        "2026-05-04",
    ),
    (
        "TC initial handling with a working Saturday (26/4/2025) and 30/4-2/5, Art.24(1)",
        "to_cao",
        {"received": "2025-04-24"},
        {},
        "to_cao.initial_handling",
        "2025-05-07",
    ),
    (
        "TC initial handling received the day before Tết 2027, Art.24(1)",
        "to_cao",
        {"received": "2027-02-03"},
        {},
        "to_cao.initial_handling",
        "2027-02-23",
    ),
    (
        "KN time to lodge 90 days, Art.9",
        "khieu_nai",
        {"learned": "2026-01-01"},
        {},
        "khieu_nai.lodge",
        "2026-04-01",
    ),
    (
        "KPA office default 15 working days, the 22/8 working Saturday and 31/8-2/9 off",
        "kien_nghi_phan_anh",
        {"received": "2026-08-21"},
        {},
        "kien_nghi_phan_anh.office",
        "2026-09-15",
    ),
    (
        "TC ordinary accepted on the 2025 Quốc khánh eve, Art.30(1)",
        "to_cao",
        {"accepted": "2025-08-29"},
        {},
        "to_cao.resolution",
        "2025-09-29",
    ),
]


@pytest.mark.parametrize("label,kind,events,flags,rule_id,due", WORKED, ids=[w[0] for w in WORKED])
def test_worked_examples(label, kind, events, flags, rule_id, due):
    result = compute(kind, {k: D(v) for k, v in events.items()}, **flags)
    by_rule = {d["rule_id"]: d for d in result["dates"]}
    assert rule_id in by_rule, (label, list(by_rule))
    got = by_rule[rule_id]
    assert got["due"] == due, label
    # every date carries its citation
    assert got["law"] and got["article"] and got["confidence"]


def test_enough_examples():
    assert len(WORKED) >= 7 + 15


def test_roll_forward_is_explained():
    result = compute("khieu_nai", {"accepted": D("2026-03-02")}, complex=True, remote=True)
    (d,) = result["dates"]
    assert d["unrolled_due"] == "2026-05-01"
    assert d["rolled_forward_because"] == "Quốc tế Lao động"


@pytest.mark.parametrize(
    "kind,flags,message",
    [
        ("to_cao", {"extensions": 1}, "not allowed"),  # Art. 30(2): only complex cases may be extended
        ("to_cao", {"complex": True, "extensions": 2}, "not allowed"),  # Art. 30(2): complex = one extension
        ("to_cao", {"very_complex": True, "extensions": 3}, "not allowed"),  # Art. 30(3): at most two
        ("khieu_nai", {"extensions": 1}, "no extension rule"),  # Art. 28: complex means a longer term
        ("to_cao", {"second": True}, "khieu_nai only"),
    ],
)
def test_illegal_combinations_refused(kind, flags, message):
    with pytest.raises(UserError, match=message):
        compute(kind, {"accepted": D("2026-06-10")}, **flags)


def test_resolution_needs_acceptance():
    with pytest.raises(UserError, match="accepted"):
        compute("to_cao", {"learned": D("2026-06-10")})


def test_office_setting_for_kien_nghi(_isolated_home):
    (_isolated_home / "settings.toml").write_text('[desk.kien_nghi_phan_anh]\ndays = 10\nunit = "calendar"\n')
    result = compute("kien_nghi_phan_anh", {"received": D("2026-12-22")})
    (d,) = result["dates"]
    assert (d["days"], d["unit"], d["due"]) == (
        10,
        "calendar",
        "2027-01-04",
    )  # 1/1/2027 is a holiday, then weekend


def test_home_override_replaces_a_year(_isolated_home):
    # An office that worked through Tết 2027 (hypothetical) lists no days off for that year.
    (_isolated_home / "holidays.yaml").write_text("version: local-1\nyears:\n  2027:\n    days_off: []\n")
    cal = load_calendar()
    assert cal.is_working_day(D("2027-02-08"))
    assert not cal.is_working_day(D("2026-02-16"))  # other years untouched
    result = compute("to_cao", {"received": D("2027-02-03")}, calendar=cal)
    assert {d["rule_id"]: d["due"] for d in result["dates"]}["to_cao.initial_handling"] == "2027-02-12"


def test_outside_calendar_warns():
    result = compute("to_cao", {"accepted": D("2028-03-01")})
    assert result["dates"][0]["due"] == "2028-03-31"
    assert result["warnings"] and "outside the office calendar" in result["warnings"][0]


def test_shipped_calendar_years_and_tet():
    cal = load_calendar()
    assert {2025, 2026, 2027} <= cal.years
    for day in ("2025-01-29", "2026-02-17", "2027-02-08"):  # Mùng 1 Tết
        assert not cal.is_working_day(D(day)), day


def test_cli_deadline_json():
    from tinhhinh.desk.commands import petition_app

    res = CliRunner().invoke(
        petition_app,
        [
            "deadline",
            "--kind",
            "to_cao",
            "--event",
            "accepted=2026-06-10",
            "--complex",
            "--extensions",
            "1",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["dates"][0]["due"] == "2026-08-10"
    assert "Điều 30" in data["dates"][0]["article"]
    bad = CliRunner().invoke(petition_app, ["deadline", "--kind", "to_cao", "--event", "accepted=10/06/2026"])
    assert bad.exit_code == 1


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CAL = load_calendar()


@settings(max_examples=300, deadline=None)
@given(start=st.dates(min_value=D("2025-01-01"), max_value=D("2027-10-31")), n=st.integers(1, 60))
def test_working_day_counting_properties(start, n):
    due = _CAL.add_working_days(start, n)
    assert _CAL.is_working_day(due)
    between = [start + dt.timedelta(days=i) for i in range(1, (due - start).days + 1)]
    assert sum(_CAL.is_working_day(d) for d in between) == n


@settings(max_examples=300, deadline=None)
@given(
    accepted=st.dates(min_value=D("2025-01-01"), max_value=D("2027-09-30")),
    kind=st.sampled_from(["khieu_nai", "to_cao"]),
    complex_=st.booleans(),
    remote=st.booleans(),
)
def test_calendar_rules_end_on_a_working_day_on_or_after_day_n(accepted, kind, complex_, remote):
    result = compute(kind, {"accepted": accepted}, complex=complex_, remote=remote and kind == "khieu_nai")
    for d in result["dates"]:
        due, unrolled = D(d["due"]), D(d["unrolled_due"])
        assert unrolled == accepted + dt.timedelta(days=d["days"])
        assert due >= unrolled and _CAL.is_working_day(due)
        # nothing between day N and the due date is a working day: it moved to the *next* one
        assert not any(
            _CAL.is_working_day(unrolled + dt.timedelta(days=i)) for i in range((due - unrolled).days)
        )
