"""Every setting of the workstation, declared once: type, default and help text.

Values come from, in rising priority: the defaults below, the TOML file in the platform config
directory (``WORKSTATION_CONFIG`` names another file), and environment variables
``WORKSTATION_<SECTION>_<KEY>`` (upper case). The file carries ``schema_version``; older files
are upgraded step by step when read.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workstation.errors import UserFacingError

SCHEMA_VERSION = 1
APP_NAME = "can-cuoc-workstation"


@dataclass(frozen=True)
class Setting:
    """One declared setting: ``section.key``, its type, default and help text."""

    name: str
    type: type
    default: Any
    help: str
    choices: tuple[Any, ...] = ()

    @property
    def env_var(self) -> str:
        return "WORKSTATION_" + self.name.replace(".", "_").upper()

    def parse(self, raw: Any) -> Any:
        """Convert a raw value (from TOML or the environment) to this setting's type."""
        try:
            if self.type is bool:
                if isinstance(raw, bool):
                    value: Any = raw
                elif str(raw).strip().lower() in ("1", "true", "yes", "on"):
                    value = True
                elif str(raw).strip().lower() in ("0", "false", "no", "off", ""):
                    value = False
                else:
                    raise ValueError(raw)
            elif self.type is list:
                value = list(raw) if isinstance(raw, list | tuple) else [
                    p.strip() for p in str(raw).split(",") if p.strip()
                ]
            else:
                value = self.type(raw)
        except (TypeError, ValueError) as exc:
            raise UserFacingError("settings.bad_value", name=self.name, value=raw) from exc
        if self.choices and value not in self.choices:
            raise UserFacingError("settings.bad_value", name=self.name, value=raw)
        return value


def _s(name: str, type_: type, default: Any, help_: str, choices: Iterable[Any] = ()) -> Setting:
    return Setting(name, type_, default, help_, tuple(choices))


