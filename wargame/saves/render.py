"""The after-action report written out: Markdown (a Unicode chart in a code block) or
a self-contained HTML page (an inline SVG chart, no scripts, no external files)."""

from __future__ import annotations

import html
import math

from .. import textsafe
from .report import STAGE_NAMES, AfterAction

MAX_TIMELINE = 200
MAX_LEDGER = 80
BLOCKS = " ▁▂▃▄▅▆▇█"
STATUS_ORDER = ("kept", "broken", "declined", "lapsed", "open")


# ------------------------------------------------------------------- charts
def chart_top(curve: list[float], marks: list[tuple[str, float]]) -> float:
    """The top of the chart's scale: the peak and the next mark above it, in tens."""
    peak = max(curve, default=0.0)
    above = [lvl for _, lvl in marks if lvl > peak]
    top = max(peak, min(above) if above else 100.0)
    return min(100.0, max(10.0, math.ceil(top / 10) * 10))


def chart_step(top: float) -> float:
    """Round steps, 7 to 12 rows: 10 from 70 up, 5 from 40, 2.5 from 20, else 1."""
    return 10.0 if top >= 70 else 5.0 if top >= 40 else 2.5 if top >= 20 else 1.0


def text_chart(curve: list[float], marks: list[tuple[str, float]]) -> list[str]:
    """A column chart of the crisis level per round, the ladder's marks as dotted lines."""
    if not curve:
        return ["(no round has been played yet)"]
    top = chart_top(curve, marks)
    n = len(curve)
    width = 3 if n <= 25 else 2 if n <= 60 else 1
    step = chart_step(top)
    height = round(top / step)
    lines = ["level"]
    for i in range(height):
        hi = top - i * step
        lo = hi - step
        here = [(name, lvl) for name, lvl in marks if lo < lvl <= hi]
        fill = "┄" if here else " "
        cells = []
        for v in curve:
            if v >= hi - 1e-9:
                c = BLOCKS[8]
            elif v > lo:
                c = BLOCKS[min(8, max(1, round((v - lo) / step * 8)))]
            else:
                c = fill
            cells.append((fill + c * (width - 1)) if width > 1 else c)
        label = f"{hi:>5g} ┤"
        tail = "  " + ", ".join(f"{textsafe.one_line(name)} ({lvl:g})"
                                for name, lvl in here) if here else ""
        lines.append((label + "".join(cells)).rstrip() + tail)
    lines.append("      └" + "─" * (n * width))
    every = 1 if width == 3 else 5 if n <= 60 else 10
    axis = [" "] * (n * width)
    for r in range(1, n + 1):
        if r == 1 or r % every == 0:
            text = str(r)
            end = r * width
            start = end - len(text)
            if start >= 0 and all(c == " " for c in axis[max(0, start - 1):end]):
                axis[start:end] = list(text)
    lines.append("       " + "".join(axis).rstrip() + "  round")
    return lines


def svg_chart(curve: list[float], start: float, marks: list[tuple[str, float]]) -> str:
    """An inline SVG line chart of the crisis level (0-100) from the start of the game."""
    w, h = 680, 260
    left, right, top, bottom = 44, 130, 12, 34
    pw, ph = w - left - right, h - top - bottom
    pts = [start, *curve]
    n = max(1, len(pts) - 1)

    def x(i: float) -> float:
        return left + pw * i / n

    def y(v: float) -> float:
        return top + ph * (1 - max(0.0, min(100.0, v)) / 100)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
           f'width="{w}" height="{h}" role="img" aria-label="Escalation curve">',
           f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fafafa" '
           'stroke="#ccc"/>']
    for v in range(0, 101, 20):
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
                   f'font-size="11" fill="#555">{v}</text>')
    colours = {"tension": "#c9a227", "incident": "#e07b00", "armed attack": "#d0342c",
               "war": "#7a0019"}
    for name, lvl in marks:
        c = colours.get(name, "#888")
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y(lvl):.1f}" y2="{y(lvl):.1f}" '
                   f'stroke="{c}" stroke-dasharray="4 3"/>')
        out.append(f'<text x="{left + pw + 6}" y="{y(lvl) + 4:.1f}" font-size="11" '
                   f'fill="{c}">{_h(name)} ({lvl:g})</text>')
    every = 1 if n <= 20 else 5 if n <= 60 else 10
    for i in range(0, n + 1):
        if i % every == 0 or i == n:
            label = "start" if i == 0 else str(i)
            out.append(f'<text x="{x(i):.1f}" y="{top + ph + 16}" text-anchor="middle" '
                       f'font-size="11" fill="#555">{label}</text>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{h - 3}" text-anchor="middle" '
               'font-size="11" fill="#555">round (crisis level at its end)</text>')
    poly = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(pts))
    out.append(f'<polyline points="{poly}" fill="none" stroke="#1f4e8c" stroke-width="2"/>')
    for i, v in enumerate(pts):
        what = "start" if i == 0 else f"round {i}"
        out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="#1f4e8c">'
                   f'<title>{what}: {v:.1f}</title></circle>')
    out.append("</svg>")
    return "\n".join(out)


