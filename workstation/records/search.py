"""Finding residents (tra cứu dân cư): by PID, by name in any case and with or without
diacritics (``đ`` = ``d``, words in any order, the last word as a prefix), narrowed by a birth
year or date, or by household. Results are plain dataclasses, best match first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, bindparam, exists, func, select
from sqlalchemy.orm import Session

from models.records import AdminUnit, Household, Resident, ResidentNameToken
from workstation.errors import UsageError
from workstation.rules.names import clean_name, fold, name_tokens

R = cast(Table, Resident.__table__)
T = cast(Table, ResidentNameToken.__table__)
U = cast(Table, AdminUnit.__table__)
H = cast(Table, Household.__table__)
_HAMLET = U.alias("hamlet")
DEFAULT_LIMIT = 50
CANDIDATES = 1000  # name matches ranked per query; common names beyond this are cut
_PID_LIKE = re.compile(r"^[\d\s.\-]{9,20}$")
_BORN = re.compile(r"^(\d{4})(?:-(\d{1,2})-(\d{1,2}))?$")


@dataclass(frozen=True)
class ResidentHit:
    """One resident found (the CLI.md ``records find --json`` fields)."""

    pid: str
    full_name: str
    date_of_birth: str  # YYYY-MM-DD, or YYYY when only the year is known
    sex: str
    unit: str | None
    hamlet: str | None
    household_id: str | None
    id: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"pid": self.pid, "full_name": self.full_name,
                "date_of_birth": self.date_of_birth, "sex": self.sex, "unit": self.unit,
                "hamlet": self.hamlet, "household_id": self.household_id}


_COLUMNS = (R.c.id, R.c.pid, R.c.full_name, R.c.date_of_birth, R.c.dob_precision, R.c.sex,
            U.c.name, _HAMLET.c.name, H.c.number)
_FROM = (R.outerjoin(U, U.c.id == R.c.unit_id)
         .outerjoin(_HAMLET, _HAMLET.c.id == R.c.hamlet_id)
         .outerjoin(H, H.c.id == R.c.household_id))
_PID_QUERY = select(*_COLUMNS).select_from(_FROM).where(R.c.pid == bindparam("pid"))


def _hit(row: Any) -> ResidentHit:
    rid, pid, name, dob, precision, sex, unit, hamlet, household = row
    return ResidentHit(pid=pid, full_name=name,
                       date_of_birth=f"{dob.year:04d}" if precision == "year" else dob.isoformat(),
                       sex=sex, unit=unit, hamlet=hamlet, household_id=household, id=rid)


def _conn(session: Session | Connection) -> Connection:
    return session.connection() if isinstance(session, Session) else session


def parse_born(text: str | None) -> tuple[int, date | None] | None:
    """``1990`` or ``1990-05-17`` → (year, date or None). Raises ``UsageError`` otherwise."""
    if not text:
        return None
    m = _BORN.match(text.strip())
    if not m:
        raise UsageError("records.find.bad_born", value=text)
    year = int(m.group(1))
    if m.group(2) is None:
        return year, None
    try:
        return year, date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise UsageError("records.find.bad_born", value=text) from None


def find_by_pid(session: Session | Connection, pid: str) -> ResidentHit | None:
    """The resident with this 12-digit PID, or None (one indexed lookup)."""
    row = _conn(session).execute(_PID_QUERY, {"pid": pid}).first()
    return _hit(row) if row is not None else None


def find_by_household(session: Session | Connection, number: str) -> list[ResidentHit]:
    q = (select(*_COLUMNS).select_from(_FROM).where(H.c.number == number.strip())
         .order_by(R.c.date_of_birth, R.c.pid))
    return [_hit(r) for r in _conn(session).execute(q)]


def find(session: Session | Connection, query: str = "", *, born: str | None = None,
         household: str | None = None, limit: int = DEFAULT_LIMIT) -> list[ResidentHit]:
    """Residents matching ``query`` (a PID or a name), best first."""
    query = clean_name(query or "")
    when = parse_born(born)
    if _PID_LIKE.match(query):
        digits = re.sub(r"\D", "", query)
        if len(digits) == 11:
            digits = "0" + digits
        hit = find_by_pid(session, digits) if len(digits) == 12 else None
        hits = [hit] if hit is not None else []
        if not hits and len(digits) in (9, 12):
            hits = _by_document(session, digits)
        return [h for h in hits if _born_ok(h, when)][:limit]
    if household and not query:
        return [h for h in find_by_household(session, household) if _born_ok(h, when)][:limit]
    tokens = name_tokens(query)
    if not tokens:
        return []
    conn = _conn(session)
    ids = _candidate_ids(conn, tokens, when[0] if when else None, household)
    if not ids:
        return []
    # Rank on the names alone, then load places and households for the best only.
    key_of = ranker(query)
    light: list[tuple[Any, ...]] = []
    for i in range(0, len(ids), 900):
        q = (select(R.c.id, R.c.pid, R.c.full_name, R.c.name_key, R.c.date_of_birth,
                    R.c.dob_precision).where(R.c.id.in_(ids[i:i + 900])))
        for rid, pid, name, key, dob, precision in conn.execute(q):
            text = f"{dob.year:04d}" if precision == "year" else dob.isoformat()
            if _born_text_ok(text, when):
                light.append((key_of(name, key), name, pid, rid))
    light.sort()
    best = [rid for *_, rid in light[:limit]]
    if not best:
        return []
    order = {rid: n for n, rid in enumerate(best)}
    q = select(*_COLUMNS).select_from(_FROM).where(R.c.id.in_(best))
    return sorted((_hit(r) for r in conn.execute(q)), key=lambda h: order[h.id])


def _born_ok(hit: ResidentHit, when: tuple[int, date | None] | None) -> bool:
    return _born_text_ok(hit.date_of_birth, when)


def _born_text_ok(text: str, when: tuple[int, date | None] | None) -> bool:
    if when is None:
        return True
    year, day = when
    if not text.startswith(f"{year:04d}"):
        return False
    return day is None or len(text) == 4 or text == day.isoformat()


def _by_document(session: Session | Connection, number: str) -> list[ResidentHit]:
    from models.records import IdentityDocument

    D = cast(Table, IdentityDocument.__table__)
    q = (select(*_COLUMNS).select_from(_FROM.join(D, D.c.resident_id == R.c.id))
         .where(D.c.number == number).distinct())
    return [_hit(r) for r in _conn(session).execute(q)]


ESTIMATE_CAP = 300  # enough to tell a rare word from a common one
MAX_EXPANSION = 64  # distinct words a last-word prefix may stand for


def _expand(conn: Connection, prefix: str) -> list[str] | None:
    """The distinct indexed words starting with ``prefix`` (one index seek each), or None
    when there are too many to list (then the prefix is searched as a range)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    words: list[str] = []
    word = conn.execute(_FIRST_WORD, {"low": prefix, "high": upper}).scalar()
    while word is not None:
        words.append(word)
        if len(words) > MAX_EXPANSION:
            return None
        word = conn.execute(_NEXT_WORD, {"after": word, "high": upper}).scalar()
    return words


