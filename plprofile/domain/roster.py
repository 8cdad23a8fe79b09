"""Read a class roster (a CSV file of learners) into validated rows, or say exactly what is wrong.

Pure Python: no Qt, no SQL. The whole file is checked before anything is returned, so the store can
import a class in one transaction or not at all. Every message is a complete English sentence that
names the row (the spreadsheet row number, header = row 1) and the column as it appears in the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from plprofile.domain.profile import MAX_NAME_CHARS

__all__ = [
    "MAX_PROBLEMS_SHOWN",
    "MAX_VALUE_CHARS",
    "ROSTER_FIELDS",
    "RosterError",
    "RosterProblem",
    "RosterRow",
    "parse_oneroster_users",
    "parse_roster",
]

#: Longest value accepted in any known column (same limit as a learner's name in the profile).
MAX_VALUE_CHARS = MAX_NAME_CHARS
#: How many problems ``str(RosterError)`` lists before "... and N more".
MAX_PROBLEMS_SHOWN = 20

#: The columns a roster may have, in display order; the first two are required.
ROSTER_FIELDS: tuple[str, ...] = (
    "given_name",
    "family_name",
    "preferred_name",
    "grade",
    "group",
    "external_id",
    "pronouns",
)
_REQUIRED: tuple[str, ...] = ("given_name", "family_name")

# Header names are compared after lower-casing and dropping spaces, "_", "-" and ".".
_ALIASES: dict[str, tuple[str, ...]] = {
    "given_name": ("givenname", "firstname", "first", "forename", "given", "firstnames"),
    "family_name": ("familyname", "lastname", "last", "surname", "family"),
    "preferred_name": ("preferredname", "preferredfirstname", "nickname", "knownas", "preferred"),
    "grade": ("grade", "grades", "gradelevel", "year", "yearlevel", "yeargroup"),
    "group": ("group", "class", "classname", "homeroom", "homegroup", "form", "tutorgroup", "section"),
    "external_id": (
        "externalid", "id", "studentid", "sourcedid", "studentnumber", "studentno", "pupilid", "learnerid",
    ),
    "pronouns": ("pronouns", "pronoun"),
}
_ALIAS_TO_FIELD: dict[str, str] = {alias: field for field, aliases in _ALIASES.items() for alias in aliases}
_HEADER_NOISE = re.compile(r"[\s_\-.\ufeff]+")

# Whitespace (everything str.isspace() knows) plus invisible format characters a spreadsheet may leave.
_STRIP = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u180e\u200b\u200c\u200d\u2060\ufeff"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_DELIMITERS: tuple[str, ...] = (",", ";", "\t")
_SEP_LINE = re.compile(r"[\r\n]*sep=([,;\t])[ ]*(?:\r\n|\r|\n)")


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One learner from the file; ``line`` is the row number in the file (the header is row 1)."""

    line: int
    given_name: str
    family_name: str
    preferred_name: str
    grade: str
    group: str
    external_id: str
    pronouns: str


@dataclass(frozen=True, slots=True)
class RosterProblem:
    """One thing wrong with the file; ``message`` is a complete sentence ready to show."""

    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        return self.message


