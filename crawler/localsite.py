"""Serve a folder over HTTP on a free loopback port, for the demo (and the tests' fixture sites)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files with Last-Modified / If-Modified-Since (so re-crawls get 304s), no access log."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_directory(
    root: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler, preferred_port: int = 0
) -> Iterator[str]:
    """Serve root on 127.0.0.1 in a background thread; yields the base URL ("http://127.0.0.1:PORT/").

    preferred_port is used when it is free, any free port otherwise.
    """
    with serve_on_loopback(functools.partial(handler, directory=str(root)), preferred_port) as url:
        yield url


@contextmanager
def serve_on_loopback(handler: Callable[..., BaseHTTPRequestHandler], preferred_port: int = 0) -> Iterator[str]:
    """Any request handler on 127.0.0.1 in a background thread; yields the base URL."""
    try:
        server = ThreadingHTTPServer(("127.0.0.1", preferred_port), handler)
    except OSError:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="local-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
