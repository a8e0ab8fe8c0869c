"""A request against the population records: the applicant and the legal representative.

Pure: the caller looks the records up and passes plain views of them. Names are compared in
NFC with single spaces; a difference of case only is information, a difference of diacritics
only ("NGUYEN VAN AN" for "Nguyễn Văn An") is a warning the officer confirms, anything else an
error (the population data must be corrected first: NĐ 70/2024 Art 21(1), RULES.md §7 step 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from resources.messages import DEFAULT_LANG
from workstation.rules.ages import ADULT_AGE, age_on
from workstation.rules.findings import Finding, error, info, warning
from workstation.rules.kinds import CurrentCard
from workstation.rules.names import clean_name, fold
from workstation.rules.personal_id import parse_pid

__all__ = [
    "Person",
    "RecordView",
    "Representative",
    "check_against_record",
    "check_open_applications",
    "check_representative",
    "compare_names",
]

NameMatch = Literal["same", "case", "diacritics", "different"]


@dataclass(frozen=True)
class Person:
    """What the request declares about the applicant (parsed; None where missing or invalid)."""

    pid: str | None
    full_name: str | None
    date_of_birth: date | None
    sex: str | None


@dataclass(frozen=True)
class Representative:
    """The legal representative named in the request."""

    pid: str | None
    full_name: str | None = None
    relationship: str | None = None
    date_of_birth: date | None = None


@dataclass(frozen=True)
class RecordView:
    """A resident as the records hold them (plain values, no ORM)."""

    id: int
    pid: str
    full_name: str
    date_of_birth: date
    sex: str
    dob_precision: str = "day"
    parents: Mapping[str, str] = field(default_factory=dict)  # parent PID -> role
    documents: tuple[CurrentCard, ...] = ()


def compare_names(declared: str, recorded: str) -> NameMatch:
    if declared == recorded:  # the usual case, both already clean NFC
        return "same"
    a, b = clean_name(declared), clean_name(recorded)
    if a == b:
        return "same"
    if a.casefold() == b.casefold():
        return "case"
    if fold(a) == fold(b):
        return "diacritics"
    return "different"


def _name_finding(field_name: str, declared: str, recorded: str, lang: str) -> Finding | None:
    match = compare_names(declared, recorded)
    if match == "same":
        return None
    severity = {"case": "info", "diacritics": "warning", "different": "error"}[match]
    f = error(field_name, "record.name_differs", lang, declared=clean_name(declared),
              recorded=recorded)
    return f.with_severity(severity)  # type: ignore[arg-type]


def check_against_record(person: Person, record: RecordView | None, *, records_empty: bool,
                         lang: str = DEFAULT_LANG, prefix: str = "applicant") -> list[Finding]:
    """``record.not_found`` (a warning when the station has no records yet), and the name,
    date of birth and sex differing from the records."""
    findings: list[Finding] = []
    if record is None:
        if person.pid is not None:
            f = error(f"{prefix}.pid", "record.not_found", lang, pid=person.pid)
            findings.append(f.with_severity("warning") if records_empty else f)
        return findings
    if person.full_name:
        nf = _name_finding(f"{prefix}.full_name", person.full_name, record.full_name, lang)
        if nf is not None:
            findings.append(nf)
    if person.date_of_birth is not None:
        if record.dob_precision == "year":
            differs = person.date_of_birth.year != record.date_of_birth.year
            shown = str(record.date_of_birth.year)
        else:
            differs = person.date_of_birth != record.date_of_birth
            shown = record.date_of_birth.isoformat()
        if differs:
            findings.append(error(f"{prefix}.date_of_birth", "record.dob_differs", lang,
                                  declared=person.date_of_birth.isoformat(), recorded=shown))
        elif record.dob_precision == "year":
            findings.append(info(f"{prefix}.date_of_birth", "record.dob_year_only", lang,
                                 year=shown))
    if person.sex is not None and person.sex != record.sex:
        findings.append(error(f"{prefix}.sex", "record.sex_differs", lang,
                              declared=person.sex, recorded=record.sex))
    return findings


def check_representative(
    rep: Representative | None,
    *,
    applicant_pid: str | None,
    age: int | None,
    on: date,
    rep_record: RecordView | None,
    child_record: RecordView | None,
    lang: str = DEFAULT_LANG,
    leap: str = "feb28",
    extra_prefixes: tuple[str, ...] = (),
) -> list[Finding]:
    """Under 14 a legal representative is required (Law Art 23(2)); they must be an adult
    (Civil Code Art 20, 136) and the records should link them to the child."""
    findings: list[Finding] = []
    needed = age is not None and age < 14
    if rep is None or rep.pid is None:
        if needed:
            findings.append(error("representative", "representative.missing", lang))
        return findings

    parsed = parse_pid(rep.pid, lang=lang, field_name="representative.pid",
                       date_of_birth=rep_record.date_of_birth if rep_record else
                       rep.date_of_birth, sex=rep_record.sex if rep_record else None,
                       extra_prefixes=extra_prefixes)
    findings.extend(f for f in parsed.findings if f.code != "pid.normalised")
    if applicant_pid is not None and parsed.pid == applicant_pid:
        findings.append(error("representative.pid", "representative.is_applicant", lang))
        return findings

    if rep_record is not None and rep.full_name:
        nf = _name_finding("representative.full_name", rep.full_name, rep_record.full_name,
                           lang)
        if nf is not None:
            findings.append(nf)

    # Age of the representative: records, else the declared date, else the PID's birth year.
    dob = rep_record.date_of_birth if rep_record else rep.date_of_birth
    precise = rep_record is None or rep_record.dob_precision == "day"
    if dob is not None and dob <= on and precise:
        if age_on(dob, on, leap) < ADULT_AGE:
            findings.append(error("representative", "representative.not_adult", lang,
                                  age=age_on(dob, on, leap)))
    else:
        year = dob.year if dob is not None else (
            parsed.birth_years.start if parsed.birth_years is not None else None)
        if year is not None:
            oldest = on.year - year
            if oldest < ADULT_AGE:
                findings.append(error("representative", "representative.not_adult", lang,
                                      age=max(oldest - 1, 0)))
            elif oldest == ADULT_AGE:
                findings.append(warning("representative", "representative.not_adult", lang,
                                        age=f"{oldest - 1}-{oldest}"))

    if child_record is not None and parsed.pid is not None:
        role = child_record.parents.get(parsed.pid)
        if role is None:
            findings.append(warning("representative", "representative.not_linked", lang,
                                    pid=parsed.pid))
        elif rep.relationship and rep.relationship != role:
            findings.append(info("representative.relationship",
                                 "representative.relationship_differs", lang,
                                 declared=rep.relationship, recorded=role))
    return findings


def check_open_applications(numbers: list[str], lang: str = DEFAULT_LANG) -> list[Finding]:
    """An applicant may have one application in progress at a time."""
    if not numbers:
        return []
    return [error("applicant.pid", "application.open_exists", lang, number=numbers[0])]
