"""A student-led conference through the real widgets: the learner leads from their agenda, the family's words are
recorded with who said them, and the family summary tells it in the learner's voice."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from plprofile.domain.profile import ConferenceLead, RemarkKind, Role
from plprofile.ui.profile import conference_mode

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def _zoe(window):
    return next(window.model.learner(i).id for i in range(window.model.rowCount())
                if window.model.learner(i).given_name == "Zoë")


def test_the_learner_leads_and_the_summary_speaks_in_their_voice(open_window, answers, qtbot, tmp_path,
                                                                   monkeypatch):
    window = open_window(demo=True)
    window.select_learner(_zoe(window))
    panel = window.profile
    before = len(panel.view.conferences)
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    page = panel.conference

    # The start asks who leads; the learner is chosen: their agenda comes first and they write.
    assert page.lead_buttons[ConferenceLead.LEARNER].isVisible()
    assert page.student_led is None
    qtbot.mouseClick(page.lead_buttons[ConferenceLead.LEARNER], Qt.MouseButton.LeftButton)
    led = page.student_led
    assert led is not None and page.since_box.currentWidget() is led
    assert not page.lead_buttons[ConferenceLead.TEACHER].isVisible()
    assert window.ctx.writer is Role.LEARNER
    assert page.title.text() == "Zoë leads this conference"
    questions = [led.ticks[k].text().replace("&", "") for k in led.ticks]
    assert questions == ["What are you proud of?", "What work did you pick to show?",
                         "Which goal are you working on?", "What do you need to help you?"]

    # The learner goes down the agenda: typing an answer ticks its question; the goal is picked from hers.
    qtbot.keyClicks(led.answers[RemarkKind.PROUD], "my volcano model")
    assert led.ticks[RemarkKind.PROUD].isChecked() and not led.ticks[RemarkKind.NEED].isChecked()
    qtbot.keyClicks(led.answers[RemarkKind.EVIDENCE], "the volcano photos")
    goal_box = led.answers[RemarkKind.GOAL].parent()
    assert goal_box.count() >= 1
    goal_box.setCurrentIndex(0)
    goal = goal_box.currentText()
    assert goal and led.ticks[RemarkKind.GOAL].isChecked()
    qtbot.keyClicks(led.answers[RemarkKind.NEED], "a quiet corner to read")

    # The family and the teacher speak: each line is written with who said it.
    led.speaker.setCurrentIndex(1)  # Family
    qtbot.keyClicks(led.said_text, "She talks about volcanoes at dinner")
    qtbot.mouseClick(led.add_button, Qt.MouseButton.LeftButton)
    led.said_kind.setCurrentIndex(1)  # will do
    qtbot.keyClicks(led.said_text, "read with her every evening")
    qtbot.keyClick(led.said_text, Qt.Key.Key_Return)
    led.speaker.setCurrentIndex(2)  # the teacher
    qtbot.keyClicks(led.said_text, "find a book on volcanoes")  # not added with the button: still kept
    lines = [led.said_list.item(i).text() for i in range(led.said_list.count())]
    assert lines == ["Family said: She talks about volcanoes at dinner",
                     "Family will do: read with her every evening"]

    pdf = tmp_path / "summary.pdf"
    monkeypatch.setattr(conference_mode, "choose_pdf_path", lambda *_a: str(pdf))
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and panel.conference is None

    # The store holds the conference as led by the learner, with who said what, in order.
    view = window.ctx.profiles.load_profile(window.ctx.me, _zoe(window))
    assert len(view.conferences) == before + 1
    record = view.conferences[0]
    assert record.led_by == "learner"
    said = [(r.speaker, r.kind, r.text) for r in view.remarks_of(record.id)]
    assert said == [("learner", "proud", "my volcano model"), ("learner", "evidence", "the volcano photos"),
                    ("learner", "goal", goal), ("learner", "need", "a quiet corner to read"),
                    ("family", "comment", "She talks about volcanoes at dinner"),
                    ("family", "commitment", "read with her every evening"),
                    ("teacher", "commitment", "find a book on volcanoes")]

    # The family summary of that conference speaks in the learner's voice, on one page.
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info, info
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split()).replace("\ufb01", "fi")  # the "fi" ligature
    assert "Conference I led on" in text
    assert "What I shared at my conference" in text
    assert "I am proud of: my volcano model" in text
    assert "The evidence I chose: the volcano photos" in text
    assert "What I need: a quiet corner to read" in text
    assert "My family said: She talks about volcanoes at dinner" in text
    assert "My family will: read with her every evening" in text
    assert "My teacher will: find a book on volcanoes" in text


def test_a_teacher_led_conference_stays_as_it_was(open_window, answers, qtbot, tmp_path, monkeypatch):
    window = open_window(demo=True)
    window.select_learner(_zoe(window))
    panel = window.profile
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    page = panel.conference
    qtbot.mouseClick(page.lead_buttons[ConferenceLead.TEACHER], Qt.MouseButton.LeftButton)
    assert page.student_led is None and not page.lead_question.isVisible()
    qtbot.mouseClick(page.first_writer[Role.TEACHER], Qt.MouseButton.LeftButton)
    answers.confirm_answer = False  # no PDF
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    view = window.ctx.profiles.load_profile(window.ctx.me, _zoe(window))
    assert view.conferences[0].led_by == "teacher" and view.remarks_of(view.conferences[0].id) == []
