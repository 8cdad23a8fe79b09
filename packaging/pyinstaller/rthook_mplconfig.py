"""PyInstaller run-time hook: give matplotlib a persistent config folder.

PyInstaller's own hook (``pyi_rth_mplconfig``, dropped from this build in ``plprofile.spec``) points
MPLCONFIGDIR at a fresh temporary folder and deletes it at exit, which makes matplotlib rebuild its font
cache (about a second or more) every time the first chart is drawn. This one-folder build lives at a fixed
place, so a folder under the user's cache dir is safe; if the install moves, matplotlib notices the missing
font files and rebuilds the cache once. A MPLCONFIGDIR set by the user is left alone.
"""


def _plprofile_mplconfig() -> None:
    import os

    if os.environ.get("MPLCONFIGDIR"):
        return
    try:
        from platformdirs import user_cache_dir

        folder = os.path.join(user_cache_dir("plprofile", appauthor=False), "matplotlib")
        os.makedirs(folder, exist_ok=True)
    except Exception:  # an unwritable home: let matplotlib fall back to its own temporary folder
        return
    os.environ["MPLCONFIGDIR"] = folder


_plprofile_mplconfig()
del _plprofile_mplconfig
