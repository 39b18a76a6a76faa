"""The report's content, independent of the file format: sections of paragraphs, tables and charts.

Every renderer (DOCX, HTML, PDF) walks the same ``Report``, so the three files carry the same words and
numbers, and the content can be checksummed apart from file timestamps.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Para:
    text: str
    kind: str = "body"  # body | note | bullet


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)  # right-aligned columns
    total_row: bool = False  # the last row is a total (bold)


@dataclass
class Chart:
    svg: str
    title: str
    table: str  # caption of the table that carries the same numbers
    # the data again, for renderers that draw natively (PDF): kind bar|stacked|line, categories, series, labels
    spec: dict[str, Any] = field(default_factory=dict)


@dataclass
class Section:
    number: str  # "I", "II", … for parts; "1", "2", … for items inside a part; "" for unnumbered
    title: str
    level: int  # 1 = part (I.), 2 = item (1.), 3 = sub-item (a)
    blocks: list[Para | Table | Chart] = field(default_factory=list)

    @property
    def heading(self) -> str:
        if not self.number:
            return self.title
        sep = ")" if self.level == 3 else "."
        return f"{self.number}{sep} {self.title}"


@dataclass
class Header:
    parent_body: str  # cơ quan chủ quản (may be empty)
    issuer: str  # cơ quan ban hành
    number_line: str  # "Số: …/BC-…"
    place_date: str  # "Đà Nẵng, ngày 05 tháng 12 năm 2026"
    doc_type: str  # "BÁO CÁO"
    subject: str  # trích yếu
    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    recipients_label: str = "Nơi nhận:"
    recipients: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer_note: str = ""


@dataclass
class Report:
    lang: str
    header: Header
    sections: list[Section]
    figures: dict[str, Any]  # raw numbers, for tests and for the dashboard
    period: dict[str, str]

    def content_lines(self) -> list[str]:
        """Text and table cells in reading order (what the checksum and the format tests compare)."""
        h = self.header
        lines = [h.parent_body, h.issuer, h.number_line, h.national_title, h.motto, h.place_date, h.doc_type,
                 h.subject]  # fmt: skip
        for s in self.sections:
            lines.append(s.heading)
            for b in s.blocks:
                if isinstance(b, Para):
                    lines.append(b.text)
                elif isinstance(b, Table):
                    lines.append(b.caption)
                    lines.append(" | ".join(b.columns))
                    lines.extend(" | ".join(r) for r in b.rows)
        return [x for x in lines if x]

    def checksum(self) -> str:
        return hashlib.sha256("\n".join(self.content_lines()).encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for s in out["sections"]:
            for b in s["blocks"]:
                b.pop("svg", None)
                b.pop("spec", None)
        return out


def dumps(obj: Any) -> str:
    return json.dumps(_none_keys(obj), ensure_ascii=False, sort_keys=True, default=str)


def _none_keys(obj: Any) -> Any:
    """Items without an area (stored without analysis, or with no text to read) are counted under the key
    None; JSON keys are strings and sorting cannot compare None with them, so None becomes "unknown"."""
    if isinstance(obj, dict):
        return {("unknown" if k is None else k): _none_keys(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_none_keys(v) for v in obj]
    return obj
