"""The shipped afwegingskaders, one module per kader.

The engine never imports this package by name: every kader is registered in the
entry-point group ``meldcode_rules.kaders`` (see ``pyproject.toml``), exactly as a
third-party or organisation's kader registers its own.
"""
