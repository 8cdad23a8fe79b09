"""The learner's home: signed in as a learner, the home comes first, and a check-in takes at most three actions
from it (choose how it's going, type why, save). Suggestions are decided in place; something to bring to the next
conference is added there; the rest of the profile is one click away in the tabs' own words."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from plprofile.domain import profile as d
from plprofile.domain.profile import Agreement
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.demo import DEMO_PIN, generate_demo
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
from plprofile.store.models import Account
from plprofile.ui.kit import labels

from .test_signin import _sign_in

SUGGESTION = "Try the timer for reading practice"


@pytest.fixture
def zoe_dir(tmp_path) -> tuple[Path, uuid.UUID]:
    """A small demo class; the teacher leaves Zoë one new suggestion to decide."""
    folder = tmp_path / "data"
    store = open_store(folder)
    generate_demo(store, learners=5)
    with store.session() as s:
        zoe = s.execute(select(Account.learner_id).where(Account.username == "zoem")).scalar_one()
    teacher = teacher_actor(ensure_teacher(store))
    ProfileService(store).add_entry(teacher, zoe, d.Section.STRENGTHS, SUGGESTION, agreement=Agreement.SUGGESTION)
    store.close()
    return folder, zoe


class Actions:
    """Counts what a person does: each click or each run of typing into one field is one action."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def click(self, widget) -> None:
        widget.ensurePolished()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count += 1

    def type(self, widget, text: str) -> None:
        widget.setFocus()
        self.qtbot.keyClicks(widget, text)
        self.count += 1

    def key(self, widget, key) -> None:
        self.qtbot.keyClick(widget, key)
        self.count += 1


def _signed_in_home(open_window, qtbot, folder):
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    home = window.profile.home
    assert home is not None and window.profile.tabs.currentWidget() is home  # the session opens on the home
    qtbot.waitUntil(lambda: all(card.isVisible() for card in home.cards.values()))
    return window, home


def _checkins(window, goal_id):
    ctx = window.ctx
    view = ctx.profiles.load_profile(ctx.me, ctx.me.learner_id)
    return next(g for g in view.goals if g.goal.id == goal_id).checkins


def test_a_learner_checks_in_from_the_home_in_three_actions(open_window, answers, qtbot, zoe_dir):
    folder, zoe = zoe_dir
    window, home = _signed_in_home(open_window, qtbot, folder)
    assert home.greeting.text() == "Hi, Zoë!"
    assert home.cards, "the home shows Zoë's open goals"
    goal_id, card = next(iter(home.cards.items()))
    before = len(_checkins(window, goal_id))

    actions = Actions(qtbot)
    actions.click(card.buttons[3])                  # 1. choose how it's going
    actions.type(card.why, "I read two chapters")   # 2. say why (optional)
    actions.click(card.save_button)                 # 3. save
    assert actions.count <= 3
    assert answers.errors == []

    after = _checkins(window, goal_id)
    assert len(after) == before + 1
    new = after[-1]
    assert (new.scale, new.reflection) == (3, "I read two chapters")
    assert (new.author_id, new.author_role) == (window.ctx.me.account_id, "learner")
    card = home.cards[goal_id]  # the home was drawn again from the store
    qtbot.waitUntil(card.isVisible)
    assert card.last.text().endswith(labels.checkin_word(3))
    assert card.note.isVisible() and labels.checkin_word(3) in card.note.text()
    assert card.choice() is None and card.why.text() == ""  # ready for next time, nothing chosen


def test_enter_alone_records_nothing(open_window, answers, qtbot, zoe_dir):
    folder, _zoe = zoe_dir
    window, home = _signed_in_home(open_window, qtbot, folder)
    goal_id, card = next(iter(home.cards.items()))
    before = len(_checkins(window, goal_id))
    assert card.choice() is None and not card.save_button.isEnabled()  # no default choice
    card.why.setFocus()
    qtbot.keyClicks(card.why, "typed a reason first")
    qtbot.keyClick(card.why, Qt.Key.Key_Return)
    assert len(_checkins(window, goal_id)) == before
    assert card.note.isVisible() and card.note.text() == "First choose how it is going."
    assert card.why.text() == "typed a reason first"  # nothing typed is lost


