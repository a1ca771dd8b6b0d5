"""Hook: Material's search index written again with letters outside ASCII as themselves (README "Page weight").

Material's search plugin writes ``search/search_index.json`` with every non-ASCII letter as ``\\uXXXX`` (six bytes
for one Arabic letter, two in UTF-8); the same data, written as UTF-8, is a quarter smaller once gzipped. Runs after
the search plugin's own ``on_post_build`` and before hooks/languages.py starts the other languages' builds. The data
is not changed (sitekit.searchindex; tested), so the search works as Material made it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit import searchindex


@event_priority(-100)
def on_post_build(config):
    searchindex.compact(Path(config.site_dir) / "search" / "search_index.json")
