"""Outlets: who publishes a document, as an identity and as shown.

A record names its outlet only through its URL (``DocumentInfo`` has no outlet field),
so the outlet is the URL's host. As an *identity* (independent sources, situation
origins) a document without a URL is its own outlet; as a *name* shown to readers it is
``(no outlet)``, never the document id, and never the title (a headline, not an outlet).
"""

from __future__ import annotations

from urllib.parse import urlsplit

#: What is shown for a document whose outlet is not known.
NO_OUTLET = "(no outlet)"


def _host(url: str | None) -> str | None:
    if url:
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            parts = None
        if parts is not None and parts.scheme in ("http", "https") and parts.hostname:
            host = parts.hostname.lower()
            return host[4:] if host.startswith("www.") else host
    return None


def outlet(url: str | None, doc_id: str) -> str:
    """The outlet of a document as an identity: its URL's host (without ``www.``), else
    the document (two reports without a URL are two outlets)."""
    return _host(url) or doc_id


def outlet_name(url: str | None) -> str:
    """The outlet of a document as shown: its URL's host, else ``(no outlet)`` (a record
    names no outlet but by its URL; a title is a headline, not an outlet)."""
    return _host(url) or NO_OUTLET
