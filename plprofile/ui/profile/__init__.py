"""The learner's profile: its tabs (about me, sections, backpack, goals, history, conferences) and the conference."""
