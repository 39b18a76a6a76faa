"""Resolve what a user types for ``--place`` to a province on the current map ("Hà Nam" → Ninh Bình)."""

from __future__ import annotations

from tinhhinh.nlp.normalize import fold, strip_diacritics


def resolve_place(name: str) -> str | None:
    from tinhhinh.stories.places import gazetteer

    g = gazetteer()
    wanted = name.strip()
    if not wanted:
        return None
    for province in {
        p["name"] if isinstance(p, dict) and "name" in p else None for p in g.by_code.values()
    } - {None}:
        if fold(province) == fold(wanted) or strip_diacritics(province) == strip_diacritics(wanted):
            return province
    found = g.provinces(wanted) or g.provinces(wanted.title())
    return found[0] if found else None
