"""Hook: the claims policy and the raw-HTML ban, checked on every page while the site is built.

Settings: ``extra.policy`` in mkdocs.yml (validated with the other settings by hooks/site.py). The logic is
in sitekit.policy and sitekit.rawhtml; `make check` runs the same build. Allow comments
(``<!-- policy: allow RULE — reason -->``) are removed from the page before anything else reads its Markdown,
so they never reach the published HTML or a heading's anchor.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from sitekit import cache, policy, rawhtml, state


def on_config(config):
    settings = state.of(config).extra["policy"]
    state.of(config).values["rules"] = policy.rules_for(settings["preset"], settings["extra_rules"], settings["disable"])
    return config


def _check(record, rules):
    return policy.check_page(record, rules) + rawhtml.check_page(record)


@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    record, rules = site.page(page).record, site.values["rules"]
    key = cache.digest(record.digest, record.path, record.language, site.extra["policy"])  # Arabic pages: Arabic forms
    site.report(site.cache.get("policy", key, lambda: _check(record, rules)))
    return record.without_policy_comments(markdown)
