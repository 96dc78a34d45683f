"""The pytest plugin of meldcode-rules, registered under the ``pytest11`` entry point.

Installed with meldcode-rules, it gives a kader author's tests:

- the fixture ``meldcode_kader_controle``: a function that checks a kader (an id, a
  :class:`~meldcode_rules.kader.Kader` or a ``.py`` path) and fails the test with the
  smallest counterexample in Dutch;
- the options ``--meldcode-voorbeelden N`` (casussen sampled per kader version beside the
  proofs; default 60, ``0`` for only the proofs) and ``--meldcode-kader ID`` (repeatable:
  adds one test per named kader to the session, so ``pytest --meldcode-kader mijn_kader``
  checks a kader without writing a test at all), and ``--meldcode-uitputtend`` (enumerate
  fact spaces of up to 2**20 regions per layer instead of proving with z3: the cross-check).

Everything heavy is imported lazily, inside the fixture or the generated test: a project
that has meldcode-rules installed but does not use the plugin pays nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from meldcode_rules.analysis import Rapport

__all__ = [
    "meldcode_kader_controle",
    "pytest_addoption",
    "pytest_collection_modifyitems",
    "pytest_configure",
]

_STANDAARD_VOORBEELDEN = 60


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the ``--meldcode-*`` options."""
    groep = parser.getgroup("meldcode", "meldcode-rules: kaders controleren")
    groep.addoption(
        "--meldcode-voorbeelden",
        type=int,
        default=None,
        help="aantal casussen per kaderversie in de steekproef naast de bewijzen (0: alleen "
        f"de bewijzen; standaard {_STANDAARD_VOORBEELDEN})",
    )
    groep.addoption(
        "--meldcode-kader",
        action="append",
        default=[],
        metavar="ID",
        help="controleer dit kader (id of pad naar een .py-bestand) als extra test; herhaalbaar",
    )
    groep.addoption(
        "--meldcode-uitputtend",
        action="store_true",
        default=False,
        help="tel de feitgebieden af (tot 2^20 per laag) in plaats van symbolisch te bewijzen; "
        "de onafhankelijke controle, trager",
    )
    parser.addini(
        "meldcode_voorbeelden",
        help="standaard voor --meldcode-voorbeelden",
        default=str(_STANDAARD_VOORBEELDEN),
    )


def _voorbeelden(config: pytest.Config) -> int:
    waarde = config.getoption("meldcode_voorbeelden")
    if waarde is None:
        waarde = int(str(config.getini("meldcode_voorbeelden")))
    if waarde < 0:
        msg = "--meldcode-voorbeelden: verwacht een getal van 0 of meer"
        raise pytest.UsageError(msg)
    return int(waarde)


def pytest_configure(config: pytest.Config) -> None:
    """Validate the options early, so a typo is a usage error, not a failing test."""
    _voorbeelden(config)


def _controleer(kader: Any, config: pytest.Config) -> Rapport:  # noqa: ANN401 - id, Kader or path
    from meldcode_rules.testing.controle import check_kader  # noqa: PLC0415 - lazy

    return check_kader(
        kader,
        voorbeelden=_voorbeelden(config),
        uitputtend=bool(config.getoption("meldcode_uitputtend")),
    )


@pytest.fixture
def meldcode_kader_controle(request: pytest.FixtureRequest) -> Callable[..., Rapport]:
    """A function that checks a kader with the session's ``--meldcode-*`` options.

    ``meldcode_kader_controle("mijn_kader")`` returns the report when every invariant
    holds and fails the test with the smallest counterexample otherwise.
    """
    config = request.config

    def controle(kader: Any) -> Rapport:  # noqa: ANN401 - id, Kader or path
        return _controleer(kader, config)

    return controle


class _KaderItem(pytest.Item):
    """One ``--meldcode-kader`` check as a test item."""

    def __init__(self, *, kader: str, **kwargs: Any) -> None:  # noqa: ANN401 - pytest's own
        super().__init__(**kwargs)
        self.kader = kader

    def runtest(self) -> None:
        _controleer(self.kader, self.config)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:  # noqa: ANN401
        from meldcode_rules.errors import MeldcodeError  # noqa: PLC0415 - lazy

        if isinstance(excinfo.value, AssertionError | MeldcodeError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[str, int | None, str]:
        return "meldcode", None, f"meldcode check {self.kader}"


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Add one test per ``--meldcode-kader``."""
    items.extend(
        _KaderItem.from_parent(session, name=f"meldcode_check[{kader}]", kader=kader)
        for kader in config.getoption("meldcode_kader")
    )
