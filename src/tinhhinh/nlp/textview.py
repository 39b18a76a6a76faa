"""One item's derived text copies, computed once and shared by the per-record stages.

Area, places, copies and fact-check matching all read the same folded text, its word tokens, or a
diacritic-free ASCII copy. Each used to compute its own; ``text_view(title, text)`` computes each copy
on first use and hands the same object to every stage that asks for the same (title, text) — the
same string objects, so a changed field always gets a fresh view. Only the latest view is kept (stages
run one item at a time per process); nothing is stored on the Item, so nothing extra is pickled.
"""

from __future__ import annotations

from tinhhinh.nlp.normalize import _WORD_RE, ascii_fold, fold


class TextView:
    __slots__ = ("title", "text", "_content", "_folded", "_folded_tokens", "_ascii")

    def __init__(self, title: str, text: str) -> None:
        self.title = title
        self.text = text
        self._content: str | None = None
        self._folded: str | None = None
        self._folded_tokens: list[str] | None = None
        self._ascii: str | None = None

    @property
    def content(self) -> str:
        """Title and body as one text (as ``Item.content``)."""
        if self._content is None:
            t, b = self.title, self.text
            self._content = f"{t}\n{b}" if t and b else (t or b)
        return self._content

    @property
    def folded(self) -> str:
        """``fold(content)``."""
        if self._folded is None:
            self._folded = fold(self.content)
        return self._folded

    @property
    def folded_tokens(self) -> list[str]:
        """``folded_tokens(content)``: word tokens of the folded content (callers must not modify)."""
        if self._folded_tokens is None:
            self._folded_tokens = _WORD_RE.findall(self.folded)
        return self._folded_tokens

    @property
    def ascii(self) -> str:
        """``ascii_fold(content.lower())`` (the diacritic-free copy fact-check matching reads)."""
        if self._ascii is None:
            # NFD + ASCII encode is C code end to end: faster here than a per-character translate table
            self._ascii = ascii_fold(self.content.lower())
        return self._ascii


_last: TextView | None = None


def text_view(title: object, text: object) -> TextView:
    """The shared view of (title, text); a new one when either field is a different object."""
    global _last
    v = _last
    if v is not None and v.title is title and v.text is text:
        return v
    v = TextView(title if isinstance(title, str) else "", text if isinstance(text, str) else "")
    if isinstance(title, str) and isinstance(text, str):
        _last = v
    return v
