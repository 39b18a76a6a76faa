"""Confirm/dismiss of harm flags (real SQLite file), case opening rules, and the factchecks/flags CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from typer.testing import CliRunner

from tinhhinh.desk import people
from tinhhinh.desk.errors import Forbidden, Invalid
from tinhhinh.harm import factcheck_registry as reg
from tinhhinh.harm import flags
from tinhhinh.harm.factcheck_commands import factchecks_app, flags_app
from tinhhinh.item import Item
from tinhhinh.store import db
from tinhhinh.store.items import add_items
from tinhhinh.store.schema import items

PASSWORD = "correct horse battery"


def _harm(type_: str, score: float = 0.8) -> dict:
    evidence = (
        {
            "sentence": "Tiêm vắc xin gây vô sinh.",
            "claim": "Tiêm vắc xin gây vô sinh",
            "claim_id": "fc-1",
            "verdict": "false",
            "domain": "health",
            "source": "https://moh.gov.vn/a",
            "publisher": "Bộ Y tế",
        }
        if type_ == "factcheck"
        else [{"rule": "r", "span": [0, 4], "text": "abcd", "field": "text", "weight": 0.5}]
    )
    return {"type": type_, "score": score, "evidence": evidence, "status": "unconfirmed"}


@pytest.fixture
def office(tmp_path, monkeypatch):
    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    path = tmp_path / "office.db"
    engine = db.engine_for(str(path))
    people.add_user(engine, None, "admin", "admin", PASSWORD)
    admin = people.authenticate(engine, "admin", PASSWORD)
    people.add_agency(engine, admin, "SYT", "Sở Y tế", ["health"])
    for name, role, agency in [
        ("coord", "coordinator", None),
        ("officer", "officer", "SYT"),
        ("viewer", "viewer", None),
    ]:
        people.add_user(engine, admin, name, role, PASSWORD, agency_code=agency)
    add_items(
        engine,
        [
            Item(
                id="1",
                source="fb",
                title="Bài 1",
                text="Tiêm vắc xin gây vô sinh.",
                author_hash="secret-author-1",
                harm=[_harm("scam"), _harm("factcheck")],
            ),
            Item(
                id="2",
                source="fb",
                title="Bài 2",
                text="đồ ngu",
                author_hash="secret-author-2",
                harm=[_harm("toxic")],
            ),
            Item(id="3", source="news", title="Bài 3", text="không có gì"),
        ],
    )
    monkeypatch.setenv("TINHHINH_PASSWORD", PASSWORD)
    yield {
        "engine": engine,
        "path": path,
        "admin": admin,
        **{n: people.authenticate(engine, n, PASSWORD) for n in ("coord", "officer", "viewer")},
    }
    db.dispose_all()


def _by_type(engine) -> dict[str, dict]:
    return {f["type"]: f for f in flags.list_flags(engine)}


def test_every_flag_starts_unconfirmed_and_is_listed_without_authors(office):
    rows = flags.list_flags(office["engine"])
    assert sorted(f["type"] for f in rows) == ["factcheck", "scam", "toxic"]
    assert {f["status"] for f in rows} == {"unconfirmed"}
    assert "secret-author" not in json.dumps(rows, default=str)
    assert not any("author" in k for f in rows for k in f)
    assert [f["type"] for f in flags.list_flags(office["engine"], type="toxic")] == ["toxic"]
    assert flags.list_flags(office["engine"], status="confirmed") == []
    # collecting again adds nothing
    assert flags.sync(office["engine"]) == 0


def test_confirm_records_who_when_and_mirrors_items_harm(office):
    eng = office["engine"]
    fc = _by_type(eng)["factcheck"]
    result = flags.confirm(eng, office["officer"], fc["id"], note="checked against moh.gov.vn")
    assert result["status"] == "confirmed" and result["decided_by"] == "officer"
    row = flags.get_flag(eng, fc["id"])
    assert (row["status"], row["decided_by"], row["note"]) == (
        "confirmed",
        "officer",
        "checked against moh.gov.vn",
    )
    assert row["decided_at"] is not None
    with eng.connect() as conn:
        harm = conn.execute(select(items.c.harm).where(items.c.pk == fc["item_pk"])).scalar()
    assert [h["status"] for h in harm] == ["unconfirmed", "confirmed"]
    with pytest.raises(Invalid, match="already confirmed"):
        flags.confirm(eng, office["coord"], fc["id"])


def test_dismiss_and_who_may_decide(office):
    eng = office["engine"]
    scam = _by_type(eng)["scam"]
    for who in ("viewer", "admin"):
        with pytest.raises(Forbidden):
            flags.dismiss(eng, office[who], scam["id"])
    flags.dismiss(eng, office["coord"], scam["id"], note="a police warning, not a scam")
    assert [f["type"] for f in flags.list_flags(eng, status="dismissed")] == ["scam"]


def test_decisions_are_in_the_audit_chain(office):
    from tinhhinh.desk import audit

    eng = office["engine"]
    flags.confirm(eng, office["coord"], _by_type(eng)["toxic"]["id"])
    with eng.connect() as conn:
        from tinhhinh.store import desk as desk_store

        actions = [r["action"] for r in desk_store.iter_audit(conn)]
    assert "flag.confirm" in actions
    assert audit.verify(eng, office["coord"])["problems"] == []


def test_only_confirmed_scam_or_factcheck_opens_a_case(office):
    from tinhhinh.desk import cases

    eng = office["engine"]
    by = _by_type(eng)
    assert not flags.can_open_case(by["factcheck"])  # unconfirmed
    with pytest.raises(Invalid, match="confirms a flag"):
        flags.open_case(eng, office["coord"], by["factcheck"]["id"])
    flags.confirm(eng, office["coord"], by["toxic"]["id"])
    assert not flags.can_open_case(flags.get_flag(eng, by["toxic"]["id"]))
    with pytest.raises(Invalid, match="never open a case"):
        flags.open_case(eng, office["coord"], by["toxic"]["id"])
    flags.confirm(eng, office["coord"], by["factcheck"]["id"])
    flag = flags.get_flag(eng, by["factcheck"]["id"])
    assert flags.can_open_case(flag)
    case_id = flags.open_case(eng, office["coord"], flag["id"])
    case = cases.get_case(eng, office["coord"], case_id)
    assert case["origin"] == "harm" and case["origin_ref"] == f"{flag['item_pk']}:{flag['idx']}"
    assert "secret-author" not in json.dumps(case, default=str)
    assert flags.get_flag(eng, flag["id"])["case_id"] == case_id
    with pytest.raises(Invalid, match="already opened"):
        flags.open_case(eng, office["coord"], flag["id"])


def test_can_open_case_rules():
    assert flags.can_open_case({"type": "scam", "status": "confirmed"})
    assert flags.can_open_case({"type": "factcheck", "status": "confirmed"})
    assert not flags.can_open_case({"type": "toxic", "status": "confirmed"})
    assert not flags.can_open_case({"type": "scam", "status": "dismissed"})
    assert not flags.can_open_case({"type": "scam", "status": "unconfirmed"})


# ------------------------------------------------------------------ CLI (in process, real SQLite file)


def _cli(app, *args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=True)


def test_cli_flags_list_confirm_dismiss(office):
    db.dispose_all()
    dbp = str(office["path"])
    out = _cli(flags_app, "list", "--db", dbp, "--json")
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert len(rows) == 3 and "secret-author" not in out.stdout
    # piped: rows only, as scripts read them; the next step is said on stderr
    plain = _cli(flags_app, "list", "--db", dbp)
    assert plain.stdout.count("\n") == 3 and not plain.stdout.startswith("id\t")
    assert "tinhhinh flags confirm ID --by NAME" in plain.stderr
    assert _cli(flags_app, "list", "--type", "toxic", "--status", "dismissed", "--db", dbp).stderr.startswith(
        "no flags with these filters"
    )
    fid = next(r["id"] for r in rows if r["type"] == "scam")
    ok = _cli(flags_app, "confirm", str(fid), "--by", "coord", "--note", "fake bank link", "--db", dbp)
    assert ok.exit_code == 0 and "\tconfirmed\tcoord\t" in ok.stdout
    listed = _cli(flags_app, "list", "--status", "confirmed", "--db", dbp)
    assert listed.stdout.count("\n") == 1 and "\tscam\t" in listed.stdout
    denied = _cli(flags_app, "dismiss", str(fid), "--by", "viewer", "--db", dbp)
    assert denied.exit_code != 0 and isinstance(denied.exception, Forbidden)


def test_cli_import_approve_requires_a_coordinator(office, tmp_path):
    db.dispose_all()
    dbp = str(office["path"])
    src = tmp_path / "fc.csv"
    src.write_text(
        "claim,verdict,domain,url,publisher,date\n"
        "Tiêm vắc xin COVID-19 gây vô sinh,sai,health,https://moh.gov.vn/a,Bộ Y tế,2021-08-02\n"
        "Lãnh đạo sở nhận hối lộ,sai sự thật,official,https://chinhphu.vn/x,chinhphu.vn,2021-08-02\n",
        encoding="utf-8",
    )
    # a real process: exit code 2 = done, some rows refused; stdout carries only the added entries
    imported = subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", "factchecks", "import", str(src)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert imported.returncode == 2, imported.stderr
    assert "fc.csv:3: domain 'official' is not on the list" in imported.stderr
    assert imported.stdout.count("\n") == 1 and "\thealth\tfalse\t" in imported.stdout
    (entry,) = reg.load()
    assert entry["status"] == "pending"
    refused = _cli(factchecks_app, "approve", entry["id"], "--by", "officer", "--db", dbp)
    assert isinstance(refused.exception, Forbidden)
    assert reg.load()[0]["status"] == "pending"
    ok = _cli(factchecks_app, "approve", entry["id"], "--by", "coord", "--db", dbp)
    assert ok.exit_code == 0, ok.output
    assert reg.load()[0]["status"] == "approved" and reg.load()[0]["approved_by"] == "coord"
    check = _cli(factchecks_app, "check", "vac xin covid 19 gay vo sinh day", "--json")
    assert [h["evidence"]["claim_id"] for h in json.loads(check.stdout)] == [entry["id"]]
    retired = _cli(factchecks_app, "retire", entry["id"][:8], "--by", "coord", "--reason", "old", "--db", dbp)
    assert retired.exit_code == 0 and reg.load()[0]["status"] == "retired"


def _at_a_terminal(args: list[str]) -> str:
    """Run the CLI with stdout on a pseudo-terminal, as a person at a terminal does; return what it showed."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tinhhinh.cli", *args], stdout=slave, stderr=subprocess.PIPE, env=env
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=60)
    os.close(master)
    assert proc.returncode == 0, proc.stderr.read()
    return shown.decode("utf-8").replace("\r\n", "\n")


