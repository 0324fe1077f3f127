"""Constructive abstention (TEU Art. 31(1)) with the EU-27 of 2008 and their
populations (Eurostat, 1 January 2008, millions): declarations by at least a third of
the members comprising at least a third of the population block; fewer do not."""

from __future__ import annotations

import pytest

from wargame.core.errors import RuleError
from wargame.core.rules import Consensus, Unanimity, Vote, decide

POP = {"austria": 8.3, "belgium": 10.7, "bulgaria": 7.6, "cyprus": 0.8, "czechia": 10.4,
       "denmark": 5.5, "estonia": 1.3, "finland": 5.3, "france": 63.8, "germany": 82.2,
       "greece": 11.2, "hungary": 10.0, "ireland": 4.4, "italy": 59.6, "latvia": 2.3,
       "lithuania": 3.4, "luxembourg": 0.5, "malta": 0.4, "netherlands": 16.4,
       "poland": 38.1, "portugal": 10.6, "romania": 21.5, "slovakia": 5.4, "slovenia": 2.0,
       "spain": 45.3, "sweden": 9.2, "uk": 61.2}
EU = tuple(POP)
RULE = Unanimity(constructive=True, population=tuple(POP.items()))
SMALL9 = ("cyprus", "malta", "luxembourg", "estonia", "latvia", "slovenia", "lithuania",
          "ireland", "finland")
BIG9 = ("germany", "france", "uk", "italy", "spain", "poland", "romania", "netherlands",
        "greece")


@pytest.mark.parametrize(("declared", "adopted", "why"), [
    (("cyprus",), True, "EULEX Kosovo, 4 February 2008: one declaration"),
    (SMALL9, True, "a third of the members, 4% of the population"),
    (BIG9[:8], True, "80% of the population, but 8 of 27 members"),
    (BIG9, False, "9 of 27 members and 82% of the population"),
])
def test_the_blocking_third(declared, adopted, why):
    votes = {m: Vote.YES for m in EU} | {m: Vote.DECLARED for m in declared}
    d = decide(RULE, EU, votes)
    assert d.adopted is adopted, why
    assert d.declared == tuple(m for m in EU if m in declared)
    assert set(d.declared) <= set(d.abstain)  # a declared abstention is an abstention
    if not adopted:
        assert d.reason.startswith("blocked by the declared abstentions of")
        assert "TEU Art. 31(1)" in d.reason


def test_a_plain_abstention_never_blocks_however_many():
    votes = {m: Vote.YES for m in EU} | {m: Vote.ABSTAIN for m in BIG9}
    assert decide(RULE, EU, votes).adopted


def test_a_declaration_needs_a_rule_that_allows_it():
    with pytest.raises(RuleError, match="allows no formal abstention"):
        decide(Consensus(), ("a", "b"), {"a": "declared"})
    with pytest.raises(RuleError, match="allows no formal abstention"):
        decide(Unanimity(), ("a", "b"), {"a": "declared"})
