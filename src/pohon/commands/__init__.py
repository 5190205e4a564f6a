"""The commands behind the CLI: each body reads, checks, renders or writes through the stages
and returns an exit code; `init` and `schema` live here too.

May import: every stage.
"""