# The declarations. Sections: station, database, ui, security, rules, camera, fingerprint,
# smartcard, printing. Device thresholds are handed to the device packages as plain values.
DECLARED: tuple[Setting, ...] = (
    # station
    _s("station.code", str, "TN-SC-01", "Code of this station, used in application numbers."),
    _s("station.name", str, "Công an thành phố Sông Công", "Name printed on documents."),
    _s("station.counter", str, "Quầy 1", "Name of this counter, shown in the status bar."),
    _s("station.province_code", str, "019", "Province code of the station (3 digits)."),
    _s("station.address", str, "Phường Thắng Lợi, thành phố Sông Công, tỉnh Thái Nguyên",
       "Address printed on documents and used as the pick-up place."),
    # database
    _s("database.url", str, "", "SQLAlchemy URL; empty means SQLite in the data directory."),
    _s("database.busy_timeout_ms", int, 5000, "How long a writer waits for a locked database."),
    # ui
    _s("ui.language", str, "vi", "Language of the interface.", ("vi", "en")),
    _s("ui.large_font", bool, False, "Larger fonts for the counter screen."),
    _s("ui.idle_lock_minutes", int, 10, "Lock the session after this many idle minutes."),
    # security
    _s("security.lockout_failures", int, 5, "Failed logins before the account is locked."),
    _s("security.lockout_minutes", int, 5, "How long a locked account stays locked."),
    _s("security.min_password_length", int, 8, "Minimum password length."),
    _s("security.key_file", str, "",
       "Station key file; empty means station.key in the config dir."),
    _s("security.biometric_retention_days", int, 30,
       "Days after handover before an application's biometric images are purged."),
    # rules (points the law leaves open; see RULES.md "Open points")
    _s("rules.reduction_end", str, "2026-12-31",
       "Last day of the 50 % fee reduction of Circular 64/2025 (sources disagree: 2025-12-31)."),
    _s("rules.cccd_milestone_conversion_fee", bool, False,
       "Whether a CCCD holder renewing at an age milestone pays the conversion fee."),
    _s("rules.return_working_days", int, 7, "Working days from receipt to the return date."),
    _s("rules.interim_fee_policy", str, "tt59_rates",
       "Fees between 1/7/2024 and Circular 73/2024's effective date (21/10/2024): the same "
       "amounts under Circular 59/2019, or free.", ("tt59_rates", "free")),
    _s("rules.leap_birthday", str, "feb28",
       "Birthday of people born on 29 February in common years (ages, card expiry).",
       ("feb28", "mar1")),
    _s("rules.extra_pid_prefixes", list, [],
       "3-digit ID-number prefixes accepted besides the province codes (births registered "
       "abroad)."),
    # camera
    _s("camera.adapter", str, "auto", "Camera to use.", ("auto", "opencv", "file", "simulator")),
    _s("camera.source", str, "0", "OpenCV index or URL, or the file/folder for the file source."),
    _s("camera.auto_capture_frames", int, 8, "Consecutive good frames before auto-capture."),
    _s("camera.min_sharpness", float, 60.0, "Minimum variance of the Laplacian of the face."),
    _s("camera.simulator_delay_ms", int, 0, "Extra delay per simulated frame."),
    _s("camera.simulator_scenario", str, "demo",
       "Simulator script.",
       ("demo", "good", "bad", "child", "unplug", "black", "frozen", "nobody")),
    _s("camera.fallback_to_simulator", bool, False,
       "With adapter auto and no camera found, use the simulator instead of a message."),
    _s("camera.width", int, 640, "Preview width asked of the camera."),
    _s("camera.height", int, 480, "Preview height asked of the camera."),
    _s("camera.fps", float, 30.0, "Preview frame rate asked of the camera."),
    _s("camera.still_width", int, 1280, "Width of the still taken for the photo."),
    _s("camera.still_height", int, 960, "Height of the still taken for the photo."),
    _s("camera.open_timeout_s", float, 5.0, "Time allowed to open a camera or IP stream."),
    _s("camera.read_timeout_s", float, 2.0, "Time allowed for one frame before a warning."),
    _s("camera.photo_width", int, 480, "Width of the card photo (portrait 3:4)."),
    _s("camera.photo_height", int, 640, "Height of the card photo."),
    _s("camera.jpeg_quality", int, 90, "JPEG quality of the card photo (1-100)."),
    _s("camera.max_roll_deg", float, 8.0, "Largest head tilt (eye line) accepted, degrees."),
    _s("camera.max_yaw_deg", float, 6.0, "Largest head turn accepted (estimate), degrees."),
    _s("camera.max_centre_offset", float, 0.10, "Largest head offset from the guide centre."),
    _s("camera.min_head_fraction", float, 0.45, "Smallest head height / frame height."),
    _s("camera.max_head_fraction", float, 0.80, "Largest head height / frame height."),
    _s("camera.min_brightness", float, 70.0, "Darkest mean grey level of the face."),
    _s("camera.max_brightness", float, 200.0, "Brightest mean grey level of the face."),
    _s("camera.max_clipped_fraction", float, 0.05, "Largest share of black/white-clipped pixels."),
    _s("camera.min_contrast", float, 22.0, "Smallest grey-level spread of the face."),
    _s("camera.max_background_std", float, 22.0, "Largest grey-level spread of the background."),
    # fingerprint
    _s("fingerprint.adapter", str, "auto", "Scanner to use.", ("auto", "sbi", "simulator")),
    _s("fingerprint.sbi_host", str, "127.0.0.1", "Host of the SBI device service."),
    _s("fingerprint.sbi_ports", str, "4501-4600", "Port range scanned for SBI devices."),
    _s("fingerprint.quality_threshold", int, 40, "Minimum quality score per finger (0-100)."),
    _s("fingerprint.retries", int, 3, "Attempts per finger before asking for an exception."),
    _s("fingerprint.capture_timeout_s", int, 40, "Time allowed for one capture."),
    _s("fingerprint.mode", str, "slaps", "How the ten prints are taken.", ("slaps", "single")),
    _s("fingerprint.storage_format", str, "wsq", "Format of stored prints.", ("wsq", "png")),
    _s("fingerprint.sbi_connect_timeout_ms", int, 300,
       "Connect timeout per port while scanning for SBI devices."),
    _s("fingerprint.sbi_trust_dir", str, "",
       "Folder of trusted device-provider CA certificates (PEM/DER); empty: signatures are "
       "checked but no device is marked trusted."),
    _s("fingerprint.duplicate_check", bool, True,
       "Check that no finger was presented twice in one ten-print sequence."),
    _s("fingerprint.simulator_delay_ms", int, 1500,
       "Time the simulated scanner takes per capture (0 for tests and benchmarks)."),
    _s("fingerprint.simulator_iris", bool, True,
       "Whether the simulator also offers an iris camera."),
    # smartcard
    _s("smartcard.adapter", str, "auto", "Card reader to use.", ("auto", "pcsc", "simulator")),
    _s("smartcard.reader", str, "", "Reader name (substring); empty means the first reader."),
    _s("smartcard.csca_dir", str, "", "Folder of trusted CSCA certificates; empty: none."),
    _s("smartcard.extended_length", bool, True,
       "Read with extended-length APDUs (falls back to short ones if the reader refuses)."),
    _s("smartcard.simulator_delay_ms", int, 4, "Delay per APDU of the simulated card reader."),
    _s("smartcard.simulator_faults", list, [],
       "Faults of the simulated card, for demos: altered_dg13, not_emrtd, truncated_dg13, "
       "truncated_dg2, dg13_unknown_tags, dg13_bad_utf8, sod_wrong_hash_algorithm, ds_expired, "
       "pace_only, pulled_mid_read."),
    # printing
    _s("printing.sink", str, "folder", "Where documents go.", ("folder", "cups", "escpos", "qt")),
    _s("printing.folder", str, "", "Output folder for the folder sink; empty: data dir/printed."),
    _s("printing.cups_printer", str, "", "CUPS printer name for the cups sink."),
    _s("printing.paper", str, "A4", "Paper size.", ("A4", "A5")),
    _s("printing.receipt_printer", str, "",
       "ESC/POS printer: usb:VID:PID, tcp:HOST:PORT or serial:DEV."),
    _s("printing.slip_paper", str, "A5", "Paper of the appointment slip and the fee receipt.",
       ("A4", "A5", "80mm")),
    _s("printing.parent_agency", str, "Công an tỉnh Thái Nguyên",
       "Superior agency printed above the station's name in document headers."),
    _s("printing.place_name", str, "Sông Công",
       "Place printed before the date on documents (\"Sông Công, ngày … tháng … năm …\")."),
    _s("printing.spool_folder", str, "", "Print queue folder; empty: data dir/spool."),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in DECLARED}

