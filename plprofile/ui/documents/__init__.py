"""What leaves the app on paper or as a file: the family summary, the passport, the blank profile, the export."""
