"""The family summary: one page with the chart for every demo learner, agreed words only, long texts shortened
with a note, in the family's language, for any past conference; and ``plprofile summary`` in a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from plprofile.domain import profile as d

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfimages") is None,
                                reason="needs poppler-utils (pdfinfo, pdftotext, pdfimages)")

LONG_GOAL = ("I will read one chapter book every two weeks and talk about it with my reading buddy, " * 24)[:1990]
SUGGESTED = "Practise the twelve times table every evening"


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split(":", 1)[1] for line in info.splitlines() if line.startswith("Pages:")))


def _text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())  # the font's ligatures


def _chart_ppi(pdf: Path) -> list[int]:
    """The pixels per inch of each image on the page: the chart is drawn at 8.5 pt when printed at its own size,
    which is when its pixels per inch equal the resolution it was drawn at."""
    rows = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    # a colour emoji in a name (Noto Color Emoji's glyphs are pictures) is a small image of its own: not a chart
    return [int(line.split()[12]) for line in rows.splitlines()[2:]
            if line.strip() and int(line.split()[3]) >= GLYPH_MAX_PX]


#: Wider than any glyph drawn as a picture (a colour emoji is 136 px at most), narrower than any chart.
GLYPH_MAX_PX = 300


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo class, with Zoë given a teacher's goal she never accepted and a 1,990-character goal of her own."""
    from plprofile.services.accounts import cli_teacher, learner_actor
    from plprofile.services.demo import generate_demo
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store
    from plprofile.store.models import Account, Goal

    folder = tmp_path_factory.mktemp("summary") / "data"
    store = open_store(folder)
    generate_demo(store)
    profiles = ProfileService(store)
    teacher = cli_teacher(store)
    zoe = next(ls for ls in profiles.list_learners(teacher) if ls.given_name == "Zoë")
    profiles.add_goal(teacher, zoe.id, SUGGESTED, status=d.GoalStatus.IN_PROGRESS)  # a suggestion, waiting
    with store.session() as s:
        from sqlalchemy import select
        account = s.execute(select(Account).where(Account.learner_id == zoe.id)).scalars().first()
    me = learner_actor(account) if account else d.Actor(account_id=zoe.id, role=d.Role.LEARNER, learner_id=zoe.id)
    long_goal = profiles.add_goal(me, zoe.id, LONG_GOAL, status=d.GoalStatus.IN_PROGRESS)
    profiles.set_shared_with_family(me, Goal, long_goal.id, True)  # her say: her family sees this goal
    store.close()
    return folder


def test_every_demo_learner_gets_one_page_with_a_readable_chart_and_agreed_words_only(demo, tmp_path, qapp):
    from plprofile.charts.figures import PRINT_MIN_POINTS
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.services.report import build_summary
    from plprofile.services.stages import StagesService
    from plprofile.store.engine import open_store
    from plprofile.ui.documents.pdf import CHART_DPI, write_summary_pdf

    store = open_store(demo)
    try:
        profiles = ProfileService(store)
        stages = StagesService(store, profiles)
        teacher = cli_teacher(store)
        learners = profiles.list_learners(teacher)
        assert len(learners) == 25
        unaccepted_seen = 0
        for ls in learners:
            pdf = tmp_path / f"{ls.id}.pdf"
            summary = build_summary(profiles, stages, teacher, ls.id)
            # every learner's words that are not agreed (a suggestion waiting, declined, a teacher-only note) and
            # goals the learner never accepted: none of them may reach the family's page
            view = profiles.load_profile(teacher, ls.id)
            agreed = {e.text for e in view.entries if e.agreement == "agreed" and not e.teacher_only} | {
                g.goal.statement for g in view.goals if g.goal.agreement == "agreed"}
            unaccepted = {e.text for e in view.entries if e.agreement != "agreed" or e.teacher_only} | {
                g.goal.statement for g in view.goals if g.goal.agreement != "agreed"}
            unaccepted = {t for t in unaccepted - agreed if not any(t in a for a in agreed)}
            unaccepted_seen += len(unaccepted)
            assert write_summary_pdf(summary, pdf, "en") == 1, ls.display_name
            assert _pages(pdf) == 1, ls.display_name
            assert _chart_ppi(pdf) == [CHART_DPI], ls.display_name  # the chart, printed at its own size
            text = _text(pdf)
            assert "where we are now" in text and "Overall stage: " in text, ls.display_name
            for heading in ("My strengths", "My challenges", "My interests", "My aspirations", "My goals",
                            "Our next steps"):
                assert heading in text, (ls.display_name, heading)
            for words in unaccepted:
                assert " ".join(words.split()) not in text, (ls.display_name, words)
            if ls.given_name == "Zoë":
                zoe = text
    finally:
        store.close()
    assert unaccepted_seen >= len(learners)  # the demo has waiting suggestions: the check above had work to do
    assert SUGGESTED not in zoe  # never accepted: not the family's to read as "my goal"
    assert "I will read one chapter book every two weeks" in zoe and LONG_GOAL not in zoe
    assert "Some texts are shortened here; the full text is in the profile." in zoe
    assert PRINT_MIN_POINTS >= 8


