"""Fixtures for the fingerprint tests: a real SBI simulator on a free loopback port."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from devices.fingerprint.sbi_client import SbiClient
from devices.fingerprint.sbi_simulator import Credentials, SbiSimulator, make_credentials


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def sbi_credentials() -> Credentials:
    return make_credentials()


@pytest.fixture
def sim(sbi_credentials: Credentials) -> Iterator[SbiSimulator]:
    """A simulator with no device delay (a realistic delay is the default outside tests)."""
    simulator = SbiSimulator(free_port(), delay_ms=0, person=11, credentials=sbi_credentials)
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture
def client(sim: SbiSimulator) -> SbiClient:
    return SbiClient(ports=[sim.port], trusted_cas=[sim.ca_pem], response_margin_s=0.7)
