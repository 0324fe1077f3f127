"""The end screen's last round after a hot-seat game, and its colours.

The rule the end screen keeps: once the game is over the screen is for the whole
table, objectives and scores are revealed, and so is what each human government
alone saw in the last round (no hand-off comes after it); the rest of the debrief
is public news only, so an earlier private item never shows."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from wargame.core import IllegalOrder, Order
from wargame.tui.app import WargameApp
from wargame.tui.scenario import load_scenario
from wargame.tui.session import Seat, Session

from .helpers import run, screen_name, screen_text, wait_until
from .test_end_debrief import flat, read_end_screen, tutorial


def bundled(name: str) -> str:
    campaign = pytest.importorskip("wargame.campaign")
    return str(next(p for p in campaign.bundled_campaigns() if p.name == name))

PLAYERS = {"belmark": "Ana", "corvia": "Ben", "ardenia": "Cid"}


def finished(players: dict[str, str], campaign: str = "tutorial.yaml",
             attacker: str = "ardenia", victim: str = "belmark") -> Session:
    """The attacker invades the victim as soon as it may and again in the last round;
    played without keys (the humans give no other orders; the attacker's orders are
    given for it, human or computer), then handed to the interface at its end."""
    scenario = load_scenario(bundled(campaign))
    seats = [Seat(n, players.get(n, "")) for n in scenario.world.ids]
    session = Session(scenario, seats, scenario.seed)
    g = session.game
    invaded = False
    while not g.over:
        if g.phase == "briefing":
            g.advance()
        if g.phase != "orders":
            session.play_computer()
            continue
        session.computers.orders(g)  # then the attacker's orders replace its computer's
        if not invaded or g.round == g.world.rounds_limit:
            try:
                g.submit_orders(attacker, [Order(attacker, "invasion", victim)])
                invaded = True
            except IllegalOrder:
                pass
        g.resolve()
    return Session(scenario, seats, scenario.seed, loaded=g)


def finished_hotseat() -> Session:
    return finished(PLAYERS)


async def end_screen_of(session, size=(120, 40), theme=None) -> tuple[str, object]:
    app = WargameApp(tutorial())
    async with app.run_test(size=size) as pilot:
        if theme:
            app.theme = theme
        app.start_session(session)
        await wait_until(pilot, lambda: screen_name(app) == "EndScreen")
        await pilot.pause()
        text = flat(await read_end_screen(pilot))
        markup = [w.content for w in app.screen.query(Static) if isinstance(w.content, str)]
        return text, markup


@pytest.fixture(scope="module")
def hotseat():
    session = finished_hotseat()
    text, markup = run(end_screen_of(session))
    return session.game, text, markup


def test_each_humans_private_results_of_the_last_round_are_revealed(hotseat):
    game, text, _ = hotseat
    last = game.round
    corvia = [e for e in game.log if e.round == last and e.visible_to == ("corvia",)]
    assert corvia, "Corvia is obliged to help in the last round: a private item"
    assert "Seen only by Corvia (Ben):" in text
    assert flat(corvia[0].text) in text
    # the section is about the last round, public headlines first
    section = text[text.index("The last round"):text.index("Scores")]
    assert "Battle: Ardenia" in section
    assert section.index("Battle: Ardenia") < section.index("Seen only by")


def test_earlier_private_items_stay_private(hotseat):
    game, text, _ = hotseat
    # "You are obliged under Harbour Compact Art. 5 to assist Belmark ... by round 4"
    earlier = [e for e in game.log if e.visible_to and e.round < game.round
               and e.kind.value == "obligation_created"]
    assert earlier
    for e in earlier:
        assert flat(e.text) not in text


def test_a_solo_player_reads_seen_only_by_you():
    text, _ = run(end_screen_of(finished({"corvia": "You"})))
    assert "Seen only by you (Corvia):" in text


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_no_text_is_coloured_with_background_colours(theme):
    """$warning, $success, $error are background colours: unreadable as text on a light
    theme. The end screen uses $text-warning, $text-success, $text-error."""
    text, markup = run(end_screen_of(finished_hotseat(), theme=theme))
    assert "free rider" in text or "attacked" in text
    joined = "\n".join(markup)
    assert "$text-warning" in joined and "$text-success" in joined
    for bad in ("$warning", "$success", "$error"):
        for line in joined.splitlines():
            assert f" {bad}]" not in line and f"[{bad}]" not in line, line


def test_baltic_estonia_invaded_is_never_a_free_rider():
    """The playtest's case: Russia invades Estonia; Estonia's tiny shares would make it a
    free rider by the 3/4 rule. On screen it is 'attacked', in NATO's and the EU's table."""
    session = finished({"estonia": "You"}, "baltic-flashpoint.yaml", "russia", "estonia")
    text, _ = run(end_screen_of(session, size=(100, 40)))
    game = session.game
    first = next(e.round for e in game.log if e.kind.value == "armed_attack")
    share = game.state.occupation[("russia", "estonia")]
    assert f"Russia still holds {share:.0f}% of Estonia." in text
    assert f"there were armed attacks: R{first} Russia invades Estonia" in text
    burden = text[text.index("Burden sharing"):text.index("Turning points")]
    rows = [burden[i:i + 70] for i in range(len(burden)) if burden.startswith("Estonia ", i)]
    assert len(rows) == 2  # NATO and the EU
    for row in rows:  # Estonia's cells end with its label; the next state's row may follow
        assert "attacked" in row and "free rider" not in row[:row.index("attacked")]
    turning = text[text.index("Turning points"):]
    assert f"R{first} Russia invades Estonia." in turning
    assert f"R{first} North Atlantic Treaty Organization Art. 5 invoked:" in turning


def test_a_cyber_attack_in_the_last_round_is_no_quiet_round():
    from wargame.core import Game, demo_world
    from wargame.tui.debrief import last_round_text

    g = Game(demo_world(), seed=3)
    while not g.over:  # a deniable attack each round keeps the crisis going to the end
        if g.phase == "orders":
            g.submit_orders("north", [Order("north", "cyber_attack", "east")])
            g.resolve()
        else:
            g.advance()
    assert g.round == g.world.rounds_limit
    text = last_round_text(g, {})
    assert "A cyber attack disrupts Eastmark's infrastructure" in text
    assert "quiet last round" not in text
