"""A leader's own chip card (căn cước) as the second way to approve a biometric exception.

Registration (``workstation users card-register USER``, needs ``users.manage``): the card on the
reader is read with the BAC key typed from what is printed on it (PID, date of birth, expiry);
passive authentication must pass, DG1's PID must be the PID typed and the card must not have
expired. The BAC inputs and DG1's PID are stored against the account (``models.security.
UserCard``); registering again replaces the card.

Approval (``approve_with_card``): the leader places their card. The registered cards are tried
(only the named leader's when a user name is given): the one whose stored BAC key opens the
chip identifies the holder. Then passive authentication must pass (a clone with altered data
fails it), DG1's PID and document number must be the registered ones, the Document Signer
certificate must be the one seen at registration (without a CSCA trust list a chip signed by a
made-up signer would pass passive authentication), the card must not have expired, the
account must be active and hold ``biometrics.exception_approve``. Every attempt, granted or
refused, is audited (``biometrics.exception_card_approval``). The caller records the
approver and the method ``card`` with the exception itself.

Each refusal is a ``CardApprovalRefused`` whose code names a translated message
(``security.card.*``). Reading the card is slow (about 0.1–0.5 s): the app calls this off the
GUI thread. Limit: without Chip/Active Authentication (not implemented by the reader layer) a
perfect copy of an unaltered chip would pass; passive authentication only proves the data is
the issuer's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.security import User, UserCard
from workstation.errors import UserFacingError
from workstation.security import Actor, require
from workstation.security.audit import record as audit

if TYPE_CHECKING:
    from devices.smartcard.bac import BacKey
    from devices.smartcard.emrtd import ChipRead
    from models.db import Database

APPROVE_PERMISSION = "biometrics.exception_approve"
#: At most this many registered cards are tried when no leader is named (a station has a few
#: leaders; each wrong key costs one BAC exchange, ~20 ms).
MAX_CARDS_TRIED = 12

Reader = Callable[["BacKey"], "ChipRead"]


class CardApprovalRefused(UserFacingError):
    """The card does not approve: ``code`` says why (``security.card.*``)."""


@dataclass(frozen=True)
class RegisteredCard:
    """What may be shown about a registered card (the PID masked)."""

    username: str
    full_name: str
    pid_masked: str
    expiry: date | None
    registered_at: datetime | None
    pa_status: str

    def as_dict(self) -> dict[str, Any]:
        return {"username": self.username, "full_name": self.full_name,
                "pid": self.pid_masked,
                "expiry": self.expiry.isoformat() if self.expiry else None,
                "registered_at": self.registered_at.isoformat() if self.registered_at else None,
                "passive_authentication": self.pa_status}


def mask_pid(pid: str) -> str:
    return "*" * max(0, len(pid) - 4) + pid[-4:]


def _bac(card: UserCard) -> BacKey:
    from devices.smartcard.bac import BacKey
    from devices.smartcard.mrzdata import yymmdd

    return BacKey(card.document_number, yymmdd(card.date_of_birth), yymmdd(card.expiry))


def _dg1_hash(chip: ChipRead) -> str:
    dg1 = chip.files.get("DG1") or b""
    return hashlib.sha256(dg1).hexdigest() if dg1 else ""


def _signer_hash(chip: ChipRead) -> str:
    """SHA-256 of the Document Signer certificate in the chip's SOD ("" if there is none)."""
    from devices.errors import DeviceError
    from devices.smartcard.sod import parse_sod

    raw = chip.files.get("SOD") or b""
    try:
        cert = parse_sod(raw).certificate if raw else None
    except DeviceError:
        return ""
    return hashlib.sha256(cert).hexdigest() if cert else ""


def _registered(user: User, card: UserCard) -> RegisteredCard:
    return RegisteredCard(user.username, user.full_name, mask_pid(card.pid), card.expiry,
                          card.registered_at, card.pa_status)


# ----------------------------------------------------------------------------- registration
def register_card(session: Session, actor: Actor, username: str, chip: ChipRead, *,
                  pid: str, date_of_birth: date, expiry: date | None,
                  today: date | None = None) -> RegisteredCard:
    """Store ``chip`` (read with the BAC key from ``pid``/``date_of_birth``/``expiry``) as
    ``username``'s own card. Refused unless the chip is authentic, its DG1 PID is ``pid`` and
    it has not expired. Audited as ``users.card_register``."""
    from devices.smartcard.mrzdata import document_number_for_pid

    require(actor, "users.manage")
    today = today or date.today()
    user = session.scalars(select(User).where(User.username == username.strip().lower())).first()
    if user is None:
        raise UserFacingError("security.user_unknown", username=username)
    if not chip.pa.ok:
        raise CardApprovalRefused("security.card.pa_failed")
    dg1_pid = chip.mrz.pid or ""
    if dg1_pid != pid:
        raise CardApprovalRefused("security.card.pid_differs")
    card_expiry = chip.expiry
    if card_expiry is not None and card_expiry < today:
        raise CardApprovalRefused("security.card.expired",
                                  day=card_expiry.strftime("%d/%m/%Y"))
    other = session.scalars(select(UserCard).where(UserCard.pid == pid,
                                                   UserCard.user_id != user.id)).first()
    if other is not None:
        owner = session.get(User, other.user_id)
        raise CardApprovalRefused("security.card.taken",
                                  username=owner.username if owner else "?")
    card = session.scalars(select(UserCard).where(UserCard.user_id == user.id)).first()
    if card is None:
        card = UserCard(user_id=user.id)
        session.add(card)
    card.pid = pid
    card.document_number = document_number_for_pid(pid)
    card.date_of_birth = date_of_birth
    card.expiry = expiry
    card.dg1_sha256 = _dg1_hash(chip)
    card.signer_sha256 = _signer_hash(chip)
    card.pa_status = chip.pa.status
    card.registered_at = datetime.now(UTC)
    card.registered_by = actor.username
    card.last_used_at = None
    session.flush()
    audit(session, actor, "users.card_register", "user", user.username,
          {"pid": pid, "pa": chip.pa.status,
           "expiry": expiry.isoformat() if expiry else None})
    return _registered(user, card)


