"""Attaching a 12-megapixel photo to a goal's evidence: made ready (downscaled, thumbnail) and kept, in ms, and
the peak memory of a fresh process doing it. ``python -m plprofile.bench.evidence`` prints the figures; the school
benchmark (``python -m plprofile.bench``) reports them beside its own (``attach_photo_ms``,
``attach_photo_rss_mb``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 4000, 3000  # 12 megapixels, as a phone's camera takes them


def photo(seed: int = 0) -> bytes:
    """A 4000 × 3000 JPEG with detail everywhere (so the encoder has work to do, as with a real photo)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, WIDTH, HEIGHT)
    gradient.setColorAt(0, QColor(30 + seed % 50, 90, 160))
    gradient.setColorAt(1, QColor(220, 180, 90 + seed % 60))
    painter.fillRect(0, 0, WIDTH, HEIGHT, gradient)
    step = 37
    for x in range(0, WIDTH, step):
        for y in range(0, HEIGHT, step * 3):
            painter.fillRect(x, y + (x * 7 + seed) % step, step // 2, step // 3,
                             QColor((x + y + seed) % 255, (x * 3) % 255, (y * 5) % 255))
    painter.end()
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 92)
    buffer.close()
    return bytes(out.data())


def attach(store, actor, goal_id, data: bytes, name: str) -> float:  # noqa: ANN001
    """Make ``data`` ready and keep it on the goal, as the window's Add a file… does; returns ms."""
    from plprofile.media.prepare import prepare_bytes
    from plprofile.services.evidence_files import EvidenceFileService

    started = time.perf_counter()
    EvidenceFileService(store).attach(actor, goal_id, prepare_bytes(data, name))
    return (time.perf_counter() - started) * 1000


_CHILD = """
import json, os, resource, sys, tempfile, time
from pathlib import Path
from plprofile.bench.evidence import attach
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
store = open_store(Path(tempfile.mkdtemp(prefix="plprofile-bench-photo-")) / "data")
me = teacher_actor(ensure_teacher(store))
learner = ProfileService(store).add_learner(me, given_name="Bench", family_name="Photo")
goal = ProfileService(store).add_goal(me, learner.id, "Show my model")
data = Path(sys.argv[1]).read_bytes()  # made by another process: its drawing is not in this one's peak
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
ms = attach(store, me, goal.id, data, "model.jpg")
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
store.close()
print(json.dumps({"ms": ms, "rss_before_mb": before, "rss_peak_mb": after, "photo_mb": len(data) / 1048576}))
sys.stdout.flush()
os._exit(0)  # no teardown of Qt's objects at exit (it has been seen to abort after the figures were written)
"""


def in_fresh_process() -> dict[str, Any]:
    """One attach in a fresh Python: its time, the process's peak RSS before it (the app's layers loaded and the
    photo in memory) and after it."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory(prefix="plprofile-bench-photo-") as folder:
        path = Path(folder) / "photo.jpg"
        subprocess.run([sys.executable, "-c", "import os, sys; from pathlib import Path; from plprofile.bench.evidence "
                        "import photo; Path(sys.argv[1]).write_bytes(photo()); os._exit(0)", str(path)], env=env, check=True,
                       timeout=600)
        out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, env=env,
                             check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    figures = in_fresh_process()
    print(f"attach a 12-megapixel photo ({figures['photo_mb']:.1f} MB JPEG): {figures['ms']:.0f} ms; "
          f"peak RSS {figures['rss_before_mb']:.0f} MB before, {figures['rss_peak_mb']:.0f} MB after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
