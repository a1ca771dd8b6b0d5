"""Hook: required information (EDITING.md, "Required information"). Every topic the preset requires must be a
marked section of the page extra.policy.topics names; some sections end with a box filled in from the settings.

The logic is in sitekit.topics; the boxes' markup is in overrides/partials/topics/*.html, rendered through the
theme's Jinja environment (each box once a build) and put at the end of its section in the page's Markdown.
What each page marks is kept in the build's cache by the page's digest; the check across pages runs once, when
every page has been read (before the site hook stops the build on errors). `make check` runs the same build.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from sitekit import cache, state, strings, theme, topics

_TEMPLATES = "partials/topics/"


def _render(site, config, key: str) -> str:
    boxes = site.values.setdefault("topic_boxes", {})
    if key not in boxes:
        env = site.values.get("topic_env")
        if env is None:
            env = site.values["topic_env"] = config.theme.get_env()
            env.bytecode_cache = theme.template_cache(site.project_dir, site.cache.salt)
            if "strings" in site.values:
                strings.install(env, site.values["strings"])
        extra = site.extra
        preset = extra["policy"]["preset"]
        boxes[key] = env.get_template(_TEMPLATES + topics.template_of(key)).render(
            clinic=extra["clinic"], practitioners=extra["practitioners"], preset=preset,
            emergency=topics.emergency(preset, extra["clinic"]))
    return boxes[key]


@event_priority(-50)  # after the policy hook took the allow comments out and the FAQ hook anchored its questions
def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    record = site.page(page).record
    found, keys = site.cache.get("topics", cache.digest(record.digest, record.path),
                                 lambda: (topics.page_topics(record), topics.boxes_for(record)))
    site.values.setdefault("topic_pages", {})[record.src_uri] = found
    if not keys:
        return markdown
    return topics.insert_boxes(markdown, {key: _render(site, config, key) for key in keys})


@event_priority(0)  # every page has been read; the site hook (-100) stops the build after this
def on_env(env, config, files):
    site = state.of(config)
    pages = list(site.values.get("topic_pages", {}).values())
    site.report(topics.check(pages, site.extra["topics"], topics.REQUIRED[site.extra["policy"]["preset"]]))
    return env
