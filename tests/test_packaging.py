"""Packaging files, checked without building: desktop entry, AppStream metadata, icons, the PyInstaller spec."""

from __future__ import annotations

import ast
import configparser
import os
import runpy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import plprofile
from plprofile.app import APP_ID

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "plprofile.spec"
ICONS = ROOT / "resources" / "icons"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_id_and_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "plprofile"
    assert entry["Terminal"] == "false"
    assert "Education" in entry["Categories"].split(";")


def test_metainfo_matches_the_app():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.find("content_rating") is not None
    assert root.find("description/p") is not None
    image = root.findtext("screenshots/screenshot/image")
    assert image.startswith("https://") and image.endswith("resources/screenshots/main-window.png")
    releases = [r.get("version") for r in root.findall("releases/release")]
    assert releases[0] == plprofile.__version__, "the newest <release> must be the package's version"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_hicolor_icon_has_its_size(size):
    from PySide6.QtGui import QImage

    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), f"missing {path.relative_to(ROOT)}: run packaging/make_icons.py"
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()  # rounded corners: transparent outside the square


def test_icon_sources_are_there():
    assert (ICONS / "plprofile.svg").is_file()
    assert (ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def spec_constants() -> dict[str, object]:
    """The spec's literal top-level constants (the spec itself runs only inside PyInstaller)."""
    constants = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return constants


def test_spec_names_the_app_and_leaves_out_unused_qt():
    constants = spec_constants()
    assert constants["APP_ID"] == APP_ID
    excludes = set(constants["QT_EXCLUDES"])
    for module in ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtQml", "PySide6.QtQuick",
                   "PySide6.QtMultimedia", "PySide6.Qt3DCore"):
        assert module in excludes
    # Used by the app, or imported by matplotlib's Qt backend: excluding them breaks the built app.
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"):
        assert module not in excludes
    assert set(constants["LANGUAGES"]) == {"en", "es"}
    assert "COLLECT(" in SPEC.read_text(encoding="utf-8")  # one-folder mode


def test_spec_ships_resources_next_to_the_package_and_the_migrations_as_files():
    text = SPEC.read_text(encoding="utf-8")
    assert 'Path("resources")' in text
    assert 'Path("plprofile/store/migrations")' in text
    assert plprofile.RESOURCES == ROOT / "resources"  # what the bundle layout reproduces under _internal/


def spec_helpers() -> dict[str, object]:
    """The spec's constants and helper functions (everything before PyInstaller's Analysis runs)."""
    module = ast.parse(SPEC.read_text(encoding="utf-8"))
    body = []
    for node in module.body:
        if isinstance(node, ast.Assign) and "Analysis" in ast.unparse(node.value):
            break
        body.append(node)
    namespace: dict[str, object] = {"SPECPATH": str(PACKAGING)}
    exec(compile(ast.Module(body=body, type_ignores=[]), str(SPEC), "exec"), namespace)  # noqa: S102
    return namespace


def test_spec_ships_our_translations_and_qts_own_for_the_shipped_languages():
    spec = spec_helpers()
    shipped = {Path(src).name: dest for src, dest in spec["resource_files"]()}
    for lang in ("es", "en"):
        assert shipped[f"plprofile_{lang}.qm"] == str(Path("resources") / "translations")
    assert not [name for name in shipped if name.endswith((".ts", ".md"))]
    keep = spec["keep"]
    qt = "PySide6/Qt/translations/"
    assert keep((qt + "qtbase_es.qm", "src", "DATA")) and keep((qt + "qt_es.qm", "src", "DATA"))
    assert keep((qt + "qtbase_en.qm", "src", "DATA"))
    assert not keep((qt + "qtbase_fr.qm", "src", "DATA"))
    assert not keep((qt + "qtdeclarative_es.qm", "src", "DATA"))  # QML is not shipped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG cache folder")
def test_runtime_hook_gives_matplotlib_a_persistent_folder(tmp_path, monkeypatch):
    hook = PACKAGING / "pyinstaller" / "rthook_mplconfig.py"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("MPLCONFIGDIR", "placeholder")  # so that monkeypatch restores the real value afterwards
    monkeypatch.delenv("MPLCONFIGDIR")
    runpy.run_path(str(hook))
    folder = tmp_path / "cache" / "plprofile" / "matplotlib"
    assert os.environ["MPLCONFIGDIR"] == str(folder)
    assert folder.is_dir()

    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mine"))
    runpy.run_path(str(hook))
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "mine")  # the user's choice wins


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_build_script_parses():
    result = subprocess.run(["bash", "-n", str(PACKAGING / "build.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_windows_installer_script_uses_the_built_folder_and_icon():
    text = (PACKAGING / "windows" / "plprofile.iss").read_text(encoding="utf-8")
    assert r"..\..\dist\plprofile\*" in text
    assert r"..\..\resources\icons\plprofile.ico" in text
    assert f'"{APP_ID}"' in text
    assert (ICONS / "plprofile.ico").is_file() and (ICONS / "plprofile.icns").is_file()
