"""Specific errors of the rules core. None of them is ever shown as a traceback."""


class WargameError(Exception):
    """Base class of every error the core raises on purpose."""


class RuleError(WargameError):
    """A decision rule was given something it cannot decide on."""


class IllegalOrder(WargameError):
    """An order that the rules refuse; the message says why."""

    def __init__(self, reason: str, order: object = None):
        super().__init__(reason)
        self.reason = reason
        self.order = order


class WorldError(WargameError):
    """A world (usually built from a campaign) that is not consistent."""


class PhaseError(WargameError):
    """A verb was used in the wrong phase of the round (e.g. orders during briefing)."""
