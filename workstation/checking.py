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
from workstation.rules.fees import EXEMPTION_GROUPS, FeePolicy, compute_fee
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
        bad = sorted({c for c in cleaned if not (c.isalpha() or c in _NAME_PUNCT
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
                      lang=lang)

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
# Statements are built once and run on the session's connection (Core, not ORM loading):
# SQLAlchemy then reuses their compiled form, which keeps a check within a few milliseconds.

_STATEMENTS: dict[str, Any] = {}
# States of an application still in progress (models.applications.OPEN_STATES; a test keeps
# them equal). Spelled here so that `workstation check` needs SQLAlchemy Core only, not the ORM.
OPEN_STATES = ("draft", "verified", "captured", "confirmed", "submitted", "card_arrived")


def _statements() -> dict[str, Any]:
    """The lookups, on lightweight table descriptions of models.records/applications/rules."""
    if not _STATEMENTS:
        from sqlalchemy import Boolean, Date, Integer, String, Text, exists, or_, select
        from sqlalchemy.sql import bindparam, column, table

        residents = table("residents", column("id", Integer), column("pid", String),
                          column("full_name", String), column("date_of_birth", Date),
                          column("sex", String), column("dob_precision", String))
        parent_links = table("parent_links", column("child_id", Integer),
                             column("parent_pid", String), column("role", String))
        documents = table("identity_documents", column("resident_id", Integer),
                          column("type", String), column("number", String),
                          column("issued_on", Date), column("expires_on", Date))
        applications = table("applications", column("id", Integer), column("number", String),
                             column("applicant_pid", String), column("state", String))
        overrides = table("calendar_overrides", column("day", Date),
                          column("working", Boolean), column("note", Text))
        r, p, d, a, o = (residents.c, parent_links.c, documents.c, applications.c,
                         overrides.c)
        _STATEMENTS.update(
            residents=select(r.id, r.pid, r.full_name, r.date_of_birth, r.sex,
                             r.dob_precision)
            .where(or_(r.pid == bindparam("a"), r.pid == bindparam("b"))),
            parents=select(p.parent_pid, p.role).where(p.child_id == bindparam("id")),
            documents=select(d.type, d.number, d.issued_on, d.expires_on)
            .where(d.resident_id == bindparam("id")),
            any_resident=select(exists().where(r.id > 0)),
            open_applications=select(a.number)
            .where(a.applicant_pid == bindparam("pid"), a.state.in_(OPEN_STATES))
            .order_by(a.id),
            overrides=select(o.day, o.working, o.note).where(o.day >= bindparam("on")),
        )
    return _STATEMENTS


class _CoreLookups:
    """The lookups through SQLAlchemy (an ORM ``Session`` or a Core ``Connection``)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def rows(self, name: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.conn.execute(_statements()[name], params)]


class _Sqlite3Lookups:
    """The same lookups on a plain ``sqlite3`` connection: what ``workstation check`` uses for
    a SQLite station database, so that the command starts without importing SQLAlchemy.
    Dates are stored as ISO text by SQLAlchemy's SQLite dialect. The integration tests run
    both kinds of lookups against the same migrated database."""

    SQL = {
        "residents": "SELECT id, pid, full_name, date_of_birth, sex, dob_precision "
                     "FROM residents WHERE pid = :a OR pid = :b",
        "parents": "SELECT parent_pid, role FROM parent_links WHERE child_id = :id",
        "documents": "SELECT type, number, issued_on, expires_on FROM identity_documents "
                     "WHERE resident_id = :id",
        "any_resident": "SELECT EXISTS (SELECT 1 FROM residents WHERE id > 0)",
        "open_applications": "SELECT number FROM applications WHERE applicant_pid = :pid AND "
                             "state IN (" + ", ".join(f"'{s}'" for s in OPEN_STATES) + ") "
                             "ORDER BY id",
        "overrides": "SELECT day, working, note FROM calendar_overrides WHERE day >= :on",
    }
    DATES = {"residents": (3,), "documents": (2, 3), "overrides": (0,)}

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def rows(self, name: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        args = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
        rows = self.conn.execute(self.SQL[name], args).fetchall()
        columns = self.DATES.get(name)
        if not columns:
            return [tuple(row) for row in rows]
        out = []
        for row in rows:
            values = list(row)
            for i in columns:
                values[i] = date.fromisoformat(values[i][:10]) if values[i] else None
            out.append(tuple(values))
        return out


def _record_views(look: Any, pids: list[str], detailed: str | None) -> dict[str, RecordView]:
    """The residents with these PIDs; parents and documents for ``detailed`` only."""
    views: dict[str, RecordView] = {}
    for rid, pid, full_name, dob, sex, precision in look.rows("residents",
                                                              {"a": pids[0], "b": pids[-1]}):
        parents: dict[str, str] = {}
        docs: list[CurrentCard] = []
        if pid == detailed:
            for parent_pid, role in look.rows("parents", {"id": rid}):
                if parent_pid:
                    parents[parent_pid] = role
            for dtype, number, issued, expires in look.rows("documents", {"id": rid}):
                # No expiry in the records: computed from the issue date when there is one.
                docs.append(CurrentCard(dtype, number, issued, expires,
                                        expiry_known=expires is not None))
        views[pid] = RecordView(rid, pid, full_name, dob, sex, precision or "day", parents,
                                tuple(docs))
    return views


def _calendar(look: Any, on: date) -> Calendar:
    base = load_calendar()
    rows = look.rows("overrides", {"on": on})
    if not rows:
        return base
    return base.with_overrides(DayOverride(d, bool(w), n or "") for d, w, n in rows)


def check(session: Any, request: Any, on: date | None = None, settings: Any = None,
          *, lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """Evaluate an application request against the law and the records (CLI.md ``check``).

    ``session`` is an ORM ``Session``, a Core ``Connection`` or a ``sqlite3`` connection to a
    station database. ``on`` is "today" (the
    default of the request's ``on``); ``settings`` a
    ``workstation.settings.Settings`` (None: the declared defaults). Nothing is written.
    """
    from workstation.settings import Settings

    settings = settings if settings is not None else Settings()
    today = on or datetime.now().date()
    req = parse_request(request, today=today, lang=lang)

    import sqlite3

    look: _CoreLookups | _Sqlite3Lookups
    if isinstance(session, sqlite3.Connection):
        look = _Sqlite3Lookups(session)
    else:
        from sqlalchemy.engine import Connection

        look = _CoreLookups(session if isinstance(session, Connection)
                            else session.connection())
    applicant_pid = req.applicant.pid
    rep_pid = req.representative.pid if req.representative else None
    pids = [p for p in (applicant_pid, rep_pid) if p]
    views = _record_views(look, pids, applicant_pid) if pids else {}
    record = views.get(applicant_pid) if applicant_pid else None
    rep_record = views.get(rep_pid) if rep_pid else None
    records_empty = False
    if record is None:
        records_empty = not look.rows("any_resident", {})[0][0]
    open_numbers: tuple[str, ...] = ()
    if applicant_pid:
        open_numbers = tuple(r[0] for r in look.rows("open_applications",
                                                     {"pid": applicant_pid}))
    ctx = CheckContext(
        record=record,
        rep_record=rep_record,
        records_empty=records_empty,
        open_applications=open_numbers,
        calendar=_calendar(look, req.on),
        policy=FeePolicy.from_settings(settings),
        return_working_days=int(settings["rules.return_working_days"]),
        leap=str(settings["rules.leap_birthday"]),
        extra_prefixes=tuple(str(x) for x in settings["rules.extra_pid_prefixes"]),
    )
    return evaluate(req, ctx, lang)
