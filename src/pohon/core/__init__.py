"""What every stage shares: the error hierarchy and exit codes, findings, the vocabularies.

Imports nothing else of pohon: every stage may import it.
"""