def register_from_reader(db: Database, actor: Actor, username: str, read: Reader, *,
                         pid: str, date_of_birth: date, expiry: date | None,
                         today: date | None = None) -> RegisteredCard:
    """Read the card on the reader with the BAC key typed from it and register it (the admin
    page's "register card" button; the CLI does the same). Call it off the GUI thread."""
    from devices.smartcard.errors import MalformedData
    from devices.smartcard.mrzdata import bac_key_for_pid

    require(actor, "users.manage")
    try:
        key = bac_key_for_pid(pid, date_of_birth, expiry)
    except MalformedData:
        raise UserFacingError("smartcard.bad_pid", value=pid) from None
    chip = read(key)
    with db.session() as s:
        return register_card(s, actor, username, chip, pid=pid, date_of_birth=date_of_birth,
                             expiry=expiry, today=today)


def unregister_card(session: Session, actor: Actor, username: str) -> bool:
    """Remove ``username``'s card; ``False`` when none was registered. Audited."""
    require(actor, "users.manage")
    user = session.scalars(select(User).where(User.username == username.strip().lower())).first()
    if user is None:
        raise UserFacingError("security.user_unknown", username=username)
    card = session.scalars(select(UserCard).where(UserCard.user_id == user.id)).first()
    if card is None:
        return False
    session.delete(card)
    audit(session, actor, "users.card_unregister", "user", user.username, {})
    return True


def list_cards(session: Session) -> list[RegisteredCard]:
    """The registered cards of active accounts (for the approval dialog and the admin)."""
    rows = session.execute(select(User, UserCard).join(UserCard, UserCard.user_id == User.id)
                           .where(User.disabled.is_(False)).order_by(User.username))
    return [_registered(u, c) for u, c in rows]


def card_holders(session: Session) -> list[tuple[str, str]]:
    """``(username, full_name)`` of active leaders with a registered card."""
    from workstation.security.permissions import permissions_of

    rows = session.execute(select(User).join(UserCard, UserCard.user_id == User.id)
                           .where(User.disabled.is_(False)).order_by(User.username)).scalars()
    return [(u.username, u.full_name) for u in rows
            if APPROVE_PERMISSION in permissions_of(frozenset(u.roles or ()))]


# ----------------------------------------------------------------------------- approval
@dataclass(frozen=True)
class _Candidate:
    card_id: int
    username: str
    full_name: str
    roles: tuple[str, ...]
    disabled: bool
    pid: str
    document_number: str
    signer_sha256: str
    key: Any  # BacKey


def _candidates(session: Session, username: str | None) -> list[_Candidate]:
    q = select(User, UserCard).join(UserCard, UserCard.user_id == User.id)
    if username:
        q = q.where(User.username == username.strip().lower())
    else:
        q = q.where(User.disabled.is_(False))
    rows = session.execute(q.order_by(UserCard.last_used_at.desc(), User.username)
                           .limit(MAX_CARDS_TRIED)).all()
    return [_Candidate(c.id, u.username, u.full_name, tuple(u.roles or ()), bool(u.disabled),
                       c.pid, c.document_number, c.signer_sha256, _bac(c)) for u, c in rows]


def _read_error(exc: Exception) -> CardApprovalRefused | None:
    """A reader problem as an approval message; ``None`` for a refused BAC key."""
    code = getattr(exc, "code", "")
    if code == "smartcard.bac_failed":
        return None
    if code == "smartcard.no_card":
        return CardApprovalRefused("security.card.no_card")
    if code in ("smartcard.reader_gone", "smartcard.pcsc_unavailable", "smartcard.pcsc_missing",
                "smartcard.no_reader", "smartcard.reader_not_found"):
        return CardApprovalRefused("security.card.reader_unavailable")
    if code in ("smartcard.card_removed", "smartcard.connection_lost"):
        return CardApprovalRefused("security.card.removed")
    if code.startswith("smartcard.malformed") or code in ("smartcard.not_emrtd",
                                                          "smartcard.pace_required"):
        return CardApprovalRefused("security.card.not_id_card")
    return CardApprovalRefused("security.card.read_failed",
                               detail=str(getattr(exc, "text", lambda _l: exc)("en")))


