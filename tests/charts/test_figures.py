"""Figure builders: the plotted artists hold exactly the assessments' numbers; empty input says so."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from plprofile.charts import figures, tables
from plprofile.charts.figures import EMPTY_GID, class_figure, goals_figure, now_figure, progress_figure
from plprofile.charts.tables import class_table, goals_table, now_table, progress_table
from plprofile.domain.framework import default_framework
from plprofile.domain.progress import (
    Assessment,
    CheckInPoint,
    DistributionAt,
    ElementRating,
    GoalEvent,
    class_distribution,
    distribution_over_time,
    goal_counts_over_time,
    goal_dates,
    latest,
    month_starts,
)

FW = default_framework()
START = date(2025, 9, 15)
DATES = [START, date(2025, 11, 10), date(2026, 1, 19), date(2026, 3, 16), date(2026, 5, 25)]


# ---------------------------------------------------------------------------------------------- demo data


def demo_history(learner_id: str = "ana", seed: int = 1, dates: list[date] | None = None) -> list[Assessment]:
    """A learner growing over a school year, learner and teacher sometimes disagreeing."""
    rng = random.Random(seed)
    history = []
    base = {e.id: rng.choice([1.0, 1.0, 1.5, 1.5, 2.0]) for e in FW.elements}
    for i, day in enumerate(dates or DATES):
        ratings = []
        for e in FW.elements:
            agreed = min(3.0, base[e.id] + 0.5 * round(i * rng.uniform(0.2, 0.8)))
            learner = min(3.0, max(1.0, agreed + rng.choice([0, 0, 0, 0.5, 0.5, 1.0, -0.5])))
            teacher = min(3.0, max(1.0, agreed + rng.choice([0, 0, 0, -0.5, 0.5])))
            if (learner - agreed) * (teacher - agreed) > 0:  # the agreed value lies between the two views
                teacher = agreed
            if i == 0 and e.id == "showing_what_i_know":
                continue  # not rated at the first conference
            ratings.append(
                ElementRating(
                    e.id, learner, teacher, agreed if i < len(DATES) - 1 or rng.random() < 0.8 else None
                )
            )
        history.append(Assessment(f"{learner_id}-{i}", learner_id, day, FW.id, FW.version, tuple(ratings)))
    return history


def demo_class(n: int = 24) -> dict[str, list[Assessment]]:
    histories = {}
    for k in range(n):
        offset = timedelta(days=k % 10)
        histories[f"l{k}"] = demo_history(f"l{k}", seed=100 + k, dates=[d + offset for d in DATES])
    histories["new"] = []  # never assessed
    return histories


def demo_goals() -> tuple[list[GoalEvent], list[CheckInPoint], dict[str, str]]:
    events = [
        GoalEvent("g1", date(2025, 9, 20), "not_started"),
        GoalEvent("g1", date(2025, 10, 1), "in_progress"),
        GoalEvent("g1", date(2026, 1, 10), "achieved"),
        GoalEvent("g2", date(2025, 10, 15), "in_progress"),
        GoalEvent("g2", date(2026, 2, 1), "revised"),
        GoalEvent("g2", date(2026, 4, 20), "achieved"),
        GoalEvent("g3", date(2026, 1, 20), "in_progress"),
        GoalEvent("g4", date(2026, 3, 1), "not_started"),
        GoalEvent("g4", date(2026, 3, 20), "set_aside"),
    ]
    checkins = [
        CheckInPoint("g1", date(2025, 10, 20), 1),
        CheckInPoint("g1", date(2025, 11, 25), 2),
        CheckInPoint("g1", date(2025, 12, 15), 3),
        CheckInPoint("g1", date(2026, 1, 10), 4),
        CheckInPoint("g2", date(2025, 11, 5), 2),
        CheckInPoint("g2", date(2026, 1, 25), 2),
        CheckInPoint("g2", date(2026, 3, 10), 3),
        CheckInPoint("g2", date(2026, 4, 20), 4),
        CheckInPoint("g3", date(2026, 2, 15), 1),
        CheckInPoint("g3", date(2026, 4, 1), 2),
        CheckInPoint("g3", date(2026, 5, 20), 3),
    ]
    names = {
        "g1": "Read for 20 minutes every evening",
        "g2": "Explain my fractions strategy",
        "g3": "Plan my science project",
    }
    return events, checkins, names


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_text())]


def by_gid(fig: Figure, gid: str):
    found = [a for a in fig.findobj() if a.get_gid() == gid]
    assert found, f"no artist with gid {gid!r}"
    return found[0]


def bars(fig: Figure, gid: str) -> list:
    """The boxes of the bars drawn under ``gid``: their width or height is the number shown."""
    found = figures.bar_boxes(fig, gid)
    assert found, f"no bars with gid {gid!r}"
    return found


def is_empty_state(fig: Figure) -> bool:
    return any(t.get_gid() == EMPTY_GID for t in fig.texts) and not fig.axes


def draw(fig: Figure, name: str | None = None) -> None:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    if name:
        fig.savefig(Path("/tmp") / f"charts_{name}.png", dpi=80)


# ---------------------------------------------------------------------------------------------- empty


def test_empty_inputs_give_the_empty_state() -> None:
    for fig in (
        progress_figure([], FW),
        now_figure(None, FW),
        now_figure(Assessment("a", "l", START, FW.id, FW.version, ()), FW),
        goals_figure([], []),
        goals_figure(goal_counts_over_time([], DATES), []),
        class_figure({}, [], FW),
        class_figure(class_distribution({}, FW), distribution_over_time({"x": []}, FW, DATES), FW),
    ):
        assert isinstance(fig, Figure)
        assert is_empty_state(fig)
        draw(fig)
    assert "No assessments yet…" in texts(progress_figure([], FW))
    assert "No goals yet…" in texts(goals_figure([], []))


def test_empty_tables() -> None:
    assert progress_table([], FW)[1] == []
    assert now_table(None, FW)[1] == []
    assert goals_table([], [])[1] == []
    headers, rows = class_table({}, [], FW)
    assert len(headers) == 2 + len(FW.allowed_values()) and all(r[-1] == "0" for r in rows)


# ---------------------------------------------------------------------------------------------- progress


def test_progress_lines_hold_the_assessments() -> None:
    history = demo_history()
    fig = progress_figure(history, FW, title="Ana: progress through the Stages")
    for e in FW.elements:
        for rater in ("learner", "teacher", "agreed"):
            line = by_gid(fig, f"{e.id}:{rater}")
            expected = [
                (a.assessed_on, a.value(e.id, rater)) for a in history if a.value(e.id, rater) is not None
            ]
            assert list(zip(line.get_xdata(), line.get_ydata(), strict=True)) == expected
    overall = by_gid(fig, "overall:agreed")
    assert list(overall.get_xdata()) == [a.assessed_on for a in history]
    assert list(overall.get_ydata()) == pytest.approx([a.overall("agreed") for a in history])
    assert by_gid(fig, "voice:learner").get_linestyle() == "None"  # markers only
    titles = {ax.get_title(loc="left") for ax in fig.axes}
    assert {e.text("en") for e in FW.elements} | {"Overall"} <= titles
    assert list(fig.axes[0].get_yticks()) == [1, 2, 3]
    assert [t.get_text().replace("\n", " ") for t in fig.axes[0].get_yticklabels()] == [
        "1 Teacher-centred",
        "2 Learner-centred",
        "3 Learner-driven",
    ]
    draw(fig, "progress")


def test_progress_spanish_and_single_assessment() -> None:
    history = demo_history()[:1]
    fig = progress_figure(history, FW, lang="es")
    assert "Voz" in {ax.get_title(loc="left") for ax in fig.axes}
    assert "Centrado en el docente" in fig.axes[0].get_yticklabels()[0].get_text().replace("\n", " ")
    draw(fig, "progress_single")


def test_progress_with_older_framework_version() -> None:
    old = Assessment(
        "o",
        "ana",
        date(2024, 5, 1),
        FW.id,
        "0.9.0",
        (ElementRating("voice", 1, 1, 1), ElementRating("retired_element", 3, 3, 3)),
    )
    history = [old, *demo_history()]
    fig = progress_figure(history, FW)
    assert by_gid(fig, "voice:agreed").get_xdata()[0] == date(2024, 5, 1)
    assert by_gid(fig, "overall:agreed").get_ydata()[0] == 1  # the retired element is left out
    assert list(by_gid(fig, "choice:agreed").get_xdata()) == DATES
    draw(fig)


def test_progress_table_matches_figure() -> None:
    history = demo_history()
    headers, rows = progress_table(history, FW)
    assert headers == ["Element", "Date", "Learner", "Teacher", "Agreed"]
    voice = [r for r in rows if r[0] == "Voice"]
    assert voice == [
        [
            "Voice",
            tables.fmt_date(a.assessed_on),
            *(tables.fmt_value(a.value("voice", r)) for r in ("learner", "teacher", "agreed")),
        ]
        for a in history
    ]
    overall = [r for r in rows if r[0] == "Overall"]
    assert [r[4] for r in overall] == [f"{round(a.overall('agreed'), 2):g}" for a in history]
    assert [r for r in rows if r[0] == "Showing what I know"][0][1] == tables.fmt_date(DATES[1])


# ---------------------------------------------------------------------------------------------- now


def test_now_markers_and_gaps() -> None:
    a = demo_history()[-1]
    fig = now_figure(a, FW, title="Ana, 25 May 2026")
    rows = tables.now_rows(a, FW)
    learner = by_gid(fig, "learner")
    assert list(learner.get_xdata()) == [r.learner for r in rows if r.learner is not None]
    teacher = by_gid(fig, "teacher")
    assert list(teacher.get_xdata()) == [r.teacher for r in rows if r.teacher is not None]
    agreed = by_gid(fig, "agreed")
    assert list(agreed.get_xdata()) == [r.agreed for r in rows if r.agreed is not None]
    for r in rows:
        if r.difference is not None:
            gap = by_gid(fig, f"gap:{r.key or 'overall'}")
            assert sorted(gap.get_xdata()) == sorted([r.learner, r.teacher])
    labels = [t.get_text() for t in fig.findobj() if getattr(t, "get_gid", lambda: None)() == "gap-label"]
    big = [r for r in rows if r.difference is not None and abs(r.difference) >= 0.5]
    assert len(labels) == len(big) > 0
    draw(fig, "now")


def test_now_table() -> None:
    a = Assessment(
        "a",
        "l",
        START,
        FW.id,
        FW.version,
        (
            ElementRating("voice", 1.0, 2.0, 1.5),
            ElementRating("choice", 2.5, None, None),
        ),
    )
    headers, rows = now_table(a, FW)
    assert headers[-1].startswith("Difference")
    assert rows[0] == ["Voice", "1", "2", "1.5", "-1"]
    assert rows[1] == ["Choice", "2.5", "—", "—", "—"]
    assert rows[-1] == ["Overall", "1.75", "2", "1.5", "-0.25"]
    fig = now_figure(a, FW)
    assert list(by_gid(fig, "learner").get_xdata()) == [1.0, 2.5, 1.75]
    assert by_gid(fig, "gap:voice").get_color() == figures.style.GAP_COLOR
    draw(fig)


# ---------------------------------------------------------------------------------------------- goals


def test_goals_figure_and_table() -> None:
    events, checkins, names = demo_goals()
    days = goal_dates(events, date(2025, 9, 1), date(2026, 6, 30))
    counts = goal_counts_over_time(events, days)
    fig = goals_figure(
        counts,
        checkins,
        date_range=(date(2025, 9, 1), date(2026, 6, 30)),
        goal_names=names,
        title="Ana's goals",
    )
    for key in ("set", "in_progress", "achieved"):
        line = by_gid(fig, f"goals:{key}")
        assert list(line.get_xdata()) == days
        assert list(line.get_ydata()) == [c[key] for _, c in counts]
    g1 = by_gid(fig, "checkin:g1")
    assert list(g1.get_ydata()) == [1, 2, 3, 4]
    assert fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
    import matplotlib.dates as mdates

    assert mdates.num2date(fig.axes[0].get_xlim()[0]).date() == date(2025, 9, 1)
    assert "Read for 20 minutes every evening" in [t.replace("\n", " ") for t in texts(fig)]
    draw(fig, "goals")

    headers, rows = goals_table(counts, checkins, goal_names=names)
    assert headers[:4] == ["Date", "Goals set", "In progress", "Achieved"]
    row = next(r for r in rows if r[0] == tables.fmt_date(date(2026, 2, 1)))
    assert row[1:4] == ["3", "2", "1"]  # a revised goal is still in progress
    row = next(r for r in rows if r[0] == tables.fmt_date(date(2026, 1, 10)))
    assert row[1:] == ["2", "1", "1", "Read for 20 minutes every evening: 4 (Got it!)"]
    row = next(r for r in rows if r[0] == tables.fmt_date(date(2025, 11, 25)))
    assert row[1:] == ["—", "—", "—", "Read for 20 minutes every evening: 2 (Getting started)"]


def test_goals_only_checkins_or_only_counts() -> None:
    _, checkins, _ = demo_goals()
    fig = goals_figure([], checkins)
    assert not is_empty_state(fig) and "No goals yet…" in texts(fig) and "Goal 1" in texts(fig)
    draw(fig)
    events, _, _ = demo_goals()
    fig = goals_figure(goal_counts_over_time(events, DATES), [])
    assert "No check-ins yet…" in texts(fig)
    draw(fig)


# ---------------------------------------------------------------------------------------------- class


def test_class_bars_hold_the_distribution() -> None:
    histories = demo_class()
    latest_by = {lid: a for lid, h in histories.items() if (a := latest(h))}
    now = class_distribution(latest_by, FW)
    days = month_starts(date(2025, 9, 1), date(2026, 6, 1))
    over = distribution_over_time(histories, FW, days)
    fig = class_figure(now, over, FW, title="Year 5 Maple: Stages")
    for v in FW.allowed_values():
        assert [p.width for p in bars(fig, f"now:{v:g}")] == [
            now[e.id].get(v, 0) for e in FW.elements
        ]
    total = [0] * len(FW.elements)
    for v in FW.allowed_values():
        total = [t + now[e.id].get(v, 0) for t, e in zip(total, FW.elements, strict=True)]
    assert total[0] == 24
    shown = [p for p in over if sum(p.overall.values())]
    for v in FW.allowed_values():
        assert [p.height for p in bars(fig, f"time:{v:g}")] == [p.overall.get(v, 0) for p in shown]
    draw(fig, "class")

    headers, rows = class_table(now, over, FW)
    assert headers[1] == "1 Teacher-centred" and headers[2] == "1.5" and headers[-1] == "Learners"
    assert rows[0][1:-1] == [str(now["voice"].get(v, 0)) for v in FW.allowed_values()]
    assert rows[0][-1] == "24"
    assert rows[len(FW.elements)][0] == f"Overall on {tables.fmt_date(days[0])}"


def test_class_over_time_follows_the_element_chosen() -> None:
    histories = demo_class()
    latest_by = {lid: a for lid, h in histories.items() if (a := latest(h))}
    now = class_distribution(latest_by, FW)
    days = month_starts(date(2025, 9, 1), date(2026, 6, 1))
    over = distribution_over_time(histories, FW, days)
    for element in ("voice", "showing_what_i_know"):
        fig = class_figure(now, over, FW, title="Year 5 Maple: Stages", element=element)
        shown = [p for p in over if sum(p.elements[element].values())]
        for v in FW.allowed_values():
            shown_bars = bars(fig, f"time:{v:g}")
            assert [b.height for b in shown_bars] == [p.elements[element].get(v, 0) for p in shown], (element, v)
        # the "now" bars are the same as for the overall stage
        for v in FW.allowed_values():
            assert [p.width for p in bars(fig, f"now:{v:g}")] == [now[e.id].get(v, 0) for e in FW.elements]
        name = FW.get_element(element).text("en")
        assert by_gid(fig, "time:title").get_text() == f"{name} over time"
        bold = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_fontweight() == "bold"]
        assert bold == [name]
        draw(fig, f"class_{element}")

        headers, rows = class_table(now, over, FW, element=element)
        timeline = rows[len(FW.elements):]
        assert [r[0] for r in timeline] == [f"{name} on {tables.fmt_date(p.on)}" for p in over]
        assert [r[1:-1] for r in timeline] == [[str(p.elements[element].get(v, 0)) for v in FW.allowed_values()]
                                               for p in over]
    # the elements moved differently over the year: the charts differ
    voice = [p.elements["voice"] for p in over]
    assert voice != [p.overall for p in over] and voice != [p.elements["purpose"] for p in over]
    # in Spanish, the element's own name
    fig = class_figure(now, over, FW, lang="es", element="voice")
    assert by_gid(fig, "time:title").get_text().startswith("Voz")


def test_class_bars_over_time_are_a_month_wide_and_today_takes_the_last_month_start() -> None:
    """Bars a month apart are most of a month wide, however close today is to the last month start; when
    today's bar would overlap that month start's, today's alone is drawn (the table keeps both)."""
    histories = demo_class()
    latest_by = {lid: a for lid, h in histories.items() if (a := latest(h))}
    now = class_distribution(latest_by, FW)
    for today, drawn_last_two in ((date(2026, 6, 3), False), (date(2026, 6, 25), True)):
        days = month_starts(date(2025, 9, 1), today)
        assert days[-2:] == [date(2026, 6, 1), today]
        over = distribution_over_time(histories, FW, days)
        fig = class_figure(now, over, FW)
        boxes = bars(fig, f"time:{FW.allowed_values()[0]:g}")
        widths = {round(b.width, 6) for b in boxes}
        assert widths == {round(28 * 0.7, 6)}  # 70 % of February, the shortest month
        centres = [b.x0 + b.width / 2 for b in boxes]
        from matplotlib.dates import date2num

        expected = [p.on for p in over if sum(p.overall.values())]
        if not drawn_last_two:
            expected = expected[:-2] + expected[-1:]
        assert centres == pytest.approx([float(date2num(d)) for d in expected])
        rows = class_table(now, over, FW)[1][len(FW.elements):]
        assert len(rows) == len(over)


