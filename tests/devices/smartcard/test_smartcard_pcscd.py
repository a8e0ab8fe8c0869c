"""End to end through a real pcscd: pyscard → pcscd → vpcd driver → TCP → the virtual card."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from smartcard_support import wait_card

from devices.smartcard.bac import BacKey
from devices.smartcard.base import ReaderEvent
from devices.smartcard.emulator import CardProfile, Faults, VpcdCard
from devices.smartcard.errors import CardAccessDenied, CardRemoved, SmartCardError
from devices.smartcard.service import ReaderWatcher, read_card

pytestmark = pytest.mark.pcscd

KEY = CardProfile().bac_key()
Insert = Callable[..., VpcdCard]


def test_the_virtual_reader_is_listed(pcsc_reader: tuple[Any, str]) -> None:
    adapter, reader = pcsc_reader
    assert reader in adapter.reader_names()


def test_good_card_read_and_passive_authentication(pcsc_reader: tuple[Any, str],
                                                   vpcd_card: Insert) -> None:
    adapter, reader = pcsc_reader
    vpcd = vpcd_card()
    chip = read_card(adapter, KEY, reader=reader, csca=[vpcd.card.pki.csca_cert])
    assert chip.reader == reader
    assert chip.pid == "079305001234" and chip.details is not None
    assert chip.details.get("residence").startswith("Tổ dân phố 5")
    assert chip.face is not None and len(chip.face.data) > 15_000
    assert chip.pa.status == "valid"
    # Extended-length reads: the 20 KB face takes a handful of APDUs, not ~90.
    assert chip.apdus < 40
    assert read_card(adapter, KEY, reader=reader).pa.status == "hashes_valid_issuer_unverified"


def test_short_apdus_give_the_same_data(pcsc_reader: tuple[Any, str], vpcd_card: Insert) -> None:
    adapter, reader = pcsc_reader
    vpcd_card()
    adapter.extended_length = False
    chip = read_card(adapter, KEY, reader=reader)
    assert chip.apdus > 90 and chip.pa.ok and chip.face is not None


def test_altered_dg13_fails_passive_authentication(pcsc_reader: tuple[Any, str],
                                                   vpcd_card: Insert) -> None:
    adapter, reader = pcsc_reader
    vpcd = vpcd_card(Faults(altered_dg13=True))
    chip = read_card(adapter, KEY, reader=reader, csca=[vpcd.card.pki.csca_cert])
    assert chip.pa.status == "failed" and chip.pa.problems == ("dg_hash_mismatch:13",)


def test_wrong_mrz_gives_a_clear_message_and_retry_works(pcsc_reader: tuple[Any, str],
                                                         vpcd_card: Insert) -> None:
    adapter, reader = pcsc_reader
    vpcd_card()
    with pytest.raises(CardAccessDenied) as info:
        read_card(adapter, BacKey("305001234", "050615", "300616"), reader=reader)
    assert info.value.code == "smartcard.bac_failed"
    assert "expiry date" in info.value.text("en")
    assert read_card(adapter, KEY, reader=reader).pid == "079305001234"


def test_card_pulled_mid_read_then_retry_works(pcsc_reader: tuple[Any, str],
                                               vpcd_card: Insert) -> None:
    adapter, reader = pcsc_reader
    vpcd = vpcd_card(Faults(pulled_after_apdus=12), reinsert_after=1.0)
    with pytest.raises(CardRemoved) as info:
        read_card(adapter, KEY, reader=reader)
    assert info.value.code in ("smartcard.card_removed", "smartcard.connection_lost")
    assert vpcd.pulled.is_set()
    # The person puts the card back; the operator reads again.
    assert vpcd.inserted.wait(5.0)
    wait_card(adapter, reader, True)
    chip = read_card(adapter, KEY, reader=reader)
    assert chip.pa.ok and chip.face is not None


def test_reader_unplugged_gives_a_clear_message(pcsc_reader: tuple[Any, str],
                                                vpcd_card: Insert) -> None:
    adapter, reader = pcsc_reader
    vpcd = vpcd_card()
    transport = adapter.connect(reader)
    vpcd.remove()  # the emulator goes away: for pcscd the card (and link) is gone
    with pytest.raises(CardRemoved) as info:
        transport.transmit(bytes.fromhex("00A4040C07A0000002471001"))
    transport.close()
    assert info.value.code in ("smartcard.card_removed", "smartcard.connection_lost",
                               "smartcard.reader_gone")
    wait_card(adapter, reader, False)
    with pytest.raises(SmartCardError) as absent:
        read_card(adapter, KEY, reader=reader)
    assert absent.value.code == "smartcard.no_card"
    assert "Đặt thẻ lên đầu đọc" in absent.value.text("vi")
    vpcd_card()  # plugged back in
    assert read_card(adapter, KEY, reader=reader).pa.ok


def test_not_an_emrtd(pcsc_reader: tuple[Any, str], vpcd_card: Insert) -> None:
    adapter, reader = pcsc_reader
    vpcd_card(Faults(not_emrtd=True))
    with pytest.raises(SmartCardError) as info:
        read_card(adapter, KEY, reader=reader)
    assert info.value.code == "smartcard.not_emrtd"


def test_unknown_reader_name(pcsc_reader: tuple[Any, str]) -> None:
    adapter, _ = pcsc_reader
    with pytest.raises(SmartCardError) as info:
        adapter.connect("No Such Reader 99")
    assert info.value.code == "smartcard.reader_not_found"


def test_watcher_sees_insert_and_remove(pcsc_reader: tuple[Any, str], vpcd_card: Insert) -> None:
    from devices.smartcard.pcsc import PcscAdapter

    _, reader = pcsc_reader
    events: list[ReaderEvent] = []
    cond = threading.Condition()

    def on_event(event: ReaderEvent) -> None:
        with cond:
            events.append(event)
            cond.notify_all()

    def saw(kind: str) -> bool:
        with cond:
            return cond.wait_for(
                lambda: any(e.kind == kind and e.reader == reader for e in events), 5.0)

    watcher = ReaderWatcher(lambda: PcscAdapter(reader), on_event, poll_s=0.2)
    watcher.start()
    try:
        assert saw("reader_added")
        vpcd = vpcd_card()
        assert saw("card_inserted")
        vpcd.remove()
        assert saw("card_removed")
    finally:
        watcher.stop()


def test_cli_reads_the_card_in_the_virtual_reader(pcsc_reader: tuple[Any, str],
                                                  vpcd_card: Insert, tmp_path: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json
    from contextlib import redirect_stderr, redirect_stdout

    from workstation.cli import main

    _, reader = pcsc_reader
    vpcd = vpcd_card()
    csca = tmp_path / "csca"
    csca.mkdir()
    (csca / "vn-test.pem").write_bytes(vpcd.card.pki.csca_pem)
    (csca / "broken.cer").write_bytes(b"not a certificate")

    def cli(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            rc = main(list(argv))
        return rc, out.getvalue(), err.getvalue()

    rc, out, _ = cli("card", "readers", "--json")
    assert rc == 0 and any(r["name"] == reader and r["card_present"]
                           for r in json.loads(out)["readers"])
    monkeypatch.setenv("WORKSTATION_SMARTCARD_CSCA_DIR", str(csca))
    rc, out, _ = cli("card", "read", "--reader", reader, "--pid", "079305001234",
                     "--dob", "2005-06-15", "--expiry", "2030-06-15", "--json")
    data = json.loads(out)
    assert rc == 0 and data["reader"] == reader
    assert data["passive_authentication"]["status"] == "valid"
    assert data["details"]["residence"].startswith("Tổ dân phố 5")