# Statements built once (SQLAlchemy then reuses their compiled form).
_FIRST_WORD = select(func.min(T.c.token)).where(T.c.token >= bindparam("low"),
                                                T.c.token < bindparam("high"))
_NEXT_WORD = select(func.min(T.c.token)).where(T.c.token > bindparam("after"),
                                               T.c.token < bindparam("high"))
_COUNT_WORD_YEAR = select(func.count()).select_from(
    select(T.c.resident_id).where(T.c.token == bindparam("word"),
                                  T.c.birth_year == bindparam("year"))
    .limit(ESTIMATE_CAP).subquery())


def _term_condition(table: Any, term: tuple[str, list[str] | None]) -> Any:
    word, expanded = term
    if expanded is None:  # a short prefix of very many words: a range
        upper = word[:-1] + chr(ord(word[-1]) + 1)
        return and_(table.c.token >= word, table.c.token < upper)
    if len(expanded) == 1:
        return table.c.token == expanded[0]
    return table.c.token.in_(expanded)


def _estimate(conn: Connection, term: tuple[str, list[str] | None], year: int | None) -> int:
    if year is not None and term[1] is not None and len(term[1]) == 1:
        return int(conn.execute(_COUNT_WORD_YEAR, {"word": term[1][0], "year": year})
                   .scalar_one())
    cond = _term_condition(T, term)
    if year is not None:
        cond = and_(cond, T.c.birth_year == year)
    sub = select(T.c.resident_id).where(cond).limit(ESTIMATE_CAP).subquery()
    return int(conn.execute(select(func.count()).select_from(sub)).scalar_one())


