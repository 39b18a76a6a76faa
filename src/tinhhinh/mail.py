"""Outgoing mail through the installation's ``[smtp]`` settings (desk digests, saved-search alerts).

Settings (``$TINHHINH_HOME/settings.toml``)::

    [smtp]
    host = "mail.example.gov.vn"
    port = 587              # 587 (STARTTLS, the default), 465 (implicit TLS) or 25
    user = "desk@example.gov.vn"
    password = "..."
    from = "desk@example.gov.vn"
    starttls = true         # upgrade a plain connection; default true, false on port 465
    ssl = false             # implicit TLS from the first byte (SMTPS); default true on port 465

One mechanism for every sender, so a setting that works for the digest works for alerts too.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass

from tinhhinh import config

IMPLICIT_TLS_PORT = 465


@dataclass
class Smtp:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = None
    sender: str = ""
    starttls: bool = True
    ssl: bool = False

    @classmethod
    def from_config(cls) -> Smtp | None:
        """The ``[smtp]`` settings, or None when no host is set."""
        s = config.setting("smtp", {}) or {}
        if not s.get("host"):
            return None
        port = int(s.get("port", 587))
        implicit = bool(s.get("ssl", port == IMPLICIT_TLS_PORT))
        return cls(
            host=str(s["host"]), port=port, user=s.get("user"), password=s.get("password"),
            sender=str(s.get("from") or s.get("user") or ""),
            # STARTTLS inside a TLS connection makes no sense; on SMTPS it is off unless asked for
            starttls=bool(s.get("starttls", not implicit)), ssl=implicit,
        )  # fmt: skip

    def connect(self, timeout: float = 30) -> smtplib.SMTP:
        """An open, logged-in client; the caller sends and quits. Raises OSError or SMTPException."""
        context = ssl.create_default_context()
        if self.ssl:
            client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(self.host, self.port, timeout=timeout)
        try:
            if self.starttls and not self.ssl:
                client.starttls(context=context)
            if self.user and self.password:
                client.login(self.user, self.password)
        except BaseException:
            client.close()
            raise
        return client

    def where(self) -> str:
        return f"{self.host}:{self.port}" + (" (TLS)" if self.ssl else "")
