"""``wargame join URL --text``: one government's plain-text desk, at a game hosted elsewhere.

The same :class:`~wargame.text.desk.Desk` as ``wargame play --text``, over a
:class:`~wargame.net.client.RemoteSeat`. The host says whose turn it is: each phase,
the speaker of the delegation takes a turn (Enter on an empty line ends it) and then
waits for the other governments; an adviser is shown the same news and waits.
"""

from __future__ import annotations

import sys
from typing import Callable, TextIO

from ..core.scoring import describe
from ..text.desk import Desk, EndTurn
from ..text.play import Leave, asking
from ..textsafe import printable
from .client import Disconnected, JoinRefused, RemoteSeat

PHASES = ("diplomacy", "orders")


def run(url: str, code: str | None = None, name: str = "", ask: Callable[[str], str] = input,
        out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    def say(text: str = "") -> None:
        print(printable(text), file=out, flush=True)

    ask = asking(ask, out)
    try:
        code = code or ask("Your join code (from the instructor): ")
    except Leave:
        return 0
    try:
        seat = RemoteSeat.join(url, code.strip(), name)
    except JoinRefused as exc:
        print(f"wargame join: refused: {exc}", file=err)
        return 2
    except (Disconnected, ValueError) as exc:
        print(f"wargame join: {exc}", file=err)
        return 2
    try:
        return Client(seat, ask, say).play()
    except Disconnected as exc:
        say(f"The connection to the host is lost ({exc}). Join again with the same code "
            "to take your seat back.")
        return 1
    finally:
        seat.close()


class Client:
    def __init__(self, seat: RemoteSeat, ask, say):
        self.seat, self.say = seat, say
        self.key: tuple = ()  # (round, phase) of the turn being played

        def ask_in_turn(prompt: str) -> str:
            st = seat.status
            if self.key and (st.get("round"), st.get("phase")) != self.key:
                say("The phase is over (the clock ran out or the instructor ended it).")
                raise EndTurn
            return ask(prompt)
        self.desk = Desk(seat, ask_in_turn, say)

    def play(self) -> int:
        seat, say, desk = self.seat, self.say, self.desk
        say(f"wargame: {seat.campaign.title}")
        say(f"You lead {desk.name(seat.nation)}"
            + (" as your delegation's speaker: you give its orders." if seat.role == "speaker"
               else "; your delegation's speaker gives the orders, you see everything."))
        say("")
        say(seat.campaign.briefing.strip())
        desk.briefing()
        desk.briefed = True
        seen: tuple = ()
        try:
            while True:
                st = self.wait(seen)
                if st.get("over"):
                    return self.end()
                key = (st["round"], st["phase"])
                if st["role"] == "speaker" and not st["turn_over"]:
                    self.turn(key)
                    seen = key
                elif key != seen:
                    desk.start_turn(st["phase"])
                    if st["role"] == "computer":
                        say("The instructor has handed your government to the computer.")
                    elif st["role"] == "adviser":
                        say("You advise: your delegation's speaker acts in this phase.")
                    seen = key
        except Leave:
            say("You left the game; it goes on. Join again with the same code to take "
                "your seat back.")
            return 0

    def wait(self, seen: tuple) -> dict:
        """The status once there is something to do: a turn, a new phase, the end."""
        said = False
        link = self.seat.link

        def ready(lk) -> bool:
            st = lk.status
            if not st.get("started") or st.get("paused"):
                return False
            key = (st.get("round"), st.get("phase"))
            return st.get("over") or (st.get("phase") in PHASES and (
                key != seen or (st.get("role") == "speaker" and not st.get("turn_over"))))

        while not ready(link):
            if not said:
                st = link.status
                self.say("Waiting for the instructor to start the game..." if not
                         st.get("started") else "The game is paused by the instructor..."
                         if st.get("paused") else "Waiting for the other governments...")
                said = True
            link.wait(ready, 1.0)
            if link.closed:
                raise Disconnected(link.closed)
        return dict(link.status)

    def turn(self, key: tuple) -> None:
        self.key = key
        try:
            if key[1] == "diplomacy":
                self.desk.diplomacy_turn()
            else:
                self.desk.orders_turn()
        except EndTurn:
            pass
        finally:
            self.key = ()
        st = self.seat.status
        if (st.get("round"), st.get("phase")) == key:
            error = self.seat.end_turn()
            if error:
                self.say(f"Refused: {error}")
            else:
                self.say("Your turn is over.")

    def end(self) -> int:
        desk = self.desk
        desk.new_events("The end:")
        sc = self.seat.score()
        self.say(f"The game is over. Your score: {sc.total} of {sc.possible}.")
        for obj, ok in sc.results:
            self.say(f"{'Met' if ok else 'Not met'}: {describe(desk.campaign, obj)} "
                     f"({obj.points} points)")
        return 0
