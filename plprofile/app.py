"""Qt bootstrap: show the window first, open the store right after the first paint."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_ID = "org.plprofile.PLProfile"
SCREENSHOT_TIMEOUT_MS = 120_000


def make_application(argv: list[str] | None = None):  # noqa: ANN201
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from plprofile.ui.kit.import_check import keep_no_sources

    keep_no_sources()  # the modules imported from here on leave no source in memory
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("plprofile")
    app.setApplicationName("plprofile")
    app.setApplicationDisplayName("plprofile")
    QGuiApplication.setDesktopFileName(APP_ID)
    # the icon (eight PNG files looked up) once the first window is up and taking input
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: app.setWindowIcon(_app_icon())))
    from .i18n import apply_font_size, install_translators

    install_translators(app)  # before any widget exists: the system's language, the setting or $PLPROFILE_LANG
    apply_font_size(app)  # the system's text size, unless the setting or $PLPROFILE_FONT_SIZE asks for another
    return app


def _app_icon():  # noqa: ANN202
    from PySide6.QtGui import QIcon

    from . import RESOURCES

    icon = QIcon.fromTheme(APP_ID)  # the installed hicolor icon on Linux
    if icon.isNull():
        icon = QIcon()
        for n in (16, 24, 32, 48, 64, 128, 256, 512):
            icon.addFile(str(RESOURCES / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"))
    return icon


def run_gui(data_dir: Path, *, demo: bool = False, screenshot: Path | None = None, learner: str | None = None,
            view: str = "profile", store_key: bytes | None = None, as_learner: bool = False) -> int:
    if screenshot is not None and not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application()
    from plprofile.ui.shell.single_instance import StoreGuard

    guard = StoreGuard(Path(data_dir))  # one running plprofile per store on this computer
    if not guard.acquire():
        return _already_open(guard, Path(data_dir), screenshot is not None)
    from plprofile.ui.shell.main_window import MainWindow

    # A screenshot is taken by whoever holds the store file; it shows the first teacher's view, or the
    # sign-in screen itself with --view signin.
    window = MainWindow(data_dir, demo=demo, learner_name=learner, offer_demo=screenshot is None,
                        require_sign_in=screenshot is None or view == "signin")
    window.store_key = store_key  # an encrypted store unlocked from $PLPROFILE_PASSWORD (screenshots only)
    guard.on_show = lambda: _bring_forward(window)
    window.show()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: QTimer.singleShot(0, guard.listen))  # after the first paint
    _report_busy_store()
    try:
        if screenshot is None:
            return app.exec()
        window.resize(1400, 900)  # the same frame for every screenshot, whatever was saved last time
        return _screenshot(app, window, Path(screenshot), view, as_learner)
    finally:
        guard.release()


def _already_open(guard, data_dir: Path, screenshot: bool) -> int:  # noqa: ANN001
    """A second start on a store that is open: bring the first window forward, or say where the store is open."""
    from PySide6.QtCore import QCoreApplication

    if not screenshot and guard.ask_first_to_show():
        print(f"plprofile: the store in {data_dir} is already open; its window was brought forward.",
              file=sys.stderr)
        return 0
    message = QCoreApplication.translate(
        "app", "The store in {folder} is already open in another plprofile, on this computer or on another one "
               "that shares the folder. Close it there, then start plprofile again.").format(folder=data_dir)
    print(f"plprofile: {message}", file=sys.stderr)
    if not screenshot:
        from plprofile.ui.kit import ask

        ask.error(None, QCoreApplication.translate("app", "plprofile is already open"), message)
    return 1


def _bring_forward(window) -> None:  # noqa: ANN001
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _report_busy_store() -> None:
    """A write that found the store busy for too long, outside the usual error funnel (``ui.common.attempt``),
    is still said in plain words, not left as a traceback on the console."""
    previous = sys.excepthook

    def hook(kind, exc, tb) -> None:  # noqa: ANN001
        engine = sys.modules.get("plprofile.store.engine")  # not loaded yet: it cannot be the store's error
        if engine is not None and isinstance(exc, engine.StoreBusyError):
            from PySide6.QtWidgets import QApplication

            from plprofile.ui.kit.common import show_busy

            show_busy(QApplication.activeWindow())
            return
        previous(kind, exc, tb)

    sys.excepthook = hook


def _show_view(window, view: str):  # noqa: ANN001, ANN201
    """Bring a named view to the front and return the widget to capture (used by --screenshot --view)."""
    if window.profile is None or view in ("profile", "signin"):
        return window
    if view == "class":
        return window.open_class_overview()
    if view == "sync":  # the school hub's status in the status bar, once the first round has ended
        return window.hub.for_screenshot()
    if view == "decide":  # Needs a decision: the learner named with --learner, else all (a learner: their own)
        from .ui.operations.decide import open_decisions

        named = window.learner_name and not window.ctx.is_learner
        return open_decisions(window, window.ctx, window.current_learner_id() if named else None)
    if view in ("snapshot", "due", "feed"):  # the teacher's week: windows of their own
        return getattr(window, f"open_{view}")()
    if view == "conference":  # conference mode open on the learner, the learner writing
        from plprofile.domain.profile import Role

        window.profile.start_conference()
        if window.profile.conference is not None:
            window.profile.conference.choose_writer(Role.LEARNER)
        return window
    if view == "conference-learner-led":  # a student-led conference: the learner's agenda first
        from plprofile.domain.profile import ConferenceLead

        window.profile.start_conference()
        if window.profile.conference is not None:
            window.profile.conference.choose_lead(ConferenceLead.LEARNER)
        return window
    if view == "evidence":  # the goals page scrolled to the chosen goal's evidence and its files
        goals = window.profile.goals
        window.profile.tabs.setCurrentWidget(goals)
        goals.scroll.widget().adjustSize()
        goals.scroll.ensureWidgetVisible(goals.evidence_box, 0, 0)
        return window
    if view in ("goals", "stages"):  # the goals page, or the Stages rating form
        window.profile.tabs.setCurrentWidget(window.profile.goals if view == "goals" else window.profile.stages_page)
        if view == "stages":
            window.profile.stages_page.tabs.setCurrentWidget(window.profile.stages_page.entry)
        return window
    window.profile.tabs.setCurrentWidget(window.profile.stages_page)
    window.profile.stages_page.show_chart(view)
    return window


def _screenshot(app, window, path: Path, view: str, as_learner: bool = False) -> int:  # noqa: ANN001
    from PySide6.QtCore import QTimer

    result = {"code": 2}
    switched: list[bool] = []

    def grab() -> None:
        if as_learner and not switched and not getattr(window, "learner_not_found", False):
            from plprofile.ui.shell.as_learner import start_learner_session

            switched.append(True)  # that learner's session emits ``ready`` again: the picture is taken then
            if start_learner_session(window):
                return
        if getattr(window, "learner_not_found", False):
            print(f"plprofile: no single learner is called {window.learner_name!r}; nothing was written "
                  "(give a full name, or a name only one learner has)", file=sys.stderr)
            result["code"] = 2
            app.quit()
            return
        try:
            target = _show_view(window, view)
            app.processEvents()
            path.parent.mkdir(parents=True, exist_ok=True)
            ok = target.grab().save(str(path))
            result["code"] = 0 if ok else 1
            if not ok:
                print(f"plprofile: could not write {path}", file=sys.stderr)
        except Exception as exc:  # report and exit non-zero rather than hang
            print(f"plprofile: screenshot failed: {exc}", file=sys.stderr)
            result["code"] = 1
        app.quit()

    def failed(message: str) -> None:
        print(f"plprofile: {message}", file=sys.stderr)
        result["code"] = 1
        app.quit()

    def timeout() -> None:
        print("plprofile: timed out waiting for the store to open", file=sys.stderr)
        app.quit()

    (window.signin_shown if view == "signin" else window.ready).connect(lambda: QTimer.singleShot(50, grab))
    window.failed.connect(failed)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timeout)
    app.exec()
    window.close()
    return result["code"]


def _write_learner_pdf(data_dir: Path, key: bytes | None, name: str, output: Path, passphrase: str | None,
                       build, paint) -> tuple[str, int]:  # noqa: ANN001
    """A PDF about the learner called ``name``, written to ``output`` through ``output.part``: ``build(profiles,
    stages, actor, learner_id)`` gathers what it shows, ``paint(content, target)`` draws it (a path or a buffer)
    and returns its pages. With ``passphrase``, a standard AES-256 PDF locked in memory: no plain copy touches
    the disk. Runs without a screen (the offscreen platform when there is no display). Returns (the learner's
    name, pages)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from .services.accounts import cli_teacher
    from .services.profiles import ProfileService
    from .services.report import pick_learner
    from .services.stages import StagesService
    from .store.engine import open_store

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841  (the PDF needs it)
    store = open_store(data_dir, key)
    try:
        actor = cli_teacher(store)
        profiles = ProfileService(store)
        learner = pick_learner(profiles.list_learners(actor), name)
        content = build(profiles, StagesService(store, profiles), actor, learner.id)
        tmp = output.with_name(output.name + ".part")
        if passphrase is None:
            pages = paint(content, str(tmp))
        else:
            from PySide6.QtCore import QBuffer, QIODevice

            from .services.pdf_lock import lock_pdf

            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            pages = paint(content, buffer)
            buffer.close()
            tmp.write_bytes(lock_pdf(bytes(buffer.data()), passphrase))
        tmp.replace(output)
        return learner.display_name, pages
    finally:
        store.close()


