"""``--screenshot FILE --as-learner NAME``: exactly what that learner sees after signing in, headless."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from ..test_cli import _run


def test_a_screenshot_as_a_learner_headless(tmp_path: Path, qapp):
    data = tmp_path / "data"
    for view in ("profile", "goals", "stages"):
        shot = tmp_path / f"{view}.png"
        args = ["--data-dir", str(data), "--screenshot", str(shot), "--as-learner", "Zoë Moreau", "--view", view,
                "--font-size", "16", "--lang", "es"]
        result = _run(*args if view != "profile" else ["--demo", *args], timeout=300)
        assert result.returncode == 0, result.stderr
        image = QImage(str(shot))
        assert not image.isNull() and image.width() >= 800


def test_an_unknown_learner_or_a_missing_screenshot_is_refused(tmp_path: Path):
    data = tmp_path / "data"
    shot = tmp_path / "x.png"
    result = _run("--data-dir", str(data), "--demo", "--screenshot", str(shot), "--as-learner", "Nobody Atall",
                  timeout=300)
    assert result.returncode == 2 and "no single learner is called" in result.stderr
    assert not shot.exists()
    result = _run("--data-dir", str(data), "--as-learner", "Zoë Moreau")
    assert result.returncode == 2 and "--as-learner NAME goes with --screenshot" in result.stderr


def test_the_session_is_that_learners_own(open_window, qtbot, tmp_path):
    """What the screenshot shows: the learner's own session on their home, not the file holder's."""
    from plprofile.services.demo import generate_demo
    from plprofile.store.engine import open_store
    from plprofile.ui.shell.as_learner import start_learner_session

    store = open_store(tmp_path / "data")
    generate_demo(store, learners=5)
    store.close()
    window = open_window(tmp_path / "data", learner_name="Zoë Moreau")
    assert not window.ctx.is_learner
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    assert start_learner_session(window)
    assert ready and window.ctx.is_learner
    assert window.profile.view.learner.preferred_name == "Zoë"
    assert window.profile.tabs.currentWidget() is window.profile.home
    assert not window.left.isVisible() and not window.learner_menu.menuAction().isVisible()
