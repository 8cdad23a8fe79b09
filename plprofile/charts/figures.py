"""Figure builders: domain data in, a matplotlib ``Figure`` out (object-oriented API, no pyplot).

The UI imports this module lazily. Every builder returns a Figure even for empty input (a centred
"No assessments yet…" message). Artists carry a ``gid`` (e.g. ``"voice:agreed"``) so tests and the UI can
find them; the numbers plotted are the ones ``tables.py`` prints.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import Formatter, Locator, MaxNLocator
from matplotlib.transforms import Bbox

from plprofile.charts import style
from plprofile.charts.style import translate
from plprofile.charts.tables import (
    OVERALL_KEY,
    RATERS,
    checkins_by_goal,
    class_is_empty,
    goal_name,
    goal_series_labels,
    now_rows,
    over_time_counts,
    over_time_title,
    progress_panels,
    stage_column_label,
)
from plprofile.domain.framework import Framework, format_value
from plprofile.domain.progress import GOAL_COUNT_KEYS, Assessment, CheckInPoint, DistributionAt

# gid of the centred text on an empty figure.
EMPTY_GID = "empty-state"


# ---------------------------------------------------------------------------------------------- helpers


LAYOUT_PADS = dict(h_pad=0.08, w_pad=0.08, hspace=0.04, wspace=0.03)
#: Where a figure built here keeps what ``update_progress_figure`` needs to reuse it.
REUSE_ATTR = "_plprofile_reuse"
#: Where a class figure keeps what depends on the size it is drawn at (``RowLayout`` fits it on each layout).
FIT_ATTR = "_plprofile_fit"
#: gid of the numbers written inside the bars of now
COUNT_GID = "now:count"
#: The class chart's bars of now, as a share of a row
BAR_THICKNESS = 0.72


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    fig.get_layout_engine().set(**LAYOUT_PADS)
    return fig


class RowLayout(LayoutEngine):
    """A row of subplots (any width ratios) under a suptitle, with the figure's legends below them, laid out in
    one pass: what sticks out of each axes (tick labels, axis labels, its title) is measured once, at the
    renderer's size, and the subplot parameters are set so that all of it fits with ``pad`` inches around.

    The same result as ``layout="constrained"`` for such a figure (tested side by side), for less: constrained
    layout measures every axes twice and solves a general grid, most of the class overview's drawing time.
    """

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self, pad: float = LAYOUT_PADS["w_pad"]) -> None:
        super().__init__()
        self._params = {"pad": pad}

    def set(self, *, pad: float | None = None) -> None:
        if pad is not None:
            self._params["pad"] = pad

    def execute(self, fig: Figure, *, again: bool = False) -> None:
        axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_subplotspec() is not None]
        if not axes:
            return
        renderer = fig._get_renderer()
        width, height = fig.bbox.width, fig.bbox.height
        pad = self._params["pad"] * fig.dpi
        fit = getattr(fig, FIT_ATTR, None)
        if fit is not None:
            _fit_legend(fit, renderer, width - 2 * pad)
        # (left, right, bottom, top) beyond each axes' frame, in pixels: the same wherever the frame goes
        out = []
        for ax in axes:
            frame = ax.get_window_extent(renderer)
            tight = ax.get_tightbbox(renderer, for_layout_only=True)
            out.append((max(0.0, frame.x0 - tight.x0), max(0.0, tight.x1 - frame.x1),
                        max(0.0, frame.y0 - tight.y0), max(0.0, tight.y1 - frame.y1)))
        top = pad
        title = fig._suptitle
        if title is not None and title.get_visible() and title.get_text():
            title.set_y(1 - pad / height)  # its top ``pad`` below the figure's (it hangs from y)
            title.set_verticalalignment("top")
            _wrap_to_fit(title, renderer, lambda box: box.width <= width - 2 * pad)
            top += title.get_window_extent(renderer).height + pad
        bottom = pad
        for legend in fig.legends:
            legend.set_bbox_to_anchor((0.5, pad / height), transform=fig.transFigure)
            if legend.get_visible():
                bottom = max(bottom, legend.get_window_extent(renderer).y1 + pad)
        left, right = pad + out[0][0], width - pad - out[-1][1]
        gap = max((a[1] + pad + b[0] for a, b in zip(out, out[1:], strict=False)), default=0.0)
        each = (right - left - gap * (len(axes) - 1)) / len(axes)  # the mean width gridspec's wspace is of
        y0, y1 = bottom + max(o[2] for o in out), height - top - max(o[3] for o in out)
        if each <= 0 or y1 <= y0:
            return  # too small to hold its labels: leave it as it is rather than fail to draw
        fig.subplots_adjust(left=left / width, right=right / width, bottom=y0 / height, top=y1 / height,
                            wspace=gap / each)
        if fit is not None:
            _fit_bars(fit, renderer)
            # each panel's title ends before the next panel's labels, the last one's before the figure's edge
            rights = [ax.bbox.x0 - o[0] - pad / 2 for ax, o in zip(axes[1:], out[1:], strict=True)]
            wrapped = [_wrap_to_fit(title, renderer, lambda box, r=right: box.x1 <= r)
                       for title, right in zip(fit["titles"], [*rights, width - pad], strict=False)]
            if any(wrapped) and not again:
                self.execute(fig, again=True)  # a title on more lines is taller: measure again


def _wrap_to_fit(text: Text, renderer, fits: Callable[[Bbox], bool]) -> bool:  # noqa: ANN001
    """``text`` on one line if it ``fits`` so, else on as few as do (at most about 8 characters a line);
    True if that changed its lines."""
    before = text.get_text()
    words = before.replace("\n", " ")
    for width in range(len(words), 8, -4):
        text.set_text(textwrap.fill(words, width, break_long_words=False) or words)
        if fits(text.get_window_extent(renderer)):
            break
    return text.get_text() != before


def _fit_legend(fit: dict, renderer, room: float) -> None:  # noqa: ANN001
    """The legend in one row where it fits ``room`` pixels, else in two, three ... rows (a narrow window, large
    text): each shape is made with the figure (an artist added while laying out would not be drawn), one is
    shown."""
    shown = None
    for legend in fit["legends"]:
        legend.set_visible(False)
        if shown is None and legend.get_window_extent(renderer).width <= room:
            shown = legend
    (shown or fit["legends"][-1]).set_visible(True)


def _fit_bars(fit: dict, renderer) -> None:  # noqa: ANN001
    """What the bars show at the size they are drawn: a count only where its bar is wide enough to hold it,
    and the bars over time without their white edges once they are too thin to show colour between them."""
    now_ax = fit["now_ax"]
    low, high = now_ax.get_xlim()
    per_learner = now_ax.bbox.width / ((high - low) or 1)
    low, high = now_ax.get_ylim()
    thickness = BAR_THICKNESS * now_ax.bbox.height / (abs(high - low) or 1)
    margin = renderer.points_to_pixels(3)
    for text, count in fit["counts"]:
        text.set_visible(True)  # a hidden text measures nothing
        box = text.get_window_extent(renderer)
        text.set_visible(box.width + margin <= count * per_learner and box.height <= thickness * 1.15)
    time_ax = fit.get("time_ax")
    if time_ax is not None:
        low, high = time_ax.get_xlim()
        thin = fit["bar_days"] * time_ax.bbox.width / ((high - low) or 1) < renderer.points_to_pixels(4)
        # too thin for white edges and gaps between them: the bars (nearly) meet, as one band per stage
        fit["drawn_days"] = max(fit["bar_days"], 0.95 * fit["spacing"]) if thin else fit["bar_days"]
        for bars in fit["time_bars"]:
            bars.set_linewidth(0.0 if thin else 1.0)
            _set_thickness(bars, fit["drawn_days"])


def _spacing(days: Sequence[date]) -> float:
    """The least distance in days between bars over time (today's bar may stand closer than a month)."""
    return float(min(((b - a).days for a, b in zip(days, days[1:], strict=False)), default=20))


def _set_thickness(bars: PolyCollection, days: float) -> None:
    """Bars over time ``days`` wide about the days they stand for (their heights as they are)."""
    for path in bars.get_paths():
        xs = path.vertices[:, 0]
        centre = (xs.min() + xs.max()) / 2
        xs[xs < centre] = centre - days / 2
        xs[xs > centre] = centre + days / 2
    bars.stale = True


def relayout(fig: Figure) -> None:
    """Lay the figure out again on its next draw (after a resize); a no-op while it is laid out on each draw.

    ``update_progress_figure`` keeps the layout of the first draw, which is most of the cost of a redraw.
    """
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    reuse = getattr(fig, REUSE_ATTR, None)
    if not isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine) or reuse is None:
        return
    reuse["background"] = None  # a picture of the old layout: the next draw is a full one
    if reuse["kind"] == "class":
        fig.set_layout_engine(RowLayout())
        return
    fig.set_layout_engine("constrained")
    fig.get_layout_engine().set(**LAYOUT_PADS)


