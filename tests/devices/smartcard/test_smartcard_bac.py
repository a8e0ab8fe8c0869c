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


# --- the fast secure-messaging code against a slow, independent reference ---------------------
#
# bac.py keeps its cipher contexts open for a whole session, runs one call per message and
# computes the retail MAC as one CBC-DES call plus one 3DES block (with OpenSSL's single DES
# when the system library has it). The reference below does it the textbook way: one block
# at a time through a fresh ECB context, ISO 9797-1 MAC algorithm 3 step by step.

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES  # noqa: E402
from cryptography.hazmat.primitives.ciphers import Cipher, modes  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from devices.smartcard import bac, tlv  # noqa: E402
from devices.smartcard.bac import tdes_decrypt, tdes_encrypt  # noqa: E402


def _ref_block(key: bytes, block: bytes, encrypt: bool = True) -> bytes:
    """One block of DES (8-byte key) or two-key 3DES (16-byte key), textbook ECB."""
    full = key * 3 if len(key) == 8 else key + key[:8]
    cipher = Cipher(TripleDES(full), modes.ECB())
    ctx = cipher.encryptor() if encrypt else cipher.decryptor()
    return ctx.update(block) + ctx.finalize()


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def _ref_cbc(key: bytes, data: bytes, iv: bytes = bytes(8), encrypt: bool = True) -> bytes:
    out, prev = b"", iv
    for i in range(0, len(data), 8):
        block = data[i : i + 8]
        if encrypt:
            prev = _ref_block(key, _xor(block, prev))
            out += prev
        else:
            out += _xor(_ref_block(key, block, False), prev)
            prev = block
    return out


def _ref_pad(data: bytes) -> bytes:
    data += b"\x80"
    while len(data) % 8:
        data += b"\x00"
    return data


def _ref_retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3: CBC-DES with K1, then D_K2 and E_K1 on the result."""
    k1, k2 = key[:8], key[8:16]
    h = bytes(8)
    for i in range(0, len(data), 8):
        h = _ref_block(k1, _xor(h, data[i : i + 8]))
    return _ref_block(k1, _ref_block(k2, h, False))


def _ref_card_protect(ks_enc: bytes, ks_mac: bytes, ssc: int, data: bytes, sw: int) -> bytes:
    body = b""
    if data:
        body += tlv.encode(0x87, b"\x01" + _ref_cbc(ks_enc, _ref_pad(data)))
    body += tlv.encode(0x99, sw.to_bytes(2, "big"))
    mac = _ref_retail_mac(ks_mac, _ref_pad(ssc.to_bytes(8, "big") + body))
    return body + tlv.encode(0x8E, mac) + sw.to_bytes(2, "big")


KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")


def test_the_reference_reproduces_appendix_d_and_fips_81() -> None:
    # FIPS 81 / NBS DES example, and Appendix D.4's first MAC (SSC 887022120C06C227).
    assert _ref_block(H("0123456789ABCDEF"), b"Now is t") == H("3FA40E8A984D4815")
    mac_input = _ref_pad(H("887022120C06C227") + _ref_pad(H("0CA4020C"))
                         + H("8709016375432908C044F6"))
    assert _ref_retail_mac(KS_MAC, mac_input) == H("BF8B92D635FF24F8")
    assert retail_mac(KS_MAC, mac_input) == H("BF8B92D635FF24F8")


@pytest.fixture(params=["native_des", "pure"])
def des_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with OpenSSL's single DES (when this system has it) and without."""
    if request.param == "pure":
        monkeypatch.setattr(bac, "_native_des", None)
    else:
        monkeypatch.setattr(bac, "_native_des", bac._UNSET)  # look it up again
    bac._cbc.cache_clear()
    bac._mac.cache_clear()
    yield request.param
    bac._cbc.cache_clear()
    bac._mac.cache_clear()


def test_openssl_single_des_is_found_on_this_system() -> None:
    # Debian's libcrypto.so.3 exports DES_ncbc_encrypt; without it the 3DES path is used.
    import ctypes.util

    if ctypes.util.find_library("crypto") is None:
        pytest.skip("no system libcrypto")
    assert bac._load_native_des() is not None


