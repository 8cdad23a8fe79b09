"""PySide6's check of every module imported, without keeping every module's source in memory.

Once PySide6 is imported, shiboken looks at each Python module imported after it (its ``__feature__`` support:
does the module's source name PySide6?). It reads that source with ``inspect.getsource``, which goes through
``linecache``: the source of every module the app imports (SQLAlchemy, matplotlib, numpy, the app's own…) then
stays in ``linecache.cache`` as lists of lines, for nothing. Measured in the window's process at 10,000 learners:
23 MB once the window is up, 39 MB once the first chart has imported matplotlib.

``keep_no_sources`` makes the same check read the source through the module's loader, as ``linecache`` does,
without keeping it: the same answer for every module, and tracebacks still read their lines when one is shown.
"""

from __future__ import annotations

from types import ModuleType

_installed = False


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source names PySide6 (shiboken's question), read and not kept."""
    loader = getattr(module, "__loader__", None)
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return False
    try:
        source = get_source(module.__name__)
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError, TypeError, AttributeError):
        return False
    return source is not None and "PySide6" in source


def keep_no_sources() -> bool:
    """Install ``uses_pyside`` as shiboken's check (once PySide6 is imported); True when it is in place."""
    global _installed
    if _installed:
        return True
    try:
        from shibokensupport import feature  # shiboken's own support package, there once PySide6 is imported
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False  # another PySide6 asks otherwise: nothing to change
    feature._mod_uses_pyside = uses_pyside
    _installed = True
    return True


__all__ = ["keep_no_sources", "uses_pyside"]