def test_the_print_chart_has_no_text_under_eight_points():
    from matplotlib.text import Text

    from plprofile.charts.figures import now_print_figure
    from plprofile.domain.framework import default_framework
    from plprofile.domain.progress import Assessment, ElementRating

    fw = default_framework()
    ratings = tuple(ElementRating(e, 1.5, 2.0, 2.0, "", date(2026, 1, 1) if k else None)
                    for k, e in enumerate(fw.element_ids()))
    fig = now_print_figure(Assessment("a", "L", date(2026, 3, 1), fw.id, fw.version, ratings), fw, "en")
    fig.canvas.draw() if fig.canvas else None
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()
    texts = [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
    assert texts and min(t.get_fontsize() for t in texts) >= 8
    assert any(t.get_text().endswith("*") for t in texts)  # carried values are marked


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)


def test_the_summary_command_in_spanish_for_a_past_conference(demo, tmp_path):
    """No display and no QT_QPA_PLATFORM: the command still draws the PDF (offscreen), in Spanish, for the
    conference of the day asked for, with the Stages as they stood then."""
    import sqlite3

    from plprofile.store.engine import DB_FILENAME

    con = sqlite3.connect(demo / DB_FILENAME)
    days = [date.fromisoformat(d) for (d,) in con.execute(
        "SELECT held_on FROM conference JOIN learner ON learner.id = conference.learner_id "
        "WHERE learner.given_name = 'Zoë' ORDER BY held_on")]
    con.close()
    past = days[2]  # the demo's days move with today
    pdf = tmp_path / "zoe-es.pdf"
    result = _run("--data-dir", str(demo), "summary", "Zoë Moreau", "-o", str(pdf), "--lang", "es",
                  "--conference", past.isoformat())
    assert result.returncode == 0, result.stderr
    assert "1 page" in result.stdout and _pages(pdf) == 1
    text = _text(pdf)
    assert "Mis fortalezas" in text and "Mis metas" in text and "Nuestros próximos pasos" in text
    months = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]
    spanish_day = f"{past.day} {months[past.month - 1]}"
    assert f"Reunión del {spanish_day}" in text
    assert f"dónde estamos ahora ({spanish_day}" in text  # the Stages as they stood that day
    assert SUGGESTED not in text


def test_the_summary_command_refuses_clearly_and_writes_nothing(demo, tmp_path):
    pdf = tmp_path / "nobody.pdf"
    result = _run("--data-dir", str(demo), "summary", "Nobody Atall", "-o", str(pdf))
    assert result.returncode == 1 and "no learner called 'Nobody Atall'" in result.stderr and not pdf.exists()
    result = _run("--data-dir", str(demo), "summary", "Zoë", "-o", str(pdf), "--conference", "1999-01-01")
    assert result.returncode == 1 and "no conference on 1999-01-01" in result.stderr and not pdf.exists()
    pdf.write_bytes(b"mine")
    result = _run("--data-dir", str(demo), "summary", "Zoë", "-o", str(pdf))
    assert result.returncode == 1 and "already exists" in result.stderr and pdf.read_bytes() == b"mine"
    result = _run("--data-dir", str(demo), "summary", "Zoë", "-o", str(tmp_path / "zoe.pdf"))
    assert result.returncode == 0, result.stderr
    assert _pages(tmp_path / "zoe.pdf") == 1 and "My goals" in _text(tmp_path / "zoe.pdf")


