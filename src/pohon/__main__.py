"""`python -m pohon`: the same command line as the `pohon` script."""

from pohon.cli import main

main(prog_name="pohon")
