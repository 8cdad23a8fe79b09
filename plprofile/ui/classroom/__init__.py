"""A teacher's class: the learner list, the class overview, the snapshot, who is due and what changed."""
