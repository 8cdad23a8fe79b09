"""Read a class roster (a CSV file of learners, in the encodings schools' spreadsheets save) into validated rows,
or say exactly what is wrong.

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

from plprofile.domain.errors import QT_TRANSLATE_NOOP, UserError
from plprofile.domain.profile import MAX_NAME_CHARS

__all__ = [
    "MAX_PROBLEMS_SHOWN",
    "MAX_VALUE_CHARS",
    "ROSTER_FIELDS",
    "RosterError",
    "RosterFile",
    "RosterMessage",
    "RosterProblem",
    "RosterRow",
    "decode_roster",
    "encoding_name",
    "parse_oneroster_users",
    "parse_roster",
    "read_roster",
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


class RosterMessage(UserError, ValueError):
    """What is wrong with a roster file (or odd in a OneRoster set), in the person's language where it is read."""

    MESSAGES = {
        "empty_file": QT_TRANSLATE_NOOP("services", "The file is empty."),
        "no_header": QT_TRANSLATE_NOOP("services", "The first row could not be read as column names."),
        "no_learners": QT_TRANSLATE_NOOP("services", "The file has column names but no learners."),
        "no_students": QT_TRANSLATE_NOOP("services", "The file has no learners (no row has the role 'student')."),
        "utf16_damaged": QT_TRANSLATE_NOOP("services", "The file starts as UTF-16 text ('Unicode Text') but is "
                                                       "damaged. Save it as 'CSV UTF-8' and try again."),
        "workbook": QT_TRANSLATE_NOOP("services", "The file is a spreadsheet workbook, not a CSV file. In your "
                                                  "spreadsheet program, save it as 'CSV UTF-8' and try again."),
        "unknown_encoding": QT_TRANSLATE_NOOP("services", "The file's text encoding cannot be recognised. Save it "
                                                          "as 'CSV UTF-8' and try again."),
        "cell_empty": QT_TRANSLATE_NOOP("services", "Row {row}: “{column}” is empty."),
        "cell_too_long": QT_TRANSLATE_NOOP("services", "Row {row}: “{column}” is too long ({n} characters, at most "
                                                       "{limit})."),
        "row_too_wide": QT_TRANSLATE_NOOP("services", "Row {row} has {n} values but there are only {width} column "
                                                      "names. Check it for an extra separator, or put a value that "
                                                      "contains one in quotes."),
        "not_encoding": QT_TRANSLATE_NOOP("services", "The file is not {encoding} text (byte {byte} at position "
                                                      "{pos}, row {row})."),
        "encoding_unknown": QT_TRANSLATE_NOOP("services", "“{name}” is not an encoding this computer knows (try "
                                                          "UTF-8, Windows-1252 or UTF-16)."),
        "nul_byte": QT_TRANSLATE_NOOP("services", "The file contains a NUL byte (position {pos}, row {row}), so it "
                                                  "is not a text file. Save it as “CSV UTF-8” and try again."),
        "too_many_rows": QT_TRANSLATE_NOOP("services", "The file has more than {n} rows; the most one import takes "
                                                       "is {m}. Split it into smaller files and import them one by "
                                                       "one."),
        "unclosed_quote": QT_TRANSLATE_NOOP("services", "Row {row}: a value is far too long to read. The file may "
                                                        "have a quote mark (\") that is never closed."),
        "same_id": QT_TRANSLATE_NOOP("services", "Rows {rows} have the same {column} “{id}”. Each learner needs "
                                                 "their own id."),
        "control_character": QT_TRANSLATE_NOOP("services", "Row {row}: “{column}” contains a line break or another "
                                                           "invisible control character. A quote mark (\") may be "
                                                           "missing."),
        "two_columns": QT_TRANSLATE_NOOP("services", "The columns “{first}” and “{second}” both give the {field}. "
                                                     "Keep one of them, or rename the other."),
        "no_column": QT_TRANSLATE_NOOP("services", "The file has no “{column}” column. Columns found: {found}. The "
                                                   "first row must hold the column names."),
    }


@dataclass(frozen=True, slots=True)
class RosterProblem:
    """One thing wrong with the file; ``message`` (a ``UserError``) reads as a complete sentence in the language
    of the person reading it."""

    line: int | None
    column: str | None
    message: UserError

    def __str__(self) -> str:
        return str(self.message)


