"""Entry script of the PyInstaller build: the same as the ``plprofile`` console script."""

from plprofile.cli import main

raise SystemExit(main())
