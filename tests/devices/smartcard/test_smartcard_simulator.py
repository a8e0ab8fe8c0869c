"""The virtual card in the in-process simulated reader: BAC enforcement, good reads, every
scripted fault, removal and reinsertion, reader events."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from devices.smartcard.bac import BacKey
from devices.smartcard.base import ReaderEvent
from devices.smartcard.emulator import AID_MRTD, CardProfile, Faults, VirtualCard
from devices.smartcard.errors import CardAccessDenied, CardRemoved, MalformedData, SmartCardError
from devices.smartcard.registry import create_adapter
from devices.smartcard.service import ReaderWatcher, read_card
from devices.smartcard.simulated import SimulatedAdapter

KEY = CardProfile().bac_key()


def sw(response: bytes) -> int:
    return int.from_bytes(response[-2:], "big")


def test_files_are_closed_before_bac_and_a_wrong_mrz_is_refused() -> None:
    card = VirtualCard()
    assert sw(card.process(bytes.fromhex("00A4040C07") + AID_MRTD)) == 0x9000
    assert sw(card.process(bytes.fromhex("00A4020C02011E"))) == 0x6982
    assert sw(card.process(bytes.fromhex("00B0000004"))) == 0x6982
    assert sw(card.process(bytes.fromhex("0CB000000D9701048E08ED6705417E96BA5500"))) == 0x6982
    challenge = card.process(bytes.fromhex("0084000008"))
    assert sw(challenge) == 0x9000 and len(challenge) == 10
    from devices.smartcard.bac import BacTerminal

    wrong = BacTerminal.from_key(BacKey("305001234", "050615", "300616"))
    data = wrong.authenticate_data(challenge[:8])
    answer = card.process(bytes.fromhex("0082000028") + data + b"\x28")
    assert sw(answer) == 0x6300 and len(answer) == 2


def test_good_card_reads_with_every_group_and_pa() -> None:
    sim = SimulatedAdapter()
    stages: list[str] = []
    chip = read_card(sim, KEY, progress=lambda stage, done, total: stages.append(stage))
    assert chip.pid == "079305001234" and chip.full_name == "Nguyễn Thị An"
    assert chip.date_of_birth == date(2005, 6, 15) and chip.expiry == date(2030, 6, 15)
    assert chip.sex == "female"
    assert chip.face is not None and chip.face.data.startswith(b"\xff\xd8")
    assert chip.pa.status == "hashes_valid_issuer_unverified"
    assert stages[0] == "select" and stages[-1] == "done" and "dg2" in stages
    trusted = read_card(sim, KEY, csca=[sim.card.pki.csca_cert])  # type: ignore[union-attr]
    assert trusted.pa.status == "valid" and trusted.pa.checked_groups == (1, 2, 13)


def test_csca_from_another_issuer_does_not_validate() -> None:
    from devices.smartcard.emulator import generate_pki

    stranger = generate_pki()
    chip = read_card(SimulatedAdapter(), KEY, csca=[stranger.csca_cert])
    assert chip.pa.status == "failed" and "chain_invalid" in chip.pa.problems


@pytest.mark.parametrize("faults, problem", [
    (Faults(altered_dg13=True), "dg_hash_mismatch:13"),
    (Faults(sod_wrong_hash_algorithm=True), "hash_algorithm_mismatch"),
    (Faults(ds_expired=True), "ds_certificate_expired"),
])
def test_passive_authentication_failures(faults: Faults, problem: str) -> None:
    chip = read_card(SimulatedAdapter(VirtualCard(faults=faults)), KEY)
    assert chip.pa.status == "failed" and problem in chip.pa.problems


def test_unknown_dg13_tags_are_kept_and_pa_still_holds() -> None:
    chip = read_card(SimulatedAdapter(VirtualCard(faults=Faults(dg13_unknown_tags=True))), KEY)
    assert chip.pa.ok and chip.details is not None and 42 in chip.details.unknown


@pytest.mark.parametrize("faults, code", [
    (Faults(not_emrtd=True), "smartcard.not_emrtd"),
    (Faults(pace_only=True), "smartcard.pace_required"),
    (Faults(truncated_dg=13), "smartcard.malformed"),
    (Faults(truncated_dg=2), "smartcard.malformed"),
    (Faults(dg13_bad_utf8=True), "smartcard.malformed"),
])
def test_bad_cards_give_one_clear_error(faults: Faults, code: str) -> None:
    with pytest.raises(SmartCardError) as info:
        read_card(SimulatedAdapter(VirtualCard(faults=faults)), KEY)
    assert info.value.code == code
    assert "smartcard." not in info.value.text("vi")  # a translated sentence, not a code


def test_wrong_mrz_then_the_right_one() -> None:
    sim = SimulatedAdapter()
    with pytest.raises(CardAccessDenied) as info:
        read_card(sim, BacKey("305001234", "050615", "300616"))
    assert "ngày hết hạn" in info.value.text("vi")
    assert read_card(sim, KEY).pid == "079305001234"


def test_card_pulled_mid_read_then_put_back() -> None:
    sim = SimulatedAdapter(VirtualCard(faults=Faults(pulled_after_apdus=9)))
    with pytest.raises(CardRemoved) as info:
        read_card(sim, KEY)
    assert info.value.code == "smartcard.card_removed"
    assert sim.readers()[0].card_present is False
    with pytest.raises(SmartCardError) as absent:
        read_card(sim, KEY)
    assert absent.value.code == "smartcard.no_card"
    sim.insert()
    assert read_card(sim, KEY).pa.ok


def test_no_expiry_card_reads_with_key_none() -> None:
    from devices.smartcard.mrzdata import bac_key_for_pid

    profile = CardProfile(pid="019058001234", date_of_birth=date(1958, 3, 1), sex="male",
                          expiry=None, full_name="Hoàng Văn Đức")
    chip = read_card(SimulatedAdapter(VirtualCard(profile)),
                     bac_key_for_pid("019058001234", date(1958, 3, 1), None))
    assert chip.expiry is None and chip.full_name == "Hoàng Văn Đức"


def test_under_six_card_without_face() -> None:
    profile = CardProfile(pid="019319001234", date_of_birth=date(2019, 3, 5), face=False,
                          full_name="Lò Thị Mai", expiry=date(2033, 3, 5))
    chip = read_card(SimulatedAdapter(VirtualCard(profile)), profile.bac_key())
    assert chip.face is None and chip.com.data_groups == (1, 13) and chip.pa.ok


def test_watcher_reports_insertion_and_removal_on_its_own_thread() -> None:
    sim = SimulatedAdapter(insert_default=False)
    events: list[tuple[ReaderEvent, str]] = []
    seen = threading.Condition()

    def on_event(event: ReaderEvent) -> None:
        with seen:
            events.append((event, threading.current_thread().name))
            seen.notify_all()

    watcher = ReaderWatcher(lambda: sim, on_event, poll_s=0.1)
    watcher.start()
    try:
        def wait_for(kind: str) -> None:
            with seen:
                assert seen.wait_for(lambda: any(e.kind == kind for e, _ in events), 3.0)

        wait_for("reader_added")
        sim.insert()
        wait_for("card_inserted")
        sim.remove()
        wait_for("card_removed")
    finally:
        watcher.stop()
    assert {name for _, name in events} == {"card-reader-watch"}


def test_registry_builds_the_simulator_and_refuses_unknown_names() -> None:
    assert create_adapter("simulator").name == "simulator"
    with pytest.raises(SmartCardError):
        create_adapter("magic")


def test_malformed_data_is_a_smartcard_error_with_translation() -> None:
    err = MalformedData("dg13", "field 9 is not valid UTF-8")
    assert isinstance(err, SmartCardError)
    assert "dg13" in err.text("en") and "field 9" in err.text("vi")


@pytest.mark.parametrize("signature", ["rsa", "rsa-pss"])
def test_rsa_document_signers_verify(signature: str) -> None:
    from devices.smartcard.emulator import generate_pki

    pki = generate_pki(signature=signature)
    chip = read_card(SimulatedAdapter(VirtualCard(pki=pki)), KEY, csca=[pki.csca_cert])
    assert chip.pa.status == "valid", chip.pa.problems
    tampered = VirtualCard(pki=pki, faults=Faults(altered_dg13=True))
    assert read_card(SimulatedAdapter(tampered), KEY).pa.status == "failed"


def test_a_reader_without_extended_length_falls_back_to_short_apdus() -> None:
    from devices.smartcard.emrtd import EmrtdReader
    from devices.smartcard.errors import ExtendedLengthRefused

    card = VirtualCard()

    class ShortOnly:
        reader_name = "short-only reader"
        extended_length = True  # claims it, then refuses, like some drivers
        refused = 0

        def transmit(self, apdu: bytes) -> bytes:
            if len(apdu) >= 7 and apdu[4] == 0:
                self.refused += 1
                raise ExtendedLengthRefused()
            return card.process(apdu)

        def close(self) -> None:
            pass

    transport = ShortOnly()
    session = EmrtdReader(transport)
    chip = session.read(KEY)
    assert transport.refused == 1 and not session.extended
    assert chip.face is not None and chip.pa.ok


def test_watcher_reports_a_lost_and_returning_service() -> None:
    from devices.smartcard.base import ReaderState
    from devices.smartcard.errors import DeviceUnavailable

    class Flaky:
        name = "pcsc"
        calls = 0

        def readers(self) -> list[ReaderState]:
            self.calls += 1
            if 2 <= self.calls <= 3:
                raise DeviceUnavailable("smartcard.pcsc_unavailable")
            return [ReaderState("R1", self.calls > 3)]

        def wait_for_change(self, known: list[ReaderState], timeout_s: float
                            ) -> list[ReaderState]:
            return self.readers()

        def cancel_wait(self) -> None:
            pass

    events: list[str] = []
    done = threading.Event()

    def on_event(event: ReaderEvent) -> None:
        events.append(event.kind)
        if event.kind == "card_inserted":
            done.set()

    flaky = Flaky()
    watcher = ReaderWatcher(lambda: flaky, on_event, poll_s=0.01)
    watcher.start()
    try:
        assert done.wait(3.0)
    finally:
        watcher.stop()
    assert events[:6] == ["reader_added", "reader_removed", "service_lost", "service_back",
                          "reader_added", "card_inserted"]


def test_simulator_faults_from_settings_names() -> None:
    from devices.smartcard.emulator import FAULT_NAMES, faults_from_names

    sim = create_adapter("simulator", simulator_faults=["altered_dg13"])
    assert read_card(sim, KEY).pa.problems == ("dg_hash_mismatch:13",)
    assert faults_from_names(["truncated_dg2", "pulled_mid_read"]) == Faults(
        truncated_dg=2, pulled_after_apdus=12)
    assert "pace_only" in FAULT_NAMES
    with pytest.raises(SmartCardError) as info:
        faults_from_names(["melted"])
    assert info.value.code == "smartcard.unknown_fault"


def test_an_unprotected_success_inside_secure_messaging_is_refused() -> None:
    from devices.smartcard.emrtd import EmrtdReader

    card = VirtualCard()

    class Stripping:
        reader_name = "tampering reader"
        extended_length = True

        def transmit(self, apdu: bytes) -> bytes:
            response = card.process(apdu)
            # A man in the middle drops the secure-messaging objects of protected answers.
            return response[-2:] if apdu[0] & 0x0C else response

        def close(self) -> None:
            pass

    with pytest.raises(SmartCardError) as info:
        EmrtdReader(Stripping()).read(KEY)
    assert info.value.code == "smartcard.sm_failed"


# --- read-ahead: the next READ BINARY goes out before the current answer is checked -----------

class _Scripted:
    """A transport in front of a virtual card that logs commands and can spoil one answer."""

    reader_name = "scripted reader"
    extended_length = True

    def __init__(self, card: VirtualCard, spoil: int | None = None, pull: int | None = None,
                 short_answer: int | None = None) -> None:
        self.card = card
        self.spoil = spoil  # flip a bit of data in the answer to this command (1-based count)
        self.pull = pull  # the card leaves at this command
        self.short_answer = short_answer  # the card answers this READ BINARY short (9000)
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.sent.append(apdu)
        n = len(self.sent)
        if n == self.pull:
            raise CardRemoved("smartcard.card_removed")
        if n == self.short_answer:
            # Like a chip that sends less than asked with 9000: ask it for fewer bytes.
            sm = self.card._sm
            assert sm is not None
            header, _, le = sm.card_unprotect(apdu)
            offset = (header[2] << 8) | header[3]
            assert le is not None
            content = self.card.files[self.card._selected]  # type: ignore[index]
            return sm.card_protect(content[offset : offset + le // 2], 0x9000)
        response = self.card.process(apdu)
        if n == self.spoil:
            response = response[:20] + bytes([response[20] ^ 0x01]) + response[21:]
        return response

    def close(self) -> None:
        pass


def _dg2_read_binaries(sent: list[bytes]) -> list[int]:
    """1-based positions of the READ BINARY commands after DG2's SELECT."""
    from devices.smartcard.emrtd import EmrtdReader

    probe = _Scripted(VirtualCard())
    reader = EmrtdReader(probe)
    reader.trace = []
    reader.read(KEY)
    assert reader.trace is not None
    select_dg2 = next(i for i, cmd in enumerate(reader.trace)
                      if cmd[0] == 0xA4 and cmd[3] == b"\x01\x02")
    return [i + 1 for i, cmd in enumerate(reader.trace) if i > select_dg2 + 1
            and cmd[0] == 0xB0 and i < select_dg2 + 8]


