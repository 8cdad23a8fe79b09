"""The one-page family summary as a PDF, with Qt's own PDF writer. Readable in black and white.

One page for an ordinary profile: the text may shrink a little (never below 8.5 pt) and long texts are
shortened (with a note that the full text is in the profile); the "where we are now" chart is always there,
printed at its own size so that its labels are at least 8 pt on paper. Written in the language asked for,
whatever the interface speaks.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from plprofile.services.report import ConferenceSummary, Limits, fitted

from ..kit import labels
from ..kit.common import fmt_date

DPI = 300
# The chart's pixels per inch: sharp on paper, a small file.
CHART_DPI = 200
# The chart's height on paper, in inches (its width is the page's).
CHART_HEIGHT = 3.2
# The text sizes tried, largest first: 10 pt down to 8.5 pt.
SCALES = (1.0, 0.95, 0.9, 0.85)

# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


def chart_image(summary: ConferenceSummary, lang: str, width: float, height: float = CHART_HEIGHT
                ) -> QImage | None:
    """The "where we are now" chart for paper, ``width`` x ``height`` inches at ``CHART_DPI`` (matplotlib loads
    only here); None when there is no assessment."""
    return assessment_chart_image(summary.assessment, summary.framework, lang, width, height)


def assessment_chart_image(assessment, framework, lang: str, width: float,  # noqa: ANN001
                           height: float = CHART_HEIGHT) -> QImage | None:
    """The "where we are now" chart of ``assessment`` for paper (see ``chart_image``); None without one."""
    if assessment is None or framework is None:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from plprofile.charts.figures import now_print_figure, release

    fig = now_print_figure(assessment, framework, lang, width=width, height=height)
    fig.set_dpi(CHART_DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    w, h = canvas.get_width_height()
    image = QImage(canvas.buffer_rgba(), w, h, QImage.Format.Format_RGBA8888).copy()
    # the pixels (a few MB) go now, not when the cycle collector gets to the figure: a teacher writing
    # summaries one after another would otherwise keep each one's
    release(fig)
    return image


def _list(items: list[str], kept: bool = False) -> str:
    """The items; when there are none, whether none are written or the learner kept them (the learner's say)."""
    if not items:
        empty = translate("summary", "kept for me and my teacher") if kept else translate("summary", "not yet written")
        return "<i>" + html.escape(empty) + "</i>"
    return " · ".join(html.escape(i) for i in items)


def _overall_line(summary: ConferenceSummary) -> str:
    """The chart's main figure in words (the PDF's text says it too)."""
    from plprofile.charts.tables import fmt_value

    assessment, framework = summary.assessment, summary.framework
    if assessment is None or framework is None:
        return ""
    if assessment.partial:
        return translate("summary", "Overall stage: none yet (a partial check: not every element has a value).")
    value = assessment.overall("agreed", framework.element_ids())
    if value is None:
        value = assessment.overall("effective", framework.element_ids())
    return translate("summary", "Overall stage: {value} (from 1 to {top}).").format(
        value=fmt_value(value), top=fmt_value(framework.scale.max))


def _agenda_line(kind: str) -> str:
    """The learner's words before one of their agenda items (a student-led conference)."""
    return {
        "proud": translate("summary", "I am proud of:"),
        "evidence": translate("summary", "The evidence I chose:"),
        "goal": translate("summary", "A goal I am working on:"),
        "need": translate("summary", "What I need:"),
    }.get(kind, "")


def _said_line(speaker: str, kind: str) -> str:
    """Who said or will do something, in the learner's voice ("My family will:")."""
    if kind == "commitment":
        return {"learner": translate("summary", "I will:"), "family": translate("summary", "My family will:"),
                "teacher": translate("summary", "My teacher will:")}.get(speaker, "")
    return {"learner": translate("summary", "I said:"), "family": translate("summary", "My family said:"),
            "teacher": translate("summary", "My teacher said:")}.get(speaker, "")


def _remarks_html(summary: ConferenceSummary) -> str:
    """What was said at the conference, in the learner's voice: their agenda, then what each person said and will
    do."""
    e = html.escape
    agenda = [(kind, text) for _who, kind, text in summary.remarks if kind in ("proud", "evidence", "goal", "need")]
    said = [(who, kind, text) for who, kind, text in summary.remarks if kind in ("comment", "commitment")]
    lines = [f"<b>{e(_agenda_line(kind))}</b> {e(text)}" for kind, text in agenda]
    lines += [f"<b>{e(_said_line(who, kind))}</b> {e(text)}" for who, kind, text in said]
    return "<p style='margin-top: 1px; margin-bottom: 1px;'>" + "<br/>".join(lines) + "</p>" if lines else ""


#: How tall a shared picture's thumbnail stands on the family summary, in points (at the largest text size).
EVIDENCE_PT = 36


def _media_word(kind: str) -> str:
    """What a piece of evidence is, in the family's words: a picture, a PDF, a recording, a link or a note."""
    if kind.startswith("image/"):
        return translate("summary", "picture")
    if kind == "application/pdf":
        return translate("summary", "PDF")
    if kind.startswith("audio/"):
        return translate("summary", "recording")
    return {"link": translate("summary", "link"), "photo": translate("summary", "picture"),
            "file": translate("summary", "file")}.get(kind, translate("summary", "note"))


def _evidence_html(summary: ConferenceSummary, scale: float) -> str:
    """The evidence the learner shared, on one line of the page's table: a picture as a small thumbnail before its
    name, any other piece as its name and kind; "★ my best work" after the ones the learner marked."""
    e = html.escape
    pieces = []
    for ev in summary.evidence:
        best = (" <b>★&nbsp;" + e(translate("summary", "my best work")).replace(" ", "&nbsp;") + "</b>"
                if ev.best_work else "")
        picture = (f"<img src='evidence://{ev.id}' height='{EVIDENCE_PT * scale:.0f}' align='middle'/> "
                   if ev.thumbnail and summary.evidence_pictures else "")
        pieces.append(f"{picture}{e(ev.text)} <i>({e(_media_word(ev.kind))})</i>{best}")
    return " · ".join(pieces)


def summary_html(summary: ConferenceSummary, with_chart: bool, scale: float = 1.0, *,
                 chart_size: tuple[float, float] | None = None) -> str:
    """The page as rich text; ``chart_size`` is the chart's printed width and height in points."""
    e = html.escape
    pt = 10 * scale
    rule = "border-top: 1px solid #999;"

    def heading(text: str) -> str:
        return (f"<p style='font-size: {pt * 1.3:.1f}pt; font-weight: bold; margin-top: {pt * 0.7:.0f}pt; "
                f"margin-bottom: 1pt;'>{e(text)}</p>")

    plan = translate("summary", "My learning profile and plan")
    held = (translate("summary", "Conference I led on {date}") if summary.led_by == "learner"
            else translate("summary", "Conference on {date}")).format(date=fmt_date(summary.held_on))
    parts = [
        f"<html><body style='font-family: DejaVu Sans, sans-serif; font-size: {pt:.1f}pt; color: #000;'>",
        f"<p style='font-size: {pt * 1.9:.1f}pt; font-weight: bold; margin: 0;'>{e(summary.full_name)}</p>",
        f"<p style='margin-top: 1px; margin-bottom: 2px;'>{e(plan)} · {e(held)}"
        + (f" · {e(summary.participants)}" if summary.participants else "") + "</p>",
    ]
    if summary.addressed_to:  # a family contact the page is addressed to
        for_label = translate("summary", "For:")
        parts.append(f"<p style='margin-top: 1px; margin-bottom: 2px;'><b>{e(for_label)}</b> "
                     f"{e(summary.addressed_to)}</p>")
    if summary.i_am:
        parts.append(f"<p style='margin-top: 2px; margin-bottom: 2px;'><i>“{e(summary.i_am)}”</i></p>")
    parts.append("<table width='100%' cellspacing='0' cellpadding='2' style='border-collapse: collapse;'>")
    works = [w for lens_works in summary.lenses.values() for w in lens_works]
    kept = summary.kept_sections
    rows = [
        (translate("summary", "My strengths"), _list(summary.strengths, "strengths" in kept)),
        (translate("summary", "My challenges"), _list(summary.challenges, "challenges" in kept)),
        (translate("summary", "My interests"), _list(summary.interests, "interests" in kept)),
        (translate("summary", "My talents and passions"), _list(summary.talents, "talents" in kept)),
        (translate("summary", "My aspirations"), _list(summary.aspirations, "aspirations" in kept)),
        (translate("summary", "What helps me learn"), _list(works, any(k.endswith("_works") for k in kept))),
    ]
    if summary.evidence:  # only what the learner chose to share with their family
        rows.append((translate("summary", "My work"), _evidence_html(summary, scale)))
    for title, value in rows:
        parts.append(f"<tr><td width='24%' style='{rule}'><b>{e(title)}</b></td><td style='{rule}'>{value}</td></tr>")
    parts.append("</table>")
    parts.append(heading(translate("summary", "My goals")))
    if summary.goals:
        parts.append("<table width='100%' cellspacing='0' cellpadding='2' style='border-collapse: collapse;'>")
        headers = (translate("summary", "Goal"), translate("summary", "Status"), translate("summary", "Steps done"),
                   translate("summary", "Next step"), translate("summary", "Last check-in"))
        parts.append("<tr>" + "".join(f"<th align='left'>{e(h)}</th>" for h in headers) + "</tr>")
        for g in summary.goals:
            checkin = "—"
            if g.latest_checkin:
                checkin = labels.checkin_scale(g.latest_checkin)
                if g.latest_checkin_on:
                    checkin += f" ({fmt_date(g.latest_checkin_on)})"
            parts.append(
                f"<tr><td width='40%' style='{rule}'>{e(g.statement)}</td>"
                f"<td style='{rule}'>{e(labels.status(g.status))}</td>"
                f"<td style='{rule}'>{g.steps_done} / {g.steps_total}</td>"
                f"<td style='{rule}'>{e(g.next_step) or '—'}</td>"
                f"<td style='{rule}'>{e(checkin)}</td></tr>")
        parts.append("</table>")
        if summary.more_goals:
            parts.append("<p style='margin: 0;'><i>" + e(translate(
                "summary", "… and %n more goal(s) in the profile.", "", summary.more_goals)) + "</i></p>")
    else:
        parts.append("<p><i>" + e(translate("summary", "No goals yet.")) + "</i></p>")
    if summary.remarks:
        parts.append(heading(translate("summary", "What I shared at my conference") if summary.led_by == "learner"
                             else translate("summary", "What we said at the conference")))
        parts.append(_remarks_html(summary))
    parts.append(heading(translate("summary", "Our next steps")))
    agreed = (e(summary.agreements).replace("\n", "<br/>")
              or "<i>" + e(translate("summary", "Nothing written down.")) + "</i>")
    next_text = fmt_date(summary.next_checkin_on) if summary.next_checkin_on else translate("summary", "to be arranged")
    next_title = translate("summary", "Next check-in")
    parts.append(f"<p style='margin-top: 1px;'>{agreed}<br/><b>{e(next_title)}: {e(next_text)}</b></p>")
    where = translate("summary", "Stages of Personalized Learning: where we are now")
    if summary.assessment is not None:
        where += f" ({fmt_date(summary.assessment.assessed_on)})"
    parts.append(heading(where))
    if with_chart and chart_size:
        width, height = chart_size
        parts.append(f"<p style='margin: 0;'><img src='chart://now' width='{width:.0f}' height='{height:.0f}'/></p>")
        parts.append(f"<p style='margin: 0;'>{e(_overall_line(summary))}</p>")
    else:
        parts.append("<p><i>" + e(translate("summary", "No Stages ratings yet.")) + "</i></p>")
    notes = []
    if summary.shortened:
        notes.append(translate("summary", "Some texts are shortened here; the full text is in the profile."))
    notes.append(translate("summary", "{name} chose which of their own words their family sees: only those are "
                                      "here. Their teacher sees all of them.").format(name=summary.learner_name))
    notes.append(translate("summary", "Written together by the learner and their teacher with plprofile."))
    parts.append(f"<p style='font-size: {max(pt * 0.85, 8.5):.1f}pt; color: #333; margin-top: 2pt;'>"
                 + " ".join(e(n) for n in notes) + "</p>")
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


def _layout(doc: QTextDocument, summary: ConferenceSummary, points: QSizeF,
            chart_size: tuple[float, float] | None) -> None:
    """Lay the summary out on one page if it can be: the largest text size first, then shorter texts."""
    limits = Limits()
    for _ in range(4):
        page = fitted(summary, limits)
        for scale in SCALES:
            doc.setHtml(summary_html(page, chart_size is not None, scale, chart_size=chart_size))
            doc.setPageSize(points)
            if doc.pageCount() <= 1:
                return
        limits = limits.tighter()
    # a profile that still needs more: more pages, nothing cut beyond the shortest texts


def write_summary_pdf(summary: ConferenceSummary, path, lang: str = "en") -> int:  # noqa: ANN001
    """Write the summary in ``lang`` ("en" or "es") to ``path`` (or an open QIODevice); its page count."""
    from plprofile.i18n import speaking

    with speaking(lang) as spoken:
        return _write(summary, path, spoken)


def _write(summary: ConferenceSummary, path, lang: str) -> int:  # noqa: ANN001
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
    # the chart is as wide as the text and drawn at that size: its 8.5 pt labels print at 8.5 pt
    chart_width = points.width() / 72
    chart = chart_image(summary, lang, chart_width)
    chart_size = None
    if chart is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://now"), chart)
        chart_size = (chart.width() * 72 / CHART_DPI, chart.height() * 72 / CHART_DPI)
    for ev in summary.evidence:  # the pictures the learner shared, as thumbnails
        image = QImage.fromData(ev.thumbnail) if ev.thumbnail else QImage()
        if not image.isNull():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"evidence://{ev.id}"), image)
    _layout(doc, summary, points, chart_size)
    return paint_pages(writer, doc, points)


def paint_pages(writer: QPdfWriter, doc: QTextDocument, points: QSizeF) -> int:
    """Paint ``doc``, laid out in points on pages of ``points``, page by page into ``writer``; the page count."""
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
