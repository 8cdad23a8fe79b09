"""The first window stays lean: matplotlib and Alembic load only when needed, after the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from plprofile.app import make_application
    from plprofile.ui.shell.main_window import MainWindow

    app = make_application()
    window = MainWindow(Path(sys.argv[1]), offer_demo=False, require_sign_in=False)
    window.show()
    shown = {"matplotlib": "matplotlib" in sys.modules, "alembic": "alembic" in sys.modules}
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    window.ready.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    if not window.is_ready:
        loop.exec()
    ready = {"matplotlib": "matplotlib" in sys.modules, "alembic": "alembic" in sys.modules}
    print(shown, ready, window.profile.name_label.text())
""")


def test_first_window_imports_neither_matplotlib_nor_alembic(tmp_path):
    from plprofile.services.demo import generate_demo
    from plprofile.store.engine import open_store

    store = open_store(tmp_path / "data")
    generate_demo(store, learners=3)
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data")], capture_output=True, text=True,
                         env=env, timeout=120, check=True).stdout
    expected = "{'matplotlib': False, 'alembic': False} {'matplotlib': False, 'alembic': False} "
    assert out.startswith(expected), out
    assert out[len(expected):].strip(), "a learner's profile is shown once ready"
