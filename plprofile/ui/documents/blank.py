"""A blank profile to print, for a first conference on paper: the profile's sections with room to write, in the
language asked for (English or Spanish, whatever the interface speaks)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from plprofile.domain import profile as d

from ..kit import labels
from .pdf import DPI, paint_pages

translate = QCoreApplication.translate


def blank_html() -> str:
    e = html.escape

    def lines(n: int) -> str:  # ruled lines to write on
        rows = "".join("<tr><td style='border-bottom: 1px solid #777; font-size: 15pt;'>&nbsp;</td></tr>"
                       for _ in range(n))
        return f"<table width='100%' cellspacing='0' cellpadding='0' style='border-collapse: collapse;'>{rows}</table>"

    def block(title: str, hint: str, n: int) -> str:
        return (f"<p style='font-size: 13pt; font-weight: bold; margin-top: 10pt; margin-bottom: 0;'>{e(title)}</p>"
                f"<p style='color: #333; margin: 0;'><i>{e(hint)}</i></p>" + lines(n))

    title = translate("blank", "My learning profile")
    name, day = translate("blank", "Name:"), translate("blank", "Date:")
    parts = ["<html><body style='font-family: DejaVu Sans, sans-serif; font-size: 10.5pt; color: #000;'>",
             f"<p style='font-size: 20pt; font-weight: bold; margin: 0;'>{e(title)}</p>",
             f"<p>{e(name)} ________________________________ {e(day)} ______________</p>"]
    for section, n in ((d.Section.I_AM, 2), (d.Section.STRENGTHS, 3), (d.Section.CHALLENGES, 3),
                       (d.Section.INTERESTS, 3), (d.Section.TALENTS, 2), (d.Section.ASPIRATIONS, 2)):
        parts.append(block(labels.section(section), labels.section_hint(section), n))
    for lens, (works, barriers) in d.LENS_SECTIONS.items():
        parts.append(block(f"{labels.lens(lens)}: {labels.lens_question(lens)}",
                           f"{labels.section(works)} · {labels.section(barriers)}", 2))
    parts.append(block(translate("blank", "My learning backpack"),
                       translate("blank", "Tools, apps, strategies and skills that help me"), 2))
    parts.append(block(translate("blank", "A goal I am working on"),
                       translate("blank", "My goal, why it matters, my first steps, who or what helps me"), 4))
    parts.append(block(labels.section(d.Section.NEXT_CONFERENCE), labels.section_hint(d.Section.NEXT_CONFERENCE), 2))
    parts.append("</body></html>")
    return "".join(parts)


def write_blank_profile(path, lang: str = "en") -> int:  # noqa: ANN001
    """Write the blank profile in ``lang`` to ``path``; its page count."""
    from plprofile.i18n import speaking

    with speaking(lang):
        writer = QPdfWriter(str(path) if isinstance(path, str | Path) else path)
        writer.setResolution(DPI)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(18, 15, 18, 15), QPageLayout.Unit.Millimeter)
        writer.setTitle(translate("blank", "My learning profile"))
        writer.setCreator("plprofile")
        page = writer.pageLayout().paintRectPixels(DPI)
        points = QSizeF(page.width() * 72 / DPI, page.height() * 72 / DPI)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setHtml(blank_html())
        doc.setPageSize(points)
        return paint_pages(writer, doc, points)
