"""The ``workstation`` command: set up, script and check a station (see shared CLI.md)."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import pkgutil
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn, TextIO

from resources.messages import CodedError, message
from workstation import commands
from workstation.errors import OperatorCancelled, UsageError
from workstation.settings import Settings, load_settings

log = logging.getLogger("workstation.cli")


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one translated line and exit code 2."""

    lang = "vi"

    def error(self, msg: str) -> NoReturn:
        sys.stderr.write(message("error.usage", self.lang, detail=msg) + "\n")
        sys.exit(2)


@dataclass
class CliContext:
    """What a subcommand handler receives: its arguments and the station's resources."""

    args: argparse.Namespace
    lang: str
    settings: Settings
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _db: Any = None

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def db_url(self) -> str:
        from models.db import default_url

        url = getattr(self.args, "db", None) or os.environ.get("WORKSTATION_DB")
        return url or self.settings["database.url"] or default_url()

    def database(self) -> Any:
        """The opened ``models.db.Database`` (created on first use)."""
        if self._db is None:
            from models.db import Database

            self._db = Database.open(
                self.db_url(), busy_timeout_ms=self.settings["database.busy_timeout_ms"]
            )
        return self._db

    def emit_json(self, obj: Any) -> None:
        json.dump(obj, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")

    def say(self, code: str, /, **params: Any) -> None:
        self.out.write(message(code, self.lang, **params) + "\n")

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


Handler = Callable[[CliContext], int]


def _common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: an option given before the subcommand is not reset by the subcommand's parser.
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL (default: WORKSTATION_DB or the SQLite file in the "
                        "data directory)")
    parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help="language of messages (default vi)")


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    _Parser.lang = lang
    parser = _Parser(prog="workstation", description="Căn cước Workstation")
    _common(parser)
    parser.set_defaults(db=None, lang=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub, _common)
    return parser


def _lang_from_argv(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in ("vi", "en") else "vi"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in ("vi", "en") else "vi"
    return os.environ.get("WORKSTATION_UI_LANGUAGE", "vi") if os.environ.get(
        "WORKSTATION_UI_LANGUAGE") in ("vi", "en") else "vi"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(argv)
    logging.basicConfig(level=os.environ.get("WORKSTATION_LOG", "WARNING"),
                        format="%(levelname)s %(name)s: %(message)s")
    ctx: CliContext | None = None
    try:
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        ctx = CliContext(args=args, lang=args.lang or lang, settings=load_settings())
        handler: Handler = args.func
        return int(handler(ctx) or 0)
    except OperatorCancelled:
        return 1
    except UsageError as exc:
        sys.stderr.write(exc.text(lang) + "\n")
        return 2
    except CodedError as exc:  # user-facing, device and printing errors alike
        sys.stderr.write(exc.text(lang) + "\n")
        return int(getattr(exc, "exit_code", 1))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        log.debug("unexpected error", exc_info=True)
        _write_crash_log(exc)
        sys.stderr.write(message("error.unexpected", lang, detail=f"{type(exc).__name__}: {exc}")
                         + "\n")
        return 1
    finally:
        if ctx is not None:
            ctx.close()


def _write_crash_log(exc: BaseException) -> None:
    """Keep the traceback for support in the data directory; never show it."""
    try:
        from workstation.settings import data_dir

        path = data_dir() / "logs" / "cli-errors.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)) + "\n")
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
