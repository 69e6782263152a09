"""What keeps the local server local: a Host allow-list, security headers, the token.

A page on another site can make the user's browser send requests to 127.0.0.1 under a
name it controls (DNS rebinding); answering only to the names we serve under (Host
header) stops it reading the store. The headers forbid framing, sniffing, referrers
and any script or style not served by the package.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
MIN_TOKEN_CHARS = 16

# The page and the API: only what the package serves; nothing inline.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The API docs: Swagger UI sets style attributes as it renders, nothing else is relaxed.
DOCS_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
DOCS_PATHS = ("/docs",)

HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def host_name(header: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    value = header.strip().casefold()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end != -1 else ""
    if value.count(":") > 1:  # a bare IPv6 address, no port
        return value
    name, sep, port = value.rpartition(":")
    return name if sep and port.isdigit() else value


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    names = {host_name(h) for h in (*LOCAL_HOSTS, *extra) if h.strip()}
    return frozenset(names - {""})


async def _refuse(send: Send, status: int, text: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(text)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": text})


class HostGuard:
    """400 for a request whose Host header is not one of ``hosts``."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if host_name(header) not in self.hosts:
                await _refuse(send, 400, b"unknown Host: marsad answers to its own names only")
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope.get("path", "") in DOCS_PATHS
        policy = (DOCS_POLICY if docs else PAGE_POLICY).encode()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() not in _OURS]
                message["headers"] = [*headers, (b"content-security-policy", policy), *HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


_OURS = frozenset({b"content-security-policy", *(name for name, _ in HEADERS)})


def token_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of the given token with the expected one, as bytes, so
    a header holding any character is a wrong token, never an error."""
    if not expected or not given:
        return False
    return secrets.compare_digest(
        given.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape")
    )


def token_problem(token: str) -> str | None:
    """Why a token given at start-up is refused, or None."""
    if len(token) < MIN_TOKEN_CHARS:
        return f"the upload token must be at least {MIN_TOKEN_CHARS} characters"
    if not token.isprintable() or token != token.strip():
        return "the upload token must be printable, without surrounding spaces"
    return None
