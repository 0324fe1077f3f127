"""Textual's footer, recomposed only when the keys it shows change.

The stock footer rebuilds all its key widgets whenever focus moves, a frame
after the change; on the game screen that was two or three extra relayouts per
tab switch. Here it compares what it would show with what it shows.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    _shown: tuple = ()

    def bindings_changed(self, screen) -> None:
        keys = tuple((b.key, b.description, b.action, enabled)
                     for (_, b, enabled, _) in screen.active_bindings.values() if b.show)
        if self._bindings_ready and keys == self._shown:
            return
        self._shown = keys
        super().bindings_changed(screen)
