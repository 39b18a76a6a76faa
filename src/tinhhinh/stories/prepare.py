"""Per-record part of story detection, for the parallel workers.

Turning an item into its TF-IDF views (fold, n-grams, IDF lookups, names) is most of what assigning it
to a story costs and needs nothing but the item, so the workers do it; the ordered stage then only
retrieves candidates and decides. ``story_vectors(item)`` gives exactly what ``StoryIndex.assign``
would compute itself (same function, same shipped IDF), so results do not depend on where it ran.
"""

from __future__ import annotations

from tinhhinh.item import Item
from tinhhinh.stories.features import Idf
from tinhhinh.stories.index import ItemVectors, vectorize

EXTRA_KEY = "story_vectors"  # where analyze's Entry carries them (``Entry.extra``)


def story_vectors(item: Item) -> ItemVectors:
    """The item's story views, computed with the shipped IDF (loaded once per process)."""
    return vectorize(item, Idf.shipped())


def warm_up() -> None:
    """Load the shipped IDF, its weight table and term ids now (e.g. before worker processes fork, to share them)."""
    idf = Idf.shipped()
    idf.table()
    idf.ids()
    idf.weights_by_id()
