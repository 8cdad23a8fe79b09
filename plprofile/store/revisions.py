"""The schema revisions this code knows: what the engine opens, the schema check compares against, and a backup's
revision is judged by. Their own module, so the engine and the schema check both read them without importing
each other."""

#: The code's schema head. A test checks it equals Alembic's head, so it cannot drift.
SCHEMA_HEAD = "0017_evidence_say"
#: Every revision this code knows, oldest first. A store at any other revision is from a newer app.
KNOWN_REVISIONS = ("0001_initial", "0002_class_overview_indexes", "0003_change_log_signed_in",
                   "0004_assessment_spans", "0005_partial_assessments", "0006_school_structure",
                   "0007_school_years", "0008_sync", "0010_student_led_conferences", "0012_teacher_week",
                   "0013_family_contacts", "0014_evidence_files", "0015_week_indexes_days_off",
                   "0016_learners_say", "0017_evidence_say")
