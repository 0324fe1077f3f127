"""Computer-played states: pluggable policies, the default policy, and game runners.

``ai -> core`` only: nothing here imports the user interface, and the core never
imports this package.

>>> from wargame.ai import play_game
>>> from wargame.core import demo_world
>>> record = play_game(demo_world(), seed=1)
>>> record.outcome in ("resolved", "settled", "frozen", "war")
True
"""

from .base import (Counter, Difficulty, Offer, Policy, PolicyFactory, drafts_to_vote, policy_rng,
                   sub_seed)
from .default import DefaultPolicy
from .registry import BUILTIN, GROUP, UnknownPolicy, available, get, make
from .runner import ComputerPlayers, GameRecord, play_game, record
from .simple import PassivePolicy, RandomPolicy

__all__ = [
    "BUILTIN", "GROUP", "ComputerPlayers", "Counter", "Offer", "DefaultPolicy", "Difficulty", "GameRecord",
    "PassivePolicy", "Policy", "PolicyFactory", "RandomPolicy", "UnknownPolicy", "available",
    "drafts_to_vote", "get", "make", "play_game", "policy_rng", "record", "sub_seed",
]
