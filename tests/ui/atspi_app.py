"""Drive the real app through its screens and have the AT-SPI walker read each one (see test_atspi.py).

    python atspi_app.py DATA_DIR LEARNER WALKER OUT.json

The app is built as ``plprofile`` builds it (``make_application``, the main window with its sign-in screen);
its language comes from $PLPROFILE_LANG. Each screen is reached as a person reaches it (typing into the sign-in
form, choosing tabs), and the walker (``atspi_walk.py``, run by WALKER: the system's Python, which has the
AT-SPI bindings) reads it over the accessibility bus while this process's event loop answers. LEARNER is a demo
learner's sign-in name. OUT.json maps each screen to what the walker read, the words the screen's labels show
(worked out from the widgets, not from what Qt tells assistive technology) and a few facts to look for.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QTimer
from PySide6.QtGui import Qt as GuiQt  # where mightBeRichText lives
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from plprofile.app import make_application
from plprofile.services.demo import DEMO_PIN, DEMO_TEACHER
from plprofile.ui.shell.main_window import MainWindow

WALKER = str(Path(__file__).with_name("atspi_walk.py"))
SETTLE_MS = 300
POLL_MS = 50
LISTEN_SECONDS = "2.5"
DEADLINE_MS = 240_000


class Step:
    def __init__(self, name: str, action: Callable[[], object], *, ready: Callable[[], bool] = lambda: True,
                 facts: Callable[[], dict] = dict, listen: bool = False) -> None:
        self.name, self.action, self.ready, self.facts, self.listen = name, action, ready, facts, listen


class Tour:
    def __init__(self, data_dir: Path, learner: str, walker: str, out: Path) -> None:
        self.app = make_application()
        self.window = MainWindow(data_dir, offer_demo=False, require_sign_in=True)
        self.window.resize(1400, 900)
        self.learner, self.walker, self.out = learner, walker, out
        self.results: dict[str, object] = {}
        self.steps = list(self.plan())
        self.started = False
        self.window.signin_shown.connect(self._first)
        self.window.failed.connect(lambda message: self.fail(f"the store did not open: {message}"))
        QTimer.singleShot(DEADLINE_MS, lambda: self.fail("timed out"))

    # ---- the screens, in the order a person meets them -----------------------------------------------
    def plan(self):  # noqa: ANN201
        w = self.window

        def sign_in(user: str, secret: str, teacher: bool) -> None:
            page = w.signin
            (page.teacher_radio if teacher else page.learner_radio).setChecked(True)
            page.username.setText(user)
            page.secret.setText(secret)
            page.button.click()

        def tab(name: str):  # noqa: ANN202
            return lambda: w.profile.tabs.setCurrentWidget(getattr(w.profile, name))

        def session() -> bool:
            return w.profile is not None and w.pages.currentWidget() is w.splitter

        def rate() -> None:
            w.profile.tabs.setCurrentWidget(w.profile.stages_page)
            w.profile.stages_page.tabs.setCurrentWidget(w.profile.stages_page.entry)

        def chart() -> None:
            w.profile.tabs.setCurrentWidget(w.profile.stages_page)
            w.profile.stages_page.show_chart("now")

        def chart_facts() -> dict:
            view = w.profile.stages_page.charts["now"]
            return {"summary": view.summary.text(),
                    "modes": [b.text().replace("&", "") for b in (view.chart_button, view.table_button)]}

        yield Step("signin", lambda: None)
        yield Step("signin teacher", lambda: w.signin.teacher_radio.setChecked(True))
        yield Step("signin refused", lambda: sign_in(DEMO_TEACHER[0], "not the password", teacher=True), listen=True)
        yield Step("signin refused", lambda: None, facts=lambda: {"message": w.signin.message.text()})
        yield Step("about me", lambda: sign_in(*DEMO_TEACHER, teacher=True), ready=session,
                   facts=lambda: {"heading": w.profile.name_label.text()})
        yield Step("goals", tab("goals"))
        yield Step("rate the stages", rate, ready=lambda: bool(w.profile.stages_page.entry.rows))
        yield Step("chart", chart, ready=lambda: w.profile.stages_page.charts["now"].canvas is not None,
                   facts=chart_facts)
        yield Step("learner", lambda: (w.sign_out(), sign_in(self.learner, DEMO_PIN, teacher=False)),
                   ready=session, facts=lambda: {"heading": w.profile.name_label.text()})
        yield Step("learner goals", tab("goals"))

    # ---- running ----------------------------------------------------------------------------------------
    def _first(self) -> None:
        if not self.started and self.window.signin.auth is not None:
            self.started = True
            QTimer.singleShot(SETTLE_MS, self._next)

    def _next(self) -> None:
        if not self.steps:
            self.out.write_text(json.dumps(self.results), encoding="utf-8")
            self.window.close()
            self.app.exit(0)
            return
        step = self.steps.pop(0)
        process = QProcess()
        self.process = process  # kept alive until it finishes
        pid = str(self.app.applicationPid())
        process.finished.connect(lambda *_: self._collect(step, process))
        if step.listen:  # listen while the action happens
            def started() -> None:
                if b"listening" in bytes(process.peek(4096)):
                    process.readyReadStandardOutput.disconnect(started)
                    QTimer.singleShot(SETTLE_MS, lambda: self._run(step.action))

            process.readyReadStandardOutput.connect(started)
            process.start(self.walker, [WALKER, "listen", pid, LISTEN_SECONDS])
            return
        if self._run(step.action):
            self._when_ready(step, lambda: process.start(self.walker, [WALKER, "walk", pid]))

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except Exception as exc:  # say what broke rather than wait for the deadline  # noqa: BLE001
            self.fail(f"{exc!r}")
            return False
        return True

    def _when_ready(self, step: Step, then: Callable[[], None]) -> None:
        if step.ready():
            QTimer.singleShot(SETTLE_MS, then)
        else:
            QTimer.singleShot(POLL_MS, lambda: self._when_ready(step, then))

    def _collect(self, step: Step, process: QProcess) -> None:
        output = bytes(process.readAllStandardOutput()).decode().strip()
        if process.exitCode() != 0 or not output:
            self.fail(f"the walker failed on {step.name!r}: {bytes(process.readAllStandardError()).decode()}")
            return
        found = json.loads(output.splitlines()[-1])
        if step.listen:
            self.results[f"{step.name} (heard)"] = found
        else:
            self.results[step.name] = {"nodes": found, "labels": self.labels(), "facts": step.facts()}
        QTimer.singleShot(0, self._next)

    def labels(self) -> list[str]:
        """The words every label on screen shows: each must reach the AT-SPI tree."""
        shown = []
        for label in self.window.findChildren(QLabel):
            if not label.isVisible() or not label.text():
                continue
            text = label.text()
            if label.textFormat() == Qt.TextFormat.RichText or (
                    label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
                document = QTextDocument()
                document.setHtml(text)
                text = document.toPlainText()
            else:  # a mnemonic's "&" is not read
                text = re.sub(r"&(.)", r"\1", text)
            if text.strip():
                shown.append(text)
        return shown

    def fail(self, message: str) -> None:
        print(f"atspi_app: {message}", file=sys.stderr)
        self.out.write_text(json.dumps(self.results), encoding="utf-8")
        self.app.exit(1)


def main(argv: list[str]) -> int:
    tour = Tour(Path(argv[1]), argv[2], argv[3], Path(argv[4]))

    def broke(kind, value, traceback) -> None:  # noqa: ANN001  # an error in a slot ends the tour at once
        sys.__excepthook__(kind, value, traceback)
        tour.fail(f"{kind.__name__}: {value}")

    sys.excepthook = broke
    tour.window.show()
    return tour.app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
