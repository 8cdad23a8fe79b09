"""Files for no network: a device's changes saved to a sealed file and loaded on another, all or nothing; every
bad file refused in plain words with the store untouched."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Section
from plprofile.services import protect, sync_files
from plprofile.services.accounts import ensure_teacher
from plprofile.services.profiles import ProfileService
from plprofile.services.sync_files import SyncFileError, SyncFileService
from plprofile.store.engine import DB_FILENAME, open_store
from plprofile.store.models import ProfileEntry
from tests.conflicts import build

PASS = "a long passphrase"


@pytest.fixture
def pair(tmp_path):
    made = build(tmp_path)
    yield made
    made.close()


def _dump(store) -> list[str]:
    con = sqlite3.connect(Path(store.path).parent / DB_FILENAME)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _new_words(pair):
    return ProfileService(pair.laptop).add_entry(pair.teacher, pair.learner_id, Section.INTERESTS, "Loves maps")


def test_a_file_for_one_learner_carries_their_changes_and_loading_twice_changes_nothing(pair, tmp_path):
    entry = _new_words(pair)
    other = ProfileService(pair.laptop).add_learner(pair.teacher, given_name="Ben", family_name="Li")
    path = tmp_path / "ana.plpx"
    steps = []
    count = SyncFileService(pair.laptop).save(pair.teacher, path, PASS, pair.learner_id,
                                              report=lambda d, t: steps.append((d, t)))
    assert count == 1 and steps[-1] == (3, 3)  # Ana's new entry; Ben is not in her file
    loaded = SyncFileService(pair.tablet).load(pair.teacher, path, PASS)
    assert (loaded.applied, loaded.skipped, loaded.conflicts, loaded.made_by) == (1, 0, 0, "Ms Rivera")
    with pair.tablet.session() as s:
        assert s.get(ProfileEntry, entry.id).text == "Loves maps"
    assert other.id not in {s.id for s in ProfileService(pair.tablet).list_learners(pair.teacher)}
    before = _dump(pair.tablet)
    again = SyncFileService(pair.tablet).load(pair.teacher, path, PASS)
    assert (again.applied, again.skipped) == (0, 1)
    assert _dump(pair.tablet) == before


def test_a_file_is_never_overwritten(pair, tmp_path):
    path = tmp_path / "taken.plpx"
    path.write_bytes(b"mine")
    with pytest.raises(SyncFileError, match="already exists"):
        SyncFileService(pair.laptop).save(pair.teacher, path, PASS)
    assert path.read_bytes() == b"mine"


def _sealed(path: Path, document: dict) -> Path:
    data = gzip.compress(json.dumps(document).encode("utf-8"))
    protect.protect_bytes(data, path, PASS, "bundle.json.gz")
    return path


def _bad_files(pair, tmp_path, monkeypatch) -> dict[str, Path]:
    _new_words(pair)
    good = tmp_path / "good.plpx"
    SyncFileService(pair.laptop).save(pair.teacher, good, PASS)
    files = {}
    files["not_a_bundle"] = tmp_path / "notes.txt"
    files["not_a_bundle"].write_text("shopping list", encoding="utf-8")
    files["sealed_other"] = tmp_path / "other.plpx"
    protect.protect_bytes(b"a sealed photo", files["sealed_other"], PASS, "photo.jpg")
    raw = good.read_bytes()
    files["damaged"] = tmp_path / "cut.plpx"
    files["damaged"].write_bytes(raw[: len(raw) // 2])
    files["flipped"] = tmp_path / "flipped.plpx"
    files["flipped"].write_bytes(raw[:-20] + bytes(b ^ 0xFF for b in raw[-20:]))
    files["newer"] = _sealed(tmp_path / "newer.plpx", {"format": "plprofile-sync-bundle", "version": 99})
    stranger = open_store(tmp_path / "other-school")
    try:
        ensure_teacher(stranger, "Mr Other", kind="admin")
        files["other_school"] = tmp_path / "other-school.plpx"
        SyncFileService(stranger).save(
            pair.teacher.__class__(account_id=ensure_teacher(stranger).id, role=pair.teacher.role, admin=True),
            files["other_school"], PASS)
    finally:
        stranger.close()
    return files | {"good": good}


@pytest.mark.parametrize(("kind", "words"), [
    ("not_a_bundle", "is not a file of changes"), ("sealed_other", "is not a file of changes"),
    ("damaged", "is damaged"), ("flipped", "is damaged"), ("newer", "newer plprofile"),
    ("other_school", "does not know"), ("passphrase", "passphrase does not open"),
    ("too_big", "too big")])
def test_a_bad_file_is_refused_in_plain_words_and_the_store_is_untouched(pair, tmp_path, monkeypatch, kind, words):
    files = _bad_files(pair, tmp_path, monkeypatch)
    path, passphrase = files.get(kind, files["good"]), PASS
    if kind == "passphrase":
        passphrase = "not the passphrase"
    if kind == "too_big":
        monkeypatch.setattr(sync_files, "MAX_FILE_BYTES", 100)
    before = _dump(pair.tablet)
    with pytest.raises(SyncFileError, match=words) as refused:
        SyncFileService(pair.tablet).load(pair.teacher, path, passphrase)
    assert "Nothing was changed" in str(refused.value) and "Traceback" not in str(refused.value)
    assert _dump(pair.tablet) == before


def test_a_learners_device_takes_no_file_about_other_learners(pair, tmp_path):
    ProfileService(pair.laptop).add_learner(pair.teacher, given_name="Ben", family_name="Li")
    _new_words(pair)
    path = tmp_path / "class.plpx"
    SyncFileService(pair.laptop).save(pair.teacher, path, PASS)
    before = _dump(pair.tablet)
    with pytest.raises(AccessDenied):
        SyncFileService(pair.tablet).load(pair.ana, path, PASS)
    assert _dump(pair.tablet) == before
