"""The teacher's week from the command line: `--screenshot FILE --view snapshot|due|feed` headless, in both
languages and at a large text size, each capturing its own window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.test_cli import _run


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("week") / "data"
    result = _run("--data-dir", str(data), "--demo", "--screenshot", str(data.parent / "main.png"))
    assert result.returncode == 0, result.stderr
    return data


@pytest.mark.parametrize(("view", "size"), [("snapshot", (980, 680)), ("due", (1000, 620)), ("feed", (900, 600))])
def test_each_view_captures_its_own_window(demo: Path, tmp_path: Path, qapp, view: str, size: tuple[int, int]):
    main = QImage(str(demo.parent / "main.png"))
    shot = tmp_path / f"{view}.png"
    result = _run("--data-dir", str(demo), "--screenshot", str(shot), "--view", view, "--font-size", "10",
                  "--lang", "en")
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == size != (main.width(), main.height())


@pytest.mark.parametrize("view", ["snapshot", "due"])
def test_in_spanish_at_16_points_the_views_still_capture(demo: Path, tmp_path: Path, qapp, view: str):
    shot = tmp_path / f"{view}-es.png"
    result = _run("--data-dir", str(demo), "--screenshot", str(shot), "--view", view, "--font-size", "16",
                  "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert not QImage(str(shot)).isNull()
