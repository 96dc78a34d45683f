"""One call that checks a whole kader, for a kader author's test: :func:`check_kader`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meldcode_rules.analysis import Rapport
    from meldcode_rules.kader import Kader
    from meldcode_rules.registry import Registry

__all__ = ["InconsistentKader", "check_kader"]


class InconsistentKader(AssertionError):
    """A kader violates an invariant; the message is the smallest counterexample in Dutch."""

    def __init__(self, rapport: Rapport) -> None:
        self.rapport = rapport
        delen = [f"kader {rapport.kader} houdt zich niet aan de invarianten:"]
        for versie, uitslag in rapport.schendingen():
            delen.append("")
            delen.append(
                f"versie {versie.versie}" + (f" (op {versie.basis})" if versie.basis else "")
            )
            if uitslag.tegenvoorbeeld is not None:
                delen.append(uitslag.tegenvoorbeeld.beschrijving())
        super().__init__("\n".join(delen))


def check_kader(
    kader: str | Kader | Path,
    *,
    voorbeelden: int = 60,
    registry: Registry | None = None,
    uitputtend: bool = False,
) -> Rapport:
    """Check a kader against every invariant; raise with the smallest counterexample if one fails.

    Args:
        kader: a registered kader id, a :class:`~meldcode_rules.kader.Kader` object, or the
            path of a Python file that declares one (``KADER``, or its single Kader).
        voorbeelden: how many casussen hypothesis samples per version beside the proofs
            (``0``: only the proofs).
        registry: where the kader (and the kader it extends) are looked up; default: every
            installed kader.
        uitputtend: enumerate the fact spaces (up to 2**20 regions per layer) instead of
            proving with z3: the cross-check (see :func:`meldcode_rules.analysis.analyseer`).

    Returns:
        The report (what was proved, what was sampled), when every invariant holds.

    Raises:
        InconsistentKader: an invariant is violated (an ``AssertionError``, so pytest shows
            it as a test failure with the Dutch description).
        KaderError: the kader is unknown or invalid.
    """
    from meldcode_rules.analysis import kader_uit_bestand  # noqa: PLC0415 - lazy
    from meldcode_rules.testing.steekproef import analyseer_met_steekproef  # noqa: PLC0415

    if isinstance(kader, Path) or (isinstance(kader, str) and kader.endswith(".py")):
        kader = kader_uit_bestand(Path(kader))
    rapport = analyseer_met_steekproef(
        kader, registry, voorbeelden=voorbeelden, uitputtend=uitputtend
    )
    if not rapport.ok:
        raise InconsistentKader(rapport)
    return rapport
