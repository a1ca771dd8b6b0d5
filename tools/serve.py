"""Preview the site: the local form receiver plus `mkdocs serve`, both on loopback.

Booking requests sent from the preview are saved to .dev-submissions/submissions.jsonl.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from dev_receiver import DEFAULT_OUT, DEFAULT_PORT, Receiver  # noqa: E402


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    receiver = Receiver(DEFAULT_PORT, ROOT / DEFAULT_OUT)
    receiver.start_in_thread()
    print(f"Form receiver: {receiver.url} -> {DEFAULT_OUT}", flush=True)
    print(f"Preview: http://127.0.0.1:{port}/  (Ctrl+C to stop)", flush=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    try:
        return subprocess.call(command, cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        receiver.shutdown()


if __name__ == "__main__":
    raise SystemExit(main())
