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
