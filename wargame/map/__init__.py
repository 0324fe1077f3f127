"""The map: where states sit (:mod:`.layout`), what the map says about each
(:mod:`.facts`), and three ways to show it: a terminal drawing (:mod:`.draw`), an
SVG picture for reports (:mod:`.svg`) and one line per state for screen readers
(:mod:`.situation`). Pure functions of a player's view and a layout: no Textual,
no files."""

from .facts import MapFacts, StateFacts, facts_from, map_facts
from .layout import Layout, layout, neighbour

__all__ = ["Layout", "MapFacts", "StateFacts", "facts_from", "layout", "map_facts",
           "neighbour"]
