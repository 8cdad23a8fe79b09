"""``python -m plprofile.bench``: the school benchmark (``plprofile/bench/school.py``)."""

import os
import sys

from plprofile.bench.school import main

code = main()
sys.stdout.flush()
sys.stderr.flush()
# Leave without tearing down PySide6 and matplotlib objects at interpreter exit: with a whole school
# measured, that teardown has been seen to abort in a C extension after every figure was written.
os._exit(code)
