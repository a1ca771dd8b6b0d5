"""A local, Formspree-compatible form receiver for previews and tests.

It listens on loopback only and records every accepted booking request as one
JSON line in a file (default: ``.dev-submissions/submissions.jsonl``), so staff
can try the booking form without an account anywhere.

The contract (what the booking form relies on, and what Formspree does):

* ``POST`` form-encoded fields to any path.
* With ``Accept: application/json`` the answer is ``{"ok": true}`` (200), or
  ``{"errors": [{"field": ..., "message": ...}]}`` with 400, or another error status.
* Without it (a plain HTML form, no JavaScript) the answer is a 303 redirect to
  the ``_next`` field (the site's thank-you page).
* A filled ``_gotcha`` field (the honeypot) is answered as a success and never recorded.
* Requests carrying a ``submission_id`` already recorded are answered as a success and
  not recorded again, so retries and double clicks never create a second record.

Tests can make it misbehave on purpose (see :class:`Faults`): answer 500, 429 or 400,
hang past the form's timeout (after recording, like a slow back-end), or reset the connection,
one fault per request from a queue or at random. (Chrome re-sends a POST by itself, once, when a
reused keep-alive connection is reset, so a "reset" may reach the receiver twice with one id.)
Every form POST is logged in ``Receiver.posts`` as ``(submission_id, fault)``.

Run: ``python tools/dev_receiver.py [--port 8025] [--out FILE]``.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import struct
import threading
import time
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

DEFAULT_PORT = 8025
DEFAULT_OUT = Path(".dev-submissions/submissions.jsonl")
MAX_BODY = 64 * 1024
FAULTS = ("500", "429", "400", "hang", "hang-after-record", "reset")


def validate(fields: dict[str, str]) -> list[dict[str, str]]:
    """The same rules as the form: a name, a way to reach the person, consent, 18 or over."""
    errors = []
    if not fields.get("name", "").strip():
        errors.append({"field": "name", "message": "Enter your name."})
    if not fields.get("email", "").strip() and not fields.get("phone", "").strip():
        errors.append({"field": "phone", "message": "Enter a phone number or an email address."})
    if fields.get("consent") != "yes":
        errors.append({"field": "consent", "message": "Consent to be contacted is required."})
    if fields.get("adult") != "yes":
        errors.append({"field": "adult", "message": "Confirm you are 18 or over."})
    return errors


@dataclass
class Faults:
    """Faults to inject: a queue, one per request, then normal service; or, once :meth:`randomize` is
    called, a fault drawn at random for each request that the queue does not decide."""

    queue: list[str] = field(default_factory=list)
    hang_seconds: float = 30.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    rng: "random.Random | None" = None
    probability: float = 0.0
    modes: tuple[str, ...] = FAULTS

    def randomize(self, rng: "random.Random | None", probability: float = 0.3, modes: tuple[str, ...] = FAULTS) -> None:
        """Draw a fault from ``modes`` with ``probability`` for each request (``rng=None`` stops it)."""
        for fault in modes:
            if fault not in FAULTS:
                raise ValueError(f"unknown fault {fault!r}; use one of {', '.join(FAULTS)}")
        with self.lock:
            self.rng, self.probability, self.modes = rng, probability, tuple(modes)

    def push(self, *faults: str) -> None:
        for fault in faults:
            if fault not in FAULTS:
                raise ValueError(f"unknown fault {fault!r}; use one of {', '.join(FAULTS)}")
        with self.lock:
            self.queue.extend(faults)

    def next(self) -> str | None:
        with self.lock:
            if self.queue:
                return self.queue.pop(0)
            if self.rng is not None and self.rng.random() < self.probability:
                return self.rng.choice(self.modes)
            return None


class Store:
    """Accepted submissions, deduplicated on ``submission_id``, appended to a JSON Lines file."""

    def __init__(self, path: Path):
        self.path = path
        self.lock = threading.Lock()
        self.ids: set[str] = set()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    self.ids.add(json.loads(line)["submission_id"])
                except (ValueError, KeyError):
                    continue

    def record(self, fields: dict[str, str | list[str]]) -> bool:
        """Record unless already recorded; True if this call recorded it."""
        sid = str(fields.get("submission_id") or uuid.uuid4())
        with self.lock:
            if sid in self.ids:
                return False
            self.ids.add(sid)
            entry = {"received": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **fields, "submission_id": sid}
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            return True

    def records(self) -> list[dict]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _flatten(parsed: dict[str, list[str]]) -> dict[str, str | list[str]]:
    return {key: values[0] if len(values) == 1 else values for key, values in parsed.items()}


class Handler(BaseHTTPRequestHandler):
    server: "Receiver"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        if self.server.verbose:
            super().log_message(format, *args)

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
        self.send_header("Vary", "Origin")
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: dict) -> None:
        self._send(status, json.dumps(data).encode(), "application/json")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def do_GET(self) -> None:  # noqa: N802
        if urlsplit(self.path).path == "/__records":
            self._json(200, {"records": self.server.store.records()})
            return
        self._send(200, b"Development form receiver: POST booking requests here.\n", "text/plain; charset=utf-8")

    def _reset(self) -> None:
        # Close with RST instead of FIN: the browser sees a network error.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def do_POST(self) -> None:  # noqa: N802
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._json(413, {"errors": [{"message": "The request is too large."}]})
            return
        raw = self.rfile.read(length).decode("utf-8", "replace")
        if path == "/__faults":
            try:
                self.server.faults.push(*json.loads(raw or "[]"))
            except (ValueError, TypeError) as exc:
                self._json(400, {"errors": [{"message": str(exc)}]})
                return
            self._json(200, {"ok": True})
            return
        fields = _flatten(parse_qs(raw, keep_blank_values=True))
        wants_json = "application/json" in (self.headers.get("Accept") or "")
        fault = self.server.faults.next()
        self.server.log_post(str(fields.get("submission_id") or ""), fault)
        if fault == "reset":
            self._reset()
            return
        if fault == "hang":
            time.sleep(self.server.faults.hang_seconds)
            self._reset()
            return
        if fault in ("500", "429"):
            self._json(int(fault), {"errors": [{"message": "Injected failure."}]})
            return
        if fault == "400":
            self._json(400, {"errors": [{"field": "email", "message": "This email address was rejected."}]})
            return
        errors = validate({k: v for k, v in fields.items() if isinstance(v, str)})
        if errors:
            if wants_json:
                self._json(400, {"errors": errors})
            else:
                text = "\n".join(e["message"] for e in errors)
                self._send(400, f"Your request was not sent:\n{text}\nGo back and try again.\n".encode(),
                           "text/plain; charset=utf-8")
            return
        if not fields.get("_gotcha"):
            self.server.store.record({k: v for k, v in fields.items() if not k.startswith("_")})
        if fault == "hang-after-record":
            time.sleep(self.server.faults.hang_seconds)
            self._reset()
            return
        if wants_json:
            self._json(200, {"ok": True})
            return
        target = str(fields.get("_next") or "")
        if urlsplit(target).scheme in ("http", "https"):
            self._send(303, b"", "text/plain", {"Location": target})
        else:
            self._send(200, b"Thank you: your request has been received.\n", "text/plain; charset=utf-8")


class Receiver(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = DEFAULT_PORT, out: Path = DEFAULT_OUT, verbose: bool = False):
        super().__init__(("127.0.0.1", port), Handler)
        self.store = Store(Path(out))
        self.faults = Faults()
        self.verbose = verbose
        self.posts: list[tuple[str, str | None]] = []  # (submission_id, injected fault) of every form POST
        self._posts_lock = threading.Lock()

    def log_post(self, submission_id: str, fault: str | None) -> None:
        with self._posts_lock:
            self.posts.append((submission_id, fault))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/f/dev"

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    server = Receiver(args.port, args.out, verbose=True)
    print(f"Development form receiver on {server.url}; requests are saved to {args.out}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
