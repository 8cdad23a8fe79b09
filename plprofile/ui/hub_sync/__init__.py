"""Sync in the window: pairing with the school hub (``pair_dialog``), showing a learner's code (``show_code``),
the quiet background sync (``background``) and its status in the status bar (``status``)."""