def approve_with_card(db: Database, requester: Actor, read: Reader, *,
                      username: str | None = None, today: date | None = None,
                      station: str = "", what: str = "") -> Actor:
    """Identify the leader by the card on the reader and return them as an ``Actor``.

    ``read(key)`` reads the card with a BAC key (raising the smart-card layer's errors);
    ``username`` limits the search to that leader's card. Raises ``CardApprovalRefused``.
    Every attempt is audited under ``requester`` (the officer asking for the approval).
    """
    from devices.errors import DeviceError

    today = today or date.today()
    name = (username or "").strip().lower() or None
    with db.session() as s:
        candidates = _candidates(s, name)
    try:
        if not candidates:
            if name:
                raise CardApprovalRefused("security.card.none_for_user", username=name)
            raise CardApprovalRefused("security.card.none_registered")
        chip: ChipRead | None = None
        holder: _Candidate | None = None
        for cand in candidates:
            try:
                chip = read(cand.key)
            except DeviceError as exc:
                refused = _read_error(exc)
                if refused is not None:
                    raise refused from exc
                continue
            holder = cand
            break
        if chip is None or holder is None:
            if name:
                raise CardApprovalRefused("security.card.someone_else",
                                          full_name=candidates[0].full_name or name)
            raise CardApprovalRefused("security.card.not_registered")
        if not chip.pa.ok:
            raise CardApprovalRefused("security.card.pa_failed")
        if (chip.mrz.pid or "") != holder.pid or chip.mrz.document_number != \
                holder.document_number:
            raise CardApprovalRefused("security.card.data_mismatch")
        if holder.signer_sha256 and _signer_hash(chip) != holder.signer_sha256:
            raise CardApprovalRefused("security.card.signer_differs")
        if chip.expiry is not None and chip.expiry < today:
            raise CardApprovalRefused("security.card.expired",
                                      day=chip.expiry.strftime("%d/%m/%Y"))
        if holder.disabled:
            raise CardApprovalRefused("security.card.account_disabled",
                                      username=holder.username)
        approver = Actor(holder.username, frozenset(holder.roles), station=station,
                         full_name=holder.full_name)
        if not approver.has(APPROVE_PERMISSION):
            raise CardApprovalRefused("security.card.not_leader",
                                      full_name=holder.full_name or holder.username)
        _refuse_self_approval(requester, approver)
    except CardApprovalRefused as exc:
        _audit_attempt(db, requester, name, exc.code, what)
        raise
    with db.session() as s:
        card = s.get(UserCard, holder.card_id)
        if card is not None:
            card.last_used_at = datetime.now(UTC)
        audit(s, requester, "biometrics.exception_card_approval", "user", holder.username,
              {"result": "approved", "what": what, "pa": chip.pa.status})
    return approver


def _audit_attempt(db: Database, requester: Actor, username: str | None, code: str,
                   what: str) -> None:
    with db.session() as s:
        audit(s, requester, "biometrics.exception_card_approval", "user", username,
              {"result": "refused", "reason": code, "what": what})


def _refuse_self_approval(requester: Actor | None, approver: Actor) -> None:
    """Four eyes: the officer who asks for an exception never approves it as well."""
    if requester is not None and requester.username == approver.username:
        raise CardApprovalRefused("security.approval_self",
                                  full_name=approver.full_name or approver.username)


def approve_with_password(db: Database, username: str, password: str, *, settings: Any,
                          station: str = "", requester: Actor | None = None) -> Actor:
    """The other way: the leader's user name and password (counted like a login, lock-out
    included). Refused unless the account holds ``biometrics.exception_approve``, and refused
    when the leader is ``requester`` (the officer asking for the approval)."""
    from workstation.security.users import login

    result = login(db, username, password, settings=settings, station=station)
    approver: Actor = result.actor
    if not approver.has(APPROVE_PERMISSION):
        raise CardApprovalRefused("security.approval_not_leader",
                                  full_name=approver.full_name or approver.username)
    _refuse_self_approval(requester, approver)
    return approver


def settings_reader(settings: Any, *, simulate: bool = False) -> Reader:
    """``read(key)`` on the card reader the settings name, without the face (DG2): build it
    on the thread that reads (PC/SC contexts belong to their thread)."""
    from devices.smartcard.registry import create_adapter, trust_list
    from devices.smartcard.service import read_card

    made: list[Any] = []

    def read(key: BacKey) -> ChipRead:
        if not made:
            made.append(create_adapter(
                "simulator" if simulate else settings["smartcard.adapter"],
                settings["smartcard.reader"],
                extended_length=bool(settings["smartcard.extended_length"]),
                simulator_delay_ms=settings["smartcard.simulator_delay_ms"]))
        return read_card(made[0], key, csca=trust_list(settings["smartcard.csca_dir"]),
                         with_face=False)

    return read