_blocks = st.integers(min_value=1, max_value=300).map(lambda n: n * 8)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.binary(min_size=16, max_size=16), sizes=st.lists(_blocks, min_size=1, max_size=4),
       iv=st.binary(min_size=8, max_size=8), seed=st.binary(min_size=1, max_size=64))
def test_cbc_and_mac_match_the_reference(des_backend: str, key: bytes, sizes: list[int],
                                         iv: bytes, seed: bytes) -> None:
    # Several messages in a row through the same long-lived contexts (state carried over).
    for n in sizes:
        data = (seed * (n // len(seed) + 1))[:n]
        encrypted = tdes_encrypt(key, data, iv)
        assert encrypted == _ref_cbc(key, data, iv)
        assert tdes_decrypt(key, encrypted, iv) == data
        assert tdes_decrypt(key, encrypted) == _ref_cbc(key, encrypted, encrypt=False)
        assert retail_mac(key, data) == _ref_retail_mac(key, data)


@pytest.mark.parametrize("size", [0, 1, 7, 8, 100, 119, 120, 223, 1000, 3840, 20_041])
def test_secure_messaging_matches_the_reference_both_ways(des_backend: str, size: int) -> None:
    payload = bytes((i * 37 + 11) & 0xFF for i in range(size))
    reader, chip = _session(), _session()
    for _ in range(2):  # twice: the counter and the open contexts move on
        apdu = reader.protect(0x00, 0xB0, 0x00, 0x00, le=size or 1, extended=size > 223)
        header, data, le = chip.card_unprotect(apdu)
        assert (header, data, le) == (H("00B00000"), b"", size or 1)
        ssc = chip.ssc + 1
        response = chip.card_protect(payload, 0x9000)
        assert response == _ref_card_protect(KS_ENC, KS_MAC, ssc, payload, 0x9000)
        assert reader.unprotect(response) == (payload, 0x9000)


def test_a_command_with_data_matches_the_reference(des_backend: str) -> None:
    reader, chip = _session(), _session()
    ssc = reader.ssc + 1
    apdu = reader.protect(0x00, 0xA4, 0x02, 0x0C, H("0102"))
    body = tlv.encode(0x87, b"\x01" + _ref_cbc(KS_ENC, _ref_pad(H("0102"))))
    mac = _ref_retail_mac(KS_MAC, _ref_pad(ssc.to_bytes(8, "big") + _ref_pad(H("0CA4020C"))
                                           + body))
    body += tlv.encode(0x8E, mac)
    assert apdu == H("0CA4020C") + bytes([len(body)]) + body + b"\x00"
    assert chip.card_unprotect(apdu) == (H("00A4020C"), H("0102"), None)


def test_unusual_but_valid_layouts_take_the_generic_path() -> None:
    # DO87 with a long-form length on a short value, no DO99: same result as the usual layout.
    reader, chip = _session(), _session()
    chip.card_unprotect(reader.protect(0x00, 0xB0, 0x00, 0x00, le=3))
    ssc = chip.ssc + 1
    body = b"\x87\x81\x09\x01" + _ref_cbc(KS_ENC, _ref_pad(b"abc"))
    mac = _ref_retail_mac(KS_MAC, _ref_pad(ssc.to_bytes(8, "big") + body))
    assert reader.unprotect(body + b"\x8e\x08" + mac + b"\x90\x00") == (b"abc", 0x9000)


def test_an_object_after_the_mac_is_refused() -> None:
    reader, chip = _session(), _session()
    chip.card_unprotect(reader.protect(0x00, 0xB0, 0x00, 0x00, le=3))
    good = chip.card_protect(b"abc", 0x9000)
    smuggled = good[:-2] + b"\x87\x09\x01" + bytes(8) + good[-2:]
    with pytest.raises(SmartCardError) as info:
        reader.unprotect(smuggled)
    assert info.value.code == "smartcard.sm_failed"
