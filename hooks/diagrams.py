"""Hook: show docs/assets/diagrams/*.svg inline (theme colours, selectable text) and check each diagram."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from sitekit import diagrams, state
from sitekit.problems import Problem, display_path


@event_priority(50)  # before the FAQ and structured data hooks read the rendered page
def on_page_content(html, page, config, files):
    site = state.of(config)
    record = site.page(page).record
    texts: dict[str, str | None] = site.values.setdefault("diagram_texts", {})  # each file read once a build
    where_of: dict[str, str] = site.values.setdefault("diagram_paths", {})

    def load(name):
        if name not in texts:
            # a language's own diagram (docs/ar/assets/diagrams/…), else the default language's
            relative = f"{diagrams.FOLDER.strip('/')}/{name}.svg"
            path = site.find_docs_file(relative)
            texts[name] = open(path, encoding="utf-8").read() if path else None
            where_of[name] = display_path(path, site.project_dir) if path else site.docs_prefix + relative
        return texts[name]

    html, used = diagrams.inline(html, load)
    problems = []
    for name in dict.fromkeys(used):
        line, where = record.line_of(f"{diagrams.FOLDER}{name}.svg"), where_of[name]
        if texts[name] is None:
            problems.append(Problem(record.path, line, f"diagram {where} does not exist",
                                    "add the SVG file, or correct the name in the image link", check="diagrams"))
            continue
        if used.count(name) > 1:
            problems.append(Problem(record.path, line, f"diagram {where} is shown {used.count(name)} times on this page",
                                    "show each diagram once per page (its ids must be unique)", check="diagrams"))
        checked = site.values.setdefault("diagram_checks", {})
        if name not in checked:
            checked[name] = diagrams.check_svg(texts[name])
        for what, fix in checked[name]:
            problems.append(Problem(record.path, line, f"diagram {where} {what}", fix, check="diagrams"))
    site.report(problems)
    return html
