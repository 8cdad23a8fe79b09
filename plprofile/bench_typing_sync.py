"""Typing while the background sync runs: ``python -m plprofile.bench_typing_sync [--json F] [--rounds N]``.

A hub on loopback (``plprofile serve`` in a subprocess, SQLite), a teacher's device paired with it (a real store)
and the school's admin device. Each round: the teacher's device holds 600 changes not yet sent and the hub 200
that the device has not pulled; the device's background sync (the window's, on its worker thread) runs the round
while keys are typed into a profile field (About me → Pronouns) of the real profile panel, offscreen. For each
key the time from the key event being posted to the field being painted with it is measured;
``typing_during_sync_p95_ms`` is the 95th percentile over the keys typed while a round ran, and
``typing_idle_p95_ms`` the same with no round running. It prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

KEYS = ("typing_during_sync_p95_ms", "typing_during_sync_max_ms", "typing_idle_p95_ms", "keys_during_sync",
        "round_ms")
#: One key every this many milliseconds (a fast typist: 12 keys a second, 140 words a minute).
KEY_EVERY_MS = 80


def _panel(store):  # noqa: ANN001, ANN202
    """The real profile panel for the device's account, on the first learner of its class."""
    from plprofile.bench_sync import _actor_of
    from plprofile.services.auth import SignedIn
    from plprofile.ui.kit.context import AppContext
    from plprofile.ui.profile.profile_panel import ProfilePanel

    actor = _actor_of(store)
    ctx = AppContext(store, SignedIn(actor, "Tess Teacher", "tess.teacher"))
    panel = ProfilePanel(ctx)
    learners = ctx.profiles.list_learners(actor)
    panel.show_learner(learners[0].id)
    panel.tabs.setCurrentWidget(panel.about)
    panel.resize(1200, 800)
    panel.show()
    return panel


class _Typist:
    """Posts a key to ``field`` every KEY_EVERY_MS and times each until the field's next paint."""

    def __init__(self, field) -> None:  # noqa: ANN001
        from PySide6.QtCore import QObject, QTimer

        self.field = field
        self.pending: float | None = None
        self.samples: list[tuple[float, bool]] = []  # (ms, during a round)
        self.syncing = False
        typist = self

        class Filter(QObject):
            def eventFilter(self, _obj, event) -> bool:  # noqa: ANN001, N802
                from PySide6.QtCore import QEvent

                if event.type() == QEvent.Type.Paint and typist.pending is not None:
                    typist.samples.append(((time.perf_counter() - typist.pending) * 1000, typist.syncing))
                    typist.pending = None
                return False

        self.filter = Filter()
        field.installEventFilter(self.filter)
        self.timer = QTimer(interval=KEY_EVERY_MS, timeout=self.key)

    def key(self) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        if self.pending is not None:  # the last key is not painted yet: it is still being timed
            return
        if len(self.field.text()) > 60:
            self.field.clear()
        self.pending = time.perf_counter()
        QApplication.postEvent(self.field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                                     Qt.KeyboardModifier.NoModifier, "a"))
        QApplication.postEvent(self.field, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_A,
                                                     Qt.KeyboardModifier.NoModifier, "a"))


def _wait(app, until, seconds: float) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)


def run(args: argparse.Namespace) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from plprofile.bench_sync import _actor_of, _device, _entries, _invite, _seed, _start_hub, p95
    from plprofile.store import changes
    from plprofile.store.models import ProfileEntry
    from plprofile.sync.client import sync_round
    from plprofile.ui.hub_sync.background import BackgroundSync

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="plprofile-bench-typing-"))
    hub, url = _start_hub(work / "hub", None)
    figures: dict = {"rounds": args.rounds}
    try:
        school = _device(work / "admin", url, _invite(work / "hub", None, "admin", "Ada Admin"))
        admin_actor = _actor_of(school)
        seeded = _seed(school, admin_actor, "Tess Teacher", 30, 0, 5)
        sync_round(school)
        teacher = _device(work / "teacher", url, _invite(work / "hub", None, "teacher", "Tess Teacher"))
        sync_round(teacher)
        teacher_actor = _actor_of(teacher)

        panel = _panel(teacher)
        import gc

        gc.freeze()  # as the window does once a session shows (MainWindow._show_session)
        gc.set_threshold(50_000, 20, 100)
        field = panel.about.pronouns
        field.setFocus()
        typist = _Typist(field)
        sync = BackgroundSync(teacher)  # the window's background sync, without its timers: rounds on demand
        typist.timer.start()
        _wait(app, lambda: len(typist.samples) >= 60, 30)  # typing with no round running
        round_ms, mismatch = [], []
        for r in range(args.rounds):
            with teacher.transaction() as s:
                values, owners = _entries(seeded["class"], 600, f"day {r} teacher")
                changes.create_many(s, teacher.device_id, ProfileEntry, values, teacher_actor, owners)
            with school.transaction() as s:
                values, owners = _entries(seeded["class"], 200, f"day {r} office")
                changes.create_many(s, school.device_id, ProfileEntry, values, admin_actor, owners)
            sync_round(school)
            done = sync.rounds
            typist.syncing = True
            started = time.perf_counter()
            sync.sync_now()
            _wait(app, lambda done=done: sync.rounds > done, 300)
            round_ms.append((time.perf_counter() - started) * 1000)
            typist.syncing = False
            if sync.state != "ok":
                mismatch.append(sync.reason)
            _wait(app, lambda: False, 0.5)
        typist.timer.stop()
        during = [ms for ms, syncing in typist.samples if syncing]
        idle = [ms for ms, syncing in typist.samples if not syncing]
        figures.update({
            "typing_during_sync_p95_ms": round(p95(during), 1) if during else None,
            "typing_during_sync_max_ms": round(max(during), 1) if during else None,
            "typing_idle_p95_ms": round(p95(idle), 1) if idle else None,
            "keys_during_sync": len(during),
            "round_ms": [round(x) for x in round_ms],
            "key_every_ms": KEY_EVERY_MS,
        })
        if mismatch:
            figures["round_problems"] = mismatch
        panel.close()
        teacher.close()
        school.close()
    finally:
        hub.terminate()
        try:
            hub.wait(30)
        except Exception:  # noqa: BLE001  (a hub that will not stop is killed)
            hub.kill()
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plprofile.bench_typing_sync",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="F", help="write the figures to F")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    figures = run(args)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
