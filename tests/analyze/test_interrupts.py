"""`tinhhinh analyze` stopped in the middle (Ctrl-C, SIGTERM, a killed parent, a cut .gz): no worker is left
behind, and what was analysed is written out and counted in one line."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tinhhinh

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc; workers fork on Linux"
)

SRC = str(Path(tinhhinh.__file__).resolve().parents[1])
BODY = (
    "Nhiều tuyến phố Đà Nẵng ngập sâu sau trận mưa lớn kéo dài từ đêm qua đến sáng nay, giao thông ùn tắc "
    "nghiêm trọng. Chính quyền thành phố đã huy động lực lượng hỗ trợ người dân di chuyển."
)
TOPICS = ["giá vàng", "học phí", "bão số 3", "dịch sốt xuất huyết", "lừa đảo qua mạng", "giao thông"]


def record_lines(n: int) -> bytes:
    return b"".join(
        json.dumps(
            {"id": f"r{i}", "title": f"Tin {TOPICS[i % len(TOPICS)]} số {i}", "text": f"{i} {BODY}"},
            ensure_ascii=False,
        ).encode("utf-8")
        + b"\n"
        for i in range(n)
    )


def start(*args: str, home: Path) -> subprocess.Popen:
    env = {"TINHHINH_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": SRC}
    return subprocess.Popen(
        [sys.executable, "-m", "tinhhinh.cli", "analyze", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pid: int) -> bool:
    """Running or sleeping (a zombie has ended; its parent, or PID 1, has not reaped it yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def wait_for(condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def reading_stdin(pid: int) -> bool:
    return "pipe" in Path(f"/proc/{pid}/wchan").read_text()


@pytest.fixture
def no_orphans():
    """The worker pids a test saw; any still alive at the end are ended (the test itself asserts on them)."""
    seen: list[int] = []
    yield seen
    left = [p for p in seen if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)


def test_sigterm_ends_the_workers_and_writes_what_was_analysed(tmp_path, no_orphans):
    # `kill PID` (systemd, docker stop) killed only the parent: its two workers slept forever, holding
    # the models and the command's stderr open, and nothing was written
    proc = start("--workers", "2", "--quiet", home=tmp_path)
    proc.stdin.write(record_lines(300))  # stdin stays open: the run waits for more
    proc.stdin.flush()
    wait_for(lambda: len(children(proc.pid)) == 2)
    no_orphans.extend(children(proc.pid))
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    last = err.decode().strip().splitlines()[-1]
    assert last.startswith("terminated (SIGTERM): wrote "), last
    written, read = (int(w) for w in last.split("wrote ")[1].split(" records")[0].split(" of the "))
    assert written == len(out.splitlines()) and written <= read <= 300
    assert all("area" in json.loads(line) for line in out.splitlines())
    wait_for(lambda: not any(alive(p) for p in no_orphans), timeout=10)


def test_workers_end_when_the_parent_is_killed_outright(tmp_path, no_orphans):
    # SIGKILL (or the OOM killer) runs no clean-up in the parent: the workers must notice by themselves
    proc = start("--workers", "2", "--quiet", home=tmp_path)
    proc.stdin.write(record_lines(10))  # the run starts its workers once the input has begun
    proc.stdin.flush()
    wait_for(lambda: len(children(proc.pid)) == 2)
    no_orphans.extend(children(proc.pid))
    proc.kill()
    proc.wait(timeout=10)
    wait_for(lambda: not any(alive(p) for p in no_orphans), timeout=10)


@pytest.mark.parametrize(
    "sig, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_an_interruption_writes_out_the_window(tmp_path, sig, code, word):
    # Ctrl-C wrote nothing of the records held in the copies window (50,000 by default: every record
    # of a smaller input) and said only "interrupted"
    proc = start("--quiet", home=tmp_path)
    proc.stdin.write(record_lines(64))  # one chunk: analysed, then the run waits for line 65
    proc.stdin.flush()
    wait_for(lambda: reading_stdin(proc.pid) and time.sleep(0.3) is None and reading_stdin(proc.pid))
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    last = err.decode().strip().splitlines()[-1]
    assert last == f"{word}{' (SIGTERM)' if code == 143 else ''}: wrote 64 of the 64 records read to the " \
        "standard output; the output is incomplete"  # fmt: skip
    got = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in got] == [f"r{i}" for i in range(64)]
    assert all("area" in r and "dup_of" in r for r in got)


def test_a_cut_gzip_writes_what_it_holds_and_names_the_file(tmp_path):
    whole = gzip.compress(record_lines(200), mtime=0)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    proc = start("--input", str(cut), "--quiet", home=tmp_path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    got = [json.loads(line) for line in out.splitlines()]
    assert got and [r["id"] for r in got] == [f"r{i}" for i in range(len(got))]
    assert all("area" in r and "error" not in r for r in got)
    line = err.decode().strip().splitlines()[-1]
    assert str(cut) in line and "ends in the middle" in line and f"wrote {len(got)} of the " in line
    assert "download the file again" in line


def test_a_file_that_is_not_gzip_is_named(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"\x1f\x8bnot really gzip at all")
    proc = start("--input", str(bad), home=tmp_path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and out == b""
    line = err.decode().strip().splitlines()[-1]
    assert str(bad) in line and "gzip data is corrupt" in line and "Traceback" not in line


def test_a_utf16_text_cut_in_the_middle_of_a_character(tmp_path):
    cut = tmp_path / "cut16.jsonl"
    cut.write_bytes(record_lines(3).decode("utf-8").encode("utf-16") + b"x")  # an odd byte at the end
    proc = start("--input", str(cut), "--quiet", home=tmp_path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r0", "r1", "r2"]
    line = err.decode().strip().splitlines()[-1]
    assert str(cut) in line and "UTF-16 text breaks off" in line and "wrote 3 of the 3 records read" in line
