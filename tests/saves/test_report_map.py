"""The map in the after-action report: an SVG map of the start, of every round and of
the end in the HTML report; the start and the end as text in the Markdown report."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from dataclasses import replace

from saveplay import play

from wargame.campaign import campaigns_dir, load_campaign
from wargame.core import Game, demo_world
from wargame.core.actions import Order
from wargame.saves.render import html_page, markdown
from wargame.saves.report import after_action

SVG = "{http://www.w3.org/2000/svg}"


def svgs(page: str) -> list[ET.Element]:
    out = []
    for part in page.split('<figure class="map">')[1:]:
        svg = part[part.index("<svg"):part.index("</svg>") + 6]
        out.append(ET.fromstring(svg))  # well-formed XML, or this raises
    return out


def test_every_round_has_its_map_and_the_markdown_the_start_and_the_end():
    campaign = load_campaign(campaigns_dir() / "tutorial.yaml")
    game = play(Game(campaign.world, 21), random.Random(21))
    aa = after_action(game)
    page = html_page(aa)
    maps = svgs(page)
    rounds = len(game.state.history)
    assert len(maps) == rounds + 2  # the start, each round, the end
    captions = [c.split("</figcaption>")[0] for c in page.split("<figcaption>")[1:]]
    assert captions[0] == "Start" and captions[-1] == "End"
    assert captions[1:-1] == [f"After round {i}" for i in range(1, rounds + 1)]
    names = {t.text for t in maps[0].iter(f"{SVG}text")}
    for n in campaign.world.nations:
        assert n.name in names
    md = markdown(aa)
    section = md.split("## The map", 1)[1].split("\n## ", 1)[0]
    assert "**Start**" in section and "**End**" in section
    assert "Blocs: Harbour Compact: Belmark, Corvia; no bloc: Ardenia, Dunmore" in section


def test_an_invasion_is_an_arrow_and_a_red_bar_on_that_rounds_map():
    game = Game(demo_world(), 5)
    game.advance()
    game.advance()
    game.submit_orders("north", [Order("north", "invasion", target="east")])
    game.resolve()
    aa = after_action(game)
    maps = svgs(html_page(aa))
    start, round1 = maps[0], maps[1]

    def arrows(svg):
        return [ln for ln in svg.iter(f"{SVG}line")
                if (ln.get("marker-end") or "").endswith("head-attack)")]

    assert arrows(start) == [] and len(arrows(round1)) == 1
    assert "Northland → Eastmark: attack" in arrows(round1)[0].find(f"{SVG}title").text
    held = game.state.occupation[("north", "east")]
    texts = [t.text for t in round1.iter(f"{SVG}text")]
    assert f"▼{held:.0f}% held ⚔" in texts


def test_outside_names_are_escaped_in_the_svg_and_the_markdown_map():
    world = demo_world()
    hostile = '`x`<script></script> & "q"'
    world = replace(world, nations=tuple(replace(n, name=hostile) if n.id == "north" else n
                                         for n in world.nations))
    aa = after_action(Game(world, 1))
    page = html_page(aa)
    assert "<script>" not in page
    for svg in svgs(page):  # parsed back, the name is the text it was
        assert any(t.text and t.text.startswith("`x`<script>") for t in svg.iter(f"{SVG}text"))
    md = markdown(aa)
    section = md.split("## The map", 1)[1].split("\n## ", 1)[0]
    fenced = section.split("```text", 1)[1].split("```", 1)[0]
    assert "`" not in fenced and "'x'<scri" in fenced