def empty_figure(message: str | None = None, width: float = 10.0, height: float = 5.0) -> Figure:
    """A figure that only says there is nothing to show yet."""
    fig = Figure(figsize=(width, height))
    fig.text(
        0.5,
        0.5,
        message or style.empty_message(),
        ha="center",
        va="center",
        fontsize=style.font_size("empty"),
        color=style.MUTED_COLOR,
        gid=EMPTY_GID,
    )
    return fig


def _title(fig: Figure, title: str | None) -> None:
    if title:
        fig.suptitle(title, fontsize=style.font_size("title"), fontweight="bold")


class _LocaleDateFormatter(Formatter):
    """Date ticks in the interface's language ("5 mar", "mar 2025"): month names come from ``QLocale``.

    Without Qt (or in the neutral "C" locale) matplotlib's concise English ticks are used.
    """

    def __init__(self, locator: AutoDateLocator) -> None:
        self.concise = ConciseDateFormatter(locator, show_offset=True)

    def set_axis(self, axis) -> None:  # noqa: ANN001
        super().set_axis(axis)
        self.concise.set_axis(axis)

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not style.has_locale():
            return self.concise(x, pos)
        return style.local_date(num2date(x).date())

    def format_ticks(self, values):  # noqa: ANN001, ANN201
        """Month ticks ("ene", "mar") over a long span, day ticks ("5 mar") over a short one; the year under
        the first tick and wherever it changes, as matplotlib's concise formatter does.

        Panels sharing their x axis share this formatter and ask for the same ticks: worked out once."""
        key = tuple(values)
        if getattr(self, "_last", (None,))[0] != key:
            self._last = (key, self._format_ticks(values))
        return list(self._last[1])

    def _format_ticks(self, values):  # noqa: ANN001, ANN202
        if not style.has_locale():
            return self.concise.format_ticks(values)
        days = [num2date(v).date() for v in values]
        long_span = len(days) > 1 and (days[-1] - days[0]).days > 120
        labels, year = [], None
        for day in days:
            text = style.local_date(day, "MMM" if long_span else "d MMM")
            if day.year != year:
                text += "\n" + str(day.year)
                year = day.year
            labels.append(text)
        return labels

    def get_offset(self) -> str:
        return "" if style.has_locale() else self.concise.get_offset()


class _DateTicksFor(Locator):
    """The date ticks of a fixed span (3 to 7, worked out once, all of them at a chart's design size), thinned to
    what the axis is wide enough to hold in a narrow window."""

    def __init__(self, limits: tuple[date, date]) -> None:
        self.low, self.high = (float(x) for x in date2num(limits))
        ticks = AutoDateLocator(minticks=3, maxticks=7).tick_values(num2date(self.low), num2date(self.high))
        self.ticks = [float(t) for t in ticks if self.low <= t <= self.high]

    def __call__(self) -> list[float]:
        fits = max(2, self.axis.get_tick_space())
        return self.ticks[::max(1, math.ceil(len(self.ticks) / fits))]  # every other month, or every third, ...

    def tick_values(self, vmin: float, vmax: float) -> list[float]:
        return [t for t in self() if vmin <= t <= vmax]


