"""Walk the AT-SPI tree of one running application and print it as JSON: what a screen reader (Orca) reads.

Run by the system's Python, which has the AT-SPI bindings (Debian: python3-pyatspi), not by the project's venv:

    python3 atspi_walk.py walk PID            one line of JSON: every object shown on screen, depth first
    python3 atspi_walk.py listen PID SECONDS  prints "listening", then one line of JSON: the announcements and
                                              the focus changes the application sent meanwhile
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi

WAIT_FOR_APP_S = 20


def find_app(pid: int):  # noqa: ANN201
    deadline = time.monotonic() + WAIT_FOR_APP_S
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:  # an application going away meanwhile  # noqa: BLE001
                continue
        time.sleep(0.2)
    raise SystemExit(f"no application with pid {pid} on the accessibility bus")


def _text_of(obj) -> str | None:  # noqa: ANN001
    try:
        text = obj.queryText()
    except NotImplementedError:
        return None
    return text.getText(0, -1)


def _value_of(obj) -> float | None:  # noqa: ANN001
    try:
        return obj.queryValue().currentValue
    except NotImplementedError:
        return None


def describe(obj, path: str) -> dict:  # noqa: ANN001
    states = obj.getState()
    relations = {}
    for relation in obj.getRelationSet():
        kind = pyatspi.relationToString(relation.getRelationType()) if hasattr(pyatspi, "relationToString") \
            else str(relation.getRelationType())
        targets = [relation.getTarget(i) for i in range(relation.getNTargets())]
        relations.setdefault(str(kind).lower().replace("_", "-"), []).extend(
            {"name": t.name or "", "role": t.getRoleName()} for t in targets if t)
    return {
        "path": path,
        "role": obj.getRoleName(),
        "name": obj.name or "",
        "description": obj.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "enabled": states.contains(pyatspi.STATE_ENABLED),
        "editable": states.contains(pyatspi.STATE_EDITABLE),
        "text": _text_of(obj),
        "value": _value_of(obj),
        "relations": relations,
    }


def walk(obj, path: str, out: list[dict]) -> None:  # noqa: ANN001
    if not obj.getState().contains(pyatspi.STATE_SHOWING):
        return
    node = describe(obj, path)
    out.append(node)
    if node["role"] in ("table", "tree table", "tree", "list"):  # its cells: a sample is enough, not thousands
        count = min(obj.childCount, 40)
    else:
        count = obj.childCount
    for i in range(count):
        child = obj.getChildAtIndex(i)
        if child is not None:
            walk(child, f"{path}/{i}", out)


def main(argv: list[str]) -> int:
    command, pid = argv[1], int(argv[2])
    app = find_app(pid)
    if command == "walk":
        nodes: list[dict] = []
        for i in range(app.childCount):
            window = app.getChildAtIndex(i)
            if window is not None:
                walk(window, str(i), nodes)
        print(json.dumps(nodes))
        return 0
    if command == "listen":
        seconds = float(argv[3])
        events: list[dict] = []

        def heard(event) -> None:  # noqa: ANN001
            try:
                if event.host_application is None or event.host_application.get_process_id() != pid:
                    return
            except Exception:  # noqa: BLE001
                return
            if event.type.startswith("object:announcement"):
                events.append({"type": "announcement", "text": str(event.any_data or "")})
            elif event.detail1:
                source = event.source
                events.append({"type": "focus", "role": source.getRoleName(), "name": source.name or "",
                               "text": _text_of(source)})

        pyatspi.Registry.registerEventListener(heard, "object:announcement", "object:state-changed:focused")
        from gi.repository import GLib

        GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop() or False)
        print("listening", flush=True)
        pyatspi.Registry.start()
        print(json.dumps(events), flush=True)
        return 0
    raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
