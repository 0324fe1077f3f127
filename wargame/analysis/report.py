"""The HTML report of a sweep: one page, no scripts, charts drawn as inline SVG.

Every text on it comes from the campaign file or the command line, so every text
is escaped (``html.escape``): a page to hand to a class or put in a paper's
supplement, safe to open anywhere.
"""

from __future__ import annotations

from html import escape

CHARTS = ("attack_rate", "invasion_rate", "held_rate", "war_rate", "resolved_rate")
BAR_W, GAP, HEIGHT, LEFT, TOP = 46, 14, 180, 44, 16


def svg_bars(title: str, labels: list[str], values: list[float]) -> str:
    """A bar chart of shares (0..1) with a labelled axis."""
    width = LEFT + len(values) * (BAR_W + GAP) + GAP
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{HEIGHT + TOP + 60}" role="img" aria-label="{escape(title)}">']
    for pct in (0, 25, 50, 75, 100):
        y = TOP + HEIGHT - HEIGHT * pct / 100
        parts.append(f'<line x1="{LEFT - 4}" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" font-size="11" '
                     f'text-anchor="end">{pct}%</text>')
    for i, (label, v) in enumerate(zip(labels, values)):
        x = LEFT + GAP + i * (BAR_W + GAP)
        h = HEIGHT * max(0.0, min(1.0, v))
        parts.append(f'<rect x="{x}" y="{TOP + HEIGHT - h:.1f}" width="{BAR_W}" '
                     f'height="{h:.1f}" fill="#3b6ea5"><title>{escape(label)}: '
                     f'{100 * v:.0f}%</title></rect>')
        parts.append(f'<text x="{x + BAR_W / 2}" y="{TOP + HEIGHT - h - 4:.1f}" '
                     f'font-size="11" text-anchor="middle">{100 * v:.0f}%</text>')
        parts.append(f'<text x="{x + BAR_W / 2}" y="{TOP + HEIGHT + 14}" font-size="10" '
                     f'text-anchor="end" transform="rotate(-35 {x + BAR_W / 2} '
                     f'{TOP + HEIGHT + 14})">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def html_report(p, summaries) -> str:
    """The page: what was swept, a table per variant, a chart per metric."""
    from pathlib import Path

    from .sweep import METRICS

    name = Path(p.campaign).name
    labels = [v.label for v, _ in summaries]
    head = "".join(f"<th>{escape(path)}</th>" for path, _ in summaries[0][0].values)
    cols = ("attack_rate", "invasion_rate", "held_rate", "war_rate", "resolved_rate",
            "kept", "declined", "peak")
    head += "".join(f"<th>{escape(c)}</th>" for c in cols)
    body = []
    for v, s in summaries:
        cells = "".join(f"<td>{escape(val)}</td>" for _, val in v.values)
        cells += "".join(f"<td>{100 * s[c]:.0f}%</td>" if c.endswith("_rate")
                         else f"<td>{s[c]:.2f}</td>" for c in cols)
        body.append(f"<tr>{cells}</tr>")
    charts = "".join(f"<h2>{escape(METRICS[m])}</h2>"
                     f"{svg_bars(METRICS[m], labels, [s[m] for _, s in summaries])}"
                     for m in CHARTS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Sweep of {escape(name)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .5em;
text-align:right}}</style></head><body>
<h1>Sweep of {escape(name)}</h1>
<p>{p.games} computer games a variant, seed {p.seed}, difficulty {escape(p.difficulty)};
game <i>i</i> of every variant is played with the same seed, so differences between
variants come from the variant (common random numbers). Metric of the terminal chart:
{escape(p.metric)}.</p>
<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>
{charts}
</body></html>
"""
