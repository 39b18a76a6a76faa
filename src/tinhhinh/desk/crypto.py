"""Per-petition keys: personal data (in the tables and in the audit) is sealed under a key that erasure deletes."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tinhhinh import config

NONCE = 12


def _wrapping_key() -> bytes:
    return config.secret("desk-keywrap", 32)


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def wrap(key: bytes, petition_id: int) -> bytes:
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(_wrapping_key()).encrypt(nonce, key, f"petition-key:{petition_id}".encode())


def unwrap(wrapped: bytes, petition_id: int) -> bytes:
    return AESGCM(_wrapping_key()).decrypt(
        wrapped[:NONCE], wrapped[NONCE:], f"petition-key:{petition_id}".encode()
    )


def seal(key: bytes, value: Any, context: str) -> bytes:
    nonce = os.urandom(NONCE)
    plain = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    return nonce + AESGCM(key).encrypt(nonce, plain, context.encode())


def open_sealed(key: bytes, blob: bytes, context: str) -> Any:
    return json.loads(AESGCM(key).decrypt(blob[:NONCE], blob[NONCE:], context.encode()))


def pseudonym(petition_id: int) -> str:
    """A label for a denouncer that is the same within one petition and unrelated across petitions."""
    digest = hmac.new(config.secret("desk-pseudonym"), f"petition:{petition_id}".encode(), hashlib.sha256)
    return "NTC-" + digest.hexdigest()[:8].upper()
