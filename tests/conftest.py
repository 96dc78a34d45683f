"""Shared test configuration: hypothesis profiles.

``ci`` (the default) keeps the whole suite within minutes on two cores; ``grondig``
(``HYPOTHESIS_PROFILE=grondig``) runs many more examples for a local deep check.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile("grondig", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
