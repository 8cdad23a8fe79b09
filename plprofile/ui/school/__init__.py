"""The school: staff accounts, school years, OneRoster sets."""