def _date_axis(ax: Axes, limits: tuple[date, date] | None = None) -> None:
    """Date ticks in the locale's words; with known ``limits`` they are worked out once (a redraw skips it)."""
    locator = AutoDateLocator(minticks=3, maxticks=7)
    formatter = _LocaleDateFormatter(locator)
    ax.xaxis.set_major_locator(locator if limits is None else _DateTicksFor(limits))
    ax.xaxis.set_major_formatter(formatter)
    ax.tick_params(axis="x", labelsize=style.font_size("tick"))


def _date_limits(days: Iterable[date], date_range: tuple[date, date] | None) -> tuple[date, date] | None:
    """The x range: the given one, else the data's with a margin (at least a fortnight wide)."""
    if date_range is not None:
        return date_range
    days = sorted(days)
    if not days:
        return None
    span = (days[-1] - days[0]).days
    margin = timedelta(days=max(15, round(span * 0.05)))
    return days[0] - margin, days[-1] + margin


def _wrap(text: str, width: int = 16) -> str:
    return textwrap.fill(text, width, break_long_words=False) or text


def _plot_rater(
    ax: Axes, rater: str, points: Sequence[tuple[date, float]], gid: str, *, line: bool
) -> Line2D:
    s = style.RATER_STYLES[rater]
    xs = [d for d, _ in points]
    ys = [v for _, v in points]
    (artist,) = ax.plot(
        xs,
        ys,
        linestyle=s.linestyle if line else "none",
        linewidth=s.linewidth,
        color=s.color,
        marker=s.marker,
        markersize=s.markersize,
        markerfacecolor=s.facecolor,
        markeredgecolor=s.color,
        markeredgewidth=2.0 if not s.filled else 1.0,
        label=style.rater_label(rater),
        gid=gid,
        zorder={"learner": 3, "teacher": 4, "agreed": 5}[rater],
        clip_on=False,
    )
    _no_layout_if_empty(artist)
    return artist


def _no_layout_if_empty(line: Line2D) -> None:
    """An empty unclipped line reports a box at the figure origin; keep it out of the layout."""
    if not len(line.get_xdata()):
        line.set_in_layout(False)


def _rater_handles(now: bool = False) -> list[Line2D]:
    handles = []
    for rater in RATERS:
        s = style.RATER_STYLES[rater]
        if rater == "agreed" and now:
            handles.append(_agreed_now_handle())
            continue
        handles.append(
            Line2D(
                [],
                [],
                linestyle=s.linestyle if rater == "agreed" else "none",
                linewidth=s.linewidth,
                color=s.color,
                marker=s.marker,
                markersize=s.markersize,
                markerfacecolor=s.facecolor,
                markeredgecolor=s.color,
                markeredgewidth=2.0 if not s.filled else 1.0,
                label=style.rater_label(rater),
            )
        )
    return handles


def _stage_ticks(
    framework: Framework, lang: str, wrap: int, *, number_apart: bool = False
) -> tuple[list[float], list[str]]:
    """Ticks at whole stages labelled "1 Teacher-centred" (wrapped), or the number on a line of its own."""
    values = [s.value for s in framework.stages]
    sep = "\n" if number_apart else " "
    labels = [
        _wrap(f"{format_value(s.value)}{sep}{s.text(lang)}", wrap)
        if not number_apart
        else f"{format_value(s.value)}\n{_wrap(s.text(lang), wrap)}"
        for s in framework.stages
    ]
    return values, labels


def _no_axis_labels(ax: Axes) -> None:
    """Small multiples carry no axis labels: say so, so that a draw does not place the empty ones (matplotlib
    measures the tick labels of every shared sibling for that: most of a redraw of eleven panels)."""
    for axis in (ax.xaxis, ax.yaxis):
        axis.label.set_visible(False)
        axis.set_label_coords(0.5, 0.5)


def _stage_grid(ax: Axes, framework: Framework, axis: str) -> None:
    """Solid lines at whole stages, dotted at the steps between."""
    for v in framework.allowed_values():
        whole = framework.stage(v) is not None
        kw = dict(
            color=style.GRID_COLOR, linewidth=1.0 if whole else 0.8, linestyle="-" if whole else ":", zorder=0
        )
        (ax.axhline if axis == "y" else ax.axvline)(v, **kw)


# ---------------------------------------------------------------------------------------------- progress


def progress_figure(
    history: Sequence[Assessment],
    framework: Framework,
    lang: str = "en",
    *,
    title: str | None = None,
    date_range: tuple[date, date] | None = None,
) -> Figure:
    """Small multiples: the overall stage and each element over time (agreed line, learner and teacher markers)."""
    history = list(history)
    panels = progress_panels(history, framework, lang)
    if all(p.is_empty() for p in panels):
        return empty_figure()
    ncols = 4
    nrows = math.ceil((len(panels) + 1) / ncols)
    fig = _figure(16.0, 1.2 + 2.9 * nrows)
    _title(fig, title)
    axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)
    scale = framework.scale
    limits = _date_limits((a.assessed_on for a in history), date_range)
    ticks, tick_labels = _stage_ticks(framework, lang, wrap=18)
    for i, ax in enumerate(axes.flat):
        if i >= len(panels):
            ax.set_axis_off()
            continue
        panel = panels[i]
        key = panel.key or "overall"
        for rater in RATERS:
            _plot_rater(ax, rater, panel.series[rater], f"{key}:{rater}", line=rater == "agreed")
        if panel.is_empty():
            ax.text(
                0.5,
                0.5,
                translate("charts", "Not assessed yet"),
                transform=ax.transAxes,
                ha="center",
                va="center",
                fontsize=style.font_size("annotation"),
                color=style.MUTED_COLOR,
            )
        ax.set_title(
            panel.title,
            fontsize=style.font_size("axes_title"),
            fontweight="bold" if panel.key == OVERALL_KEY else "normal",
            loc="left",
            y=1.0,  # where matplotlib would put it (no ticks on top), without measuring it on every draw
        )
        _no_axis_labels(ax)
        if panel.key == OVERALL_KEY:
            ax.set_facecolor("#F4F4F4")
        _stage_grid(ax, framework, "y")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", labelsize=style.font_size("tick"))
        _date_axis(ax, limits)
    first = axes[0][0]
    first.set_ylim(scale.min - 0.25, scale.max + 0.25)
    first.set_yticks(ticks, tick_labels)
    if limits:
        first.set_xlim(*limits)
    for row in axes:
        for ax in row[1:]:
            ax.tick_params(axis="y", labelleft=False)
    # the bottom panel of each column shows its dates, also above an empty slot
    for col in range(ncols):
        column = [axes[r][col] for r in range(nrows) if (r * ncols + col) < len(panels)]
        for ax in column[:-1]:
            ax.tick_params(axis="x", labelbottom=False)
        if column:
            column[-1].tick_params(axis="x", labelbottom=True)
    spare = [ax for i, ax in enumerate(axes.flat) if i >= len(panels)]
    legend_kw = dict(
        fontsize=style.font_size("legend"),
        frameon=False,
        title=translate("charts", "Who rated"),
        title_fontsize=style.font_size("legend"),
    )
    if spare:
        spare[0].legend(handles=_rater_handles(), loc="center", **legend_kw)
    else:
        fig.legend(handles=_rater_handles(), loc="outside lower center", ncol=3, **legend_kw)
    setattr(fig, REUSE_ATTR, {
        "kind": "progress", "key": (framework.key, lang, bool(title)), "empty": [p.is_empty() for p in panels],
        "axes": [axes.flat[i] for i in range(len(panels))],
        "lines": {(i, r): line for i in range(len(panels)) for r in RATERS
                  for line in axes.flat[i].get_lines() if line.get_gid() == f"{panels[i].key or 'overall'}:{r}"},
    })
    return fig


