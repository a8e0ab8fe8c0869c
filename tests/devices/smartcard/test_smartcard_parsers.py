"""Parsers of chip data: correct on good input, ONE typed error on malformed input (fuzzed)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from smartcard_fuzzing import PARSERS, mutate, seeds

from devices.smartcard import tlv
from devices.smartcard.datagroups import (
    FID_BY_DG,
    FID_COM,
    FID_SOD,
    parse_com,
    parse_dg1,
    parse_dg2,
    parse_dg13,
    parse_vn_date,
)
from devices.smartcard.emulator import CardProfile, Faults, build_card, default_pki
from devices.smartcard.errors import MalformedData
from devices.smartcard.mrzdata import parse_cccd_qr, parse_td1
from devices.smartcard.sod import parse_sod, passive_authentication

# -- good input ---------------------------------------------------------------------------------


def test_tlv_reads_short_and_long_forms() -> None:
    value = bytes(300)
    encoded = tlv.encode(0x5F1F, value)
    assert encoded[:5] == bytes.fromhex("5F1F82012C")
    obj = tlv.read_tlv(encoded)
    assert (obj.tag, obj.value, obj.end) == (0x5F1F, value, len(encoded))
    assert tlv.header_length(encoded[:8]) == (5, 305)


@pytest.mark.parametrize("data, detail", [
    (b"", "data ends"),
    (bytes.fromhex("5F"), "past the end"),
    (bytes.fromhex("3080"), "indefinite"),
    (bytes.fromhex("3085FFFFFFFFFF"), "length field of 5 bytes"),
    (bytes.fromhex("3084FFFFFFFF00"), "needs 4294967295 bytes"),
    (bytes.fromhex("1FFFFFFFFF01"), "longer than 4 bytes"),
])
def test_tlv_rejects_malformed_objects(data: bytes, detail: str) -> None:
    with pytest.raises(MalformedData) as info:
        tlv.read_tlv(data)
    assert detail in info.value.detail


def test_datagroups_of_the_virtual_card() -> None:
    card = build_card(pki=default_pki())
    com = parse_com(card.files[FID_COM])
    assert com.data_groups == (1, 2, 13)
    mrz = parse_dg1(card.files[FID_BY_DG[1]])
    assert mrz.pid == "079305001234" and mrz.checks_ok
    face = parse_dg2(card.files[FID_BY_DG[2]])
    assert face is not None and face.format == "jpeg" and (face.width, face.height) == (360, 480)
    assert 18_000 < len(card.files[FID_BY_DG[2]]) < 22_000
    details = parse_dg13(card.files[FID_BY_DG[13]])
    assert details.get("full_name") == "Nguyễn Thị An"
    assert details.get("residence").startswith("Tổ dân phố 5")
    assert details.father_name == "Nguyễn Văn Bình" and details.mother_name == "Trần Thị Cúc"
    assert details.date_of_birth == date(2005, 6, 15) and details.sex == "female"
    assert details.expiry_date == date(2030, 6, 15)


def test_dg13_keeps_unknown_fields_and_counts_unknown_objects() -> None:
    card = build_card(faults=Faults(dg13_unknown_tags=True), pki=default_pki())
    details = parse_dg13(card.files[FID_BY_DG[13]])
    assert details.unknown == {42: ("giá trị lạ",)}
    assert details.unknown_tags == 2
    assert details.get("pid") == "079305001234"


def test_dg13_with_wrong_utf8_names_the_field() -> None:
    card = build_card(faults=Faults(dg13_bad_utf8=True), pki=default_pki())
    with pytest.raises(MalformedData) as info:
        parse_dg13(card.files[FID_BY_DG[13]])
    assert info.value.what == "dg13" and "field 9" in info.value.detail


def test_no_expiry_card_reads_as_none() -> None:
    card = build_card(CardProfile(pid="019058001234", date_of_birth=date(1958, 3, 1),
                                  sex="male", expiry=None, full_name="Hoàng Văn Đức"),
                      pki=default_pki())
    details = parse_dg13(card.files[FID_BY_DG[13]])
    assert details.get("expiry_date") == "Không thời hạn" and details.expiry_date is None
    assert parse_dg1(card.files[FID_BY_DG[1]]).date_of_expiry == "<<<<<<"


def test_sod_lists_the_hashes_and_verifies() -> None:
    card = build_card(pki=default_pki())
    sod = parse_sod(card.files[FID_SOD])
    assert sod.hash_algorithm == "sha256" and sorted(sod.hashes) == [1, 2, 13]
    groups = {n: card.files[FID_BY_DG[n]] for n in (1, 2, 13)}
    assert passive_authentication(sod, groups).status == "hashes_valid_issuer_unverified"
    assert passive_authentication(sod, groups, [card.pki.csca_cert]).status == "valid"


@pytest.mark.parametrize("signature", ["ecdsa", "rsa", "rsa-pss"])
@pytest.mark.parametrize("faults", [Faults(), Faults(sod_wrong_hash_algorithm=True)])
def test_sod_fast_path_equals_asn1crypto(signature: str, faults: Faults) -> None:
    from devices.smartcard import sod as sod_module
    from devices.smartcard.emulator import generate_pki

    raw = build_card(faults=faults, pki=generate_pki(signature=signature)).files[FID_SOD]
    der = tlv.expect(raw, 0x77).value
    fast = sod_module._parse_signed_data_fast(der)
    assert fast is not None  # the usual layout takes the fast path
    assert fast == sod_module._parse_signed_data_asn1(der)
    assert fast.signature_algorithm == {"ecdsa": "ecdsa", "rsa": "rsassa_pkcs1v15",
                                        "rsa-pss": "rsassa_pss"}[signature]
    assert fast.hash_algorithm == ("sha1" if faults.sod_wrong_hash_algorithm else "sha256")


def test_sod_fast_path_hands_unusual_input_to_asn1crypto() -> None:
    from devices.smartcard import sod as sod_module

    der = tlv.expect(build_card(pki=default_pki()).files[FID_SOD], 0x77).value
    # Trailing data, a cut, a BER indefinite length: never accepted by the fast path.
    for bad in (der + b"\x00", der[:-1], der[:1] + b"\x80" + der[2:]):
        assert sod_module._parse_signed_data_fast(bad) is None
        with pytest.raises(MalformedData):
            parse_sod(tlv.encode(0x77, bad))


_SOD_DER: list[bytes] = []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_sod_fast_path_agrees_with_asn1crypto_on_mutations(data: st.DataObject) -> None:
    from devices.smartcard import sod as sod_module

    if not _SOD_DER:  # one SOD for every example (each build signs anew)
        _SOD_DER.append(tlv.expect(build_card(pki=default_pki()).files[FID_SOD], 0x77).value)
    der = _SOD_DER[0]
    spot = data.draw(st.integers(0, len(der) - 1))
    value = data.draw(st.integers(0, 255))
    mutated = der[:spot] + bytes([value]) + der[spot + 1 :]
    fast = sod_module._parse_signed_data_fast(mutated)
    if fast is None:
        return
    try:
        slow = sod_module._parse_signed_data_asn1(mutated)
    except (MalformedData, *sod_module._ASN1_ERRORS):
        # Where the fast path is more lenient (parameters it ignores), the SOD is still
        # judged by passive authentication: the signature covers those bytes.
        return
    assert fast == slow


def test_parse_vn_date() -> None:
    assert parse_vn_date("02/09/2024") == date(2024, 9, 2)
    assert parse_vn_date("31/02/2024") is None
    assert parse_vn_date("Không thời hạn") is None


def test_cccd_qr_text() -> None:
    qr = parse_cccd_qr("079305001234|123456789|Nguyễn Thị An|15062005|Nữ|"
                       "Tổ dân phố 5, Phường Thắng Lợi, Sông Công|02092021\r\n")
    assert (qr.pid, qr.cmnd, qr.sex, qr.date_of_birth, qr.issued_on) == (
        "079305001234", "123456789", "female", date(2005, 6, 15), date(2021, 9, 2))
    # Decomposed input (some input methods) comes out NFC.
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "079305001234||Lò Văn Tủa|01011990|Nam|Bản Mòng|")
    qr2 = parse_cccd_qr(decomposed)
    assert qr2.full_name == unicodedata.normalize("NFC", "Lò Văn Tủa") and qr2.issued_on is None


@pytest.mark.parametrize("text", [
    "", "079305001234|x", "07930500123|123456789|A|15062005|Nam|X|02092021",
    "079305001234|123456789|A|31022005|Nam|X|02092021",
    "079305001234|123456789|A|15062005|Khác|X|02092021",
    "079305001234|12345|A|15062005|Nam|X|02092021",
    "|" * 5000,
])
def test_cccd_qr_rejects_bad_text(text: str) -> None:
    with pytest.raises(MalformedData):
        parse_cccd_qr(text)


# -- fuzzing ------------------------------------------------------------------------------------

FUZZ = settings(max_examples=400, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parsers_survive_mutated_input(name: str) -> None:
    parser = PARSERS[name]
    pool = seeds()[name]

    @FUZZ
    @given(st.integers(0, 2**32 - 1))
    def run(seed: int) -> None:
        rnd = random.Random(seed)
        data = mutate(rnd, rnd.choice(pool))
        try:
            parser(data)
        except MalformedData:
            pass

    run()


@FUZZ
@given(st.binary(max_size=300))
def test_tlv_survives_random_bytes(data: bytes) -> None:
    try:
        PARSERS["tlv"](data)
    except MalformedData:
        pass


@FUZZ
@given(st.text(max_size=120))
def test_mrz_and_qr_survive_random_text(text: str) -> None:
    for parse in (parse_td1, parse_cccd_qr):
        try:
            parse(text)
        except MalformedData:
            pass


def test_dg13_layout_variants() -> None:
    def field(n: int, *values: bytes, tag: int = 0x0C) -> bytes:
        return tlv.encode(0x30, tlv.encode(0x02, bytes([n]))
                          + b"".join(tlv.encode(tag, v) for v in values))

    fields = (field(1, b"079305001234", tag=0x13) + field(2, "Lò Thị Mai".encode())
              + tlv.encode(0x30, tlv.encode(0x02, b"\x0d")
                           + tlv.encode(0x30, tlv.encode(0x0C, "Lò Văn Tủa".encode()))
                           + tlv.encode(0x30, tlv.encode(0x0C, "Vàng Thị Dua".encode()))))
    flat = tlv.encode(0x6D, fields)
    wrapped = tlv.encode(0x6D, tlv.encode(0x30, fields))
    versioned = tlv.encode(0x6D, tlv.encode(0x30, tlv.encode(0x02, b"\x01") + fields))
    for data in (flat, wrapped, versioned):
        details = parse_dg13(data)
        assert details.get("pid") == "079305001234" and details.get("full_name") == "Lò Thị Mai"
        assert (details.father_name, details.mother_name) == ("Lò Văn Tủa", "Vàng Thị Dua")
    # A lone family field is a field, not a wrapper.
    lone = parse_dg13(tlv.encode(0x6D, tlv.encode(0x30, tlv.encode(0x02, b"\x0d")
                                                 + tlv.encode(0x30, tlv.encode(0x0C, b"A"))
                                                 + tlv.encode(0x30, tlv.encode(0x0C, b"B")))))
    assert (lone.father_name, lone.mother_name) == ("A", "B")
