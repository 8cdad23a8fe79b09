"""``plprofile --screenshot FILE --view progress|now|class``: real processes, headless, on the demo class."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage


def _run(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli") / "data"  # the first run fills it with the demo class


@pytest.mark.parametrize("view", ["progress", "now", "class"])
def test_screenshot_of_each_stages_view(demo_data: Path, tmp_path: Path, view: str, qapp):
    shot = tmp_path / f"{view}.png"
    result = _run("--data-dir", str(demo_data), "--demo", "--screenshot", str(shot), "--view", view,
                  "--learner", "Zoë Moreau")
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 600
    assert shot.stat().st_size > 20_000  # a drawn chart, not an empty frame
