"""The command line as people and scripts use it: real processes, headless."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage


def _run(*args: str, env_extra: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def test_help_lists_every_option():
    result = _run("--help")
    assert result.returncode == 0
    for option in ("--data-dir", "--demo", "--screenshot", "--learner", "--view"):
        assert option in result.stdout


def test_demo_screenshot_headless_writes_a_png(tmp_path: Path, qapp):
    shot = tmp_path / "main.png"
    result = _run("--data-dir", str(tmp_path / "data"), "--demo", "--screenshot", str(shot), "--learner", "Zoë")
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 600
    assert (tmp_path / "data" / "plprofile.sqlite3").stat().st_size > 100_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Windows and macOS always have a display")
def test_without_a_display_the_app_says_so_instead_of_dumping_core(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(tmp_path / "data")],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "needs a display" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0] and "--screenshot" in lines[0]
    assert not (tmp_path / "data").exists()  # nothing was opened or created
    # the way out it names works, with the same environment otherwise
    shot = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(tmp_path / "data"), "--demo",
                           "--screenshot", str(shot)], capture_output=True, text=True, timeout=120, check=False,
                          env=dict(env, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


def test_environment_variable_picks_the_data_folder(tmp_path: Path):
    shot = tmp_path / "s.png"
    result = _run("--demo", "--screenshot", str(shot), env_extra={"PLPROFILE_DATA_DIR": str(tmp_path / "env")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env" / "plprofile.sqlite3").exists()


def test_unreadable_store_exits_non_zero_with_a_message(tmp_path: Path):
    data = tmp_path / "bad"
    data.mkdir()
    (data / "plprofile.sqlite3").write_bytes(b"not a database" * 200)
    result = _run("--data-dir", str(data), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode != 0
    assert "not a readable plprofile store" in result.stderr
    assert (data / "plprofile.sqlite3").read_bytes() == b"not a database" * 200


def test_signin_view_screenshot_shows_the_sign_in_screen(tmp_path: Path, qapp):
    shot = tmp_path / "signin.png"
    result = _run("--data-dir", str(tmp_path / "data"), "--demo", "--screenshot", str(shot), "--view", "signin")
    assert result.returncode == 0, result.stderr
    assert not QImage(str(shot)).isNull()


def test_screenshot_of_a_learner_by_name_or_a_clear_refusal(tmp_path: Path, qapp):
    data = tmp_path / "data"
    assert _run("--data-dir", str(data), "--demo", "--screenshot", str(tmp_path / "a.png")).returncode == 0
    ok = _run("--data-dir", str(data), "--screenshot", str(tmp_path / "b.png"), "--learner", "Moreau")
    assert ok.returncode == 0, ok.stderr  # a family name only one learner has
    typed = _run("--data-dir", str(data), "--screenshot", str(tmp_path / "d.png"), "--learner", "zoe moreau")
    assert typed.returncode == 0, typed.stderr  # as the search matches: Zoë Moreau
    missing = _run("--data-dir", str(data), "--screenshot", str(tmp_path / "c.png"), "--learner", "Nobody Here")
    assert missing.returncode == 2 and "Nobody Here" in missing.stderr
    assert not (tmp_path / "c.png").exists()


def test_screenshot_of_an_encrypted_store_needs_its_password(tmp_path: Path, qapp):
    data = tmp_path / "data"
    assert _run("--data-dir", str(data), "--demo", "--screenshot", str(tmp_path / "plain.png")).returncode == 0
    password = {"PLPROFILE_PASSWORD": "demo-teacher"}
    assert _run("--data-dir", str(data), "encrypt", "--user", "teacher", env_extra=password).returncode == 0
    locked = _run("--data-dir", str(data), "--screenshot", str(tmp_path / "a.png"))
    assert locked.returncode != 0 and "encrypted" in locked.stderr and not (tmp_path / "a.png").exists()
    wrong = _run("--data-dir", str(data), "--screenshot", str(tmp_path / "b.png"),
                 env_extra={"PLPROFILE_PASSWORD": "not the one"})
    assert wrong.returncode == 2 and not (tmp_path / "b.png").exists()
    shot = tmp_path / "c.png"
    opened = _run("--data-dir", str(data), "--screenshot", str(shot), "--learner", "Zoë Moreau", env_extra=password)
    assert opened.returncode == 0, opened.stderr
    assert not QImage(str(shot)).isNull()
