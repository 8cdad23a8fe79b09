"""The learner's own space: the home a learner's session opens on."""
