"""The dashboard's guard: one ASGI middleware in front of every request.

- **Host check** (DNS rebinding): the ``Host`` header must name an allowed host —
  loopback names (``127.0.0.1``, ``localhost``, ``::1``) unless ``sitroom serve --host``
  opts in to more; else 421.
- **Cross-origin writes** (CSRF): a ``POST``/``PUT``/``PATCH``/``DELETE`` whose
  ``Origin`` (or, without one, ``Referer``) names another host, or that a browser marks
  ``Sec-Fetch-Site: cross-site``, is refused with 403. Clients that send none of these
  (curl, scripts) are not browsers acting for a web page, and pass.
- **Sizes**: an upload whose ``Content-Length`` is over the limit is refused (413)
  before it is read; an API answer over ``max_response_bytes`` is replaced by a 422
  asking for a narrower query.
- **Security headers** on every response, errors included; an exception that escapes
  a handler becomes a 500 JSON answer with the same headers (and no traceback).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("sitroom.web")

#: Host names that always reach the server (it binds to loopback by default).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
#: Headers sent with every response.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy",
     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
     "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
)
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def host_name(value: str) -> str:
    """The host name of a ``Host`` header or URL authority, lower case, without the port
    or IPv6 brackets ("[::1]:8000" → "::1")."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """The middleware (see the module docstring).

    Args:
        app: the application it guards.
        allowed_hosts: host names besides loopback; ``"*"`` allows any ``Host``.
        upload_paths: paths whose ``POST`` body is limited to ``max_request_bytes``.
        max_request_bytes: the largest upload request.
        max_response_bytes: the largest ``/api/`` answer.
    """

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str] = (),
                 upload_paths: Iterable[str] = (), max_request_bytes: int = 1 << 20,
                 max_response_bytes: int = 16 << 20) -> None:
        self.app = app
        extra = {host_name(h) for h in allowed_hosts}
        self.any_host = "*" in extra
        self.hosts = LOOPBACK_HOSTS | (extra - {"*"})
        self.upload_paths = frozenset(upload_paths)
        self.max_request_bytes = max_request_bytes
        self.max_response_bytes = max_response_bytes

    def allowed(self, host: str) -> bool:
        """Whether a host name may reach the server."""
        return self.any_host or host_name(host) in self.hosts

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """Why a request is refused (status, reason), or None."""
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if not host or not self.allowed(host):
            return 421, f"unknown host {host!r}: this server answers to its own names only"
        if scope.get("method", "GET").upper() in _WRITES:
            origin = headers.get("origin") or headers.get("referer")
            if origin is not None:
                parts = urlsplit(origin)
                if origin == "null" or not parts.netloc:
                    return 403, "cross-origin request refused (opaque origin)"
                if parts.netloc.lower() != host.strip().lower():
                    return 403, f"cross-origin request refused (origin {origin})"
            elif headers.get("sec-fetch-site", "") == "cross-site":
                return 403, "cross-origin request refused"
            length = headers.get("content-length", "")
            if (scope.get("path") in self.upload_paths and length.isdigit()
                    and int(length) > self.max_request_bytes):
                return 413, f"upload too large: over {self.max_request_bytes} bytes"
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self.refusal(scope)
        if refused is not None:
            await _send_json(send, refused[0], {"detail": refused[1]})
            return
        started = False
        limit = self.max_response_bytes if str(scope.get("path", "")).startswith("/api/") \
            else None
        swallow = False

        async def guarded_send(message: Message) -> None:
            nonlocal started, swallow
            if swallow:
                return
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in dict(SECURITY_HEADERS)]
                length = dict(headers).get(b"content-length", b"")
                if limit is not None and length.isdigit() and int(length) > limit:
                    swallow = True
                    started = True
                    await _send_json(send, 422, {"detail": (
                        f"the answer is over {limit} bytes: narrow the query "
                        "(dates, filters, limit)")})
                    return
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
                message["headers"] = headers
                started = True
            await send(message)

        try:
            await self.app(scope, receive, guarded_send)
        except Exception:
            log.exception("request %s %s failed", scope.get("method"), scope.get("path"))
            if started:
                raise
            await _send_json(send, 500, {"detail": "internal error (logged by the server)"})


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(data)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
