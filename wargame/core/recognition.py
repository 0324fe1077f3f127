"""Non-recognition of conquest: the Stimson doctrine and the League's resolution.

On 7 January 1932 the United States told China and Japan that it would not "admit
the legality of any situation de facto" nor "recognize any treaty or agreement"
brought about by means contrary to the Pact of Paris; on 11 March 1932 the League
Assembly resolved that "it is incumbent upon the Members of the League of Nations
not to recognise any situation, treaty or agreement which may be brought about by
means contrary to the Covenant of the League of Nations or to the Pact of Paris".

In the game a state (the action refuse_recognition), a body (an adopted draft
``non_recognition``) or a campaign (the effect ``not_recognise``) refuses to
recognise an occupier's conquests. What a player feels: the occupier's
``gain_territory`` objectives are not met while anyone refuses (land held is not
title), its credibility falls, and the debrief names who refused.
"""

from __future__ import annotations

from .actions import Effect
from .context import Round, clamp
from .events import Kind
from .state import GameState

CREDIBILITY_LOST = 2.0
"""The occupier's credibility lost at each refusal to recognise its conquests."""


def refusing(state: GameState, occupier: str) -> list[str]:
    """Who refuses to recognise ``occupier``'s conquests (states and institutions), in
    the order they refused."""
    return [by for by, o in state.not_recognised if o == occupier]


def refuse(r: Round, by: str, occupier: str, text: str = "", ref: str = "") -> None:
    """``by`` (a state or an institution) refuses to recognise ``occupier``'s conquests."""
    st = r.state
    if (by, occupier) in st.not_recognised:
        return
    st.not_recognised.append((by, occupier))
    ns = st.nations[occupier]
    ns.credibility = clamp(ns.credibility - CREDIBILITY_LOST)
    held = [f"{share:.0f}% of {r.name(v)}" for (o, v), share in st.occupation.items()
            if o == occupier and share > 0]
    lands = f" (it holds {' and '.join(held)})" if held else ""
    r.emit(Kind.NOT_RECOGNISED, text or f"{r.name(by)} will recognise no territory "
           f"{r.name(occupier)} has taken by force{lands}: holding land gives no title "
           "to it.", actor=by, target=occupier, ref=ref, value=-CREDIBILITY_LOST)


def declarations(r: Round) -> None:
    """This round's refusals by states (the action refuse_recognition)."""
    for o in r.of(Effect.NON_RECOGNITION):
        refuse(r, o.nation, o.target)