class RosterError(ValueError):
    """The file cannot be imported; ``problems`` lists every reason, in file order."""

    def __init__(self, problems: Iterable[RosterProblem]) -> None:
        self.problems: list[RosterProblem] = list(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        problems = self.problems
        if len(problems) == 1:
            return str(problems[0])
        shown = problems[:MAX_PROBLEMS_SHOWN]
        lines = [f"The file has {len(problems):,} problems:"]
        lines += [f"- {p}" for p in shown]
        hidden = len(problems) - len(shown)
        if hidden:
            lines.append(f"... and {hidden:,} more.")
        return "\n".join(lines)


def parse_roster(data: bytes, *, max_rows: int = 100_000, encoding: str | None = None) -> list[RosterRow]:
    """Read a roster CSV (UTF-8 with or without BOM, UTF-16 with BOM, or a legacy encoding such as
    Windows-1252; ``,`` ``;`` or tab) into rows. ``encoding`` forces the file's encoding.

    Raises ``RosterError`` listing every problem if anything at all is wrong.
    """
    return read_roster(data, max_rows=max_rows, encoding=encoding).rows


@dataclass(frozen=True, slots=True)
class RosterFile:
    """The rows of a roster file and the codec it was read with (``encoding_name`` for people)."""

    rows: list[RosterRow]
    encoding: str


def read_roster(data: bytes, *, max_rows: int = 100_000, encoding: str | None = None) -> RosterFile:
    """``parse_roster``, also saying which encoding the file was read as (the preview shows it)."""
    text, codec = decode_roster(data, encoding)
    return RosterFile(_parse(text, max_rows=max_rows), codec)


def parse_oneroster_users(data: bytes, *, max_rows: int = 100_000) -> list[RosterRow]:
    """Read the learners of a OneRoster ``users.csv``: rows whose ``role`` is ``student``.

    Rows of other roles (and rows with ``status`` ``tobedeleted``) are skipped without being checked.
    """

    def is_student(get: Callable[[str], str]) -> bool:
        return get("role").lower() == "student" and get("status").lower() != "tobedeleted"

    return _parse(decode_roster(data)[0], max_rows=max_rows, extra_fields={"role": "role", "status": "status"},
                  extra_required=("role",), keep=is_student)


# -- machinery ---------------------------------------------------------------------------------------


def _parse(
    text: str,
    *,
    max_rows: int,
    extra_fields: dict[str, str] | None = None,
    extra_required: tuple[str, ...] = (),
    keep: Callable[[Callable[[str], str]], bool] | None = None,
) -> list[RosterRow]:
    if not text.strip(_STRIP):
        raise RosterError([RosterProblem(None, None, RosterMessage("empty_file"))])

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
        raise RosterError([RosterProblem(1, None, RosterMessage("no_header"))])

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
                raise RosterError([RosterProblem(None, None, RosterMessage(
                    "too_many_rows", n=f"{max_rows:,}", m=f"{max_rows:,}"))])
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
        problems.append(RosterProblem(prev + 1, None, RosterMessage("unclosed_quote", row=prev + 1)))

    for ext_id, lines in seen_ids.items():
        if len(lines) > 1:
            problems.append(RosterProblem(lines[1], "external_id", RosterMessage(
                "same_id", rows=_and_list(lines), column=labels["external_id"], id=_shorten(ext_id))))
    if not problems and not rows and count == 0:
        problems.append(RosterProblem(header_line, None, RosterMessage("no_learners")))
    elif not problems and not rows:
        problems.append(RosterProblem(None, None, RosterMessage("no_students")))
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
            problems.append(RosterProblem(line, None, RosterMessage("row_too_wide", row=line, n=len(record),
                                                                    width=width)))
            bad = True
    values = dict.fromkeys(ROSTER_FIELDS, "")
    for field, index, label in checked:
        raw = record[index] if index < len(record) else ""
        value = raw.strip(_STRIP)
        if not value.isascii():
            value = unicodedata.normalize("NFC", value)
        if not value:
            if field in _REQUIRED:
                problems.append(RosterProblem(line, field, RosterMessage("cell_empty", row=line, column=label)))
                bad = True
            continue
        if len(value) > MAX_VALUE_CHARS:
            problems.append(RosterProblem(line, field, RosterMessage(
                "cell_too_long", row=line, column=label, n=f"{len(value):,}", limit=MAX_VALUE_CHARS)))
            bad = True
        elif _CONTROL.search(value):
            problems.append(RosterProblem(line, field, RosterMessage("control_character", row=line, column=label)))
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


#: Encodings a school's spreadsheet may have saved a CSV in when it is not UTF-8, in order of preference when
#: the detector finds two equally plausible (Excel on Windows in Western Europe and the Americas: Windows-1252).
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "latin_1", "cp1250")

