"""The class learning snapshot as a table and as one page of bar charts (A4 portrait, one panel per question).

Pure of Qt; matplotlib is imported only by ``snapshot_figure``. The numbers drawn are the table's.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from plprofile.charts.style import translate
from plprofile.domain.snapshot import PANELS, Snapshot

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Bars per panel on the page (the table has them all).
BARS = 6
A4_PORTRAIT = (8.27, 11.69)


def panel_title(panel: str) -> str:
    titles = {
        "access": translate("snapshot", "Access: how they take in information best"),
        "engage": translate("snapshot", "Engage: what keeps them going"),
        "express": translate("snapshot", "Express: how they show what they know"),
        "barriers": translate("snapshot", "What gets in the way"),
        "interests": translate("snapshot", "Interests many share"),
        "aspirations": translate("snapshot", "Aspirations many share"),
        "backpack": translate("snapshot", "Backpack tools and strategies in use"),
        "choice_asked": translate("snapshot", "Voice and choice asked for, not yet given"),
        "strategies": translate("snapshot", "Strategies: how many tried, how many said it helped"),
    }
    return titles[panel]


def snapshot_table(snapshot: Snapshot) -> tuple[list[str], list[list[str]]]:
    """Every figure as a row: the question, the answer, how many learners of how many, and why they are grouped."""
    headers = [translate("snapshot", "Question"), translate("snapshot", "Answer"),
               translate("snapshot", "Learners"), translate("snapshot", "Of"),
               translate("snapshot", "Grouped by")]
    rows = []
    for panel, _list in PANELS:
        for group in snapshot.panels.get(panel, []):
            why = ", ".join(group.why) if group.option_id else translate("snapshot", "the same words")
            rows.append([panel_title(panel), group.label, str(group.count), str(snapshot.size), why])
    for _sid, label, tried, helped in snapshot.strategies:
        rows.append([panel_title("strategies"), label, str(len(tried)), str(snapshot.size),
                     translate("snapshot", "{n} said it helped").format(n=len(helped))])
    return headers, rows


def snapshot_figure(snapshot: Snapshot, title: str) -> Figure:
    """One page: a panel per question, its most shared answers as bars of learners (``gid`` ``panel:key``)."""
    from matplotlib.figure import Figure  # start-up: loaded when the snapshot is first drawn

    from plprofile.charts import style

    fig = Figure(figsize=A4_PORTRAIT, layout="constrained")
    fig.suptitle(title, fontsize=13)
    axes = fig.subplots(5, 2).ravel()
    colour = style.OKABE_ITO["blue"]
    for ax, (panel, _list) in zip(axes, PANELS, strict=False):
        groups = snapshot.panels.get(panel, [])[:BARS]
        ax.set_title(textwrap.fill(panel_title(panel), 38), fontsize=9, loc="left")
        if not groups:
            ax.text(0.5, 0.5, translate("snapshot", "Nothing written yet"), ha="center", va="center",
                    transform=ax.transAxes, fontsize=8, color=style.MUTED_COLOR)
            ax.set_axis_off()
            continue
        labels = [textwrap.shorten(g.label, 28, placeholder="…") for g in groups][::-1]
        counts = [g.count for g in groups][::-1]
        bars = ax.barh(range(len(groups)), counts, color=colour)
        for bar, group in zip(bars, groups[::-1], strict=True):
            bar.set_gid(f"{panel}:{group.key}")
        ax.set_yticks(range(len(groups)), labels, fontsize=8)
        ax.set_xlim(0, max(snapshot.size, 1))
        ax.tick_params(axis="x", labelsize=7)
        for y, n in enumerate(counts):
            ax.text(n, y, f" {n}", va="center", fontsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    _strategies(axes[len(PANELS)], snapshot, style)
    axes[-1].set_axis_off()
    return fig


def _strategies(ax, snapshot: Snapshot, style) -> None:  # noqa: ANN001
    """How many tried each strategy (light) and how many said it helped (dark, drawn over it)."""
    ax.set_title(textwrap.fill(panel_title("strategies"), 38), fontsize=9, loc="left")
    rows = snapshot.strategies[:BARS]
    if not rows:
        ax.text(0.5, 0.5, translate("snapshot", "Nothing written yet"), ha="center", va="center",
                transform=ax.transAxes, fontsize=8, color=style.MUTED_COLOR)
        ax.set_axis_off()
        return
    rows = rows[::-1]
    y = range(len(rows))
    tried = ax.barh(y, [len(r[2]) for r in rows], color=style.OKABE_ITO["sky_blue"],
                    label=translate("snapshot", "tried it"))
    helped = ax.barh(y, [len(r[3]) for r in rows], height=0.45, color=style.OKABE_ITO["blue"],
                     label=translate("snapshot", "said it helped"))
    for bar, row in zip(tried, rows, strict=True):
        bar.set_gid(f"strategies:{row[0]}:tried")
    for bar, row in zip(helped, rows, strict=True):
        bar.set_gid(f"strategies:{row[0]}:helped")
    ax.set_yticks(list(y), [textwrap.shorten(r[1], 28, placeholder="…") for r in rows], fontsize=8)
    ax.set_xlim(0, max(snapshot.size, 1))
    ax.tick_params(axis="x", labelsize=7)
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


__all__ = ["BARS", "panel_title", "snapshot_figure", "snapshot_table"]
