"""`mkdocs build` in this process: the command's own steps (load_config, on_startup, build, on_shutdown), with
MkDocs' warnings and errors kept as the command prints them. Used by `make check` and by the build tests."""
from __future__ import annotations

import contextlib
import logging
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Result:
    config: Any  # the MkDocs config (None when it could not be loaded)
    lines: list[str] = field(default_factory=list)  # "WARNING -  …" / "ERROR   -  …", as `mkdocs build -q` prints
    error: BaseException | None = None  # what stopped the build, if anything

    @property
    def output(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def _set(values: dict[str, str | None]) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@contextlib.contextmanager
def environment(values: dict[str, str | None]):
    """``os.environ`` with ``values`` set (None: unset) for the duration."""
    saved = {key: os.environ.get(key) for key in values}
    _set(values)
    try:
        yield
    finally:
        _set(saved)


class _Lines(logging.Handler):
    def __init__(self, lines: list[str], skip: tuple[str, ...]):
        super().__init__(logging.WARNING)
        self.lines, self.skip = lines, skip

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(self.skip):
            self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


@contextlib.contextmanager
def mkdocs_log(lines: list[str], skip: tuple[str, ...] = ()):
    """MkDocs' warnings and errors (less those of loggers starting with ``skip``) into ``lines``, not stderr."""
    logger = logging.getLogger("mkdocs")
    saved = logger.handlers[:], logger.propagate, logger.level
    logger.handlers[:], logger.propagate = [_Lines(lines, skip)], False
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.handlers[:], logger.propagate = saved[0], saved[1]
        logger.setLevel(saved[2])


def build(config_file: Path, site_dir: Path | str, *, strict: bool = True, env: dict | None = None,
          skip_loggers: tuple[str, ...] = ()) -> Result:
    """Build like ``mkdocs build -q [--strict] -d SITE_DIR`` from the folder of ``config_file``."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    result = Result(None)
    with environment({"NO_MKDOCS_2_WARNING": "1", **(env or {})}), mkdocs_log(result.lines, skip_loggers), \
            contextlib.chdir(Path(config_file).parent):
        try:
            result.config = load_config(config_file=str(config_file), strict=strict, site_dir=str(site_dir))
            result.config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(result.config)
            finally:
                result.config.plugins.on_shutdown()
        except (Exception, SystemExit) as error:  # MkDocs' own errors as it prints them; anything else in full
            result.error = error
            result.lines.append(str(error) if isinstance(error, MkDocsException) else traceback.format_exc())
    return result
