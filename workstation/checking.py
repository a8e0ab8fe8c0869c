"""``check``: an application request against the law and the records, without saving anything.

``check(session, request, on, settings)`` validates the raw request (a dict decoded from JSON),
looks the applicant and representative up in the population records, looks for an open
application, and returns the answer of CLI.md ``check --json``. The law itself is in
``workstation.rules`` (pure functions); :func:`evaluate` is the part without the database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from resources.messages import DEFAULT_LANG, message
from workstation.rules import ages, expiry
from workstation.rules.applicant import (
    Person,
    RecordView,
    Representative,
    check_against_record,
    check_open_applications,
    check_representative,
)
from workstation.rules.calendar import Calendar, DayOverride, load_calendar
from workstation.rules.fees import EXEMPTION_GROUPS, FeePolicy, StationRate, compute_fee
from workstation.rules.findings import Finding, error, has_errors, info, sort_findings
from workstation.rules.kinds import (
    CARD_TYPES,
    KINDS,
    REASONS,
    CurrentCard,
    resolve_kind,
)
from workstation.rules.names import clean_name
from workstation.rules.personal_id import normalise_pid, parse_pid

__all__ = ["CheckContext", "ParsedRequest", "check", "evaluate", "parse_request"]

LAW_IN_FORCE = date(2024, 7, 1)
# Dates the workstation reasons about (a card runs at most ~60 years; keeps arithmetic sane).
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2199, 12, 31)
NAME_MAX = 200
CHANNELS = ("counter", "online")
SEXES = {"male": "male", "female": "female", "nam": "male", "nữ": "female", "nu": "female",
         "m": "male", "f": "female"}
RELATIONSHIPS = ("father", "mother", "guardian", "other")
# Besides letters and combining marks: spaces and the punctuation names really carry.
_NAME_PUNCT = frozenset(" '-.")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
# Reasons under which the ID number may legitimately disagree with the declared sex or DOB.
_PID_MAY_DIFFER = ("name_or_dob_changed", "identity_features_changed", "pid_reestablished")


@dataclass
class ParsedRequest:
    """The request after validation: typed values (None where missing or invalid)."""

    on: date
    channel: str = "counter"
    kind: str | None = None
    reason: str | None = None
    applicant: Person = field(default_factory=lambda: Person(None, None, None, None))
    current_card: CurrentCard | None = None
    representative: Representative | None = None
    exemptions: tuple[str, ...] = ()
    findings: list[Finding] = field(default_factory=list)


class _Parser:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.findings: list[Finding] = []

    def add(self, f: Finding) -> None:
        self.findings.append(f)

    def obj(self, value: Any, name: str) -> Mapping[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.add(error(name, "request.wrong_type", self.lang, field=name,
                           expected="object"))
            return None
        return value

    def text(self, value: Any, name: str, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.add(error(name, "request.missing_field", self.lang, field=name))
            return None
        if not isinstance(value, str):
            self.add(error(name, "request.wrong_type", self.lang, field=name, expected="text"))
            return None
        return value

    def choice(self, value: Any, name: str, choices: Collection[str], *,
               required: bool = False) -> str | None:
        text = self.text(value, name, required=required)
        if text is None:
            return None
        key = (text if text.isascii() else unicodedata.normalize("NFC", text)).strip().lower()
        if key not in choices:
            self.add(error(name, "request.invalid_value", self.lang, field=name,
                           value=_short(text)))
            return None
        return key

    def day(self, value: Any, name: str, *, code: str = "request.invalid_date",
            required: bool = False) -> date | None:
        text = self.text(value, name, required=required)
        if text is None:
            return None
        parsed = parse_date(text)
        if parsed is None:
            self.add(error(name, code, self.lang, field=name, value=_short(text)))
        return parsed

    def name(self, value: Any, field_name: str, *, required: bool) -> str | None:
        text = self.text(value, field_name, required=required)
        if text is None:
            return None
        cleaned = clean_name(text)
        if not cleaned:
            self.add(error(field_name, "name.empty", self.lang))
            return None
        if len(cleaned) > NAME_MAX:
            self.add(error(field_name, "name.too_long", self.lang, length=len(cleaned),
                           max=NAME_MAX))
            return None
        bad = [] if cleaned.replace(" ", "").isalpha() else sorted(
            {c for c in cleaned if not (c.isalpha() or c in _NAME_PUNCT
                                        or unicodedata.combining(c))})
        if bad:
            shown = " ".join(repr(c)[1:-1] for c in bad[:10])
            self.add(error(field_name, "name.invalid_chars", self.lang, chars=shown))
            return None
        if cleaned != text:
            self.add(info(field_name, "input.normalised", self.lang, field=field_name))
        return cleaned

    def pid(self, value: Any, name: str, *, required: bool) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool):
            self.add(error(name, "request.wrong_type", self.lang, field=name,
                           expected="text (12 digits in quotes)"))
            return None
        text = self.text(value, name, required=required)
        if text is None:
            return None
        digits = normalise_pid(text)
        if re.fullmatch(r"\d{12}", digits) is None:
            self.add(error(name, "pid.format", self.lang, value=_short(text)))
            return None
        if digits != text:
            self.add(info(name, "pid.normalised", self.lang, value=_short(text), pid=digits))
        return digits


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def parse_date(text: str) -> date | None:
    """``YYYY-MM-DD`` or ``DD/MM/YYYY`` (also with dots or dashes); None if not a real date."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    text = unicodedata.normalize("NFKC", text).strip()
    m = _ISO.fullmatch(text)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _DMY.fullmatch(text)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def parse_request(request: Any, *, today: date, lang: str = DEFAULT_LANG) -> ParsedRequest:
    """Validate the raw request into typed values and findings (see CLI.md)."""
    p = _Parser(lang)
    if not isinstance(request, dict):
        p.add(error("", "request.not_object", lang))
        return ParsedRequest(on=today, findings=p.findings)

    on = p.day(request.get("on"), "on") or today
    if not DATE_MIN <= on <= DATE_MAX:
        p.add(error("on", "request.invalid_date", lang, field="on", value=on.isoformat()))
        on = today
    if on < LAW_IN_FORCE:
        p.add(error("on", "request.before_law", lang, on=on.isoformat()))
    channel = p.choice(request.get("channel"), "channel", CHANNELS) or "counter"
    kind = p.choice(request.get("kind"), "kind", KINDS, required=True)
    reason = p.choice(request.get("reason"), "reason", REASONS)

    applicant = p.obj(request.get("applicant"), "applicant")
    if request.get("applicant") is None:
        p.add(error("applicant", "request.missing_field", lang, field="applicant"))
    a = applicant or {}
    pid = p.pid(a.get("pid"), "applicant.pid", required=applicant is not None)
    full_name = p.name(a.get("full_name"), "applicant.full_name", required=applicant is not None)
    dob = p.day(a.get("date_of_birth"), "applicant.date_of_birth", code="dob.invalid",
                required=applicant is not None)
    if dob is not None and (dob > on or dob.year < 1900):
        p.add(error("applicant.date_of_birth", "dob.invalid", lang, value=dob.isoformat()))
        dob = None
    sex = p.choice(a.get("sex"), "applicant.sex", SEXES, required=applicant is not None)
    sex = SEXES[sex] if sex else None

    card: CurrentCard | None = None
    c = p.obj(a.get("current_card"), "applicant.current_card")
    if c is not None:
        ctype = p.choice(c.get("type"), "applicant.current_card.type", CARD_TYPES,
                         required=True)
        number = p.text(c.get("number"), "applicant.current_card.number")
        issued = p.day(c.get("issued_on"), "applicant.current_card.issued_on")
        expires = p.day(c.get("expires_on"), "applicant.current_card.expires_on")
        if ctype is not None:
            # ``expires_on: null`` is read as "not given": a card without expiry is recognised
            # from its issue date (issued at 58 or later), see CurrentCard.expiry.
            card = CurrentCard(ctype, number.strip() if number else None, issued, expires,
                               expiry_known=expires is not None)

    rep: Representative | None = None
    r = p.obj(request.get("representative"), "representative")
    if r is not None:
        rpid = p.pid(r.get("pid"), "representative.pid", required=True)
        rname = p.name(r.get("full_name"), "representative.full_name", required=False)
        rel = p.choice(r.get("relationship"), "representative.relationship", RELATIONSHIPS)
        rdob = p.day(r.get("date_of_birth"), "representative.date_of_birth",
                     code="dob.invalid")
        if rdob is not None and rdob > on:
            p.add(error("representative.date_of_birth", "dob.invalid", lang,
                        value=rdob.isoformat()))
            rdob = None
        if rpid is not None or rname is not None:
            rep = Representative(rpid, rname, rel, rdob)

    exemptions: list[str] = []
    ex = request.get("exemptions")
    if ex is not None:
        if not isinstance(ex, list):
            p.add(error("exemptions", "request.wrong_type", lang, field="exemptions",
                        expected="list"))
        else:
            for i, item in enumerate(ex):
                group = p.choice(item, f"exemptions[{i}]", EXEMPTION_GROUPS)
                if group is not None and group not in exemptions:
                    exemptions.append(group)

    return ParsedRequest(
        on=on, channel=channel, kind=kind, reason=reason,
        applicant=Person(pid, full_name, dob, sex), current_card=card,
        representative=rep, exemptions=tuple(exemptions), findings=p.findings,
    )