def test_flags_show_reads_as_evidence_at_a_terminal_and_json_when_piped(office):
    # a reviewer at a terminal got a page of JSON (spans, weights) to decide on; scripts keep the JSON
    db.dispose_all()
    dbp = str(office["path"])
    by_type = _by_type(office["engine"])
    scam, check = by_type["scam"], by_type["factcheck"]
    piped = _cli(flags_app, "show", str(scam["id"]), "--db", dbp)
    assert json.loads(piped.stdout)["evidence"][0]["text"] == "abcd"
    shown = _at_a_terminal(["flags", "show", str(scam["id"]), "--db", dbp])
    assert f"flag {scam['id']} · scam · score 0.80 · unconfirmed" in shown
    assert "Bài 1" in shown and "«abcd» — r (r)" in shown and "secret-author" not in shown
    shown = _at_a_terminal(["flags", "show", str(check["id"]), "--db", dbp])
    assert "claim rated false: «Tiêm vắc xin gây vô sinh» — Bộ Y tế (false)" in shown
    assert (
        json.loads(_at_a_terminal(["flags", "show", str(check["id"]), "--json", "--db", dbp]))["id"]
        == check["id"]
    )


# ------------------------------------------------------------------ one rule for every route to a case


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )


def test_case_open_from_an_item_follows_the_flag_rules(office):
    # `case open --item N --harm I` opened a case from a toxic flag, and a second case for one scam flag
    # without recording it on the flag
    db.dispose_all()
    eng, dbp = office["engine"], str(office["path"])
    by = _by_type(eng)
    toxic, scam = by["toxic"], by["scam"]
    flags.confirm(eng, office["coord"], toxic["id"])
    flags.confirm(eng, office["coord"], scam["id"])
    db.dispose_all()
    common = ("--title", "x", "--user", "coord", "--db", dbp)
    refused = _run("case", "open", "--item", str(toxic["item_pk"]), "--harm", str(toxic["idx"]), *common)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "never open a case" in refused.stderr
    opened = _run("case", "open", "--item", str(scam["item_pk"]), "--harm", str(scam["idx"]), *common)
    assert opened.returncode == 0, opened.stderr
    case_id = int(opened.stdout)
    assert flags.get_flag(eng, scam["id"])["case_id"] == case_id
    again = _run("case", "open", "--item", str(scam["item_pk"]), "--harm", str(scam["idx"]), *common)
    assert again.returncode == 1 and f"already opened case #{case_id}" in again.stderr
    with pytest.raises(Invalid, match=f"already opened case #{case_id}"):
        flags.open_case(eng, office["coord"], scam["id"])
    # the case kept the title the person gave, and the scam sector
    from tinhhinh.desk import cases

    case = cases.get_case(eng, office["coord"], case_id)
    assert case["title"] == "x" and case["sector"] == "public_order" and case["origin"] == "harm"


