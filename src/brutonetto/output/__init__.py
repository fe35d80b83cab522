"""The outputs: records, rows and rekenbladen the engine computed, rendered; the schema.

`formaten` picks the renderer for a format (table, json, jsonl, csv, xlsx, html, svg, png)
and `inhoud` holds what the commands write; `tabel` prints every table (its columns in
`kolommen`), `render` writes JSON and CSV, `rekenblad`/`uitleg`/`terminal` the working,
`werkboek` the workbook, `grafiek` the charts, `rapport` the html report (its charts, SVG
drawn without matplotlib, in `rapportgrafiek`). A name from a file reaches people through
`terminal.zichtbaar` (its control characters shown, never obeyed) and Rich only through
`terminal.console` (no markup read); a CSV cell that would be a formula gets a `'`
(`render.csv_waarde`), and the workbook writes names as text and compares them exactly.

Output stands above the engine and the domain floor and may import both; of input only the
schema imports the model it describes (schema.py). Nothing here imports the command line.

A renderer decides no formula and no figure: records come from the engine, and the working
(explain, `--uitleg`, the workbook's formulas) is the engine's trace (`Record.stappen()`,
types in engine/stappen.py) put into the words and Excel templates of engine/regels.py.

Recipe: a new output format (as `html` was added) touches three files, plus its test:
1. `inhoud.py`: the method that writes it on each content that offers it (`Records.html`),
   declared once on `formaten.Inhoud` (it raises NotImplementedError elsewhere);
2. `formaten.py`: its line in `FORMATEN` (file only? binary? which method);
3. `cli/commands.py`: its name in the choices of the commands that offer it (`RecordFormaat`,
   `AnalyseFormaat`).
A renderer of some size gets a module of its own here, imported by that method when it runs.
"""
