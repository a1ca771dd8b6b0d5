"""Per-page results kept between builds, keyed by what they depend on.

A result is stored under ``(kind, key)`` where ``key`` is a digest of everything the result depends on: the
page's source (its SHA-256) and the settings or other inputs the check reads. The file also records a digest
of the site's own code (``hooks/`` and the versions of MkDocs and Material), so changing a check empties it.
A build reads the file once at start and writes it once at the end with only the entries this build used,
so it never grows beyond one site's worth. A missing, unreadable or foreign file is an empty cache: the
results are simply worked out again (a first build, or CI, is a "cold" build).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable

FILE = "pages.pickle"
_FORMAT = 1


def digest(*parts: Any) -> str:
    """A short, stable digest of ``parts`` (their ``repr``)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


def code_digest(folders: list[Path], extra: tuple = ()) -> str:
    """Digest of every ``*.py`` file under ``folders`` (sorted by path) and ``extra`` (e.g. package versions)."""
    h = hashlib.sha256(repr((_FORMAT, extra)).encode("utf-8"))
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.py")):
            h.update(path.as_posix().encode("utf-8"))
            h.update(path.read_bytes())
    return h.hexdigest()[:32]


class Cache:
    """Results by ``(kind, key)``; ``folder=None`` keeps nothing between builds."""

    def __init__(self, folder: Path | None, salt: str):
        self.path = Path(folder) / FILE if folder else None
        self.salt = salt
        self.old: dict = {}
        self.new: dict = {}
        self.hits = self.misses = 0
        if self.path and self.path.is_file():
            try:
                with open(self.path, "rb") as handle:
                    stored = pickle.load(handle)
                if isinstance(stored, dict) and stored.get("salt") == salt:
                    self.old = stored.get("entries") or {}
            except Exception:  # an unreadable cache is an empty one
                self.old = {}

    def get(self, kind: str, key: str, compute: Callable[[], Any]) -> Any:
        """The stored result, or ``compute()`` (then stored)."""
        entry = (kind, key)
        if entry in self.new:
            self.hits += 1
            return self.new[entry]
        if entry in self.old:
            self.hits += 1
            value = self.old[entry]
        else:
            self.misses += 1
            value = compute()
        self.new[entry] = value
        return value

    def save(self) -> None:
        """Write this build's entries (atomically; a failure to write only costs the next build time)."""
        if self.path is None or (not self.misses and len(self.new) == len(self.old)):
            return  # every entry came from the file and every one was used: it is already up to date
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".pages-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"salt": self.salt, "entries": self.new}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
        except OSError:
            pass
