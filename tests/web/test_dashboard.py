"""The dashboard: panels from aggregates, table views equal to SQL counts, downloads, role limits."""

from __future__ import annotations

import csv
import io
import re

from openpyxl import load_workbook
from sqlalchemy import text


def table_rows(html: str, key: str) -> list[list[str]]:
    m = re.search(rf'<table data-table="{key}">(.*?)</table>', html, re.S)
    assert m, f"no table view for {key}"
    body = m.group(1).split("<tbody>")[1]
    return [re.findall(r"<td>(.*?)</td>", r, re.S) for r in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_dashboard_panels_match_sql(site):
    petition = site.petition()
    c = site.client("coord")
    r = c.get("/dashboard?days=7")
    assert r.status_code == 200
    html = r.text
    for key in ("volume", "places", "flags", "cases", "petitions", "sources"):
        assert f'data-panel="{key}"' in html
    with site.engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM items")).scalar()
    volume = table_rows(html, "volume")
    assert sum(int(v) for row in volume for v in row[1:]) == total
    # codes are shown by their names in the page's language (Vietnamese by default)
    assert table_rows(html, "flags") == [["Lừa đảo", "1", "0", "0"]]
    assert "Chờ xem xét" in html and "Lừa đảo" in html
    assert table_rows(html, "volume") and ">unknown<" not in html  # items stored without an area
    for code in ("unconfirmed", ">scam<"):
        assert code not in html, code
    assert sum(int(r[1]) for r in table_rows(html, "petitions")) == 1
    assert "<svg" in html and 'data-chart="volume"' in html
    # without a toxicity model the page says so instead of a chart
    assert 'id="panel-toxicity"' in html and "tinhhinh train toxicity" in html
    assert petition


def test_downloads_are_the_table_views(site):
    c = site.client("coord")
    html = c.get("/dashboard?days=7").text
    got = c.get("/dashboard/data/volume.csv?days=7")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(got.text.lstrip("\ufeff"))))
    assert rows[1:] == table_rows(html, "volume")
    xlsx = c.get("/dashboard/data/volume.xlsx?days=7")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert [[str(v) for v in row] for row in ws.iter_rows(min_row=2, values_only=True)] == table_rows(
        html, "volume"
    )


def test_desk_panels_only_for_roles_that_read_aggregates(site):
    site.petition()
    assert 'data-panel="petitions"' in site.client("viewer").get("/dashboard").text
    for user in ("admin", "officer_a"):
        html = site.client(user).get("/dashboard").text
        assert 'data-panel="petitions"' not in html and 'data-panel="cases"' not in html
    assert site.client().get("/dashboard").status_code in (302, 303)


def _today():
    import datetime as dt

    from tinhhinh.timefmt import LOCAL_TZ

    return dt.datetime.now(LOCAL_TZ).date()


def test_open_and_overdue_petitions_are_the_reports_figures_for_today(site):
    """A resolved petition is not open (it was counted as open, and as overdue once its due date passed),
    and overdue means due on or before today, as in the report."""
    import datetime as dt

    from tinhhinh.desk import petitions
    from tinhhinh.report.build import build_report

    today = _today()
    coord = site.users["coord"]
    site.petition(kind="kien_nghi_phan_anh", received_on=today - dt.timedelta(days=200))  # open, overdue
    pid = site.petition(kind="khieu_nai", received_on=today - dt.timedelta(days=100))
    version = petitions.show(site.engine, coord, pid)["version"]
    moved = petitions.transition(
        site.engine, coord, pid, "accepted", expected_version=version, on=today - dt.timedelta(days=99)
    )
    petitions.transition(
        site.engine,
        coord,
        pid,
        "resolved",
        expected_version=moved["version"],
        on=today - dt.timedelta(days=10),
    )
    html = site.client("coord").get("/dashboard?days=7").text
    rows = table_rows(html, "petitions")
    f = build_report(site.engine, today, today, today=today).figures
    assert sum(int(r[1]) for r in rows) == f["petitions_open"] == 1
    assert sum(int(r[2]) for r in rows) == f["petitions_overdue"] == 1
    # the desk panels say they show today's state, whatever the window
    for key in ("petitions", "cases"):
        section = html.split(f'id="panel-{key}"')[1].split("</section>")[0]
        assert "không theo khoảng thời gian đã chọn" in section


def _scored(site, rows):
    """Items with toxicity labels: rows of (source, area, label)."""
    import datetime as dt

    from tinhhinh.item import Item
    from tinhhinh.store.items import add_items

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0) - dt.timedelta(hours=1)
    add_items(
        site.engine,
        [
            Item(id=f"t{i}", source=src, kind="comment", text=f"bình luận {i}", area=area, toxicity=label,
                 published_at=now)
            for i, (src, area, label) in enumerate(rows)
        ],
    )  # fmt: skip


