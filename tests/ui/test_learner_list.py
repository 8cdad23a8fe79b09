"""The learner list filters in the model: every typed word, the group, and the current learner kept."""

from __future__ import annotations

import uuid

from plprofile.services.profiles import LearnerSummary
from plprofile.ui.classroom.learner_list import LearnerFilterProxy, LearnerTableModel


def _summary(given: str, family: str, group: str, external: str | None = None) -> LearnerSummary:
    return LearnerSummary(uuid.uuid4(), given, given, family, "5", group, external)


def _shown(proxy: LearnerFilterProxy) -> list[str]:
    return [proxy.index(i, 0).data() for i in range(proxy.rowCount())]


def test_words_group_narrowing_and_widening(qtbot):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    model, proxy = LearnerTableModel(), LearnerFilterProxy()
    proxy.setSourceModel(model)
    learners = [_summary("Zoë", "Moreau", "5A"), _summary("Amara", "Osei", "5B", "S-1042"),
                _summary("Zola", "Osei", "5B"), _summary("Ben", "Lee", "5A")]
    model.set_learners(learners)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.selectionModel().setCurrentIndex(proxy.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert view.currentIndex().data() == "Zola Osei"

    proxy.set_text("zo")
    assert _shown(proxy) == ["Zoë Moreau", "Zola Osei"]
    assert view.currentIndex().data() == "Zola Osei"  # still there, still current
    proxy.set_text("zol")  # narrowing
    assert _shown(proxy) == ["Zola Osei"] and view.currentIndex().row() == 0
    proxy.set_text("osei zo")  # every word, in any order
    assert _shown(proxy) == ["Zola Osei"]
    proxy.set_text("s-104")  # the student ID
    assert _shown(proxy) == ["Amara Osei"] and not view.currentIndex().isValid()
    proxy.set_text("")
    assert len(_shown(proxy)) == 4
    proxy.set_group("5A")
    assert _shown(proxy) == ["Zoë Moreau", "Ben Lee"]
    proxy.set_text("e")
    assert _shown(proxy) == ["Zoë Moreau", "Ben Lee"]
    assert model.row_of(learners[3].id) == 1 and model.row_of(learners[1].id) is None
    model.set_learners(learners[:2])  # a new list keeps the filter
    assert _shown(proxy) == ["Zoë Moreau"] and model.row_of(learners[3].id) is None
    assert [s.family_name for s in model.all_learners()] == ["Moreau", "Osei"]


def test_search_ignores_case_accents_and_apostrophes(qtbot):
    model, proxy = LearnerTableModel(), LearnerFilterProxy()
    proxy.setSourceModel(model)
    model.set_learners([_summary("Zoé", "Moreau", "5A"), _summary("Tomás", "Núñez", "5A"),
                        _summary("Lena", "Müller", "5B"), _summary("Seán", "O’Brien", "5B", "S-77")])
    for typed, expected in (("zoe", ["Zoé Moreau"]), ("tomas", ["Tomás Núñez"]), ("nunez", ["Tomás Núñez"]),
                            ("MULLER", ["Lena Müller"]), ("obrien", ["Seán O’Brien"]),
                            ("O'Brien", ["Seán O’Brien"]), ("o’bri sean", ["Seán O’Brien"]),
                            ("s-77", ["Seán O’Brien"])):
        proxy.set_text(typed)
        assert _shown(proxy) == expected, typed


def test_the_class_chooser_shows_all_my_learners_or_one_class(open_window, tmp_path, qtbot):
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.accounts import ensure_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.services.school import SchoolService
    from plprofile.store.engine import open_store

    store = open_store(tmp_path / "data")
    admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
    ids = {n: ProfileService(store).add_learner(admin, given_name=n, family_name="Test").id for n in "ABCD"}
    school = SchoolService(store)
    a5, b5 = school.add_class(admin, "5A"), school.add_class(admin, "5B")
    for n, c in (("A", a5), ("B", a5), ("C", b5)):
        school.add_member(admin, c.id, learner_id=ids[n])
    store.close()

    window = open_window(tmp_path / "data")
    chooser = window.class_filter
    assert chooser.isVisible() and chooser.accessibleName()
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "All my learners", "5A (2 learner(s))", "5B (1 learner(s))"]
    chooser.setCurrentIndex(1)
    assert sorted(window.proxy.index(i, 0).data() for i in range(window.proxy.rowCount())) == ["A Test", "B Test"]
    assert window.count_label.text() == "2 of 4 learner(s)"
    qtbot.keyClicks(window.search, "b")  # the search works inside the class
    assert [window.proxy.index(i, 0).data() for i in range(window.proxy.rowCount())] == ["B Test"]
    window.search.clear()
    chooser.setCurrentIndex(0)
    assert window.proxy.rowCount() == 4


def test_without_classes_there_is_no_class_chooser(open_window, named_class):
    window = open_window(named_class)
    assert not window.class_filter.isVisible() and window.proxy.rowCount() == 8