class RosterError(ValueError):
    """The file cannot be imported; ``problems`` lists every reason, in file order."""

    def __init__(self, problems: Iterable[RosterProblem]) -> None:
        self.problems: list[RosterProblem] = list(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        problems = self.problems
        if len(problems) == 1:
            return problems[0].message
        shown = problems[:MAX_PROBLEMS_SHOWN]
        lines = [f"The file has {len(problems):,} problems:"]
        lines += [f"- {p.message}" for p in shown]
        hidden = len(problems) - len(shown)
        if hidden:
            lines.append(f"... and {hidden:,} more.")
        return "\n".join(lines)


def parse_roster(data: bytes, *, max_rows: int = 100_000) -> list[RosterRow]:
    """Read a roster CSV (UTF-8, with or without BOM; ``,`` ``;`` or tab) into rows.

    Raises ``RosterError`` listing every problem if anything at all is wrong.
    """
    return _parse(data, max_rows=max_rows)


def parse_oneroster_users(data: bytes, *, max_rows: int = 100_000) -> list[RosterRow]:
    """Read the learners of a OneRoster ``users.csv``: rows whose ``role`` is ``student``.

    Rows of other roles (and rows with ``status`` ``tobedeleted``) are skipped without being checked.
    """

    def is_student(get: Callable[[str], str]) -> bool:
        return get("role").lower() == "student" and get("status").lower() != "tobedeleted"

    return _parse(data, max_rows=max_rows, extra_fields={"role": "role", "status": "status"},
                  extra_required=("role",), keep=is_student)


# -- machinery ---------------------------------------------------------------------------------------


def _parse(
    data: bytes,
    *,
    max_rows: int,
    extra_fields: dict[str, str] | None = None,
    extra_required: tuple[str, ...] = (),
    keep: Callable[[Callable[[str], str]], bool] | None = None,
) -> list[RosterRow]:
    text = _decode(bytes(data))
    if not text.strip(_STRIP):
        raise RosterError([RosterProblem(None, None, "The file is empty.")])

    alias_to_field = dict(_ALIAS_TO_FIELD)
    alias_to_field.update(extra_fields or {})
    # Excel may write a first line such as "sep=;" that names the separator.
    sep_line = _SEP_LINE.match(text)
    delimiter = sep_line.group(1) if sep_line else _sniff_delimiter(text, alias_to_field)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[RosterProblem] = []

    # Header: the first non-blank record (after the "sep=" line, if any).
    header: list[str] | None = None
    header_line = 0
    prev = 0
    try:
        for record in reader:
            start, prev = prev + 1, reader.line_num
            if _is_blank(record):
                continue
            if sep_line is not None:
                sep_line = None
                continue
            header, header_line = record, start
            break
    except csv.Error:
        header = None
    if header is None:
        raise RosterError([RosterProblem(1, None, "The first row could not be read as column names.")])

    columns = _map_header(header, header_line, alias_to_field, (*_REQUIRED, *extra_required), problems)
    if problems:
        raise RosterError(problems)
    width = len(header)
    labels = {field: header[i].strip(_STRIP) for field, i in columns.items()}
    checked = [(f, columns[f], labels[f]) for f in ROSTER_FIELDS if f in columns]
    extra_index = {f: columns[f] for f in (extra_fields or {}) if f in columns}

    rows: list[RosterRow] = []
    seen_ids: dict[str, list[int]] = {}
    count = 0
    try:
        for record in reader:
            start, prev = prev + 1, reader.line_num
            if _is_blank(record):
                continue
            count += 1
            if count > max_rows:
                raise RosterError([RosterProblem(None, None, (
                    f"The file has more than {max_rows:,} rows; the most one import takes is {max_rows:,}. "
                    "Split it into smaller files and import them one by one."))])
            if keep is not None:
                def get(field: str, record: list[str] = record) -> str:
                    i = extra_index.get(field)
                    return record[i].strip(_STRIP) if i is not None and i < len(record) else ""

                if not keep(get):
                    continue
            row = _check_record(record, start, width, checked, problems)
            if row is None:
                continue
            if row.external_id:
                seen_ids.setdefault(row.external_id, []).append(start)
            rows.append(row)
    except csv.Error:
        problems.append(RosterProblem(prev + 1, None, (
            f"Row {prev + 1}: a value is far too long to read. The file may have a quote mark (\") "
            "that is never closed.")))

    for ext_id, lines in seen_ids.items():
        if len(lines) > 1:
            problems.append(RosterProblem(lines[1], "external_id", (
                f"Rows {_and_list(lines)} have the same {labels['external_id']} '{_shorten(ext_id)}'. "
                "Each learner needs their own id.")))
    if not problems and not rows and count == 0:
        problems.append(RosterProblem(header_line, None, "The file has column names but no learners."))
    elif not problems and not rows:
        problems.append(RosterProblem(None, None, "The file has no learners (no row has the role 'student')."))
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise RosterError(problems)
    return rows


def _check_record(
    record: list[str],
    line: int,
    width: int,
    checked: list[tuple[str, int, str]],
    problems: list[RosterProblem],
) -> RosterRow | None:
    """Clean one data record; append its problems and return None if it has any."""
    bad = False
    if len(record) > width:
        extra = record[width:]
        if any(v.strip(_STRIP) for v in extra):
            problems.append(RosterProblem(line, None, (
                f"Row {line} has {len(record)} values but there are only {width} column names. "
                "Check it for an extra separator, or put a value that contains one in quotes.")))
            bad = True
    values = dict.fromkeys(ROSTER_FIELDS, "")
    for field, index, label in checked:
        raw = record[index] if index < len(record) else ""
        value = raw.strip(_STRIP)
        if not value.isascii():
            value = unicodedata.normalize("NFC", value)
        if not value:
            if field in _REQUIRED:
                problems.append(RosterProblem(line, field, f"Row {line}: '{label}' is empty."))
                bad = True
            continue
        if len(value) > MAX_VALUE_CHARS:
            problems.append(RosterProblem(line, field, (
                f"Row {line}: '{label}' is too long ({len(value):,} characters, at most {MAX_VALUE_CHARS}).")))
            bad = True
        elif _CONTROL.search(value):
            problems.append(RosterProblem(line, field, (
                f"Row {line}: '{label}' contains a line break or another invisible control character. "
                "A quote mark (\") may be missing.")))
            bad = True
        values[field] = value
    if bad:
        return None
    return RosterRow(
        line=line,
        given_name=values["given_name"],
        family_name=values["family_name"],
        preferred_name=values["preferred_name"] or values["given_name"],
        grade=values["grade"],
        group=values["group"],
        external_id=values["external_id"],
        pronouns=values["pronouns"],
    )


def _decode(data: bytes) -> str:
    """UTF-8 (BOM optional) to text, or a RosterError that says how to save the file properly."""

    def fail(message: str) -> RosterError:
        return RosterError([RosterProblem(None, None, message)])

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise fail("The file is UTF-16 text ('Unicode Text'), not UTF-8. "
                   "Save it as 'CSV UTF-8' and try again.")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise fail("The file is a spreadsheet workbook, not a CSV file. "
                   "In your spreadsheet program, save it as 'CSV UTF-8' and try again.")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise fail(f"The file contains a NUL byte (position {nul:,}, row {line}), so it is not a text file. "
                   "Save it as 'CSV UTF-8' and try again.")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = exc.start
        line = data.count(b"\n", 0, pos) + 1
        raise fail(f"The file is not UTF-8 text (byte 0x{data[pos]:02X} at position {pos:,}, row {line}). "
                   "Save it as 'CSV UTF-8' and try again.") from None


def _sniff_delimiter(text: str, alias_to_field: dict[str, str]) -> str:
    """Pick ``,`` ``;`` or tab: the one that makes the first line show the most known columns."""
    first = next((ln for ln in io.StringIO(text, newline="") if ln.strip(_STRIP)), "")

    def score(delim: str) -> tuple[int, int]:
        try:
            names = next(csv.reader([first], delimiter=delim), [])
        except csv.Error:
            return (0, 0)
        known = {alias_to_field.get(_normalise(n)) for n in names} - {None}
        return (len(known), len(names))

    return max(_DELIMITERS, key=score)


def _map_header(
    header: list[str],
    header_line: int,
    alias_to_field: dict[str, str],
    required: tuple[str, ...],
    problems: list[RosterProblem],
) -> dict[str, int]:
    """Field name -> column index; unknown columns are ignored, missing or doubled ones are problems."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        field = alias_to_field.get(_normalise(name))
        if field is None:
            continue
        if field in columns:
            first = header[columns[field]].strip(_STRIP)
            problems.append(RosterProblem(header_line, field, (
                f"The columns '{first}' and '{name.strip(_STRIP)}' both give the {field}. "
                "Keep one of them, or rename the other.")))
            continue
        columns[field] = index
    found = [n.strip(_STRIP) for n in header if n.strip(_STRIP)]
    found_text = ", ".join(f"'{_shorten(n)}'" for n in found[:30]) or "none"
    if len(found) > 30:
        found_text += f" and {len(found) - 30} more"
    for field in required:
        if field not in columns:
            problems.append(RosterProblem(None, field, (
                f"The file has no '{field}' column. Columns found: {found_text}. "
                "The first row must hold the column names.")))
    return columns


def _normalise(name: str) -> str:
    return _HEADER_NOISE.sub("", name).lower()


def _is_blank(record: list[str]) -> bool:
    return not any(v.strip(_STRIP) for v in record)


def _and_list(numbers: list[int]) -> str:
    items = [str(n) for n in numbers[:10]]
    if len(numbers) > 10:
        items.append(f"{len(numbers) - 10} more")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
