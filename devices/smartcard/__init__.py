"""Chip card reader: PC/SC (pyscard) and a simulator; ICAO 9303 eMRTD reading with BAC and
secure messaging; passive authentication; the virtual Vietnamese chip card.

Entry points: ``registry.create_adapter(...)`` → an adapter; ``service.read_card(adapter,
key, ...)`` → ``ChipRead``; ``mrzdata.bac_key_for_pid(pid, dob, expiry)`` → the BAC key;
``service.ReaderWatcher`` for insert/remove events; ``emulator`` for the virtual card.
"""