#: What each encoding is called where a person sees it (the preview names the one the file was read as).
ENCODING_NAMES: dict[str, str] = {
    "utf_8": "UTF-8", "utf_8_sig": "UTF-8 (BOM)", "utf_16": "UTF-16", "cp1252": "Windows-1252",
    "latin_1": "Latin-1 (ISO-8859-1)", "cp1250": "Windows-1250", "mac_roman": "Mac Roman", "cp850": "DOS (CP850)",
}


def encoding_name(codec: str) -> str:
    """The name people know an encoding by ("Windows-1252"), from a Python codec name."""
    return ENCODING_NAMES.get(codecs.lookup(codec).name.replace("-", "_"), codec)


def decode_roster(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, codec) of a roster file: UTF-8 with or without BOM, UTF-16 with BOM, else the legacy encoding
    ``charset_normalizer`` finds most plausible (Windows-1252 on a tie); ``encoding`` forces one.

    Raises a ``RosterError`` saying how to save the file when it cannot be text.
    """

    def fail(code: str, **arguments: object) -> RosterError:
        return RosterError([RosterProblem(None, None, RosterMessage(code, **arguments))])

    data = bytes(data)
    if encoding:
        try:
            codec = codecs.lookup(encoding).name.replace("-", "_")
        except LookupError:
            raise fail("encoding_unknown", name=_shorten(encoding)) from None
        if codec == "utf_8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf_8_sig"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise fail("not_encoding", encoding=encoding_name(codec), byte=f"0x{data[exc.start]:02X}",
                       pos=f"{exc.start:,}", row=line) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf_16"), "utf_16"
        except UnicodeDecodeError:
            raise fail("utf16_damaged") from None
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise fail("workbook")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise fail("nul_byte", pos=f"{nul:,}", row=line)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf_8"), "utf_8_sig"
        except UnicodeDecodeError:
            data = data[len(codecs.BOM_UTF8):]  # a BOM, then bytes that are not UTF-8: the detector judges
    else:
        try:
            return data.decode("utf_8"), "utf_8"
        except UnicodeDecodeError:
            pass
    codec = _detect_legacy(data)
    if codec is None:
        raise fail("unknown_encoding")
    return data.decode(codec), codec


def _detect_legacy(data: bytes) -> str | None:
    """The legacy encoding of ``data`` (not UTF-8): the least chaotic reading ``charset_normalizer`` finds
    among ``LEGACY_ENCODINGS``; the earlier one when two are as plausible or read the bytes as the same text."""
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8

    found = {m.encoding: m.chaos for m in from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))}
    readable = [c for c in LEGACY_ENCODINGS if _decodes(data, c)]
    if not readable:
        return None
    ranked = [c for c in readable if c in found] or readable
    best = min(ranked, key=lambda c: (found.get(c, 1.0), LEGACY_ENCODINGS.index(c)))
    text = data.decode(best)
    return next(c for c in readable if c == best or data.decode(c) == text)


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


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
            problems.append(RosterProblem(header_line, field, RosterMessage(
                "two_columns", first=first, second=name.strip(_STRIP), field=field)))
            continue
        columns[field] = index
    found = [n.strip(_STRIP) for n in header if n.strip(_STRIP)]
    # names and numbers only, no words: the message around them is in the reader's language
    found_text = ", ".join(f"“{_shorten(n)}”" for n in found[:30]) or "—"
    if len(found) > 30:
        found_text += f", … (+{len(found) - 30})"
    for field in required:
        if field not in columns:
            problems.append(RosterProblem(None, field, RosterMessage("no_column", column=field, found=found_text)))
    return columns


def _normalise(name: str) -> str:
    return _HEADER_NOISE.sub("", name).lower()


def _is_blank(record: list[str]) -> bool:
    return not any(v.strip(_STRIP) for v in record)


def _and_list(numbers: list[int]) -> str:
    """"2, 5, 9" (the first ten, then "… (+N)"): numbers only, in any language."""
    items = [str(n) for n in numbers[:10]]
    if len(numbers) > 10:
        items.append(f"… (+{len(numbers) - 10})")
    return ", ".join(items)


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
