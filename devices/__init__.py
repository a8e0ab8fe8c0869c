"""Device adapters (camera, fingerprint scanner, smart-card reader) and their simulators.

Nothing here imports the rest of the workstation except ``resources``: the package could be
lifted out as a library.
"""
