"""Pure logic behind the site's MkDocs hooks.

Nothing in this package imports MkDocs at module level except ``settings``
(which uses MkDocs' typed ``config_options``), so the FAQ parser and the
front-matter checks can be reused by any other site generator or by the
``make check`` command.
"""