def write_passport(data_dir: Path, key: bytes | None, name: str, output: Path, lang: str,
                   passphrase: str | None = None) -> tuple[str, int]:
    """The learner passport of the learner called ``name`` (``plprofile export profile NAME -o FILE.pdf``):
    their whole profile as a PDF in ``lang``. Returns (the learner's name, pages)."""
    from plprofile.ui.documents.passport import write_passport_pdf

    from .services.passport import build_passport

    return _write_learner_pdf(data_dir, key, name, output, passphrase, build_passport,
                              lambda passport, target: write_passport_pdf(passport, target, lang))


def write_summary(data_dir: Path, key: bytes | None, name: str, output: Path, lang: str,
                  held_on=None, passphrase: str | None = None) -> tuple[str, int]:  # noqa: ANN001
    """The family summary of the learner called ``name`` (``plprofile summary``) in ``lang``, for the conference
    held on ``held_on`` (None: the latest). Returns (the learner's name, pages)."""
    from plprofile.ui.documents.pdf import write_summary_pdf

    from .services.report import build_summary

    return _write_learner_pdf(
        data_dir, key, name, output, passphrase,
        lambda profiles, stages, actor, learner_id: build_summary(profiles, stages, actor, learner_id,
                                                                  held_on=held_on),
        lambda summary, target: write_summary_pdf(summary, target, lang))


def write_blank(output: Path, lang: str) -> int:
    """A blank profile to print (``plprofile blank-profile``), written to ``output`` in ``lang``; its pages."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from plprofile.ui.documents.blank import write_blank_profile

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841  (the PDF needs it)
    tmp = output.with_name(output.name + ".part")
    pages = write_blank_profile(str(tmp), lang)
    tmp.replace(output)
    return pages
