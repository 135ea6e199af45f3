"""The HTML handout's one embedded stylesheet: screen, print (A4 or letter) and large print.

No web fonts, images or scripts are fetched: the page uses the reader's own sans-serif and works offline.
Sizes are in rem, so the reader's zoom and font-size settings scale everything; large print makes the body
text 14 pt or more, on screen and on paper, as the PDF does. Every colour that carries text is checked for
contrast (``COLOUR_PAIRS``, WCAG AA: 4.5:1), and every coloured band also says its meaning in words.
"""

from __future__ import annotations

from rehabgen.model.vocab import Phase

INK = "#1a1a1a"
QUIET = "#4d4d4d"
PAPER = "#ffffff"
RULE = "#8a9aa4"
GREEN = "#2e7d32"
AMBER = "#8a5200"
RED = "#c62828"
GREY = "#555555"
AMBER_TINT = "#fff4e0"
LIGHT = "#f2f4f5"
DEFAULT_ACCENT = "#1f6f8b"

TIER_COLOURS = {"emergency": RED, "urgent": AMBER, "soon": GREY, "green": GREEN, "amber": AMBER, "red": RED}
"""The colour of each graded band (safety net, traffic light), by its code; white text goes on it."""

PHASE_TINTS = {
    Phase.PROTECT: "#fdecea",
    Phase.RESTORE: "#fff4d6",
    Phase.STRENGTHEN: "#e3f1e6",
    Phase.RETURN_TO_RUN: "#e2eef8",
}
"""Calendar rows are shaded by phase, as in the PDF; ink text goes on them."""

COLOUR_PAIRS: tuple[tuple[str, str], ...] = (
    (INK, PAPER),
    (QUIET, PAPER),
    (QUIET, LIGHT),
    (INK, AMBER_TINT),
    (RED, PAPER),
    (AMBER, PAPER),
    *((PAPER, colour) for colour in TIER_COLOURS.values()),
    *((INK, tint) for tint in PHASE_TINTS.values()),
    *((QUIET, tint) for tint in PHASE_TINTS.values()),
)
"""(text, background) pairs the stylesheet uses, besides the accent (see ``readable_accent``)."""


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    a, b = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable_accent(accent: str) -> str:
    """The accent, darkened just enough to carry white text and to be read on white and light grey (4.5:1)."""
    r, g, b = (int(accent[i : i + 2], 16) for i in (1, 3, 5))
    colour = accent.lower()
    step = 0
    while contrast(colour, LIGHT) < 4.5:  # LIGHT is darker than PAPER: enough on it is enough on white
        step += 1
        k = 1 - step / 20
        colour = f"#{round(r * k):02x}{round(g * k):02x}{round(b * k):02x}"
    return colour


def stylesheet(*, accent: str | None, large_print: bool, page_size: str) -> str:
    """The stylesheet for one handout: its accent colour, type size and paper."""
    page = "letter" if page_size.lower() == "letter" else "A4"
    screen_size, print_size = ("125%", "14pt") if large_print else ("100%", "10pt")
    head = (
        f":root{{--accent:{readable_accent(accent or DEFAULT_ACCENT)};--ink:{INK};--quiet:{QUIET};"
        f"--rule:{RULE};--light:{LIGHT};--amber:{AMBER};--amber-tint:{AMBER_TINT};--red:{RED}}}\n"
        f"html{{font-size:{screen_size}}}\n"
    )
    tiers = "".join(f".tier-{code}>.band{{background:{colour}}}\n" for code, colour in TIER_COLOURS.items())
    phases = "".join(f"tr.phase-{phase.value}>*{{background:{tint}}}\n" for phase, tint in PHASE_TINTS.items())
    printing = f"@page{{size:{page};margin:15mm}}\n@media print{{html{{font-size:{print_size}}}{_PRINT}}}\n"
    return head + _SCREEN + tiers + phases + printing


