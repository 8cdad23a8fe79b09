"""Chart style shared by the figures and the Qt layer: colours, markers, font sizes, and ``translate``.

No matplotlib import here: the UI imports this module for colours without paying for matplotlib.
Colours are colour-blind safe (a single-hue-ish ramp for the ordered stages, Okabe–Ito for raters and
goals) and every series also differs by marker and line style, so charts read in black and white too.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` if Qt is already loaded (never imports it); else ``text``.

    Call it with the context spelled out, ``translate("charts", "Learners")``: that is how
    ``pyside6-lupdate`` finds the strings.
    """
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return text
    try:
        return qtcore.QCoreApplication.translate(context, text, disambiguation, n)
    except Exception:  # no application or an odd Qt state: untranslated is better than a crash
        return text


def has_locale() -> bool:
    """Qt is loaded and the default ``QLocale`` is a real language (not the neutral "C" locale)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    return qtcore is not None and qtcore.QLocale().language() != qtcore.QLocale.Language.C


def local_date(day: date, qt_format: str = "d MMM yyyy") -> str:
    """``day`` as the interface's locale writes it (``QLocale``, "5 mar 2025" in Spanish) if Qt is loaded.

    Without Qt (scripts, headless tests of this package) or in the neutral "C" locale: ISO ``2025-03-05``.
    """
    if not has_locale():
        return day.isoformat()
    qtcore = sys.modules["PySide6.QtCore"]
    return qtcore.QLocale().toString(qtcore.QDate(day.year, day.month, day.day), qt_format)


# ---------------------------------------------------------------------------------------------- palette

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Stage 1, 1.5, 2, 2.5, 3: light to dark (ColorBrewer YlGnBu, colour-blind and greyscale safe).
STAGE_COLORS: tuple[str, ...] = ("#D0EC9C", "#8FD1BB", "#41B6C4", "#2C7FB8", "#253494")
# Text colour readable on each stage colour.
STAGE_TEXT_COLORS: tuple[str, ...] = ("#000000", "#000000", "#000000", "#FFFFFF", "#FFFFFF")
# Bar edge colour, so neighbouring stage segments stay apart in print.
EDGE_COLOR = "#FFFFFF"
GRID_COLOR = "#D0D0D0"
MUTED_COLOR = "#595959"
# Learner and teacher see an element differently by at least GAP_THRESHOLD: highlight it.
GAP_COLOR = OKABE_ITO["vermillion"]
GAP_THRESHOLD = 0.5


def stage_index(value: float, vmin: float = 1.0, vmax: float = 3.0) -> int:
    """Which of the five stage colours fits ``value`` on a ``vmin``..``vmax`` scale."""
    if vmax <= vmin:
        return 0
    fraction = min(max((value - vmin) / (vmax - vmin), 0.0), 1.0)
    return int(fraction * (len(STAGE_COLORS) - 1) + 0.5)


def stage_color(value: float, vmin: float = 1.0, vmax: float = 3.0) -> str:
    return STAGE_COLORS[stage_index(value, vmin, vmax)]


def stage_text_color(value: float, vmin: float = 1.0, vmax: float = 3.0) -> str:
    return STAGE_TEXT_COLORS[stage_index(value, vmin, vmax)]


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn: colour, marker, line style; readable without colour."""

    color: str
    marker: str
    linestyle: str
    markersize: float
    linewidth: float
    filled: bool = True

    @property
    def facecolor(self) -> str:
        return self.color if self.filled else "white"


# Learner: open orange circles; teacher: filled blue squares; agreed: thick black line with diamonds.
RATER_STYLES: dict[str, SeriesStyle] = {
    "learner": SeriesStyle(OKABE_ITO["orange"], "o", ":", 12.0, 2.0, filled=False),
    "teacher": SeriesStyle(OKABE_ITO["blue"], "s", "--", 6.5, 2.0),
    "agreed": SeriesStyle(OKABE_ITO["black"], "D", "-", 5.0, 2.8),
}

# Goal counts over time.
GOAL_STYLES: dict[str, SeriesStyle] = {
    "set": SeriesStyle(MUTED_COLOR, "", "--", 0.0, 2.2),
    "in_progress": SeriesStyle(OKABE_ITO["sky_blue"], "", ":", 0.0, 3.2),
    "achieved": SeriesStyle(OKABE_ITO["bluish_green"], "", "-", 0.0, 3.2),
}

# One colour and marker per goal in the check-in panel (cycled).
GOAL_CYCLE: tuple[tuple[str, str], ...] = (
    (OKABE_ITO["reddish_purple"], "o"),
    (OKABE_ITO["blue"], "s"),
    (OKABE_ITO["orange"], "^"),
    (OKABE_ITO["bluish_green"], "D"),
    (OKABE_ITO["vermillion"], "v"),
    (OKABE_ITO["black"], "P"),
)


def rater_label(rater: str) -> str:
    return {"learner": translate("charts", "Learner"), "teacher": translate("charts", "Teacher"), "agreed": translate("charts", "Agreed")}.get(rater, rater)


# ---------------------------------------------------------------------------------------------- fonts

# Point sizes readable at projector distance (figures are sized around 13 x 8 inches).
FONT_SIZES: dict[str, float] = {
    "title": 19.0,
    "axes_title": 15.0,
    "label": 14.0,
    "tick": 12.5,
    "legend": 13.0,
    "annotation": 12.0,
    "empty": 20.0,
}


def font_size(role: str, scale: float = 1.0) -> float:
    return FONT_SIZES.get(role, FONT_SIZES["label"]) * scale


# Check-in scale labels (1..4): how is it going? The same words as the check-in form (``ui.labels.checkin_word``,
# which charts may not import): a test holds the two equal in every language.
def checkin_labels() -> dict[int, str]:
    return {1: translate("charts", "Not yet"), 2: translate("charts", "Getting started"),
            3: translate("charts", "On my way"), 4: translate("charts", "Got it!")}


def empty_message(kind: str = "assessments") -> str:
    """The centred text of a chart with nothing to show."""
    if kind == "goals":
        return translate("charts", "No goals yet…")
    return translate("charts", "No assessments yet…")
