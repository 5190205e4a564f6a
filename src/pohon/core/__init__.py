"""What every stage shares: errors and exit codes, stop signals, findings, the vocabularies.

Imports nothing else of pohon: every stage may import it.
"""
