"""The public hypothesis strategies draw every field the models have.

A field added to the casus model (``Hulp.in_staat`` came with contract 2.0) must be drawn
by the strategies too, or no property test ever varies it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import find, settings

from meldcode_rules.casus import Casus, Hulp, Stappen
from meldcode_rules.testing import strategies

if TYPE_CHECKING:
    from hypothesis import strategies as st
    from pydantic import BaseModel


@pytest.mark.parametrize(
    ("model", "strategie"), [(Stappen, strategies.stappen()), (Hulp, strategies.hulpfeiten())]
)
def test_every_field_of_the_facts_is_drawn(
    model: type[BaseModel], strategie: st.SearchStrategy[BaseModel]
) -> None:
    for veld in model.model_fields:
        gevonden = find(
            strategie,
            lambda m, veld=veld: getattr(m, veld) is not None,
            settings=settings(database=None),
        )
        assert getattr(gevonden, veld) is not None


def test_every_part_of_a_casus_is_drawn() -> None:
    for veld in Casus.model_fields:
        if veld == "id":
            continue
        find(
            strategies.casussen(),
            lambda c, veld=veld: getattr(c, veld) not in (None, Casus.model_fields[veld].default),
            settings=settings(database=None, max_examples=2000),
        )
