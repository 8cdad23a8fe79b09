"""The services' and importers' messages, in the interface's language.

A ``UserError`` (``plprofile.domain.errors``) is already in the person's language: ``explain`` shows it as it
is, with the UI's own label for a field. The importers' and backups' messages not yet raised that way are
still looked up here by their English text (``FIXED``, ``PATTERNS``); a message not listed is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate

# Messages raised with a fixed text (permission checks, sign-in, validation, roster import).
FIXED = (
    # the passwords given to roster staff (services.auth)
    QT_TRANSLATE_NOOP("services", "Choose a password of your own, not the one you were given."),
    QT_TRANSLATE_NOOP("services", "Change your password with your current one."),
    QT_TRANSLATE_NOOP("services", "That file is the store itself, not a backup of it."),
    QT_TRANSLATE_NOOP("services", "The file is empty."),
    QT_TRANSLATE_NOOP("services", "The first row could not be read as column names."),
    QT_TRANSLATE_NOOP("services", "The file has column names but no learners."),
    QT_TRANSLATE_NOOP("services", "The file has no learners (no row has the role 'student')."),
    QT_TRANSLATE_NOOP("services", "The file starts as UTF-16 text ('Unicode Text') but is damaged. "
                                  "Save it as 'CSV UTF-8' and try again."),
    QT_TRANSLATE_NOOP("services", "The learner is deleted, but another program is still reading the store, so the "
                                  "store's journal (-wal) could not be emptied yet. Close the other program and "
                                  "erase again."),
    QT_TRANSLATE_NOOP("services", "The file is a spreadsheet workbook, not a CSV file. "
                                  "In your spreadsheet program, save it as 'CSV UTF-8' and try again."),
    QT_TRANSLATE_NOOP("services", "The file's text encoding cannot be recognised. "
                                  "Save it as 'CSV UTF-8' and try again."),
    # OneRoster sets
    QT_TRANSLATE_NOOP("services", "The set has no manifest.csv, so it is not a OneRoster set."),
    QT_TRANSLATE_NOOP("services", "The .zip unpacks to more than 500 MB; that is not a school's roster."),
    QT_TRANSLATE_NOOP("services", "The .zip file is damaged or not a .zip file."),
    QT_TRANSLATE_NOOP("services", "the set has no users, classes or enrollments to import."),
    QT_TRANSLATE_NOOP("services", "a value is far too long to read: a quote mark (\") may never be closed."),
    QT_TRANSLATE_NOOP("services", "sourcedId is empty; every row needs its key."),
    QT_TRANSLATE_NOOP("services", "the manifest says this file is absent; it was not read."),
    QT_TRANSLATE_NOOP("services", "role is empty; the person was not imported."),
)

# (pattern of the English message, translatable template with the pattern's groups as placeholders); compiled
# when a message is first explained, not while the first window is being built
PATTERNS = (
    (r"^Row (?P<row>[\d,]+): '(?P<column>.+)' is empty\.$",
     QT_TRANSLATE_NOOP("services", "Row {row}: “{column}” is empty.")),
    (r"^Row (?P<row>[\d,]+): '(?P<column>.+)' is too long \((?P<n>[\d,]+) characters, at most (?P<limit>[\d,]+)\)\.$",
     QT_TRANSLATE_NOOP("services", "Row {row}: “{column}” is too long ({n} characters, at most {limit}).")),
    (r"^Row (?P<row>[\d,]+) has (?P<n>[\d,]+) values but there are only (?P<width>[\d,]+) column names\. "
     r"Check it for an extra separator, or put a value that contains one in quotes\.$",
     QT_TRANSLATE_NOOP("services", "Row {row} has {n} values but there are only {width} column names. Check it "
                                   "for an extra separator, or put a value that contains one in quotes.")),
    (r"^Nothing was erased: these backups cannot be opened with this store's key, so (?P<name>.+?) could not "
     r"be removed from them: (?P<files>.+)\. Move them off this computer or delete them, then erase again\.$",
     QT_TRANSLATE_NOOP("services", "Nothing was erased: these backups cannot be opened with this store's key, so "
                                   "{name} could not be removed from them: {files}. Move them off this computer "
                                   "or delete them, then erase again.")),
    (r"^(?P<name>.+?) is erased from the store and from (?P<n>\d+) backup\(s\), but not from these: "
     r"(?P<problems>.+)$",
     QT_TRANSLATE_NOOP("services", "{name} is erased from the store and from {n} backup(s), but not from these: "
                                   "{problems}")),
    (r"^The file is not (?P<encoding>.+) text \(byte (?P<byte>0x[0-9A-F]{2}) at position (?P<pos>[\d,]+), "
     r"row (?P<row>[\d,]+)\)\.$",
     QT_TRANSLATE_NOOP("services", "The file is not {encoding} text (byte {byte} at position {pos}, row {row}).")),
    (r"^'(?P<name>.+)' is not an encoding this computer knows \(try UTF-8, Windows-1252 or UTF-16\)\.$",
     QT_TRANSLATE_NOOP("services", "“{name}” is not an encoding this computer knows (try UTF-8, Windows-1252 or "
                                   "UTF-16).")),
    (r"^The file contains a NUL byte \(position (?P<pos>[\d,]+), row (?P<row>[\d,]+)\), so it is not a text "
     r"file\. Save it as 'CSV UTF-8' and try again\.$",
     QT_TRANSLATE_NOOP("services", "The file contains a NUL byte (position {pos}, row {row}), so it is not a text "
                                   "file. Save it as “CSV UTF-8” and try again.")),
    (r"^The file has more than (?P<n>[\d,]+) rows; the most one import takes is (?P<m>[\d,]+)\. "
     r"Split it into smaller files and import them one by one\.$",
     QT_TRANSLATE_NOOP("services", "The file has more than {n} rows; the most one import takes is {m}. Split it "
                                   "into smaller files and import them one by one.")),
    (r"^Row (?P<row>[\d,]+): a value is far too long to read\. The file may have a quote mark \(\"\) "
     r"that is never closed\.$",
     QT_TRANSLATE_NOOP("services", "Row {row}: a value is far too long to read. The file may have a quote mark "
                                   "(\") that is never closed.")),
    (r"^Rows (?P<rows>.+) have the same (?P<column>.+) '(?P<id>.+)'\. Each learner needs their own id\.$",
     QT_TRANSLATE_NOOP("services", "Rows {rows} have the same {column} “{id}”. Each learner needs their own id.")),
    (r"^Row (?P<row>[\d,]+): '(?P<column>.+)' contains a line break or another invisible control character\. "
     r"A quote mark \(\"\) may be missing\.$",
     QT_TRANSLATE_NOOP("services", "Row {row}: “{column}” contains a line break or another invisible control "
                                   "character. A quote mark (\") may be missing.")),
    (r"^The columns '(?P<first>.+)' and '(?P<second>.+)' both give the (?P<field>.+)\. "
     r"Keep one of them, or rename the other\.$",
     QT_TRANSLATE_NOOP("services", "The columns “{first}” and “{second}” both give the {field}. Keep one of "
                                   "them, or rename the other.")),
    (r"^The file has no '(?P<column>.+)' column\. Columns found: (?P<found>.+)\. "
     r"The first row must hold the column names\.$",
     QT_TRANSLATE_NOOP("services", "The file has no “{column}” column. Columns found: {found}. The first row "
                                   "must hold the column names.")),
)


# A OneRoster set's problems and warnings: "users.csv, row 3: " before one of these (see ``_where``).
ONEROSTER_PATTERNS = (
    (r"^the manifest lists (?P<file>\S+) \((?P<mode>\w+)\) but the set does not have it\.$",
     QT_TRANSLATE_NOOP("services", "the manifest lists {file} ({mode}) but the set does not have it.")),
    (r"^the column (?P<columns>.+) is missing \(the first row must hold the column names\)\.$",
     QT_TRANSLATE_NOOP("services", "the column {columns} is missing (the first row must hold the column names).")),
    (r"^the row has (?P<n>[\d,]+) values but there are (?P<m>[\d,]+) columns\.$",
     QT_TRANSLATE_NOOP("services", "the row has {n} values but there are {m} columns.")),
    (r"^sourcedId '(?P<key>.+)' is also on row (?P<row>[\d,]+); each row needs its own\.$",
     QT_TRANSLATE_NOOP("services", "sourcedId “{key}” is also on row {row}; each row needs its own.")),
    (r"^(?P<column>\w+) is empty\.$", QT_TRANSLATE_NOOP("services", "{column} is empty.")),
    (r"^the student ID '(?P<id>.+)' belongs to another learner in the store \(sourcedId '(?P<key>.+)'\)\.$",
     QT_TRANSLATE_NOOP("services", "the student ID “{id}” belongs to another learner in the store (sourcedId "
                                   "“{key}”).")),
    (r"^the student ID '(?P<id>.+)' is also on row (?P<row>[\d,]+)\.$",
     QT_TRANSLATE_NOOP("services", "the student ID “{id}” is also on row {row}.")),
    (r"^oneroster\.version is '(?P<version>.*)'; read as OneRoster 1\.1\.$",
     QT_TRANSLATE_NOOP("services", "oneroster.version is “{version}”; read as OneRoster 1.1.")),
    (r"^file\.(?P<name>\w+) is '(?P<mode>.*)'; read as bulk\.$",
     QT_TRANSLATE_NOOP("services", "file.{name} is “{mode}”; read as bulk.")),
    (r"^the column '(?P<column>.+)' is not a OneRoster column of this file; it was not read\.$",
     QT_TRANSLATE_NOOP("services", "the column “{column}” is not a OneRoster column of this file; it was not read.")),
    (r"^status '(?P<status>.+)' is neither 'active' nor 'tobedeleted'; read as active\.$",
     QT_TRANSLATE_NOOP("services", "status “{status}” is neither “active” nor “tobedeleted”; read as active.")),
    (r"^(?P<column>\w+) is '(?P<value>.+)'; read as true\.$",
     QT_TRANSLATE_NOOP("services", "{column} is “{value}”; read as true.")),
    (r"^(?P<column>\w+) is '(?P<value>.+)'; read as false\.$",
     QT_TRANSLATE_NOOP("services", "{column} is “{value}”; read as false.")),
    (r"^(?P<column>\w+) is '(?P<value>.+)', neither true nor false; read as true\.$",
     QT_TRANSLATE_NOOP("services", "{column} is “{value}”, neither true nor false; read as true.")),
    (r"^(?P<column>\w+) '(?P<value>.+)' is not a date written YYYY-MM-DD; it was left out\.$",
     QT_TRANSLATE_NOOP("services", "{column} “{value}” is not a date written YYYY-MM-DD; it was left out.")),
    (r"^user '(?P<user>.+)' has a second primary role '(?P<role>.+)'; row (?P<row>[\d,]+)'s '(?P<kept>.+)' was "
     r"kept\.$",
     QT_TRANSLATE_NOOP("services", "user “{user}” has a second primary role “{role}”; the “{kept}” of row {row} "
                                   "was kept.")),
    (r"^user '(?P<user>.+)' has only a secondary role; '(?P<role>.+)' was used\.$",
     QT_TRANSLATE_NOOP("services", "user “{user}” has only a secondary role; “{role}” was used.")),
    (r"^user '(?P<user>.+)' has no role in roles\.csv; they were not imported\.$",
     QT_TRANSLATE_NOOP("services", "user “{user}” has no role in roles.csv; they were not imported.")),
    (r"^role '(?P<role>.+)' is not one plprofile uses; the person was not imported\.$",
     QT_TRANSLATE_NOOP("services", "role “{role}” is not one plprofile uses; the person was not imported.")),
    (r"^the role '(?P<role>.*)' disagrees with user '(?P<user>.+)''s own role '(?P<own>.+)'; their own role was "
     r"used\.$",
     QT_TRANSLATE_NOOP("services", "the role “{role}” disagrees with the own role “{own}” of user “{user}”; "
                                   "their own role was used.")),
    (r"^user '(?P<user>.+)' is a (?P<role>\w+), not a learner or teacher; the enrollment was not read\.$",
     QT_TRANSLATE_NOOP("services", "user “{user}” is a {role}, not a learner or teacher; the enrollment was not "
                                   "read.")),
    (r"^class '(?P<key>.+)' is neither in the set nor in the store; the enrollment was not read\.$",
     QT_TRANSLATE_NOOP("services", "class “{key}” is neither in the set nor in the store; the enrollment was not "
                                   "read.")),
    (r"^user '(?P<key>.+)' is neither in the set nor in the store; the enrollment was not read\.$",
     QT_TRANSLATE_NOOP("services", "user “{key}” is neither in the set nor in the store; the enrollment was not "
                                   "read.")),
)
_WHERE = re.compile(r"^(?P<file>[A-Za-z]+\.csv)(?:, row (?P<row>[\d,]+))?: (?P<rest>.+)$", re.S)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), template) for pattern, template in (*PATTERNS, *ONEROSTER_PATTERNS))


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def text(message: str) -> str:
    """One English service message in the interface's language (unchanged if it is not known here)."""
    translated = translate("services", message)
    if translated != message or message in FIXED:
        return translated
    where = _WHERE.match(message)
    if where:  # "users.csv, row 3: …" from a OneRoster set: the place, then the message, each translated
        rest = text(where["rest"])
        if where["row"]:
            return translate("services", "{file}, row {row}: {message}").format(
                file=where["file"], row=where["row"], message=rest)
        return translate("services", "{file}: {message}").format(file=where["file"], message=rest)
    for pattern, template in _compiled():
        match = pattern.match(message)
        if match:
            return translate("services", template).format(**match.groupdict())
    return message


