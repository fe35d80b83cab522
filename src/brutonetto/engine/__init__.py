"""The arithmetic: pure `Decimal` functions over loaded profiles, and the report records they make.

Nothing here imports Typer, Rich or YAML, nor reads input: the engine stands on the domain
floor (brutonetto.domain: `Profiel`, `Functie`, the quantities) and never imports
brutonetto.input, which stands on the same floor (tests/test_layout.py). A problem with the
caller's choice of scenarios has no file: its source is `records.GEKOZEN`, which the
command line turns into the name of its option.
"""
