"""The 12-digit personal identification number (số định danh cá nhân): structure and checks.

Layout ``PPP G YY RRRRRR`` (NĐ 137/2015 Art 13; TT 07/2016 App. 1, still followed by issued
numbers): PPP = province (or country) of birth registration, G = century and sex, YY = the last
two digits of the birth year, then six random digits. There is no check digit. The province
code says where the birth was *registered*; it never says where the person lives now.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from resources import resource_path
from resources.messages import DEFAULT_LANG
from workstation.rules.findings import Finding, error, info, warning

__all__ = ["ParsedPid", "century_digit", "normalise_pid", "parse_pid", "provinces"]

_PID = re.compile(r"\d{12}")
# What people type between digit groups: spaces of every kind, dots, hyphens, underscores.
_SEPARATORS = re.compile(r"[\s.\-_·/]+")


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Code → name of every province code of TT 07/2016 App. 1 (``resources/provinces.csv``)."""
    with resource_path("provinces.csv").open(encoding="utf-8", newline="") as fh:
        return {row["code"].strip(): row["name"].strip() for row in csv.DictReader(fh)}


def century_digit(sex: str, birth_year: int) -> int:
    """The 4th digit G for a sex (``male``/``female``) and a birth year (1900–2399)."""
    return (birth_year - 1900) // 100 * 2 + (1 if sex == "female" else 0)


def normalise_pid(text: str) -> str:
    """Digits only: NFKC (full-width digits), separators removed. Not validated."""
    if len(text) == 12 and text.isascii() and text.isdigit():
        return text
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).strip())


@dataclass(slots=True)  # not frozen: built on every check, and frozen init is slow
class ParsedPid:
    """What the digits of a personal ID number say, and what is wrong with them."""

    text: str
    pid: str | None  # the 12 digits after normalisation, None when not 12 digits
    valid: bool
    normalised: bool = False
    province_code: str | None = None
    province: str | None = None
    sex: str | None = None  # male | female
    century: int | None = None  # 20 for 1900-1999, 21 for 2000-2099, ...
    birth_year_last2: str | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def birth_years(self) -> range | None:
        """The one year the digits allow (as a range of one), or None if unknown."""
        if self.century is None or self.birth_year_last2 is None:
            return None
        year = (self.century - 1) * 100 + int(self.birth_year_last2)
        return range(year, year + 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "pid": self.pid if self.pid is not None else self.text,
            "valid": self.valid,
            "province_code": self.province_code,
            "province": self.province,
            "sex": self.sex,
            "century": self.century,
            "birth_year_last2": self.birth_year_last2,
            "findings": [f.as_dict() for f in self.findings],
        }


def parse_pid(
    text: str,
    *,
    sex: str | None = None,
    date_of_birth: date | int | None = None,
    lang: str = DEFAULT_LANG,
    field_name: str = "pid",
    extra_prefixes: Iterable[str] = (),
) -> ParsedPid:
    """Parse and check a personal ID number, optionally against the holder's sex and birth date.

    ``date_of_birth`` may be a date or a bare year (records that only know the year).
    ``extra_prefixes`` are 3-digit codes the station accepts besides the province table (the
    country codes of births registered abroad were not found: RULES.md §5, rule 2).

    Findings: ``pid.normalised`` (info: spaces/dots removed), ``pid.format`` (error),
    ``pid.province_unknown`` (warning: could be a country code; warn rather than reject),
    ``pid.sex_century_mismatch`` and ``pid.birth_year_mismatch`` (errors).
    ``valid`` is true when nothing worse than information was found.
    """
    raw = text if isinstance(text, str) else str(text)
    digits = normalise_pid(raw)
    findings: list[Finding] = []
    normalised = digits != raw and bool(_PID.fullmatch(digits))
    if not _PID.fullmatch(digits):
        findings.append(error(field_name, "pid.format", lang, value=raw[:40]))
        return ParsedPid(text=raw, pid=None, valid=False, findings=tuple(findings))
    if normalised:
        findings.append(info(field_name, "pid.normalised", lang, value=raw[:40], pid=digits))

    code = digits[:3]
    table = provinces()
    province = table.get(code)
    if province is None and code not in tuple(extra_prefixes):
        findings.append(warning(field_name, "pid.province_unknown", lang, code=code))
    g = int(digits[3])
    pid_sex = "female" if g % 2 else "male"
    century = 20 + g // 2
    yy = digits[4:6]

    if isinstance(date_of_birth, date):
        year: int | None = date_of_birth.year
    elif isinstance(date_of_birth, int):
        year = date_of_birth
    else:
        year = None
    if year is not None and 1900 <= year <= 2399:
        expected_century = 20 + (year - 1900) // 100
        if expected_century != century:
            findings.append(error(field_name, "pid.sex_century_mismatch", lang, digit=str(g),
                                  detail=str(year)))
        elif year % 100 != int(yy):
            findings.append(error(field_name, "pid.birth_year_mismatch", lang, digits=yy,
                                  year=str(year)))
    if sex in ("male", "female") and sex != pid_sex:
        if not any(f.code == "pid.sex_century_mismatch" for f in findings):
            findings.append(error(field_name, "pid.sex_century_mismatch", lang, digit=str(g),
                                  detail=sex))
    valid = not any(f.severity in ("error", "warning") for f in findings)
    return ParsedPid(
        text=raw,
        pid=digits,
        valid=valid,
        normalised=normalised,
        province_code=code,
        province=province,
        sex=pid_sex,
        century=century,
        birth_year_last2=yy,
        findings=tuple(findings),
    )
