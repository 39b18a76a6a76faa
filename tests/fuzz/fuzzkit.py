"""Helpers for the fuzz tests: mutation strategies, a hard per-example time limit, rejection checks."""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager

from hypothesis import settings
from hypothesis import strategies as st

LONG = os.environ.get("TINHHINH_FUZZ") == "long" or any("fuzz-long" in a for a in sys.argv)
FUZZ = settings(settings.get_profile("fuzz-long" if LONG else "fuzz-ci"))
if os.environ.get("TINHHINH_FUZZ_EXAMPLES"):  # e.g. a medium run: TINHHINH_FUZZ_EXAMPLES=2000
    FUZZ = settings(FUZZ, max_examples=int(os.environ["TINHHINH_FUZZ_EXAMPLES"]), derandomize=False)
# for parsers that cost ~50 ms an example (building a workbook): a quarter of the examples
FUZZ_SLOW = settings(FUZZ, max_examples=max(25, FUZZ.max_examples // 4))
HARD_LIMIT = 10.0  # seconds: beyond this an example is a hang, not a slow parse


class Hang(AssertionError):
    pass


@contextmanager
def hard_limit(seconds: float = HARD_LIMIT):
    """Fail (instead of waiting forever) when the body runs longer than ``seconds``."""

    def _alarm(signum, frame):
        raise Hang(f"parser did not return within {seconds:g}s (a hang)")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@st.composite
def mutated(draw, seed: bytes, max_ops: int = 8) -> bytes:
    """``seed`` with a few random edits: byte flips, inserted junk, deleted or repeated spans, truncation."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, max_ops))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "truncate", "splice"]))
        n = len(data)
        if op == "flip" and n:
            i = draw(st.integers(0, n - 1))
            data[i] = draw(st.integers(0, 255))
        elif op == "insert":
            i = draw(st.integers(0, n))
            junk = draw(
                st.one_of(
                    st.binary(max_size=40),
                    st.sampled_from(
                        [b"<", b">", b"]]>", b"<![CDATA[", b"&#x0;", b"&amp", b"\x00", b"\xff\xfe", b'"', b"\n",
                         b"<item>", b"</channel>", b"<!ENTITY x SYSTEM 'file:///etc/passwd'>", b"&x;",
                         "Việt".encode("utf-16"), "đường".encode(), b"\xe1\xba", b",", b";", b"\r\n"]
                    ),
                )
            )  # fmt: skip
            data[i:i] = junk
        elif op == "delete" and n:
            i = draw(st.integers(0, n - 1))
            j = draw(st.integers(i, min(n, i + 200)))
            del data[i:j]
        elif op == "repeat" and n:
            i = draw(st.integers(0, n - 1))
            j = draw(st.integers(i, min(n, i + 100)))
            data[j:j] = data[i:j] * draw(st.integers(1, 20))
        elif op == "truncate" and n:
            del data[draw(st.integers(0, n)) :]
        elif op == "splice" and n:
            i = draw(st.integers(0, n - 1))
            data[i:i] = bytes(data[: draw(st.integers(0, min(n, 300)))])
    return bytes(data)


def inputs(seed: bytes) -> st.SearchStrategy[bytes]:
    """Half pure noise, half mutations of a realistic document."""
    return st.one_of(st.binary(max_size=2000), mutated(seed))


def check_rejection_message(text: str) -> None:
    assert isinstance(text, str) and text.strip(), "a rejection needs a reason"
    assert "\n" not in text, f"a rejection reason is one line: {text!r}"
    assert len(text) < 1000, "a rejection reason is short"
    assert "Traceback" not in text