def test_a_summary_locked_with_a_passphrase_is_a_standard_aes256_pdf(open_window, answers, qtbot, tmp_path,
                                                                      monkeypatch):
    """Chosen in the save dialog at the end of a conference: any PDF reader opens it with the passphrase
    (poppler here), nothing without it; no .plpx a family could not open."""
    from PySide6.QtCore import Qt

    from plprofile.ui.profile import conference_mode

    window = open_window(demo=True)
    window.select_learner(next(window.model.learner(i).id for i in range(window.model.rowCount())
                               if window.model.learner(i).given_name == "Zoë"))
    panel = window.profile
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "zoe-locked.pdf"
    monkeypatch.setattr(conference_mode, "choose_pdf_path", lambda *_a: (str(pdf), True))

    def fill(dialog) -> None:
        dialog.first.setText("maple tree 42")
        dialog.second.setText("maple tree 42")
        dialog.check()

    answers.dialog_filler = fill
    qtbot.mouseClick(panel.conference.end_button, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and pdf.exists() and "locked with the passphrase" in answers.infos[-1]
    info = subprocess.run(["pdfinfo", "-upw", "maple tree 42", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "algorithm:AES-256" in info and "Pages:           1" in info
    assert subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).returncode != 0
    text = subprocess.run(["pdftotext", "-upw", "maple tree 42", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Zoë Moreau" in text


def test_the_summary_command_locks_the_pdf_when_asked(demo, tmp_path):
    pdf = tmp_path / "locked.pdf"
    env_run = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(demo), "summary", "Zoë",
                              "-o", str(pdf), "--protect"], capture_output=True, text=True, timeout=180,
                             env=dict(os.environ, PLPROFILE_PASSPHRASE="maple tree 42"), check=False)
    assert env_run.returncode == 0, env_run.stderr
    assert "locked with the passphrase" in env_run.stdout
    info = subprocess.run(["pdfinfo", "-upw", "maple tree 42", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "algorithm:AES-256" in info
    assert subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).returncode != 0


def test_a_blank_profile_to_print_in_spanish(tmp_path):
    pdf = tmp_path / "en-blanco.pdf"
    result = _run("blank-profile", "-o", str(pdf), "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert 1 <= _pages(pdf) <= 2
    text = _text(pdf)
    for heading in ("Mi perfil de aprendizaje", "Nombre:", "Fecha:", "Fortalezas", "Desafíos", "Intereses",
                    "Aspiraciones", "Una meta en la que estoy trabajando", "Para mi próxima reunión"):
        assert heading in text, heading
    result = _run("blank-profile", "-o", str(pdf))
    assert result.returncode == 1 and "already exists" in result.stderr


def test_a_student_led_conference_summary_in_spanish_speaks_in_the_learners_voice(demo, tmp_path):
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store

    data = tmp_path / "data"
    shutil.copytree(demo, data)
    store = open_store(data)
    try:
        profiles = ProfileService(store)
        teacher = cli_teacher(store)
        zoe = next(ls for ls in profiles.list_learners(teacher) if ls.given_name == "Zoë")
        profiles.add_conference(teacher, zoe.id, date.today(), participants="Zoë, su madre y Ms Rivera",
                                led_by=d.ConferenceLead.LEARNER,
                                remarks=[(d.Speaker.LEARNER, d.RemarkKind.PROUD, "mi maqueta del volcán"),
                                         (d.Speaker.LEARNER, d.RemarkKind.NEED, "un rincón tranquilo"),
                                         (d.Speaker.FAMILY, d.RemarkKind.COMMITMENT, "leer con ella cada noche")])
    finally:
        store.close()
    pdf = tmp_path / "zoe-es.pdf"
    result = _run("--data-dir", str(data), "summary", "Zoë Moreau", "-o", str(pdf), "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert _pages(pdf) == 1
    text = _text(pdf)
    assert "Reunión que dirigí el" in text and "Lo que compartí en mi reunión" in text
    assert "Lo que me enorgullece: mi maqueta del volcán" in text
    assert "Lo que necesito: un rincón tranquilo" in text
    assert "Mi familia va a: leer con ella cada noche" in text
