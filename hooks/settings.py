"""Hook: validate the clinic's settings (extra.clinic, extra.reviewers, extra.booking) once at start-up."""
from __future__ import annotations

import os

from sitekit import settings as clinic_settings
from sitekit.report import fail_now

_command = {"name": None}

#: Set to 1 to build with the local development receiver (tests and `make check` only).
ALLOW_DEV_RECEIVER = "ALLOW_DEV_RECEIVER"


def on_startup(command, dirty):
    _command["name"] = command


def on_config(config):
    settings = clinic_settings.Settings.for_config_file(config.config_file_path)
    validated = clinic_settings.validate(dict(config.extra), settings)
    publishing = clinic_settings.is_publishing(_command["name"], config.site_url,
                                               allowed=os.environ.get(ALLOW_DEV_RECEIVER) == "1")
    if publishing and "booking" in validated:
        clinic_settings.refuse_dev_endpoint(validated["booking"], settings)
    fail_now(settings.problems, "mkdocs.yml", "settings")
    config.extra.update(validated)
    return config
