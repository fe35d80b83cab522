"""The outputs: records and rekenbladen rendered as table, JSON, CSV, workbook, chart; the schema.

A renderer decides no formula and no figure: records come from the engine, and the working
(explain, `--uitleg`, the workbook's formulas) is the engine's trace (`Record.stappen()`,
types in engine/stappen.py) put into the words and Excel templates of engine/regels.py.

Recipe: adding an output format (say markdown of the records or of the rekenblad):

1. src/brutonetto/output/<format>.py: one renderer over the records (`engine/records.py`)
   or the trace (`rekenblad.Blad`, or `Record.stappen()` with `regels.REGELS` for words and
   templates), writing to a stream; it imports no Typer and no Rich.
2. the command line's format table: a row in `FORMATEN` (cli/uitvoer.py) naming the
   `Inhoud` method that calls the renderer.
3. a test through the CLI (tests/), and the format's name in README.md's table of commands.

Today step 2 is still spread over three places of the command line: the row in `FORMATEN`,
the method on each `Inhoud` (cli/inhoud.py) and the value in the option's enum
(cli/commands.py); folding those into the one row is the command line's reshaping (issue 17).
"""