def update_progress_figure(
    fig: Figure,
    history: Sequence[Assessment],
    framework: Framework,
    lang: str = "en",
    *,
    title: str | None = None,
    date_range: tuple[date, date] | None = None,
) -> bool:
    """Put another history into a drawn ``progress_figure``, keeping its axes and its layout; True if done.

    What switching learners costs: the same panels get new points, dates and title, and the next draw skips
    the layout (``relayout`` asks for one after a resize). False (build a new figure then) when the figure
    was made for another framework or language, or a panel would change between empty and not.
    """
    reuse = getattr(fig, REUSE_ATTR, None)
    if reuse is None or reuse["kind"] != "progress" or reuse["key"] != (framework.key, lang, bool(title)):
        return False
    history = list(history)
    panels = progress_panels(history, framework, lang)
    if [p.is_empty() for p in panels] != reuse["empty"] or len(reuse["lines"]) != len(panels) * len(RATERS):
        return False
    for i, panel in enumerate(panels):
        for rater in RATERS:
            points = panel.series[rater]
            reuse["lines"][(i, rater)].set_data([d for d, _ in points], [v for _, v in points])
    if title:
        fig._suptitle.set_text(title)
    limits = _date_limits((a.assessed_on for a in history), date_range)
    # the panels share their x axis, locator and formatter included: setting them once sets them all
    _date_axis(reuse["axes"][0], limits)
    if limits:
        reuse["axes"][0].set_xlim(*limits)
    fig.set_layout_engine("none")
    _draw_changes_apart(fig, reuse)
    return True


def _draw_changes_apart(fig: Figure, reuse: dict, dynamic: list | None = None) -> None:
    """From now on, what changes (a progress figure's points, dates and title for another learner; ``dynamic``
    if given) is drawn over a saved picture of the rest (titles, stage ticks, grid, legend): ``redraw`` then
    draws a fraction of what a full draw does."""
    if "dynamic" in reuse or fig.canvas is None:
        return
    if dynamic is None:
        dynamic = [*reuse["lines"].values(), *(ax.xaxis for ax in reuse["axes"])]
        if fig._suptitle is not None:
            dynamic.append(fig._suptitle)
    for artist in dynamic:
        artist.set_animated(True)  # left out of a full draw; drawn on top of it by _after_full_draw
    reuse["dynamic"] = dynamic
    reuse["background"] = None

    def after_full_draw(_event) -> None:  # noqa: ANN001
        canvas = fig.canvas
        reuse["background"] = canvas.copy_from_bbox(fig.bbox)
        reuse["size"] = canvas.get_width_height()
        for artist in dynamic:
            fig.draw_artist(artist)

    reuse["listener"] = fig.canvas.mpl_connect("draw_event", after_full_draw)


def redraw(fig: Figure) -> None:
    """Draw a figure ``update_progress_figure`` changed: only the changes over the saved picture of the rest
    when there is one at this size, else everything (which saves that picture)."""
    reuse = getattr(fig, REUSE_ATTR, None) or {}
    canvas = fig.canvas
    background = reuse.get("background")
    if background is None or reuse.get("size") != canvas.get_width_height() or not hasattr(canvas, "blit"):
        canvas.draw()
        return
    canvas.restore_region(background)
    for artist in reuse["dynamic"]:
        fig.draw_artist(artist)
    canvas.blit(fig.bbox)



def release(fig: Figure) -> None:
    """Let go of the pixels a drawn figure holds, now: its canvas's renderer (width x height x 4 bytes) and
    any saved background. A figure and its canvas refer to each other, so they wait for Python's cycle
    collector; every text drawn also keeps the renderer, so without this its buffer (a few MB) waits with them,
    once for each figure made and dropped (a conference PDF, a chart replaced). The figure can still be drawn.
    """
    for text in fig.findobj(Text):
        text._renderer = None  # set by each draw; matplotlib keeps it only to measure the text later
    canvas = fig.canvas
    if hasattr(canvas, "renderer"):
        canvas.renderer = None
        canvas._lastKey = None
    reuse = getattr(fig, REUSE_ATTR, None)
    if reuse:
        reuse.pop("background", None)


# ---------------------------------------------------------------------------------------------- now


def _agreed_now_handle() -> Line2D:
    s = style.RATER_STYLES["agreed"]
    return Line2D(
        [],
        [],
        linestyle="none",
        marker="|",
        markersize=22,
        markeredgewidth=3.5,
        color=s.color,
        label=style.rater_label("agreed"),
    )


