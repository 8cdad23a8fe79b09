"""Reading OneRoster 1.1 and 1.2 sets: what each person is, the quirks read with a warning, what is refused."""

from __future__ import annotations

import pytest

from plprofile.domain.oneroster import parse_oneroster
from plprofile.domain.roster import RosterError
from tests import oneroster_sets as sets


def _people(rset) -> dict[str, tuple]:
    return {p.sourced_id: (p.role, p.given_name, p.family_name, p.preferred_name, p.pronouns, p.enabled)
            for p in rset.people}


def test_a_11_set_with_bom_crlf_quotes_and_accents():
    rset = parse_oneroster(sets.set_11())
    assert rset.version == "1.1" and rset.modes["users"] == "bulk"
    people = _people(rset)
    assert people["u-zoe"] == ("student", "Zoë", "Moreau", "", "", True)
    assert people["u-sean"][0:3] == ("student", "Seán", "O’Brien") and people["u-sean"][5] is False
    assert people["u-g1"][0] == "guardian"
    zoe = next(p for p in rset.people if p.sourced_id == "u-zoe")
    assert zoe.orgs == ("org-1", "org-2") and zoe.agents == ("u-g1",) and zoe.middle_name == "Anne"
    assert zoe.is_learner and not next(p for p in rset.people if p.sourced_id == "u-g1").is_learner
    assert [c.terms for c in rset.classes] == [("t1", "y2027"), ("t1",)]
    assert [c.course_title for c in rset.classes] == ["Mathematics 5", "Mathematics 5"]
    warnings = [str(w) for w in rset.warnings]
    assert "users.csv, row 2: enabledUser is “TRUE”; read as true." in warnings
    assert any(w.startswith("enrollments.csv, row 3: beginDate “1/05/2026”") for w in warnings)


def test_a_12_set_takes_roles_from_roles_csv_and_the_preferred_name_and_pronouns():
    rset = parse_oneroster(sets.set_12())
    people = _people(rset)
    assert people["u-zoe"][:5] == ("student", "Zoë", "Moreau", "Zo", "she/her")
    assert people["u-jose"][3:5] == ("Pepe", "he/him")
    assert people["u-adm"][0] == "administrator"  # only a secondary role: used, with a warning
    assert any("only a secondary role" in str(w) and w.file == "roles.csv" and w.row == 6 for w in rset.warnings)


def test_the_users_own_role_decides_never_the_enrollment():
    files = sets.set_11()
    files["enrollments.csv"] = files["enrollments.csv"].replace(b"e5,active,,cl-5a,org-1,u-t1,teacher",
                                                                b"e5,active,,cl-5a,org-1,u-t1,student")
    rset = parse_oneroster(files)
    assert next(e for e in rset.enrollments if e.sourced_id == "e5").role == "teacher"
    assert any("disagrees" in str(w) and w.row == 6 for w in rset.warnings)


@pytest.mark.parametrize(("change", "words"), [
    (lambda f: f.pop("manifest.csv"), "no manifest.csv"),
    (lambda f: f.pop("users.csv"), "users.csv: the manifest lists users.csv (bulk) but the set does not have it"),
    (lambda f: f.update({"users.csv": f["users.csv"].replace(b"givenName,", b"given,")}),
     "users.csv: the column “givenName” is missing"),
    (lambda f: f.update({"users.csv": f["users.csv"].replace(b"u-jose,", b"u-zoe,")}),
     "users.csv, row 3: sourcedId “u-zoe” is also on row 2"),
    (lambda f: f.update({"users.csv": f["users.csv"].replace("José".encode(), b"")}),
     "users.csv, row 3: givenName is empty."),
])
def test_what_would_make_the_store_wrong_is_refused_and_named(change, words):
    files = sets.set_11()
    change(files)
    with pytest.raises(RosterError) as refused:
        parse_oneroster(files)
    assert words in str(refused.value)


def test_unknown_and_misspelled_optional_columns_are_ignored_with_a_warning():
    files = sets.set_11()
    files["users.csv"] = files["users.csv"].replace(b"agentSourcedIds", b"agentSourcedId")
    rset = parse_oneroster(files)
    assert any("the column “agentSourcedId” is not a OneRoster column" in str(w) for w in rset.warnings)
    assert next(p for p in rset.people if p.sourced_id == "u-zoe").agents == ()


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FILES = ("users.csv", "enrollments.csv", "classes.csv", "orgs.csv", "manifest.csv")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_FILES), st.binary(max_size=300), st.integers(min_value=0, max_value=400))
def test_malformed_files_are_read_or_refused_with_a_message_never_crash(name, junk, cut):
    files = sets.set_11()
    original = files[name]
    files[name] = original[:cut] + junk + original[cut + len(junk) // 2:]
    try:
        rset = parse_oneroster(files)
    except RosterError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
    else:
        assert all(p.sourced_id for p in rset.people)
        assert all(p.given_name and p.family_name for p in rset.people if (p.is_learner or p.is_staff)
                   and not p.deleted)
