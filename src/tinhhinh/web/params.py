"""Bounds for numbers that reach SQL: ids beyond a 64-bit integer would crash the driver, so they are 422."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import Field

MAX_ID = 2**63 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
BodyId = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=0, le=MAX_ID)]
PageNo = Annotated[int, Query(ge=1, le=1_000_000)]
