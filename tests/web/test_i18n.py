"""Vietnamese by default, English on the toggle; every UI string is in the catalog; the .mo matches the .po."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from tinhhinh.web import i18n

from .conftest import csrf_of

WEB = Path(i18n.__file__).parent
PO = WEB / "locale" / "vi" / "LC_MESSAGES" / "messages.po"
MSG = re.compile(r"""\b(?:_|N_)\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")


def _ids() -> set[str]:
    found = set()
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]:
        for m in MSG.finditer(path.read_text(encoding="utf-8")):
            found.add(m.group(1) if m.group(1) is not None else m.group(2))
    return found


# `_("a " "b")` is one message the catalog must hold whole; the pattern above would see only "a "
CONCATENATED = re.compile(r"""\b(?:_|N_)\(\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*["']""")


def test_no_message_is_split_over_string_literals():
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        bad = [text[m.start() : m.start() + 80] for m in CONCATENATED.finditer(text)]
        assert not bad, f"{path.name}: one _() per sentence, not adjacent literals: {bad}"


def test_every_ui_string_has_a_vietnamese_translation():
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="vi")
    translated = {m.id: m.string for m in catalog if m.id}
    ids = _ids()
    assert len(ids) > 150
    missing = sorted(i for i in ids if not translated.get(i))
    assert not missing, f"add to {PO}: {missing}"
    for must in ("Đăng nhập", "Việc của tôi", "Hồ sơ vụ việc", "Đơn thư", "Quá hạn", "Sắp đến hạn"):
        assert must in translated.values()


def test_committed_mo_is_compiled_from_the_po():
    assert PO.with_suffix(".mo").read_bytes() == i18n.compile_po(PO), "run: python -m tinhhinh.web.i18n"


def test_catalog_compiles_at_first_run_without_a_mo(tmp_path, monkeypatch):
    copy = tmp_path / "locale"
    shutil.copytree(WEB / "locale", copy)
    for mo in copy.rglob("*.mo"):
        mo.unlink()
    monkeypatch.setattr(i18n, "LOCALE_DIR", copy)
    i18n.translations.cache_clear()
    try:
        assert i18n.translations("vi").gettext("Sign in") == "Đăng nhập"
        assert not list(copy.rglob("*.mo"))  # nothing written into the package
    finally:
        i18n.translations.cache_clear()


def test_language_toggle(site):
    c = site.client("coord")
    home = c.get("/")
    assert '<html lang="vi">' in home.text and "Việc của tôi" in home.text and "Đăng xuất" in home.text
    r = c.post("/lang", data={"csrf": csrf_of(home.text), "lang": "en", "next": "/cases"})
    assert r.status_code == 303 and r.headers["location"] == "/cases"
    en = c.get("/")
    assert '<html lang="en">' in en.text and "My work" in en.text and "Việc của tôi" not in en.text
    # Off-site redirect targets are refused.
    r = c.post("/lang", data={"csrf": csrf_of(en.text), "lang": "vi", "next": "//evil.example/x"})
    assert r.headers["location"] == "/"
    # Before signing in, too (double-submit token).
    anon = site.client()
    page = anon.get("/login")
    assert anon.post("/lang", data={"csrf": csrf_of(page.text), "lang": "en"}).status_code == 303
    assert "Sign in" in anon.get("/login").text


def test_every_bundled_scam_signal_and_context_rule_has_a_label():
    # the flag review page names each piece of evidence by its label; a new rule without one showed its
    # bare id ("recovery_offer") to the reviewer
    from importlib import resources

    import yaml

    from tinhhinh.web import labels

    rules = yaml.safe_load(resources.files("tinhhinh.data").joinpath("scam_rules.yaml").read_text("utf-8"))
    ids = {r["id"] for r in rules["signals"] + rules.get("context", [])}
    ids |= {v["id"] for v in rules["links"].values() if isinstance(v, dict) and "id" in v}
    assert ids and not ids - set(labels.SCAM_RULE), sorted(ids - set(labels.SCAM_RULE))
