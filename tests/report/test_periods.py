"""Which period a report compares with, and the CLI's period and output arguments."""

from __future__ import annotations

import datetime as dt

import pytest

from tinhhinh.report.build import build_report, previous_period
from tinhhinh.store.db import engine_for
from tinhhinh.timefmt import LOCAL_TZ


def _local(y: int, m: int, d: int, h: int = 12, mi: int = 0) -> dt.datetime:
    """A local (Asia/Ho_Chi_Minh) wall time as the naive UTC the store keeps."""
    return dt.datetime(y, m, d, h, mi, tzinfo=LOCAL_TZ).astimezone(dt.UTC).replace(tzinfo=None)


@pytest.fixture
def boundary_db(tmp_path):
    """Items on the first and last local days of months and years (23:30 and 00:10 local)."""
    from tinhhinh.item import Item
    from tinhhinh.store.items import add_items

    engine = engine_for(str(tmp_path / "b.db"))
    times = [
        _local(2023, 12, 31, 23, 30),  # year 2023
        _local(2024, 1, 1, 0, 10),  # 1 Jan 2024: in 2024 and in January
        _local(2024, 1, 31, 23, 30),
        _local(2024, 2, 1, 0, 10),
        _local(2024, 2, 29, 23, 59),  # leap day
        _local(2024, 2, 15),
        _local(2024, 3, 1, 0, 10),
        _local(2024, 3, 31, 23, 30),
        _local(2024, 12, 31, 23, 30),
        _local(2025, 1, 1, 0, 10),
    ]
    add_items(
        engine, [Item(id=f"i{n}", source="s", text=f"tin {n}", published_at=t) for n, t in enumerate(times)]
    )
    return engine


@pytest.mark.parametrize(
    ("first", "last", "prev"),
    [
        ("2024-03-01", "2024-03-31", ("2024-02-01", "2024-02-29")),  # a month: the previous month
        ("2024-02-01", "2024-02-29", ("2024-01-01", "2024-01-31")),
        ("2024-01-01", "2024-01-31", ("2023-12-01", "2023-12-31")),
        ("2025-01-01", "2025-12-31", ("2024-01-01", "2024-12-31")),  # a year: the previous year
        ("2024-01-01", "2024-12-31", ("2023-01-01", "2023-12-31")),
        ("2024-04-01", "2024-06-30", ("2024-01-01", "2024-03-31")),  # a quarter: the previous quarter
        ("2024-03-10", "2024-03-16", ("2024-03-03", "2024-03-09")),  # any other span: as many days before
    ],
)
def test_previous_period_is_the_previous_calendar_period(first, last, prev):
    got = previous_period(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert got == tuple(dt.date.fromisoformat(x) for x in prev)


def test_a_month_not_ended_is_compared_with_the_same_days_of_the_previous_month():
    first, last = dt.date(2024, 3, 1), dt.date(2024, 3, 31)
    assert previous_period(first, last, through=dt.date(2024, 3, 20)) == (
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 20),
    )
    assert previous_period(first, last, through=dt.date(2024, 3, 30)) == (
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    )


def test_month_and_year_reports_compare_with_the_previous_reports_figures(boundary_db):
    """The "Kỳ trước" column equals the previous month's / year's own report, and the intro names it."""
    march = build_report(boundary_db, dt.date(2024, 3, 1), dt.date(2024, 3, 31), today=dt.date(2026, 1, 1))
    feb = build_report(boundary_db, dt.date(2024, 2, 1), dt.date(2024, 2, 29), today=dt.date(2026, 1, 1))
    assert march.figures["items"] == 2 and feb.figures["items"] == 3
    assert march.figures["previous"]["items"] == feb.figures["items"]
    intro = march.content_lines()
    assert any("so sánh với tháng 02/2024 (01/02/2024 – 29/02/2024)" in x for x in intro)

    y2025 = build_report(boundary_db, dt.date(2025, 1, 1), dt.date(2025, 12, 31), today=dt.date(2026, 1, 1))
    y2024 = build_report(boundary_db, dt.date(2024, 1, 1), dt.date(2024, 12, 31), today=dt.date(2026, 1, 1))
    assert y2024.figures["items"] == 8  # 1 Jan 2024 00:10 included, 31 Dec 2023 23:30 not
    assert y2025.figures["previous"]["items"] == y2024.figures["items"]
    assert y2024.figures["previous"]["items"] == 1
    assert any("so sánh với năm 2024 (01/01/2024 – 31/12/2024)" in x for x in y2025.content_lines())
    en = build_report(
        boundary_db, dt.date(2024, 3, 1), dt.date(2024, 3, 31), lang="en", today=dt.date(2026, 1, 1)
    )
    assert any("compared with February 2024 (2024-02-01 – 2024-02-29)" in x for x in en.content_lines())
    week = build_report(boundary_db, dt.date(2024, 3, 1), dt.date(2024, 3, 7), today=dt.date(2026, 1, 1))
    assert any("so sánh với 7 ngày liền trước" in x for x in week.content_lines())