_SCREEN = """\
*,*::before,*::after{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;line-height:1.5;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
.skip-link{position:absolute;left:-100vw;top:0;background:#fff;color:var(--ink);padding:.5rem 1rem}
.skip-link:focus{left:0;z-index:1}
.masthead{background:var(--accent);color:#fff;padding:1rem max(1rem,calc((100% - 50rem)/2))}
.masthead p{margin:0}.masthead .clinic-name{font-size:1.35rem;font-weight:700}
.masthead .logo{float:right;max-height:4rem;max-width:10rem;background:#fff;padding:.25rem}
main,.colophon{max-width:52rem;margin:0 auto;padding:0 1rem}
h1,h2,h3,h4,h5{line-height:1.25;margin:1.4em 0 .5em}
h1{font-size:2rem;color:var(--accent);margin-top:1rem}
h2{font-size:1.5rem;color:var(--accent);border-bottom:2px solid var(--accent);padding-bottom:.2rem}
h3{font-size:1.2rem}h4{font-size:1.15rem;margin:0 0 .25rem}h5{font-size:1rem;margin:.9em 0 .25em}
p,ul,ol{margin:.4em 0 .7em}li{margin:.2em 0}
a{color:var(--accent)}a:focus-visible,input:focus-visible,.table-scroll:focus-visible{outline:3px solid var(--ink);
outline-offset:2px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1.2rem;margin:0 0 1rem}
.facts dt{font-weight:700;color:var(--quiet)}.facts dd{margin:0}
.small{font-size:.875rem;color:var(--quiet)}.codes{font-size:.8rem;color:var(--quiet);display:block}
.box{border:2px solid var(--rule);border-radius:.4rem;padding:.2rem 1rem;margin:1rem 0}
.box h2,.box h3{margin-top:.6em;border:0}
.safety-net{border:4px solid var(--red)}.safety-net h2,.safety-net h3{color:var(--red)}
.gate,.caution,.bone{border-color:var(--amber);background:var(--amber-tint)}
.note-box{background:var(--light)}
.title-facts{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-start}.title-facts>.facts{flex:1 1 20rem}
.clinician-box{flex:1 1 18rem;margin:0 0 1rem;background:var(--light)}
.clinician-box h2{font-size:1rem;color:var(--ink);margin:.4em 0 .3em}.clinician-box .facts{margin:0 0 .4rem}
.write-in{border-bottom:1px solid var(--rule);min-height:1.6em}
.write-in.lines-2{min-height:3.2em;
background:linear-gradient(transparent calc(50% - 1px),var(--rule) calc(50% - 1px),var(--rule) 50%,transparent 50%)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.banner{background:var(--amber);color:#fff;border-radius:.4rem;padding:.4rem 1rem;margin:1rem 0}
.banner h2{color:#fff;border:0;margin-top:.4em}
.referral{border-radius:.4rem;padding:.4rem 1rem;margin:1rem 0;color:#fff;font-size:1.15rem}
.referral h2{color:#fff;border:0;margin-top:.5em}
.referral-emergency{background:var(--red)}.referral-urgent{background:var(--amber)}
.referral-clinician{background:var(--accent)}
.tiers{list-style:none;padding:0}.tiers li{margin:.5rem 0}
.band{display:inline-block;color:#fff;font-weight:700;padding:0 .45rem;border-radius:.25rem;margin-right:.3rem}
.contents{background:var(--light);border-radius:.4rem;padding:.2rem 1rem .4rem;margin:1.5rem 0}
.contents h2{border:0;color:var(--ink);font-size:1.2rem;margin:.6em 0 .2em}
.contents ol{columns:2 16rem;margin:0}
.checklist{list-style:none;padding:0}.checklist li{display:flex;gap:.6rem;align-items:flex-start}
.checklist input,.ticks input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none}
.table-scroll{overflow-x:auto;margin:.6rem 0 1rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:700;padding:.3rem 0}
th,td{border:1px solid var(--rule);padding:.3rem .4rem;text-align:left;vertical-align:top}
thead th{background:var(--light)}
.calendar td,.calendar th,.tracking td,.tracking th{font-size:.875rem}
.calendar ul,.ticks{list-style:none;padding:0;margin:0}.calendar li{margin:0 0 .2rem}
.calendar .date{display:block;color:var(--quiet);font-size:.8rem}
.calendar .run,.calendar .exercise{font-weight:700}
.calendar tr.lighter>th{border-left:.3rem solid #607d8b}
.ticks li{display:flex;gap:.3rem;align-items:flex-start;margin:0 0 .2rem}
.sheet th[scope=row]{font-weight:400;min-width:14rem}.sheet .block{display:block;margin-top:.15rem}
.sheet td,.sheet thead th{font-size:.9rem}
.score{width:3.5rem;font:inherit;padding:.15rem}.scored{white-space:nowrap}
.phase-group{border-top:1px solid var(--rule);padding-top:.2rem}
.card{border:1px solid var(--rule);border-top:4px solid var(--accent);border-radius:.4rem;padding:.8rem 1rem;
margin:1rem 0}
.card-head{display:flex;flex-wrap:wrap;gap:1rem}
.card-head figure{margin:0;flex:0 1 15rem}.card-head .about{flex:1 1 18rem}
.picture{width:100%;height:auto;display:block;border:1px solid #e4e8ea;border-radius:.3rem;background:#fff}
.card .columns{display:flex;flex-wrap:wrap;gap:0 1.5rem}.card .columns>div{flex:1 1 16rem}
.caution{border:2px solid var(--amber);border-radius:.3rem;padding:.3rem .7rem;margin:.6rem 0}
.doses{margin-top:.2rem}
.colophon{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.5rem;padding-bottom:2rem}
.large .card-head figure{flex-basis:100%;max-width:28rem}
"""

_PRINT = """
body{background:#fff;line-height:1.3}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
p,ul,ol{margin:.2em 0 .4em}li{margin:0}h2{margin-top:0}h3{margin:1em 0 .35em}h5{margin:.4em 0 .05em}
.card{padding:.4rem .8rem;margin:.5rem 0}.card .columns{font-size:.85rem}.doses{columns:2 16rem;column-gap:1.5rem}
.card h4{font-size:1.1rem}
.skip-link,.contents{display:none}
main,.colophon{max-width:none;padding:0}
.masthead{padding:.6rem 1rem}
.page{break-before:page}
h1,h2,h3,h4,h5{break-after:avoid}
.card,.box,.banner,.referral,figure,tr,.tiers li,.checklist li,.caution{break-inside:avoid}
thead{display:table-header-group}
.table-scroll{overflow:visible}
a{color:inherit;text-decoration:none}
.card{border-top-width:3px}
.card-head figure{flex-basis:11rem}
.colophon{margin-top:1rem}
"""
