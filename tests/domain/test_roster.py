"""The class roster CSV reader: good files, each kind of bad file, large files and malformed input."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plprofile.domain.roster import (
    MAX_PROBLEMS_SHOWN,
    RosterError,
    RosterProblem,
    RosterRow,
    decode_roster,
    encoding_name,
    parse_oneroster_users,
    parse_roster,
    read_roster,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rosters"
GOOD_NAMES = ["Zoë", "José", "Aroha", "Mei", "Oluwaseun", "Siobhán", "Björn", "Fatima"]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def error_of(data: bytes, **kwargs: object) -> RosterError:
    with pytest.raises(RosterError) as info:
        parse_roster(data, **kwargs)  # type: ignore[arg-type]
    return info.value


def big_file(n: int, bad_line: int | None = None) -> bytes:
    lines = ["given_name,family_name,preferred_name,grade,group,external_id,pronouns"]
    for i in range(2, n + 2):
        given = "  " if i == bad_line else f"Zoë{i}"
        lines.append(f"{given},García{i},,5,5B,S{i},they/them")
    return ("\n".join(lines) + "\n").encode()


# -- good files -------------------------------------------------------------------------------------


def test_good_class_reads_every_learner_with_accents() -> None:
    rows = parse_roster(fixture("good_class.csv"))
    assert [r.given_name for r in rows] == GOOD_NAMES
    assert [r.line for r in rows] == list(range(2, 10))
    assert rows[0] == RosterRow(2, "Zoë", "Okafor", "Zoë", "5", "5B", "S1001", "she/her")
    assert rows[1].preferred_name == "Pepe"
    assert rows[1].family_name == "García López"
    assert rows[7].family_name == "Al-Sayed, Jr."  # a quoted value may hold the separator
    assert rows[3].pronouns == ""


def test_bom_and_crlf_give_the_same_rows() -> None:
    assert fixture("good_class_bom.csv").startswith(b"\xef\xbb\xbf")
    assert parse_roster(fixture("good_class_bom.csv")) == parse_roster(fixture("good_class.csv"))


def test_semicolon_file_with_alias_headers() -> None:
    rows = parse_roster(fixture("good_aliases_semicolon.csv"))
    assert [(r.given_name, r.family_name, r.grade, r.group, r.external_id) for r in rows] == [
        ("Zoë", "Okafor", "5", "5B", "S1001"),
        ("José", "García López", "5", "5B", "S1002"),
        ("Mei", "Chen", "5", "5B", "S1004"),
    ]


def test_tab_file_with_camel_case_headers() -> None:
    rows = parse_roster(fixture("good_tabs_camelcase.tsv"))
    assert [(r.external_id, r.given_name, r.grade) for r in rows] == [("S1001", "Zoë", "05"), ("S1002", "José", "05")]


@pytest.mark.parametrize(
    ("given", "family", "group", "ident", "grade"),
    [
        ("first name", "last name", "class", "student id", "year"),
        ("First_Name", "Surname", "Homeroom", "id", "Grade"),
        ("givenName", "familyName", "CLASS", "sourcedId", "YEAR"),
        (" Given Name ", "Family-Name", "group", "External ID", "grade level"),
    ],
)
def test_header_aliases(given: str, family: str, group: str, ident: str, grade: str) -> None:
    data = f"{given},{family},{group},{ident},{grade}\nZoë,Okafor,5B,S1,5\n".encode()
    (row,) = parse_roster(data)
    assert (row.given_name, row.family_name, row.group, row.external_id, row.grade) == ("Zoë", "Okafor", "5B", "S1", "5")


def test_values_are_trimmed_blank_lines_skipped_and_unknown_columns_ignored() -> None:
    data = b"\n given_name , family_name ,notes\n\n  Zo\xc3\xab\t ,  Okafor ,anything\n , , \n\nMei,Chen,\n"
    rows = parse_roster(data)
    assert [(r.line, r.given_name, r.family_name) for r in rows] == [(4, "Zoë", "Okafor"), (7, "Mei", "Chen")]
    assert rows[0].preferred_name == "Zoë"


def test_short_rows_are_padded_and_trailing_empty_fields_allowed() -> None:
    rows = parse_roster(b"given_name,family_name,group\nZoe,Okafor\nMei,Chen,5B,,\n")
    assert [(r.group, r.line) for r in rows] == [("", 2), ("5B", 3)]


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_excel_sep_line_names_the_separator(sep: str) -> None:
    data = f"sep={sep}\ngiven_name{sep}family_name\nZoë{sep}Okafor\n".encode()
    assert [(r.line, r.given_name, r.family_name) for r in parse_roster(data)] == [(3, "Zoë", "Okafor")]


def test_decomposed_accents_are_normalised() -> None:
    (row,) = parse_roster("given_name,family_name\nZoe\u0308,Okafor\n".encode())
    assert row.given_name == "Zoë"


def test_oneroster_users_keeps_only_students() -> None:
    rows = parse_oneroster_users(fixture("oneroster_users.csv"))
    assert [(r.external_id, r.given_name, r.family_name, r.grade, r.line) for r in rows] == [
        ("s-1", "Zoë", "Okafor", "05", 3),
        ("s-2", "José", "García López", "05", 4),
    ]


def test_oneroster_users_without_role_column_is_refused() -> None:
    with pytest.raises(RosterError, match="no “role” column"):
        parse_oneroster_users(b"sourcedId,givenName,familyName\ns1,Zoe,Okafor\n")


def test_oneroster_ignores_bad_non_student_rows_but_checks_students() -> None:
    data = b"sourcedId,role,givenName,familyName\nt1,teacher,,\ns1,student,Zoe,\n"
    with pytest.raises(RosterError) as info:
        parse_oneroster_users(data)
    assert [(p.line, p.column) for p in info.value.problems] == [(3, "family_name")]


# -- bad files --------------------------------------------------------------------------------------


def test_missing_required_column_names_the_columns_found() -> None:
    err = error_of(fixture("bad_missing_family_name.csv"))
    assert str(err).startswith("The file has no “family_name” column. Columns found: “given_name”, “grade”, “group”.")
    assert err.problems[0].column == "family_name"


def test_both_required_columns_missing_are_both_reported() -> None:
    err = error_of(b"name,class\nZoe Okafor,5B\n")
    assert [p.column for p in err.problems] == ["given_name", "family_name"]


EXCEL_ROWS = "given_name;family_name;group\r\nJosé;Núñez;5A\r\nZoë;Müller;5A\r\nSiobhán;O’Brien;5B\r\n"
EXPECTED = [("José", "Núñez"), ("Zoë", "Müller"), ("Siobhán", "O’Brien")]


@pytest.mark.parametrize(("data", "codec", "name"), [
    (EXCEL_ROWS.encode("utf-8"), "utf_8", "UTF-8"),
    (codecs.BOM_UTF8 + EXCEL_ROWS.encode("utf-8"), "utf_8_sig", "UTF-8 (BOM)"),
    (EXCEL_ROWS.replace(";", "\t").encode("utf-16"), "utf_16", "UTF-16"),  # Excel's "Unicode Text"
    (codecs.BOM_UTF16_BE + EXCEL_ROWS.encode("utf-16-be"), "utf_16", "UTF-16"),
    (EXCEL_ROWS.encode("cp1252"), "cp1252", "Windows-1252"),  # "CSV" saved by Excel on Windows
])
def test_excel_saved_files_in_each_encoding_read_the_same(data, codec, name) -> None:
    roster = read_roster(data)
    assert [(r.given_name, r.family_name) for r in roster.rows] == EXPECTED
    assert roster.encoding == codec and encoding_name(roster.encoding) == name


def test_latin1_bytes_that_windows_1252_cannot_read_are_latin1() -> None:
    data = "given_name,family_name\nZoë,Okafor\n".encode("latin-1") + b"Ana,Ruiz\x81\n"
    text, codec = decode_roster(data)
    assert codec == "latin_1" and "Zoë" in text


def test_the_old_latin1_fixture_now_reads() -> None:
    rows = read_roster(fixture("bad_latin1.csv"))
    assert rows.encoding == "cp1252" and any("ë" in r.given_name for r in rows.rows)


def test_an_encoding_can_be_forced_or_is_named_when_wrong() -> None:
    data = EXCEL_ROWS.encode("cp1252")
    assert parse_roster(data, encoding="windows-1252")[2].family_name == "O’Brien"
    assert "Row 4" in str(error_of(data, encoding="latin-1"))  # 0x92 is a control character in Latin-1
    assert "UTF-8" in str(error_of(data, encoding="utf-8"))
    assert "not an encoding" in str(error_of(data, encoding="klingon-8"))


def test_workbooks_and_nul_bytes_are_refused_with_a_fix() -> None:
    assert "workbook" in str(error_of(b"PK\x03\x04\x14\x00\x06\x00rest"))
    assert "NUL" in str(error_of("given_name,family_name\nZoe,Okafor\n".encode("utf-16-le")))  # no BOM


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\n\t\n"])
def test_empty_file(data: bytes) -> None:
    assert str(error_of(data)) == "The file is empty."


def test_header_only() -> None:
    err = error_of(fixture("bad_header_only.csv"))
    assert str(err) == "The file has column names but no learners."


def test_duplicate_external_ids() -> None:
    err = error_of(fixture("bad_duplicate_ids.csv"))
    assert str(err).startswith("Rows 2, 4 have the same external_id “S123”.")
    assert err.problems[0] == RosterProblem(4, "external_id", err.problems[0].message)


def test_three_duplicates_are_one_problem() -> None:
    err = error_of(b"given_name,family_name,student id\nA,B,S9\nC,D,S9\nE,F,S1\nG,H,S9\n")
    assert str(err).startswith("Rows 2, 3, 5 have the same student id “S9”.")


def test_blank_external_ids_are_not_duplicates() -> None:
    assert len(parse_roster(b"given_name,family_name,external_id\nA,B,\nC,D,  \n")) == 2


def test_whitespace_only_names_are_refused_with_row_and_column() -> None:
    err = error_of(fixture("bad_whitespace_names.csv"))
    assert [(p.line, p.column) for p in err.problems] == [(3, "given_name"), (4, "family_name")]
    assert str(err) == "The file has 2 problems:\n- Row 3: “given_name” is empty.\n- Row 4: “family_name” is empty."


def test_message_uses_the_column_name_of_the_file() -> None:
    assert str(error_of(b"First Name,Last Name\nZoe,\xc2\xa0\n")) == "Row 2: “Last Name” is empty."


def test_more_fields_than_header_is_refused() -> None:
    err = error_of(fixture("bad_extra_fields.csv"))
    assert err.problems[0].line == 2
    assert str(err).startswith("Row 2 has 4 values but there are only 3 column names.")


def test_overlong_value_is_refused() -> None:
    err = error_of(("given_name,family_name,group\nZoe,Okafor," + "x" * 201 + "\n").encode())
    assert str(err) == "Row 2: “group” is too long (201 characters, at most 200)."
    assert len(parse_roster(("given_name,family_name\n" + "é" * 200 + ",O\n").encode())) == 1


def test_nul_byte_is_refused() -> None:
    assert "NUL byte (position 25, row 2)" in str(error_of(b"given_name,family_name\nZo\x00e,Okafor\n"))


def test_unclosed_quote_is_refused() -> None:
    err = error_of(b'given_name,family_name\n"Zoe,Okafor\nMei,Chen\n')
    assert err.problems[0].line == 2
    assert "quote" in str(err)


def test_duplicate_header_meaning_is_refused() -> None:
    err = error_of(b"given_name,first name,family_name\nZoe,Zoe,Okafor\n")
    assert str(err).startswith("The columns “given_name” and “first name” both give the given_name.")


def test_too_many_rows_is_refused() -> None:
    err = error_of(b"given_name,family_name\nA,B\nC,D\nE,F\n", max_rows=2)
    assert "more than 2 rows" in str(err)
    assert len(parse_roster(b"given_name,family_name\nA,B\nC,D\n", max_rows=2)) == 2


def test_every_problem_is_collected_and_the_message_is_capped() -> None:
    lines = ["given_name,family_name"] + [",X"] * 30
    err = error_of("\n".join(lines).encode())
    assert len(err.problems) == 30
    text = str(err).splitlines()
    assert text[0] == "The file has 30 problems:"
    assert len(text) == 1 + MAX_PROBLEMS_SHOWN + 1
    assert text[-1] == "... and 10 more."


# -- large files ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fifty_thousand_rows_all_arrive() -> None:
    # how fast is for the benchmark (bench_import); here only that every row arrives, in order
    data = big_file(50_000)
    start = time.perf_counter()
    rows = parse_roster(data)
    elapsed = time.perf_counter() - start
    print(f"parsed 50,000 rows ({len(data):,} bytes) in {elapsed:.3f} s")
    assert len(rows) == 50_000
    assert rows[-1].line == 50_001 and rows[-1].given_name == "Zoë50001"


@pytest.mark.slow
def test_fifty_thousand_rows_with_one_bad_row_near_the_end_names_it() -> None:
    err = error_of(big_file(50_000, bad_line=49_990))
    assert [(p.line, p.column, p.message.code) for p in err.problems] == [(49_990, "given_name", "cell_empty")]
    assert str(err) == "Row 49990: “given_name” is empty."


# -- malformed input (property tests) ----------------------------------------------------------------


def assert_rows_or_roster_error(data: bytes) -> None:
    try:
        rows = parse_roster(data)
    except RosterError as err:
        assert err.problems
        assert str(err)
        return
    assert rows
    for row in rows:
        assert row.given_name and row.family_name and row.preferred_name
        assert row.given_name == row.given_name.strip()
        assert row.family_name == row.family_name.strip()
        assert max(len(v) for v in (row.given_name, row.family_name, row.group, row.external_id)) <= 200
    ids = [r.external_id for r in rows if r.external_id]
    assert len(ids) == len(set(ids))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    assert_rows_or_roster_error(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=500))
def test_arbitrary_bytes_after_a_good_header(data: bytes) -> None:
    assert_rows_or_roster_error(b"given_name,family_name,group,external_id\n" + data)


_cell = st.text(
    alphabet=st.one_of(
        st.sampled_from([",", ";", "\t", '"', "\n", "\r", " ", "\u00a0", "\u200b", "\ufeff", "\x00", "a", "é"]),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=12,
) | st.text(alphabet="ab", min_size=195, max_size=205)
_header = st.lists(
    st.sampled_from(
        ["given_name", "family_name", "First Name", "surname", "class", "id", "id", "year", "pronouns", "x", ""]
    ),
    min_size=0,
    max_size=7,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=_header,
    rows=st.lists(st.lists(_cell, max_size=9), max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
)
def test_malformed_row_lists(header: list[str], rows: list[list[str]], delimiter: str, newline: str, bom: bool) -> None:
    text = newline.join(delimiter.join(r) for r in [header, *rows])
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode()
    assert_rows_or_roster_error(data)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.text(max_size=8), st.text(max_size=8), st.sampled_from(["", "S1", "S2", "S3"])),
        min_size=1,
        max_size=10,
    )
)
def test_quoted_rows_round_trip_or_are_refused(rows: list[tuple[str, str, str]]) -> None:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["given_name", "family_name", "external_id"])
    writer.writerows(rows)
    try:
        data = buf.getvalue().encode()
    except UnicodeEncodeError:
        return
    assert_rows_or_roster_error(data)
