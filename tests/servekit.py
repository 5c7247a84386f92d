"""Helpers for the web service's end-to-end tests: the real `content-audit serve` in a subprocess
on a free loopback port, a service file for it, and a loopback server that redirects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import httpx
import jsonschema

from crawler.localsite import serve_on_loopback

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 30


@dataclass
class RunningService:
    url: str
    process: subprocess.Popen
    access_log: Path

    def post_audit(self, url: str, **kwargs) -> httpx.Response:
        return httpx.post(f"{self.url}api/audits", json={"url": url}, timeout=30, **kwargs)

    def get(self, path: str, **kwargs) -> httpx.Response:
        return httpx.get(f"{self.url}{path.lstrip('/')}", timeout=30, **kwargs)

    def access_entries(self) -> list[dict]:
        return [json.loads(line) for line in self.access_log.read_text(encoding="utf-8").splitlines() if line]


def validator_for(document: dict, schema_name: str) -> jsonschema.Draft202012Validator:
    """Validates against one of an OpenAPI 3.1 document's schemas, resolving its #/components refs."""
    return jsonschema.Draft202012Validator({**document, "$ref": f"#/components/schemas/{schema_name}"})


def write_service_file(path: Path, **service: object) -> Path:
    path.write_text(json.dumps({"service": service}), encoding="utf-8")
    return path


@contextmanager
def running_service(tmp: Path, service: dict, env: dict | None = None, args: tuple[str, ...] = ()) -> Iterator[RunningService]:
    """`content-audit serve` on a free port, stopped with SIGTERM (and checked to exit 0) afterwards."""
    tmp.mkdir(parents=True, exist_ok=True)
    config = write_service_file(tmp / "service.yaml", **service)
    access_log = tmp / "access.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--port", "0", "--config", str(config),
         "--access-log", str(access_log), "--data-dir", str(tmp / "data"), *args],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        yield RunningService(_wait_for_url(process), process, access_log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0, process.stderr.read()


def _wait_for_url(process: subprocess.Popen) -> str:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("Serving on "):
            return line.split()[2]
        if not line and process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}: {process.stderr.read()}")
    raise AssertionError("serve did not start in time")


@contextmanager
def redirecting_server(location: str) -> Iterator[str]:
    """A loopback server answering every GET with a 302 to location; yields its base URL."""

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    with serve_on_loopback(Redirect) as url:
        yield url
