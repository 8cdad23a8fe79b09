"""The learner passport as a PDF: a learner's whole profile, readable by a new teacher, over as many A4 pages as it
needs, in English or Spanish whatever the interface speaks. Painted through ``pdf.paint_pages`` like the summary.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from plprofile.domain import profile as d
from plprofile.services.passport import LATEST_CHECKINS, Passport

from ..kit import labels
from ..kit.common import fmt_date
from .pdf import CHART_DPI, DPI, assessment_chart_image, paint_pages

translate = QCoreApplication.translate
e = html.escape

# The sections in the order the passport lists them (the lenses come after, as "How I learn").
SECTIONS = (d.Section.I_AM, d.Section.MY_WORDS, d.Section.STRENGTHS, d.Section.CHALLENGES, d.Section.INTERESTS,
            d.Section.ASPIRATIONS, d.Section.TALENTS)
RULE = "border-top: 1px solid #999;"


def _heading(text: str, level: int = 1) -> str:
    size = {1: 14, 2: 11.5}[level]
    return (f"<p style='font-size: {size}pt; font-weight: bold; margin-top: {8 if level == 1 else 5}pt; "
            f"margin-bottom: 2pt;'>{e(text)}</p>")


def _whose(row) -> str:  # noqa: ANN001
    """Who wrote it, and whether it is agreed: "learner", "teacher · suggestion, waiting for the learner"."""
    parts = [labels.role(row.author_role)]
    if getattr(row, "agreement", d.Agreement.AGREED.value) == d.Agreement.SUGGESTION.value:
        parts.append(translate("passport", "suggestion, waiting for the learner"))
    if getattr(row, "teacher_only", False):
        parts.append(translate("passport", "teacher-only note"))
    return " <span style='color: #444;'>(" + e(" · ".join(parts)) + ")</span>"


def _entries(passport: Passport, section: d.Section) -> str:
    view = passport.view
    items = []
    for entry in view.section(section):
        if entry.agreement not in (d.Agreement.AGREED.value, d.Agreement.SUGGESTION.value):
            continue
        line = e(entry.text) + _whose(entry)
        for suggestion in view.suggestions_for(entry.id):
            line += "<br/>&nbsp;&nbsp;→ " + e(translate("passport", "Suggested change: {text}").format(
                text=suggestion.text)) + _whose(suggestion)
        items.append(f"<li>{line}</li>")
    if not items:
        return "<p style='margin: 0;'><i>" + e(translate("passport", "Nothing written yet.")) + "</i></p>"
    return "<ul style='margin-top: 0; margin-bottom: 0;'>" + "".join(items) + "</ul>"


def _about(passport: Passport) -> str:
    learner = passport.view.learner
    facts = [learner.pronouns, translate("passport", "Grade {grade}").format(grade=learner.grade) if learner.grade
             else "", learner.group_name, translate("passport", "Student ID {id}").format(id=learner.external_id)
             if learner.external_id else ""]
    return " · ".join(e(f) for f in facts if f)


def _goals(passport: Passport) -> str:
    view = passport.view
    if not view.goals:
        return "<p><i>" + e(translate("passport", "No goals yet.")) + "</i></p>"
    names = {item.id: item.name for item in view.backpack}
    parts = []
    for gv in view.goals:
        goal = gv.goal
        facts = [labels.status(goal.status), labels.focus(goal.focus)]
        if goal.lens:
            facts.append(labels.lens(goal.lens))
        if goal.target_date:
            facts.append(translate("passport", "target {date}").format(date=fmt_date(goal.target_date)))
        parts.append("<hr/>")  # a rule between goals (a paragraph's border is not drawn)
        parts.append(f"<p style='margin-top: 2pt; margin-bottom: 0;'><b>{e(goal.statement)}</b>"
                     f"{_whose(goal)}<br/>{e(' · '.join(facts))}</p>")
        if goal.why:
            parts.append("<p style='margin: 0;'>" + e(translate("passport", "Why it matters: {why}").format(
                why=goal.why)) + "</p>")
        rows = []
        for step in gv.steps:
            mark = "✓" if step.done else "○"
            extra = [labels.owner(step.owner)]
            if step.due_date:
                extra.append(translate("passport", "by {date}").format(date=fmt_date(step.due_date)))
            rows.append(f"{mark} {e(step.text)} <span style='color: #444;'>({e(' · '.join(extra))})</span>")
        if rows:
            parts.append("<p style='margin: 0;'><b>" + e(translate("passport", "Steps")) + "</b><br/>"
                         + "<br/>".join(rows) + "</p>")
        supports = [names[s.backpack_item_id] for s in gv.supports if s.backpack_item_id in names]
        if supports:
            parts.append("<p style='margin: 0;'><b>" + e(translate("passport", "Supports:")) + "</b> "
                         + e(" · ".join(supports)) + "</p>")
        if gv.evidence:
            lines = [f"{e(fmt_date(ev.added_on))} · {e(labels.evidence_kind(ev.kind))}: {e(ev.text or ev.location)}"
                     + (f" ({e(ev.location)})" if ev.text and ev.location else "") + _best_work(passport, ev)
                     for ev in gv.evidence]
            parts.append("<p style='margin: 0;'><b>" + e(translate("passport", "Evidence")) + "</b><br/>"
                         + "<br/>".join(lines) + "</p>")
        if gv.checkins:
            newest = sorted(gv.checkins, key=lambda c: (c.on_date, c.created_at), reverse=True)[:LATEST_CHECKINS]
            lines = [f"{e(fmt_date(c.on_date))} · {e(labels.checkin_scale(c.scale))}"
                     + (f": “{e(c.reflection)}”" if c.reflection else "") for c in newest]
            title = translate("passport", "Latest check-ins")
            more = len(gv.checkins) - len(newest)
            if more > 0:
                lines.append("<i>" + e(translate("passport", "… and %n earlier check-in(s) in the profile.", "",
                                                 more)) + "</i>")
            parts.append(f"<p style='margin: 0;'><b>{e(title)}</b><br/>" + "<br/>".join(lines) + "</p>")
    return "".join(parts)


def _best_work(passport: Passport, ev) -> str:  # noqa: ANN001
    """"★ best work" after a piece the learner marked, and its picture's thumbnail when it has one (issue 20)."""
    if not ev.best_work:
        return ""
    mark = " <b>★&nbsp;" + e(translate("passport", "best work")).replace(" ", "&nbsp;") + "</b>"
    if ev.id in passport.best_work:
        mark += f"<br/><img src='evidence://{ev.id}' height='{BEST_WORK_PT}'/>"
    return mark