def test_toxicity_rates_by_source_with_vietnamese_numbers(site):
    rows = [("fb", "health", "clean")] * 34 + [("fb", "health", "offensive")]  # 1/35 = 2,9%
    rows += [("zalo", "health", "clean")] * 3 + [("zalo", "health", "hate")]  # 25%
    _scored(site, rows)
    c = site.client("coord")
    html = c.get("/dashboard?days=7").text
    assert 'data-panel="toxicity_source"' in html
    by_source = table_rows(html, "toxicity_source")
    assert by_source == [["zalo", "4", "0", "1", "25,0%"], ["fb", "35", "1", "0", "2,9%"]]
    assert table_rows(html, "toxicity")[0][-1] == "5,1%"  # 2 of 39, Vietnamese decimal comma
    svg = html.split('data-chart="toxicity_source"')[1].split("</figure>")[0]
    assert "2,9" in svg and "2.9" not in svg
    got = c.get("/dashboard/data/toxicity_source.csv?days=7")
    assert got.status_code == 200
    assert list(csv.reader(io.StringIO(got.text.lstrip("\ufeff"))))[1:] == by_source
    ws = load_workbook(io.BytesIO(c.get("/dashboard/data/toxicity_source.xlsx?days=7").content)).active
    assert [[str(v) for v in r] for r in ws.iter_rows(min_row=2, values_only=True)] == by_source
    # nothing per author: the panel's columns are source, counts and the rate
    assert table_rows(html, "toxicity_source") and "author" not in html.split('id="panel-toxicity_source"')[1]


def test_toxicity_note_says_whether_a_model_is_installed(site, _isolated_home):
    import json

    from tinhhinh.harm.toxicity import FORMAT, MODEL_NAME

    c = site.client("coord")
    html = c.get("/dashboard?days=7").text
    assert "chưa cài mô hình" in html
    model = _isolated_home / "models" / MODEL_NAME
    model.mkdir(parents=True)
    (model / "model.npz").write_bytes(b"")
    (model / "card.json").write_text(json.dumps({"format": FORMAT}), encoding="utf-8")
    html = c.get("/dashboard?days=7").text
    assert "chưa cài mô hình" not in html and "đã cài mô hình" in html


def test_top_places_break_ties_as_the_report_does(site):
    """Top 15 provinces with ties at the cut: the dashboard picks the report's rows (count, then name)."""
    import datetime as dt

    from tinhhinh.item import Item
    from tinhhinh.report.build import build_report
    from tinhhinh.store.items import add_items

    names = [f"Tỉnh {chr(ord('Z') - i)}" for i in range(20)]  # inserted in reverse name order
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0) - dt.timedelta(hours=1)
    add_items(site.engine, [Item(id=f"p{i}", source="s", text=f"tin {i}", places=[n], published_at=now)
                            for i, n in enumerate(names)])  # fmt: skip
    html = site.client("coord").get("/dashboard?days=7").text
    shown = [r[0] for r in table_rows(html, "places")]
    today = _today()
    report = build_report(site.engine, today, today, today=today)
    lines = report.content_lines()
    start = next(i for i, x in enumerate(lines) if x.startswith("TT | Địa bàn"))
    in_report = [x.split(" | ")[1] for x in lines[start + 1 : start + 16]]
    assert shown == in_report == sorted(names)[:15]


def test_volume_chart_and_table_show_the_same_series_with_dd_mm_days(site):
    import datetime as dt

    from tinhhinh.item import Item
    from tinhhinh.store.items import add_items

    areas = ["health", "education", "law", "sports", "culture", "business", "science", "technology"]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0) - dt.timedelta(hours=1)
    add_items(site.engine, [Item(id=f"v{i}", source="s", text=f"tin {i}", area=a, published_at=now)
                            for i, a in enumerate(areas)])  # fmt: skip
    html = site.client("coord").get("/dashboard?days=7").text
    head = re.search(r'<table data-table="volume">\s*<thead><tr>(.*?)</tr>', html, re.S).group(1)
    columns = re.findall(r"<th[^>]*>(.*?)</th>", head)
    svg = html.split('data-chart="volume"')[1].split("</figure>")[0]
    for name in columns[1:]:
        assert name in svg, name
    assert columns[-1] == "các lĩnh vực khác" and len(columns) == 1 + 6 + 1
    today = _today()
    rows = table_rows(html, "volume")
    assert rows[-1][0] == today.strftime("%d/%m") and today.strftime("%m-%d") not in svg
    assert today.strftime("%d/%m") in svg


def test_flags_panel_counts_only_the_flags_a_person_reviews(site):
    # toxic flags are not reviewed one by one (issue #7: rates, never queues), so "awaiting review" must not
    # count them: they would wait for ever
    import datetime as dt

    from tinhhinh.item import Item
    from tinhhinh.store.items import add_items

    def flag_rows() -> dict[str, str]:
        return {r[0]: r[1] for r in table_rows(site.client("coord").get("/dashboard?days=7").text, "flags")}

    before = flag_rows()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0) - dt.timedelta(hours=1)
    add_items(
        site.engine,
        [
            Item(id="tox", source="fb", kind="comment", text="Đồ ngu như chó", published_at=now, toxicity="hate",
                 harm=[{"type": "toxic", "score": 0.9, "evidence": [], "status": "unconfirmed"}]),
            Item(id="scam", source="fb", kind="post", text="Trúng thưởng, gửi mã OTP", published_at=now,
                 harm=[{"type": "scam", "score": 0.8, "evidence": [], "status": "unconfirmed"}]),
        ],
    )  # fmt: skip
    after = flag_rows()
    assert int(after["Lừa đảo"]) == int(before.get("Lừa đảo", 0)) + 1  # the scam flag, awaiting review
    assert set(after) == {"Lừa đảo"} | set(before) and not any("độc hại" in t for t in after)
