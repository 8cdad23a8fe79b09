"""The one-page conference summary as a PDF, with Qt's own PDF writer. Readable in black and white."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from plprofile.services.report import ConferenceSummary

from . import labels
from .common import fmt_date

DPI = 300


# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


def _chart_png(summary: ConferenceSummary, lang: str) -> QImage | None:
    """The "where we are now" chart as an image (matplotlib loads only here)."""
    if summary.assessment is None or summary.framework is None:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from plprofile.charts.figures import now_figure, release

    fig = now_figure(summary.assessment, summary.framework, lang)
    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(110)
    canvas.draw()
    width, height = canvas.get_width_height()
    image = QImage(canvas.buffer_rgba(), width, height, QImage.Format.Format_RGBA8888).copy()
    # the pixels (a few MB) go now, not when the cycle collector gets to the figure: a teacher writing
    # summaries one after another would otherwise keep each one's
    release(fig)
    return image


def _list(items: list[str]) -> str:
    if not items:
        return "<i>" + html.escape(translate("summary", "not yet written")) + "</i>"
    return "; ".join(html.escape(i) for i in items)


def summary_html(summary: ConferenceSummary, with_chart: bool, scale: float = 1.0) -> str:
    e = html.escape
    pt = 10 * scale

    def heading(text: str) -> str:
        return (f"<p style='font-size: {pt * 1.35:.1f}pt; font-weight: bold; margin-top: {pt:.0f}pt; "
                f"margin-bottom: 2pt;'>{e(text)}</p>")

    plan = translate("summary", "My learning profile and plan")
    held = translate("summary", "Conference on {date}").format(date=fmt_date(summary.held_on))
    parts = [
        f"<html><body style='font-family: DejaVu Sans, sans-serif; font-size: {pt:.1f}pt; color: #000;'>",
        f"<p style='font-size: {pt * 2:.1f}pt; font-weight: bold; margin: 0;'>{e(summary.full_name)}</p>",
        f"<p style='margin-top: 2px;'>{e(plan)} · {e(held)}"
        + (f" · {e(summary.participants)}" if summary.participants else "") + "</p>",
    ]
    if summary.i_am:
        parts.append(f"<p><i>“{e(summary.i_am)}”</i></p>")
    parts.append("<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse: collapse;'>")
    rows = [
        (translate("summary", "My strengths"), _list(summary.strengths)),
        (translate("summary", "My interests"), _list(summary.interests)),
        (translate("summary", "My aspirations"), _list(summary.aspirations)),
    ]
    for lens, works in summary.lenses.items():
        rows.append((f"{labels.lens(lens)} — {labels.lens_question(lens)}", _list(works)))
    rows.append((translate("summary", "My learning backpack"), _list(summary.backpack)))
    for title, value in rows:
        parts.append(f"<tr><td width='34%' style='border-bottom: 1px solid #999;'><b>{e(title)}</b></td>"
                     f"<td style='border-bottom: 1px solid #999;'>{value}</td></tr>")
    parts.append("</table>")
    parts.append(heading(translate("summary", "My goals")))
    if summary.goals:
        parts.append("<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse: collapse;'>")
        headers = (translate("summary", "Goal"), translate("summary", "Status"), translate("summary", "Steps done"),
                   translate("summary", "Next step"), translate("summary", "Last check-in"))
        parts.append("<tr>" + "".join(f"<th align='left'>{e(h)}</th>" for h in headers) + "</tr>")
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
        parts.append("<p><i>" + e(translate("summary", "No goals yet.")) + "</i></p>")
    parts.append(heading(translate("summary", "What we agreed")))
    agreed = (e(summary.agreements).replace("\n", "<br/>")
              or "<i>" + e(translate("summary", "Nothing written down.")) + "</i>")
    parts.append(f"<p>{agreed}</p>")
    next_text = fmt_date(summary.next_checkin_on) if summary.next_checkin_on else translate("summary", "to be arranged")
    next_title = translate("summary", "Next check-in")
    parts.append(f"<p style='font-size: {pt * 1.25:.1f}pt;'><b>{e(next_title)}: {e(next_text)}</b></p>")
    if with_chart:
        parts.append(heading(translate("summary", "Stages of Personalized Learning: where we are now")))
        parts.append(f"<p><img src='chart://now' width='{int(500 * scale)}'/></p>")
    footer = translate("summary", "Written together by the learner and their teacher with plprofile.")
    parts.append(f"<p style='font-size: {pt * 0.8:.1f}pt; color: #333;'>{e(footer)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def summary_pdf_bytes(summary: ConferenceSummary, lang: str = "en") -> bytes:
    """The summary PDF in memory (for a passphrase-protected export: no plain copy touches the disk)."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_summary_pdf(summary, buffer, lang)
    buffer.close()
    return bytes(buffer.data())


def _fit(doc: QTextDocument, summary: ConferenceSummary, points: QSizeF, with_chart: bool, smallest: float) -> bool:
    """Lay the summary out at the largest text size down to ``smallest`` that fits one page."""
    for step in range(int(round((1.0 - smallest) / 0.05)) + 1):
        doc.setHtml(summary_html(summary, with_chart, 1.0 - step * 0.05))
        doc.setPageSize(points)
        if doc.pageCount() <= 1:
            return True
    return False


def write_summary_pdf(summary: ConferenceSummary, path, lang: str = "en") -> int:  # noqa: ANN001
    """Write the summary to ``path`` (or an open QIODevice) and return its page count.

    It is meant for one page: the text shrinks a little if needed, then the chart gives way to the words (it is
    in the app). A profile with more than a page of words even then gets more pages: nothing is cut off."""
    chart = _chart_png(summary, lang)
    writer = QPdfWriter(path if not isinstance(path, str | Path) else str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout.Unit.Millimeter)
    writer.setTitle(translate("summary", "Learning profile summary: {name}").format(name=summary.learner_name))
    writer.setCreator("plprofile")
    page = writer.pageLayout().paintRectPixels(DPI)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    # Lay the page out in points (72 per inch), then scale the painter up to the writer's resolution.
    points = QSizeF(page.width() * 72 / DPI, page.height() * 72 / DPI)
    if chart is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://now"), chart)
    fits = _fit(doc, summary, points, chart is not None, smallest=0.8)
    if not fits and chart is not None:
        fits = _fit(doc, summary, points, False, smallest=0.7)
    if not fits:
        doc.setHtml(summary_html(summary, False, 0.8))
        doc.setPageSize(points)
    painter = QPainter(writer)
    try:
        painter.scale(DPI / 72, DPI / 72)
        for number in range(doc.pageCount()):
            if number:
                writer.newPage()
            top = number * points.height()
            painter.save()
            painter.translate(0, -top)
            doc.drawContents(painter, QRectF(0, top, points.width(), points.height()))
            painter.restore()
    finally:
        painter.end()
    return doc.pageCount()
