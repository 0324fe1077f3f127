"""wargame: a terminal crisis wargame about collective security."""

__version__ = "0.2.0"
