"""The record that flows through the pipeline.

One typed record carries each stage's fields: ingest fills the input fields, each analysis stage
adds its own. Stages receive items and return them; nothing is hidden in callbacks.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

KINDS = ("article", "post", "comment")

# Input fields of the public record format (stable interface).
INPUT_FIELDS = ("id", "source", "kind", "url", "title", "text", "published_at", "author")


@dataclass
class Item:
    # identity and content (input)
    id: str | None = None
    source: str = ""
    kind: str = "article"
    url: str | None = None
    title: str = ""
    text: str = ""
    published_at: datetime | None = None
    fetched_at: datetime | None = None
    lang: str = "vi"
    provenance: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    # only set when the installation turns authors on: a daily-rotating salted hash, never exported
    author_hash: str | None = None

    # analysis (each stage adds its own fields)
    area: str | None = None
    area_scores: dict[str, float] | None = None
    keywords: list[str] | None = None
    dup_of: str | None = None
    story_id: str | None = None
    places: list[str] | None = None
    toxicity: str | None = None
    toxicity_score: float | None = None
    harm: list[dict[str, Any]] = field(default_factory=list)
    model_version: dict[str, str] = field(default_factory=dict)
    error: str | None = None

    @property
    def key(self) -> str:
        """Identity within the store: the record's own id within its source, else its canonical URL."""
        if self.id:
            return f"{self.source}:{self.id}"
        return f"url:{self.url}"

    @property
    def where(self) -> str:
        """Where the record came from, as rejections name it: "file:line" (else its url or key)."""
        prov = self.provenance or {}
        if "input" in prov:
            return f"{prov['input']}:{prov.get('line', '?')}"
        return self.url or self.key

    @property
    def content(self) -> str:
        """Title and body as one text, for analysis."""
        if self.title and self.text:
            return f"{self.title}\n{self.text}"
        return self.title or self.text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def copy_roots(dup_of: dict[int, int | None]) -> dict[int, int]:
    """For each shown item (pk → its ``dup_of``), the shown item it is ultimately a copy of, following
    chains (an edited copy can itself be copied: c → b → a), or itself. A copy of something not shown
    is its own root."""
    roots: dict[int, int] = {}
    for pk in dup_of:
        seen = [pk]
        while (up := dup_of.get(seen[-1])) is not None and up in dup_of:
            if up in seen:  # a loop (bad data): its smallest pk stands for all of it
                seen.append(min(seen[seen.index(up) :]))
                break
            seen.append(up)
        roots[pk] = seen[-1]
    return roots
