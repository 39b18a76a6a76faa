"""Fuzzing profiles. CI runs ``fuzz-ci`` (short). For a long run:

.venv/bin/pytest tests/fuzz --hypothesis-profile fuzz-long      (or TINHHINH_FUZZ=long)
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile(
    "fuzz-ci",
    max_examples=200,
    deadline=2000,  # ms per example; a parser that needs more on tiny input is a bug
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize=True,  # CI is repeatable; the long profile explores
)
settings.register_profile(
    "fuzz-long",
    max_examples=20_000,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
