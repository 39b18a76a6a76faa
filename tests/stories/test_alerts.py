"""Saved searches and alerts: each new matching story fires once, since the last check, and only once
it was delivered."""

from __future__ import annotations

import email
import email.policy
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update

from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import analysis_for, ingest
from tinhhinh.mail import Smtp
from tinhhinh.store.db import dispose_all, engine_for
from tinhhinh.store.schema import alert_marks, items, stories
from tinhhinh.stories import alerts

NOW = datetime(2026, 11, 20, 12, 0)  # naive UTC

# Topics far enough apart that each becomes a story of its own.
TOPICS = {
    "lua-dao-1": (
        "Cảnh báo lừa đảo qua tin nhắn giả ngân hàng ở Cần Thơ",
        "Kẻ gian gửi tin nhắn giả mạo ngân hàng yêu cầu khách hàng bấm đường link để nhận tiền hoàn.",
    ),
    "lua-dao-2": (
        "Lừa đảo tuyển cộng tác viên chốt đơn online tại Hải Phòng",
        "Nhiều người mất tiền khi làm cộng tác viên chốt đơn, phải nạp tiền trước để nhận hoa hồng.",
    ),
    "lua-dao-3": (
        "Giả danh công an gọi điện lừa đảo người cao tuổi ở Nghệ An",
        "Đối tượng gọi điện xưng là công an, yêu cầu chuyển tiền vào tài khoản để xác minh vụ án.",
    ),
    "vang": (
        "Giá vàng hôm nay tăng mạnh theo thế giới",
        "Giá vàng miếng trong nước tăng, các cửa hàng vàng bạc bán ra nhiều hơn so với tuần trước.",
    ),
}


def _record(rid: str, title: str, text: str, published: datetime, source: str = "vnexpress.net") -> dict:
    return {
        "id": rid,
        "source": source,
        "title": title,
        "text": text,
        "published_at": published.isoformat() + "+00:00",
    }


def _ingest(engine, tmp_path: Path, recs: list[dict], name: str = "in") -> None:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    stages, ordered = analysis_for(engine)
    ingest(read_file(path), engine, stages=stages, ordered=ordered, batch_size=50)


@pytest.fixture
def engine(tmp_path):
    eng = engine_for(str(tmp_path / "alerts.db"))
    recs = [
        _record(f"{key}-{n}", title, text, NOW - timedelta(hours=3 + n), source)
        for key, (title, text) in TOPICS.items()
        for n, source in enumerate(("vnexpress.net", "tuoitre.vn"))
    ]
    _ingest(eng, tmp_path, recs)
    yield eng
    dispose_all()


def _story_of(engine, rid: str) -> str:
    with engine.connect() as conn:
        return conn.execute(select(items.c.story_id).where(items.c.ext_id == rid)).scalar_one()


def _flag(engine, rid: str, harm_type: str, status: str) -> None:
    flag = {"type": harm_type, "score": 0.9, "evidence": ["test"], "status": status}
    with engine.begin() as conn:
        conn.execute(update(items).where(items.c.ext_id == rid).values(harm=[flag]))


def test_dismissed_harm_flags_never_fire(engine):
    _flag(engine, "lua-dao-1-0", "scam", "dismissed")
    _flag(engine, "lua-dao-2-0", "scam", "unconfirmed")
    _flag(engine, "lua-dao-3-0", "scam", "confirmed")
    alerts.add(engine, "scams", owner="analyst", harm="scam")
    fired = {a.story_id for a in alerts.check(engine, user="analyst", now=NOW)}
    assert _story_of(engine, "lua-dao-2-0") in fired and _story_of(engine, "lua-dao-3-0") in fired
    assert _story_of(engine, "lua-dao-1-0") not in fired
    assert len({_story_of(engine, f"{k}-0") for k in TOPICS}) == len(TOPICS)  # one story per topic


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
    full = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run([exe, *args], capture_output=True, text=True, env=full, timeout=300)


def test_alerts_list_json_gives_local_times_with_offset(engine, tmp_path):
    db = str(tmp_path / "alerts.db")
    alerts.add(engine, "vang", owner="analyst", query="giá vàng")
    alerts.check(engine, user="analyst", now=NOW)
    dispose_all()
    listed = _cli("alerts", "list", "--json", "--db", db)
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    # 12:00 UTC is 19:00 in Vietnam
    assert row["last_checked"] == "2026-11-20T19:00:00+07:00"
    assert datetime.fromisoformat(row["created_at"]).utcoffset() == timedelta(hours=7)


