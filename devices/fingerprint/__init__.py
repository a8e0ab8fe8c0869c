"""Fingerprint and iris capture through MOSIP's open device standard (SBI 0.9.5).

- ``model``: positions, samples, captures, the ``Scanner`` and ``IrisCamera`` protocols.
- ``sbi_client`` / ``sbi_format``: the SBI client (discovery, device info, STREAM, RCAPTURE,
  signatures, hash chain, ISO 19794-4/-6 records); ``sbi_simulator``: an SBI device service.
- ``synth``: synthetic prints, slaps and irises; ``quality``: NFIQ 2-like and iris quality
  (not certified NFIQ 2); ``segment``: 4-4-2 slap segmentation; ``matcher``: the duplicate
  check; ``sequence``: the ten-print enrollment as a state machine; ``storage``: WSQ/PNG bytes.
- ``registry``: the adapter chosen from the ``fingerprint.*`` settings values.
"""