def test_read_ahead_reads_the_same_commands_and_data_as_one_by_one() -> None:
    from devices.smartcard.emrtd import EXTENDED_CHUNK, EmrtdReader

    card = VirtualCard()
    transport = _Scripted(card)
    reader = EmrtdReader(transport)
    reader.trace = []
    chip = reader.read(KEY)
    assert chip.files["DG2"] == card.files[0x0102] and chip.pa.ok
    # DG2: SELECT, an 8-byte head, then chunks of 3,840 bytes at consecutive offsets.
    trace = reader.trace
    start = next(i for i, cmd in enumerate(trace) if cmd[0] == 0xA4 and cmd[3] == b"\x01\x02")
    reads = [cmd for cmd in trace[start + 2 :] if cmd[0] == 0xB0][:6]
    offsets = [(p1 << 8) | p2 for _, p1, p2, _, _ in reads]
    assert offsets == [8 + EXTENDED_CHUNK * k for k in range(6)]
    assert len(transport.sent) == len(trace) == chip.apdus


@pytest.mark.parametrize("which", [0, 2, 5])
def test_a_bad_mac_on_a_chunk_read_ahead_is_refused(which: int) -> None:
    from devices.smartcard.emrtd import EmrtdReader

    position = _dg2_read_binaries([])[which]
    transport = _Scripted(VirtualCard(), spoil=position)
    with pytest.raises(SmartCardError) as info:
        EmrtdReader(transport).read(KEY)
    assert info.value.code == "smartcard.sm_failed"


@pytest.mark.parametrize("which", [1, 3, 5])
def test_a_card_pulled_during_read_ahead_reports_removal(which: int) -> None:
    from devices.smartcard.emrtd import EmrtdReader

    position = _dg2_read_binaries([])[which]
    transport = _Scripted(VirtualCard(), pull=position)
    with pytest.raises(CardRemoved):
        EmrtdReader(transport).read(KEY)
    assert len(transport.sent) == position  # nothing sent after the card left


def test_a_short_answer_discards_the_chunk_read_ahead() -> None:
    from devices.smartcard.emrtd import EmrtdReader

    card = VirtualCard()
    position = _dg2_read_binaries([])[1]
    transport = _Scripted(card, short_answer=position)
    chip = EmrtdReader(transport).read(KEY)
    assert chip.files["DG2"] == card.files[0x0102] and chip.pa.ok


def test_a_truncated_dg2_read_ahead_gives_the_same_error() -> None:
    with pytest.raises(MalformedData) as info:
        read_card(SimulatedAdapter(VirtualCard(faults=Faults(truncated_dg=2))), KEY)
    assert info.value.what == "dg2" and "file ends after" in info.value.detail
