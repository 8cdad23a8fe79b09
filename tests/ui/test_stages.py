"""The Stages page, the class overview and framework loading, driven through the real widgets over SQLite."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from plprofile import RESOURCES
from plprofile.domain.framework import default_framework
from plprofile.domain.progress import ElementRating
from plprofile.ui.kit import chart_view

FRAMEWORK_FILE = RESOURCES / "frameworks" / "default-stages.json"


# ---------------------------------------------------------------------------------------------- helpers


def _add_learner(window, given="Amara", family="Okafor", group="5A"):
    ctx = window.ctx
    learner = ctx.profiles.add_learner(ctx.teacher, given_name=given, family_name=family, group_name=group)
    window.refresh_learners(select=learner.id)
    return learner


def _open_stages(window, qtbot):
    panel = window.profile
    page = panel.stages_page
    panel.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.entry.rows))
    return page


def _choose(qtbot, picker, value):
    """Pick a value with the keyboard, as a user would: from "not rated", Down until it is there."""
    picker.setFocus()
    picker.setCurrentIndex(0)
    target = next(i for i in range(picker.count()) if picker.itemData(i) == value)
    for _ in range(target):
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.value() == value


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _by_gid(figure, gid):
    found = [a for a in figure.findobj() if a.get_gid() == gid]
    assert found, f"no artist with gid {gid!r}"
    return found[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    """A demo class (25 learners, a year of assessments), made once and copied for each test."""
    from plprofile.services.demo import generate_demo
    from plprofile.store.engine import open_store

    folder = tmp_path_factory.mktemp("demo") / "data"
    store = open_store(folder)
    generate_demo(store)
    store.close()
    return folder


@pytest.fixture
def demo_copy(demo_dir, tmp_path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_dir, target)
    return target


# ---------------------------------------------------------------------------------------------- entry


def test_conference_assessment_is_saved_and_charted_after_a_restart(open_window, answers, qtbot, tmp_path):
    window = open_window()
    learner = _add_learner(window)
    page = _open_stages(window, qtbot)
    entry = page.entry
    assert [r.element.id for r in entry.rows] == list(default_framework().element_ids())
    # off-scale values cannot even be offered
    assert [entry.row("voice").pickers["learner"].itemData(i) for i in range(6)] == [None, 1.0, 1.5, 2.0, 2.5, 3.0]

    voice, choice, purpose = entry.row("voice"), entry.row("choice"), entry.row("purpose")
    _choose(qtbot, voice.pickers["learner"], 2.5)
    _choose(qtbot, voice.pickers["teacher"], 1.5)
    assert voice.difference.text() == "≠ differs by 1"
    assert "learner rates this 1 higher" in voice.difference.toolTip()
    _choose(qtbot, choice.pickers["learner"], 1.5)
    _choose(qtbot, choice.pickers["teacher"], 1.5)
    assert choice.difference.text() == "= same"
    _choose(qtbot, purpose.pickers["teacher"], 2.0)
    assert purpose.difference.text() == ""  # only one view: nothing to compare
    # the descriptors of the element being rated are on screen
    assert entry.descriptors.title.text().startswith("Purpose")
    assert entry.descriptors.cards[1][3].text() == default_framework().element("purpose").descriptor(2.0)

    _click(qtbot, entry.match_button)  # Choice: both said 1.5
    assert choice.pickers["agreed"].value() == 1.5 and voice.pickers["agreed"].value() is None
    _choose(qtbot, voice.pickers["agreed"], 2.0)  # talked it through
    qtbot.keyClicks(voice.note, "Led the class council meeting")
    qtbot.keyClicks(entry.note, "First conference of the term")
    _click(qtbot, entry.save_button)
    assert answers.errors == []
    assert "3 element(s)" in entry.saved_label.text()
    assert entry.saved_label.focusPolicy() & Qt.FocusPolicy.TabFocus  # a screen reader user finds it again
    assert voice.pickers["learner"].value() is None  # the form is empty again

    ctx = window.ctx
    [saved] = ctx.stages.history(ctx.teacher, learner.id)
    assert saved.assessed_on == date.today() and saved.note == "First conference of the term"
    assert saved.framework_key == default_framework().key
    assert saved.rating("voice") == ElementRating("voice", 2.5, 1.5, 2.0, "Led the class council meeting")
    assert saved.rating("choice") == ElementRating("choice", 1.5, 1.5, 1.5)
    assert saved.rating("purpose") == ElementRating("purpose", None, 2.0, None)
    assert saved.rating("motivation") is None  # untouched elements are not stored
    window.close()

    # A new window on the same file: the chart and its table hold the saved values.
    again = open_window(tmp_path / "data")
    page = _open_stages(again, qtbot)
    assert page.entry.row("voice").last.text() == "2"  # last agreed value beside the element
    page.tabs.setCurrentWidget(page.charts["progress"])  # drawn when its tab opens
    figure = page.charts["progress"].figure
    assert list(_by_gid(figure, "voice:learner").get_ydata()) == [2.5]
    assert list(_by_gid(figure, "voice:teacher").get_ydata()) == [1.5]
    assert list(_by_gid(figure, "voice:agreed").get_ydata()) == [2.0]
    assert list(_by_gid(figure, "purpose:teacher").get_ydata()) == [2.0]
    assert list(_by_gid(figure, "purpose:agreed").get_ydata()) == []

    page.tabs.setCurrentWidget(page.charts["now"])
    now = page.charts["now"]
    assert 2.5 in list(_by_gid(now.figure, "learner").get_xdata())
    _click(qtbot, now.table_button)
    assert now.stack.currentWidget() is now.table_view
    model = now.table_view.model()
    rows = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 5)]
            for r in range(model.rowCount())}
    assert rows["Voice"] == ["2.5", "1.5", "2", "+1"]
    assert rows["Choice"] == ["1.5", "1.5", "1.5", "0"]
    assert "Voice (learner higher by 1)" in now.summary.text()


def test_agree_helpers_copy_a_whole_column(open_window, answers, qtbot):
    window = open_window()
    _add_learner(window)
    entry = _open_stages(window, qtbot).entry
    voice, choice = entry.row("voice"), entry.row("choice")
    _choose(qtbot, voice.pickers["learner"], 3.0)
    _choose(qtbot, voice.pickers["teacher"], 2.0)
    _choose(qtbot, choice.pickers["teacher"], 1.0)
    _click(qtbot, entry.learner_button)
    assert voice.pickers["agreed"].value() == 3.0 and choice.pickers["agreed"].value() is None
    _click(qtbot, entry.teacher_button)
    assert voice.pickers["agreed"].value() == 2.0 and choice.pickers["agreed"].value() == 1.0
    answers.confirm_answer = True
    _click(qtbot, entry.clear_button)
    assert entry.snapshot() is None


def test_learner_writing_sets_only_the_learner_column(open_window, answers, qtbot):
    window = open_window()
    learner = _add_learner(window)
    panel = window.profile
    entry = _open_stages(window, qtbot).entry
    _click(qtbot, panel.learner_radio)
    voice = entry.row("voice")
    assert voice.pickers["learner"].isEnabled()
    assert not voice.pickers["teacher"].isEnabled() and not voice.pickers["agreed"].isEnabled()
    assert not entry.match_button.isEnabled() and not entry.teacher_button.isEnabled()
    assert "learner is writing" in entry.mode_label.text().lower()
    _choose(qtbot, voice.pickers["learner"], 2.0)
    _click(qtbot, entry.save_button)
    assert answers.errors == []
    [saved] = window.ctx.stages.history(window.ctx.teacher, learner.id)
    assert saved.rating("voice") == ElementRating("voice", learner=2.0)
    _click(qtbot, panel.teacher_radio)
    assert voice.pickers["teacher"].isEnabled() and entry.match_button.isEnabled()


def test_an_empty_assessment_is_refused_with_a_message(open_window, answers, qtbot):
    window = open_window()
    learner = _add_learner(window)
    entry = _open_stages(window, qtbot).entry
    _click(qtbot, entry.save_button)
    assert len(answers.errors) == 1 and "Rate at least one element" in answers.errors[0]
    assert window.ctx.stages.history(window.ctx.teacher, learner.id) == []


def test_a_draft_waits_while_another_learner_is_open(open_window, answers, qtbot):
    window = open_window()
    amara = _add_learner(window)
    kai = _add_learner(window, "Kai", "Cohen")
    window.select_learner(amara.id)
    entry = _open_stages(window, qtbot).entry
    _choose(qtbot, entry.row("voice").pickers["teacher"], 2.5)
    window.select_learner(kai.id)
    assert window.profile.name_label.text() == "Kai Cohen"
    assert entry.row("voice").pickers["teacher"].value() is None
    window.select_learner(amara.id)
    assert entry.row("voice").pickers["teacher"].value() == 2.5


def test_showing_a_profile_reads_nothing_while_the_page_is_hidden(open_window, answers, qtbot, monkeypatch):
    window = open_window()
    amara = _add_learner(window)
    kai = _add_learner(window, "Kai", "Cohen")
    panel = window.profile
    panel.tabs.setCurrentIndex(0)
    # the class overview read ahead on a worker once the session was up (it asks for the framework): not this
    qtbot.waitUntil(lambda: window.class_read_ahead, timeout=20_000)
    calls = []
    stages = window.ctx.stages
    for name in ("history", "goal_timeline", "active_framework"):
        original = getattr(stages, name)
        monkeypatch.setattr(stages, name, lambda *a, _o=original, _n=name, **k: calls.append(_n) or _o(*a, **k))
    for learner in (amara, kai, amara):
        window.select_learner(learner.id)
        qtbot.wait(5)
    assert calls == []
    page = _open_stages(window, qtbot)
    assert "history" in calls and page.charts["progress"].canvas is None  # charts wait for their tab


def test_export_writes_each_format(open_window, answers, qtbot, tmp_path, monkeypatch):
    window = open_window()
    learner = _add_learner(window)
    window.ctx.stages.record_assessment(window.ctx.teacher, learner.id, date(2026, 3, 2),
                                        [ElementRating("voice", 1.0, 1.5, 1.5)])
    page = _open_stages(window, qtbot)
    page.show_chart("now")
    view = page.charts["now"]
    from plprofile.ui.kit import a11y

    said = []
    monkeypatch.setattr(a11y, "announce", lambda _widget, text: said.append(text))
    for suffix in ("png", "svg", "pdf", "csv"):
        target = tmp_path / f"now.{suffix}"
        monkeypatch.setattr(chart_view, "choose_export_path", lambda *_a, _t=target, **_k: str(_t))
        _click(qtbot, view.export_button)
        assert target.stat().st_size > 100, suffix
    assert (tmp_path / "now.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (tmp_path / "now.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "now.pdf").read_bytes()[:5] == b"%PDF-"
    assert "Voice,1,1.5,1.5,-0.5" in (tmp_path / "now.csv").read_text(encoding="utf-8-sig")
    assert answers.errors == []
    # each save is said to a screen reader, and stays where Tab reaches it
    assert said == [f"Saved now.{suffix}" for suffix in ("png", "svg", "pdf", "csv")]
    assert view.status.text() == "Saved now.csv" and view.status.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_empty_history_shows_the_empty_state(open_window, answers, qtbot):
    window = open_window()
    _add_learner(window)
    page = _open_stages(window, qtbot)
    for name in ("progress", "now", "goals"):
        page.show_chart(name)
        figure = page.charts[name].figure
        assert any(t.get_gid() == "empty-state" for t in figure.texts)
        assert "No " in page.charts[name].summary.text()


# ---------------------------------------------------------------------------------------------- class overview


def test_class_overview_counts_every_assessed_learner(open_window, answers, qtbot, demo_copy):
    from plprofile.charts.figures import bar_boxes

    window = open_window(demo_copy)
    ctx = window.ctx
    never = ctx.profiles.add_learner(ctx.teacher, given_name="Noor", family_name="Zaman", group_name="5A")
    window.refresh_learners()
    overview = window.open_class_overview()
    assert overview.isWindow() and overview.windowFlags() & Qt.WindowType.Window
    assert overview.learner_count == 26 and overview.assessed_count == 25
    figure = overview.chart.figure
    framework = default_framework()
    for i, element in enumerate(framework.elements):
        widths = [p.width for v in framework.allowed_values() for p in bar_boxes(figure, f"now:{v:g}")[i:i + 1]]
        assert sum(widths) == 25, element.id
    headers, rows = overview.chart.table
    for row in rows[:len(framework.elements)]:
        assert sum(int(c) for c in row[1:-1]) == int(row[-1]) == 25

    last = ctx.stages.last_assessed(ctx.teacher)
    names = {str(s.id): s.display_name for s in ctx.profiles.list_learners(ctx.teacher)}

    def expected(weeks: int) -> list[str]:
        cutoff = date.today() - timedelta(weeks=weeks)
        due = [(lid, day) for lid, day in last.items() if day is None or day < cutoff]
        order = sorted(due, key=lambda p: (p[1] is not None, p[1] or date.min, names[p[0]].casefold()))
        return [names[lid] for lid, _day in order]

    due = overview.due_rows()
    assert [r[0] for r in due] == expected(8)
    assert due[0][0] == "Noor Zaman" and due[0][2] == "never"
    assert overview.due_ids[0] == never.id

    # a shorter window lists more learners, never assessed first, then the longest ago
    overview.weeks.setValue(2)
    assert [r[0] for r in overview.due_rows()] == expected(2)
    assert len(expected(2)) > len(due)

    # one group only
    overview.group.setCurrentIndex(overview.group.findData("5A"))
    in_5a = {str(s.id) for s in ctx.profiles.list_learners(ctx.teacher) if s.group_name == "5A"}
    assert overview.learner_count == len(in_5a)
    assert overview.assessed_count == len(in_5a) - 1
    headers, rows = overview.chart.table
    assert int(rows[0][-1]) == len(in_5a) - 1
    assert all(r[1] == "5A" for r in overview.due_rows())

    # Enter on a learner in the list opens them in the main window
    overview.due_view.activated.emit(overview.due_model.index(0, 0))
    assert window.current_learner_id() == never.id

    # closed, its chart's pixels are let go; opened again, the class is drawn anew
    old_canvas = overview.chart.canvas
    qtbot.waitUntil(lambda: getattr(old_canvas, "renderer", None) is not None)  # drawn
    overview.close()
    assert old_canvas.renderer is None
    again = window.open_class_overview()
    assert again is overview and overview.isVisible() and overview.chart.canvas is not old_canvas
    qtbot.waitUntil(lambda: getattr(overview.chart.canvas, "renderer", None) is not None)
    assert overview.learner_count == len(in_5a)
    first_element = [bar_boxes(overview.chart.figure, f"now:{v:g}")[0].width for v in framework.allowed_values()]
    assert sum(first_element) == len(in_5a) - 1


def _count_summary_reads(monkeypatch) -> list[int]:
    from plprofile.services.stages import StagesService

    reads: list[int] = []
    real = StagesService._class_summary

    def counted(self, *args, **kwargs):
        reads.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(StagesService, "_class_summary", counted)
    return reads


def test_a_teachers_session_reads_the_class_overview_ahead_and_it_opens_on_that(open_window, answers, qtbot,
                                                                                demo_copy, monkeypatch):
    reads = _count_summary_reads(monkeypatch)
    window = open_window(demo_copy)
    qtbot.waitUntil(lambda: window.health == [] and len(reads) == 1, timeout=20_000)  # read on a worker
    overview = window.open_class_overview()  # waits for that reading if it is still going on
    assert len(reads) == 1 and overview.learner_count == 25 and overview.assessed_count == 25
    qtbot.waitUntil(lambda: window.class_read_ahead, timeout=20_000)
    assert overview.chart.figure is not None
    overview.close()
    window.ctx.profiles.add_learner(window.ctx.teacher, given_name="Noor", family_name="Zaman", group_name="5A")
    overview = window.open_class_overview()
    assert len(reads) == 2 and overview.learner_count == 26  # the store changed since: read again


def test_a_learners_session_reads_nothing_of_the_class(open_window, answers, qtbot, demo_copy, monkeypatch):
    from plprofile.services.demo import DEMO_PIN
    from plprofile.services.stages import StagesService

    from .test_signin import _sign_in

    reads = _count_summary_reads(monkeypatch)
    tries: list[int] = []
    real = StagesService.warm_class
    monkeypatch.setattr(StagesService, "warm_class", lambda self, *a, **k: (tries.append(1), real(self, *a, **k)))
    window = open_window(demo_copy, require_sign_in=True)
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready and window.health == [], timeout=20_000)
    qtbot.wait(300)  # where a teacher's session would have read the class by now
    assert window.ctx.is_learner and tries == [] and reads == []


def test_class_overview_charts_the_element_chosen_over_time(open_window, answers, qtbot, demo_copy):
    from plprofile.charts.figures import bar_boxes
    from plprofile.domain.progress import distribution_over_time, month_starts

    window = open_window(demo_copy)
    ctx = window.ctx
    overview = window.open_class_overview()
    framework = default_framework()
    combo = overview.over_time
    assert combo.accessibleName() == "Over time"
    assert [combo.itemText(i) for i in range(combo.count())] == ["Overall stage",
                                                                 *(e.text("en") for e in framework.elements)]
    time_ax = overview.chart.figure.axes[1]
    assert " ".join(time_ax.get_title(loc="left").split()) == "Overall stage over time"  # on 2 lines if narrow
    now_before = overview.chart.table[1][:len(framework.elements)]
    assert overview.chart.table[1][len(framework.elements)][0].startswith("Overall on ")

    histories = ctx.stages.class_histories(ctx.teacher)
    days = [a.assessed_on for h in histories.values() for a in h]
    over = distribution_over_time(histories, framework, month_starts(min(days), max(date.today(), max(days))))

    # pick the next element with the keyboard, as a user would: the chart shown takes its bars over time (every
    # element's counts were read ahead, once the overview was drawn)
    drawn = overview.chart.figure
    qtbot.waitUntil(lambda: ("elements", framework.key, id(framework), None, date.today(),
                             (ctx.teacher.account_id, ctx.teacher.admin)) in ctx.stages._class_cache)
    combo.setFocus()
    for k, element in enumerate(framework.elements[:2], start=1):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() == k and combo.currentData() == element.id
        figure = overview.chart.figure
        assert figure is drawn  # the same figure, drawn again where it changed
        name = element.text("en")
        assert " ".join(_by_gid(figure, "time:title").get_text().split()) == f"{name} over time"
        shown = [p for p in over if sum(p.elements[element.id].values())]
        if (shown[-1].on - shown[-2].on).days < 19:  # today's bar takes the place of the month start before it
            shown = shown[:-2] + shown[-1:]
        for v in framework.allowed_values():
            bars = bar_boxes(figure, f"time:{v:g}")
            assert bars and [b.height for b in bars] == [p.elements[element.id].get(v, 0) for p in shown]
        headers, rows = overview.chart.table
        assert rows[:len(framework.elements)] == now_before  # the bars of now stay
        timeline = rows[len(framework.elements):]
        assert all(r[0].startswith(f"{name} on ") for r in timeline)
        assert [r[1:-1] for r in timeline] == [[str(p.elements[element.id].get(v, 0))
                                                for v in framework.allowed_values()] for p in over]

    # the choice stays when the group changes, and the class's own numbers follow
    overview.group.setCurrentIndex(overview.group.findData("5A"))
    assert combo.currentData() == framework.elements[1].id
    title = _by_gid(overview.chart.figure, "time:title").get_text()
    assert " ".join(title.split()) == f"{framework.elements[1].text('en')} over time"
    in_5a = ctx.stages.class_histories(ctx.teacher, "5A")
    days_5a = [a.assessed_on for h in in_5a.values() for a in h]
    over_5a = distribution_over_time(in_5a, framework, month_starts(min(days_5a), max(date.today(), max(days_5a))))
    timeline = overview.chart.table[1][len(framework.elements):]
    assert [int(r[-1]) for r in timeline] == [sum(p.elements[framework.elements[1].id].values()) for p in over_5a]

    # back to the overall stage
    combo.setCurrentIndex(0)
    assert " ".join(overview.chart.figure.axes[1].get_title(loc="left").split()) == "Overall stage over time"
    assert overview.chart.table[1][len(framework.elements)][0].startswith("Overall on ")
    assert answers.errors == []


# ---------------------------------------------------------------------------------------------- frameworks


def _write(tmp_path: Path, name: str, data) -> str:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_bad_framework_files_leave_the_active_one(open_window, answers, qtbot, tmp_path):
    window = open_window()
    ctx = window.ctx
    before = ctx.stages.active_framework(ctx.me).key
    good = json.loads(FRAMEWORK_FILE.read_text(encoding="utf-8"))

    answers.file_answer = _write(tmp_path, "broken.json", b"{ this is not json")
    window.load_framework()
    assert "broken.json" in answers.errors[-1] and "not valid JSON" in answers.errors[-1]
    assert "stays in use" in answers.errors[-1]

    duplicate = json.loads(json.dumps(good))
    duplicate["elements"][1]["id"] = "voice"
    answers.file_answer = _write(tmp_path, "duplicate.json", duplicate)
    window.load_framework()
    assert 'duplicate element id "voice"' in answers.errors[-1]
    assert "elements[1]" in answers.errors[-1]  # which element

    off_scale = json.loads(json.dumps(good))
    off_scale["elements"][3]["descriptors"]["4"] = {"en": "Beyond"}
    answers.file_answer = _write(tmp_path, "off-scale.json", off_scale)
    window.load_framework()
    assert "outside the scale" in answers.errors[-1]

    answers.file_answer = str(tmp_path / "missing.json")
    window.load_framework()
    assert "cannot" in answers.errors[-1]

    assert len(answers.errors) == 4 and answers.infos == []
    assert ctx.stages.active_framework(ctx.me).key == before


def test_a_school_framework_replaces_the_default_and_old_assessments_still_show(open_window, answers, qtbot,
                                                                                tmp_path):
    window = open_window()
    learner = _add_learner(window)
    ctx = window.ctx
    ctx.stages.record_assessment(ctx.teacher, learner.id, date(2026, 2, 2),
                                 [ElementRating("voice", 1.0, 1.5, 1.5), ElementRating("choice", 2.0, 2.0, 2.0)])
    page = _open_stages(window, qtbot)

    school = json.loads(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    school["id"], school["version"] = "school.example.rubric", "2.0"
    school["elements"][0]["name"] = {"en": "Student voice"}
    school["elements"].append({"id": "wellbeing", "group": "practice", "name": {"en": "Wellbeing"},
                               "descriptors": {"1": {"en": "a"}, "2": {"en": "b"}, "3": {"en": "c"}}})
    answers.file_answer = _write(tmp_path, "school.json", school)
    window.load_framework()
    assert answers.errors == []
    assert "11 element(s)" in answers.infos[-1]
    assert ctx.stages.active_framework(ctx.me).key == ("school.example.rubric", "2.0")

    # the entry grid follows the new framework
    qtbot.waitUntil(lambda: page.entry.framework.key == ("school.example.rubric", "2.0"))
    assert page.entry.row("voice").element.text() == "Student voice"
    assert page.entry.row("wellbeing").pickers["agreed"].count() == 6

    # the assessment made with the default framework is still charted and tabled
    page.show_chart("progress")
    figure = page.charts["progress"].figure
    assert list(_by_gid(figure, "voice:agreed").get_ydata()) == [1.5]
    assert list(_by_gid(figure, "choice:agreed").get_ydata()) == [2.0]
    assert ["Student voice", "2026-02-02", "1", "1.5", "1.5"] in page.charts["progress"].table[1]
    [old] = ctx.stages.history(ctx.teacher, learner.id)
    assert old.framework_key == default_framework().key


def test_switching_learners_redraws_the_progress_chart_in_place(open_window, answers, qtbot, demo_copy):
    from plprofile.charts.figures import progress_figure

    window = open_window(demo_copy)
    page = _open_stages(window, qtbot)
    page.show_chart("progress")
    chart = page.charts["progress"]
    canvas, figure = chart.canvas, chart.figure
    assert figure is not None
    window.step_learner(1)
    qtbot.waitUntil(lambda: "progress" not in page.stale)
    assert chart.canvas is canvas and chart.figure is figure  # the same figure, another learner's points
    ctx = window.ctx
    history = ctx.stages.history(ctx.teacher, window.current_learner_id())
    fresh = progress_figure(history, ctx.stages.active_framework(ctx.me))
    shown = {ln.get_gid(): list(ln.get_ydata()) for ax in figure.axes for ln in ax.get_lines() if ln.get_gid()}
    assert shown == {ln.get_gid(): list(ln.get_ydata()) for ax in fresh.axes for ln in ax.get_lines()
                     if ln.get_gid()}
    assert page.learner_name in figure._suptitle.get_text()


def test_rating_one_element_says_what_happens_and_keeps_the_others(open_window, answers, qtbot):
    """Rating only Voice after a full set: saving says the others are carried forward (with their day), and
    "where we are now" shows them carried, not "—"; answering No saves nothing."""
    window = open_window()
    learner = _add_learner(window)
    ctx = window.ctx
    ids = list(default_framework().element_ids())
    first = date.today() - timedelta(days=30)
    ctx.stages.record_assessment(ctx.teacher, learner.id, first, [ElementRating(e, agreed=2.0) for e in ids])
    window.refresh_learners(select=learner.id)
    page = _open_stages(window, qtbot)
    entry = page.entry
    _choose(qtbot, entry.row("voice").pickers["agreed"], 1.5)
    answers.confirm_answer = False
    _click(qtbot, entry.save_button)
    assert "You rated 1 of the 10 elements" in answers.confirms[-1]
    assert "carried forward" in answers.confirms[-1] and "Choice (" in answers.confirms[-1]
    assert len(ctx.stages.history(ctx.teacher, learner.id)) == 1  # No: nothing saved, the form kept
    assert entry.row("voice").pickers["agreed"].value() == 1.5
    answers.confirm_answer = True
    _click(qtbot, entry.save_button)
    assert answers.errors == []
    now = ctx.stages.history(ctx.teacher, learner.id)[-1]
    assert now.value("choice", "agreed") == 2.0 and now.rating("choice").carried_from == first
    page.tabs.setCurrentWidget(page.charts["now"])
    model = page.charts["now"].table_view.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Voice" in labels
    assert any(label.startswith("Choice (carried from ") for label in labels)
    overall = [model.index(r, 3).data() for r in range(model.rowCount()) if labels[r] == "Overall"]
    assert overall == ["1.95"]  # (1.5 + 9 × 2) / 10, not Voice alone
