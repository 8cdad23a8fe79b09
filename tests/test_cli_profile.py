"""``plprofile export profile`` and ``plprofile import-profile`` in real processes: export, import into a store
without learners, export again gives the same file; a second import and a newer file are refused."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, timeout=180,
                          check=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from plprofile.services.demo import generate_demo
    from plprofile.store.engine import open_store

    folder = tmp_path_factory.mktemp("profile") / "data"
    store = open_store(folder)
    generate_demo(store)
    store.close()
    return folder


def test_export_import_export_round_trip_through_the_command_line(demo, tmp_path):
    from plprofile.services.accounts import ensure_teacher
    from plprofile.store.engine import open_store

    first = tmp_path / "zoe.json"
    result = _run("--data-dir", str(demo), "export", "profile", "Zoë Moreau", "-o", str(first))
    assert result.returncode == 0, result.stderr
    assert "Wrote the profile of Zoë Moreau" in result.stdout
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert doc["format"] == "plprofile-profile" and doc["tables"]["goal"] and doc["tables"]["assessment_rating"]

    school = tmp_path / "new-school"
    store = open_store(school)  # another school: a teacher, no learners
    ensure_teacher(store, "Mr Okoye")
    store.close()
    result = _run("--data-dir", str(school), "import-profile", str(first))
    assert result.returncode == 0, result.stderr
    assert "Imported the profile of Zoë Moreau" in result.stdout
    second = tmp_path / "zoe-again.json"
    result = _run("--data-dir", str(school), "export", "profile", "Zoë", "-o", str(second))
    assert result.returncode == 0, result.stderr
    assert second.read_bytes() == first.read_bytes()

    result = _run("--data-dir", str(school), "import-profile", str(first))
    assert result.returncode == 1 and "already in this store" in result.stderr
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(dict(doc, schema_version=doc["schema_version"] + 1)), encoding="utf-8")
    result = _run("--data-dir", str(school), "import-profile", str(newer))
    assert result.returncode == 1 and "newer than this app reads" in result.stderr
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(first.read_bytes()[:5000])
    result = _run("--data-dir", str(school), "import-profile", str(damaged))
    assert result.returncode == 1 and "damaged" in result.stderr
    result = _run("--data-dir", str(demo), "export", "profile", "Zoë", "-o", str(first))
    assert result.returncode == 1 and "already exists" in result.stderr


def test_a_store_without_a_teacher_takes_no_profile(demo, tmp_path):
    from plprofile.store.engine import open_store

    profile = tmp_path / "p.json"
    assert _run("--data-dir", str(demo), "export", "profile", "Zoë", "-o", str(profile)).returncode == 0
    empty = tmp_path / "empty"
    open_store(empty).close()
    result = _run("--data-dir", str(empty), "import-profile", str(profile))
    assert result.returncode == 1 and "no teacher account" in result.stderr


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())  # the font's ligatures


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split(":", 1)[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdfinfo, pdftotext)")
def test_export_profile_to_pdf_writes_a_readable_learner_passport_in_spanish(demo, tmp_path):
    """Every section, every goal with its steps, evidence and latest check-ins, the Stages now, the conferences."""
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store

    store = open_store(demo)
    try:
        profiles = ProfileService(store)
        teacher = cli_teacher(store)
        zoe = next(ls for ls in profiles.list_learners(teacher) if ls.given_name == "Zoë")
        view = profiles.load_profile(teacher, zoe.id)
    finally:
        store.close()
    pdf = tmp_path / "zoe-es.pdf"
    result = _run("--data-dir", str(demo), "export", "profile", "Zoë Moreau", "-o", str(pdf), "--lang", "es")
    assert result.returncode == 0, result.stderr
    pages = _pages(pdf)
    assert pages >= 2 and f"({pages} pages)" in result.stdout
    text = _pdf_text(pdf)
    for heading in ("Pasaporte del aprendiz", "Sobre mí y lo que aporto", "Fortalezas", "Desafíos", "Intereses",
                    "Cómo aprendo mejor", "Mi mochila de aprendizaje", "Voz y elección", "Mis metas",
                    "dónde estamos ahora", "Reuniones"):
        assert heading in text, heading
    flat = " ".join
    for gv in view.goals:  # long statements wrap: compare word runs
        assert flat(gv.goal.statement.split()) in text, gv.goal.statement
        for step in gv.steps:
            assert flat(step.text.split()) in text, step.text
        if gv.checkins:
            newest = max(gv.checkins, key=lambda c: (c.on_date, c.created_at))
            assert flat(newest.reflection.split()) in text
    for entry in view.entries:
        if entry.parent_id is None and entry.agreement in ("agreed", "suggestion"):
            assert flat(entry.text.split()) in text, entry.text
    assert len(view.conferences) == text.count("dirigida por")

    again = _run("--data-dir", str(demo), "export", "profile", "Zoë Moreau", "-o", str(pdf))
    assert again.returncode == 1 and "already exists" in again.stderr


def _store_bytes(folder: Path) -> dict[str, bytes]:
    from plprofile.store.engine import DB_FILENAME

    return {p.name: p.read_bytes() for p in sorted(folder.glob(DB_FILENAME + "*"))}


def test_refusals_leave_the_store_byte_identical_and_merge_adds_only_what_is_missing(demo, tmp_path):
    from plprofile.services.accounts import ensure_teacher
    from plprofile.store.engine import open_store

    first = tmp_path / "zoe.json"
    assert _run("--data-dir", str(demo), "export", "profile", "Zoë Moreau", "-o", str(first)).returncode == 0
    doc = json.loads(first.read_text(encoding="utf-8"))
    school = tmp_path / "new-school"
    store = open_store(school)
    ensure_teacher(store, "Mr Okoye")
    store.close()
    assert _run("--data-dir", str(school), "import-profile", str(first)).returncode == 0

    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(dict(doc, schema_version=doc["schema_version"] + 1)), encoding="utf-8")
    damaged = tmp_path / "damaged.json"
    damaged.write_text(first.read_text(encoding="utf-8")[:-300], encoding="utf-8")
    before = _store_bytes(school)
    assert before
    for file, extra, said in ((first, (), "use --merge"), (newer, (), "newer than this app reads"),
                              (newer, ("--merge",), "newer than this app reads"), (damaged, (), "damaged"),
                              (damaged, ("--merge",), "damaged")):
        result = _run("--data-dir", str(school), "import-profile", str(file), *extra)
        assert result.returncode == 1 and said in result.stderr, (file.name, extra, result.stderr)
        assert _store_bytes(school) == before, (file.name, extra)

    # the learner goes on at the old school: one more goal; a merge brings just that
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.profiles import ProfileService

    old = tmp_path / "old-school"
    shutil.copytree(demo, old)
    store = open_store(old)
    try:
        profiles = ProfileService(store)
        teacher = cli_teacher(store)
        zoe = next(ls for ls in profiles.list_learners(teacher) if ls.given_name == "Zoë")
        profiles.add_goal(teacher, zoe.id, "Try out for the school football team")
    finally:
        store.close()
    second = tmp_path / "zoe-later.json"
    assert _run("--data-dir", str(old), "export", "profile", "Zoë Moreau", "-o", str(second)).returncode == 0
    result = _run("--data-dir", str(school), "import-profile", str(second), "--merge")
    assert result.returncode == 0, result.stderr
    total = sum(len(rows) for rows in doc["tables"].values()) + (doc["account"] is not None)
    assert f"added 1 row(s); left {total} already here as they were" in result.stdout
    third = tmp_path / "zoe-merged.json"
    assert _run("--data-dir", str(school), "export", "profile", "Zoë", "-o", str(third)).returncode == 0
    assert third.read_bytes() == second.read_bytes()  # the same profile as at the old school, nothing else


def _run_with(env_extra: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, timeout=180,
                          check=False, env=env, stdin=subprocess.DEVNULL)


def test_a_profile_sealed_with_a_passphrase_opens_only_with_it(demo, tmp_path):
    from plprofile.services.accounts import ensure_teacher
    from plprofile.store.engine import open_store

    secret = {"PLPROFILE_PASSPHRASE": "correct horse battery"}
    result = _run_with(secret, "--data-dir", str(demo), "export", "profile", "Zoë Moreau", "-o",
                       str(tmp_path / "zoe.json"), "--protect")
    assert result.returncode == 0, result.stderr
    sealed = tmp_path / "zoe.json.plpx"
    assert "sealed with the passphrase" in result.stdout and sealed.exists() and not (tmp_path / "zoe.json").exists()
    body = sealed.read_bytes()
    assert body.startswith(b"PLPX") and b"Moreau" not in body and "Zoë".encode() not in body

    school = tmp_path / "new-school"
    store = open_store(school)
    ensure_teacher(store, "Mr Okoye")
    store.close()
    before = _store_bytes(school)
    wrong = _run_with({"PLPROFILE_PASSPHRASE": "not the passphrase"}, "--data-dir", str(school), "import-profile",
                      str(sealed))
    assert wrong.returncode == 1 and "that passphrase does not open zoe.json.plpx" in wrong.stderr
    assert _store_bytes(school) == before
    cut = tmp_path / "cut.json.plpx"
    cut.write_bytes(body[:-40])
    damaged = _run_with(secret, "--data-dir", str(school), "import-profile", str(cut))
    assert damaged.returncode == 1 and "damaged" in damaged.stderr and _store_bytes(school) == before

    right = _run_with(secret, "--data-dir", str(school), "import-profile", str(sealed))
    assert right.returncode == 0 and "Imported the profile of Zoë Moreau" in right.stdout
    plain = tmp_path / "plain.json"
    again = tmp_path / "again.json"
    assert _run("--data-dir", str(demo), "export", "profile", "Zoë Moreau", "-o", str(plain)).returncode == 0
    assert _run("--data-dir", str(school), "export", "profile", "Zoë", "-o", str(again)).returncode == 0
    assert again.read_bytes() == plain.read_bytes()
