"""One running plprofile per store: a second start brings the first window forward, or says where the store is
open. The first instance runs here (its start-up guard), the second as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from plprofile.ui.shell.single_instance import StoreGuard


def _start(*args: str) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PLPROFILE_DATA_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "plprofile", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def test_a_second_start_brings_the_first_window_forward(qtbot, tmp_path: Path):
    data = tmp_path / "data"
    first = StoreGuard(data)
    assert first.acquire()
    first.listen()
    asked: list[bool] = []
    first.on_show = lambda: asked.append(True)
    second = _start("--data-dir", str(data))
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    _out, err = second.communicate()
    assert second.returncode == 0, err
    assert asked == [True]
    assert "already open; its window was brought forward" in err
    assert not (data / "plprofile.sqlite3").exists()  # the second start opened nothing
    first.release()


def test_a_store_open_in_a_running_app_is_not_opened_twice(tmp_path: Path):
    """The app takes the store's lock as it starts: a screenshot run on the same store refuses, in words."""
    data = tmp_path / "data"
    app = _start("--data-dir", str(data), "--demo")
    try:
        deadline = time.monotonic() + 60
        while not (data / "plprofile.sqlite3").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        shot = tmp_path / "shot.png"
        second = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(data), "--screenshot",
                                 str(shot)], capture_output=True, text=True, timeout=120, check=False,
                                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        assert second.returncode == 1
        assert "is already open in another plprofile" in second.stderr
        assert not shot.exists()
    finally:
        app.kill()
        app.wait()
    # the lock of a process that is gone is not in the way
    again = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(data), "--screenshot",
                            str(tmp_path / "after.png")], capture_output=True, text=True, timeout=120, check=False,
                           env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert again.returncode == 0, again.stderr


def test_the_guard_holds_the_lock_until_released(tmp_path: Path):
    one, two = StoreGuard(tmp_path / "d"), StoreGuard(tmp_path / "d")
    assert one.acquire()
    assert not two.acquire()
    one.release()
    assert two.acquire()
    two.release()