def test_a_flag_that_opened_a_case_cannot_be_dismissed(office):
    eng = office["engine"]
    scam = _by_type(eng)["scam"]
    flags.confirm(eng, office["coord"], scam["id"])
    case_id = flags.open_case(eng, office["coord"], scam["id"])
    with pytest.raises(Invalid, match=f"opened case #{case_id}: close or reject case #{case_id}"):
        flags.dismiss(eng, office["coord"], scam["id"], note="changed mind")
    assert flags.get_flag(eng, scam["id"])["status"] == "confirmed"
    # open-case on it names the case, not "confirm it first"
    with pytest.raises(Invalid, match=f"already opened case #{case_id}"):
        flags.open_case(eng, office["coord"], scam["id"])


def _registry_with(entry_id: str, status: str, reason: str | None = None) -> None:
    entry = {
        "id": entry_id,
        "claim": "Tiêm vắc xin gây vô sinh",
        "verdict": "false",
        "rating": "false",
        "domain": "health",
        "url": "https://moh.gov.vn/a",
        "publisher": "Bộ Y tế",
        "status": status,
    }
    if reason:
        entry["retire_reason"] = reason
    reg.save([entry])


def test_a_retired_fact_check_no_longer_confirms_nor_opens_a_case(office):
    db.dispose_all()
    eng, dbp = office["engine"], str(office["path"])
    fc = _by_type(eng)["factcheck"]  # its evidence names claim_id fc-1
    _registry_with("fc-1", "approved")
    flags.confirm(eng, office["coord"], fc["id"])
    _registry_with("fc-1", "retired", "publisher withdrew it")
    with pytest.raises(Invalid, match="fc-1, which was retired \\(publisher withdrew it\\)"):
        flags.open_case(eng, office["coord"], fc["id"])
    assert not flags.can_open_case(flags.get_flag(eng, fc["id"]))
    # JSON and terminal both say so
    shown = json.loads(_cli(flags_app, "show", str(fc["id"]), "--db", dbp).stdout)
    assert shown["factcheck_retired"] is True and shown["factcheck_retire_reason"] == "publisher withdrew it"
    term = _at_a_terminal(["flags", "show", str(fc["id"]), "--db", dbp])
    assert "fact-check fc-1 was retired (publisher withdrew it)" in term
    assert "claim rated false" not in term
    # dismissing stays possible; confirming again is refused
    flags.dismiss(eng, office["coord"], fc["id"], note="fact-check withdrawn")
    with pytest.raises(Invalid, match="cannot be confirmed"):
        flags.confirm(eng, office["coord"], fc["id"])
    db.dispose_all()
    refused = _run("flags", "confirm", str(fc["id"]), "--by", "coord", "--db", dbp)
    assert refused.returncode == 1 and "was retired" in refused.stderr


