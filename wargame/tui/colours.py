"""Theme colours made readable: coloured words keep a 4.5:1 contrast (WCAG AA for
text) on the background and on the highlighted row, in every theme.

Textual's own themes highlight a row in a strong $primary block and colour words
with $text-warning, $text-success ...; on some themes (the light ones above all)
"not cast" or "awaiting your answer" in amber on the blue highlight reads at 1.5:1.
Here the highlight becomes a tint of $primary under the normal text colour, and
each coloured-text variable is darkened (light themes) or lightened (dark themes)
just enough.

Dim text ("[$text-dim]" in markup) is a colour, never the terminal's dim
attribute: a terminal draws that at about 3:1 on a light background. $text-dim is
the foreground moved toward the background, then back toward the ink until it
reads at 4.5:1 on every background it is shown on (the screen, panels, dialogs,
the highlighted row).
"""

from __future__ import annotations

from textual.color import Color

MINIMUM = 4.5
TEXT_COLOURS = ("text-warning", "text-success", "text-error", "text-accent",
                "text-primary", "text-secondary")
DIM_BLEND = 0.45  # how far dim text starts toward the background, before the check
CURSOR_TINT = 0.25  # share of $primary in the highlighted row
BLURRED_TINT = 0.12  # ... when the list does not have the focus


def luminance(c: Color) -> float:
    def channel(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: Color, backgrounds: list[Color], ink: Color) -> Color:
    """``colour`` moved toward ``ink`` (black or white) until it reads on every
    background; unchanged if it already does."""
    for step in range(21):
        c = colour.blend(ink, step / 20)
        if all(contrast(c, bg) >= MINIMUM for bg in backgrounds):
            return c
    return ink


def readable_variables(variables: dict[str, str], dark: bool) -> dict[str, str]:
    """The theme's CSS variables with a tinted highlight and readable text colours.
    A theme of the terminal's own colours (ansi-dark, ansi-light) is left alone:
    its colours are whatever the terminal makes of them."""
    out = dict(variables)
    out["text-dim"] = "ansi_default"  # the terminal's own colours: its normal text
    if any(variables.get(k, "").startswith("ansi_") or variables.get(k) == "transparent"
           for k in ("surface", "background", "foreground", "primary")):
        return out
    surface = Color.parse(variables["surface"])
    background = Color.parse(variables["background"])
    primary = Color.parse(variables["primary"])
    cursor = surface.blend(primary, CURSOR_TINT)
    blurred = surface.blend(primary, BLURRED_TINT)
    out["block-cursor-background"] = cursor.hex
    out["block-cursor-blurred-background"] = blurred.hex
    ink = Color(255, 255, 255) if dark else Color(0, 0, 0)
    foreground = readable(Color.parse(variables["foreground"]), [cursor], ink).hex
    out["block-cursor-foreground"] = foreground
    out["block-cursor-blurred-foreground"] = foreground
    out["block-cursor-text-style"] = "bold"
    grounds = [surface, background, cursor, blurred] + [
        Color.parse(variables[k]) for k in ("panel", "boost") if k in variables]
    grounds = [surface.blend(g, g.a) if g.a < 1 else g for g in grounds]  # $boost is a tint
    out["text-dim"] = readable(Color.parse(variables["foreground"]).blend(background, DIM_BLEND),
                               grounds, ink).hex
    for key in TEXT_COLOURS:
        if key in variables:
            out[key] = readable(Color.parse(variables[key]), grounds, ink).hex
    return out
