"""EDITING.md explains every message the checks can print and every policy rule (collected from the code)."""
import re

import pytest

from conftest import ROOT
from message_templates import collect
from sitekit import policy

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")
TEMPLATES = collect()


def test_messages_are_collected_from_every_check():
    checks = {where.split(":")[0] for places in TEMPLATES.values() for where in places}
    assert {"hooks/sitekit/frontmatter.py", "hooks/sitekit/faq.py", "hooks/sitekit/policy.py",
            "hooks/sitekit/rawhtml.py", "hooks/sitekit/readability.py", "hooks/sitekit/settings.py",
            "tools/check.py"} <= checks
    assert 'unknown front matter key "…"' in TEMPLATES and '… breaks the "…" rule: …' in TEMPLATES


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_message_is_in_the_editors_guide(template):
    assert f"`{template}`" in GUIDE, (
        f"{template!r} (from {', '.join(TEMPLATES[template])}) is not explained in EDITING.md: add it, in "
        "backticks, to \"Every message the checks print\" with what it means and an example fix")


@pytest.mark.parametrize("rule", policy.ALL_RULE_IDS)
def test_every_policy_rule_is_in_the_editors_guide(rule):
    assert re.search(rf"^\| `{re.escape(rule)}` \|", GUIDE, re.MULTILINE), f"rule {rule!r} is not in EDITING.md's tables"


def test_every_preset_is_in_the_editors_guide():
    for preset in policy.PRESETS:
        assert f"`{preset}`" in GUIDE
