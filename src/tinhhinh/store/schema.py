"""Table definitions (SQLAlchemy Core). Migrations create them; queries use them."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

items = Table(
    "items",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    # identity: "<source>:<id>" for records with their own id, else "url:<canonical url>"
    Column("key", String(1024), nullable=False, unique=True),
    Column("ext_id", String(512)),
    Column("source", String(255), nullable=False, default=""),
    Column("kind", String(16), nullable=False, default="article"),
    Column("url", String(2048)),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("published_at", DateTime),  # UTC, naive
    Column("fetched_at", DateTime),  # UTC, naive; run-time column
    Column("lang", String(8), default="vi"),
    Column("provenance", JSON),
    Column("extra", JSON),
    Column("author_hash", String(64)),  # only when the installation turns authors on
    Column("content_hash", String(40), index=True),
    Column("dup_of", Integer, index=True),  # pk of the earliest copy
    Column("area", String(32), index=True),
    Column("area_scores", JSON),
    Column("keywords", JSON),
    Column("story_id", String(64), index=True),
    Column("places", JSON),
    Column("toxicity", String(16)),
    Column("toxicity_score", Float),
    Column("harm", JSON),
    Column("model_version", JSON),
    Column("minhash", JSON),
    Index("ix_items_published_at", "published_at"),
    Index("ix_items_source_published", "source", "published_at"),
)

search_audit = Table(
    "search_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("user", String(255), nullable=False),
    Column("query", Text, nullable=False),
    Column("filters", JSON),
    Column("results", Integer),
    Column("via", String(16)),  # cli, web, api
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("label", Text),
    Column("size", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("first_seen", DateTime),
    Column("last_seen", DateTime),
    Column("merged_into", String(64)),
    Column("summary", JSON),
    Column("state", JSON, nullable=False),
)

story_merges = Table(
    "story_merges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("from_id", String(64), nullable=False),
    Column("into_id", String(64), nullable=False),
    Column("at", DateTime),
    Column("p", Float),
)

story_meta = Table(
    "story_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", JSON),
)

saved_searches = Table(
    "saved_searches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("query", Text),
    Column("area", String(32)),
    Column("place", String(100)),
    Column("harm", String(32)),
    Column("owner", String(255), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_checked", DateTime),
    Column("last_item_pk", Integer),  # items.pk seen by the last check: the next one starts after it
)

alert_marks = Table(
    "alert_marks",
    metadata,
    Column("search_id", Integer, primary_key=True),
    Column("story_id", String(64), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("at", DateTime, nullable=False),
)