def explain(exc: BaseException) -> str:
    """What went wrong, for a person: the exception's message translated where it is known."""
    from plprofile.domain.errors import UserError
    from plprofile.domain.roster import MAX_PROBLEMS_SHOWN, RosterError
    from plprofile.services.storage import StaleEditError

    if isinstance(exc, UserError):
        field = getattr(exc, "field", None)
        if field and "field" in exc.arguments:  # "Given name cannot be empty.": the field's label in this language
            from .labels import field_label

            return exc.message(field=_capitalized(field_label(field)))
        # a code from the kind's catalogue is translated already; a finished text is looked up like any other
        return str(exc) if exc.code in exc.MESSAGES else text(str(exc))

    if isinstance(exc, StaleEditError):
        from .labels import entity_label

        return translate("services", "This item ({what}) was changed by someone else since you opened it.").format(
            what=entity_label(exc.entity).lower())
    if isinstance(exc, RosterError):
        problems = [text(p.message) for p in exc.problems]
        if len(problems) == 1:
            return problems[0]
        shown = problems[:MAX_PROBLEMS_SHOWN]
        lines = [translate("services", "The file has %n problem(s):", None, len(problems))]
        lines += [f"- {p}" for p in shown]
        if len(problems) > len(shown):
            lines.append(translate("services", "… and %n more.", None, len(problems) - len(shown)))
        return "\n".join(lines)
    return text(str(exc))
