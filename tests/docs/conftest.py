import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "docs_build: builds the documentation site with mkdocs (about 15 s); runs in CI, "
        "deselect locally with -m 'not docs_build'",
    )