def now_figure(
    assessment: Assessment | None, framework: Framework, lang: str = "en", *, title: str | None = None
) -> Figure:
    """Element by element: the learner's and the teacher's view on one line, gaps highlighted, agreed marked."""
    rows = now_rows(assessment, framework, lang)
    if not any(v is not None for r in rows for v in (r.learner, r.teacher, r.agreed)):
        return empty_figure()
    # y positions: a header line per group, then its elements; the overall row last, set apart
    positions: dict[str, float] = {}
    labels: list[tuple[float, str, bool]] = []
    y = 0.0
    for group in framework.groups:
        members = framework.elements_in(group.id)
        if not members:
            continue
        labels.append((y, group.text(lang).upper(), True))
        y += 0.9
        for element in members:
            positions[element.id] = y
            labels.append((y, element.text(lang), False))
            y += 1.0
        y += 0.2
    positions[OVERALL_KEY] = y + 0.3
    labels.append((positions[OVERALL_KEY], translate("charts", "Overall"), True))

    fig = _figure(13.0, 1.6 + 0.55 * (positions[OVERALL_KEY] + 1))
    _title(fig, title)
    ax = fig.add_subplot()
    scale = framework.scale
    _stage_grid(ax, framework, "x")
    learner, teacher, agreed = [], [], []
    gap_rows = []
    for row in rows:
        y = positions[row.key]
        if row.key == OVERALL_KEY:
            ax.axhspan(y - 0.5, y + 0.5, color="#F0F0F0", zorder=0)
        if row.learner is not None:
            learner.append((row.learner, y))
        if row.teacher is not None:
            teacher.append((row.teacher, y))
        if row.agreed is not None:
            agreed.append((row.agreed, y))
        diff = row.difference
        if diff is not None:
            big = abs(diff) >= style.GAP_THRESHOLD - 1e-9
            ax.plot(
                [row.learner, row.teacher],
                [y, y],
                color=style.GAP_COLOR if big else "#B0B0B0",
                linewidth=5.0 if big else 2.5,
                solid_capstyle="round",
                zorder=2,
                gid=f"gap:{row.key or 'overall'}",
            )
            if big:
                gap_rows.append((y, diff))
    for rater, points in (("learner", learner), ("teacher", teacher)):
        s = style.RATER_STYLES[rater]
        (line,) = ax.plot(
            [p[0] for p in points],
            [p[1] for p in points],
            linestyle="none",
            marker=s.marker,
            markersize=s.markersize * (1.15 if rater == "learner" else 1.3),
            color=s.color,
            markerfacecolor=s.facecolor,
            markeredgecolor=s.color,
            markeredgewidth=2.5 if not s.filled else 1.0,
            zorder=3 if rater == "learner" else 4,
            gid=rater,
            clip_on=False,
        )
        _no_layout_if_empty(line)
    (line,) = ax.plot(
        [p[0] for p in agreed],
        [p[1] for p in agreed],
        linestyle="none",
        marker="|",
        markersize=22,
        markeredgewidth=3.5,
        color=style.RATER_STYLES["agreed"].color,
        zorder=5,
        gid="agreed",
        clip_on=False,
    )
    _no_layout_if_empty(line)
    for y, diff in gap_rows:
        text = translate("charts", "learner higher by {d}") if diff > 0 else translate("charts", "teacher higher by {d}")
        ax.annotate(
            text.format(d=format_value(round(abs(diff), 2))),
            xy=(1.0, y),
            xycoords=("axes fraction", "data"),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=style.font_size("annotation"),
            color=style.GAP_COLOR,
            fontweight="bold",
            gid="gap-label",
        )
    ax.set_xlim(scale.min - 0.12, scale.max + 0.12)
    ticks, tick_labels = _stage_ticks(framework, lang, wrap=18, number_apart=True)
    ax.set_xticks(ticks, tick_labels, fontsize=style.font_size("tick"))
    ax.xaxis.tick_top()
    ax.set_ylim(positions[OVERALL_KEY] + 0.7, -0.6)
    ax.set_yticks([p for p, _, _ in labels], [t for _, t, _ in labels], fontsize=style.font_size("label"))
    for tick, (_, _, header) in zip(ax.get_yticklabels(), labels, strict=True):
        if header:
            tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0)
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    handles = _rater_handles(now=True) + [
        Line2D(
            [],
            [],
            color=style.GAP_COLOR,
            linewidth=5.0,
            label=translate("charts", "Learner and teacher differ by {n} or more").format(n=format_value(style.GAP_THRESHOLD)),
        ),
    ]
    fig.legend(
        handles=handles, loc="outside lower center", ncol=4, fontsize=style.font_size("legend"), frameon=False
    )
    return fig


# The smallest text on a printed chart, in points: the family summary prints its chart at its own size.
PRINT_MIN_POINTS = 8.0


