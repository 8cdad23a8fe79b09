"""Evidence has one way in: words in one field (a web link in them makes it a link) beside "Add a file…"; and
removing a piece offers to bring it back (a removal is a soft delete: nothing was lost)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from plprofile.domain.evidence_files import split_link
from plprofile.store.models import Evidence

from .test_evidence_say import _goals, _row, class_dir  # noqa: F401  (the fixture)


def test_typed_words_with_a_link_make_a_link_and_words_alone_a_note(open_window, answers, qtbot,
                                                                   class_dir):  # noqa: F811
    folder, learner_id = class_dir
    window = open_window(folder)
    window.select_learner(learner_id)
    goals = _goals(window)
    assert not hasattr(goals, "ev_kind") and not hasattr(goals, "ev_location")  # no kind, no path field
    # the words' field, Add and "Add a file…" stand in one row
    assert goals.files.add_button.parentWidget() is goals.ev_add.parentWidget()
    goals.ev_text.setFocus()
    qtbot.keyClicks(goals.ev_text, "Video of the bridge holding a book: https://example.org/ayla/bridge.")
    qtbot.keyClick(goals.ev_text, Qt.Key.Key_Return)
    qtbot.keyClicks(goals.ev_text, "It held three books")
    qtbot.mouseClick(goals.ev_add, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and goals.ev_text.text() == ""
    with window.ctx.store.session() as s:
        made = {e.text: (e.kind, e.location) for e in s.execute(select(Evidence).where(Evidence.blob_id.is_(None)))
                .scalars()}
    assert made == {"Video of the bridge holding a book": ("link", "https://example.org/ayla/bridge"),
                    "It held three books": ("note", "")}


def test_split_link():
    assert split_link("My reading https://example.org/r") == ("My reading", "https://example.org/r")
    assert split_link("www.example.org/plan") == ("", "www.example.org/plan")
    assert split_link("  just words  ") == ("just words", "")


def test_remove_offers_to_bring_the_piece_back(open_window, answers, qtbot, class_dir):  # noqa: F811
    folder, learner_id = class_dir
    window = open_window(folder)
    window.select_learner(learner_id)
    goals = _goals(window)
    files = goals.files
    goals.evidence.setCurrentItem(_row(goals, "bridge.png"))
    qtbot.mouseClick(files.remove_button, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and answers.confirms == []  # no "are you sure?": it can be undone
    assert files.undo_bar.isVisible()
    assert files.undo_label.text() == "“bridge.png” was removed. You can bring it back."
    tree = goals.evidence
    assert [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())] == ["how-i-built-it.wav"]
    with window.ctx.store.session() as s:
        removed = s.execute(select(Evidence).where(Evidence.location == "bridge.png")).scalar_one()
        assert removed.deleted_at is not None  # kept, marked removed

    qtbot.mouseClick(files.undo_button, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and not files.undo_bar.isVisible()
    assert sorted(tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())) == [
        "bridge.png", "how-i-built-it.wav"]
    assert not _row(goals, "bridge.png").icon(0).isNull()  # its file and thumbnail with it
    with window.ctx.store.session() as s:
        assert s.execute(select(Evidence).where(Evidence.location == "bridge.png")).scalar_one().deleted_at is None
