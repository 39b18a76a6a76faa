"""On SQLite, ``add_items`` works out the new rows' pks from the rowids SQLite gives instead of looking every
key up again: they must be the stored pks, also after the newest row was deleted (its rowid is re-used)."""

from __future__ import annotations

from sqlalchemy import delete, select

from tinhhinh.item import Item
from tinhhinh.store import items as item_store
from tinhhinh.store.db import engine_for
from tinhhinh.store.schema import items


def test_new_rows_pks_are_the_stored_ones(tmp_path):
    engine = engine_for(str(tmp_path / "pks.db"))
    seen: list[dict[str, int]] = []

    def after(conn, fresh, keyed):
        seen.append(dict(keyed))
        return 0

    def batch(tag: str, n: int) -> list[Item]:
        return [
            Item(id=f"{tag}{i}", source="s", title=f"Tin {tag} số {i}", text=f"Nội dung {tag} {i}")
            for i in range(n)
        ]

    item_store.add_items(engine, batch("a", 5), after=after)
    with engine.begin() as conn:
        top = conn.execute(select(items.c.pk).order_by(items.c.pk.desc()).limit(1)).scalar()
        conn.execute(delete(items).where(items.c.pk.in_([top, top - 1])))
    item_store.add_items(engine, batch("a", 5) + batch("b", 4), after=after)
    item_store.add_items(engine, batch("c", 3), after=after)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(items.c.key, items.c.pk)).all())
    assert [len(k) for k in seen] == [5, 6, 3]  # a3, a4 again, then b0-b3; then c0-c2
    for keyed in seen:
        assert keyed == {key: stored[key] for key in keyed}
    assert max(seen[1].values()) == max(seen[0].values()) + 4  # the deleted rowids were given out again
