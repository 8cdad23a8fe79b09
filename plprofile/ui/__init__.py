"""The Qt user interface. Importing it puts ``kit.import_check`` in place first: from then on, the modules
imported do not leave their source in memory (shiboken's check of each one)."""

import PySide6  # noqa: F401  (shiboken's import check is installed with it)

from .kit.import_check import keep_no_sources

keep_no_sources()
