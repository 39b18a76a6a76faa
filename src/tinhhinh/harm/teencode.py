"""Teencode and chat spellings → one written form, so "ko bít", "k biet" and "không biết" share features.

Applied token by token to folded text (lower case, NFC). Keys are what people type; values are what the
model sees. Profanity variants are mapped to one spelling each so that rare spellings borrow the weight of
common ones. Keep entries unambiguous: a short token that is also an ordinary word stays out.
"""

from __future__ import annotations

# fmt: off
TEENCODE: dict[str, str] = {
    # negation and common function words
    "ko": "không", "k": "không", "kh": "không", "khg": "không", "kg": "không", "hok": "không", "hông": "không",
    "hem": "không", "k0": "không", "khong": "không", "hk": "không",
    "dc": "được", "đc": "được", "dk": "được", "đk": "được", "duoc": "được",
    "j": "gì", "ji": "gì", "vs": "với", "ns": "nói", "bít": "biết", "bik": "biết", "bjt": "biết",
    "wá": "quá", "qá": "quá", "qa": "quá", "z": "vậy", "zậy": "vậy", "dzậy": "vậy", "v": "vậy",
    "cx": "cũng", "cũg": "cũng", "ng": "người", "ngta": "người ta", "mn": "mọi người", "mng": "mọi người",
    "ae": "anh em", "trc": "trước", "r": "rồi", "rùi": "rồi", "ròi": "rồi", "bh": "bao giờ", "bjo": "bây giờ",
    "bây h": "bây giờ", "nx": "nữa", "ntn": "như thế nào", "thik": "thích", "iu": "yêu", "ik": "đi",
    "mik": "mình", "mk": "mình", "b": "bạn", "t": "tao", "m": "mày", "mài": "mày", "tau": "tao",
    "th": "thằng", "thg": "thằng", "thằg": "thằng", "bn": "bao nhiêu", "sr": "xin lỗi", "ok": "ok",
    "oke": "ok", "okela": "ok", "tks": "cảm ơn", "thanks": "cảm ơn", "ad": "admin", "ib": "inbox",
    # profanity spellings (one form each)
    "đm": "đm", "dm": "đm", "đmm": "đm", "dmm": "đm", "đcm": "đm", "dcm": "đm", "đkm": "đm", "dkm": "đm",
    "đmcs": "đm", "dcmm": "đm", "đcmm": "đm", "địt": "địt", "dit": "địt", "đjt": "địt", "djt": "địt",
    "đụ": "địt", "đù": "đù", "vl": "vl", "vcl": "vl", "vkl": "vl", "vcc": "vl", "vler": "vl", "vloz": "vl",
    "vđ": "vl", "vcđ": "vl", "vãi": "vãi", "vải": "vãi", "đéo": "đéo", "deo": "đéo", "éo": "đéo",
    "méo": "đéo", "đếch": "đéo", "dek": "đéo", "đek": "đéo", "đách": "đéo", "cc": "cc", "cl": "cl",
    "clgt": "cl", "clm": "cl", "lồn": "lồn", "lol": "lồn", "lìn": "lồn", "loz": "lồn", "buồi": "buồi",
    "buoi": "buồi", "cặc": "cặc", "cak": "cặc", "cmn": "cmn", "cmnr": "cmn", "cmm": "cmn", "ccmm": "cmn",
    "đĩ": "đĩ", "phò": "đĩ", "óc chó": "óc chó", "occho": "óc chó",
}
# fmt: on


def normalize_tokens(tokens: list[str]) -> list[str]:
    return list(map(TEENCODE.get, tokens, tokens))
