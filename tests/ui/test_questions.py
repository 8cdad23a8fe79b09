"""Questions between conferences, driven through the window on both sides: the teacher sends a prompt of the bank
to Zoë's class in one session; Zoë answers on her home in hers; back in the teacher's session the answer is in
the next conference's agenda and in Zoë's history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from plprofile.services.demo import DEMO_PIN, DEMO_TEACHER
from plprofile.store.engine import open_store
from plprofile.store.models import ChangeLog, Question, QuestionAnswer

from .test_learners_say import zoe_dir  # noqa: F401  (a fixture)
from .test_signin import _sign_in

ANSWER = "Drawing a map of the story helped me"


def _teacher_window(open_window, qtbot, folder):
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, *DEMO_TEACHER, learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    return window


def test_a_teacher_asks_a_class_the_learner_answers_and_the_agenda_shows_it(open_window, answers, qtbot,
                                                                            zoe_dir):  # noqa: F811
    folder, zoe = zoe_dir
    window = _teacher_window(open_window, qtbot, folder)
    window.select_learner(zoe)
    qtbot.waitUntil(lambda: window.profile.view is not None and window.profile.view.learner.id == zoe)
    group = window.profile.view.learner.group_name
    classmates = [ls.id for ls in window.ctx.profiles.list_learners(window.ctx.me) if ls.group_name == group]
    chosen: dict = {}

    def fill(dialog) -> None:
        dialog.show()  # as exec() would
        qtbot.waitExposed(dialog)
        assert dialog.prompt.count() >= 7  # "My own words" and the bank's six
        dialog.prompt.setCurrentIndex(dialog.prompt.findData("helped"))  # "What helped you learn this week?"
        chosen["text"] = dialog.text.text()
        dialog.group.setFocus()
        qtbot.keyClick(dialog.group, Qt.Key.Key_Space)  # "A class:" chosen from the keyboard
        assert dialog.group.isChecked()
        assert dialog.groups.currentData() == group  # Zoë's class, already chosen
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    answers.dialog_filler = fill
    window.ask_question_action.trigger()
    assert answers.errors == []
    assert chosen["text"] == "What helped you learn this week?"
    assert answers.infos[-1].startswith(f"Sent to {len(classmates)} learner")
    window.close()
    store = open_store(folder)
    with store.session() as s:
        asked = s.execute(select(Question)).scalars().all()
        assert sorted(q.learner_id for q in asked) == sorted(classmates)
        assert len({q.batch_id for q in asked}) == 1 and {q.prompt_id for q in asked} == {"helped"}
    store.close()

    # Zoë's own session: the question is on her home; she answers it there
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    home = window.profile.home
    qtbot.waitUntil(lambda: home.questions_box.isVisible())
    assert home.questions_box.title() == "What your teacher asked you"
    (row,) = home.questions.values()
    assert row.text.text() == "What helped you learn this week?"
    row.answer.setFocus()
    qtbot.keyClicks(row.answer, ANSWER)
    qtbot.mouseClick(row.send, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    qtbot.waitUntil(lambda: all(r.question.answered for r in home.questions.values()))
    window.close()
    store = open_store(folder)
    with store.session() as s:
        (answer,) = s.execute(select(QuestionAnswer)).scalars().all()
        assert answer.text == ANSWER and answer.learner_id == zoe and answer.author_role == "learner"
        assert s.execute(select(ChangeLog).where(ChangeLog.entity == "question_answer",
                                                 ChangeLog.learner_id == zoe)).scalars().all()
    store.close()

    # the teacher again: the answer is in the next conference's agenda and in Zoë's history
    window = _teacher_window(open_window, qtbot, folder)
    window.select_learner(zoe)
    qtbot.waitUntil(lambda: window.profile.view is not None and window.profile.view.learner.id == zoe)
    history = window.ctx.profiles.history(window.ctx.me, zoe)
    assert any(c.entity == "question_answer" and ANSWER in (c.new_value or "") for c in history)
    qtbot.mouseClick(window.profile.conference_button, Qt.MouseButton.LeftButton)
    page = window.profile.conference
    groups = page.agenda.groups()
    assert list(groups)[1] == "What Zoë answered"
    assert groups["What Zoë answered"] == [f"What helped you learn this week? — {ANSWER}"]


def test_a_question_with_no_words_or_no_one_to_ask_is_refused_and_nothing_is_sent(open_window, answers, qtbot,
                                                                                  zoe_dir):  # noqa: F811
    folder, zoe = zoe_dir
    window = _teacher_window(open_window, qtbot, folder)
    window.select_learner(zoe)
    qtbot.waitUntil(lambda: window.profile.view is not None)

    def fill(dialog) -> None:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.text.text() == ""
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)  # nothing written

    answers.dialog_filler = fill
    window.ask_question_action.trigger()
    assert answers.errors and "cannot be empty" in answers.errors[-1]
    assert window.ctx.questions.questions(window.ctx.me, zoe) == []
