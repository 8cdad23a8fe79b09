"""A whole conference through the real widgets: review, rate, agree next steps, end, a one-page PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from plprofile.domain import profile as d
from plprofile.ui.profile import conference_mode

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def test_a_full_conference_ends_with_a_one_page_summary(open_window, answers, qtbot, tmp_path, monkeypatch):
    window = open_window(demo=True)
    window.select_learner(next(window.model.learner(i).id for i in range(window.model.rowCount())
                               if window.model.learner(i).given_name == "Zoë"))
    panel = window.profile
    learner = panel.view.learner
    before = len(panel.view.conferences)

    # Open conference mode: the timer runs and the learner list makes room.
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    page = panel.conference
    assert page is not None and panel.tabs.currentWidget() is page and not window.left.isVisible()
    assert page.clock.text().count(":") == 1

    # Review: what the learner added since the last conference and the goals are on the screen.
    window.ctx.profiles.add_entry(window.ctx.actor(learner.id), learner.id, d.Section.INTERESTS, "Skateboarding")
    window.ctx.set_writer(d.Role.LEARNER)
    window.ctx.profiles.add_entry(window.ctx.actor(learner.id), learner.id, d.Section.NEXT_CONFERENCE,
                                  "Can I make a video for my project?")
    window.ctx.set_writer(d.Role.TEACHER)
    panel.reload()
    changes = [page.changes.item(i).text() for i in range(page.changes.count())]
    assert any("Can I make a video for my project?" in c for c in changes)
    assert page.goals.topLevelItemCount() >= 1

    # Rate: learner and teacher differ on Voice, agree on 2.
    qtbot.mouseClick(page.rate_button, Qt.MouseButton.LeftButton)
    assert panel.tabs.currentWidget() is panel.stages_page
    entry = panel.stages_page.entry
    row = entry.row("voice")
    row.pickers["learner"].set_value(2.5)
    row.pickers["teacher"].set_value(1.5)
    row.pickers["agreed"].set_value(2.0)
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    panel.tabs.setCurrentWidget(page)
    voice = [page.stages.item(r, 0).text() for r in range(page.stages.rowCount())].index("Voice")
    assert [page.stages.item(voice, c).text() for c in (1, 2, 3)] == ["2.5", "1.5", "2"]

    # Agree next steps and the next date, then end.
    qtbot.keyClicks(page.agreements, "She plans the video; Ms Rivera finds a camera")
    next_day = date.today() + timedelta(days=21)
    page.next_on.setDate(QDate(next_day.year, next_day.month, next_day.day))
    pdf = tmp_path / "summary.pdf"
    monkeypatch.setattr(conference_mode, "choose_pdf_path", lambda *_a: str(pdf))
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    assert panel.conference is None and window.left.isVisible()

    # The record is saved ...
    view = panel.view
    assert len(view.conferences) == before + 1
    record = view.conferences[0]
    assert record.agreements == "She plans the video; Ms Rivera finds a camera"
    assert record.next_checkin_on == next_day and record.held_on == date.today()
    # ... and the summary is one page with the learner's preferred name and the next date.
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = [line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Pages:")]
    assert pages == ["1"], info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert learner.preferred_name in text
    assert f"{next_day.day} {next_day.strftime('%b')} {next_day.year}" in text
    assert "She plans the video" in text


def _pdf_pages_and_text(pdf) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split(":", 1)[1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pages, " ".join(text.split())


def test_a_long_profile_stays_one_page_with_a_note(qtbot, tmp_path):
    """The summary is one page: long texts are shortened and extra goals left for the profile, with a note."""
    from plprofile.services.report import ConferenceSummary, GoalLine
    from plprofile.ui.documents.pdf import write_summary_pdf

    goals = [GoalLine(statement=f"Goal number {i}: read a chapter book about volcanoes and tell the class",
                      status=d.GoalStatus.IN_PROGRESS.value, steps_done=1, steps_total=4,
                      next_step=f"Step for goal {i}", latest_checkin=3) for i in range(60)]
    long = ConferenceSummary(
        learner_name="Zoë", full_name="Zoë Moreau", held_on=date(2026, 11, 23), participants="Zoë, Ms Rivera",
        agreements="\n".join(f"Agreement {i}: try it for a week" for i in range(40)) + "\nLAST AGREEMENT WORDS",
        notes="", next_checkin_on=date(2026, 12, 7), i_am="I am a maker " * 100,
        strengths=[f"Strength {i}" for i in range(30)], goals=goals)
    assert write_summary_pdf(long, tmp_path / "long.pdf") == 1
    pages, text = _pdf_pages_and_text(tmp_path / "long.pdf")
    assert pages == 1
    assert "Goal number 0" in text and "Goal number 59" not in text and "more goals in the pro" in text
    assert "Strength 0" in text and "Strength 29" not in text and "LAST AGREEMENT WORDS" not in text
    assert "Some texts are shortened here" in text
    short = ConferenceSummary(learner_name="Zoë", full_name="Zoë Moreau", held_on=date(2026, 11, 23),
                              participants="", agreements="Read 10 pages", notes="", next_checkin_on=None,
                              i_am="", goals=goals[:2])
    assert write_summary_pdf(short, tmp_path / "short.pdf") == 1
    pages, text = _pdf_pages_and_text(tmp_path / "short.pdf")
    assert pages == 1 and "shortened" not in text and "Goal number 1" in text


def test_the_agenda_the_writer_the_idle_lock_and_the_saved_record(open_window, answers, qtbot, monkeypatch):
    """What the learner asked to talk about comes first; suggestions waiting are decided in place by the
    learner; due goals and unrated elements are listed; who is writing is asked once and shown large; the idle
    lock waits; the lines since the last conference name their goal; End and save shows the saved record."""
    from plprofile.store.models import Goal

    window = open_window(demo=True)
    ctx = window.ctx
    zoe = next(window.model.learner(i) for i in range(window.model.rowCount())
               if window.model.learner(i).given_name == "Zoë")
    window.select_learner(zoe.id)
    panel = window.profile
    teacher_name = ctx.user.display_name
    assert teacher_name and teacher_name.lower() != "teacher"
    ctx.set_writer(d.Role.LEARNER)
    me = ctx.actor(zoe.id)
    ctx.profiles.add_entry(me, zoe.id, d.Section.NEXT_CONFERENCE, "Can I work with Leo on the volcano?")
    goal = panel.view.goals[0].goal
    ctx.profiles.add_checkin(me, goal.id, 3, "I asked twice this week")
    ctx.set_writer(d.Role.TEACHER)
    suggestion = ctx.profiles.add_entry(ctx.teacher, zoe.id, d.Section.STRENGTHS, "Explains ideas with drawings")
    suggested_goal = ctx.profiles.add_goal(ctx.teacher, zoe.id, "Read for 20 minutes every night",
                                           target_date=date.today() - timedelta(days=3))
    panel.reload()  # as after any edit in the window
    window.idle.start()
    assert window.idle.timer.isActive()

    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    page = panel.conference
    # asked on the page as it opens, one large button per person
    assert page.writer_label.text() == "Who types first?" and not page.switch_writer.isVisible()
    first = page.first_writer
    assert [b.text() for b in first.values()] == ["Zoë is writing", f"{teacher_name} is writing"]
    qtbot.mouseClick(first[d.Role.TEACHER], Qt.MouseButton.LeftButton)  # the teacher types first
    assert not first[d.Role.LEARNER].isVisible() and page.switch_writer.isVisible()
    assert ctx.writer is d.Role.TEACHER and page.writer_label.text() == f"✎ {teacher_name} is writing"
    assert page.writer_label.font().pointSizeF() > page.font().pointSizeF() * 1.4
    assert not window.idle.timer.isActive()  # the lock waits while the conference runs

    groups = page.agenda.groups()
    titles = list(groups)
    assert titles[0] == "What Zoë wants to talk about"
    assert "Can I work with Leo on the volcano?" in groups[titles[0]]
    waiting = groups["Suggestions waiting for Zoë"]
    assert "Strengths: Explains ideas with drawings" in waiting and "Goal: Read for 20 minutes every night" in waiting
    assert any(line.startswith("Overdue since ") and line.endswith(": Read for 20 minutes every night")
               for line in groups["Goals due or overdue"])  # the date first: a long goal is cut at its end
    assert "Stages not rated for a while" in groups
    accept, decline = page.agenda.decisions[suggested_goal.id]
    assert not accept.isEnabled()  # the learner decides
    qtbot.mouseClick(page.switch_writer, Qt.MouseButton.LeftButton)
    assert ctx.writer is d.Role.LEARNER and page.writer_label.text() == "✎ Zoë is writing"
    accept, _ = page.agenda.decisions[suggested_goal.id]
    assert accept.isEnabled()
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    _, decline = page.agenda.decisions[suggestion.id]
    qtbot.mouseClick(decline, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    with ctx.store.session() as s:
        assert s.get(Goal, suggested_goal.id).agreement == d.Agreement.AGREED.value
    view = ctx.profiles.load_profile(ctx.teacher, zoe.id)
    assert next(e for e in view.entries if e.id == suggestion.id).agreement == d.Agreement.DECLINED.value
    still = page.agenda.groups()["Suggestions waiting for Zoë"]
    assert "Strengths: Explains ideas with drawings" not in still
    assert "Goal: Read for 20 minutes every night" not in still

    changes = [page.changes.item(i).text() for i in range(page.changes.count())]
    assert any(line.endswith(f"— goal “{goal.statement}”") and "Check-in" in line for line in changes), changes
    assert any(line.endswith("— goal “Read for 20 minutes every night”") for line in changes), changes

    assert page.participants.text() == f"Zoë and {teacher_name}"
    monkeypatch.setattr(conference_mode, "choose_pdf_path", lambda *_a: None)
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    saved = panel.view.conferences[0]
    assert panel.tabs.currentWidget() is panel.conferences
    assert panel.conferences.conference_id == saved.id  # the saved record is shown, not a blank form
    assert panel.conferences.participants.text() == f"Zoë and {teacher_name}"
    assert window.idle.timer.isActive()  # the lock runs again