# Upgrade steps: version N -> N+1, each a function on the raw TOML mapping.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    env = os.environ.get("WORKSTATION_CONFIG")
    return Path(env) if env else config_dir() / "settings.toml"


@dataclass
class Settings:
    """Resolved values of every declared setting."""

    values: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None

    def __getitem__(self, name: str) -> Any:
        if name not in BY_NAME:
            raise KeyError(name)
        return self.values.get(name, BY_NAME[name].default)

    def get(self, name: str) -> Any:
        return self[name]

    def with_values(self, **changes: Any) -> Settings:
        """A copy with some values replaced (keys use ``__`` for ``.``)."""
        values = dict(self.values)
        for key, value in changes.items():
            name = key.replace("__", ".")
            values[name] = BY_NAME[name].parse(value)
        return Settings(values, self.source)

    def section(self, section: str) -> dict[str, Any]:
        prefix = section + "."
        return {s.name[len(prefix):]: self[s.name] for s in DECLARED if s.name.startswith(prefix)}


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    version = int(raw.get("schema_version", 1))
    while version < SCHEMA_VERSION:
        raw = UPGRADES[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw


def _flatten(raw: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for section, table in raw.items():
        if isinstance(table, Mapping):
            for key, value in table.items():
                flat[f"{section}.{key}"] = value
    return flat


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings file (if any) and the environment; unknown keys are ignored."""
    path = path or config_file()
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    if path.exists():
        try:
            with path.open("rb") as fh:
                raw = _upgrade(tomllib.load(fh))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UserFacingError("settings.unreadable", path=str(path), detail=str(exc)) from exc
        for name, value in _flatten(raw).items():
            if name in BY_NAME:
                values[name] = BY_NAME[name].parse(value)
    for setting in DECLARED:
        if setting.env_var in environ:
            values[setting.name] = setting.parse(environ[setting.env_var])
    return Settings(values, path if path.exists() else None)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the non-default values to the TOML file atomically."""
    import tomli_w

    path = path or config_file()
    tables: dict[str, dict[str, Any]] = {}
    for name, value in settings.values.items():
        if name in BY_NAME and value != BY_NAME[name].default:
            section, key = name.split(".", 1)
            tables.setdefault(section, {})[key] = value
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION, **tables}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        tomli_w.dump(doc, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path
