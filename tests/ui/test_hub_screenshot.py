"""--screenshot FILE --view sync, headless: a store paired with a running hub shows "All saved to the school
hub" in the status bar once its first round has ended; an unpaired store says it is not connected."""

from __future__ import annotations

import os
import subprocess
import sys

from .hub_school import school_hub


def _shot(folder, out, *extra):  # noqa: ANN001, ANN202
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PLPROFILE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(folder), "--screenshot", str(out),
                           "--view", "sync", *extra], env=env, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


def test_the_sync_view_is_drawn_headless_for_a_paired_and_an_unpaired_store(tmp_path):
    from PySide6.QtGui import QImage

    hub, admin_dir = school_hub(tmp_path)
    try:
        for extra in ((), ("--lang", "es", "--font-size", "16")):
            out = tmp_path / f"sync{len(extra)}.png"
            done = _shot(admin_dir, out, *extra)
            assert done.returncode == 0, done.stderr
            assert not QImage(str(out)).isNull()
    finally:
        hub.stop()
    alone = _shot(tmp_path / "alone", tmp_path / "alone.png")
    assert alone.returncode == 0, alone.stderr
