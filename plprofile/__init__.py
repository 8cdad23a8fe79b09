"""plprofile: co-designed Personal Learner Profiles, offline."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository's ``resources/`` folder (icons, frameworks, translations).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
