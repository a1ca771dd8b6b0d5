"""Hook: validate the clinic's settings (extra.clinic, extra.reviewers, extra.booking) once at start-up."""
from __future__ import annotations

import logging
import os

from sitekit import settings as clinic_settings
from sitekit.report import fail_now

_command = {"name": None}

#: Set to 1 to build the form with the local development receiver (tests and `make check` only).
ALLOW_DEV_RECEIVER = "ALLOW_DEV_RECEIVER"


def on_startup(command, dirty):
    _command["name"] = command


def on_config(config):
    settings = clinic_settings.Settings.for_config_file(config.config_file_path)
    validated = clinic_settings.validate(dict(config.extra), settings)
    fail_now(settings.problems, "mkdocs.yml", "settings")
    publishing = _command["name"] != "serve" and os.environ.get(ALLOW_DEV_RECEIVER) != "1"
    if publishing and "booking" in validated:
        validated["booking"], note = clinic_settings.publishable_booking(validated["booking"], settings)
        if note:
            # Information, not a warning: the published site is complete and loses nothing (see README).
            logging.getLogger("mkdocs.hooks.settings").info(note)
    config.extra.update(validated)
    return config
