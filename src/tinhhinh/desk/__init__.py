"""The response desk: cases and petitions (đơn thư) for member agencies.

Every function takes an ``actor`` (``desk.access.Actor``) and checks it through ``desk.access.can`` — the one
place permission decisions are made, shared by the CLI, the pages and the API. See docs/desk.md.
"""