def _laid_out(fig: Figure, width_px: int, height_px: int, dpi: float | None = None) -> dict:
    """Draw ``fig`` at a size in pixels, as the chart view does: its design width in inches at the dpi that
    fills ``width_px`` (unless ``dpi`` is given), as high as ``height_px``. The boxes of what it shows."""
    dpi = dpi or width_px / fig.get_figwidth()
    fig.set_dpi(dpi)
    fig.set_size_inches(width_px / dpi, height_px / dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    return {
        "frames": [ax.get_window_extent(renderer).frozen() for ax in fig.axes],
        "tight": [ax.get_tightbbox(renderer, for_layout_only=True).frozen() for ax in fig.axes],
        "legend": fig.legends[0].get_window_extent(renderer).frozen(),
        "title": fig._suptitle.get_window_extent(renderer).frozen() if fig._suptitle is not None else None,
        "figure": fig.bbox.frozen(),
    }


@pytest.mark.parametrize(("lang", "element", "size"), [
    ("en", None, (1000, 770)), ("es", None, (1600, 850)), ("en", "voice", (1330, 700)), ("es", "voice", (900, 900)),
])
def test_class_layout_fits_everything_as_constrained_layout_would(lang, element, size) -> None:  # noqa: ANN001
    """The class overview's one-pass layout: nothing cut off at the edges, nothing overlapping (axes, their
    labels, the title above, the legend below), and the charts about as large as matplotlib's constrained
    layout makes them from the same figure."""
    histories = demo_class()
    latest_by = {lid: a for lid, h in histories.items() if (a := latest(h))}
    now = class_distribution(latest_by, FW)
    over = distribution_over_time(histories, FW, month_starts(date(2025, 9, 1), date(2026, 6, 20)))
    title = "Class overview, all groups: 10,000 learners"
    fig = class_figure(now, over, FW, lang, title=title, element=element)
    assert isinstance(fig.get_layout_engine(), figures.RowLayout)
    got = _laid_out(fig, *size)
    page, now_tight, time_tight = got["figure"], *got["tight"]
    for box in (*got["tight"], got["legend"], got["title"]):  # all on the page
        assert box.x0 >= page.x0 - 0.5 and box.x1 <= page.x1 + 0.5, box
        assert box.y0 >= page.y0 - 0.5 and box.y1 <= page.y1 + 0.5, box
    assert now_tight.x1 < time_tight.x0  # the two charts' labels apart
    assert got["legend"].y1 < min(b.y0 for b in got["tight"])  # the legend under both
    assert got["title"].y0 > max(b.y1 for b in got["tight"])  # the title over both
    assert [round(f.width / sum(g.width for g in got["frames"]), 2) for f in got["frames"]] == [0.6, 0.4]

    reference = class_figure(now, over, FW, lang, title=title, element=element)
    reference.set_layout_engine("constrained")
    reference.get_layout_engine().set(**figures.LAYOUT_PADS)
    reference.legends[0]._loc = 8  # lower centre, outside the axes as before
    reference.legends[0]._outside_loc = "lower"
    expected = _laid_out(reference, *size)
    for ours, theirs in zip(got["frames"], expected["frames"], strict=True):
        assert ours.width >= 0.95 * theirs.width and ours.height >= 0.95 * theirs.height, (ours, theirs)


def test_class_layout_follows_the_size_it_is_drawn_at() -> None:
    """Drawn again at another size (the window resized, an export), the layout is worked out anew: margins
    in pixels stay about the same, so a larger figure gives its charts the room it gained."""
    now = class_distribution({f"l{k}": h[-1] for k, h in enumerate(demo_class().values()) if h}, FW)
    fig = class_figure(now, [], FW)
    small = _laid_out(fig, 1200, 700, dpi=75)["frames"][0]
    large = _laid_out(fig, 2000, 1200, dpi=75)["frames"][0]
    assert large.width - small.width == pytest.approx(800, abs=20)
    assert large.height - small.height == pytest.approx(500, abs=20)
    assert small.width > 600 and small.height > 400


def _school_of(sizes: dict[float, int], months: int) -> tuple[dict, list[DistributionAt]]:
    """A large school's class figure input: every element with ``sizes`` learners at each stage now, and the
    same overall distribution at each of ``months`` month starts."""
    now = {e.id: Counter(sizes) for e in FW.elements}
    starts = month_starts(date(2023, 1, 1), date(2023, 1, 1) + timedelta(days=31 * (months - 1)))
    starts.append(starts[-1] + timedelta(days=22))  # today, closer to the last month start than a month
    over = [DistributionAt(on=d, elements={e.id: Counter(sizes) for e in FW.elements}, overall=Counter(sizes),
                           learners=sum(sizes.values())) for d in starts]
    return now, over


def _disjoint(boxes: list) -> bool:
    return all(a.x1 <= b.x0 or b.x1 <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0
               for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_a_class_figure_drawn_narrow_shows_only_what_fits_and_all_of_it_again_when_wide() -> None:
    """The class overview in a narrow window (an 800-pixel one, large text): a count only inside a bar wide and
    high enough to hold it, tick labels apart, the legend in as many rows as it needs to stay on the page, each
    panel's title on as many lines as keep it off the next panel, the bars over time meeting once too thin
    for gaps. Drawn wide again, everything is as it was made."""
    now, over = _school_of({1.0: 20, 1.5: 130, 2.0: 420, 2.5: 340, 3.0: 1050}, months=45)
    fig = class_figure(now, over, FW, "es", title="Resumen de la clase, todos los grupos: 1960 aprendices")
    counts = [t for t in fig.axes[0].texts if t.get_gid() == figures.COUNT_GID]
    assert len(counts) == 4 * len(FW.elements)  # 20 of 1960 is under 3 %: never a label

    def check(width_px: int, height_px: int, dpi: float) -> dict:
        got = _laid_out(fig, width_px, height_px, dpi)
        renderer = fig.canvas.get_renderer()
        page = fig.bbox
        now_ax, time_ax = fig.axes
        bars = [b for v in FW.allowed_values() for b in bar_boxes_drawn(now_ax, f"now:{v:g}")]
        shown = [t for t in counts if t.get_visible()]
        for text in shown:  # inside the bar it counts, whole
            box = text.get_window_extent(renderer)
            (bar,) = [b for b in bars if b.x0 <= (box.x0 + box.x1) / 2 <= b.x1 and b.y0 <= (box.y0 + box.y1) / 2 <= b.y1]
            assert bar.x0 <= box.x0 and box.x1 <= bar.x1, (text.get_text(), box, bar)
        for ax in (now_ax, time_ax):
            labels = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
            assert len(labels) >= 2 and _disjoint(labels)
        (legend,) = [lg for lg in fig.legends if lg.get_visible()]
        box = legend.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1
        title = fig._suptitle.get_window_extent(renderer)
        assert page.x0 <= title.x0 and title.x1 <= page.x1
        now_title, time_title = (ax.title if ax.get_title() else ax._left_title for ax in (now_ax, time_ax))
        assert now_title.get_window_extent(renderer).x1 < time_ax.get_tightbbox(renderer).x0
        assert time_title.get_window_extent(renderer).x1 <= page.x1
        edges = {float(c.get_linewidth()[0]) for c in time_ax.collections if str(c.get_gid()).startswith("time:")}
        spans = sorted((b.x0, b.x1) for b in bar_boxes_drawn(time_ax, "time:3"))
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # side by side, never over
        return {"shown": len(shown), "ncols": legend._ncols, "edges": edges, "got": got,
                "titles": (fig._suptitle.get_text(), time_title.get_text()),
                "ticks": len(time_ax.get_xticks()), "every_tick": len(time_ax.xaxis.get_major_locator().ticks),
                "widths": [round(b.width, 6) for b in figures.bar_boxes(fig, "time:3")]}

    wide = check(1400, 760, 100)
    assert wide["shown"] == len(counts) and wide["ncols"] == len(FW.allowed_values()) and wide["edges"] == {1.0}
    assert "\n" not in "".join(wide["titles"])
    assert wide["ticks"] == wide["every_tick"] >= 3  # at its design size every date tick shows
    assert wide["widths"] == pytest.approx([0.7 * 28] * len(wide["widths"]))  # 70 % of the shortest month
    narrow = check(640, 840, 62 * 1.6)  # 16-point text, as the chart view draws it in an 875-pixel window
    assert 0 < narrow["shown"] < len(counts)  # the 130s no longer fit; the 1050s do
    assert narrow["ncols"] < len(FW.allowed_values()) and narrow["edges"] == {0.0}
    assert all("\n" in t for t in narrow["titles"])
    assert 2 <= narrow["ticks"] < narrow["every_tick"]
    assert min(narrow["widths"]) > max(wide["widths"])  # the thin bars widened to meet
    again = check(1400, 760, 100)
    assert again["shown"] == wide["shown"] and again["ncols"] == wide["ncols"] and again["edges"] == {1.0}
    assert again["titles"] == wide["titles"] and again["ticks"] == wide["ticks"]
    assert again["widths"] == wide["widths"]


@pytest.mark.parametrize("kind", ["progress", "class"])
def test_every_date_tick_shows_at_a_charts_design_size(kind: str) -> None:
    """Thinning date ticks is for narrow windows only: at its design size (an export, a wide window) a chart
    shows every tick matplotlib's date locator chose for its span."""
    if kind == "progress":
        fig = progress_figure(demo_history(), FW)
    else:
        now, over = _school_of({1.0: 3, 2.0: 10, 3.0: 12}, months=24)
        fig = class_figure(now, over, FW)
    fig.set_dpi(100)
    FigureCanvasAgg(fig).draw()
    thinned = [ax.xaxis.get_major_locator() for ax in fig.axes
               if isinstance(ax.xaxis.get_major_locator(), figures._DateTicksFor)]
    assert thinned
    for locator in thinned:
        assert list(locator()) == locator.ticks and len(locator.ticks) >= 3


def bar_boxes_drawn(ax, gid: str) -> list:  # noqa: ANN001
    """The bars under ``gid`` as drawn, in pixels."""
    return [path.get_extents(ax.transData) for c in ax.collections if c.get_gid() == gid for path in c.get_paths()]


def test_class_without_history_has_one_panel() -> None:
    a = demo_history()[-1]
    fig = class_figure(class_distribution({"ana": a}, FW), [], FW, lang="es")
    assert len(fig.axes) == 1
    assert "Voz" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    draw(fig)


def test_counter_type_is_accepted() -> None:
    now = {"voice": Counter({1.0: 2, 3.0: 1})}
    fig = class_figure(now, [], FW)
    assert [p.width for p in bars(fig, "now:1")][0] == 2


def test_style_and_tables_do_not_import_matplotlib_or_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, plprofile.charts, plprofile.charts.style as s, plprofile.charts.tables, plprofile.domain.progress;"
        "assert s.translate('charts', 'Learner') == 'Learner';"
        "import datetime; assert s.local_date(datetime.date(2025, 3, 5)) == '2025-03-05';"
        "bad = [m for m in sys.modules if m.startswith(('matplotlib', 'PySide6'))]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_translate_uses_qt_when_loaded() -> None:
    from plprofile.charts.style import stage_color, stage_index, translate

    assert translate("charts", "Overall") == "Overall"  # no translator installed: unchanged
    assert [stage_index(v) for v in (1, 1.5, 2, 2.5, 3)] == [0, 1, 2, 3, 4]
    assert stage_color(0) == stage_color(1) and stage_color(9) == stage_color(3)


# ---------------------------------------------------------------------------------------------- reuse


def _lines(fig: Figure) -> dict[str, tuple[list, list]]:
    return {line.get_gid(): (list(line.get_xdata()), list(line.get_ydata()))
            for ax in fig.axes for line in ax.get_lines() if line.get_gid()}


def test_a_drawn_progress_figure_takes_another_learner_in_place() -> None:
    first = demo_history("ana", seed=1)
    other_dates = [date(2024, 2, 1), date(2024, 9, 9), *DATES[2:]]
    second = demo_history("ben", seed=5, dates=other_dates)
    fig = progress_figure(first, FW, title="Ana")
    FigureCanvasAgg(fig).draw()
    axes_before = list(fig.axes)
    assert figures.update_progress_figure(fig, second, FW, title="Ben")
    fresh = progress_figure(second, FW, title="Ben")
    assert fig.axes == axes_before  # the same axes, no new figure
    assert _lines(fig) == _lines(fresh)
    assert fig._suptitle.get_text() == "Ben"
    FigureCanvasAgg(fresh).draw()
    for mine, theirs in zip(fig.axes, fresh.axes, strict=True):
        assert mine.get_xlim() == theirs.get_xlim()
        assert list(mine.get_xticks()) == list(theirs.get_xticks())
    FigureCanvasAgg(fig).draw()  # draws with the first layout
    assert fig.get_layout_engine() is not None and not isinstance(
        fig.get_layout_engine(), type(fresh.get_layout_engine()))
    figures.relayout(fig)  # after a resize: laid out again
    assert isinstance(fig.get_layout_engine(), type(fresh.get_layout_engine()))


def test_a_progress_figure_is_not_reused_across_frameworks_languages_or_emptiness() -> None:
    fig = progress_figure(demo_history(), FW)
    assert not figures.update_progress_figure(fig, demo_history(), FW, "es")
    assert not figures.update_progress_figure(fig, demo_history(), FW, title="with a title now")
    partial = [Assessment("x", "x", START, FW.id, FW.version, (ElementRating("voice", 1.0, 1.0, 1.0),))]
    assert not figures.update_progress_figure(fig, partial, FW)  # panels turning empty: build anew
    assert not figures.update_progress_figure(progress_figure([], FW), demo_history(), FW)
    assert not figures.update_progress_figure(class_figure({}, [], FW), demo_history(), FW)


def test_a_redraw_of_the_changes_alone_gives_the_full_picture() -> None:
    import numpy as np

    fig = progress_figure(demo_history("ana", seed=1), FW, title="Ana")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    assert figures.update_progress_figure(fig, demo_history("ben", seed=2), FW, title="Ben")
    figures.redraw(fig)  # the first time: a full draw, which keeps a picture of what does not change
    other = demo_history("cy", seed=3, dates=[date(2024, 5, 6), *DATES[1:]])
    assert figures.update_progress_figure(fig, other, FW, title="Cy")
    figures.redraw(fig)  # the changes alone, over that picture
    changes_only = np.asarray(canvas.buffer_rgba()).copy()
    canvas.draw()
    assert np.array_equal(changes_only, np.asarray(canvas.buffer_rgba()))
    assert fig._suptitle.get_text() == "Cy"
    # a figure built for export draws everything, as always
    fresh = progress_figure(other, FW, title="Cy")
    assert not any(a.get_animated() for ax in fresh.axes for a in ax.get_children())


def _class_data():
    histories = demo_class()
    now = class_distribution({lid: a for lid, h in histories.items() if (a := latest(h))}, FW)
    return now, distribution_over_time(histories, FW, month_starts(date(2025, 9, 1), date(2026, 6, 1)))


def test_a_drawn_class_figure_charts_another_element_in_place() -> None:
    """Choosing an element under "Over time" changes the figure drawn: its bars over time, the panel's title and
    the bold name, the same as a figure built for that element; the axes and the bars of now stay."""
    now, over = _class_data()
    title = "Class overview, all groups: 24 learners"
    fig = class_figure(now, over, FW, title=title)
    FigureCanvasAgg(fig).draw()
    axes = list(fig.axes)
    for element in ("voice", "purpose", None):
        assert figures.update_class_figure(fig, now, over, FW, title=title, element=element)
        fresh = class_figure(now, over, FW, title=title, element=element)
        assert fig.axes == axes
        for v in FW.allowed_values():
            for kind in ("now", "time"):
                assert [(b.x0, b.y0, b.width, b.height) for b in bars(fig, f"{kind}:{v:g}")] == [
                    (b.x0, b.y0, b.width, b.height) for b in bars(fresh, f"{kind}:{v:g}")], (element, kind, v)
        assert by_gid(fig, "time:title").get_text() == by_gid(fresh, "time:title").get_text()
        assert [t.get_fontweight() for t in fig.axes[0].get_yticklabels()] == [
            t.get_fontweight() for t in fresh.axes[0].get_yticklabels()]
        assert fig.axes[1].get_ylim() == fresh.axes[1].get_ylim()
        FigureCanvasAgg(fig).draw()
    # voice's bars are not the overall stage's: something did change
    assert [p.elements["voice"] for p in over] != [p.overall for p in over]


def test_a_class_figure_is_not_reused_for_other_bars_of_now_language_title_or_dates() -> None:
    now, over = _class_data()
    fig = class_figure(now, over, FW, title="All")
    other_now = {**now, "voice": Counter({1.0: 99})}
    assert not figures.update_class_figure(fig, other_now, over, FW, title="All", element="voice")
    assert not figures.update_class_figure(fig, now, over, FW, "es", title="All", element="voice")
    assert not figures.update_class_figure(fig, now, over, FW, title="5A", element="voice")
    assert not figures.update_class_figure(fig, now, over[2:], FW, title="All", element="voice")  # other dates
    assert not figures.update_class_figure(class_figure(now, [], FW), now, over, FW, element="voice")
    assert not figures.update_class_figure(progress_figure(demo_history(), FW), now, over, FW)
    tenfold = [type(p)(p.on, {k: Counter({v: n * 1000 for v, n in c.items()}) for k, c in p.elements.items()},
                       p.overall, p.learners) for p in over]
    assert not figures.update_class_figure(fig, now, tenfold, FW, title="All", element="voice")  # wider labels


def test_a_class_redraw_of_the_changes_alone_gives_the_full_picture() -> None:
    import numpy as np

    now, over = _class_data()
    fig = class_figure(now, over, FW, title="All")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    assert figures.update_class_figure(fig, now, over, FW, title="All", element="voice")
    figures.redraw(fig)  # the first time: a full draw, which keeps a picture of what does not change
    assert figures.update_class_figure(fig, now, over, FW, title="All", element="purpose")
    figures.redraw(fig)  # the changes alone, over that picture
    changes_only = np.asarray(canvas.buffer_rgba()).copy()
    canvas.draw()
    assert np.array_equal(changes_only, np.asarray(canvas.buffer_rgba()))
    # the same picture as a figure built for that element (its name in bold is not the widest: same layout)
    fresh = FigureCanvasAgg(class_figure(now, over, FW, title="All", element="purpose"))
    fresh.draw()
    assert np.array_equal(changes_only, np.asarray(fresh.buffer_rgba()))
