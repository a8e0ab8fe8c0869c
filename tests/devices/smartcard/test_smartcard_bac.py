"""BAC and secure messaging against the worked example of ICAO 9303 Part 11, Appendix D."""

from __future__ import annotations

from datetime import date

import pytest

from devices.smartcard.bac import (
    KDF_ENC,
    KDF_MAC,
    BacKey,
    BacTerminal,
    SecureMessaging,
    check_digit,
    derive_key,
    pad,
    retail_mac,
    unpad,
)
from devices.smartcard.errors import CardAccessDenied, MalformedData, SmartCardError
from devices.smartcard.mrzdata import bac_key_for_pid, build_td1, parse_td1

H = bytes.fromhex

# Appendix D.2: the ERIKSSON specimen.
KEY = BacKey("L898902C<", "690806", "940623")
RND_IC = H("4608F91988702212")
RND_IFD = H("781723860C06C226")
K_IFD = H("0B795240CB7049B01C19B33E32804F0B")
CMD_DATA = H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
             "5F1448EEA8AD90A7")
RESP_DATA = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F"
              "2F2D235D074D7449")


def test_check_digits_of_the_specimen() -> None:
    assert check_digit("L898902C<") == "3"
    assert check_digit("690806") == "1"
    assert check_digit("940623") == "6"
    assert check_digit("<<<<<<") == "0"


def test_key_seed_and_derived_keys() -> None:
    assert KEY.mrz_information() == "L898902C<369080619406236"
    assert KEY.seed() == H("239AB9CB282DAF66231DC5A4DF6BFBAE")
    assert derive_key(KEY.seed(), KDF_ENC) == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert derive_key(KEY.seed(), KDF_MAC) == H("7962D9ECE03D1ACD4C76089DCE131543")


def test_mutual_authentication_and_session_keys() -> None:
    terminal = BacTerminal.from_key(KEY, RND_IFD, K_IFD)
    assert terminal.authenticate_data(RND_IC) == CMD_DATA
    sm = terminal.session(RESP_DATA)
    assert sm.ks_enc == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert sm.ks_mac == H("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert sm.ssc == 0x887022120C06C226


def test_a_tampered_chip_answer_is_refused() -> None:
    terminal = BacTerminal.from_key(KEY, RND_IFD, K_IFD)
    terminal.authenticate_data(RND_IC)
    bad = bytearray(RESP_DATA)
    bad[3] ^= 0x01
    with pytest.raises(CardAccessDenied):
        terminal.session(bytes(bad))


def _session() -> SecureMessaging:
    return SecureMessaging(H("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                           H("F1CB1F1FB5ADF208806B89DC579DC1F8"), H("887022120C06C226"))


def test_secure_messaging_reproduces_appendix_d4() -> None:
    sm = _session()
    assert sm.protect(0x00, 0xA4, 0x02, 0x0C, H("011E")) == H(
        "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    assert sm.unprotect(H("990290008E08FA855A5D4C50A8ED9000")) == (b"", 0x9000)
    assert sm.protect(0x00, 0xB0, 0x00, 0x00, le=4) == H("0CB000000D9701048E08ED6705417E96BA5500")
    assert sm.unprotect(H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")) == (
        H("60145F01"), 0x9000)
    assert sm.protect(0x00, 0xB0, 0x00, 0x04, le=0x12) == H(
        "0CB000040D9701128E082EA28A70F3C7B53500")
    data, sw = sm.unprotect(H("871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A99029000"
                              "8E08C8B2787EAEA07D749000"))
    assert (data, sw) == (H("04303130365F36063034303030305C026175"), 0x9000)


def test_a_response_with_a_bad_mac_is_rejected() -> None:
    sm = _session()
    sm.protect(0x00, 0xA4, 0x02, 0x0C, H("011E"))
    with pytest.raises(SmartCardError) as info:
        sm.unprotect(H("990290008E08FA855A5D4C50A8EE9000"))
    assert info.value.code == "smartcard.sm_failed"


def test_chip_side_round_trip_with_extended_le() -> None:
    reader, chip = _session(), _session()
    apdu = reader.protect(0x00, 0xB0, 0x01, 0x00, le=3000, extended=True)
    header, data, le = chip.card_unprotect(apdu)
    assert (header, data, le) == (H("00B00100"), b"", 3000)
    payload = bytes(range(256)) * 11
    assert reader.unprotect(chip.card_protect(payload, 0x9000)) == (payload, 0x9000)


def test_padding_and_mac_helpers() -> None:
    assert pad(b"") == H("8000000000000000")
    assert unpad(pad(b"abc")) == b"abc"
    with pytest.raises(MalformedData):
        unpad(bytes(8))
    assert len(retail_mac(H("F1CB1F1FB5ADF208806B89DC579DC1F8"), pad(b"x"))) == 8


def test_vietnamese_bac_key_from_pid_matches_examples_md() -> None:
    key = bac_key_for_pid("079305001234", date(2005, 6, 15), date(2030, 6, 15))
    # examples.md 15: BAC inputs 305001234 + 4, 050615 + 5, 300615 + 1.
    assert key.mrz_information() == "305001234" "4" "050615" "5" "300615" "1"


def test_no_expiry_key_uses_filler_with_check_digit_zero() -> None:
    key = bac_key_for_pid("019058001234", date(1958, 3, 1), None)
    assert key.mrz_information().endswith("<<<<<<0")


def test_td1_of_examples_md_and_the_mrz_package_agree() -> None:
    from mrz.checker.td1 import TD1CodeChecker

    text = build_td1("079305001234", date(2005, 6, 15), "female", date(2030, 6, 15),
                     "Nguyễn Thị An")
    assert text.splitlines() == [
        "IDVNM3050012344079305001234<<4",
        "0506155F3006151VNM<<<<<<<<<<<4",
        "NGUYEN<<THI<AN<<<<<<<<<<<<<<<<",
    ]
    assert bool(TD1CodeChecker(text))
    parsed = parse_td1(text)
    assert parsed.checks_ok and parsed.pid == "079305001234"
    assert parsed.bac_key() == bac_key_for_pid("079305001234", date(2005, 6, 15),
                                               date(2030, 6, 15))


def test_a_wrong_check_digit_is_noticed() -> None:
    text = "IDVNM3050012345079305001234<<4" "0506155F3006151VNM<<<<<<<<<<<4" + "<" * 30
    assert not parse_td1(text).checks_ok
