"""A web server on 127.0.0.1 for the tests of web addresses (no internet in tests): each
path answers as its route says, in a thread of the test's own."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What a path answers: ``status``, ``headers`` and ``body``; ``delay`` seconds of
    silence first; ``stream`` sends ``body`` again and again (no length) until the client
    stops reading, counting what was sent in ``sent``."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream: bool = False
    sent: int = 0


class Server:
    def __init__(self, routes: dict[str, Route | Callable[[str], Route]]) -> None:
        self.routes = routes
        self.requests: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


def _handler(server: Server):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            server.requests.append(self.path)
            route = server.routes.get(self.path.split("?")[0])
            if callable(route):
                route = route(self.path)
            if route is None:
                route = Route(b"<html><body>Not here</body></html>", status=404)
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.stream:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    while route.sent < 1 << 31:
                        self.wfile.write(route.body)
                        route.sent += len(route.body)
                    return
                if "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: as it should at a limit

    return Handler


@contextmanager
def serve(routes: dict[str, Route | Callable[[str], Route]]) -> Iterator[Server]:
    """A server on 127.0.0.1 (a free port) answering ``routes`` until the block ends."""
    server = Server(routes)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    server._server = httpd
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def redirect(location: str, status: int = 302) -> Route:
    return Route(b"", status=status, headers={"Location": location})
