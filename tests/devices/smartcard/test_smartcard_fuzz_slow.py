"""Each chip-data parser survives 100,000 generated malformed inputs with only its typed error
(the issue's bar). Plain seeded mutation keeps this fast; hypothesis runs a smaller, shrinking
search in test_smartcard_parsers.py. The SOD parser (asn1crypto underneath, ~0.2 ms an input)
gets 25,000 here; ``bench/_smartcard_fuzz.py`` runs the full 100,000 for every parser."""

from __future__ import annotations

import random

import pytest
from smartcard_fuzzing import PARSERS, mutate, seeds

from devices.smartcard.errors import MalformedData
from devices.smartcard.mrzdata import parse_cccd_qr, parse_td1

RUNS = 100_000


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(set(PARSERS) - {"sod", "sod+pa"}))
def test_100k_malformed_inputs(name: str) -> None:
    _run(name, RUNS)


@pytest.mark.slow
def test_sod_parser_on_malformed_inputs() -> None:
    _run("sod", 25_000)


@pytest.mark.slow
def test_passive_authentication_on_malformed_sods() -> None:
    # Signature checks make this slower per input; PA is not a parser, 3,000 suffice.
    _run("sod+pa", 3_000)


def _run(name: str, runs: int) -> None:
    parser = PARSERS[name]
    pool = seeds()[name]
    rnd = random.Random(f"smartcard-{name}")
    rejected = 0
    for _ in range(runs):
        data = mutate(rnd, rnd.choice(pool))
        try:
            parser(data)
        except MalformedData:
            rejected += 1
    # Most mutations must be caught (else the mutator is too gentle to mean anything).
    assert rejected > runs // 3
    # No hang: pytest-timeout (the suite's 300 s) stops a parser that loops.


@pytest.mark.slow
def test_100k_malformed_texts() -> None:
    rnd = random.Random("smartcard-text")
    good_mrz = ("IDVNM3050012344079305001234<<4" "0506155F3006151VNM<<<<<<<<<<<4"
                "NGUYEN<<THI<AN<<<<<<<<<<<<<<<<")
    good_qr = "079305001234|123456789|Nguyễn Thị An|15062005|Nữ|Sông Công|02092021"
    alphabet = "0123456789|<ABCXYZ ữĐđ/\n"
    for i in range(RUNS):
        base = list(good_mrz if i % 2 else good_qr)
        for _ in range(rnd.randint(1, 4)):
            pos = rnd.randrange(len(base) + 1)
            op = rnd.randrange(3)
            if op == 0 and base:
                base[min(pos, len(base) - 1)] = rnd.choice(alphabet)
            elif op == 1:
                base.insert(pos, rnd.choice(alphabet))
            elif base:
                del base[min(pos, len(base) - 1)]
        text = "".join(base)
        for parse in (parse_td1, parse_cccd_qr):
            try:
                parse(text)
            except MalformedData:
                pass
