"""Serve a built site on loopback the way GitHub Pages does: static files, gzip when asked, 404.html."""
from __future__ import annotations

import gzip
import mimetypes
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):  # serve files gzip-compressed when the client accepts it, as GitHub Pages does
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # redirect to the slash URL
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
            if not path.is_file():
                self.send_error(404)
                return None
        body = path.read_bytes()
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype == "application/javascript":
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if "gzip" in (self.headers.get("Accept-Encoding") or "") and ctype.startswith(COMPRESSIBLE):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


class StaticServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, directory: Path, port: int = 0):
        super().__init__(("127.0.0.1", port), partial(Handler, directory=str(directory)))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread


if __name__ == "__main__":
    import sys

    server = StaticServer(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), int(sys.argv[2]) if len(sys.argv) > 2 else 8001)
    print(f"Serving on {server.url}")
    server.serve_forever()