def now_print_figure(
    assessment: Assessment | None, framework: Framework, lang: str = "en", *, width: float = 7.0,
    height: float = 3.3, points: float = 8.5,
) -> Figure:
    """"Where we are now" for paper, ``width`` x ``height`` inches, meant to be printed at exactly that size
    (so no text is smaller than ``points``): each element on a line (a carried value marked "*"), the learner's
    view, the teacher's and the agreed value, and the Overall (none for a partial check)."""
    points = max(points, PRINT_MIN_POINTS)
    rows = now_rows(assessment, framework, lang)
    fig = Figure(figsize=(width, height), layout="constrained")
    fig.get_layout_engine().set(w_pad=0.02, h_pad=0.02, wspace=0, hspace=0)
    if not any(v is not None for r in rows for v in (r.learner, r.teacher, r.agreed)):
        fig.text(0.5, 0.5, style.empty_message(), ha="center", va="center", fontsize=points + 1, gid=EMPTY_GID)
        return fig
    ax = fig.add_subplot()
    scale = framework.scale
    _stage_grid(ax, framework, "x")
    labels = []
    for y, row in enumerate(rows):
        label = row.label if row.carried_from is None else f"{row.label} *"
        labels.append(_wrap(label, 34))
        if row.key == OVERALL_KEY:
            ax.axhspan(y - 0.5, y + 0.5, color="#EEEEEE", zorder=0)
        if row.learner is not None and row.teacher is not None and row.learner != row.teacher:
            ax.plot([row.learner, row.teacher], [y, y], color="#9A9A9A", linewidth=2.0, zorder=2)
        for rater, value in (("learner", row.learner), ("teacher", row.teacher)):
            if value is None:
                continue
            s = style.RATER_STYLES[rater]
            ax.plot([value], [y], linestyle="none", marker=s.marker, markersize=6.5, color=s.color,
                    markerfacecolor=s.facecolor, markeredgecolor=s.color,
                    markeredgewidth=1.6 if not s.filled else 0.8, zorder=3, gid=f"print:{rater}", clip_on=False)
        if row.agreed is not None:
            ax.plot([row.agreed], [y], linestyle="none", marker="|", markersize=13, markeredgewidth=2.6,
                    color=style.RATER_STYLES["agreed"].color, zorder=4, gid="print:agreed", clip_on=False)
    ax.set_xlim(scale.min - 0.1, scale.max + 0.1)
    ticks, tick_labels = _stage_ticks(framework, lang, wrap=24, number_apart=True)
    ax.set_xticks(ticks, tick_labels, fontsize=points)
    ax.xaxis.tick_top()
    tops = ax.get_xticklabels()
    tops[0].set_horizontalalignment("left")  # the ends' labels stay within the page
    tops[-1].set_horizontalalignment("right")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)), labels, fontsize=points)
    ax.get_yticklabels()[-1].set_fontweight("bold")
    ax.tick_params(axis="both", length=0, pad=2)
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    handles = _rater_handles(now=True)
    if any(r.carried_from is not None for r in rows):
        handles.append(Line2D([], [], linestyle="none", marker="$*$", color="#000000",
                              label=translate("charts", "not rated this time: the latest value, carried")))
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), fontsize=points, frameon=False,
               handletextpad=0.3, columnspacing=1.2)
    return fig


# ---------------------------------------------------------------------------------------------- goals


def goals_figure(
    goal_counts: Sequence[tuple[date, Mapping[str, int]]],
    checkins: Iterable[CheckInPoint],
    lang: str = "en",
    date_range: tuple[date, date] | None = None,
    *,
    goal_names: Mapping[str, str] | None = None,
    title: str | None = None,
) -> Figure:
    """Goals set / in progress / achieved over time (top) and each goal's check-ins, 1 to 4 (bottom)."""
    goal_counts = list(goal_counts)
    grouped = checkins_by_goal(checkins)
    has_counts = any(any(c.values()) for _, c in goal_counts)
    if not has_counts and not grouped:
        return empty_figure(style.empty_message("goals"))
    fig = _figure(13.0, 8.0)
    _title(fig, title)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    days = [d for d, _ in goal_counts] + [c.on for points in grouped.values() for c in points]
    limits = _date_limits(days, date_range)

    labels = goal_series_labels()
    if has_counts:
        xs = [d for d, _ in goal_counts]
        for key in GOAL_COUNT_KEYS:
            s = style.GOAL_STYLES[key]
            top.plot(
                xs,
                [c.get(key, 0) for _, c in goal_counts],
                drawstyle="steps-post",
                color=s.color,
                linestyle=s.linestyle,
                linewidth=s.linewidth,
                label=labels[key],
                gid=f"goals:{key}",
            )
        top.legend(
            loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=style.font_size("legend"), frameon=False
        )
        top.set_ylim(bottom=0, top=max(max(c.values()) for _, c in goal_counts if c) * 1.15 + 0.5)
    else:
        top.text(
            0.5,
            0.5,
            style.empty_message("goals"),
            transform=top.transAxes,
            ha="center",
            va="center",
            fontsize=style.font_size("label"),
            color=style.MUTED_COLOR,
        )
        top.set_yticks([])
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.set_ylabel(translate("charts", "Goals"), fontsize=style.font_size("label"))
    top.set_title(translate("charts", "My goals over time"), fontsize=style.font_size("axes_title"), loc="left")

    scale_labels = style.checkin_labels()
    for i, (gid, points) in enumerate(grouped.items()):
        color, marker = style.GOAL_CYCLE[i % len(style.GOAL_CYCLE)]
        bottom.plot(
            [c.on for c in points],
            [c.scale for c in points],
            color=color,
            marker=marker,
            markersize=9,
            linewidth=2.0,
            label=_wrap(goal_name(gid, goal_names, i), 28),
            gid=f"checkin:{gid}",
            clip_on=False,
        )
    if grouped:
        bottom.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=style.font_size("annotation"),
            frameon=False,
        )
    else:
        bottom.text(
            0.5,
            0.5,
            translate("charts", "No check-ins yet…"),
            transform=bottom.transAxes,
            ha="center",
            va="center",
            fontsize=style.font_size("label"),
            color=style.MUTED_COLOR,
        )
    bottom.set_ylim(0.6, 4.4)
    bottom.set_yticks(list(scale_labels), list(scale_labels.values()))
    bottom.set_title(translate("charts", "How it's going (check-ins)"), fontsize=style.font_size("axes_title"), loc="left")
    for ax in (top, bottom):
        ax.grid(axis="y", color=style.GRID_COLOR, linewidth=0.8)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", labelsize=style.font_size("tick"))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        _date_axis(ax, limits)
    if limits:
        top.set_xlim(*limits)
    return fig


# ---------------------------------------------------------------------------------------------- class


def _stage_legend(framework: Framework, lang: str) -> list[Patch]:
    return [
        Patch(
            facecolor=style.stage_color(v, framework.scale.min, framework.scale.max),
            edgecolor="#808080",
            linewidth=0.5,
            label=stage_column_label(framework, v, lang),
        )
        for v in framework.allowed_values()
    ]


