"""What the composition root hands to the window and its pages: database, settings, services.

Nothing here reaches for globals; ``ui/app.py`` builds one ``AppContext`` and every page gets
it. The parts other areas provide (sign-in, records search, documents, devices) are reached
through the small functions below, each saying clearly when its piece is missing.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.db import Database
from ui.workers import Runner
from workstation.enrollment import EnrollmentService
from workstation.errors import UserFacingError
from workstation.security import Actor
from workstation.settings import Settings

log = logging.getLogger(__name__)


def optional(module: str, name: str) -> Any:
    """``module.name`` if that piece is installed, else ``None``."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def required(module: str, name: str) -> Any:
    fn = optional(module, name)
    if fn is None:
        raise UserFacingError("enrollment.unavailable", part=f"{module}.{name}")
    return fn


@dataclass
class AppContext:
    db: Database
    settings: Settings
    runner: Runner
    simulate: bool = False
    lang: str = "vi"
    today: Callable[[], date] = date.today
    actor: Actor | None = None
    enroll: EnrollmentService = field(init=False)
    devices: Any = None  # ui.devicehub.DeviceHub
    must_change: bool = False
    #: Called with (old, new) whenever ``settings`` is replaced (the administrator saved them):
    #: the main window applies a new language or font size at once.
    settings_listeners: list[Callable[[Settings, Settings], None]] = field(
        default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.enroll = EnrollmentService(self.db, self.settings, today=self.today, lang=self.lang)

    def __setattr__(self, name: str, value: Any) -> None:
        old = self.__dict__.get(name)
        super().__setattr__(name, value)
        if name == "settings" and old is not None and old is not value:
            for listener in list(self.__dict__.get("settings_listeners", ())):
                listener(old, value)

    def set_language(self, lang: str) -> None:
        """The language of core messages (findings, errors) from now on; the window's
        ``apply_language`` calls this together with the Qt translator switch."""
        from ui.i18n import set_language

        set_language(lang)
        self.lang = lang
        self.enroll.lang = lang

    # ----------------------------------------------------------- sign-in (security area)
    def authenticate(self, username: str, password: str) -> Actor:
        """Check a password with the security service; returns the ``Actor`` (the login
        result's ``must_change_password`` is kept on ``self.must_change``)."""
        login = required("workstation.security.users", "login")
        result = login(self.db, username, password, settings=self.settings,
                       station=str(self.settings["station.code"]))
        self.must_change = bool(result.must_change_password)
        return result.actor  # type: ignore[no-any-return]

    def change_password(self, username: str, old: str, new: str) -> Actor:
        change = required("workstation.security.users", "change_password")
        result = change(self.db, username, old, new, settings=self.settings,
                        station=str(self.settings["station.code"]))
        self.must_change = False
        return result.actor  # type: ignore[no-any-return]

    # ----------------------------------------------------------- records (records area)
    def search(self, query: str, born: str | None = None) -> list[Any]:
        find = required("workstation.records.search", "find")
        with self.db.session() as s:
            return list(find(s, query, born=born or None, limit=50))

    def person(self, pid: str) -> Any:
        from workstation.enrollment.reception import person_details

        with self.db.session() as s:
            return person_details(s, pid, self.today())

    def differences(self, app_id: int) -> dict[str, str]:
        from models.applications import Application
        from workstation.enrollment.reception import differences

        with self.db.session() as s:
            app = s.get(Application, app_id)
            return differences(s, app) if app is not None else {}

    # ----------------------------------------------------------- printing (printing area)
    def print_document(self, app_id: int, kind: str) -> Any:
        """Render, spool and note a document; returns ``PrintedDocument`` (PDF for preview)."""
        return self.enroll.print_document(self.actor, app_id, kind)  # type: ignore[arg-type]

    # ----------------------------------------------------------- chip (card reader area)
    def card_adapter(self) -> Any:
        create = required("devices.smartcard.registry", "create_adapter")
        s = self.settings
        return create("simulator" if self.simulate else s["smartcard.adapter"],
                      s["smartcard.reader"], extended_length=bool(s["smartcard.extended_length"]),
                      simulator_delay_ms=s["smartcard.simulator_delay_ms"])

    def read_chip_raw(self, pid: str, dob: date, expiry: date | None) -> Any:
        """Read the card on the reader; the BAC key comes from what is printed on it."""
        from devices.smartcard.errors import MalformedData

        bac = required("devices.smartcard.mrzdata", "bac_key_for_pid")
        read_card = required("devices.smartcard.service", "read_card")
        trust = required("devices.smartcard.registry", "trust_list")
        try:
            key = bac(pid, dob, expiry)
        except MalformedData as exc:
            raise UserFacingError("enrollment.form.pid_format") from exc
        return read_card(self.card_adapter(), key, csca=trust(self.settings["smartcard.csca_dir"]))

    def read_chip(self, pid: str, dob: date, expiry: date | None) -> dict[str, Any]:
        """Prefill from the applicant's card (audited ``card.read``)."""
        chip = self.read_chip_raw(pid, dob, expiry)
        prefill = required("workstation.cards", "prefill_from_card")
        with self.enroll.transaction() as s:
            applicant = prefill(s, self.actor, chip)
        return applicant_form(applicant)

    def verify_representative(self, child_pid: str, pid: str, dob: date,
                              expiry: date | None) -> dict[str, Any]:
        chip = self.read_chip_raw(pid, dob, expiry)
        verify = required("workstation.cards", "verify_representative")
        with self.enroll.transaction() as s:
            check = verify(s, self.actor, chip, child_pid, self.lang)
        from workstation.rules.names import clean_name

        return {"pid": chip.pid, "full_name": clean_name(chip.full_name),
                "verified": check.verified, "relationship": check.relationship,
                "findings": [f.as_dict() for f in check.findings]}

    def check_new_card(self, number: str, pid: str, dob: date,
                       expiry: date | None) -> dict[str, Any]:
        chip = self.read_chip_raw(pid, dob, expiry)
        check = required("workstation.cards", "check_handover")
        with self.enroll.transaction() as s:
            result = check(s, self.actor, chip, number, self.lang)
        return {"pid": chip.pid, **result.as_dict()}


WARM_MODULES = (
    "workstation.checking", "workstation.documents", "printing.cc01", "printing.cc02",
    "printing.receipt", "printing.handover", "devices.camera.quality",
    "devices.fingerprint.registry", "ui.widgets.fingerprint_worker",
    "devices.smartcard.service", "workstation.cards",
)


def warm_up() -> list[str]:
    """Load on a worker, right after sign-in, what the first applicant needs (device and
    printing libraries, fonts), so nobody at the counter waits for imports."""
    loaded = []
    for module in WARM_MODULES:
        try:
            importlib.import_module(module)
            loaded.append(module)
        except Exception:  # noqa: BLE001 - a missing piece is reported where it is used
            log.debug("warm-up of %s failed", module, exc_info=True)
    register = optional("printing.fonts", "register_fonts")
    if register is not None:
        try:
            register()
        except Exception:  # noqa: BLE001
            log.debug("font warm-up failed", exc_info=True)
    return loaded


def applicant_form(applicant: dict[str, Any]) -> dict[str, Any]:
    """The reception form fields from a card prefill (``workstation.cards``)."""
    def dmy(iso: Any) -> str:
        if not iso:
            return ""
        y, m, d = str(iso).split("-")
        return f"{d}/{m}/{y}"

    card = applicant.get("current_card") or {}
    form = {"pid": applicant.get("pid", ""), "full_name": applicant.get("full_name", ""),
            "date_of_birth": dmy(applicant.get("date_of_birth")),
            "sex": applicant.get("sex", ""), "ethnicity": applicant.get("ethnicity", ""),
            "religion": applicant.get("religion", ""), "hometown": applicant.get("hometown", ""),
            "residence": applicant.get("residence", "")}
    if card:
        form.update({"current_card_type": card.get("type", ""),
                     "current_card_number": card.get("number", ""),
                     "current_card_issued_on": dmy(card.get("issued_on")),
                     "current_card_expires_on": dmy(card.get("expires_on")),
                     "kind": "renewal",
                     "reason": "cccd_conversion" if card.get("type") == "cccd" else ""})
    return {"pid": form["pid"], "form": form, "source": applicant.get("source")}
