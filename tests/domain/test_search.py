"""Names as people type them: folding without case, accents or apostrophes."""

from __future__ import annotations

from plprofile.domain.search import fold, learner_key, matches_name, query_words


def test_fold_meets_what_people_type():
    assert fold("Zoë") == fold("ZOE") == "zoe"
    assert fold("Tomás") == "tomas"
    assert fold("Müller") == "muller"
    assert fold("Núñez") == fold("Nu\u0303n\u0303ez") == "nunez"  # composed or decomposed
    assert fold("O’Brien") == fold("O'Brien") == fold("obrien") == "obrien"
    assert fold("Straße") == "strasse"
    assert fold("ﬁona") == "fiona"  # a ligature a word processor made


def test_query_words_and_learner_key():
    assert query_words("  O’Bri  SEÁN ") == ("obri", "sean")
    key = learner_key("Seán", "O'Brien", "Shay", "S-1042")
    assert all(w in key for w in query_words("sean obrien shay s-1042"))


def test_matches_name_full_partial_or_not():
    assert matches_name("Zoe Moreau", "Zoé", "Moreau", "Zoé") == 2
    assert matches_name("  zoe   MOREAU ", "Zoé", "Moreau", "Zoé") == 2
    assert matches_name("Shay o’brien", "Seán", "O'Brien", "Shay") == 2
    assert matches_name("moreau", "Zoé", "Moreau", "Zoé") == 1
    assert matches_name("Zoe Martin", "Zoé", "Moreau", "Zoé") == 0