def test_cases_and_petitions_count_under_the_agency_holding_them_at_period_end(coordinator):
    """A case opened with agency A on 31/12 and transferred to B on 02/01 is A's in that year's report;
    a petition of February reassigned a year later stays under its February agency in February's report."""
    from tinhhinh import clock
    from tinhhinh.desk import cases, people, petitions

    engine, coord = coordinator
    admin = people.authenticate(engine, "admin", "correct horse battery")
    a = people.add_agency(engine, admin, "SYT", "Sở Y tế")
    b = people.add_agency(engine, admin, "CA", "Công an")
    with clock.replay(_local(2024, 12, 31, 23, 30)) as replay:
        case_id = cases.open_case(engine, coord, title="Vụ việc Z", agency_id=a)
        replay.now = _local(2025, 1, 2, 9)
        cases.transition(
            engine, coord, case_id, "transferred", expected_version=1, agency_id=b, reason="thẩm quyền"
        )
        replay.now = _local(2024, 2, 1, 9)
        pid = petitions.intake(
            engine, coord, kind="kien_nghi_phan_anh", subject="Đường hỏng", received_on=dt.date(2024, 2, 1),
            petitioner={"name": "Người gửi"}, content="Nội dung", privacy_notice_given=True, agency_id=a,
        )  # fmt: skip
        version = petitions.show(engine, coord, pid)["version"]
        replay.now = _local(2025, 3, 1, 9)
        petitions.assign(engine, coord, pid, expected_version=version, agency_id=b)

    today = dt.date(2025, 6, 1)
    y2024 = build_report(engine, dt.date(2024, 1, 1), dt.date(2024, 12, 31), today=today).figures["desk"]
    assert y2024["cases"] == {a: {"received": 1, "open": 1}}
    assert set(y2024["petitions"]) == {a}
    feb = build_report(engine, dt.date(2024, 2, 1), dt.date(2024, 2, 29), today=today).figures["desk"]
    assert set(feb["petitions"]) == {a} and feb["petitions"][a]["received"] == 1
    y2025 = build_report(engine, dt.date(2025, 1, 1), dt.date(2025, 5, 31), today=today).figures["desk"]
    assert set(y2025["cases"]) == {b} and set(y2025["petitions"]) == {b}


def test_stories_count_only_groups_of_two_or_more_items(tmp_path):
    """ "Vấn đề" counts stories with at least two items (the web Stories page's default), not every item
    that no other item was grouped with; the all-stories count stays in the figures."""
    from tinhhinh.item import Item
    from tinhhinh.store.items import add_items

    engine = engine_for(str(tmp_path / "s.db"))
    at = _local(2024, 3, 10)
    rows = [
        Item(id=f"a{i}", source="s", text=f"tin a {i}", story_id="big", published_at=at) for i in range(3)
    ]
    rows += [
        Item(id=f"o{i}", source="s", text=f"tin o {i}", story_id=f"one-{i}", published_at=at)
        for i in range(5)
    ]
    # a story with one item in March and one in February is still a story of two items
    rows += [
        Item(id="x1", source="s", text="tin x1", story_id="span", published_at=at),
        Item(id="x2", source="s", text="tin x2", story_id="span", published_at=_local(2024, 2, 10)),
    ]
    add_items(engine, rows)
    march = build_report(engine, dt.date(2024, 3, 1), dt.date(2024, 3, 31), today=dt.date(2025, 1, 1))
    assert march.figures["stories"] == 2 and march.figures["stories_all"] == 7
    assert any(x.startswith("Vấn đề (từ 2 tin, bài cùng sự kiện) | 2 | 1 |") for x in march.content_lines())
    assert any("Vấn đề: nhóm từ 2 tin, bài trở lên" in x for x in march.content_lines())


def _run(args, tmp_path):
    from typer.testing import CliRunner

    from tinhhinh import cli

    cli._register_subcommands()
    return CliRunner().invoke(cli.app, ["report", *args])


def test_from_alone_runs_to_the_end_of_that_month_or_today(report_db, tmp_path, monkeypatch):
    from tinhhinh.report.commands import resolve_period

    today = dt.date(2026, 11, 20)
    assert resolve_period(dt.date(2026, 11, 1), None, today) == (dt.date(2026, 11, 1), today)
    assert resolve_period(dt.date(2025, 6, 1), None, today) == (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert resolve_period(dt.date(2024, 2, 10), None, today) == (dt.date(2024, 2, 10), dt.date(2024, 2, 29))
    assert resolve_period(None, dt.date(2025, 6, 30), today) == (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert resolve_period(None, None, today) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    # in a real run: this month's first day alone is a report up to today, not an error about a --to
    monkeypatch.chdir(tmp_path)
    first = dt.datetime.now(LOCAL_TZ).date().replace(day=1)
    res = _run(["--from", first.isoformat(), "--json", "--db", str(report_db["path"])], tmp_path)
    assert res.exit_code == 0, (res.exception, res.output)
    assert '"items"' in res.stdout


def test_json_writes_no_document_and_a_folder_as_out_is_one_line(report_db, tmp_path, monkeypatch):
    from tinhhinh.console import UserError

    monkeypatch.chdir(tmp_path)
    end = report_db["end"].date()
    period = ["--from", (end - dt.timedelta(days=6)).isoformat(), "--to", end.isoformat()]
    res = _run([*period, "--json", "--db", str(report_db["path"])], tmp_path)
    assert res.exit_code == 0, (res.exception, res.output)
    assert '"items"' in res.stdout and list(tmp_path.iterdir()) == []
    # asked for: --out (or --format) with --json writes the document too
    res = _run([*period, "--json", "--out", str(tmp_path / "r.html"), "--format", "html",
                "--db", str(report_db["path"])], tmp_path)  # fmt: skip
    assert res.exit_code == 0 and (tmp_path / "r.html").exists()
    (tmp_path / "out").mkdir()
    res = _run([*period, "--out", str(tmp_path / "out"), "--db", str(report_db["path"])], tmp_path)
    assert isinstance(res.exception, UserError)
    message = str(res.exception)
    assert "is a folder" in message and "\n" not in message and "--out" in message