def _candidate_ids(conn: Connection, tokens: list[str], year: int | None,
                   household: str | None) -> list[int]:
    """Residents whose name has every query word (the last one as a prefix)."""
    terms: list[tuple[str, list[str] | None]] = [(t, [t]) for t in dict.fromkeys(tokens[:-1])]
    last = tokens[-1]
    expanded = _expand(conn, last)
    if expanded is not None and not expanded:
        return []  # no name has a word starting so
    terms.append((last, expanded))
    if len(terms) > 1:
        # Drive the query by the rarest word; the others are checked per resident.
        terms.sort(key=lambda term: _estimate(conn, term, year))
    first, *others = terms
    cond = _term_condition(T, first)
    if year is not None:
        cond = and_(cond, T.c.birth_year == year)
    q = select(T.c.resident_id).where(cond)
    for term in others:
        other = T.alias()
        # The same resident's words carry the same birth year: with it the check is one seek
        # in (token, birth_year, resident_id) instead of a scan of a common word.
        q = q.where(exists().where(_term_condition(other, term),
                                   other.c.birth_year == T.c.birth_year,
                                   other.c.resident_id == T.c.resident_id))
    if household:
        q = q.where(exists().where(R.c.id == T.c.resident_id, R.c.household_id == H.c.id,
                                   H.c.number == household.strip()))
    q = q.distinct().limit(CANDIDATES)
    return [rid for (rid,) in conn.execute(q)]


def ranker(query: str) -> Any:
    """A sort key function ``key(full_name, name_key)`` for ``query``: smaller is better.

    Exact diacritics first; then the whole folded name, the words in the query's order, the last
    word whole rather than a prefix, and fewer extra words.
    """
    q_words = query.lower().split()
    q_fold = fold(query)
    q_tokens = name_tokens(query)
    head, tail = q_words[:-1], q_words[-1] if q_words else ""
    last = q_tokens[-1] if q_tokens else ""

    def key(full_name: str, name_key: str) -> tuple[int, ...]:
        n_words = full_name.lower().split()
        exact = all(w in n_words for w in head) and any(n.startswith(tail) for n in n_words)
        whole = q_fold == name_key
        in_order = f" {name_key} ".find(f" {q_fold}") >= 0
        last_whole = last in name_key.split()
        return (0 if exact else 1, 0 if whole else 1, 0 if in_order else 1,
                0 if last_whole else 1, len(n_words) - len(q_words))

    return key


def rank(query: str, full_name: str) -> tuple[int, ...]:
    """Sort key of one name for a query (see ``ranker``)."""
    key: tuple[int, ...] = ranker(query)(full_name, fold(full_name))
    return key


def search(session: Session, actor: Any, query: str = "", *, born: str | None = None,
           household: str | None = None, limit: int = DEFAULT_LIMIT) -> list[ResidentHit]:
    """``find`` for a signed-in officer: checks ``records.read`` and writes the audit entry
    (query, filters, number of results) in the caller's transaction."""
    import importlib

    security: Any = None
    audit: Any = None
    try:
        security = importlib.import_module("workstation.security")
        audit = importlib.import_module("workstation.security.audit")
    except ImportError:  # the security package is optional in a bare core
        pass
    if security is not None:
        security.require(actor, "records.read")
    hits = find(session, query, born=born, household=household, limit=limit)
    if audit is not None:
        audit.record(session, actor, "records.search", "resident",
                     hits[0].pid if len(hits) == 1 else None,
                     {"query": query, "born": born, "household": household,
                      "results": len(hits)})
    return hits