def test_a_disaster_fact_check_case_has_a_sector_and_vietnamese_labels(office):
    from tinhhinh.desk import cases

    eng = office["engine"]
    fc = _by_type(eng)["factcheck"]
    with eng.begin() as conn:
        harm = conn.execute(select(items.c.harm).where(items.c.pk == fc["item_pk"])).scalar()
        harm[fc["idx"]]["evidence"]["domain"] = "disaster"
        conn.execute(items.update().where(items.c.pk == fc["item_pk"]).values(harm=harm))
    flags.confirm(eng, office["coord"], fc["id"])
    case = cases.get_case(eng, office["coord"], flags.open_case(eng, office["coord"], fc["id"]))
    assert case["sector"] == "agriculture"
    assert case["description"].startswith(
        "Câu trong tin: Tiêm vắc xin gây vô sinh.\nĐã được kiểm chứng: Bộ Y tế"
    )
    assert "Sentence" not in case["description"] and "Fact-check" not in case["description"]


def test_flag_times_are_vietnam_time_with_the_offset(office):
    # flags JSON and decision lines gave naive UTC ("2026-11-27 06:00:00" for 13:00 in Vietnam)
    import datetime as dt

    db.dispose_all()
    eng, dbp = office["engine"], str(office["path"])
    scam = _by_type(eng)["scam"]
    with eng.begin() as conn:
        conn.execute(
            items.update()
            .where(items.c.pk == scam["item_pk"])
            .values(published_at=dt.datetime(2026, 11, 27, 6))
        )
    db.dispose_all()
    shown = json.loads(_cli(flags_app, "show", str(scam["id"]), "--db", dbp).stdout)
    assert shown["published_at"] == "2026-11-27T13:00:00+07:00"
    listed = json.loads(_cli(flags_app, "list", "--db", dbp, "--json").stdout)
    assert {r["id"]: r["published_at"] for r in listed}[scam["id"]] == "2026-11-27T13:00:00+07:00"
    # piped listing: the date is the last column
    plain = _cli(flags_app, "list", "--db", dbp).stdout.splitlines()
    assert next(x for x in plain if x.startswith(f"{scam['id']}\t")).endswith("\t2026-11-27 13:00")
    ok = _cli(flags_app, "confirm", str(scam["id"]), "--by", "coord", "--db", dbp)
    decided_at = ok.stdout.strip().split("\t")[3]
    assert decided_at.endswith("+07:00") and dt.datetime.fromisoformat(decided_at).tzinfo is not None
    assert json.loads(_cli(flags_app, "show", str(scam["id"]), "--db", dbp).stdout)["decided_at"].endswith(
        "+07:00"
    )


def test_flags_show_at_a_terminal_says_who_decided_the_note_and_the_case(office):
    db.dispose_all()
    eng, dbp = office["engine"], str(office["path"])
    scam = _by_type(eng)["scam"]
    flags.confirm(eng, office["coord"], scam["id"], note="fake bank link")
    case_id = flags.open_case(eng, office["coord"], scam["id"])
    db.dispose_all()
    shown = _at_a_terminal(["flags", "show", str(scam["id"]), "--db", dbp])
    assert "decision: confirmed by coord, " in shown and "— fake bank link" in shown
    assert f"case: #{case_id}" in shown


def test_factchecks_list_refuses_an_unknown_status_or_domain(tmp_path):
    bad = _run("factchecks", "list", "--status", "bogus")
    assert bad.returncode == 1 and bad.stdout == ""
    assert "unknown status 'bogus'" in bad.stderr and "pending, approved, retired" in bad.stderr
    bad = _run("factchecks", "list", "--domain", "politics")
    assert bad.returncode == 1 and "unknown domain 'politics'" in bad.stderr
    assert _run("factchecks", "list", "--status", "pending", "--domain", "y te").returncode == 0
