"""The terminal game (Textual). ``run()`` is what ``wargame`` and ``wargame play`` call.

Nothing is imported here until :func:`run` is called, so importing the package
is free and the core never pulls in Textual.
"""

from __future__ import annotations


def run(campaign: str | None = None, seed: int | None = None, *,
        load: str | None = None, nation: str | None = None) -> int:
    """Play in the terminal: title screen, then a game of ``campaign`` (a file or a
    folder of campaigns; the bundled default if None; when given, the game opens on
    the setup screen with it chosen), or play on from the save file ``load``. ``nation`` (an id or a name) is the state setup offers you first.
    Returns the exit code."""
    from .app import WargameApp

    # a campaign or a state named on the command line: straight to the setup screen
    app = WargameApp(campaign, seed, load=load, nation=nation,
                     to_setup=bool(campaign or nation) and not load)
    app.run()
    return app.return_code or 0
