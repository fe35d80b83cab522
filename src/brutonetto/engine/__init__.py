"""The arithmetic: pure `Decimal` functions over loaded profiles, and the report records they make.

Nothing here imports Typer, Rich or YAML, nor reads input: the engine stands on the domain
floor (brutonetto.domain: `Profiel`, `Functie`, the quantities) and never imports
brutonetto.input, which stands on the same floor (tests/test_layout.py). A problem with the
caller's choice of scenarios has no file: its source is `records.GEKOZEN`, which the
command line turns into the name of its option.

Every number is made by applying one rule of the
rule table, engine/regels.py (`REGELS[regel].reken`), once; given a trace (a list), the engine
also records each application as a step with its operands and result (engine/stappen.py
holds the trace's types). `Record.stappen()` asks for that trace; `explain` and the workbook
render it (output/rekenblad.py, output/werkboek.py) and derive nothing themselves.

Recipe: adding a deduction type (a verlof or aftrek line in a new unit, say `4 weken` =
4 x uren_per_week). Three source files and a test:

1. src/brutonetto/domain/hoeveelheid.py: the unit's constant and how `Hoeveelheid.__str__`
   writes it; src/brutonetto/input/hoeveelheid.py: its spellings in `EENHEDEN`.
2. src/brutonetto/engine/regels.py: one row in `REGELS`: its section of docs/berekening.md,
   the unit of its result, its words and numbers for explain, its Excel template, `reken`
   (written number, factor) -> hours, `omrekent` = the (stage, unit, van) of the lines it
   converts, `factor` = one of `FACTOREN` (the figure it multiplies by; None: as written),
   `ontbreekt` = the message when that figure is unknown, `invoerformaat` = the number
   format of the line on the workbook's Invoer sheet.
3. a test through the CLI (tests/test_regels.py: add a profile using it to `PROFIELEN`, and
   `test_the_cases_use_every_rule` and the recalculated-workbook test cover it).

The engine converts by the row, explain writes it in its words, the workbook writes its
live formula; none of them changes (tests/test_regels.py proves it with `4 weken`). The JSON
schemas are generated from `EENHEDEN`: regenerate schema/*.json (tests/test_editor.py says
when they are stale), and describe the unit in docs/berekening.md §3 for the reader.
"""
