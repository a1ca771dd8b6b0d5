"""Hook: the claims policy and the raw-HTML ban, checked on every page while the site is built.

Settings: ``extra.policy`` in mkdocs.yml (validated here). The logic is in
sitekit.policy and sitekit.rawhtml; `make check` runs the same functions.
Allow comments (``<!-- policy: allow RULE — reason -->``) are removed from the
page before it is rendered, so they never reach the published HTML.
"""
from __future__ import annotations

import os

from sitekit import policy, rawhtml
from sitekit import settings as site_settings
from sitekit.problems import display_path
from sitekit.report import Reporter, fail_now

_reporter = Reporter("policy", "the content policy")
_rules: list[policy.Rule] = []


def on_config(config):
    settings = site_settings.Settings.for_config_file(config.config_file_path)
    validated = site_settings.validate_policy(dict(config.extra), settings, policy.ALL_RULE_IDS)
    fail_now(settings.problems, "mkdocs.yml", "policy")
    config.extra["policy"] = validated
    _rules[:] = policy.rules_for(validated["preset"], validated["extra_rules"], validated["disable"])
    return config


def on_pre_build(config):
    _reporter.reset()


def on_page_markdown(markdown, page, config, files):
    path = display_path(page.file.abs_src_path, os.path.dirname(config.config_file_path))
    source = page.file.content_string
    _reporter.report(policy.check(source, path, _rules) + rawhtml.check(source, path))
    return policy.strip_allow_comments(markdown)


def on_env(env, config, files):
    _reporter.stop_if_errors()
    return env
