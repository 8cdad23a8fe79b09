"""PySide6 checks each module imported after it; the window's process no longer keeps every module's source
(``ui.kit.import_check``): at 10,000 learners that was 39 MB of source lines in ``linecache``."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = r"""
import json, linecache, sys
import PySide6
import shibokensupport.feature as feature
original = feature._mod_uses_pyside
if sys.argv[1] == "app":
    import plprofile.ui  # what the app's windows import first
before = set(sys.modules)
# none imports plprofile.ui itself: plprofile.app's source names PySide6, the others' do not
import plprofile.app, plprofile.domain.week, json.tool, encodings.idna, sqlalchemy.orm
modules = [plprofile.app, plprofile.domain.week, json.tool, encodings.idna, sqlalchemy.orm, sys]
# shiboken checks each module that imports another: dozens of them here
files = [getattr(sys.modules[name], "__file__", None) for name in set(sys.modules) - before]
kept = sorted(f for f in files if f and f in linecache.cache)
answers = {m.__name__: [original(m), feature._mod_uses_pyside(m)] for m in modules}
print(json.dumps({"kept": kept, "answers": answers}))
"""


def _run(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_modules_imported_after_the_ui_leave_no_source_in_memory():
    app = _run("app")
    # the modules imported after plprofile.ui: none of their sources kept (before, every one was)
    assert app["kept"] == []


def test_without_it_shiboken_keeps_every_source():
    """The measurement above means something: the same imports without ``plprofile.ui`` keep them all."""
    bare = _run("bare")
    assert len(bare["kept"]) >= 20, bare


def test_the_check_gives_shibokens_answers():
    answers = _run("app")["answers"]
    assert answers["plprofile.app"] == [True, True]  # its source names PySide6
    assert answers["plprofile.domain.week"] == [False, False]
    for name, (original, ours) in answers.items():
        assert original == ours, name
