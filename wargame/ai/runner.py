"""Computer players at work: drive the computer-played states of a game, or whole games.

:class:`ComputerPlayers` plays some (or all) states of a :class:`~wargame.core.Game`
through the verb API, exactly as a human's interface would: each policy sees its
state's view, votes in the diplomacy phase and gives orders in the orders phase.
:func:`play_game` plays a whole computer-vs-computer game and returns a
:class:`GameRecord` of what happened (for ``wargame simulate``, tests, research).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from ..core.clauses import roll_call
from ..core.errors import IllegalOrder, PhaseError, RuleError
from ..core.events import Kind
from ..core.game import Game
from ..core.membership import members
from ..core.model import World
from ..core.negotiation import ProposalStatus
from ..core.rules import Vote
from . import registry
from .base import Counter, Difficulty, Policy

# The enum members the loops below compare with, read once: in Python 3.11 each
# ``Kind.TERRITORY`` in a function goes through EnumType.__getattr__'s hook (hundreds
# of instructions and an allocation); a module name is one load.
OPEN = ProposalStatus.OPEN
DRAFT_DECIDED, ARMED_ATTACK, TERRITORY = Kind.DRAFT_DECIDED, Kind.ARMED_ATTACK, Kind.TERRITORY


def _names(world: World, nations: Iterable[str],
           policies: str | Mapping[str, str]) -> dict[str, str]:
    if isinstance(policies, str):
        return {n: policies for n in nations}
    return {n: policies.get(n, registry.DEFAULT) for n in nations}


class ComputerPlayers:
    """The policies of the computer-played states of one game.

    ``nations``: the states the computer plays (default: all). ``policies``: one
    policy name for all, or a mapping state -> name (missing: ``default``).
    ``explain`` False: the reasons for their decisions are not kept (:attr:`explained`
    stays empty; a whole game played for its record alone needs none).
    """

    def __init__(self, world: World, seed: int, nations: Iterable[str] | None = None,
                 policies: str | Mapping[str, str] = registry.DEFAULT,
                 difficulty: Difficulty | str = Difficulty.NORMAL, explain: bool = True):
        nations = list(world.ids if nations is None else nations)
        self.world = world
        self.policies: dict[str, Policy] = {
            n: registry.make(name, world, n, seed, difficulty)
            for n, name in _names(world, nations, policies).items()
        }
        self.errors: list[str] = []  # illegal orders or votes a policy produced
        # why each computer decision was taken: (round, state, action or "vote", target, reason)
        self.explained: list[tuple[int, str, str, str, str]] = []
        self.explain = explain

    def recall(self, game: Game) -> None:
        """A game loaded from a save: each policy takes in what its state saw in the
        rounds already played (its first view holds only the latest news)."""
        for n, policy in self.policies.items():
            news, private = game.seen_by(n)
            policy.recall(news, private, game.round - 1)

    def answer(self, game: Game) -> None:
        """Answer the open proposals made to computer-played states (diplomacy phase)."""
        waiting: dict[str, None] = {}
        for prop in game.state.proposals:
            if prop.status is OPEN:
                waiting.update(dict.fromkeys(n for n in prop.to
                                             if n in self.policies and n not in prop.answers))
        for n in (n for n in self.policies if n in waiting):
            for pid, reply in self.policies[n].answers(game.view(n)).items():
                try:
                    if isinstance(reply, Counter):
                        game.counter(n, pid, list(reply.terms), reply.due_in)
                    else:
                        game.answer(n, pid, reply)
                        self._explain(game, n, pid, reply)
                except (IllegalOrder, PhaseError) as exc:
                    self.errors.append(f"round {game.round}, {n} answers {pid}: {exc}")

    def _explain(self, game: Game, nation: str, pid: str, reply: str) -> None:
        """A rejected proposal between states: the reason, privately, to its author."""
        why = self.policies[nation].explain(pid) if reply == "reject" else ""
        if not why:
            return
        prop = next((p for p in game.state.proposals if p.id == pid), None)
        if prop is not None and not prop.institution and prop.by != nation:
            game.send_message(nation, [prop.by], why)

    def vote(self, game: Game) -> None:
        """Cast the computer-played states' votes (diplomacy phase). They vote as one,
        like their orders: each decides from the view before any of them has voted
        (a vote cast in between would change only the drafts' tallies)."""
        drafts = game.drafts()
        if not drafts:
            return
        voters: dict[str, None] = {}
        for d in drafts:
            voters.update(dict.fromkeys(members(self.world, game.state, d.institution)))
        cast: list[tuple[str, str, Vote | str]] = []
        for n, policy in self.policies.items():
            if n not in voters:
                continue
            away = {i for i, s in game.state.institutions.items() if n in s.boycotting}
            for draft_id, vote in policy.votes(game.view(n)).items():
                if away and any(d.id == draft_id and d.institution in away for d in drafts):
                    continue  # a boycott ends with the campaign's 'return', not a vote
                cast.append((n, draft_id, vote))
        for n, draft_id, vote in cast:
            try:
                game.vote(n, draft_id, vote)
            except (IllegalOrder, RuleError) as exc:
                self.errors.append(f"round {game.round}, {n} votes on {draft_id}: {exc}")

    def give_orders(self, game: Game) -> None:
        """Submit the computer-played states' orders (orders phase)."""
        views = {}
        for n, policy in self.policies.items():
            views[n] = view = game.view(n)
            orders = policy.orders(view)
            self._note(game.round, n, policy)
            try:
                game.submit_orders(n, orders)
            except IllegalOrder as exc:
                self.errors.append(f"round {game.round}, {n}: {exc}")
                legal = []
                for o in orders:  # keep what is legal, in the policy's order
                    try:
                        game.submit_orders(n, legal + [o])
                        legal.append(o)
                    except IllegalOrder:
                        pass
                game.submit_orders(n, legal)
        # then proposals and messages, from the same views: moves stay simultaneous
        for n, policy in self.policies.items():
            for offer in policy.proposals(views[n]):
                try:
                    game.propose(n, offer.to, list(offer.terms), offer.institution,
                                 offer.due_in, offer.expires_in)
                except (IllegalOrder, PhaseError) as exc:
                    self.errors.append(f"round {game.round}, {n} proposes: {exc}")
            for to, text in policy.messages(views[n]):
                try:
                    game.send_message(n, to, text)
                except (IllegalOrder, PhaseError) as exc:
                    self.errors.append(f"round {game.round}, {n} writes: {exc}")

    def _note(self, rnd: int, nation: str, policy: Policy) -> None:
        """Keep the one-line reasons a policy gives for its orders and other decisions."""
        if not self.explain:  # nothing kept: its notes of the round are dropped
            notes = getattr(policy, "notes", None)
            if notes:
                notes.clear()
            return
        reasons = getattr(policy, "reasons", None)
        if reasons is not None:
            for action, target, text in reasons():
                self.explained.append((rnd, nation, action, target, text))
        notes = getattr(policy, "notes", None)
        if notes:
            for r, kind, about, text in notes:
                self.explained.append((r, nation, kind, about, text))
            notes.clear()

    def why(self) -> dict[tuple[int, str, str], str]:
        """(round, state, target) -> the reason for its first order on that target."""
        out: dict[tuple[int, str, str], str] = {}
        for rnd, nation, _, target, text in self.explained:
            out.setdefault((rnd, nation, target), text)
        return out

    def play_round(self, game: Game) -> None:
        """From a round's briefing to the next one (or the end of the game)."""
        if game.phase == "briefing":
            game.advance()
        if game.phase == "diplomacy":
            self.answer(game)
            self.vote(game)
            game.advance()
        self.give_orders(game)
        game.resolve()


@dataclass
class GameRecord:
    """What happened in one computer-vs-computer game."""

    seed: int
    outcome: str
    rounds: int
    peak: float  # highest crisis escalation at the end of a round
    history: tuple[float, ...]
    attacks: tuple[tuple[int, str, str], ...]  # (round, attacker, victim)
    obligations: dict[str, int]  # status -> how many
    kept: dict[str, int]  # state -> obligations it kept
    declined: dict[str, int]  # state -> obligations it declined
    commitments: dict[str, int]  # status -> how many (negotiation)
    scores: dict[str, int]
    possible: dict[str, int]
    contributions: dict[str, float]  # burden-sharing contributions
    pushed: dict[str, float]  # escalation each state's own orders added
    errors: tuple[str, ...] = field(default=())
    held_at_end: tuple[tuple[str, str, float], ...] = ()  # (occupier, victim, % held)
    taken: tuple[tuple[int, str, str, float], ...] = ()  # (round, occupier, victim, % taken)
    adopted: tuple[tuple[int, str, str, str], ...] = ()  # (round, institution, measure, target)
    votes: tuple[dict, ...] = ()  # every decided draft and who voted how (roll_call)

    def attackers(self) -> list[str]:
        return list(dict.fromkeys(a for _, a, _ in self.attacks))

    def to_dict(self) -> dict:
        return {
            "seed": self.seed, "outcome": self.outcome, "rounds": self.rounds,
            "peak": round(self.peak, 3), "attacks": [list(a) for a in self.attacks],
            "obligations": self.obligations, "kept": self.kept, "declined": self.declined,
            "commitments": self.commitments, "scores": self.scores,
            "contributions": {k: round(v, 3) for k, v in self.contributions.items()},
            "pushed": {k: round(v, 3) for k, v in self.pushed.items()},
            "errors": list(self.errors),
            **self.war_dict(),
            "votes": list(self.votes),
        }

    def war_dict(self) -> dict:
        """Who holds what at the end, every invasion that took land, every measure
        adopted (documented in docs/ai.md)."""
        return {
            "held_at_end": [[o, v, round(p, 3)] for o, v, p in self.held_at_end],
            "taken": [[r, o, v, round(p, 3)] for r, o, v, p in self.taken],
            "adopted": [list(a) for a in self.adopted],
        }


def record(game: Game, errors: Iterable[str] = ()) -> GameRecord:
    """Sum up a finished (or unfinished) game."""
    st, world = game.state, game.world
    obligations: dict[str, int] = {}
    kept: dict[str, int] = {}
    declined: dict[str, int] = {}
    for ob in st.obligations:
        obligations[ob.status.value] = obligations.get(ob.status.value, 0) + 1
        if ob.status.value == "kept":
            kept[ob.debtor] = kept.get(ob.debtor, 0) + 1
        elif ob.status.value == "declined":
            declined[ob.debtor] = declined.get(ob.debtor, 0) + 1
    commitments: dict[str, int] = {}
    for c in st.commitments:
        commitments[c.status.value] = commitments.get(c.status.value, 0) + 1
    pushed = {n: 0.0 for n in world.ids}
    escalating = {a: spec.escalation for a, spec in world.actions.items()
                  if spec.escalation > 0}  # the actions whose orders push the crisis up
    for entry in game.inputs:
        if entry.get("verb") == "orders":
            for o in entry["orders"]:
                esc = escalating.get(o["action"])
                if esc:
                    pushed[entry["nation"]] += esc
    scores = game.scores()
    drafts = {d.id: d for d in st.drafts}
    adopted, votes, attacks, taken = [], [], [], []
    for e in game.log:  # one pass over the log for the four lists
        kind = e.kind
        if kind is DRAFT_DECIDED:
            if e.ref in drafts:
                measure = drafts[e.ref].measure
                if e.value > 0:
                    adopted.append((e.round, e.institution, measure, e.target))
                votes.append({"round": e.round, "institution": e.institution,
                              "measure": measure, "target": e.target, "adopted": e.value > 0,
                              **roll_call(world, st, drafts[e.ref])})
        elif kind is ARMED_ATTACK:
            attacks.append((e.round, e.actor, e.target))
        elif kind is TERRITORY and e.value > 0:
            taken.append((e.round, e.actor, e.target, e.value))
    return GameRecord(
        seed=game.seed,
        outcome=st.outcome or "unfinished",
        rounds=st.round,
        peak=max(st.history, default=st.escalation),
        history=tuple(st.history),
        attacks=tuple(attacks),
        obligations=obligations,
        kept=kept,
        declined=declined,
        commitments=commitments,
        scores={n: s.total for n, s in scores.items()},
        possible={n: s.possible for n, s in scores.items()},
        contributions={n: st.nations[n].contribution for n in world.ids},
        pushed=pushed,
        errors=tuple(errors),
        held_at_end=tuple((o, v, share) for (o, v), share in st.occupation.items()
                          if share > 0),
        taken=tuple(taken),
        adopted=tuple(adopted),
        votes=tuple(votes),
    )


def play_game(world: World, seed: int, policies: str | Mapping[str, str] = registry.DEFAULT,
              difficulty: Difficulty | str = Difficulty.NORMAL,
              finished: Callable[[Game], None] | None = None,
              explained: list | None = None) -> GameRecord:
    """Play one game with every state computer-played; return its record.

    ``finished(game)`` is called with the finished game (e.g. to save it);
    ``explained``, a list, receives why each computer decision was taken
    (:attr:`ComputerPlayers.explained`)."""
    game = Game(world, seed)
    players = ComputerPlayers(world, seed, policies=policies, difficulty=difficulty,
                              explain=explained is not None)
    while not game.over:
        players.play_round(game)
    if explained is not None:
        explained.extend(players.explained)
    if finished is not None:
        finished(game)
    return record(game, players.errors)