class _SmtpSink(threading.Thread):
    """A tiny SMTP server on 127.0.0.1, plain or with implicit TLS (SMTPS, as on port 465)."""

    def __init__(self, tls: ssl.SSLContext | None = None):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.tls = tls
        self.messages: list[bytes] = []

    def run(self):
        conn, _ = self.sock.accept()
        if self.tls is not None:
            conn = self.tls.wrap_socket(conn, server_side=True)
        f = conn.makefile("rwb")

        def say(line):
            f.write(line.encode() + b"\r\n")
            f.flush()

        say("220 sink")
        while line := f.readline().decode().strip():
            cmd = line.split(" ")[0].upper()
            if cmd == "DATA":
                say("354 go")
                data = []
                while (chunk := f.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                self.messages.append(b"".join(data))
                say("250 queued")
            elif cmd == "QUIT":
                say("221 bye")
                break
            else:
                say("250 ok")
        conn.close()


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (the client trusts it through SSL_CERT_FILE)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def _alert() -> alerts.Alert:
    return alerts.Alert("vang", "new", "s1", "Giá vàng tăng", "2 items from 2 sources", 2, 2)


def test_mail_on_port_465_uses_implicit_tls(tmp_path, monkeypatch):
    cert, key = _self_signed(tmp_path)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    sink = _SmtpSink(tls=server_ctx)
    sink.start()
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    home = Path(os.environ["TINHHINH_HOME"])
    # the sink listens on a free port; `ssl = true` says what port 465 implies
    (home / "settings.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {sink.port}\nssl = true\nfrom = "desk@example.vn"\n'
    )
    alerts.deliver([_alert()], email="analyst@example.vn")
    sink.join(5)
    [raw] = sink.messages
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"] == "analyst@example.vn" and "Giá vàng tăng" in message.get_content()
    # port 465 alone means implicit TLS, with no STARTTLS inside it
    (home / "settings.toml").write_text('[smtp]\nhost = "mail.example.vn"\nport = 465\n')
    smtp = Smtp.from_config()
    assert smtp.ssl and not smtp.starttls


def _marks(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(alert_marks)).scalar_one()


def test_failed_delivery_leaves_alerts_for_the_next_check(engine, tmp_path):
    db = str(tmp_path / "alerts.db")
    alerts.add(engine, "lua-dao", owner="analyst", query="lừa đảo")
    dispose_all()
    at = ("--at", NOW.isoformat() + "+00:00")
    home = Path(os.environ["TINHHINH_HOME"])

    no_smtp = _cli("alerts", "check", "--email", "analyst@example.vn", "--db", db, *at)
    assert no_smtp.returncode == 1 and "[smtp]" in no_smtp.stderr
    bad_folder = _cli("alerts", "check", "--to-file", str(tmp_path / "missing" / "a.jsonl"), "--db", db, *at)
    assert bad_folder.returncode == 1 and "does not exist" in bad_folder.stderr
    with socket.socket() as s:  # a port nobody listens on: the mail server is down
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    (home / "settings.toml").write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {closed}\nstarttls = false\n')
    down = _cli("alerts", "check", "--email", "analyst@example.vn", "--db", db, *at)
    assert down.returncode == 1 and "cannot mail the alerts" in down.stderr and "next check" in down.stderr
    assert len(down.stderr.strip().splitlines()) == 1 and "Traceback" not in down.stderr
    assert down.stdout == ""
    assert _marks(engine) == 0

    delivered = _cli("alerts", "check", "--to-file", str(tmp_path / "a.jsonl"), "--db", db, *at)
    assert delivered.returncode == 0, delivered.stderr
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and {json.loads(x)["kind"] for x in lines} == {"new"}  # three scam stories
    assert delivered.stdout.count("[lua-dao] new story: ") == 3
    assert _cli("alerts", "check", "--db", db, *at).stdout == ""  # reported once


def test_every_matching_story_fires_not_only_the_best_ranked(tmp_path):
    """230 stories match the saved search: all of them fire (the check once looked at 200 search hits)."""
    eng = engine_for(str(tmp_path / "many.db"))
    recs = [
        _record(
            f"m{n}",
            f"Mưa lớn gây ngập tại điểm số {n}",
            f"Nước dâng ở điểm số {n}.",
            NOW - timedelta(hours=1),
        )
        for n in range(230)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    ingest(read_file(path), eng, stages=[], ordered=None)
    # each item its own story (the clustering would rightly join these look-alikes)
    with eng.begin() as conn:
        for pk, published in conn.execute(select(items.c.pk, items.c.published_at)).all():
            conn.execute(update(items).where(items.c.pk == pk).values(story_id=f"s{pk}"))
            conn.execute(
                insert(stories).values(
                    id=f"s{pk}", label=f"story {pk}", size=1, n_sources=1, first_seen=published,
                    last_seen=published, state={},
                )
            )  # fmt: skip
    alerts.add(eng, "mua", owner="analyst", query="mưa lớn ngập")
    fired = alerts.check(eng, user="analyst", now=NOW)
    assert len({a.story_id for a in fired if a.kind == "new"}) == 230
    assert alerts.check(eng, user="analyst", now=NOW) == []
    dispose_all()


FIRE = (
    "Cháy rừng thông ở Lâm Đồng, hàng trăm người được huy động dập lửa",
    "Đám cháy rừng thông bùng phát trên đồi ở Lâm Đồng, lực lượng kiểm lâm và người dân dập lửa suốt đêm.",
)
FLOOD = (
    "Lũ quét cuốn trôi cầu treo ở Lào Cai, bản làng bị chia cắt",
    "Trận lũ quét trong đêm cuốn trôi cây cầu treo duy nhất vào bản, hàng trăm hộ dân ở Lào Cai bị cô lập.",
)


def test_alerts_cover_everything_stored_since_the_last_check(engine, tmp_path):
    alerts.add(engine, "hang-tram", owner="analyst", query="hàng trăm")  # in both stories below
    assert alerts.check(engine, user="analyst", now=NOW) == []
    # stored after that check but published ten days earlier (a late feed, an import of old news)
    _ingest(engine, tmp_path, [_record("fire", *FIRE, NOW - timedelta(days=10))], "late")
    fired = alerts.check(engine, user="analyst", now=NOW + timedelta(hours=1))
    assert [(a.kind, a.story_id) for a in fired] == [("new", _story_of(engine, "fire"))]
    # the next check comes nine days later: the flood of the day after the last check still fires
    _ingest(engine, tmp_path, [_record("flood", *FLOOD, NOW + timedelta(days=1))], "flood")
    fired = alerts.check(engine, user="analyst", now=NOW + timedelta(days=10))
    assert [(a.kind, a.story_id) for a in fired] == [("new", _story_of(engine, "flood"))]


def test_first_check_looks_back_seven_days(engine, tmp_path):
    _ingest(engine, tmp_path, [_record("fire", *FIRE, NOW - timedelta(days=10))], "old")
    alerts.add(engine, "chay-rung", owner="analyst", query="cháy rừng")
    assert alerts.check(engine, user="analyst", now=NOW) == []  # older than the first window
    _ingest(engine, tmp_path, [_record("flood", *FLOOD, NOW - timedelta(days=6))], "recent")
    alerts.add(engine, "lu-quet", owner="analyst", query="lũ quét")
    assert [a.search for a in alerts.check(engine, user="analyst", now=NOW)] == ["lu-quet"]


def test_watcher_hook_retries_a_failed_delivery_after_the_next_poll(engine):
    alerts.add(engine, "lua-dao", owner="analyst", query="lừa đảo")
    home = Path(os.environ["TINHHINH_HOME"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    (home / "settings.toml").write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {closed}\nstarttls = false\n')
    said, logged = [], []
    hook = alerts.WatchAlerts(
        engine, user="watcher", email="a@example.vn", say=said.append, log=logged.append, clock=lambda: NOW
    )
    assert hook.tick(0) == []  # a poll that stored nothing checks nothing
    assert hook.tick(6) == [] and "alerts not delivered" in logged[-1] and _marks(engine) == 0
    sink = _SmtpSink()
    sink.start()
    (home / "settings.toml").write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {sink.port}\nstarttls = false\n')
    delivered = hook.tick(0)  # nothing new stored, but the last delivery failed: tried again
    sink.join(5)
    assert len(delivered) == 3 and len(sink.messages) == 1 and _marks(engine) == 3
    assert hook.tick(0) == []


def test_first_check_counts_an_undated_item_by_when_it_was_stored(tmp_path):
    """Audit #5: the first check looks back 7 days by publication date; an item without one (a feed entry
    without <pubDate>) counts from when it was stored, as in reports, instead of never."""
    from tinhhinh.timefmt import utcnow

    eng = engine_for(str(tmp_path / "undated.db"))
    rec = {"id": "u1", "source": "feed.vn", "title": "Mưa lớn gây ngập ở Huế", "text": "Nước dâng cao ở Huế."}
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest(read_file(path), eng, stages=[], ordered=None)
    with eng.begin() as conn:
        pk, fetched = conn.execute(select(items.c.pk, items.c.fetched_at)).one()
        conn.execute(update(items).where(items.c.pk == pk).values(story_id="s1"))
        conn.execute(
            insert(stories).values(
                id="s1", label="mưa Huế", size=1, n_sources=1, first_seen=fetched, last_seen=fetched, state={}
            )
        )
    alerts.add(eng, "mua", owner="analyst", query="mua ngap")
    fired = alerts.check(eng, user="analyst", now=utcnow())
    assert [(a.story_id, a.kind) for a in fired] == [("s1", "new")]
    dispose_all()
