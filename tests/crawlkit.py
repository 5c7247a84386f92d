"""Helpers for crawler tests: a real HTTP server on 127.0.0.1 serving a fixture site (with
routes that misbehave on purpose), a sites file for it, and the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from crawler.localsite import QuietHandler, serve_directory

SEED_SITE = Path(__file__).parent / "fixtures" / "seed-site"
REPO = Path(__file__).parent.parent
SLOW_SECONDS = 3.0
# Longer than any time limit a test sets, whatever the machine's start-up time.
HANG_SECONDS = 60.0


def _server_error(handler: SimpleHTTPRequestHandler) -> None:
    handler.send_error(500, "Internal Server Error")


def _slow(handler: SimpleHTTPRequestHandler) -> None:
    time.sleep(SLOW_SECONDS)
    _send(handler, 200, "text/html", b"<html><body><p>Too late.</p></body></html>")


def _hang(handler: SimpleHTTPRequestHandler) -> None:
    time.sleep(HANG_SECONDS)
    _send(handler, 200, "text/html", b"<html><body><p>Far too late.</p></body></html>")


def _oversized(handler: SimpleHTTPRequestHandler) -> None:
    _send(handler, 200, "text/html", b"<html><body>" + b"<p>padding</p>" * 200_000 + b"</body></html>")


def _pdf(handler: SimpleHTTPRequestHandler) -> None:
    _send(handler, 200, "application/pdf", b"%PDF-1.4 not a page")


def _redirect_loop(handler: SimpleHTTPRequestHandler) -> None:
    handler.send_response(302)
    handler.send_header("Location", "/trouble/loop")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def _misdeclared_encoding(handler: SimpleHTTPRequestHandler) -> None:
    # cp1252 bytes served as UTF-8: the page must still be read, not refused.
    html = "<html><head><title>Fees</title></head><body><p>The CCMA exam fee is $160 \u2014 caf\u00e9 prices.</p></body></html>"
    _send(handler, 200, "text/html; charset=utf-8", html.encode("cp1252"))


TROUBLE_ROUTES = {
    "/trouble/500": _server_error,
    "/trouble/slow": _slow,
    "/trouble/hang": _hang,
    "/trouble/big": _oversized,
    "/trouble/report": _pdf,
    "/trouble/loop": _redirect_loop,
    "/trouble/encoding": _misdeclared_encoding,
}


def _send(handler: SimpleHTTPRequestHandler, status: int, content_type: str, body: bytes) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the crawler gave up (timeout) or was killed: that is what the route is for


@dataclass
class LoopbackSite:
    root: Path
    url: str = ""
    requests: list[tuple[str, int]] = field(default_factory=list)
    arrivals: list[str] = field(default_factory=list)

    def statuses(self, path: str) -> list[int]:
        """Statuses answered to path, in order (each logged when its answer starts)."""
        return [status for requested, status in self.requests if requested == path]

    def requested(self, path: str) -> bool:
        """True as soon as the request arrives, before any (slow) answer."""
        return path in self.arrivals

    def change(self, relative: str, old: str, new: str) -> None:
        """Edit a page and move its mtime on, so Last-Modified validation sees the change."""
        page = self.root / relative
        page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        later = time.time() + 10
        os.utime(page, (later, later))


def _handler(site: LoopbackSite) -> type[QuietHandler]:
    class Handler(QuietHandler):
        def do_GET(self) -> None:
            site.arrivals.append(self.path)
            route = TROUBLE_ROUTES.get(self.path)
            if route is None:
                super().do_GET()
            else:
                route(self)

        def log_request(self, code="-", size="-") -> None:
            site.requests.append((self.path, int(getattr(code, "value", code))))

    return Handler


@contextmanager
def serve(root: Path) -> Iterator[LoopbackSite]:
    """The folder on a loopback port, plus the TROUBLE_ROUTES, logging every request."""
    site = LoopbackSite(root)
    with serve_directory(root, _handler(site)) as url:
        site.url = url
        yield site


def copy_seed_site(destination: Path) -> Path:
    shutil.copytree(SEED_SITE, destination)
    return destination


def write_sites(path: Path, sites: list[dict]) -> Path:
    """A sites file (JSON is YAML) with test-friendly politeness: no delays, no AutoThrottle."""
    quick = {"politeness": {"delay": 0, "autothrottle": False, "concurrency": 8}}
    path.write_text(json.dumps({"sites": [{**quick, **site} for site in sites]}, indent=2), encoding="utf-8")
    return path


def run_cli(*args: str, data_dir: Path, timeout: float = 60, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crawler", *args],
        cwd=REPO, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "CONTENT_AUDIT_DATA": str(data_dir), **(env or {})},
    )


def start_cli(*args: str, data_dir: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", *args],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "CONTENT_AUDIT_DATA": str(data_dir), **(env or {})},
    )


def report_of(stdout: str) -> dict:
    """The JSON report beside the HTML one the command printed."""
    [line] = [line for line in stdout.splitlines() if line.startswith("Report: ")]
    html = Path(line.removeprefix("Report: "))
    assert html.suffix == ".html" and html.is_file()
    return json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
