"""The rules core of wargame: no user interface, no file I/O.

Import what you need from here::

    from wargame.core import Game, Order, decide, Vote, demo_world
"""

from .actions import CATALOGUE, ActionSpec, Effect, Measure, Order, Target
from .errors import IllegalOrder, PhaseError, RuleError, WargameError, WorldError
from .events import Event, Kind
from .game import Game
from .ladder import DEFAULT_LADDER, Ladder, Rung
from .legal import Option
from .machine import PHASES, STAGES
from .model import (
    Binds,
    BindsKind,
    Clause,
    ClauseKind,
    DeclineCost,
    Institution,
    Nation,
    Objective,
    ObjectiveKind,
    Personality,
    Stance,
    Scope,
    Strength,
    World,
    MapSpec,
)
from .rules import (
    Consensus,
    ConsensusMinusOne,
    Decision,
    DecisionRule,
    Fraction,
    Motion,
    MotionKind,
    PartiesRule,
    QualifiedMajority,
    SimpleMajority,
    Unanimity,
    Vote,
    decide,
)
from .scoring import Score
from .view import View
from .worlds import demo_world, generated_world

__all__ = [name for name in dir() if not name.startswith("_")]
