"""Hook: validate FAQ pages, give each question a stable anchor and add FAQPage JSON-LD; outside English, headings'
anchors keep their own letters (sitekit.faq.toc_settings)."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from sitekit import faq, state


def on_config(config):
    # Outside English, headings' anchors keep their own letters (MkDocs' default would make Arabic ones "_1").
    language = str(config.theme.get("language") or "en")
    if "toc" in config.markdown_extensions:
        config.mdx_configs["toc"] = faq.toc_settings(config.mdx_configs, language)
    return config


def on_page_markdown(markdown, page, config, files):
    # Runs after the policy hook (priority 50) has taken the allow comments out of the Markdown.
    site = state.of(config)
    record = site.page(page).record
    if not record.is_faq:
        return markdown
    items, problems = record.faq
    site.report(problems)  # front matter mistakes are reported (once) by the front matter hook
    return faq.add_anchors(markdown, items)


@event_priority(0)
def on_page_content(html, page, config, files):
    data = state.of(config).page(page)
    items = data.record.faq[0] if data.record.is_faq else []
    if items:
        block = faq.faq_jsonld(items, faq.answers_from_html(html, items), page.canonical_url or page.abs_url or page.url)
        data.faq_id = block["@id"]
        page.meta.setdefault("jsonld", []).append(block)
    return html