#: How tall a best work's thumbnail stands in the passport, in points.
BEST_WORK_PT = 72


def _table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["<table width='100%' cellspacing='0' cellpadding='2' style='border-collapse: collapse;'><tr>"]
    out += [f"<th align='left'>{e(h)}</th>" for h in headers]
    out.append("</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td style='{RULE}'>{e(c)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _stages(passport: Passport, lang: str, chart_size: tuple[float, float] | None) -> str:
    from plprofile.charts.tables import now_table

    now, framework = passport.now, passport.framework
    title = translate("passport", "Stages of Personalized Learning: where we are now")
    if now is None or framework is None:
        return _heading(title) + "<p><i>" + e(translate("passport", "No Stages ratings yet.")) + "</i></p>"
    parts = [_heading(f"{title} ({fmt_date(now.assessed_on)})")]
    if chart_size:
        width, height = chart_size
        parts.append(f"<p style='margin: 0;'><img src='chart://now' width='{width:.0f}' height='{height:.0f}'/></p>")
    headers, rows = now_table(now, framework, lang)
    parts.append(_table(headers, rows))
    return "".join(parts)


def _conferences(passport: Passport) -> str:
    view = passport.view
    if not view.conferences:
        return "<p><i>" + e(translate("passport", "No conferences yet.")) + "</i></p>"
    parts = []
    for conf in view.conferences:
        led = (translate("passport", "led by the learner") if conf.led_by == d.ConferenceLead.LEARNER.value
               else translate("passport", "led by the teacher"))
        head = f"{fmt_date(conf.held_on)} · {led}" + (f" · {conf.participants}" if conf.participants else "")
        parts.append(f"<p style='margin-top: 5pt; margin-bottom: 0;'><b>{e(head)}</b></p>")
        if conf.agreements:
            parts.append("<p style='margin: 0;'>" + e(translate("passport", "Agreed: {text}").format(
                text=conf.agreements)).replace("\n", "<br/>") + "</p>")
        said = view.remarks_of(conf.id)
        if said:
            lines = [f"{e(_speaker(r.speaker))} ({e(_remark_kind(r.kind))}): {e(r.text)}" for r in said]
            parts.append("<p style='margin: 0;'>" + "<br/>".join(lines) + "</p>")
        if conf.next_checkin_on:
            parts.append("<p style='margin: 0;'>" + e(translate("passport", "Next check-in: {date}").format(
                date=fmt_date(conf.next_checkin_on))) + "</p>")
    return "".join(parts)


def _speaker(value: str) -> str:
    return {"learner": translate("passport", "Learner"), "family": translate("passport", "Family"),
            "teacher": translate("passport", "Teacher")}.get(value, value)


def _remark_kind(value: str) -> str:
    return {"proud": translate("passport", "proud of"), "evidence": translate("passport", "evidence chosen"),
            "goal": translate("passport", "goal"), "need": translate("passport", "needs"),
            "comment": translate("passport", "said"), "commitment": translate("passport", "will do")
            }.get(value, value)


def passport_html(passport: Passport, lang: str, chart_size: tuple[float, float] | None = None) -> str:
    view = passport.view
    learner = view.learner
    name = f"{learner.preferred_name} {learner.family_name}"
    if learner.preferred_name != learner.given_name:
        name += f" ({learner.given_name} {learner.family_name})"
    parts = [
        "<html><body style='font-family: DejaVu Sans, sans-serif; font-size: 10pt; color: #000;'>",
        f"<p style='font-size: 19pt; font-weight: bold; margin: 0;'>{e(name)}</p>",
        "<p style='margin-top: 1pt;'>" + e(translate("passport", "Learner passport: the whole profile, made on {date}")
                                          .format(date=fmt_date(passport.made_on)))
        + (f"<br/>{_about(passport)}" if _about(passport) else "") + "</p>",
        _heading(translate("passport", "About me and what I bring")),
    ]
    for section in SECTIONS:
        parts.append(_heading(labels.section(section), 2))
        parts.append(_entries(passport, section))
    parts.append(_heading(translate("passport", "How I learn best")))
    for lens, (works, barriers) in d.LENS_SECTIONS.items():
        parts.append(_heading(f"{labels.lens(lens)}: {labels.lens_question(lens)}", 2))
        parts.append(f"<p style='margin: 0;'><b>{e(labels.section(works))}</b></p>" + _entries(passport, works))
        parts.append(f"<p style='margin: 0;'><b>{e(labels.section(barriers))}</b></p>"
                     + _entries(passport, barriers))
    parts.append(_heading(translate("passport", "My learning backpack")))
    if view.backpack:
        parts.append(_table(
            [translate("passport", "Tool or strategy"), translate("passport", "Kind"),
             translate("passport", "Lens"), translate("passport", "How it helps")],
            [[b.name, labels.backpack_kind(b.kind), labels.lens(b.lens) if b.lens else "", b.how_it_helps]
             for b in view.backpack]))
    else:
        parts.append("<p><i>" + e(translate("passport", "Nothing written yet.")) + "</i></p>")
    parts.append(_heading(translate("passport", "Voice and choice")))
    if view.choices:
        parts.append(_table(
            [translate("passport", "What"), translate("passport", "Today"), translate("passport", "Option")],
            [[labels.dimension(c.dimension), labels.availability(c.availability), c.text] for c in view.choices]))
    else:
        parts.append("<p><i>" + e(translate("passport", "Nothing written yet.")) + "</i></p>")
    parts.append(_heading(translate("passport", "My goals")))
    parts.append(_goals(passport))
    parts.append(_stages(passport, lang, chart_size))
    parts.append(_heading(translate("passport", "Conferences")))
    parts.append(_conferences(passport))
    parts.append(_heading(labels.section(d.Section.NEXT_CONFERENCE), 2))
    parts.append(_entries(passport, d.Section.NEXT_CONFERENCE))
    parts.append("<p style='font-size: 8.5pt; color: #333; margin-top: 8pt;'>" + e(translate(
        "passport", "Written together by the learner and their teachers with plprofile. The profile file (JSON) "
        "holds the same, with every date and author.")) + "</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_passport_pdf(passport: Passport, path, lang: str = "en") -> int:  # noqa: ANN001
    """Write the passport in ``lang`` ("en" or "es") to ``path`` (or an open QIODevice); its page count."""
    from plprofile.i18n import speaking

    with speaking(lang) as spoken:
        writer = QPdfWriter(str(path) if isinstance(path, str | Path) else path)
        writer.setResolution(DPI)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(18, 15, 18, 15), QPageLayout.Unit.Millimeter)
        learner = passport.view.learner
        writer.setTitle(translate("passport", "Learner passport: {name}").format(
            name=f"{learner.preferred_name} {learner.family_name}"))
        writer.setCreator("plprofile")
        page = writer.pageLayout().paintRectPixels(DPI)
        points = QSizeF(page.width() * 72 / DPI, page.height() * 72 / DPI)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        chart = assessment_chart_image(passport.now, passport.framework, spoken, points.width() / 72)
        chart_size = None
        if chart is not None:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://now"), chart)
            chart_size = (chart.width() * 72 / CHART_DPI, chart.height() * 72 / CHART_DPI)
        for evidence_id, thumbnail in passport.best_work.items():  # the learner's best work, as small pictures
            image = QImage.fromData(thumbnail)
            if not image.isNull():
                doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"evidence://{evidence_id}"), image)
        doc.setHtml(passport_html(passport, spoken, chart_size))
        doc.setPageSize(points)
        return paint_pages(writer, doc, points)
