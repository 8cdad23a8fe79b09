"""The class learning snapshot window, driven as a teacher would: open it from the View menu's action, pick a
figure, see the learners behind it, open one; export the page and the table (formulas neutralised)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plprofile.domain import profile as d
from plprofile.domain.profile import Actor, Role
from plprofile.ui.kit import chart_view


def _learner(window, given: str, interest: str, access: str):
    ctx = window.ctx
    learner = ctx.profiles.add_learner(ctx.teacher, given_name=given, family_name="Test")
    me = Actor(account_id=learner.id, role=Role.LEARNER, learner_id=learner.id)
    ctx.profiles.add_entry(me, learner.id, d.Section.INTERESTS, interest)
    ctx.profiles.add_entry(me, learner.id, d.Section.ACCESS_WORKS, access)
    return learner


def _figure(window, label: str):
    tree = window.snapshot_window.figures
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).text(0) == label:
                return top.child(j)
    raise AssertionError(f"no figure {label!r}")


def test_a_figure_opens_the_learners_behind_it_and_one_of_them_in_the_window(open_window, answers, qtbot,
                                                                            language):
    language("en")
    window = open_window()
    ana = _learner(window, "Ana", "Fútbol", "Dibujos y diagramas")
    ben = _learner(window, "Ben", "Football", "Pictures and diagrams")
    _learner(window, "Cai", "=HYPERLINK(\"x\")", "Listening to audiobooks")
    window.refresh_learners()
    action = next(a for a in window.view_menu.actions() if a.text().replace("&", "").startswith("Class learning"))
    action.trigger()
    snap = window.snapshot_window
    qtbot.waitUntil(lambda: snap.snapshot is not None)
    assert snap.summary.text() == "3 learners"
    visual = _figure(window, "Pictures and diagrams")
    assert visual.text(1) == "2 of 3"
    snap.figures.setCurrentItem(visual)
    names = [snap.learners.item(i).text() for i in range(snap.learners.count())]
    assert names == ["Ana Test", "Ben Test"]
    assert _figure(window, "Sport").text(1) == "2 of 3"  # shared by two: shown; Cai's alone is not
    snap.learners.setCurrentRow(1)
    snap.learners.itemActivated.emit(snap.learners.item(1))
    assert window.current_learner_id() == ben.id
    assert ana.id in visual.data(0, Qt.ItemDataRole.UserRole)
    assert answers.errors == []


def test_the_page_exports_to_each_format_and_the_table_is_safe_in_a_spreadsheet(open_window, answers, qtbot,
                                                                                 tmp_path, monkeypatch):
    window = open_window()
    for name in ("Ana", "Ben"):
        _learner(window, name, "=SUM(A1:A9)", "Pictures and diagrams")
    snap = window.open_snapshot()
    snap.tabs.setCurrentWidget(snap.chart)
    qtbot.waitUntil(lambda: snap.chart.figure is not None)
    for suffix in ("png", "svg", "pdf", "csv"):
        target = tmp_path / f"snapshot.{suffix}"
        monkeypatch.setattr(chart_view, "choose_export_path", lambda *_a, _t=target, **_k: str(_t))
        qtbot.mouseClick(snap.chart.export_button, Qt.MouseButton.LeftButton)
        assert target.stat().st_size > 100, suffix
    assert (tmp_path / "snapshot.pdf").read_bytes()[:5] == b"%PDF-"
    text = (tmp_path / "snapshot.csv").read_text(encoding="utf-8-sig")
    assert "Pictures and diagrams,2,2,picture" in text
    assert "'=SUM(A1:A9),2,2" in text  # a learner's words never run as a formula
    assert answers.errors == []


def test_in_spanish_the_figures_name_the_options_in_spanish(open_window, answers, qtbot, language):
    language("es")
    window = open_window()
    for name in ("Ana", "Ben"):
        _learner(window, name, "Caballos", "Listening to audiobooks")
    snap = window.open_snapshot()
    assert snap.summary.text() == "2 estudiantes"
    assert _figure(window, "Escuchar").text(1) == "2 de 2"
    assert _figure(window, "Animales").text(2) == "caballo*"
