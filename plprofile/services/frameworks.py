"""The school's framework files: kept beside the store, read once, a damaged copy never stopping the app."""

from __future__ import annotations

from pathlib import Path

from plprofile.domain.framework import Framework, FrameworkError, default_framework, load_framework

FRAMEWORKS_DIRNAME = "frameworks"
#: The ``meta`` row naming the active framework (its id and version, as JSON).
ACTIVE_KEY = "active_framework"


def frameworks_dir(store_path: Path) -> Path:
    return Path(store_path).parent / FRAMEWORKS_DIRNAME


def load_known(folder: Path) -> dict[tuple[str, str], Framework]:
    """The default framework and every readable file in ``folder``, by (id, version)."""
    fw = default_framework()
    known = {fw.key: fw}
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                loaded = load_framework(path)
            except FrameworkError:
                continue  # a damaged copy never stops the app; the default still works
            known[loaded.key] = loaded
    return known


def keep_file(folder: Path, data: bytes, framework: Framework) -> Path:
    """Write a validated framework file into ``folder`` (whole or not at all)."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in f"{framework.id}-{framework.version}")
    target = folder / f"{safe}.json"
    tmp = target.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(target)
    return target
