"""Persistent storage of articles and their layers (SQLite by default)."""

from marsad.store.sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