def _bars(ax: Axes, positions: Sequence[float], starts: Sequence[float], sizes: Sequence[float], thickness: float,
          *, horizontal: bool, color: str, linewidth: float, gid: str) -> PolyCollection:
    """One stage's bars as a single collection (one artist and one draw call instead of a Rectangle each):
    bar i spans ``starts[i]`` to ``starts[i] + sizes[i]`` along the value axis, ``thickness`` wide, centred on
    ``positions[i]``. ``bar_boxes`` reads them back."""
    verts = _bar_verts(positions, starts, sizes, thickness, horizontal=horizontal)
    bars = PolyCollection(verts, closed=True, facecolors=color, edgecolors=style.EDGE_COLOR,
                          linewidths=linewidth, gid=gid)
    ax.add_collection(bars, autolim=False)
    return bars


def _bar_verts(positions: Sequence[float], starts: Sequence[float], sizes: Sequence[float], thickness: float,
               *, horizontal: bool) -> list:
    half = thickness / 2
    if horizontal:
        return [((s, p - half), (s + n, p - half), (s + n, p + half), (s, p + half))
                for p, s, n in zip(positions, starts, sizes, strict=True)]
    return [((p - half, s), (p + half, s), (p + half, s + n), (p - half, s + n))
            for p, s, n in zip(positions, starts, sizes, strict=True)]


def bar_boxes(fig: Figure, gid: str) -> list:
    """The bars drawn under ``gid`` (e.g. ``"now:2"``), in order, as boxes: ``width`` and ``height`` are the
    numbers they show."""
    return [path.get_extents() for ax in fig.axes for c in ax.collections if c.get_gid() == gid
            for path in c.get_paths()]


def class_figure(
    distribution_now: Mapping[str, Counter[float]],
    distribution_over_time: Sequence[DistributionAt],
    framework: Framework,
    lang: str = "en",
    *,
    title: str | None = None,
    element: str | None = None,
) -> Figure:
    """Learners at each stage per element now (stacked bars), and the overall stage over time (or ``element``'s,
    whose counts ``distribution_over_time`` then carries in ``elements``; its name is bold on the left)."""
    over_time = [p for p in distribution_over_time if sum(over_time_counts(p, element).values())]
    if class_is_empty(distribution_now, over_time, element):
        return empty_figure()
    values = framework.allowed_values()
    vmin, vmax = framework.scale.min, framework.scale.max
    fig = Figure(figsize=(16.0, 8.5), layout=RowLayout())
    _title(fig, title)
    if over_time:
        now_ax, time_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    else:
        now_ax, time_ax = fig.add_subplot(), None

    elements = list(framework.elements)
    ys = list(range(len(elements)))
    left = [0] * len(elements)
    totals = [sum(distribution_now.get(e.id, Counter()).values()) for e in elements]
    widest = max(totals) if totals else 0
    counts_shown: list[tuple[Text, int]] = []
    for v in values:
        counts = [distribution_now.get(e.id, Counter()).get(v, 0) for e in elements]
        _bars(now_ax, ys, left, counts, BAR_THICKNESS, horizontal=True, color=style.stage_color(v, vmin, vmax),
              linewidth=1.2, gid=f"now:{format_value(v)}")
        # a label only where the bar is wide enough to hold it (a text artist per label, none for the rest)
        label_color = style.stage_text_color(v, vmin, vmax)
        for y, start, c in zip(ys, left, counts, strict=True):
            if c and c >= widest * 0.03:  # the layout hides those that do not fit the width drawn at
                counts_shown.append((now_ax.text(start + c / 2, y, str(c), ha="center", va="center",
                                                 color=label_color, fontsize=style.font_size("annotation"),
                                                 gid=COUNT_GID), c))
        left = [a + b for a, b in zip(left, counts, strict=True)]
    now_ax.set_xlim(0, max(widest, 1) * 1.05)  # as barh's autoscale: from 0, a margin past the widest
    now_ax.set_yticks(ys, [e.text(lang) for e in elements], fontsize=style.font_size("label"))
    now_ax.set_ylim(len(elements) - 0.4, -0.6)
    for e, label in zip(elements, now_ax.get_yticklabels(), strict=True):
        if e.id == element:
            label.set_fontweight("bold")
    now_ax.set_xlabel(translate("charts", "Learners"), fontsize=style.font_size("label"))
    now_ax.xaxis.set_major_locator(MaxNLocator("auto", integer=True))  # as many as its width holds
    now_title = now_ax.set_title(translate("charts", "Now, element by element"),
                                 fontsize=style.font_size("axes_title"), loc="left", y=1.0)
    now_ax.tick_params(axis="x", labelsize=style.font_size("tick"))
    now_ax.tick_params(axis="y", length=0)

    time_bars: dict[float, PolyCollection] = {}
    bar_days, time_title = 0.0, None
    if time_ax is not None:
        over_time, days, bar_days = _time_points(over_time)
        bottom = [0] * len(over_time)
        xs = [float(x) for x in date2num(days)]  # converted once, not once per bar
        time_ax.xaxis.axis_date()
        for v in values:
            counts = [over_time_counts(p, element).get(v, 0) for p in over_time]
            time_bars[v] = _bars(time_ax, xs, bottom, counts, bar_days, horizontal=False,
                                 color=style.stage_color(v, vmin, vmax), linewidth=1.0, gid=f"time:{format_value(v)}")
            bottom = [a + b for a, b in zip(bottom, counts, strict=True)]
        time_ax.set_ylabel(translate("charts", "Learners"), fontsize=style.font_size("label"))
        time_ax.set_ylim(0, _time_top(bottom))
        time_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        time_title = time_ax.set_title(over_time_title(framework, element, lang),
                                       fontsize=style.font_size("axes_title"), loc="left", y=1.0, gid="time:title")
        time_ax.tick_params(axis="y", labelsize=style.font_size("tick"))
        half = timedelta(days=bar_days)
        time_limits = (days[0] - half, days[-1] + half)
        _date_axis(time_ax, time_limits)
        time_ax.set_xlim(*time_limits)
    for ax in filter(None, (now_ax, time_ax)):
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="x" if ax is now_ax else "y", color=style.GRID_COLOR, linewidth=0.8)
        ax.set_axisbelow(True)
    handles = _stage_legend(framework, lang)
    legends = [fig.legend(handles=handles, ncols=ncols, loc="lower center",  # RowLayout keeps the axes above
                          fontsize=style.font_size("legend"), frameon=False, title=translate("charts", "Stage"),
                          title_fontsize=style.font_size("legend"))
               for ncols in dict.fromkeys(math.ceil(len(handles) / rows) for rows in range(1, len(handles) + 1))]
    for legend in legends[1:]:
        legend.set_visible(False)  # the one-row legend until a layout finds it too wide
    setattr(fig, FIT_ATTR, {
        "legends": legends, "now_ax": now_ax, "counts": counts_shown,
        "time_ax": time_ax, "time_bars": list(time_bars.values()), "bar_days": bar_days,  # 70 % of a month
        "spacing": _spacing(days) if time_ax is not None else bar_days,
        "titles": [t for t in (now_title, time_title) if t is not None],  # in the order of the panels
    })
    if time_ax is not None:
        setattr(fig, REUSE_ATTR, {
            "kind": "class", "key": (framework.key, lang, title), "now": _plain_counts(distribution_now),
            "axes": (now_ax, time_ax), "bars": time_bars, "days": days, "title": time_title,
        })
    return fig


