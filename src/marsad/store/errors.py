"""The one error a store raises when it cannot be opened, read or written."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The store named at the start of the message failed; the message says what to do.

    The back end's own error is its ``__cause__``. A RuntimeError, as the schema-version
    error always was.
    """