def test_suggestions_are_decided_in_place_and_something_to_bring_is_added(open_window, answers, qtbot, zoe_dir):
    folder, zoe = zoe_dir
    window, home = _signed_in_home(open_window, qtbot, folder)
    ctx = window.ctx
    entry_id = next(e.id for e in window.profile.view.entries if e.text == SUGGESTION)
    row = home.suggestions[entry_id]
    assert row.text.text() == f"Your teacher suggests: {SUGGESTION}"
    qtbot.mouseClick(row.accept, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    stored = next(e for e in ctx.profiles.load_profile(ctx.me, zoe).entries if e.id == entry_id)
    assert stored.agreement == Agreement.AGREED.value
    assert entry_id not in home.suggestions

    others = list(home.suggestions)
    if others:  # the demo's own suggestions: one declined in place
        qtbot.mouseClick(home.suggestions[others[0]].decline, Qt.MouseButton.LeftButton)
        stored = next(e for e in ctx.profiles.load_profile(ctx.me, zoe).entries if e.id == others[0])
        assert stored.agreement == Agreement.DECLINED.value
        assert others[0] not in home.suggestions

    home.bring.setFocus()
    qtbot.keyClicks(home.bring, "My comic about volcanoes")
    qtbot.keyClick(home.bring, Qt.Key.Key_Return)
    bring = [e.text for e in ctx.profiles.load_profile(ctx.me, zoe).section(d.Section.NEXT_CONFERENCE)]
    assert "My comic about volcanoes" in bring
    assert "• My comic about volcanoes" in home.bring_list.text()


def test_the_rest_of_the_profile_is_one_click_away_in_the_same_words(open_window, answers, qtbot, zoe_dir):
    folder, _zoe = zoe_dir
    window, home = _signed_in_home(open_window, qtbot, folder)
    tabs = window.profile.tabs
    titles = {tabs.tabText(i).replace("&", "").split(" ", 1)[1]: tabs.widget(i) for i in range(1, tabs.count())}
    assert set(home.page_buttons) == set(titles)
    for words, button in home.page_buttons.items():
        tabs.setCurrentWidget(home)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert tabs.currentWidget() is titles[words]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_one_set_of_check_in_words_in_the_form_the_chart_and_the_home(language, lang):
    from plprofile.charts.style import checkin_labels

    language(lang)
    words = {v: labels.checkin_word(v) for v in d.CHECKIN_SCALE}
    assert checkin_labels() == words
    assert len(set(words.values())) == len(words)
    assert all(labels.checkin_scale(v) == f"{v} · {words[v]}" for v in words)
    if lang == "es":
        assert words[4] == "¡Lo logré!"


def test_every_page_stays_in_sight_at_16_points(open_window, answers, qtbot, zoe_dir, qapp):
    """A learner's pages are a list down the side: at 16-point text none hides behind scroll arrows, a click or
    Alt+number opens one, and a right-to-left name sits at the left like the details under it."""
    from PySide6.QtGui import QFont

    folder, _zoe = zoe_dir
    saved = qapp.font()
    font = QFont(saved)
    font.setPointSizeF(16)
    qapp.setFont(font)
    try:
        window, home = _signed_in_home(open_window, qtbot, folder)
        window.resize(1400, 900)
        panel = window.profile
        nav, tabs = panel.nav, panel.tabs
        assert not tabs.tabBar().isVisible() and nav.isVisible()
        assert nav.count() == tabs.count() == 10
        for i in range(nav.count()):
            rect = nav.visualItemRect(nav.item(i))
            assert nav.viewport().rect().contains(rect), nav.item(i).text()  # whole, not cut or scrolled away
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(9)).center())
        assert tabs.currentIndex() == 9 and nav.item(9).text() == "History"
        window.activateWindow()  # shortcuts go to the active window
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
        assert tabs.currentWidget() is panel.goals and nav.currentRow() == 6
        assert panel.name_label.alignment() & Qt.AlignmentFlag.AlignAbsolute
    finally:
        qapp.setFont(saved)


def test_did_it_help_is_asked_beside_the_check_in_once_a_strategys_review_day_came(open_window, answers, qtbot,
                                                                                    zoe_dir):
    from datetime import date, timedelta

    from plprofile.services.snapshot import SnapshotService
    from plprofile.services.strategies import StrategyService
    from plprofile.store.models import StrategyCheck

    folder, zoe = zoe_dir
    store = open_store(folder)
    teacher = teacher_actor(ensure_teacher(store))
    today = date.today()
    use = StrategyService(store).start(teacher, zoe, "visual_timer", today - timedelta(days=14),
                                       today - timedelta(days=1))
    store.close()
    window, home = _signed_in_home(open_window, qtbot, folder)
    goal_id, card = next(iter(home.cards.items()))
    assert card.review.isVisible() and (use.id, "a_bit") in card.review.buttons

    actions = Actions(qtbot)
    actions.click(card.buttons[3])                          # 1. how it's going
    actions.click(card.review.buttons[(use.id, "a_bit")])   # 2. did the visual timer help? a bit
    actions.click(card.save_button)                         # 3. save
    assert actions.count <= 3 and answers.errors == []
    ctx = window.ctx
    with ctx.store.session() as s:
        row = s.execute(select(StrategyCheck).where(StrategyCheck.use_id == use.id)).scalar_one()
    assert (row.answer, row.helped, row.on_date, row.author_role) == ("a_bit", True, today, "learner")
    card = home.cards[goal_id]  # drawn again: nothing left to ask
    assert not card.review.buttons
    # the snapshot counts Zoë among those the visual timer helped
    figures = {sid: (who, said) for sid, _l, who, said in
               SnapshotService(ctx.store, ctx.profiles, ctx.stages).class_snapshot(teacher_actor(ensure_teacher(
                   ctx.store))).strategies}
    assert zoe in figures["visual_timer"][1]


def test_nothing_is_asked_about_strategies_when_no_review_day_came(open_window, answers, qtbot, zoe_dir):
    folder, _zoe = zoe_dir
    _window, home = _signed_in_home(open_window, qtbot, folder)
    assert all(not card.review.isVisible() and not card.review.buttons for card in home.cards.values())