def _time_points(over_time: Sequence[DistributionAt]) -> tuple[list[DistributionAt], list[date], float]:
    """The class chart's points over time (those with counts), their days and their bars' width: bars a month
    apart, 70 % of the shortest month wide; the last point (today, if it is no month start) stands for itself
    and the month start just before it gives way to it when they would overlap."""
    over_time = list(over_time)
    days = [p.on for p in over_time]
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False) if b.day == 1]
    width = max(1.0, min(gaps) * 0.7) if gaps else 20.0
    if len(over_time) > 1 and (days[-1] - days[-2]).days < width:
        over_time = over_time[:-2] + over_time[-1:]
        days = days[:-2] + days[-1:]
    return over_time, days, width


def _time_top(totals: Sequence[int]) -> float:
    """The top of the chart over time: head room above the tallest bar."""
    return max(max(totals, default=0), 1) * 1.08


def _plain_counts(distribution: Mapping[str, Counter[float]]) -> dict[str, dict[float, int]]:
    """Counts as plain dicts without zeros: two distributions that show the same bars compare equal."""
    return {key: {v: n for v, n in counts.items() if n} for key, counts in distribution.items()}


def update_class_figure(
    fig: Figure,
    distribution_now: Mapping[str, Counter[float]],
    distribution_over_time: Sequence[DistributionAt],
    framework: Framework,
    lang: str = "en",
    *,
    title: str | None = None,
    element: str | None = None,
) -> bool:
    """Chart another series over time (another element, or the overall stage) in a drawn ``class_figure``,
    keeping everything else; True if done (then ``redraw`` it).

    What choosing an element under "Over time" costs: the bars over time get their new heights, the panel its
    title and the element's name turns bold; the bars of now, the legend and the layout stay. False (build a
    new figure then) when the figure was made for other bars of now, another framework, language or title, or
    the new series falls on other dates or needs wider labels than the layout made room for."""
    reuse = getattr(fig, REUSE_ATTR, None)
    if (reuse is None or reuse["kind"] != "class" or reuse["key"] != (framework.key, lang, title)
            or reuse["now"] != _plain_counts(distribution_now)):
        return False
    over_time, days, width = _time_points(
        [p for p in distribution_over_time if sum(over_time_counts(p, element).values())])
    if days != reuse["days"]:
        return False  # other dates: other ticks, maybe other margins; a new figure lays them out
    now_ax, time_ax = reuse["axes"]
    top = _time_top([sum(over_time_counts(p, element).values()) for p in over_time])
    if len(_widest_tick(time_ax, top)) > len(_widest_tick(time_ax, time_ax.get_ylim()[1])):
        return False  # more digits on the left of the panel than the layout made room for
    xs = [float(x) for x in date2num(days)]
    bottom = [0] * len(over_time)
    width = getattr(fig, FIT_ATTR).get("drawn_days", width)  # as wide as the layout made them
    for v in framework.allowed_values():
        counts = [over_time_counts(p, element).get(v, 0) for p in over_time]
        reuse["bars"][v].set_verts(_bar_verts(xs, bottom, counts, width, horizontal=False), closed=True)
        bottom = [a + b for a, b in zip(bottom, counts, strict=True)]
    time_ax.set_ylim(0, top)
    lines = reuse["title"].get_text().count("\n")
    reuse["title"].set_text(over_time_title(framework, element, lang))
    for e, label in zip(framework.elements, now_ax.get_yticklabels(), strict=True):
        label.set_fontweight("bold" if e.id == element else "normal")
    fig.set_layout_engine("none")  # the layout of the first draw stays (``relayout`` after a resize)
    if fig.canvas is not None:
        right = fig.bbox.width - LAYOUT_PADS["w_pad"] * fig.dpi
        _wrap_to_fit(reuse["title"], fig.canvas.get_renderer(), lambda box: box.x1 <= right)
        if not _fits_left(fig, now_ax) or reuse["title"].get_text().count("\n") != lines:
            relayout(fig)  # an element's name in bold, or a title on more or fewer lines: laid out anew
            return True
    _draw_changes_apart(fig, reuse, [time_ax, now_ax.yaxis])
    return True


def _widest_tick(ax: Axes, top: float) -> str:
    """The longest label of ``ax``'s y ticks from 0 to ``top`` (its locator asked, nothing drawn)."""
    ticks = [t for t in ax.yaxis.get_major_locator().tick_values(0, top) if 0 <= t <= top]
    labels = ax.yaxis.get_major_formatter().format_ticks(ticks) if ticks else []
    return max(labels, key=len, default="")


def _fits_left(fig: Figure, ax: Axes) -> bool:
    """Whether ``ax``'s y tick labels (an element's name just turned bold, so wider) are still on the page."""
    renderer = fig.canvas.get_renderer()
    return all(label.get_window_extent(renderer).x0 >= 0 for label in ax.get_yticklabels() if label.get_text())
