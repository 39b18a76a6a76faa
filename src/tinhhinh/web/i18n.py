"""Vietnamese by default, English on request: gettext catalogs under web/locale.

Message ids are English; ``locale/vi/LC_MESSAGES/messages.po`` is the source, ``messages.mo`` its compiled
form (committed, and checked against the .po by a test). When the .mo is missing or older than the .po
(a fresh checkout, an edited catalog), the .po is compiled in memory at first use, so a fresh
``pip install -e .`` works without a build step and nothing is written into the package.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("vi", "en")
DEFAULT = "vi"
DOMAIN = "messages"


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark for extraction only"
    return message


def compile_po(po_path: Path) -> bytes:
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=po_path.parent.parent.name)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def compile_all() -> list[Path]:
    """Write every .mo next to its .po (run after editing a catalog; a test checks they match)."""
    written = []
    for po in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_po(po))
        written.append(mo)
    return written


@cache
def translations(lang: str) -> gettext.NullTranslations:
    if lang not in LANGUAGES or lang == "en":
        return gettext.NullTranslations()
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    return gettext.GNUTranslations(io.BytesIO(compile_po(po)))


def pick(cookie: str | None) -> str:
    return cookie if cookie in LANGUAGES else DEFAULT


if __name__ == "__main__":
    for path in compile_all():
        print(path)
