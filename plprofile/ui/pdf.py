"""The one-page conference summary as a PDF, with Qt's own PDF writer. Readable in black and white."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from plprofile.services.report import ConferenceSummary

from . import labels
from .common import fmt_date

DPI = 300


def _t(text: str) -> str:
    return QCoreApplication.translate("summary", text)


def _chart_png(summary: ConferenceSummary, lang: str) -> QImage | None:
    """The "where we are now" chart as an image (matplotlib loads only here)."""
    if summary.assessment is None or summary.framework is None:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from plprofile.charts.figures import now_figure

    fig = now_figure(summary.assessment, summary.framework, lang)
    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(110)
    canvas.draw()
    width, height = canvas.get_width_height()
    image = QImage(canvas.buffer_rgba(), width, height, QImage.Format.Format_RGBA8888).copy()
    # The figure and its canvas refer to each other, so they wait for the cycle collector; the pixels (a few
    # MB) go now: a teacher writing summaries one after another would otherwise keep each one's.
    canvas.renderer = None
    canvas._lastKey = None
    return image


def _list(items: list[str]) -> str:
    if not items:
        return "<i>" + html.escape(_t("not yet written")) + "</i>"
    return "; ".join(html.escape(i) for i in items)


def summary_html(summary: ConferenceSummary, with_chart: bool, scale: float = 1.0) -> str:
    e = html.escape
    pt = 10 * scale

    def heading(text: str) -> str:
        return (f"<p style='font-size: {pt * 1.35:.1f}pt; font-weight: bold; margin-top: {pt:.0f}pt; "
                f"margin-bottom: 2pt;'>{e(text)}</p>")

    parts = [
        f"<html><body style='font-family: DejaVu Sans, sans-serif; font-size: {pt:.1f}pt; color: #000;'>",
        f"<p style='font-size: {pt * 2:.1f}pt; font-weight: bold; margin: 0;'>{e(summary.full_name)}</p>",
        f"<p style='margin-top: 2px;'>{e(_t('My learning profile and plan'))} · "
        f"{e(_t('Conference on {date}').format(date=fmt_date(summary.held_on)))}"
        + (f" · {e(summary.participants)}" if summary.participants else "") + "</p>",
    ]
    if summary.i_am:
        parts.append(f"<p><i>“{e(summary.i_am)}”</i></p>")
    parts.append("<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse: collapse;'>")
    rows = [
        (_t("My strengths"), _list(summary.strengths)),
        (_t("My interests"), _list(summary.interests)),
        (_t("My aspirations"), _list(summary.aspirations)),
    ]
    for lens, works in summary.lenses.items():
        rows.append((f"{labels.lens(lens)} — {labels.lens_question(lens)}", _list(works)))
    rows.append((_t("My learning backpack"), _list(summary.backpack)))
    for title, value in rows:
        parts.append(f"<tr><td width='34%' style='border-bottom: 1px solid #999;'><b>{e(title)}</b></td>"
                     f"<td style='border-bottom: 1px solid #999;'>{value}</td></tr>")
    parts.append("</table>")
    parts.append(heading(_t("My goals")))
    if summary.goals:
        parts.append("<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse: collapse;'>")
        parts.append(f"<tr><th align='left'>{e(_t('Goal'))}</th><th align='left'>{e(_t('Status'))}</th>"
                     f"<th align='left'>{e(_t('Steps done'))}</th><th align='left'>{e(_t('Next step'))}</th>"
                     f"<th align='left'>{e(_t('Last check-in'))}</th></tr>")
        for g in summary.goals:
            checkin = labels.checkin_scale(g.latest_checkin) if g.latest_checkin else "—"
            parts.append(
                f"<tr><td style='border-top: 1px solid #999;'>{e(g.statement)}</td>"
                f"<td style='border-top: 1px solid #999;'>{e(labels.status(g.status))}</td>"
                f"<td style='border-top: 1px solid #999;'>{g.steps_done} / {g.steps_total}</td>"
                f"<td style='border-top: 1px solid #999;'>{e(g.next_step) or '—'}</td>"
                f"<td style='border-top: 1px solid #999;'>{e(checkin)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p><i>{e(_t('No goals yet.'))}</i></p>")
    parts.append(heading(_t("What we agreed")))
    agreed = e(summary.agreements).replace("\n", "<br/>") or f"<i>{e(_t('Nothing written down.'))}</i>"
    parts.append(f"<p>{agreed}</p>")
    next_text = fmt_date(summary.next_checkin_on) if summary.next_checkin_on else _t("to be arranged")
    parts.append(f"<p style='font-size: {pt * 1.25:.1f}pt;'><b>{e(_t('Next check-in'))}: {e(next_text)}</b></p>")
    if with_chart:
        parts.append(heading(_t("Stages of Personalized Learning: where we are now")))
        parts.append(f"<p><img src='chart://now' width='{int(500 * scale)}'/></p>")
    parts.append(f"<p style='font-size: {pt * 0.8:.1f}pt; color: #333;'>"
                 f"{e(_t('Written together by the learner and their teacher with plprofile.'))}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_summary_pdf(summary: ConferenceSummary, path: Path, lang: str = "en") -> int:
    """Write the summary to ``path`` on one page (text shrinks if needed). Returns the page count (1)."""
    chart = _chart_png(summary, lang)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout.Unit.Millimeter)
    writer.setTitle(_t("Learning profile summary: {name}").format(name=summary.learner_name))
    writer.setCreator("plprofile")
    page = writer.pageLayout().paintRectPixels(DPI)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    # Lay the page out in points (72 per inch), then scale the painter up to the writer's resolution.
    points = QSizeF(page.width() * 72 / DPI, page.height() * 72 / DPI)
    doc.setPageSize(points)
    if chart is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://now"), chart)
    scale = 1.0
    while True:
        doc.setHtml(summary_html(summary, chart is not None, scale))
        doc.setPageSize(points)
        if doc.pageCount() <= 1 or scale < 0.6:
            break
        scale -= 0.05
    painter = QPainter(writer)
    try:
        painter.scale(DPI / 72, DPI / 72)
        doc.drawContents(painter)
    finally:
        painter.end()
    return doc.pageCount()
