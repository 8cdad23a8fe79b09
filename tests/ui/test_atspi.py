"""The screens as a screen reader (Orca) meets them on Linux: the real AT-SPI tree, not Qt's own account of it.

The real app runs under Xvfb with a private session bus (``dbus-run-session``, which starts the accessibility
bus from at-spi2-core) and ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``; ``atspi_app.py`` takes it through the
sign-in screen (refused once), a teacher's About me, Goals, Rate the stages and a chart, and a learner's
session, in English and in Spanish, and ``atspi_walk.py`` (the system's Python with python3-pyatspi) reads the
tree on each. Needs Debian's xvfb, dbus, at-spi2-core and python3-pyatspi (``.ci/run`` installs them); with
``CI`` set a missing piece fails the test, elsewhere it skips with the reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, where python3-pyatspi installs its modules
LANGS = ("en", "es")
SCREENS = ("signin", "signin teacher", "signin refused", "about me", "goals", "rate the stages", "chart",
           "learner", "learner goals")
#: Roles a person operates or reaches with Tab: each needs a name that says what it is for.
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "combo box", "spin button", "text",
               "password text", "entry", "list", "tree", "table", "tree table", "page tab", "slider",
               "date editor", "menu item"}
#: Roles whose name Qt fills with the current value on Linux: what they are for comes from a linked label.
VALUE_AS_NAME = {"combo box"}
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>|&(?:[a-z]+|#\d+);")


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-run-session") if shutil.which(tool) is None]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        missing.append(f"{SYSTEM_PYTHON} with pyatspi (python3-pyatspi)")
    return missing


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


@pytest.fixture(scope="module")
def tours(tmp_path_factory) -> dict[str, dict]:
    if missing := _missing():
        reason = "the AT-SPI test needs " + ", ".join(missing) + " (see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from plprofile.services.demo import generate_demo
    from plprofile.store.engine import open_store

    base = tmp_path_factory.mktemp("atspi")
    store = open_store(base / "demo")
    generate_demo(store, learners=3)
    store.close()
    with sqlite3.connect(next((base / "demo").glob("*.sqlite3"))) as db:
        learner = db.execute("SELECT username FROM account WHERE username IS NOT NULL AND username != 'teacher' "
                             "ORDER BY username").fetchone()[0]
    server, display = _start_xvfb()
    results = {}
    try:
        for lang in LANGS:
            data = base / f"data-{lang}"
            shutil.copytree(base / "demo", data)
            out = base / f"{lang}.json"
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                       PLPROFILE_LANG=lang, XDG_CONFIG_HOME=str(base / f"config-{lang}"))
            env.pop("WAYLAND_DISPLAY", None)
            done = subprocess.run(["dbus-run-session", "--", sys.executable, str(HERE / "atspi_app.py"), str(data),
                                   learner, SYSTEM_PYTHON, str(out)],
                                  env=env, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, f"the tour in {lang!r} failed:\n{done.stderr[-3000:]}"
            results[lang] = json.loads(out.read_text(encoding="utf-8"))
    finally:
        server.kill()
        server.wait()
    return results


def _squash(text: str) -> str:
    return " ".join(text.split())


def _labelled_by(node: dict) -> list[str]:
    """The names of the labels linked to ``node`` (a group box's caption does not say what one field is for)."""
    return [t["name"] for t in node["relations"].get("labelled by", []) if t["role"] == "label" and t["name"].strip()]


def _where(node: dict) -> str:
    return f"{node['role']} {node['name']!r} (value {node['text']!r}, labels {_labelled_by(node)}) at {node['path']}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_every_control_says_what_it_is_for(tours, lang, screen):
    nodes = tours[lang][screen]["nodes"]
    assert len(nodes) > 10, "the walker saw the window"
    problems = []
    for node in nodes:
        if node["role"] not in INTERACTIVE:
            continue
        name, labels = node["name"].strip(), _labelled_by(node)
        if not name and not labels:
            problems.append("no name: " + _where(node))
        elif node["role"] in VALUE_AS_NAME and not labels:
            problems.append("its value is its name and no label says what it is for: " + _where(node))
        elif node["text"] and name == node["text"].strip() and not labels:
            problems.append("its name is only its value: " + _where(node))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_names_and_descriptions_are_plain_text(tours, lang):
    found = [f"{screen}: {node['role']} {field} {node[field][:80]!r}"
             for screen, tour in tours[lang].items() if "nodes" in tour
             for node in tour["nodes"] for field in ("name", "description") if MARKUP.search(node[field])]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_labels_give_their_words_not_a_caption(tours, lang, screen):
    """What a label shows is all a screen reader gets of it: its name must be those words."""
    tour = tours[lang][screen]
    names = {_squash(node["name"]) for node in tour["nodes"]}
    hidden = [text for text in tour["labels"] if _squash(text) not in names]
    assert tour["labels"], "labels were found on the screen"
    assert not hidden, f"shown but never read: {hidden}"
    heading = tour["facts"].get("heading")
    if heading is not None:
        assert heading and _squash(heading) in names


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_sign_in_is_announced_and_stays_reachable(tours, lang):
    tour = tours[lang]["signin refused"]
    message = tour["facts"]["message"]
    assert message, "the sign-in was refused with a message"
    heard = [e["text"] for e in tours[lang]["signin refused (heard)"] if e["type"] == "announcement"]
    assert message in heard, f"announced: {heard}"
    by_name = {node["name"]: node for node in tour["nodes"]}
    assert message in by_name and by_name[message]["focusable"], "Tab reaches the message"
    secret = next(node for node in tour["nodes"] if node["role"] == "password text")
    assert secret["description"] == message, "the field it is about says it again"


@pytest.mark.parametrize("lang", LANGS)
def test_the_sign_in_screen_offers_both_ways_in_and_says_what_a_pin_takes(tours, lang):
    """Both choices are there as radio buttons (that Tab visits each is checked in test_accessibility.py: with
    no window manager under Xvfb, the window never takes keyboard focus)."""
    nodes = tours[lang]["signin"]["nodes"]
    radios = [node for node in nodes if node["role"] == "radio button"]
    assert len(radios) == 2 and all(node["focusable"] for node in radios), radios
    pin = next(node for node in nodes if node["role"] == "password text")
    assert re.search(r"\b4\b.*\b8\b", pin["description"]), f"the PIN field says what it takes: {pin['description']!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_chart_can_be_reached_and_read(tours, lang):
    tour = tours[lang]["chart"]
    summary, modes = tour["facts"]["summary"], tour["facts"]["modes"]
    assert summary
    described = [node for node in tour["nodes"] if node["focusable"] and node["description"].startswith(summary)]
    assert described, "a focusable element carries the chart's summary as its description"
    for mode in modes:
        node = next(node for node in tour["nodes"] if node["name"] == mode)
        assert node["role"] == "radio button" and node["focusable"], node


@pytest.mark.parametrize("lang", LANGS)
def test_each_rating_in_the_grid_is_linked_to_its_own_label(tours, lang):
    pickers = [node for node in tours[lang]["rate the stages"]["nodes"] if node["role"] == "combo box"]
    labels = [tuple(_labelled_by(node)) for node in pickers]
    assert len(pickers) >= 20, len(pickers)
    assert all(labels) and len(set(labels)) == len(labels), labels
