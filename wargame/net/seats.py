"""Seats and join codes: who may sit at which government of a networked game.

One random code per government. A code admits only its government; several
connections may share a seat (a team of students): all of them see its view, and
the first to join is its *speaker*, the one who gives orders, votes, writes and
ends the turn; the others are *advisers* who see everything and may not act. When
the speaker leaves, the adviser who joined first becomes the speaker. A seat that
nobody has joined is played by the computer; the instructor may hand any seat to
the computer and back (``pinned``).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed
CODE_LENGTH = 8  # 32**8 = 10**12 codes: guessing one in class time is hopeless


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def norm_code(text: str) -> str:
    """A typed code as stored: capitals, no spaces or dashes."""
    return "".join(ch for ch in str(text).upper() if ch.isalnum())


def new_codes(nations) -> dict[str, str]:
    codes: dict[str, str] = {}
    while len(codes) < len(nations):
        code = new_code()
        if code not in codes.values():
            codes[nations[len(codes)]] = code
    return codes


@dataclass
class Seat:
    nation: str
    code: str
    joined: bool = False  # a player has used the code: from then the seat is human
    pinned: bool = False  # the instructor handed it to the computer
    ended: bool = False  # its turn is over for this phase
    conns: list = field(default_factory=list)  # connections; the first is the speaker

    @property
    def computer(self) -> bool:
        return self.pinned or not self.joined

    @property
    def connected(self) -> bool:
        return bool(self.conns)

    def role(self, conn) -> str:
        if self.computer:
            return "computer"
        return "speaker" if self.conns and self.conns[0] is conn else "adviser"

    def admits(self, code: str) -> bool:
        return hmac.compare_digest(norm_code(code).encode(), norm_code(self.code).encode())


def seat_for(seats: dict[str, Seat], code: str) -> Seat | None:
    """The seat a code opens (compared in constant time against every seat)."""
    found = None
    for seat in seats.values():
        if seat.admits(code):
            found = seat
    return found


def codes_text(seats: dict[str, Seat], name_of, url: str) -> str:
    """The codes to hand out, one government a line (``--codes FILE``)."""
    lines = [f"# wargame join codes: one per government. Join with: wargame join {url}",
             "# Keep this file private: a code admits its holder to that government."]
    for s in seats.values():
        lines.append(f"{s.code}  {name_of(s.nation)} ({s.nation})")
    return "\n".join(lines) + "\n"
