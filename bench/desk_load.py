"""Desk under load: N concurrent users browse and edit cases against a real uvicorn server on 127.0.0.1.

    python bench/desk_load.py [--users 50] [--seconds 60] [--backends sqlite postgresql] [--json]

Seeds a fresh database (SQLite file, and PostgreSQL when TINHHINH_TEST_PG or --pg names a server: a throw-away
database is created next to the named one and dropped afterwards), starts `uvicorn` on 127.0.0.1 with the real
app, then runs N virtual users with httpx.AsyncClient for S seconds (bounded also by --max-requests). Users are
officers of two agencies and coordinators (API tokens); each loop picks: list cases, open a case, list
petitions, edit a case (read its version, PATCH it; a 409 means someone else won, so re-read), look up a
receipt on the public page, or read it through Open311. Half of the edits go to 3 "hot" cases per agency so
writers collide.

Checks, printed with the table:
- errors: any 5xx, transport error or unexpected status (target 0);
- lost updates: for every case, final version - 1 must equal the number of PATCHes answered 200 (target 0);
- duels: for 10 cases, two PATCHes with the same version sent at once must give exactly one 200 and one 409.

Prints a Markdown table per backend (throughput, p50/p95 per endpoint). Loopback only; time- and request-bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

HOST = "127.0.0.1"  # loopback only, by design
PASSWORD = "bench password 123"
MAX_SECONDS = 900


# ------------------------------------------------------------------ seeding
@dataclass
class Seed:
    url: str
    tokens: list[tuple[str, int | None]]  # (token, agency_id or None for a coordinator)
    cases: dict[int, list[int]]  # agency_id -> case ids
    receipts: list[str]


def seed(url: str, users: int, cases_per_agency: int, petitions_n: int) -> Seed:
    from argon2 import PasswordHasher

    from tinhhinh.desk import cases, people, petitions
    from tinhhinh.store import db
    from tinhhinh.store import web_queries as wq

    people._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # seeding speed only
    db.dispose_all()
    engine = db.engine_for(url)
    people.add_user(engine, None, "admin", "admin", PASSWORD)
    admin = people.authenticate(engine, "admin", PASSWORD)
    agencies = [
        people.add_agency(engine, admin, "SNNMT", "Sở Nông nghiệp và Môi trường", ["land"]),
        people.add_agency(engine, admin, "SYT", "Sở Y tế", ["health"]),
    ]
    people.add_user(engine, admin, "coord", "coordinator", PASSWORD)
    coord = people.authenticate(engine, "coord", PASSWORD)
    officers = []
    for i in range(max(2, min(users, 10))):
        code = ("SNNMT", "SYT")[i % 2]
        people.add_user(engine, admin, f"officer{i}", "officer", PASSWORD, agency_code=code)
        officers.append(people.authenticate(engine, f"officer{i}", PASSWORD))
    tokens: list[tuple[str, int | None]] = []
    for i in range(users):
        if i % 5 == 4:
            tokens.append((wq.create_token(engine, coord.id, f"bench{i}")[1], None))
        else:
            officer = officers[i % len(officers)]
            tokens.append((wq.create_token(engine, officer.id, f"bench{i}")[1], officer.agency_id))
    case_ids: dict[int, list[int]] = {a: [] for a in agencies}
    today = dt.date.today()
    for a, sector in zip(agencies, ("land", "health"), strict=True):
        for n in range(cases_per_agency):
            cid = cases.open_case(
                engine, coord, title=f"Vụ việc thử tải {n}", sector=sector, agency_id=a,
                due_date=today + dt.timedelta(days=n % 20),
            )  # fmt: skip
            case_ids[a].append(cid)
    receipts = []
    for n in range(petitions_n):
        pid = petitions.intake(
            engine, coord, kind="kien_nghi_phan_anh", subject=f"Phản ánh thử tải {n}",
            received_on=today - dt.timedelta(days=n % 30),
            petitioner={"name": f"Người gửi {n}", "phone": f"09{n:08d}"}, content="Nội dung thử tải.",
            privacy_notice_given=True, sector=("land", "health")[n % 2],
        )  # fmt: skip
        receipts.append(pid.receipt)
    db.dispose_all()
    return Seed(url=url, tokens=tokens, cases=case_ids, receipts=receipts)


# ------------------------------------------------------------------ the server
def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(url: str, port: int, env: dict[str, str]) -> subprocess.Popen:
    code = (
        "import uvicorn; from tinhhinh.web.app import create_app; "
        f"uvicorn.run(create_app(db={url!r}), host={HOST!r}, port={port}, log_level='warning', "
        "access_log=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://{HOST}:{port}/open311/v2/services.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("the server did not start within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


# ------------------------------------------------------------------ the load
@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    edits_ok: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    requests: int = 0


class Budget:
    def __init__(self, seconds: float, max_requests: int) -> None:
        self.deadline = time.monotonic() + seconds
        self.left = max_requests

    def take(self) -> bool:
        if self.left <= 0 or time.monotonic() >= self.deadline:
            return False
        self.left -= 1
        return True


async def call(
    client: httpx.AsyncClient, stats: Stats, name: str, method: str, url: str, ok: tuple[int, ...], **kw: Any
) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        r = await client.request(method, url, **kw)
    except httpx.HTTPError as exc:
        stats.errors.append(f"{name}: {exc.__class__.__name__}: {exc}")
        return None
    stats.times[name].append((time.perf_counter() - started) * 1000)
    stats.requests += 1
    if r.status_code not in ok:
        stats.errors.append(f"{name}: HTTP {r.status_code} {r.text[:200]}")
        return None
    return r


async def edit(client: httpx.AsyncClient, stats: Stats, case_id: int, who: int) -> None:
    r = await call(client, stats, "GET /api/v1/cases/{id}", "GET", f"/api/v1/cases/{case_id}", (200,))
    if r is None:
        return
    version = r.json()["version"]
    p = await call(
        client, stats, "PATCH /api/v1/cases/{id}", "PATCH", f"/api/v1/cases/{case_id}", (200, 409),
        json={"version": version, "description": f"cập nhật bởi người dùng {who} lúc {time.time():.3f}"},
    )  # fmt: skip
    if p is None:
        return
    if p.status_code == 200:
        stats.edits_ok[case_id] += 1
    else:
        stats.conflicts += 1


async def user(
    i: int, base: str, token: str, agency: int | None, seed_: Seed, stats: Stats, budget: Budget
) -> None:
    rng = random.Random(i)
    pool = seed_.cases[agency] if agency is not None else [c for ids in seed_.cases.values() for c in ids]
    hot = [c for ids in seed_.cases.values() for c in ids[:3] if c in pool]
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
        while budget.take():
            roll = rng.random()
            if roll < 0.25:
                await call(client, stats, "GET /api/v1/cases", "GET", "/api/v1/cases?per_page=50", (200,))
            elif roll < 0.45:
                cid = rng.choice(pool)
                await call(client, stats, "GET /api/v1/cases/{id}", "GET", f"/api/v1/cases/{cid}", (200,))
            elif roll < 0.55:
                await call(
                    client, stats, "GET /api/v1/petitions", "GET", "/api/v1/petitions?per_page=50", (200,)
                )
            elif roll < 0.85:
                await edit(client, stats, rng.choice(hot if rng.random() < 0.5 else pool), i)
            elif roll < 0.93:
                code = rng.choice(seed_.receipts) if rng.random() < 0.5 else "WRON-GCOD-EXXX"
                await call(client, stats, "POST /tra-cuu", "POST", "/tra-cuu", (200,), data={"code": code})
            else:
                code = rng.choice(seed_.receipts)
                await call(client, stats, "GET /open311/v2/requests/{code}.json", "GET",
                           f"/open311/v2/requests/{code}.json", (200,))  # fmt: skip


async def duels(base: str, token: str, case_ids: list[int], stats: Stats) -> list[tuple[int, list[int]]]:
    """Two writers, same version, same moment: one 200, one 409."""
    results = []
    headers = {"Authorization": f"Bearer {token}"}
    async with (
        httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as a,
        httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as b,
    ):
        for cid in case_ids:
            version = (await a.get(f"/api/v1/cases/{cid}")).json()["version"]
            ra, rb = await asyncio.gather(
                a.patch(f"/api/v1/cases/{cid}", json={"version": version, "description": "duel A"}),
                b.patch(f"/api/v1/cases/{cid}", json={"version": version, "description": "duel B"}),
            )
            codes = sorted([ra.status_code, rb.status_code])
            results.append((cid, codes))
            stats.edits_ok[cid] += codes.count(200)
            if 409 in codes:
                body = (ra if ra.status_code == 409 else rb).json()
                if "changed by someone else" not in json.dumps(body):
                    stats.errors.append(f"duel on case {cid}: the 409 does not say why: {body}")
    return results


def final_versions(url: str) -> dict[int, int]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, version FROM desk_cases")).all()
    engine.dispose()
    return {int(i): int(v) for i, v in rows}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def run_backend(backend: str, url: str, args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    print(
        f"[{backend}] seeding {args.users} users, {2 * args.cases} cases, {args.petitions} petitions",
        file=sys.stderr,
    )
    s = seed(url, args.users, args.cases, args.petitions)
    port = free_port()
    proc = start_server(url, port, env)
    base = f"http://{HOST}:{port}"
    stats = Stats()
    try:
        budget = Budget(args.seconds, args.max_requests)
        started = time.monotonic()

        async def main() -> list[tuple[int, list[int]]]:
            await asyncio.gather(
                *(user(i, base, tok, ag, s, stats, budget) for i, (tok, ag) in enumerate(s.tokens))
            )
            # Duels on the last cases of the agency the first token may edit (a coordinator: any).
            duel_token, agency = next(((t, a) for t, a in s.tokens if a is None), s.tokens[0])
            pool = [c for ids in s.cases.values() for c in ids] if agency is None else s.cases[agency]
            return await duels(base, duel_token, pool[-10:], stats)

        duel_results = asyncio.run(main())
        elapsed = time.monotonic() - started
    finally:
        stop_server(proc)
    versions = final_versions(url)
    lost = {cid: (versions[cid] - 1, stats.edits_ok.get(cid, 0)) for cid in versions
            if versions[cid] - 1 != stats.edits_ok.get(cid, 0)}  # fmt: skip
    bad_duels = [(cid, codes) for cid, codes in duel_results if codes != [200, 409]]
    endpoints = {
        name: {"n": len(t), "rps": len(t) / elapsed, "p50_ms": pct(t, 50), "p95_ms": pct(t, 95)}
        for name, t in sorted(stats.times.items())
    }
    return {
        "backend": backend, "users": args.users, "seconds": round(elapsed, 1), "requests": stats.requests,
        "rps": stats.requests / elapsed, "errors": len(stats.errors), "error_samples": stats.errors[:5],
        "conflicts_409": stats.conflicts, "edits_ok": sum(stats.edits_ok.values()), "lost_updates": len(lost),
        "lost_detail": {str(k): v for k, v in list(lost.items())[:5]}, "duels": len(duel_results),
        "bad_duels": bad_duels, "endpoints": endpoints,
    }  # fmt: skip


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        "| backend | endpoint | requests | req/s | p50 ms | p95 ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        for name, e in r["endpoints"].items():
            lines.append(
                f"| {r['backend']} | `{name}` | {e['n']} | {e['rps']:.1f} | {e['p50_ms']:.0f} | {e['p95_ms']:.0f} |"
            )
        lines.append(f"| {r['backend']} | **all** | {r['requests']} | {r['rps']:.1f} | | |")
    lines += [
        "",
        "| backend | users | seconds | errors | successful edits | 409 conflicts | lost updates | duels (1×200 + 1×409) |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['users']} | {r['seconds']} | {r['errors']} | {r['edits_ok']} | "
            f"{r['conflicts_409']} | {r['lost_updates']} | {r['duels'] - len(r['bad_duels'])}/{r['duels']} |"
        )
    return "\n".join(lines)


# ------------------------------------------------------------------ PostgreSQL scratch database
def pg_scratch(url: str) -> tuple[str, Any]:
    """A new database on the server `url` names (its own database is left alone); returns (url, drop)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"tinhhinh_bench_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        from tinhhinh.store import db

        db.dispose_all()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(url).set(database=name).render_as_string(hide_password=False), drop


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--cases", type=int, default=20, help="cases per agency (2 agencies)")
    ap.add_argument("--petitions", type=int, default=40)
    ap.add_argument(
        "--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    ap.add_argument("--pg", default=os.environ.get("TINHHINH_TEST_PG"))
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of Markdown")
    args = ap.parse_args(argv)
    if not (1 <= args.users <= 500) or not (1 <= args.seconds <= MAX_SECONDS):
        ap.error(f"--users 1..500 and --seconds 1..{MAX_SECONDS}")
    results = []
    with tempfile.TemporaryDirectory(prefix="desk-load-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        # The public pages are rate-limited per client; every bench user is 127.0.0.1.
        (home / "settings.toml").write_text("[public]\nlookups_per_minute = 100000000\n")
        os.environ["TINHHINH_HOME"] = str(home)  # the seed and the server must share the secrets
        env = {**os.environ, "TINHHINH_HOME": str(home)}
        env.pop("TINHHINH_DB", None)
        for backend in args.backends:
            if backend == "sqlite":
                results.append(run_backend("sqlite", f"sqlite:///{Path(tmp) / 'load.db'}", args, env))
                continue
            if not args.pg:
                print("(skipping PostgreSQL: set TINHHINH_TEST_PG or --pg)", file=sys.stderr)
                continue
            url, drop = pg_scratch(args.pg)
            try:
                results.append(run_backend("postgresql", url, args, env))
            finally:
                drop()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(markdown(results))
    bad = any(r["errors"] or r["lost_updates"] or r["bad_duels"] for r in results)
    for r in results:
        for sample in r["error_samples"]:
            print(f"[{r['backend']}] error: {sample}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