# ----------------------------------------------------------------- markdown
def _md(text: object) -> str:
    """Outside text in Markdown, shown literally (:func:`wargame.textsafe.markdown`):
    every name, event, objective and note of the report passes through here."""
    return textsafe.markdown(text)


def _cell(text: object) -> str:
    return _md(text)


def _table(head: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _summary(aa: AfterAction) -> str:
    peak = aa.peak
    parts = [f"{aa.rounds} of {aa.rounds_limit} rounds played",
             f"escalation {aa.start_level:.0f} at the start, peak {peak:.0f}",
             f"final stage: {STAGE_NAMES.get(aa.stage, aa.stage)}", f"seed {aa.seed}"]
    return " · ".join(parts)


def _pct(x: float) -> str:
    return f"{x:.0%}" if math.isfinite(x) else "—"


def _ratio(x: float) -> str:
    return f"{x:.2f}" if math.isfinite(x) else "∞"


# the end screen's words: a contribution share against a share of the alliance's GDP
BURDEN_HEAD = ["State", "Defence spending", "Share of contributions", "GDP share", "Ratio",
               ""]


def _burden_cells(b) -> list[str]:
    """A burden-sharing row; an attacker's shares are not counted, and a member the
    3/4 rule does not judge says why."""
    from ..core.burden import ATTACKER, FREE_RIDER_RATIO

    if b.exempt == ATTACKER:
        return [b.nation, f"{b.spending:.1f}% of GDP", "—", "—", "—", b.exempt]
    note = "free rider" if b.free_rider else (
        f"not judged: {b.exempt}" if b.exempt and b.ratio < FREE_RIDER_RATIO else "")
    return [b.nation, f"{b.spending:.1f}% of GDP", _pct(b.contribution_share),
            _pct(b.benefit_share), _ratio(b.ratio), note]


def _result(v) -> str:
    return ("adopted" if v.adopted else "not adopted") + (f": {v.reason}" if v.reason else "")


def _groups(v) -> str:
    """Who voted how, one group after another: "yes: A, B; no: C; absent: D"."""
    return "; ".join(f"{label}: {', '.join(names)}" for label, names in v.groups)


def markdown(aa: AfterAction) -> str:
    L: list[str] = [f"# After-action report: {_md(aa.title)}", ""]
    if aa.description:
        L += [_md(aa.description.strip().split("\n\n")[0].strip()), ""]
    L += [f"**Outcome:** {_md(aa.outcome_text[:1].upper() + aa.outcome_text[1:])}", "",
          _md(_summary(aa)), ""]
    L += ["## Escalation", "", "The crisis level at the end of each round (0-100); dotted "
          "lines are the ladder's marks.", "", "```text", *text_chart(aa.curve, aa.marks),
          "```", ""]
    if aa.text_maps:
        L += ["## The map", "", "Each state in its bloc's place; ▼ land held by another "
              "(the share held), + forces of another state stationed there, NAME+number a "
              "garrison, →NAME+number forces sent abroad; ·▶ the round's attacks, ≈ "
              "blockades. The HTML report draws the map of every round.", ""]
        for label, lines in aa.text_maps:
            L += [f"**{_md(label)}**", "", "```text", *lines[:-1], "```", "",
                  _md(lines[-1]), ""]
    L += ["## Turning points", ""]
    if aa.timeline:
        rows = [[p.round, p.kind, p.text] for p in aa.timeline[:MAX_TIMELINE]]
        L += _table(["Round", "What", "Event"], rows)
        if len(aa.timeline) > MAX_TIMELINE:
            L.append(f"\n…and {len(aa.timeline) - MAX_TIMELINE} more.")
    else:
        L.append("A quiet crisis: no turning point.")
    L += ["", "## Thresholds crossed", ""]
    if aa.thresholds:
        for t in aa.thresholds:
            verb = "rose past" if t.up else "fell below"
            L.append(f"- Round {t.round}: the crisis {verb} *{_md(t.rung)}* ({t.level:g})")
    else:
        L.append("No rung of the escalation ladder was crossed.")
    L += ["", "## Votes", ""]
    if aa.votes:
        L += _table(["Round", "Body", "Draft", "Result", "Who voted how"],
                    [[v.round, v.institution, v.subject, _result(v), _groups(v)]
                     for v in aa.votes[:MAX_LEDGER]])
        if len(aa.votes) > MAX_LEDGER:
            L.append(f"\n…and {len(aa.votes) - MAX_LEDGER} more.")
    else:
        L.append("No draft was put to a vote.")
    L += ["", "## Obligations and commitments", ""]
    counts = aa.kept_broken()
    if counts:
        rows = [[who, *(c.get(s, 0) for s in STATUS_ORDER)] for who, c in counts.items()]
        L += _table(["State", *(s.capitalize() for s in STATUS_ORDER)], rows)
        L += ["", "Treaty obligations arise from clauses (collective defence, binding "
              "sanctions); commitments from accepted proposals. *Declined* and *broken* "
              "cost credibility.", ""]
        rows = [[d.created, d.debtor, d.what, d.text, d.due, d.status]
                for d in aa.duties[:MAX_LEDGER]]
        L += _table(["Round", "State", "Kind", "Duty", "Due", "Status"], rows)
        if len(aa.duties) > MAX_LEDGER:
            L.append(f"\n…and {len(aa.duties) - MAX_LEDGER} more.")
    else:
        L.append("No obligation arose and no commitment was made.")
    L += ["", "## Burden sharing and free riders", ""]
    if aa.burden:
        for inst, lines in aa.burden.items():
            L += [f"**{_md(inst)}**", ""]
            L += _table(BURDEN_HEAD, [_burden_cells(b) for b in lines])
            L.append("")
        riders = aa.free_riders
        L.append("Free riders (a share of contributions under three quarters of their "
                 "share of the alliance's GDP, and defence spending under the alliance's "
                 "rate): " + (_md(", ".join(f"{n} ({i})" for i, n in riders)) if riders
                                 else "none") + ".")
    else:
        L.append("No alliance or consultation pact in this campaign.")
    L += ["", "## Scores", ""]
    rows = [[s.nation, s.player or "", f"{s.total}/{s.possible}",
             f"{s.credibility[0]:.0f} → {s.credibility[1]:.0f}",
             "; ".join(s.met) or "—", "; ".join(s.missed) or "—"] for s in aa.scores]
    L += _table(["State", "Played by", "Score", "Credibility", "Objectives met",
                 "Objectives missed"], rows)
    if aa.institutions:
        L += ["", "## Institutions", ""]
        L += _table(["Institution", "Credibility at the start", "At the end"],
                    [[n, f"{a:.0f}", f"{b:.0f}"] for n, a, b in aa.institutions])
    if aa.designer_notes or aa.sources:
        L += ["", "## About this campaign", ""]
        if aa.designer_notes:
            L += [line for par in aa.designer_notes.split("\n\n") if par.strip()
                  for line in (_md(par.strip()), "")]
        if aa.sources:
            L += ["Sources:", ""] + [f"- {_md(src)}" for src in aa.sources]
    if aa.notes:
        L += ["", "---", ""] + [f"*{_md(n)}*  " for n in aa.notes]
    return "\n".join(L).rstrip() + "\n"


# --------------------------------------------------------------------- html
_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222}h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}td,th{border:1px solid #ddd;
padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
.kept{color:#1b7a2f}.broken,.declined,.rider{color:#b3261e;font-weight:600}
.lapsed,.open{color:#777}.muted{color:#666}figure.map{margin:1rem 0;overflow-x:auto}
figure.map svg{max-width:100%;height:auto}figcaption{font-weight:600}
@media print{h2{break-after:avoid}}"""


def _h(text: object) -> str:
    """Outside text in HTML: control characters visible, then escaped."""
    return html.escape(textsafe.printable(text))


def _htable(head: list[str], rows: list[list[object]], classes: list[str] | None = None) \
        -> str:
    out = ["<table><tr>" + "".join(f"<th>{_h(c)}</th>" for c in head) + "</tr>"]
    for i, row in enumerate(rows):
        cls = f' class="{classes[i]}"' if classes and classes[i] else ""
        out.append(f"<tr{cls}>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_page(aa: AfterAction) -> str:
    B: list[str] = [f"<h1>After-action report: {_h(aa.title)}</h1>"]
    if aa.description:
        B.append(f"<p>{_h(aa.description.strip().split(chr(10) * 2)[0])}</p>")
    text = aa.outcome_text[:1].upper() + aa.outcome_text[1:]
    B += [f"<p><strong>Outcome:</strong> {_h(text)}</p>",
          f'<p class="muted">{_h(_summary(aa))}</p>',
          "<h2>Escalation</h2>", svg_chart(aa.curve, aa.start_level, aa.marks)]
    if aa.maps:
        B.append("<h2>The map, round by round</h2>")
        B.append('<p class="muted">Cells coloured by bloc; the red bar is the share of '
                 "a state's land held by another; arrows are the round's attacks (red), "
                 "counter-offensives (green) and blockades (blue); dashed lines sanctions, "
                 "dotted lines open obligations.</p>")
        for label, svg in aa.maps:
            B.append(f'<figure class="map"><figcaption>{_h(label)}</figcaption>{svg}'
                     "</figure>")
    B.append("<h2>Turning points</h2>")
    if aa.timeline:
        B.append(_htable(["Round", "What", "Event"],
                         [[p.round, p.kind, p.text] for p in aa.timeline[:MAX_TIMELINE]]))
        if len(aa.timeline) > MAX_TIMELINE:
            B.append(f"<p>…and {len(aa.timeline) - MAX_TIMELINE} more.</p>")
    else:
        B.append("<p>A quiet crisis: no turning point.</p>")
    B.append("<h2>Thresholds crossed</h2>")
    if aa.thresholds:
        B.append("<ul>" + "".join(
            f"<li>Round {t.round}: the crisis {'rose past' if t.up else 'fell below'} "
            f"<em>{_h(t.rung)}</em> ({t.level:g})</li>" for t in aa.thresholds) + "</ul>")
    else:
        B.append("<p>No rung of the escalation ladder was crossed.</p>")
    B.append("<h2>Votes</h2>")
    if aa.votes:
        shown = aa.votes[:MAX_LEDGER]
        B.append(_htable(["Round", "Body", "Draft", "Result", "Who voted how"],
                         [[v.round, v.institution, v.subject, _result(v), _groups(v)]
                          for v in shown], ["kept" if v.adopted else "broken" for v in shown]))
        if len(aa.votes) > MAX_LEDGER:
            B.append(f"<p>…and {len(aa.votes) - MAX_LEDGER} more.</p>")
    else:
        B.append("<p>No draft was put to a vote.</p>")
    B.append("<h2>Obligations and commitments</h2>")
    counts = aa.kept_broken()
    if counts:
        B.append(_htable(["State", *(s.capitalize() for s in STATUS_ORDER)],
                         [[w, *(c.get(s, 0) for s in STATUS_ORDER)] for w, c in counts.items()]))
        duties = aa.duties[:MAX_LEDGER]
        B.append(_htable(["Round", "State", "Kind", "Duty", "Due", "Status"],
                         [[d.created, d.debtor, d.what, d.text, d.due, d.status]
                          for d in duties], [d.status for d in duties]))
        if len(aa.duties) > MAX_LEDGER:
            B.append(f"<p>…and {len(aa.duties) - MAX_LEDGER} more.</p>")
    else:
        B.append("<p>No obligation arose and no commitment was made.</p>")
    B.append("<h2>Burden sharing and free riders</h2>")
    if aa.burden:
        for inst, lines in aa.burden.items():
            B.append(f"<h3>{_h(inst)}</h3>")
            B.append(_htable(BURDEN_HEAD, [_burden_cells(b) for b in lines],
                             ["rider" if b.free_rider else "" for b in lines]))
        riders = aa.free_riders
        B.append("<p>Free riders: " + (_h(", ".join(f"{n} ({i})" for i, n in riders))
                                        if riders else "none") + ".</p>")
    else:
        B.append("<p>No alliance or consultation pact in this campaign.</p>")
    B.append("<h2>Scores</h2>")
    B.append(_htable(["State", "Played by", "Score", "Credibility", "Objectives met",
                      "Objectives missed"],
                     [[s.nation, s.player, f"{s.total}/{s.possible}",
                       f"{s.credibility[0]:.0f} → {s.credibility[1]:.0f}",
                       "; ".join(s.met) or "—", "; ".join(s.missed) or "—"]
                      for s in aa.scores]))
    if aa.institutions:
        B.append("<h2>Institutions</h2>")
        B.append(_htable(["Institution", "Credibility at the start", "At the end"],
                         [[n, f"{a:.0f}", f"{b:.0f}"] for n, a, b in aa.institutions]))
    if aa.designer_notes or aa.sources:
        B.append("<h2>About this campaign</h2>")
        B += [f"<p>{_h(par.strip())}</p>" for par in aa.designer_notes.split("\n\n")
              if par.strip()]
        if aa.sources:
            B.append("<p>Sources:</p><ul>" + "".join(f"<li>{_h(src)}</li>"
                                                    for src in aa.sources) + "</ul>")
    if aa.notes:
        B.append('<hr><p class="muted">' + "<br>".join(_h(n) for n in aa.notes) + "</p>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>After-action report: {_h(aa.title)}</title>"
            f"<style>{_CSS}</style></head><body>\n" + "\n".join(B) + "\n</body></html>\n")