@dataclass(frozen=True)
class CheckContext:
    """Everything :func:`evaluate` needs besides the request: records looked up, settings."""

    record: RecordView | None = None
    rep_record: RecordView | None = None
    records_empty: bool = False
    open_applications: tuple[str, ...] = ()
    calendar: Calendar | None = None
    policy: FeePolicy = field(default_factory=FeePolicy)
    station_rates: tuple[StationRate, ...] = ()  # fee rates the station entered, in force
    return_working_days: int = 7
    leap: str = "feb28"
    extra_prefixes: tuple[str, ...] = ()


def _card_from_records(record: RecordView | None) -> CurrentCard | None:
    if record is None or not record.documents:
        return None
    rank = {"can_cuoc": 2, "cccd": 1, "cmnd": 0}
    return max(record.documents,
               key=lambda d: (rank.get(d.type, -1), d.issued_on or date.min))


def evaluate(req: ParsedRequest, ctx: CheckContext, lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """The pure part of ``check``: the law applied to a parsed request and its records."""
    findings: list[Finding] = list(req.findings)
    on = req.on
    leap = ctx.leap
    person = req.applicant
    record = ctx.record

    dob = person.date_of_birth
    if dob is None and record is not None and record.dob_precision == "day" \
            and record.date_of_birth <= on:
        dob = record.date_of_birth  # still reported as missing/invalid above

    # The ID number against the declared sex and date of birth.
    if person.pid is not None:
        parsed = parse_pid(person.pid, sex=person.sex, date_of_birth=person.date_of_birth,
                           lang=lang, field_name="applicant.pid",
                           extra_prefixes=ctx.extra_prefixes)
        for f in parsed.findings:
            if f.code == "pid.normalised":
                continue
            if f.code in ("pid.sex_century_mismatch", "pid.birth_year_mismatch") \
                    and req.reason in _PID_MAY_DIFFER:
                f = f.with_severity("warning")
            findings.append(f)

    card = req.current_card or _card_from_records(record)
    resolution = resolve_kind(req.kind, req.reason, dob=dob, on=on, card=card, lang=lang,
                              leap=leap)
    findings.extend(resolution.findings)
    kind, reason = resolution.kind, resolution.reason

    age = ages.age_on(dob, on, leap) if dob is not None else None
    group = ages.age_group_on(dob, on, leap) if dob is not None else None
    presence = ages.presence_for(group) if group is not None else None
    collect = ages.collect_for(group, kind, reason, card.type if card else None) \
        if group is not None else ages.NOTHING
    if group == "under_6" and req.channel == "counter" and kind == "first_issue":
        findings.append(info("channel", "channel.under6_online", lang))

    calendar = ctx.calendar or load_calendar()
    return_by = calendar.add_working_days(on, ctx.return_working_days)
    for year in sorted({on.year, return_by.year}):
        if not calendar.covers(year):
            findings.append(info("return_by", "calendar.year_not_covered", lang, year=year))
        elif year in calendar.provisional:
            findings.append(info("return_by", "calendar.provisional", lang, year=year))

    card_exp: date | None = None
    if dob is not None and kind is not None:
        card_exp = expiry.card_expiry(dob, on, leap)
        later = expiry.card_expiry(dob, return_by, leap)
        if later != card_exp:
            threshold = ages.age_on(dob, return_by, leap)
            findings.append(info("card_expiry", "expiry.boundary", lang, age=threshold,
                                 birthday=ages.birthday_in(dob, dob.year + threshold,
                                                           leap).isoformat(),
                                 later=later.isoformat() if later else
                                 message("check.no_expiry", lang)))

    fee = compute_fee(kind, reason, on=on, age=age, conversion=resolution.conversion,
                      exemptions=req.exemptions, channel=req.channel, policy=ctx.policy,
                      lang=lang, station_rates=ctx.station_rates)

    findings.extend(check_against_record(person, record, records_empty=ctx.records_empty,
                                         lang=lang))
    findings.extend(check_representative(
        req.representative, applicant_pid=person.pid, age=age, on=on,
        rep_record=ctx.rep_record, child_record=record, lang=lang, leap=leap,
        extra_prefixes=ctx.extra_prefixes))
    findings.extend(check_open_applications(list(ctx.open_applications), lang))

    findings = sort_findings(_unique(findings))
    return {
        "ok": not has_errors(findings),
        "on": on.isoformat(),
        "channel": req.channel,
        "kind": kind,
        "reason": reason,
        "age": age,
        "age_group": group,
        "representative_required": bool(presence and presence.representative_required),
        "applicant_present": presence.applicant_present if presence else None,
        "signs": presence.signs if presence else None,
        "collect": collect.as_dict(),
        "reuse_last_biometrics": collect.reuse_last_biometrics,
        "card_expiry": card_exp.isoformat() if card_exp else None,
        "fee_vnd": fee.amount,
        "fee_rule": fee.text,
        "fee_rule_code": fee.rule,
        "return_by": return_by.isoformat(),
        "findings": [f.as_dict() for f in findings],
    }


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Finding] = []
    for f in findings:
        key = (f.field, f.code, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# --- the database part ---------------------------------------------------------------------
# Everything a check needs from the database comes in ONE statement (a UNION ALL of tagged rows,
# every value as text), so a check costs one round trip. The same SQL runs through SQLAlchemy
# (an ORM Session or a Core Connection; SQLite or PostgreSQL) and through the standard library's
# sqlite3, which `workstation check` uses to start without importing SQLAlchemy.

# States of an application still in progress (models.applications.OPEN_STATES; a test keeps
# them equal).
OPEN_STATES = ("draft", "verified", "captured", "confirmed", "submitted", "card_arrived")

_N = "NULL, NULL, NULL, NULL"
LOOKUP_SQL = (
    "SELECT 'r', CAST(id AS TEXT), pid, full_name, CAST(date_of_birth AS TEXT), sex, "
    "dob_precision FROM residents WHERE pid = :a OR pid = :b "
    "UNION ALL SELECT 'p', parent_pid, role, " + _N + " FROM parent_links "
    "WHERE child_id = (SELECT id FROM residents WHERE pid = :a) "
    "UNION ALL SELECT 'd', type, number, CAST(issued_on AS TEXT), CAST(expires_on AS TEXT), "
    "NULL, NULL FROM identity_documents "
    "WHERE resident_id = (SELECT id FROM residents WHERE pid = :a) "
    "UNION ALL SELECT 'a', number, CAST(id AS TEXT), " + _N + " FROM applications "
    "WHERE applicant_pid = :a AND state IN ("
    + ", ".join(f"'{state}'" for state in OPEN_STATES) + ") "
    "UNION ALL SELECT 'o', CAST(day AS TEXT), CASE WHEN working THEN '1' ELSE '0' END, note, "
    "NULL, NULL, NULL FROM calendar_overrides WHERE day >= :on "
    "UNION ALL SELECT 'f', fee_case, CAST(amount AS TEXT), CAST(valid_from AS TEXT), "
    "CAST(valid_to AS TEXT), source, NULL FROM station_fee_rates "
    "WHERE valid_from <= :on AND (valid_to IS NULL OR valid_to >= :on) "
    "UNION ALL SELECT 'e', CASE WHEN EXISTS (SELECT 1 FROM residents) THEN '1' ELSE '0' END, "
    "NULL, " + _N
)
_STATEMENT: list[Any] = []


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


@dataclass
class _Looked:
    """What the database says about a request (see LOOKUP_SQL)."""

    views: dict[str, RecordView]
    records_empty: bool
    open_applications: tuple[str, ...]
    overrides: list[DayOverride]
    fee_rates: tuple[StationRate, ...] = ()


def _lookup(session: Any, applicant_pid: str | None, rep_pid: str | None,
            on: date) -> _Looked:
    import sqlite3

    a = applicant_pid or rep_pid or ""
    b = rep_pid or a
    rows: Any
    if isinstance(session, sqlite3.Connection):
        rows = session.execute(LOOKUP_SQL, {"a": a, "b": b, "on": on.isoformat()}).fetchall()
    else:
        from sqlalchemy import Date, bindparam, text
        from sqlalchemy.engine import Connection

        if not _STATEMENT:
            _STATEMENT.append(text(LOOKUP_SQL).bindparams(bindparam("on", type_=Date)))
        conn = session if isinstance(session, Connection) else session.connection()
        rows = conn.execute(_STATEMENT[0], {"a": a, "b": b, "on": on}).all()

    residents: list[tuple[Any, ...]] = []
    parents: dict[str, str] = {}
    docs: list[CurrentCard] = []
    apps: list[tuple[int, str]] = []
    overrides: list[DayOverride] = []
    fee_rates: list[StationRate] = []
    any_resident = False
    for tag, c1, c2, c3, c4, c5, c6 in rows:
        if tag == "r":
            residents.append((int(c1), c2, c3, _day(c4), c5, c6))
        elif tag == "p":
            if c1:
                parents[c1] = c2
        elif tag == "d":
            # No expiry in the records: computed from the issue date when there is one.
            expires = _day(c4)
            docs.append(CurrentCard(c1, c2, _day(c3), expires, expiry_known=expires is not None))
        elif tag == "a":
            apps.append((int(c2), c1))
        elif tag == "o":
            day = _day(c1)
            if day is not None:
                overrides.append(DayOverride(day, c2 == "1", c3 or ""))
        elif tag == "f":
            start = _day(c3)
            if start is not None:
                fee_rates.append(StationRate(c1, int(c2), start, _day(c4), c5 or ""))
        elif tag == "e":
            any_resident = c1 == "1"
    views: dict[str, RecordView] = {}
    for rid, pid, full_name, dob, sex, precision in residents:
        mine = pid == applicant_pid
        views[pid] = RecordView(rid, pid, full_name, dob or date.min, sex, precision or "day",
                                parents if mine else {}, tuple(docs) if mine else ())
    return _Looked(views, not any_resident,
                   tuple(number for _, number in sorted(apps)) if applicant_pid else (),
                   overrides, tuple(fee_rates))


def check(session: Any, request: Any, on: date | None = None, settings: Any = None,
          *, lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """Evaluate an application request against the law and the records (CLI.md ``check``).

    ``session`` is an ORM ``Session``, a Core ``Connection`` or a ``sqlite3`` connection to a
    station database. ``on`` is "today" (the default of the request's ``on``); ``settings`` a
    ``workstation.settings.Settings`` (None: the declared defaults). Nothing is written.
    """
    from workstation.settings import Settings

    settings = settings if settings is not None else Settings()
    today = on or datetime.now().date()
    req = parse_request(request, today=today, lang=lang)

    applicant_pid = req.applicant.pid
    rep_pid = req.representative.pid if req.representative else None
    found = _lookup(session, applicant_pid, rep_pid, req.on)
    record = found.views.get(applicant_pid) if applicant_pid else None
    rep_record = found.views.get(rep_pid) if rep_pid else None
    calendar = load_calendar()
    if found.overrides:
        calendar = calendar.with_overrides(found.overrides)
    ctx = CheckContext(
        record=record,
        rep_record=rep_record,
        records_empty=record is None and found.records_empty,
        open_applications=found.open_applications,
        calendar=calendar,
        policy=FeePolicy.from_settings(settings),
        station_rates=found.fee_rates,
        return_working_days=int(settings["rules.return_working_days"]),
        leap=str(settings["rules.leap_birthday"]),
        extra_prefixes=tuple(str(x) for x in settings["rules.extra_pid_prefixes"]),
    )
    return evaluate(req, ctx, lang)
